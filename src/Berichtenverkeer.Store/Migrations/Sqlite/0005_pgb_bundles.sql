-- Two reference kinds for the fraud signals (issue #5): the SVB/PGB register extract (FR22, PGB and care in kind for the
-- same product) and the contracts' bundle table (FR31, unbundling), one row per code a bundle covers. Replaced as a whole
-- on import like the other ref_ tables. An empty gemeente/agb in ref_bundle means "every municipality/provider".
CREATE TABLE ref_pgb (
    id                INTEGER PRIMARY KEY,
    gemeente          TEXT    NOT NULL,
    bsn               TEXT    NOT NULL,
    product_categorie TEXT    NOT NULL,
    product_code      TEXT    NULL,
    valid_from        TEXT    NOT NULL,
    valid_to          TEXT    NULL
) STRICT;
CREATE UNIQUE INDEX ux_ref_pgb ON ref_pgb (gemeente, bsn, product_categorie, COALESCE(product_code, ''), valid_from);

CREATE TABLE ref_bundle (
    id                INTEGER PRIMARY KEY,
    gemeente          TEXT    NULL,
    agb               TEXT    NULL,
    product_categorie TEXT    NOT NULL,
    bundle_code       TEXT    NOT NULL,
    covered_code      TEXT    NOT NULL
) STRICT;
CREATE UNIQUE INDEX ux_ref_bundle ON ref_bundle (COALESCE(gemeente, ''), COALESCE(agb, ''), product_categorie, bundle_code, covered_code);
