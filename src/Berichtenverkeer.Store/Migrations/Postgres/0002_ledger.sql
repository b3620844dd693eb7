-- The gateway's own inbox and outbox, beside the iJw state so one transaction writes a verdict, its state changes,
-- its deliveries and its audit events (no loss, no double effect).

-- Ingress keeps the raw bytes here before it asks for processing: the claim check.
CREATE TABLE inbound (
    message_id  text        NOT NULL PRIMARY KEY,
    received_at timestamptz NOT NULL,
    channel     text        NOT NULL,
    party       text        NULL,
    file_name   text        NULL,
    content     bytea       NOT NULL
);

-- One row per processed message: how it was disposed of.
CREATE TABLE ledger (
    message_id    text        NOT NULL PRIMARY KEY REFERENCES inbound (message_id),
    received_at   timestamptz NOT NULL,
    channel       text        NOT NULL,
    party         text        NULL,
    content_hash  text        NOT NULL,
    message_type  text        NULL,
    afzender      text        NULL,
    ontvanger     text        NULL,
    identificatie text        NULL,
    disposition   text        NOT NULL,
    failed_level  bigint      NULL,
    rule_codes    text        NOT NULL
);
-- Duplicate submissions (TR056 with the same content) are answered from here.
CREATE INDEX ix_ledger_duplicate ON ledger (afzender, message_type, identificatie, content_hash);

-- Deliveries to parties and audit events to publish; kept after dispatch (a delivery is fetched by id when large).
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    text        NOT NULL REFERENCES ledger (message_id),
    delivery_id   text        NULL,
    recipient     text        NULL,
    delivery_kind text        NULL,
    message_type  text        NULL,
    file_name     text        NULL,
    content       bytea       NULL,
    audit_event   text        NULL,
    dispatched_at timestamptz NULL
);
CREATE INDEX ix_outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
CREATE INDEX ix_outbox_message ON outbox (message_id);
CREATE UNIQUE INDEX ux_outbox_delivery ON outbox (delivery_id) WHERE delivery_id IS NOT NULL;

-- TR359: a JW319 carries no client; its reference finds the assignment that honoured the request.
CREATE INDEX ix_assignment_referentie ON assignment (gemeente, agb, referentie_aanbieder) WHERE referentie_aanbieder IS NOT NULL;
