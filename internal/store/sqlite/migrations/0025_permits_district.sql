-- The expiry list counts permits per kecamatan from the permits alone. Each
-- permit carries the kecamatan of its business while the business is
-- active, and '' once it is archived or merged: the triggers below keep it
-- so whatever writes the permit (the permits service, the register's own
-- triggers, a merge or its undo) or the business (a form, an import, an
-- archive).
ALTER TABLE permits ADD COLUMN active_district TEXT NOT NULL DEFAULT '';

UPDATE permits SET active_district = COALESCE((SELECT b.district_code FROM businesses b
    WHERE b.id = permits.business_id AND b.status = 'active'), '');

-- Per kecamatan by date, the id after the date so that one kecamatan's
-- page is read in order; the status and kind for the counts' filters.
CREATE INDEX ix_permits_district_expiry ON permits (active_district, expires_on, id, status, kind)
    WHERE expires_on <> '' AND active_district <> '';

CREATE TRIGGER permits_district_ai AFTER INSERT ON permits BEGIN
    UPDATE permits SET active_district = COALESCE((SELECT b.district_code FROM businesses b
        WHERE b.id = new.business_id AND b.status = 'active'), '')
    WHERE id = new.id;
END;

CREATE TRIGGER permits_district_au AFTER UPDATE OF business_id ON permits BEGIN
    UPDATE permits SET active_district = COALESCE((SELECT b.district_code FROM businesses b
        WHERE b.id = new.business_id AND b.status = 'active'), '')
    WHERE id = new.id;
END;

CREATE TRIGGER businesses_permits_district_au AFTER UPDATE OF district_code, status ON businesses
    WHEN old.district_code <> new.district_code OR old.status <> new.status BEGIN
    UPDATE permits SET active_district = CASE WHEN new.status = 'active' THEN new.district_code ELSE '' END
    WHERE business_id = new.id;
END;
