-- Berichtenverkeer state and reference data, PostgreSQL. Applied by Migrator inside one transaction.
-- Every unique index on a state table is a rule of the iJw standard; a violation in CommitAsync becomes StateConflictException.

-- Every message that passed level 1, with its outcome.
CREATE TABLE message (
    message_id    text        NOT NULL PRIMARY KEY,
    type          text        NOT NULL,
    afzender      text        NOT NULL,
    ontvanger     text        NOT NULL,
    identificatie text        NOT NULL,
    dagtekening   date        NOT NULL,
    xsd_versie    text        NOT NULL,
    content_hash  text        NOT NULL,
    received_at   timestamptz NOT NULL,
    outcome       text        NOT NULL
);
-- TR056: Identificatie unique per message type and sender. Also the JW325 → JW323 lookup (TR337).
CREATE UNIQUE INDEX ux_message_identificatie ON message (type, afzender, identificatie);

-- JW301 ToegewezenProduct: every version is kept; a version is (gemeente, number, moment).
CREATE TABLE assignment (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente             text   NOT NULL,
    agb                  text   NOT NULL,
    bsn                  text   NOT NULL,
    toewijzingnummer     bigint NOT NULL,
    toewijzingsdatum     date   NOT NULL,
    toewijzingstijd      time   NOT NULL,
    product_categorie    text   NULL,
    product_code         text   NULL,
    ingangsdatum         date   NOT NULL,
    einddatum            date   NULL,
    reden_wijziging      text   NULL,
    omvang_volume        bigint NULL,
    omvang_eenheid       text   NULL,
    omvang_frequentie    text   NULL,
    budget               bigint NULL,
    referentie_aanbieder text   NULL,
    message_id           text   NOT NULL REFERENCES message (message_id)
);
-- IV013: one row per version; also serves the (gemeente, toewijzingnummer) lookup.
CREATE UNIQUE INDEX ux_assignment_version ON assignment (gemeente, toewijzingnummer, toewijzingsdatum, toewijzingstijd);
CREATE INDEX ix_assignment_client ON assignment (gemeente, agb, bsn);

-- JW305 StartProduct / JW307 StopProduct.
CREATE TABLE regie (
    id                      bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente                text    NOT NULL,
    agb                     text    NOT NULL,
    bsn                     text    NOT NULL,
    kind                    text    NOT NULL CHECK (kind IN ('Start', 'Stop')),
    regie_key               text    NOT NULL,
    toewijzingnummer        bigint  NULL,
    product_categorie       text    NULL,
    product_code            text    NULL,
    toewijzing_ingangsdatum date    NULL,
    begindatum              date    NOT NULL,
    reden_beeindiging       text    NULL,
    einddatum               date    NULL,
    deleted                 boolean NOT NULL DEFAULT FALSE,
    dagtekening             date    NOT NULL,
    message_id              text    NOT NULL REFERENCES message (message_id),
    deleted_by              text    NULL REFERENCES message (message_id)
);
-- TR074: one not-deleted delivery per logical key.
CREATE UNIQUE INDEX ux_regie_current_key ON regie (gemeente, agb, bsn, kind, regie_key) WHERE NOT deleted;
CREATE INDEX ix_regie_client ON regie (gemeente, agb, bsn);

-- JW315 AangevraagdProduct / JW317 Verzoek.
CREATE TABLE request (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agb         text   NOT NULL,
    gemeente    text   NOT NULL,
    bsn         text   NOT NULL,
    referentie  text   NOT NULL,
    kind        text   NOT NULL CHECK (kind IN ('Vot', 'Vow')),
    dagtekening date   NOT NULL,
    message_id  text   NOT NULL REFERENCES message (message_id)
);
-- TR347: ReferentieAanbieder unique per provider.
CREATE UNIQUE INDEX ux_request_referentie ON request (agb, referentie);
CREATE INDEX ix_request_client ON request (gemeente, agb, bsn);

-- JW319 Antwoord (several per request: 2 "under investigation", then 1 "rejected").
CREATE TABLE answer (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente         text   NOT NULL,
    agb              text   NOT NULL,
    referentie       text   NOT NULL,
    verzoek_antwoord text   NOT NULL,
    reden_afwijzing  text   NULL,
    dagtekening      date   NOT NULL,
    message_id       text   NOT NULL REFERENCES message (message_id)
);
CREATE INDEX ix_answer_referentie ON answer (gemeente, agb, referentie);

-- JW323 Declaratie that counts as received.
CREATE TABLE declaration (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agb              text   NOT NULL,
    gemeente         text   NOT NULL,
    declaratienummer text   NOT NULL,
    periode_begin    date   NOT NULL,
    periode_eind     date   NOT NULL,
    ingediend        bigint NOT NULL,
    toegekend        bigint NOT NULL,
    message_id       text   NOT NULL REFERENCES message (message_id)
);
-- TR333: DeclaratieNummer unique per provider.
CREATE UNIQUE INDEX ux_declaration_nummer ON declaration (agb, declaratienummer);
-- TR318: the latest period of a provider to a municipality.
CREATE INDEX ix_declaration_periode ON declaration (agb, gemeente, periode_begin, periode_eind);
CREATE INDEX ix_declaration_message ON declaration (message_id);

-- JW323 Prestatie, approved or rejected (codes: comma-separated retourcodes).
CREATE TABLE prestatie (
    id                       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agb                      text    NOT NULL,
    gemeente                 text    NOT NULL,
    bsn                      text    NOT NULL,
    declaratienummer         text    NOT NULL,
    declaratie_periode_begin date    NOT NULL,
    declaratie_periode_eind  date    NOT NULL,
    referentienummer         text    NOT NULL,
    vorig_referentienummer   text    NULL,
    toewijzingnummer         bigint  NOT NULL,
    product_categorie        text    NOT NULL,
    product_code             text    NOT NULL,
    product_periode_begin    date    NOT NULL,
    product_periode_eind     date    NOT NULL,
    geleverd_volume          bigint  NOT NULL,
    eenheid                  text    NOT NULL,
    product_tarief           bigint  NULL,
    bedrag                   bigint  NOT NULL,
    debet_credit             text    NOT NULL CHECK (debet_credit IN ('D', 'C')),
    approved                 boolean NOT NULL,
    codes                    text    NOT NULL DEFAULT '',
    message_id               text    NOT NULL REFERENCES message (message_id)
);
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
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente          text   NOT NULL,
    agb               text   NOT NULL,
    product_categorie text   NOT NULL,
    product_code      text   NOT NULL,
    eenheid           text   NOT NULL,
    tarief            bigint NOT NULL CHECK (tarief >= 0),
    valid_from        date   NOT NULL,
    valid_to          date   NULL
);
CREATE UNIQUE INDEX ux_ref_contract ON ref_contract (gemeente, agb, product_categorie, product_code, valid_from);

CREATE TABLE ref_beschikking (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente          text   NOT NULL,
    beschikkingnummer text   NOT NULL,
    bsn               text   NOT NULL,
    product_categorie text   NOT NULL,
    product_code      text   NULL,
    valid_from        date   NOT NULL,
    valid_to          date   NULL,
    volume            bigint NULL,
    eenheid           text   NULL,
    frequentie        text   NULL
);
CREATE UNIQUE INDEX ux_ref_beschikking ON ref_beschikking (gemeente, beschikkingnummer, product_categorie, COALESCE(product_code, ''), valid_from);
CREATE INDEX ix_ref_beschikking_client ON ref_beschikking (gemeente, bsn);

CREATE TABLE ref_budget (
    id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente text    NOT NULL,
    agb      text    NOT NULL,
    jaar     bigint  NOT NULL,
    bedrag   bigint  NOT NULL CHECK (bedrag >= 0)
);
CREATE UNIQUE INDEX ux_ref_budget ON ref_budget (gemeente, agb, jaar);

CREATE TABLE ref_gemeente (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text   NOT NULL,
    naam       text   NOT NULL,
    valid_from date   NOT NULL,
    valid_to   date   NULL
);
CREATE UNIQUE INDEX ux_ref_gemeente ON ref_gemeente (code, valid_from);

CREATE TABLE ref_productcode (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    categorie  text   NOT NULL,
    code       text   NOT NULL,
    gemeente   text   NULL,
    valid_from date   NULL,
    valid_to   date   NULL
);
CREATE UNIQUE INDEX ux_ref_productcode ON ref_productcode (categorie, code, COALESCE(gemeente, ''), COALESCE(valid_from, DATE '0001-01-01'));
