-- The tamper-evident audit trail (AT3) and the triage state of fraud-suspicion signals.

-- Append-only hash chain. entry_hash = SHA-256(canonical {"at","kind","payload","sequence"} ‖ prev_hash), see
-- Berichtenverkeer.Audit/Trail/README.md. The code never updates a row; retention deletes the oldest entries and
-- appends a retention-anchor entry in the same transaction.
CREATE TABLE audit_trail (
    sequence   INTEGER NOT NULL PRIMARY KEY,
    at         TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('audit-event', 'triage', 'retention-anchor')),
    payload    TEXT    NOT NULL,
    prev_hash  TEXT    NOT NULL,
    entry_hash TEXT    NOT NULL
) STRICT;
-- Defence in depth: an UPDATE is refused by the database too (a DBA can still drop this; checkpoints catch that).
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE ON audit_trail
BEGIN
    SELECT RAISE(ABORT, 'audit_trail is append-only');
END;

-- One row per signal: its current triage state; every change is also a 'triage' entry of the trail.
CREATE TABLE signal_triage (
    signal_id      TEXT    NOT NULL PRIMARY KEY,
    gemeente       TEXT    NOT NULL,
    agb            TEXT    NOT NULL,
    rule_id        TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('new', 'under_review', 'dismissed', 'confirmed')),
    reason         TEXT    NULL,
    updated_by     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    trail_sequence INTEGER NOT NULL
) STRICT;
CREATE INDEX ix_signal_triage_state ON signal_triage (state, gemeente);

-- AT8 sampling frames select prestaties by ProductPeriode month.
CREATE INDEX ix_prestatie_product_periode ON prestatie (product_periode_begin);

-- Audit events move from the outbox into the trail exactly once (TrailOutboxAsync), independent of bus dispatch.
ALTER TABLE outbox ADD COLUMN trailed_at TEXT NULL;
CREATE INDEX ix_outbox_untrailed ON outbox (id) WHERE audit_event IS NOT NULL AND trailed_at IS NULL;
