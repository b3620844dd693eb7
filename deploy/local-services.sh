#!/usr/bin/env bash
# Local backing services for development and tests, without Docker.
#
#   eval "$(deploy/local-services.sh)"      install if missing, start (idempotent), export the connection settings
#   deploy/local-services.sh --stop         stop what this script started
#   deploy/local-services.sh --status       show whether each service runs
#   deploy/local-services.sh --env          only print the exports (services must be running)
#
# Only the export lines go to stdout; progress goes to stderr, so the output can be eval'ed.
# Each service is a set of functions <service>_start / _stop / _status / _env; add one by writing those functions and
# adding its name to SERVICES.
#
# Settings (environment):
#   BV_SERVICES_DIR        where data, sockets and logs live      (default: ${TMPDIR:-/tmp}/berichtenverkeer-services)
#   BV_POSTGRES_PORT       port on 127.0.0.1                      (default: 54329)
#   BV_POSTGRES_DB         database                               (default: berichtenverkeer)
#   BV_POSTGRES_USER       login role owning the database         (default: berichtenverkeer)
#   BV_POSTGRES_PASSWORD   its password                           (default: berichtenverkeer)
#   BV_RABBITMQ_PORT       AMQP port on 127.0.0.1; the Erlang distribution uses the next 21 ports (default: 56729)
#   BV_RABBITMQ_VHOST      virtual host                           (default: berichtenverkeer)
#   BV_RABBITMQ_USER       user with all permissions on it        (default: berichtenverkeer)
#   BV_RABBITMQ_PASSWORD   its password                           (default: berichtenverkeer)
#   BV_WAIT_SECONDS        how long to wait for a service         (default: 60)
set -euo pipefail

SERVICES=(postgres rabbitmq)

BV_SERVICES_DIR="${BV_SERVICES_DIR:-${TMPDIR:-/tmp}/berichtenverkeer-services}"
BV_WAIT_SECONDS="${BV_WAIT_SECONDS:-60}"

log() { printf 'local-services: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------------------------
PG_PORT="${BV_POSTGRES_PORT:-54329}"
PG_DB="${BV_POSTGRES_DB:-berichtenverkeer}"
PG_USER="${BV_POSTGRES_USER:-berichtenverkeer}"
PG_PASSWORD="${BV_POSTGRES_PASSWORD:-berichtenverkeer}"
PG_HOME="$BV_SERVICES_DIR/postgres"
PG_DATA="$PG_HOME/data"
PG_SOCKET="$PG_HOME/socket"
PG_LOG="$PG_HOME/postgres.log"
PG_BIN=""
# The OS user the server runs as: postgres when we are root (initdb and postgres refuse root), else ourselves.
PG_OS_USER="$(is_root && echo postgres || id -un)"

# Runs a command as the server's OS user (from /, which that user can always enter).
pg_as() {
    if is_root; then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u "$PG_OS_USER" -- "$@")
        else
            (cd / && su "$PG_OS_USER" -s /bin/sh -c "$(printf '%q ' "$@")")
        fi
    else
        "$@"
    fi
}

# Finds initdb/pg_ctl/postgres/pg_isready: PATH first, then the newest /usr/lib/postgresql/<version>/bin.
postgres_find_binaries() {
    local dir
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
        PG_BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
    else
        for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
            if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
                PG_BIN="$dir"
                break
            fi
        done
    fi
    [ -n "$PG_BIN" ]
}

postgres_install() {
    if postgres_find_binaries; then
        return
    fi
    is_root || die "PostgreSQL is not installed and installing it needs root (apt-get install -y postgresql)."
    log "installing PostgreSQL with apt-get"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    postgres_find_binaries || die "apt-get installed postgresql but initdb/pg_ctl/postgres were not found."
}

postgres_ensure_os_user() {
    if is_root && ! id "$PG_OS_USER" >/dev/null 2>&1; then
        log "creating OS user $PG_OS_USER"
        useradd --system --home-dir /var/lib/postgresql --shell /bin/sh "$PG_OS_USER"
    fi
}

postgres_running() {
    [ -f "$PG_DATA/PG_VERSION" ] && pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

postgres_ready() {
    local isready="$PG_BIN/pg_isready"
    [ -x "$isready" ] || isready="$(command -v pg_isready || true)"
    if [ -n "$isready" ]; then
        "$isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres >/dev/null 2>&1
    else
        pg_psql -d postgres -c 'SELECT 1' >/dev/null 2>&1
    fi
}

# psql as the superuser over the server's own Unix socket (trusted), without a password.
pg_psql() {
    local psql="$PG_BIN/psql"
    [ -x "$psql" ] || psql="$(command -v psql)" || die "psql not found"
    pg_as "$psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET" -p "$PG_PORT" -U postgres "$@"
}

postgres_wait() {
    local waited=0
    until postgres_ready; do
        if [ "$waited" -ge "$BV_WAIT_SECONDS" ]; then
            log "PostgreSQL did not become ready within ${BV_WAIT_SECONDS}s; last lines of $PG_LOG:"
            tail -n 20 "$PG_LOG" >&2 || true
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

postgres_start() {
    postgres_install
    postgres_ensure_os_user
    mkdir -p "$PG_HOME" "$PG_SOCKET"
    if is_root; then
        chown "$PG_OS_USER" "$PG_HOME" "$PG_SOCKET"
        chmod 755 "$BV_SERVICES_DIR" 2>/dev/null || true
    fi

    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        log "initialising a cluster in $PG_DATA ($("$PG_BIN/postgres" --version))"
        pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    fi

    if postgres_running; then
        log "PostgreSQL already runs on 127.0.0.1:$PG_PORT ($PG_DATA)"
    else
        log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
        touch "$PG_LOG"
        is_root && chown "$PG_OS_USER" "$PG_LOG"
        pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$BV_WAIT_SECONDS" \
            -o "-p $PG_PORT -k $PG_SOCKET -c listen_addresses=127.0.0.1" start >/dev/null \
            || { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start (is port $PG_PORT taken?)"; }
    fi
    postgres_wait

    # Role and database, idempotently; the password is (re)set every time so the exports are always right.
    if [ "$(pg_psql -d postgres -tA -v role="$PG_USER" <<<"SELECT count(*) FROM pg_roles WHERE rolname = :'role'")" = "0" ]; then
        log "creating role $PG_USER"
        pg_psql -d postgres -v role="$PG_USER" -v pw="$PG_PASSWORD" <<<"CREATE ROLE :\"role\" LOGIN PASSWORD :'pw'"
    else
        pg_psql -d postgres -v role="$PG_USER" -v pw="$PG_PASSWORD" <<<"ALTER ROLE :\"role\" LOGIN PASSWORD :'pw'"
    fi
    if [ "$(pg_psql -d postgres -tA -v db="$PG_DB" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db'")" = "0" ]; then
        log "creating database $PG_DB"
        pg_psql -d postgres -v db="$PG_DB" -v role="$PG_USER" <<<"CREATE DATABASE :\"db\" OWNER :\"role\" ENCODING 'UTF8'"
    fi
    log "PostgreSQL ready: database $PG_DB, user $PG_USER"
}

postgres_stop() {
    if ! postgres_find_binaries; then
        log "PostgreSQL is not installed; nothing to stop"
        return
    fi
    if postgres_running; then
        log "stopping PostgreSQL ($PG_DATA)"
        pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$BV_WAIT_SECONDS" stop >/dev/null
    else
        log "PostgreSQL is not running ($PG_DATA)"
    fi
}

postgres_status() {
    if postgres_find_binaries && postgres_running; then
        log "postgres: running on 127.0.0.1:$PG_PORT ($PG_DATA)"
    else
        log "postgres: stopped"
        return 1
    fi
}

postgres_env() {
    printf "export BERICHTENVERKEER_POSTGRES='Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s'\n" \
        "$PG_PORT" "$PG_DB" "$PG_USER" "$PG_PASSWORD"
}

# ---------------------------------------------------------------------------------------------------------------------
# RabbitMQ (Debian's rabbitmq-server, run without systemd: its own node name, ports, data and logs under the services dir)
# ---------------------------------------------------------------------------------------------------------------------
RMQ_PORT="${BV_RABBITMQ_PORT:-56729}"
RMQ_VHOST="${BV_RABBITMQ_VHOST:-berichtenverkeer}"
RMQ_USER="${BV_RABBITMQ_USER:-berichtenverkeer}"
RMQ_PASSWORD="${BV_RABBITMQ_PASSWORD:-berichtenverkeer}"
RMQ_HOME="$BV_SERVICES_DIR/rabbitmq"
RMQ_LOG="$RMQ_HOME/rabbitmq.log"
RMQ_BIN="/usr/lib/rabbitmq/bin"
# The OS user the node runs as: rabbitmq when we are root (the package creates it), else ourselves.
RMQ_OS_USER="$(is_root && echo rabbitmq || id -un)"
# A node of our own (not the package's default rabbit@host), so it never meets another RabbitMQ on this machine.
RMQ_NODENAME="bv-rabbit-$RMQ_PORT@localhost"

# Runs a RabbitMQ script as the node's OS user with this node's environment: its own HOME (Erlang cookie), epmd port,
# data, logs, config and plugins files, and distribution ports just above the AMQP port (the defaults, port + 20000
# and the CLI's port + 30000, fall outside 65535 for a port this high).
rmq_as() {
    local env=(
        HOME="$RMQ_HOME"
        PATH="/usr/sbin:/usr/bin:/sbin:/bin"
        ERL_EPMD_ADDRESS=127.0.0.1
        ERL_EPMD_PORT="$((RMQ_PORT + 1))"
        RABBITMQ_NODENAME="$RMQ_NODENAME"
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
        RABBITMQ_NODE_PORT="$RMQ_PORT"
        RABBITMQ_DIST_PORT="$((RMQ_PORT + 2))"
        RABBITMQ_CTL_DIST_PORT_MIN="$((RMQ_PORT + 3))"
        RABBITMQ_CTL_DIST_PORT_MAX="$((RMQ_PORT + 21))"
        RABBITMQ_MNESIA_BASE="$RMQ_HOME/mnesia"
        RABBITMQ_LOG_BASE="$RMQ_HOME/log"
        RABBITMQ_PID_FILE="$RMQ_HOME/rabbitmq.pid"
        RABBITMQ_CONFIG_FILE="$RMQ_HOME/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_HOME/advanced.config"
        RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_HOME/enabled_plugins"
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    )
    if is_root; then
        (cd / && runuser -u "$RMQ_OS_USER" -- env "${env[@]}" "$@")
    else
        (cd / && env "${env[@]}" "$@")
    fi
}

rmq_ctl() { rmq_as "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODENAME" "$@"; }

rabbitmq_installed() { [ -x "$RMQ_BIN/rabbitmq-server" ] && [ -x "$RMQ_BIN/rabbitmqctl" ]; }

rabbitmq_install() {
    if rabbitmq_installed; then
        return
    fi
    is_root || die "RabbitMQ is not installed and installing it needs root (apt-get install -y rabbitmq-server)."
    log "installing RabbitMQ with apt-get"
    apt-get update -qq >&2
    # The package's own service start is refused without systemd/init (policy-rc.d); we start our node ourselves.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >&2
    rabbitmq_installed || die "apt-get installed rabbitmq-server but $RMQ_BIN/rabbitmq-server was not found."
}

# Quick liveness without starting an Erlang VM: the pid file names a live beam process.
rabbitmq_process_alive() {
    [ -f "$RMQ_HOME/rabbitmq.pid" ] && kill -0 "$(cat "$RMQ_HOME/rabbitmq.pid")" 2>/dev/null
}

rabbitmq_running() {
    rabbitmq_process_alive && rmq_ctl -q status >/dev/null 2>&1
}

rabbitmq_wait() {
    local deadline=$((SECONDS + BV_WAIT_SECONDS))
    # await_startup gives up at once while the node is not yet registered, so ask again until the deadline.
    until rmq_ctl -q await_startup --timeout 10 >/dev/null 2>&1; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "RabbitMQ did not become ready within ${BV_WAIT_SECONDS}s; last lines of $RMQ_LOG:"
            tail -n 30 "$RMQ_LOG" >&2 || true
            exit 1
        fi
        if ! rabbitmq_process_alive && [ "$SECONDS" -ge $((deadline - BV_WAIT_SECONDS + 5)) ]; then
            log "RabbitMQ exited while starting; last lines of $RMQ_LOG:"
            tail -n 30 "$RMQ_LOG" >&2 || true
            exit 1
        fi
        sleep 1
    done
}

rabbitmq_start() {
    rabbitmq_install
    mkdir -p "$RMQ_HOME/mnesia" "$RMQ_HOME/log"
    # Listen on loopback only; no plugins (the tests and the CLI speak AMQP only).
    printf 'listeners.tcp.1 = 127.0.0.1:%s\nloopback_users = none\n' "$RMQ_PORT" >"$RMQ_HOME/rabbitmq.conf"
    printf '[].\n' >"$RMQ_HOME/advanced.config"
    printf '[].\n' >"$RMQ_HOME/enabled_plugins"
    if is_root; then
        chown -R "$RMQ_OS_USER" "$RMQ_HOME"
        chmod 755 "$BV_SERVICES_DIR" 2>/dev/null || true
    fi

    if rabbitmq_running; then
        log "RabbitMQ already runs on 127.0.0.1:$RMQ_PORT (node $RMQ_NODENAME)"
    else
        log "starting RabbitMQ on 127.0.0.1:$RMQ_PORT (node $RMQ_NODENAME, log: $RMQ_LOG)"
        touch "$RMQ_LOG"
        is_root && chown "$RMQ_OS_USER" "$RMQ_LOG"
        # Detached from this script (setsid), so `eval "$(deploy/local-services.sh)"` returns while the node runs on.
        rmq_as setsid "$RMQ_BIN/rabbitmq-server" >>"$RMQ_LOG" 2>&1 </dev/null &
    fi
    rabbitmq_wait

    # User, vhost and permissions, idempotently; the password is (re)set every time so the exports are always right.
    if rmq_ctl -q list_users --no-table-headers 2>/dev/null | awk '{print $1}' | grep -Fxq "$RMQ_USER"; then
        rmq_ctl -q change_password "$RMQ_USER" "$RMQ_PASSWORD" >/dev/null
    else
        log "creating RabbitMQ user $RMQ_USER"
        rmq_ctl -q add_user "$RMQ_USER" "$RMQ_PASSWORD" >/dev/null
    fi
    rmq_ctl -q set_user_tags "$RMQ_USER" administrator >/dev/null
    if ! rmq_ctl -q list_vhosts --no-table-headers 2>/dev/null | grep -Fxq "$RMQ_VHOST"; then
        log "creating RabbitMQ vhost $RMQ_VHOST"
        rmq_ctl -q add_vhost "$RMQ_VHOST" >/dev/null
    fi
    rmq_ctl -q set_permissions -p "$RMQ_VHOST" "$RMQ_USER" '.*' '.*' '.*' >/dev/null
    log "RabbitMQ ready: vhost $RMQ_VHOST, user $RMQ_USER"
}

rabbitmq_stop() {
    if ! rabbitmq_installed; then
        log "RabbitMQ is not installed; nothing to stop"
        return
    fi
    if rabbitmq_process_alive; then
        log "stopping RabbitMQ (node $RMQ_NODENAME)"
        rmq_ctl -q shutdown >/dev/null 2>&1 || kill "$(cat "$RMQ_HOME/rabbitmq.pid")" 2>/dev/null || true
    else
        log "RabbitMQ is not running (node $RMQ_NODENAME)"
    fi
    # The node's own epmd (on a port of its own, so no other Erlang program used it).
    rmq_as epmd -port "$((RMQ_PORT + 1))" -kill >/dev/null 2>&1 || true
}

rabbitmq_status() {
    if rabbitmq_installed && rabbitmq_running; then
        log "rabbitmq: running on 127.0.0.1:$RMQ_PORT (node $RMQ_NODENAME)"
    else
        log "rabbitmq: stopped"
        return 1
    fi
}

rabbitmq_env() {
    printf "export BERICHTENVERKEER_RABBITMQ='amqp://%s:%s@127.0.0.1:%s/%s'\n" "$RMQ_USER" "$RMQ_PASSWORD" "$RMQ_PORT" "$RMQ_VHOST"
}

# ---------------------------------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------------------------------
usage() { sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//' >&2; }

main() {
    local action="start" service status=0
    case "${1:-}" in
        "" | --start) action="start" ;;
        --stop) action="stop" ;;
        --status) action="status" ;;
        --env) action="env" ;;
        -h | --help) usage; return 0 ;;
        *) usage; die "unknown option: $1" ;;
    esac

    case "$action" in
        start)
            mkdir -p "$BV_SERVICES_DIR"
            for service in "${SERVICES[@]}"; do "${service}_start"; done
            for service in "${SERVICES[@]}"; do "${service}_env"; done
            ;;
        stop)
            for service in "${SERVICES[@]}"; do "${service}_stop"; done
            ;;
        status)
            for service in "${SERVICES[@]}"; do "${service}_status" || status=1; done
            return "$status"
            ;;
        env)
            for service in "${SERVICES[@]}"; do "${service}_env"; done
            ;;
    esac
}

main "$@"
