-- Counts of active businesses that the home page, the map and the
-- statistics read instead of scanning the register: per desa, size class
-- and sector, with the documents the register holds, and per expiry day of
-- a P-IRT or halal certificate (so that "expired before today" is a sum
-- over the days before it). Triggers keep them in the same transaction as
-- every write of a business, whatever writes it; `naikkelas check`
-- recomputes them from the register and compares. Rows that fall to zero
-- stay: readers skip them.
CREATE TABLE business_counts (
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    size_class    TEXT NOT NULL,
    sector        TEXT NOT NULL,
    businesses    BIGINT NOT NULL DEFAULT 0,
    nib           BIGINT NOT NULL DEFAULT 0,
    pirt          BIGINT NOT NULL DEFAULT 0,
    halal         BIGINT NOT NULL DEFAULT 0,
    halal_process BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (district_code, village_code, size_class, sector)
);

-- kind is 'pirt' (a P-IRT number with an expiry day) or 'halal' (a halal
-- certificate with an expiry day).
CREATE TABLE business_expiry_counts (
    kind          TEXT NOT NULL,
    expires_on    TEXT NOT NULL,
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    size_class    TEXT NOT NULL,
    businesses    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, expires_on, district_code, village_code, size_class)
);

-- The triggers run once per statement over its transition tables, so that
-- a COPY or a multi-row INSERT of an import adds its counts in one grouped
-- upsert rather than one per row. business_counts_sql takes the statement's
-- change as a query (delta): each changed row once with sign -1 (as it was)
-- and once with +1 (as it is). Groups whose change is zero are left alone, so that an edit
-- of a name or a phone writes no count and waits for no other writer's.
-- Rows are upserted in key order, so concurrent writers lock them in the
-- same order.
-- It returns the statements rather than running them, because only the
-- trigger function itself sees the transition tables.
CREATE FUNCTION business_counts_sql(delta TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['INSERT INTO business_counts AS c (district_code, village_code, size_class, sector, businesses, nib, pirt,
            halal, halal_process)
        SELECT district_code, village_code, size_class, sector, SUM(sign),
            SUM(CASE WHEN nib <> '''' THEN sign ELSE 0 END), SUM(CASE WHEN pirt_number <> '''' THEN sign ELSE 0 END),
            SUM(CASE WHEN halal_status = ''certified'' THEN sign ELSE 0 END),
            SUM(CASE WHEN halal_status = ''in_process'' THEN sign ELSE 0 END)
        FROM (' || delta || ') d WHERE status = ''active''
        GROUP BY district_code, village_code, size_class, sector
        HAVING SUM(sign) <> 0 OR SUM(CASE WHEN nib <> '''' THEN sign ELSE 0 END) <> 0
            OR SUM(CASE WHEN pirt_number <> '''' THEN sign ELSE 0 END) <> 0
            OR SUM(CASE WHEN halal_status = ''certified'' THEN sign ELSE 0 END) <> 0
            OR SUM(CASE WHEN halal_status = ''in_process'' THEN sign ELSE 0 END) <> 0
        ORDER BY district_code, village_code, size_class, sector
        ON CONFLICT (district_code, village_code, size_class, sector) DO UPDATE SET
            businesses = c.businesses + excluded.businesses, nib = c.nib + excluded.nib, pirt = c.pirt + excluded.pirt,
            halal = c.halal + excluded.halal, halal_process = c.halal_process + excluded.halal_process',
    'INSERT INTO business_expiry_counts AS c (kind, expires_on, district_code, village_code, size_class, businesses)
        SELECT kind, expires_on, district_code, village_code, size_class, SUM(sign) FROM (
            SELECT ''pirt'' AS kind, pirt_expires_on AS expires_on, district_code, village_code, size_class, sign
            FROM (' || delta || ') d WHERE status = ''active'' AND pirt_number <> '''' AND pirt_expires_on <> ''''
            UNION ALL
            SELECT ''halal'', halal_expires_on, district_code, village_code, size_class, sign
            FROM (' || delta || ') d WHERE status = ''active'' AND halal_status = ''certified'' AND halal_expires_on <> ''''
        ) e
        GROUP BY kind, expires_on, district_code, village_code, size_class HAVING SUM(sign) <> 0
        ORDER BY kind, expires_on, district_code, village_code, size_class
        ON CONFLICT (kind, expires_on, district_code, village_code, size_class) DO UPDATE SET
            businesses = c.businesses + excluded.businesses']
$$;

CREATE FUNCTION business_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cols CONSTANT TEXT := 'status, district_code, village_code, size_class, sector, nib, pirt_number, pirt_expires_on,
        halal_status, halal_expires_on';
    stmt TEXT;
BEGIN
    FOREACH stmt IN ARRAY business_counts_sql(CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT ' || cols || ', 1 AS sign FROM business_counts_new'
        WHEN 'DELETE' THEN 'SELECT ' || cols || ', -1 AS sign FROM business_counts_old'
        ELSE 'SELECT ' || cols || ', -1 AS sign FROM business_counts_old UNION ALL SELECT ' || cols ||
            ', 1 FROM business_counts_new' END) LOOP
        EXECUTE stmt;
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER business_counts_ai AFTER INSERT ON businesses REFERENCING NEW TABLE AS business_counts_new
    FOR EACH STATEMENT EXECUTE FUNCTION business_counts_change();
CREATE TRIGGER business_counts_ad AFTER DELETE ON businesses REFERENCING OLD TABLE AS business_counts_old
    FOR EACH STATEMENT EXECUTE FUNCTION business_counts_change();
CREATE TRIGGER business_counts_au AFTER UPDATE ON businesses
    REFERENCING OLD TABLE AS business_counts_old NEW TABLE AS business_counts_new
    FOR EACH STATEMENT EXECUTE FUNCTION business_counts_change();

-- The register as it stands.
DO $$
DECLARE
    stmt TEXT;
BEGIN
    FOREACH stmt IN ARRAY business_counts_sql('SELECT status, district_code, village_code, size_class, sector, nib,
        pirt_number, pirt_expires_on, halal_status, halal_expires_on, 1 AS sign FROM businesses') LOOP
        EXECUTE stmt;
    END LOOP;
END $$;
