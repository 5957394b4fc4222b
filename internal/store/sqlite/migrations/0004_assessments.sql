-- 0004: maturity assessments (issue 5). Rows are dated and never
-- overwritten: a verification is a new row pointing at the self-assessment
-- it confirms. Constraint names match the PostgreSQL migration.

CREATE TABLE assessments (
    id                 INTEGER PRIMARY KEY,
    business_id        INTEGER NOT NULL REFERENCES businesses (id),
    instrument_version TEXT NOT NULL,
    assessed_on        TEXT NOT NULL,
    source             TEXT NOT NULL,
    answers            TEXT NOT NULL,
    scores             TEXT NOT NULL,
    level              INTEGER NOT NULL,
    recommendations    TEXT NOT NULL DEFAULT '[]',
    assessor_id        INTEGER NOT NULL DEFAULT 0,
    assessor           TEXT NOT NULL DEFAULT '',
    visit_date         TEXT NOT NULL DEFAULT '',
    client_ref         TEXT NOT NULL DEFAULT '',
    verified_from      INTEGER REFERENCES assessments (id),
    created_at         TEXT NOT NULL,
    CONSTRAINT ck_assessments_source CHECK (source IN ('self', 'officer', 'officer_verified')),
    CONSTRAINT ck_assessments_level CHECK (level BETWEEN 1 AND 5),
    CONSTRAINT ck_assessments_verification CHECK ((source = 'officer_verified') = (verified_from IS NOT NULL AND visit_date <> ''))
);
-- Covers the naik-kelas evidence query (level and source by business, date, entry).
CREATE INDEX ix_assessments_business ON assessments (business_id, assessed_on, id, level, source);
-- client_ref lets a phone re-send a form whose answer it never received without saving it twice.
CREATE UNIQUE INDEX ux_assessments_client_ref ON assessments (business_id, client_ref) WHERE client_ref <> '';
CREATE UNIQUE INDEX ux_assessments_verified_from ON assessments (verified_from) WHERE verified_from IS NOT NULL;

CREATE TRIGGER assessments_append_only_u BEFORE UPDATE ON assessments BEGIN
    SELECT RAISE(ABORT, 'ck_assessments_append_only');
END;
CREATE TRIGGER assessments_append_only_d BEFORE DELETE ON assessments BEGIN
    SELECT RAISE(ABORT, 'ck_assessments_append_only');
END;

-- The naik-kelas statistics read every measurement in business order; this
-- covering index spares a table lookup per row.
CREATE INDEX ix_measurements_evidence ON measurements (business_id, year, created_at, size_class, source, annual_revenue, capital);
-- ... and the businesses it counts (active ones in id order, with what the
-- statistics group and scope by), without reading the whole rows.
CREATE INDEX ix_businesses_evidence ON businesses (status, id, district_code, village_code, sector);
