-- Measurements: a money figure nobody gave is NULL (not known), never 0,
-- and a measurement can note how a figure was derived (omzet per bulan × 12).
-- SQLite cannot drop NOT NULL from a column, so the table is rebuilt.
CREATE TABLE measurements_new (
    id             INTEGER PRIMARY KEY,
    business_id    INTEGER NOT NULL REFERENCES businesses (id),
    year           INTEGER NOT NULL,
    annual_revenue INTEGER,
    capital        INTEGER,
    employees      INTEGER NOT NULL DEFAULT 0,
    source         TEXT NOT NULL,
    size_class     TEXT NOT NULL DEFAULT '',
    size_basis     TEXT NOT NULL DEFAULT '',
    recorded_by    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    CONSTRAINT ck_measurements_money CHECK (annual_revenue >= 0 AND capital >= 0 AND employees >= 0),
    CONSTRAINT ck_measurements_year CHECK (year BETWEEN 1900 AND 2200)
);
-- Until now a blank was stored as 0 and at least one figure had to be
-- above 0, so a 0 beside a figure above 0 was a blank.
INSERT INTO measurements_new (id, business_id, year, annual_revenue, capital, employees, source, size_class,
    size_basis, recorded_by, created_at)
SELECT id, business_id, year,
    CASE WHEN annual_revenue = 0 AND capital > 0 THEN NULL ELSE annual_revenue END,
    CASE WHEN capital = 0 AND annual_revenue > 0 THEN NULL ELSE capital END,
    employees, source, size_class, size_basis, recorded_by, created_at
FROM measurements;
DROP TABLE measurements;
ALTER TABLE measurements_new RENAME TO measurements;
CREATE INDEX ix_measurements_evidence ON measurements (business_id, year, created_at, size_class, source, annual_revenue, capital);

-- An owner's change of a legal identifier or the halal status waits here
-- for an officer of the business's area to verify it.
CREATE TABLE business_proposals (
    id             INTEGER PRIMARY KEY,
    business_id    INTEGER NOT NULL REFERENCES businesses (id),
    status         TEXT NOT NULL DEFAULT 'pending',
    changes_json   TEXT NOT NULL,
    before_json    TEXT NOT NULL,
    proposed_by    TEXT NOT NULL,
    proposed_by_id INTEGER NOT NULL DEFAULT 0,
    proposed_at    TEXT NOT NULL,
    decided_by     TEXT NOT NULL DEFAULT '',
    decided_at     TEXT,
    reason         TEXT NOT NULL DEFAULT '',
    CONSTRAINT ck_business_proposals_status CHECK (status IN ('pending', 'approved', 'rejected'))
);
CREATE UNIQUE INDEX ux_business_proposals_pending ON business_proposals (business_id) WHERE status = 'pending';
CREATE INDEX ix_business_proposals_status ON business_proposals (status, proposed_at, id);
