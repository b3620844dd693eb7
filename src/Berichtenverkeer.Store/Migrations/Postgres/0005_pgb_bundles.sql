-- Two reference kinds for the fraud signals (issue #5): the SVB/PGB register extract (FR22, PGB and care in kind for the
-- same product) and the contracts' bundle table (FR31, unbundling), one row per code a bundle covers. Replaced as a whole
-- on import like the other ref_ tables. An empty gemeente/agb in ref_bundle means "every municipality/provider".
CREATE TABLE ref_pgb (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente          text   NOT NULL,
    bsn               text   NOT NULL,
    product_categorie text   NOT NULL,
    product_code      text   NULL,
    valid_from        date   NOT NULL,
    valid_to          date   NULL
);
CREATE UNIQUE INDEX ux_ref_pgb ON ref_pgb (gemeente, bsn, product_categorie, COALESCE(product_code, ''), valid_from);

CREATE TABLE ref_bundle (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeente          text   NULL,
    agb               text   NULL,
    product_categorie text   NOT NULL,
    bundle_code       text   NOT NULL,
    covered_code      text   NOT NULL
);
CREATE UNIQUE INDEX ux_ref_bundle ON ref_bundle (COALESCE(gemeente, ''), COALESCE(agb, ''), product_categorie, bundle_code, covered_code);
