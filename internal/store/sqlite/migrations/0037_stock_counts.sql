-- The register's stocks as each year ended (indicators.Stock): kept
-- counts, so that the leaders' trends read a few hundred rows however
-- large the register. sqlstore/stocks.go reads them; `naikkelas check`
-- compares them with a recomputation (sqlstore/checks.go, stock_rows).
--
-- Size classes: class flows kept in year_class_counts under the negative
-- calendar year (sqlstore/year_class_flows.go), written by a Go step of
-- this migration from the stored year rows.

-- stock_counts: per figure, kecamatan and desa, how many rows share the
-- calendar year (WIB) they came in and the year they went out (0: not
-- out). A row counts as year Y ended when in_year <= Y and out_year is 0
-- or after Y. Figures:
-- - 'register': every business, in the year it was created, out in the
--   year of its archiving (the last change of an archived record);
-- - 'halal': every issued or expired halal certificate of an active
--   business (permits with an active_district; no desa), in the year it
--   was issued (without an issue date: recorded), out in the first year
--   that ended after it expired.
-- Rows that fall to zero are deleted.
CREATE TABLE stock_counts (figure TEXT NOT NULL, district_code TEXT NOT NULL, village_code TEXT NOT NULL,
    in_year INTEGER NOT NULL, out_year INTEGER NOT NULL, businesses INTEGER NOT NULL,
    PRIMARY KEY (figure, district_code, village_code, in_year, out_year)) WITHOUT ROWID;

-- What stock_counts counts, row by row (id: the business or the permit).
CREATE VIEW stock_rows AS
SELECT 'register' AS figure, id, district_code, village_code,
    CAST(strftime('%Y', substr(created_at, 1, 19), '+7 hours') AS INTEGER) AS in_year,
    CASE WHEN status = 'archived' THEN CAST(strftime('%Y', substr(updated_at, 1, 19), '+7 hours') AS INTEGER) ELSE 0 END AS out_year
FROM businesses
UNION ALL
SELECT 'halal', id, active_district, '',
    CASE WHEN issued_on <> '' THEN CAST(substr(issued_on, 1, 4) AS INTEGER)
        ELSE CAST(strftime('%Y', substr(created_at, 1, 19), '+7 hours') AS INTEGER) END,
    CASE WHEN expires_on = '' THEN 0 WHEN substr(expires_on, 6) = '12-31' THEN CAST(substr(expires_on, 1, 4) AS INTEGER) + 1
        ELSE CAST(substr(expires_on, 1, 4) AS INTEGER) END
FROM permits
WHERE kind IN ('halal_self_declare', 'halal_reguler') AND status IN ('terbit', 'kedaluwarsa') AND active_district <> '';

-- A row of stock_moves takes (sign -1) or puts (+1) one row of stock_rows
-- out of or into the counts, and is gone at once. The triggers on
-- businesses and permits add them: before a change or a delete, the row as
-- it was; after a change or an insert, the row as it is.
CREATE TABLE stock_moves (figure TEXT NOT NULL, id INTEGER NOT NULL, sign INTEGER NOT NULL);

CREATE TRIGGER stock_moves_ai AFTER INSERT ON stock_moves BEGIN
    INSERT INTO stock_counts (figure, district_code, village_code, in_year, out_year, businesses)
    SELECT figure, district_code, village_code, in_year, out_year, new.sign FROM stock_rows
    WHERE figure = new.figure AND id = new.id
    ON CONFLICT (figure, district_code, village_code, in_year, out_year) DO UPDATE SET businesses = businesses + excluded.businesses;
    DELETE FROM stock_counts WHERE new.sign < 0 AND figure = new.figure AND businesses = 0;
    DELETE FROM stock_moves;
END;

CREATE TRIGGER stock_register_ai AFTER INSERT ON businesses BEGIN INSERT INTO stock_moves VALUES ('register', new.id, 1); END;
CREATE TRIGGER stock_register_bd BEFORE DELETE ON businesses BEGIN INSERT INTO stock_moves VALUES ('register', old.id, -1); END;
CREATE TRIGGER stock_register_bu BEFORE UPDATE OF status, district_code, village_code, created_at, updated_at ON businesses
    BEGIN INSERT INTO stock_moves VALUES ('register', old.id, -1); END;
CREATE TRIGGER stock_register_au AFTER UPDATE OF status, district_code, village_code, created_at, updated_at ON businesses
    BEGIN INSERT INTO stock_moves VALUES ('register', new.id, 1); END;
CREATE TRIGGER stock_halal_ai AFTER INSERT ON permits BEGIN INSERT INTO stock_moves VALUES ('halal', new.id, 1); END;
CREATE TRIGGER stock_halal_bd BEFORE DELETE ON permits BEGIN INSERT INTO stock_moves VALUES ('halal', old.id, -1); END;
CREATE TRIGGER stock_halal_bu BEFORE UPDATE OF kind, status, active_district, issued_on, expires_on, created_at ON permits
    BEGIN INSERT INTO stock_moves VALUES ('halal', old.id, -1); END;
CREATE TRIGGER stock_halal_au AFTER UPDATE OF kind, status, active_district, issued_on, expires_on, created_at ON permits
    BEGIN INSERT INTO stock_moves VALUES ('halal', new.id, 1); END;

-- The register and the certificates as they stand.
INSERT INTO stock_counts (figure, district_code, village_code, in_year, out_year, businesses)
SELECT figure, district_code, village_code, in_year, out_year, COUNT(*) FROM stock_rows
GROUP BY figure, district_code, village_code, in_year, out_year;
