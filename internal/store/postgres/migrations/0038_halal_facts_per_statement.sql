-- A statement inserting businesses (a form, an import's COPY, a batch)
-- adds them to the halal fact counts in one grouped upsert, in key order,
-- instead of one upsert per row: a COPY of many rows reads each business
-- once and locks each count row once, and two such statements running at
-- once take the count rows in the same order, so they wait for each other
-- instead of deadlocking. Updates and deletes stay per row (0033).
DROP TRIGGER businesses_halal_facts_a ON businesses;
CREATE TRIGGER businesses_halal_facts_a AFTER UPDATE OF district_code, status, kbli, size_class, size_basis,
    annual_revenue, nib, founded_year, halal_status, halal_expires_on ON businesses
    FOR EACH ROW EXECUTE FUNCTION businesses_halal_facts();

CREATE FUNCTION businesses_halal_facts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO halal_fact_counts (district_code, size_class, size_basis, revenue_band, has_nib, founded_year,
        halal_valid_until, facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools,
        simple_process, businesses)
    SELECT f.district_code, f.size_class, f.size_basis, f.revenue_band, f.has_nib, f.founded_year, f.halal_valid_until,
        f.facilities, f.outlets, f.preservation_methods, f.product_type, f.halal_ingredients, f.separate_tools,
        f.simple_process, COUNT(*)
    FROM halal_facts_new n
    CROSS JOIN LATERAL (SELECT * FROM halal_business_facts WHERE business_id = n.id) f
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    ON CONFLICT (district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until,
        facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process)
    DO UPDATE SET businesses = halal_fact_counts.businesses + excluded.businesses;
    RETURN NULL;
END $$;
CREATE TRIGGER businesses_halal_facts_ai AFTER INSERT ON businesses
    REFERENCING NEW TABLE AS halal_facts_new FOR EACH STATEMENT EXECUTE FUNCTION businesses_halal_facts_inserted();
