-- A statement inserting businesses adds the permits their numbered fields
-- hold (0014's businesses_permits_ai, row by row) in one INSERT, in the
-- order the row trigger used: the permit counts kept per statement on
-- permits (0037) then run once per statement instead of once per
-- business, and two imports running at once take the count rows in the
-- same order.
DROP TRIGGER businesses_permits_ai ON businesses;
DROP FUNCTION businesses_permits_ai();

CREATE FUNCTION businesses_permits_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT b.id, p.kind, p.status, p.number, p.expires_on, 'register', b.updated_at, b.updated_at, 'register'
    FROM permits_new b CROSS JOIN LATERAL (VALUES
        (1, b.nib <> '', 'nib', 'terbit', b.nib, ''),
        (2, b.pirt_number <> '', 'pirt', 'terbit', b.pirt_number, b.pirt_expires_on),
        (3, b.bpom_number <> '', 'bpom_md', 'terbit', b.bpom_number, ''),
        (4, b.hki_number <> '', 'merek', 'terbit', b.hki_number, ''),
        (5, b.halal_status <> 'none', halal_kind(b::businesses),
            CASE b.halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END, b.halal_number, b.halal_expires_on)
    ) AS p(ord, wanted, kind, status, number, expires_on)
    WHERE p.wanted
    ORDER BY b.id, p.ord;
    RETURN NULL;
END $$;
CREATE TRIGGER businesses_permits_ai AFTER INSERT ON businesses
    REFERENCING NEW TABLE AS permits_new FOR EACH STATEMENT EXECUTE FUNCTION businesses_permits_inserted();
