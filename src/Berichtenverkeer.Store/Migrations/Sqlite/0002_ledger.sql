-- The gateway's own inbox and outbox, beside the iJw state so one transaction writes a verdict, its state changes,
-- its deliveries and its audit events (no loss, no double effect).

-- Ingress keeps the raw bytes here before it asks for processing: the claim check.
CREATE TABLE inbound (
    message_id  TEXT NOT NULL PRIMARY KEY,
    received_at TEXT NOT NULL,
    channel     TEXT NOT NULL,
    party       TEXT NULL,
    file_name   TEXT NULL,
    content     BLOB NOT NULL
) STRICT;

-- One row per processed message: how it was disposed of.
CREATE TABLE ledger (
    message_id    TEXT    NOT NULL PRIMARY KEY REFERENCES inbound (message_id),
    received_at   TEXT    NOT NULL,
    channel       TEXT    NOT NULL,
    party         TEXT    NULL,
    content_hash  TEXT    NOT NULL,
    message_type  TEXT    NULL,
    afzender      TEXT    NULL,
    ontvanger     TEXT    NULL,
    identificatie TEXT    NULL,
    disposition   TEXT    NOT NULL,
    failed_level  INTEGER NULL,
    rule_codes    TEXT    NOT NULL
) STRICT;
-- Duplicate submissions (TR056 with the same content) are answered from here.
CREATE INDEX ix_ledger_duplicate ON ledger (afzender, message_type, identificatie, content_hash);

-- Deliveries to parties and audit events to publish; kept after dispatch (a delivery is fetched by id when large).
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    message_id    TEXT NOT NULL REFERENCES ledger (message_id),
    delivery_id   TEXT NULL,
    recipient     TEXT NULL,
    delivery_kind TEXT NULL,
    message_type  TEXT NULL,
    file_name     TEXT NULL,
    content       BLOB NULL,
    audit_event   TEXT NULL,
    dispatched_at TEXT NULL
) STRICT;
CREATE INDEX ix_outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
CREATE INDEX ix_outbox_message ON outbox (message_id);
CREATE UNIQUE INDEX ux_outbox_delivery ON outbox (delivery_id) WHERE delivery_id IS NOT NULL;

-- TR359: a JW319 carries no client; its reference finds the assignment that honoured the request.
CREATE INDEX ix_assignment_referentie ON assignment (gemeente, agb, referentie_aanbieder) WHERE referentie_aanbieder IS NOT NULL;
