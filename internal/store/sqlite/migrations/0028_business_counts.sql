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
    businesses    INTEGER NOT NULL DEFAULT 0,
    nib           INTEGER NOT NULL DEFAULT 0,
    pirt          INTEGER NOT NULL DEFAULT 0,
    halal         INTEGER NOT NULL DEFAULT 0,
    halal_process INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (district_code, village_code, size_class, sector)
) WITHOUT ROWID;

-- kind is 'pirt' (a P-IRT number with an expiry day) or 'halal' (a halal
-- certificate with an expiry day).
CREATE TABLE business_expiry_counts (
    kind          TEXT NOT NULL,
    expires_on    TEXT NOT NULL,
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    size_class    TEXT NOT NULL,
    businesses    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, expires_on, district_code, village_code, size_class)
) WITHOUT ROWID;

CREATE TRIGGER business_counts_ai AFTER INSERT ON businesses WHEN new.status = 'active' BEGIN
    INSERT INTO business_counts (district_code, village_code, size_class, sector, businesses, nib, pirt, halal, halal_process)
    VALUES (new.district_code, new.village_code, new.size_class, new.sector, 1, new.nib <> '', new.pirt_number <> '',
        new.halal_status = 'certified', new.halal_status = 'in_process')
    ON CONFLICT (district_code, village_code, size_class, sector) DO UPDATE SET businesses = businesses + 1,
        nib = nib + excluded.nib, pirt = pirt + excluded.pirt, halal = halal + excluded.halal,
        halal_process = halal_process + excluded.halal_process;
    INSERT INTO business_expiry_counts (kind, expires_on, district_code, village_code, size_class, businesses)
    SELECT 'pirt', new.pirt_expires_on, new.district_code, new.village_code, new.size_class, 1
    WHERE new.pirt_number <> '' AND new.pirt_expires_on <> ''
    ON CONFLICT (kind, expires_on, district_code, village_code, size_class) DO UPDATE SET businesses = businesses + 1;
    INSERT INTO business_expiry_counts (kind, expires_on, district_code, village_code, size_class, businesses)
    SELECT 'halal', new.halal_expires_on, new.district_code, new.village_code, new.size_class, 1
    WHERE new.halal_status = 'certified' AND new.halal_expires_on <> ''
    ON CONFLICT (kind, expires_on, district_code, village_code, size_class) DO UPDATE SET businesses = businesses + 1;
END;

-- A deleted active business leaves its rows. The rows exist: its insert
-- (or the update that made it active) added them.
CREATE TRIGGER business_counts_ad AFTER DELETE ON businesses WHEN old.status = 'active' BEGIN
    UPDATE business_counts SET businesses = businesses - 1, nib = nib - (old.nib <> ''),
        pirt = pirt - (old.pirt_number <> ''), halal = halal - (old.halal_status = 'certified'),
        halal_process = halal_process - (old.halal_status = 'in_process')
    WHERE district_code = old.district_code AND village_code = old.village_code AND size_class = old.size_class
        AND sector = old.sector;
    UPDATE business_expiry_counts SET businesses = businesses - 1
    WHERE old.pirt_number <> '' AND old.pirt_expires_on <> '' AND kind = 'pirt' AND expires_on = old.pirt_expires_on
        AND district_code = old.district_code AND village_code = old.village_code AND size_class = old.size_class;
    UPDATE business_expiry_counts SET businesses = businesses - 1
    WHERE old.halal_status = 'certified' AND old.halal_expires_on <> '' AND kind = 'halal'
        AND expires_on = old.halal_expires_on AND district_code = old.district_code
        AND village_code = old.village_code AND size_class = old.size_class;
END;

-- An update that changes what is counted takes the old row out and puts the
-- new one in, as a delete and an insert would.
CREATE TRIGGER business_counts_au AFTER UPDATE OF status, district_code, village_code, size_class, sector, nib,
    pirt_number, pirt_expires_on, halal_status, halal_expires_on ON businesses
WHEN old.status IS NOT new.status OR old.district_code IS NOT new.district_code
    OR old.village_code IS NOT new.village_code OR old.size_class IS NOT new.size_class OR old.sector IS NOT new.sector
    OR old.nib IS NOT new.nib OR old.pirt_number IS NOT new.pirt_number OR old.pirt_expires_on IS NOT new.pirt_expires_on
    OR old.halal_status IS NOT new.halal_status OR old.halal_expires_on IS NOT new.halal_expires_on BEGIN
    UPDATE business_counts SET businesses = businesses - 1, nib = nib - (old.nib <> ''),
        pirt = pirt - (old.pirt_number <> ''), halal = halal - (old.halal_status = 'certified'),
        halal_process = halal_process - (old.halal_status = 'in_process')
    WHERE old.status = 'active' AND district_code = old.district_code AND village_code = old.village_code
        AND size_class = old.size_class AND sector = old.sector;
    UPDATE business_expiry_counts SET businesses = businesses - 1
    WHERE old.status = 'active' AND old.pirt_number <> '' AND old.pirt_expires_on <> '' AND kind = 'pirt'
        AND expires_on = old.pirt_expires_on AND district_code = old.district_code
        AND village_code = old.village_code AND size_class = old.size_class;
    UPDATE business_expiry_counts SET businesses = businesses - 1
    WHERE old.status = 'active' AND old.halal_status = 'certified' AND old.halal_expires_on <> '' AND kind = 'halal'
        AND expires_on = old.halal_expires_on AND district_code = old.district_code
        AND village_code = old.village_code AND size_class = old.size_class;
    INSERT INTO business_counts (district_code, village_code, size_class, sector, businesses, nib, pirt, halal, halal_process)
    SELECT new.district_code, new.village_code, new.size_class, new.sector, 1, new.nib <> '', new.pirt_number <> '',
        new.halal_status = 'certified', new.halal_status = 'in_process'
    WHERE new.status = 'active'
    ON CONFLICT (district_code, village_code, size_class, sector) DO UPDATE SET businesses = businesses + 1,
        nib = nib + excluded.nib, pirt = pirt + excluded.pirt, halal = halal + excluded.halal,
        halal_process = halal_process + excluded.halal_process;
    INSERT INTO business_expiry_counts (kind, expires_on, district_code, village_code, size_class, businesses)
    SELECT 'pirt', new.pirt_expires_on, new.district_code, new.village_code, new.size_class, 1
    WHERE new.status = 'active' AND new.pirt_number <> '' AND new.pirt_expires_on <> ''
    ON CONFLICT (kind, expires_on, district_code, village_code, size_class) DO UPDATE SET businesses = businesses + 1;
    INSERT INTO business_expiry_counts (kind, expires_on, district_code, village_code, size_class, businesses)
    SELECT 'halal', new.halal_expires_on, new.district_code, new.village_code, new.size_class, 1
    WHERE new.status = 'active' AND new.halal_status = 'certified' AND new.halal_expires_on <> ''
    ON CONFLICT (kind, expires_on, district_code, village_code, size_class) DO UPDATE SET businesses = businesses + 1;
END;

-- The register as it stands.
INSERT INTO business_counts (district_code, village_code, size_class, sector, businesses, nib, pirt, halal, halal_process)
SELECT district_code, village_code, size_class, sector, COUNT(*), SUM(nib <> ''), SUM(pirt_number <> ''),
    SUM(halal_status = 'certified'), SUM(halal_status = 'in_process')
FROM businesses WHERE status = 'active' GROUP BY district_code, village_code, size_class, sector;
INSERT INTO business_expiry_counts (kind, expires_on, district_code, village_code, size_class, businesses)
SELECT 'pirt', pirt_expires_on, district_code, village_code, size_class, COUNT(*) FROM businesses
WHERE status = 'active' AND pirt_number <> '' AND pirt_expires_on <> ''
GROUP BY pirt_expires_on, district_code, village_code, size_class;
INSERT INTO business_expiry_counts (kind, expires_on, district_code, village_code, size_class, businesses)
SELECT 'halal', halal_expires_on, district_code, village_code, size_class, COUNT(*) FROM businesses
WHERE status = 'active' AND halal_status = 'certified' AND halal_expires_on <> ''
GROUP BY halal_expires_on, district_code, village_code, size_class;
