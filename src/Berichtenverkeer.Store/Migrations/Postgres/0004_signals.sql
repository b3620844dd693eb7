-- Raised fraud-suspicion signals (issue #5): one row per deterministic signal id, so a rerun stores nothing twice.
-- payload is the signal as JSON (SignalJson; text: served back byte for byte); the columns beside it are what queries
-- filter on. published_at is the signal outbox: null until the broker confirmed the FraudSignalRaised event.
CREATE TABLE signal (
    id           text        NOT NULL PRIMARY KEY,
    rule_id      text        NOT NULL,
    rule_version integer     NOT NULL,
    severity     text        NOT NULL CHECK (severity IN ('L', 'M', 'H', 'C')),
    stage        text        NOT NULL,
    gemeente     text        NOT NULL,
    agb          text        NULL,
    client       text        NULL,
    period_from  date        NOT NULL,
    period_to    date        NOT NULL,
    first_seen   timestamptz NOT NULL,
    payload      text        NOT NULL,
    published_at timestamptz NULL
);
CREATE INDEX ix_signal_gemeente_period ON signal (gemeente, period_from, period_to);
CREATE INDEX ix_signal_agb_period ON signal (agb, period_from);
CREATE INDEX ix_signal_rule_period ON signal (rule_id, period_from);
CREATE INDEX ix_signal_unpublished ON signal (first_seen, id) WHERE published_at IS NULL;
