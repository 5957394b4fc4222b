-- The triggers that keep what migration 0025 added right, whatever writes
-- a business, a permit or a halal profile: a form, the API, an import with
-- COPY, the demo, the permits service, the register's own permit triggers,
-- a merge or its undo. Same statements as the SQLite migration.

-- A permit's active_district: its business's kecamatan while the business
-- is active, '' otherwise.
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

-- The halal fact counts.

-- halal_fact_change adds delta to the count of a business's facts as they
-- are now (bare: as if it had no profile): a write takes a business out
-- (-1) before it changes what the business is counted by, and puts it back
-- (+1) after.
CREATE FUNCTION halal_fact_change(changed BIGINT, delta INTEGER, bare BOOLEAN) RETURNS void LANGUAGE sql AS $$
    INSERT INTO halal_fact_counts (district_code, size_class, size_basis, revenue_band, has_nib, founded_year,
        halal_valid_until, facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools,
        simple_process, businesses)
    SELECT district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until,
        CASE WHEN bare THEN -1 ELSE facilities END, CASE WHEN bare THEN -1 ELSE outlets END,
        CASE WHEN bare THEN -1 ELSE preservation_methods END, CASE WHEN bare THEN '' ELSE product_type END,
        CASE WHEN bare THEN -1 ELSE halal_ingredients END, CASE WHEN bare THEN -1 ELSE separate_tools END,
        CASE WHEN bare THEN -1 ELSE simple_process END, delta
    FROM halal_business_facts WHERE business_id = changed
    ON CONFLICT (district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until,
        facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process)
    DO UPDATE SET businesses = halal_fact_counts.businesses + excluded.businesses;
    DELETE FROM halal_fact_counts WHERE businesses = 0;
$$;

-- A business is taken out before an insert, update or delete changes what
-- the counts read of it, and put back after.
CREATE FUNCTION businesses_halal_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.district_code, OLD.status, OLD.kbli, OLD.size_class, OLD.size_basis, OLD.annual_revenue,
            OLD.nib, OLD.founded_year, OLD.halal_status, OLD.halal_expires_on) IS NOT DISTINCT FROM (NEW.district_code,
            NEW.status, NEW.kbli, NEW.size_class, NEW.size_basis, NEW.annual_revenue, NEW.nib, NEW.founded_year,
            NEW.halal_status, NEW.halal_expires_on) THEN
        RETURN CASE WHEN TG_WHEN = 'BEFORE' THEN NEW END;
    END IF;
    IF TG_WHEN = 'BEFORE' THEN
        PERFORM halal_fact_change(OLD.id, -1, FALSE);
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    PERFORM halal_fact_change(NEW.id, 1, FALSE);
    RETURN NULL;
END $$;
CREATE TRIGGER businesses_halal_facts_b BEFORE UPDATE OF district_code, status, kbli, size_class, size_basis,
    annual_revenue, nib, founded_year, halal_status, halal_expires_on OR DELETE ON businesses
    FOR EACH ROW EXECUTE FUNCTION businesses_halal_facts();
CREATE TRIGGER businesses_halal_facts_a AFTER INSERT OR UPDATE OF district_code, status, kbli, size_class, size_basis,
    annual_revenue, nib, founded_year, halal_status, halal_expires_on ON businesses
    FOR EACH ROW EXECUTE FUNCTION businesses_halal_facts();

-- A profile changes the facts of its business, and a merge moves a profile
-- from one business to another: both are taken out and put back. A new
-- profile is handled after the insert alone (the business had none before):
-- an upsert that finds the profile fires the insert's BEFORE triggers and
-- then the update's.
CREATE FUNCTION halal_profiles_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta INTEGER := CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM halal_fact_change(NEW.business_id, -1, TRUE);
        PERFORM halal_fact_change(NEW.business_id, 1, FALSE);
        RETURN NULL;
    END IF;
    PERFORM halal_fact_change(OLD.business_id, delta, FALSE);
    IF TG_OP = 'UPDATE' AND NEW.business_id <> OLD.business_id THEN
        PERFORM halal_fact_change(NEW.business_id, delta, FALSE);
    END IF;
    IF TG_WHEN = 'AFTER' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER halal_profiles_facts_b BEFORE UPDATE OR DELETE ON halal_profiles
    FOR EACH ROW EXECUTE FUNCTION halal_profiles_facts();
CREATE TRIGGER halal_profiles_facts_a AFTER INSERT OR UPDATE OR DELETE ON halal_profiles
    FOR EACH ROW EXECUTE FUNCTION halal_profiles_facts();
