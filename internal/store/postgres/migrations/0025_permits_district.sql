-- The expiry list counts permits per kecamatan from the permits alone. Each
-- permit carries the kecamatan of its business while the business is
-- active, and '' once it is archived or merged: the triggers below keep it
-- so whatever writes the permit (the permits service, the register's own
-- triggers, a merge or its undo) or the business (a form, an import with
-- COPY, an archive). Same columns and index as the SQLite migration.
ALTER TABLE permits ADD COLUMN active_district TEXT NOT NULL DEFAULT '';

UPDATE permits p SET active_district = b.district_code FROM businesses b
WHERE b.id = p.business_id AND b.status = 'active';

-- Per kecamatan by date, the id after the date so that one kecamatan's
-- page is read in order; the status and kind for the counts' filters.
CREATE INDEX ix_permits_district_expiry ON permits (active_district, expires_on, id, status, kind)
    WHERE expires_on <> '' AND active_district <> '';

CREATE FUNCTION permits_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.active_district := COALESCE((SELECT b.district_code FROM businesses b
        WHERE b.id = NEW.business_id AND b.status = 'active'), '');
    RETURN NEW;
END $$;
CREATE TRIGGER permits_district_biu BEFORE INSERT OR UPDATE OF business_id ON permits
    FOR EACH ROW EXECUTE FUNCTION permits_district();

CREATE FUNCTION businesses_permits_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE permits SET active_district = CASE WHEN NEW.status = 'active' THEN NEW.district_code ELSE '' END
    WHERE business_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER businesses_permits_district_au AFTER UPDATE OF district_code, status ON businesses
    FOR EACH ROW WHEN (OLD.district_code IS DISTINCT FROM NEW.district_code OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION businesses_permits_district();
