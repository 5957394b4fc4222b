-- What the expiry list and the halal obligation count read instead of
-- every permit's business and every food and drink business. The triggers
-- that keep both right, whatever writes a business, a permit or a halal
-- profile, are each engine's migration 0033.

-- Each permit carries the kecamatan of its business while the business is
-- active, and '' once it is archived or merged, so that the expiry counts
-- read the permits alone.
ALTER TABLE permits ADD COLUMN active_district TEXT NOT NULL DEFAULT '';
UPDATE permits SET active_district = COALESCE((SELECT b.district_code FROM businesses b
    WHERE b.id = permits.business_id AND b.status = 'active'), '');
-- Per kecamatan by date, the id after the date so that one kecamatan's
-- page is read in order; the status and kind for the counts' filters.
CREATE INDEX ix_permits_district_expiry ON permits (active_district, expires_on, id, status, kind)
    WHERE expires_on <> '' AND active_district <> '';

-- halal_fact_counts holds, per kecamatan, how many active food and drink
-- businesses (KBLI 10, 11, 56) share each combination of the facts the
-- self-declare rules read. It keeps facts, not verdicts: the rules are dated
-- and applied as of the day asked.
--
-- halal_revenue_limits are the revenue limits of the rule book
-- (permits/halal_rules.json; a test checks each rule's limit is here). A
-- business's revenue is kept as revenue_band, the number of limits it
-- exceeds, which tells its side of every limit. A rule whose limit is not
-- here is answered from the businesses themselves.
CREATE TABLE halal_revenue_limits (amount {{.BigInt}} PRIMARY KEY);
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
    revenue_band         {{.BigInt}} NOT NULL,
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
    businesses           {{.BigInt}} NOT NULL
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
