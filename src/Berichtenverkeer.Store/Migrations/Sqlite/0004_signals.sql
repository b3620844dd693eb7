-- Raised fraud-suspicion signals (issue #5): one row per deterministic signal id, so a rerun stores nothing twice.
-- payload is the signal as JSON (SignalJson); the columns beside it are what queries filter on. published_at is the
-- signal outbox: null until the broker confirmed the FraudSignalRaised event.
CREATE TABLE signal (
    id           TEXT    NOT NULL PRIMARY KEY,
    rule_id      TEXT    NOT NULL,
    rule_version INTEGER NOT NULL,
    severity     TEXT    NOT NULL CHECK (severity IN ('L', 'M', 'H', 'C')),
    stage        TEXT    NOT NULL,
    gemeente     TEXT    NOT NULL,
    agb          TEXT    NULL,
    client       TEXT    NULL,
    period_from  TEXT    NOT NULL,
    period_to    TEXT    NOT NULL,
    first_seen   TEXT    NOT NULL,
    payload      TEXT    NOT NULL,
    published_at TEXT    NULL
) STRICT;
CREATE INDEX ix_signal_gemeente_period ON signal (gemeente, period_from, period_to);
CREATE INDEX ix_signal_agb_period ON signal (agb, period_from);
CREATE INDEX ix_signal_rule_period ON signal (rule_id, period_from);
CREATE INDEX ix_signal_unpublished ON signal (first_seen, id) WHERE published_at IS NULL;
