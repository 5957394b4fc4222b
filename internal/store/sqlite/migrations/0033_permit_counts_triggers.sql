-- The triggers that keep what migration 0025 added right, whatever writes
-- a business, a permit or a halal profile: a form, the API, an import, the
-- demo, the permits service, the register's own permit triggers, a merge
-- or its undo.

-- A permit's active_district: its business's kecamatan while the business
-- is active, '' otherwise.
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

-- The halal fact counts.

-- Inserting (business_id, delta, bare) here adds delta to the count of the
-- business's facts as they are now (bare: as if it had no profile): a
-- write takes a business out (-1) before it changes what the business is
-- counted by, and puts it back (+1) after. The view itself holds no rows.
CREATE VIEW halal_fact_changes AS SELECT 0 AS business_id, 0 AS delta, 0 AS bare WHERE 0;

CREATE TRIGGER halal_fact_changes_ii INSTEAD OF INSERT ON halal_fact_changes BEGIN
    INSERT INTO halal_fact_counts (district_code, size_class, size_basis, revenue_band, has_nib, founded_year,
        halal_valid_until, facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools,
        simple_process, businesses)
    SELECT district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until,
        CASE WHEN new.bare THEN -1 ELSE facilities END, CASE WHEN new.bare THEN -1 ELSE outlets END,
        CASE WHEN new.bare THEN -1 ELSE preservation_methods END, CASE WHEN new.bare THEN '' ELSE product_type END,
        CASE WHEN new.bare THEN -1 ELSE halal_ingredients END, CASE WHEN new.bare THEN -1 ELSE separate_tools END,
        CASE WHEN new.bare THEN -1 ELSE simple_process END, new.delta
    FROM halal_business_facts WHERE business_id = new.business_id
    ON CONFLICT (district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until,
        facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process)
    DO UPDATE SET businesses = businesses + excluded.businesses;
    DELETE FROM halal_fact_counts WHERE businesses = 0;
END;

CREATE TRIGGER businesses_halal_facts_ai AFTER INSERT ON businesses BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (new.id, 1, 0);
END;

CREATE TRIGGER businesses_halal_facts_bd BEFORE DELETE ON businesses BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.id, -1, 0);
END;

CREATE TRIGGER businesses_halal_facts_bu BEFORE UPDATE ON businesses
    WHEN (old.district_code, old.status, old.kbli, old.size_class, old.size_basis, old.annual_revenue, old.nib, old.founded_year, old.halal_status,
    old.halal_expires_on) IS NOT (new.district_code, new.status, new.kbli, new.size_class, new.size_basis, new.annual_revenue, new.nib, new.founded_year, new.halal_status, new.halal_expires_on) BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.id, -1, 0);
END;

CREATE TRIGGER businesses_halal_facts_au AFTER UPDATE ON businesses
    WHEN (old.district_code, old.status, old.kbli, old.size_class, old.size_basis, old.annual_revenue, old.nib, old.founded_year, old.halal_status,
    old.halal_expires_on) IS NOT (new.district_code, new.status, new.kbli, new.size_class, new.size_basis, new.annual_revenue, new.nib, new.founded_year, new.halal_status, new.halal_expires_on) BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (new.id, 1, 0);
END;

-- A profile changes the facts of its business, and a merge moves a profile
-- from one business to another: both are taken out and put back. A new
-- profile is handled after the insert alone (the business had none before):
-- an upsert that finds the profile fires the insert's BEFORE triggers and
-- then the update's.
CREATE TRIGGER halal_profiles_facts_ai AFTER INSERT ON halal_profiles BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (new.business_id, -1, 1);
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (new.business_id, 1, 0);
END;

CREATE TRIGGER halal_profiles_facts_bu BEFORE UPDATE ON halal_profiles BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.business_id, -1, 0);
    INSERT INTO halal_fact_changes (business_id, delta, bare) SELECT new.business_id, -1, 0 WHERE new.business_id <> old.business_id;
END;

CREATE TRIGGER halal_profiles_facts_au AFTER UPDATE ON halal_profiles BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.business_id, 1, 0);
    INSERT INTO halal_fact_changes (business_id, delta, bare) SELECT new.business_id, 1, 0 WHERE new.business_id <> old.business_id;
END;

CREATE TRIGGER halal_profiles_facts_bd BEFORE DELETE ON halal_profiles BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.business_id, -1, 0);
END;

CREATE TRIGGER halal_profiles_facts_ad AFTER DELETE ON halal_profiles BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.business_id, 1, 0);
END;
