-- Berichtenverkeer state and reference data, SQLite (STRICT tables: dates and times as ISO text, booleans 0/1). Applied by Migrator inside one transaction.
-- Every unique index on a state table is a rule of the iJw standard; a violation in CommitAsync becomes StateConflictException.

-- Every message that passed level 1, with its outcome.
CREATE TABLE message (
    message_id    TEXT NOT NULL PRIMARY KEY,
    type          TEXT NOT NULL,
    afzender      TEXT NOT NULL,
    ontvanger     TEXT NOT NULL,
    identificatie TEXT NOT NULL,
    dagtekening   TEXT NOT NULL,
    xsd_versie    TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    outcome       TEXT NOT NULL
) STRICT;
-- TR056: Identificatie unique per message type and sender. Also the JW325 → JW323 lookup (TR337).
CREATE UNIQUE INDEX ux_message_identificatie ON message (type, afzender, identificatie);

-- JW301 ToegewezenProduct: every version is kept; a version is (gemeente, number, moment).
CREATE TABLE assignment (
    id                   INTEGER PRIMARY KEY,
    gemeente             TEXT    NOT NULL,
    agb                  TEXT    NOT NULL,
    bsn                  TEXT    NOT NULL,
    toewijzingnummer     INTEGER NOT NULL,
    toewijzingsdatum     TEXT    NOT NULL,
    toewijzingstijd      TEXT    NOT NULL,
    product_categorie    TEXT    NULL,
    product_code         TEXT    NULL,
    ingangsdatum         TEXT    NOT NULL,
    einddatum            TEXT    NULL,
    reden_wijziging      TEXT    NULL,
    omvang_volume        INTEGER NULL,
    omvang_eenheid       TEXT    NULL,
    omvang_frequentie    TEXT    NULL,
    budget               INTEGER NULL,
    referentie_aanbieder TEXT    NULL,
    message_id           TEXT    NOT NULL REFERENCES message (message_id)
) STRICT;
-- IV013: one row per version; also serves the (gemeente, toewijzingnummer) lookup.
CREATE UNIQUE INDEX ux_assignment_version ON assignment (gemeente, toewijzingnummer, toewijzingsdatum, toewijzingstijd);
CREATE INDEX ix_assignment_client ON assignment (gemeente, agb, bsn);

-- JW305 StartProduct / JW307 StopProduct.
CREATE TABLE regie (
    id                      INTEGER PRIMARY KEY,
    gemeente                TEXT    NOT NULL,
    agb                     TEXT    NOT NULL,
    bsn                     TEXT    NOT NULL,
    kind                    TEXT    NOT NULL CHECK (kind IN ('Start', 'Stop')),
    regie_key               TEXT    NOT NULL,
    toewijzingnummer        INTEGER NULL,
    product_categorie       TEXT    NULL,
    product_code            TEXT    NULL,
    toewijzing_ingangsdatum TEXT    NULL,
    begindatum              TEXT    NOT NULL,
    reden_beeindiging       TEXT    NULL,
    einddatum               TEXT    NULL,
    deleted                 INTEGER NOT NULL DEFAULT 0,
    dagtekening             TEXT    NOT NULL,
    message_id              TEXT    NOT NULL REFERENCES message (message_id),
    deleted_by              TEXT    NULL REFERENCES message (message_id)
) STRICT;
-- TR074: one not-deleted delivery per logical key.
CREATE UNIQUE INDEX ux_regie_current_key ON regie (gemeente, agb, bsn, kind, regie_key) WHERE NOT deleted;
CREATE INDEX ix_regie_client ON regie (gemeente, agb, bsn);

-- JW315 AangevraagdProduct / JW317 Verzoek.
CREATE TABLE request (
    id          INTEGER PRIMARY KEY,
    agb         TEXT    NOT NULL,
    gemeente    TEXT    NOT NULL,
    bsn         TEXT    NOT NULL,
    referentie  TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('Vot', 'Vow')),
    dagtekening TEXT    NOT NULL,
    message_id  TEXT    NOT NULL REFERENCES message (message_id)
) STRICT;
-- TR347: ReferentieAanbieder unique per provider.
CREATE UNIQUE INDEX ux_request_referentie ON request (agb, referentie);
CREATE INDEX ix_request_client ON request (gemeente, agb, bsn);

-- JW319 Antwoord (several per request: 2 "under investigation", then 1 "rejected").
CREATE TABLE answer (
    id               INTEGER PRIMARY KEY,
    gemeente         TEXT    NOT NULL,
    agb              TEXT    NOT NULL,
    referentie       TEXT    NOT NULL,
    verzoek_antwoord TEXT    NOT NULL,
    reden_afwijzing  TEXT    NULL,
    dagtekening      TEXT    NOT NULL,
    message_id       TEXT    NOT NULL REFERENCES message (message_id)
) STRICT;
CREATE INDEX ix_answer_referentie ON answer (gemeente, agb, referentie);

-- JW323 Declaratie that counts as received.
CREATE TABLE declaration (
    id               INTEGER PRIMARY KEY,
    agb              TEXT    NOT NULL,
    gemeente         TEXT    NOT NULL,
    declaratienummer TEXT    NOT NULL,
    periode_begin    TEXT    NOT NULL,
    periode_eind     TEXT    NOT NULL,
    ingediend        INTEGER NOT NULL,
    toegekend        INTEGER NOT NULL,
    message_id       TEXT    NOT NULL REFERENCES message (message_id)
) STRICT;
-- TR333: DeclaratieNummer unique per provider.
CREATE UNIQUE INDEX ux_declaration_nummer ON declaration (agb, declaratienummer);
-- TR318: the latest period of a provider to a municipality.
CREATE INDEX ix_declaration_periode ON declaration (agb, gemeente, periode_begin, periode_eind);
CREATE INDEX ix_declaration_message ON declaration (message_id);

-- JW323 Prestatie, approved or rejected (codes: comma-separated retourcodes).
CREATE TABLE prestatie (
    id                       INTEGER PRIMARY KEY,
    agb                      TEXT    NOT NULL,
    gemeente                 TEXT    NOT NULL,
    bsn                      TEXT    NOT NULL,
    declaratienummer         TEXT    NOT NULL,
    declaratie_periode_begin TEXT    NOT NULL,
    declaratie_periode_eind  TEXT    NOT NULL,
    referentienummer         TEXT    NOT NULL,
    vorig_referentienummer   TEXT    NULL,
    toewijzingnummer         INTEGER NOT NULL,
    product_categorie        TEXT    NOT NULL,
    product_code             TEXT    NOT NULL,
    product_periode_begin    TEXT    NOT NULL,
    product_periode_eind     TEXT    NOT NULL,
    geleverd_volume          INTEGER NOT NULL,
    eenheid                  TEXT    NOT NULL,
    product_tarief           INTEGER NULL,
    bedrag                   INTEGER NOT NULL,
    debet_credit             TEXT    NOT NULL CHECK (debet_credit IN ('D', 'C')),
    approved                 INTEGER NOT NULL,
    codes                    TEXT    NOT NULL DEFAULT '',
    message_id               TEXT    NOT NULL REFERENCES message (message_id)
) STRICT;
-- TR314: ReferentieNummer unique per provider.
CREATE UNIQUE INDEX ux_prestatie_referentie ON prestatie (agb, referentienummer);
-- TR390/TR323: credits pointing at a debit.
CREATE INDEX ix_prestatie_vorig ON prestatie (agb, vorig_referentienummer) WHERE vorig_referentienummer IS NOT NULL;
-- TR322/TR389/TR385: prestaties on an assignment.
CREATE INDEX ix_prestatie_assignment ON prestatie (gemeente, agb, toewijzingnummer);
-- TR366/TR367: the prestaties of an answered JW323.
CREATE INDEX ix_prestatie_message ON prestatie (message_id);

-- Reference data: replaced per kind in one transaction by an import.
CREATE TABLE ref_contract (
    id                INTEGER PRIMARY KEY,
    gemeente          TEXT    NOT NULL,
    agb               TEXT    NOT NULL,
    product_categorie TEXT    NOT NULL,
    product_code      TEXT    NOT NULL,
    eenheid           TEXT    NOT NULL,
    tarief            INTEGER NOT NULL CHECK (tarief >= 0),
    valid_from        TEXT    NOT NULL,
    valid_to          TEXT    NULL
) STRICT;
CREATE UNIQUE INDEX ux_ref_contract ON ref_contract (gemeente, agb, product_categorie, product_code, valid_from);

CREATE TABLE ref_beschikking (
    id                INTEGER PRIMARY KEY,
    gemeente          TEXT    NOT NULL,
    beschikkingnummer TEXT    NOT NULL,
    bsn               TEXT    NOT NULL,
    product_categorie TEXT    NOT NULL,
    product_code      TEXT    NULL,
    valid_from        TEXT    NOT NULL,
    valid_to          TEXT    NULL,
    volume            INTEGER NULL,
    eenheid           TEXT    NULL,
    frequentie        TEXT    NULL
) STRICT;
CREATE UNIQUE INDEX ux_ref_beschikking ON ref_beschikking (gemeente, beschikkingnummer, product_categorie, COALESCE(product_code, ''), valid_from);
CREATE INDEX ix_ref_beschikking_client ON ref_beschikking (gemeente, bsn);

CREATE TABLE ref_budget (
    id       INTEGER PRIMARY KEY,
    gemeente TEXT    NOT NULL,
    agb      TEXT    NOT NULL,
    jaar     INTEGER NOT NULL,
    bedrag   INTEGER NOT NULL CHECK (bedrag >= 0)
) STRICT;
CREATE UNIQUE INDEX ux_ref_budget ON ref_budget (gemeente, agb, jaar);

CREATE TABLE ref_gemeente (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL,
    naam       TEXT    NOT NULL,
    valid_from TEXT    NOT NULL,
    valid_to   TEXT    NULL
) STRICT;
CREATE UNIQUE INDEX ux_ref_gemeente ON ref_gemeente (code, valid_from);

CREATE TABLE ref_productcode (
    id         INTEGER PRIMARY KEY,
    categorie  TEXT    NOT NULL,
    code       TEXT    NOT NULL,
    gemeente   TEXT    NULL,
    valid_from TEXT    NULL,
    valid_to   TEXT    NULL
) STRICT;
CREATE UNIQUE INDEX ux_ref_productcode ON ref_productcode (categorie, code, COALESCE(gemeente, ''), COALESCE(valid_from, ''));
