-- 0022: products on retailers' shelves after curation, and their monthly
-- sales with the payment each month's money is due and (once recorded)
-- paid on. One listing per product and retailer while it is on the shelf.
-- One file for both engines; column types come from the dialect.
CREATE TABLE listings (
    id                 {{.ID}},
    product_id         {{.BigInt}} NOT NULL REFERENCES products (id),
    partner_id         {{.BigInt}} NOT NULL REFERENCES partners (id),
    outlets            TEXT NOT NULL DEFAULT '[]',
    starts_on          TEXT NOT NULL,
    ends_on            TEXT NOT NULL DEFAULT '',
    mode               TEXT NOT NULL,
    payment_terms_days INTEGER NOT NULL,
    created_by         TEXT NOT NULL DEFAULT '',
    created_at         {{.Time}} NOT NULL,
    CONSTRAINT ck_listings_mode CHECK (mode IN ('consignment', 'purchase')),
    CONSTRAINT ck_listings_terms CHECK (payment_terms_days >= 0)
);
CREATE UNIQUE INDEX ux_listings_active ON listings (product_id, partner_id) WHERE ends_on = '';
CREATE INDEX ix_listings_partner ON listings (partner_id, product_id);

CREATE TABLE listing_sales (
    id          {{.ID}},
    listing_id  {{.BigInt}} NOT NULL REFERENCES listings (id),
    month       TEXT NOT NULL,
    units       {{.BigInt}} NOT NULL,
    revenue     {{.BigInt}} NOT NULL,
    due_on      TEXT NOT NULL,
    paid_on     TEXT NOT NULL DEFAULT '',
    reported_by TEXT NOT NULL DEFAULT '',
    reported_at {{.Time}} NOT NULL,
    CONSTRAINT ck_listing_sales_amounts CHECK (units >= 0 AND revenue >= 0),
    CONSTRAINT ux_listing_sales_month UNIQUE (listing_id, month)
);
CREATE INDEX ix_listing_sales_unpaid ON listing_sales (due_on) WHERE paid_on = '';
