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
-- out), as in the SQLite migration (which says what each figure counts).
-- Rows that fall to zero are deleted.
CREATE TABLE stock_counts (figure TEXT NOT NULL, district_code TEXT NOT NULL, village_code TEXT NOT NULL,
    in_year INTEGER NOT NULL, out_year INTEGER NOT NULL, businesses INTEGER NOT NULL,
    PRIMARY KEY (figure, district_code, village_code, in_year, out_year));

-- The calendar year of an instant in WIB (UTC+7).
CREATE FUNCTION wib_year(t TIMESTAMPTZ) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
    SELECT EXTRACT(YEAR FROM (t AT TIME ZONE 'UTC') + INTERVAL '7 hours')::INTEGER
$$;

-- The columns and condition of each figure's rows, for the view and the
-- triggers: one place for both.
CREATE FUNCTION stock_parts(figure TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE figure
    WHEN 'register' THEN ARRAY['id, district_code, village_code, wib_year(created_at) AS in_year,
        CASE WHEN status = ''archived'' THEN wib_year(updated_at) ELSE 0 END AS out_year', 'true']
    ELSE ARRAY['id, active_district AS district_code, ''''::TEXT AS village_code,
        CASE WHEN issued_on <> '''' THEN substr(issued_on, 1, 4)::INTEGER ELSE wib_year(created_at) END AS in_year,
        CASE WHEN expires_on = '''' THEN 0 WHEN substr(expires_on, 6) = ''12-31'' THEN substr(expires_on, 1, 4)::INTEGER + 1
            ELSE substr(expires_on, 1, 4)::INTEGER END AS out_year',
        'kind IN (''halal_self_declare'', ''halal_reguler'') AND status IN (''terbit'', ''kedaluwarsa'') AND active_district <> '''''] END
$$;

DO $$
BEGIN
    EXECUTE 'CREATE VIEW stock_rows AS SELECT ''register''::TEXT AS figure, ' || (stock_parts('register'))[1] ||
        ' FROM businesses UNION ALL SELECT ''halal''::TEXT, ' || (stock_parts('halal'))[1] ||
        ' FROM permits WHERE ' || (stock_parts('halal'))[2];
END $$;

-- stock_counts_change moves the counts of figure (TG_ARGV[0]) by the rows a
-- statement inserted, deleted or changed, in key order.
CREATE FUNCTION stock_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parts CONSTANT TEXT[] := stock_parts(TG_ARGV[0]);
    part TEXT := 'SELECT ' || parts[1] || ', %s AS sign FROM %s WHERE ' || parts[2];
    delta TEXT;
BEGIN
    delta := CASE TG_OP
        WHEN 'INSERT' THEN format(part, 1, 'stock_new')
        WHEN 'DELETE' THEN format(part, -1, 'stock_old')
        ELSE format(part, -1, 'stock_old') || ' UNION ALL ' || format(part, 1, 'stock_new') END;
    EXECUTE format('INSERT INTO stock_counts AS c (figure, district_code, village_code, in_year, out_year, businesses)
        SELECT %L, district_code, village_code, in_year, out_year, SUM(sign) FROM (%s) d
        GROUP BY district_code, village_code, in_year, out_year HAVING SUM(sign) <> 0
        ORDER BY district_code, village_code, in_year, out_year
        ON CONFLICT (figure, district_code, village_code, in_year, out_year) DO UPDATE SET
            businesses = c.businesses + excluded.businesses', TG_ARGV[0], delta);
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM stock_counts WHERE figure = TG_ARGV[0] AND businesses = 0;
    END IF;
    RETURN NULL;
END $$;

-- Three triggers per table (a trigger with transition tables has one event).
DO $$
DECLARE
    t TEXT[];
BEGIN
    FOREACH t SLICE 1 IN ARRAY ARRAY[['register', 'businesses'], ['halal', 'permits']] LOOP
        EXECUTE format('CREATE TRIGGER stock_%s_ai AFTER INSERT ON %I REFERENCING NEW TABLE AS stock_new
            FOR EACH STATEMENT EXECUTE FUNCTION stock_counts_change(%L)', t[1], t[2], t[1]);
        EXECUTE format('CREATE TRIGGER stock_%s_ad AFTER DELETE ON %I REFERENCING OLD TABLE AS stock_old
            FOR EACH STATEMENT EXECUTE FUNCTION stock_counts_change(%L)', t[1], t[2], t[1]);
        EXECUTE format('CREATE TRIGGER stock_%s_au AFTER UPDATE ON %I REFERENCING OLD TABLE AS stock_old NEW TABLE AS stock_new
            FOR EACH STATEMENT EXECUTE FUNCTION stock_counts_change(%L)', t[1], t[2], t[1]);
    END LOOP;
END $$;

-- The register and the certificates as they stand.
INSERT INTO stock_counts (figure, district_code, village_code, in_year, out_year, businesses)
SELECT figure, district_code, village_code, in_year, out_year, COUNT(*) FROM stock_rows
GROUP BY figure, district_code, village_code, in_year, out_year;
