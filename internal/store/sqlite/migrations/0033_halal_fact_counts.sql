-- The halal obligation counts per kecamatan read a small table instead of
-- every food and drink business: halal_fact_counts holds, per kecamatan,
-- how many active food and drink businesses (KBLI 10, 11, 56) share each
-- combination of the facts the self-declare rules read. It keeps facts, not
-- verdicts: the rules are dated and applied as of the day asked.
--
-- halal_revenue_limits are the revenue limits of the rule book
-- (permits/halal_rules.json; a test checks each rule's limit is here). A
-- business's revenue is kept as revenue_band, the number of limits it
-- exceeds, which tells its side of every limit. A rule whose limit is not
-- here is answered from the businesses themselves.
CREATE TABLE halal_revenue_limits (amount INTEGER PRIMARY KEY);
INSERT INTO halal_revenue_limits (amount) VALUES (500000000), (15000000000);

-- The facts of each counted business, as halal_fact_counts keys them:
-- revenue only where the size class rests on it; halal_valid_until is ''
-- without a certificate and 9999-12-31 for one without an end; -1 is "not
-- recorded" in the profile.
CREATE VIEW halal_business_facts AS
SELECT b.id AS business_id, b.district_code, b.size_class, b.size_basis,
    CASE WHEN b.size_basis = 'revenue'
        THEN (SELECT COUNT(*) FROM halal_revenue_limits l WHERE l.amount < b.annual_revenue) ELSE 0 END AS revenue_band,
    CASE WHEN b.nib <> '' THEN 1 ELSE 0 END AS has_nib, b.founded_year,
    CASE WHEN b.halal_status <> 'certified' THEN '' WHEN b.halal_expires_on = '' THEN '9999-12-31'
        ELSE b.halal_expires_on END AS halal_valid_until,
    COALESCE(h.facilities, -1) AS facilities, COALESCE(h.outlets, -1) AS outlets,
    COALESCE(h.preservation_methods, -1) AS preservation_methods, COALESCE(h.product_type, '') AS product_type,
    CASE WHEN h.halal_ingredients IS NULL THEN -1 WHEN h.halal_ingredients THEN 1 ELSE 0 END AS halal_ingredients,
    CASE WHEN h.separate_tools IS NULL THEN -1 WHEN h.separate_tools THEN 1 ELSE 0 END AS separate_tools,
    CASE WHEN h.simple_process IS NULL THEN -1 WHEN h.simple_process THEN 1 ELSE 0 END AS simple_process
FROM businesses b LEFT JOIN halal_profiles h ON h.business_id = b.id
WHERE b.status = 'active' AND ((b.kbli >= '10' AND b.kbli < '12') OR (b.kbli >= '56' AND b.kbli < '57'));

CREATE TABLE halal_fact_counts (
    district_code        TEXT NOT NULL,
    size_class           TEXT NOT NULL,
    size_basis           TEXT NOT NULL,
    revenue_band         INTEGER NOT NULL,
    has_nib              INTEGER NOT NULL,
    founded_year         INTEGER NOT NULL,
    halal_valid_until    TEXT NOT NULL,
    facilities           INTEGER NOT NULL,
    outlets              INTEGER NOT NULL,
    preservation_methods INTEGER NOT NULL,
    product_type         TEXT NOT NULL,
    halal_ingredients    INTEGER NOT NULL,
    separate_tools       INTEGER NOT NULL,
    simple_process       INTEGER NOT NULL,
    businesses           INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_halal_fact_counts ON halal_fact_counts (district_code, size_class, size_basis, revenue_band,
    has_nib, founded_year, halal_valid_until, facilities, outlets, preservation_methods, product_type, halal_ingredients,
    separate_tools, simple_process);
-- Combinations nobody has any more are deleted at once; this index finds them.
CREATE INDEX ix_halal_fact_counts_none ON halal_fact_counts (businesses) WHERE businesses = 0;

INSERT INTO halal_fact_counts (district_code, size_class, size_basis, revenue_band, has_nib, founded_year,
    halal_valid_until, facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools,
    simple_process, businesses)
SELECT district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until, facilities,
    outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process, COUNT(*)
FROM halal_business_facts
GROUP BY district_code, size_class, size_basis, revenue_band, has_nib, founded_year, halal_valid_until, facilities,
    outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process;

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

CREATE TRIGGER businesses_halal_facts_bu BEFORE UPDATE OF district_code, status, kbli, size_class, size_basis,
    annual_revenue, nib, founded_year, halal_status, halal_expires_on ON businesses
    WHEN old.district_code <> new.district_code OR old.status <> new.status OR old.kbli <> new.kbli
        OR old.size_class <> new.size_class OR old.size_basis <> new.size_basis OR old.annual_revenue <> new.annual_revenue
        OR old.nib <> new.nib OR old.founded_year <> new.founded_year OR old.halal_status <> new.halal_status
        OR old.halal_expires_on <> new.halal_expires_on BEGIN
    INSERT INTO halal_fact_changes (business_id, delta, bare) VALUES (old.id, -1, 0);
END;

CREATE TRIGGER businesses_halal_facts_au AFTER UPDATE OF district_code, status, kbli, size_class, size_basis,
    annual_revenue, nib, founded_year, halal_status, halal_expires_on ON businesses
    WHEN old.district_code <> new.district_code OR old.status <> new.status OR old.kbli <> new.kbli
        OR old.size_class <> new.size_class OR old.size_basis <> new.size_basis OR old.annual_revenue <> new.annual_revenue
        OR old.nib <> new.nib OR old.founded_year <> new.founded_year OR old.halal_status <> new.halal_status
        OR old.halal_expires_on <> new.halal_expires_on BEGIN
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
