-- 0021: retailers' curation rounds and the products put before them. An
-- entry keeps its pre-check (the requirements it did not meet, in words)
-- as it was when entered, and the latest decision; the audit log keeps the
-- earlier ones. One file for both engines; column types come from the dialect.
CREATE TABLE curations (
    id         {{.ID}},
    partner_id {{.BigInt}} NOT NULL REFERENCES partners (id),
    held_on    TEXT NOT NULL,
    place      TEXT NOT NULL,
    capacity   INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    created_at {{.Time}} NOT NULL,
    CONSTRAINT ck_curations_capacity CHECK (capacity > 0)
);
CREATE INDEX ix_curations_partner ON curations (partner_id, held_on);

CREATE TABLE curation_entries (
    id             {{.ID}},
    curation_id    {{.BigInt}} NOT NULL REFERENCES curations (id),
    product_id     {{.BigInt}} NOT NULL REFERENCES products (id),
    monthly_supply INTEGER NOT NULL DEFAULT 0,
    unmet          TEXT NOT NULL DEFAULT '[]',
    decision       TEXT NOT NULL DEFAULT '',
    fixes          TEXT NOT NULL DEFAULT '[]',
    note           TEXT NOT NULL DEFAULT '',
    decided_by     TEXT NOT NULL DEFAULT '',
    decided_at     {{.Time}},
    created_by     TEXT NOT NULL DEFAULT '',
    created_at     {{.Time}} NOT NULL,
    CONSTRAINT ck_curation_entries_decision CHECK (decision IN ('', 'lolos', 'perbaikan', 'tidak_lolos')),
    CONSTRAINT ux_curation_entries_product UNIQUE (curation_id, product_id)
);
CREATE INDEX ix_curation_entries_product ON curation_entries (product_id);
