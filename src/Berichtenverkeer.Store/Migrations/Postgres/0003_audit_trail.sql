-- The tamper-evident audit trail (AT3) and the triage state of fraud-suspicion signals.

-- Append-only hash chain. entry_hash = SHA-256(canonical {"at","kind","payload","sequence"} ‖ prev_hash), see
-- Berichtenverkeer.Audit/Trail/README.md. The code never updates a row; retention deletes the oldest entries and
-- appends a retention-anchor entry in the same transaction. payload is text, not jsonb: its exact bytes are hashed.
CREATE TABLE audit_trail (
    sequence   bigint      NOT NULL PRIMARY KEY,
    at         timestamptz NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('audit-event', 'triage', 'retention-anchor')),
    payload    text        NOT NULL,
    prev_hash  text        NOT NULL,
    entry_hash text        NOT NULL
);
-- Defence in depth: an UPDATE is refused by the database too (a DBA can still drop this; checkpoints catch that).
CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail is append-only';
END
$$;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION audit_trail_append_only();

-- One row per signal: its current triage state; every change is also a 'triage' entry of the trail.
CREATE TABLE signal_triage (
    signal_id      text        NOT NULL PRIMARY KEY,
    gemeente       text        NOT NULL,
    agb            text        NOT NULL,
    rule_id        text        NOT NULL,
    state          text        NOT NULL CHECK (state IN ('new', 'under_review', 'dismissed', 'confirmed')),
    reason         text        NULL,
    updated_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    trail_sequence bigint      NOT NULL
);
CREATE INDEX ix_signal_triage_state ON signal_triage (state, gemeente);

-- AT8 sampling frames select prestaties by ProductPeriode month.
CREATE INDEX ix_prestatie_product_periode ON prestatie (product_periode_begin);

-- Audit events move from the outbox into the trail exactly once (TrailOutboxAsync), independent of bus dispatch.
ALTER TABLE outbox ADD COLUMN trailed_at timestamptz NULL;
CREATE INDEX ix_outbox_untrailed ON outbox (id) WHERE audit_event IS NOT NULL AND trailed_at IS NULL;
