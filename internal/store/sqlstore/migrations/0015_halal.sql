-- Halal self-declare: what the register does not hold about a business
-- (NULL = not yet recorded), the SEHATI quota windows and the businesses
-- allocated to them with their halal assistant (pendamping PPH) and day.
CREATE TABLE halal_profiles (
    business_id          {{.BigInt}} PRIMARY KEY REFERENCES businesses (id),
    facilities           INTEGER,
    outlets              INTEGER,
    preservation_methods INTEGER,
    product_type         TEXT NOT NULL DEFAULT '',
    halal_ingredients    {{.Bool}},
    separate_tools       {{.Bool}},
    simple_process       {{.Bool}},
    updated_at           {{.Time}} NOT NULL,
    updated_by           TEXT NOT NULL DEFAULT ''
);

CREATE TABLE halal_quotas (
    id         {{.SerialID}},
    provider   TEXT NOT NULL,
    scope      TEXT NOT NULL,
    total      INTEGER NOT NULL,
    opens_on   TEXT NOT NULL,
    closes_on  TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at {{.Time}} NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    CONSTRAINT ck_halal_quotas_total CHECK (total > 0),
    CONSTRAINT ck_halal_quotas_dates CHECK (opens_on <= closes_on)
);

CREATE TABLE halal_allocations (
    id          {{.SerialID}},
    quota_id    {{.BigInt}} NOT NULL REFERENCES halal_quotas (id),
    business_id {{.BigInt}} NOT NULL REFERENCES businesses (id),
    assistant   TEXT NOT NULL,
    planned_on  TEXT NOT NULL,
    created_at  {{.Time}} NOT NULL,
    created_by  TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ux_halal_allocations_business ON halal_allocations (quota_id, business_id);
CREATE INDEX ix_halal_allocations_assistant ON halal_allocations (assistant, planned_on);
CREATE INDEX ix_halal_allocations_business ON halal_allocations (business_id);

-- The halal obligation counts read the food and drink businesses (KBLI 10,
-- 11 and 56) from this index alone.
CREATE INDEX ix_businesses_food ON businesses (status, kbli, district_code, size_class, size_basis, annual_revenue,
    founded_year, halal_status, halal_expires_on, nib);
