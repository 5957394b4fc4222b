-- 0018: label checks and the public catalogue's consent.

-- A label check keeps the fixes and flags of its day: the text a business
-- was given stays as it was when the list of elements changes.
CREATE TABLE label_checks (
    id               {{.ID}},
    product_id       {{.BigInt}} NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    elements_version INTEGER NOT NULL,
    items            TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '{}',
    label_pirt       TEXT NOT NULL DEFAULT '',
    score            INTEGER NOT NULL,
    fixes            TEXT NOT NULL DEFAULT '[]',
    flags            TEXT NOT NULL DEFAULT '[]',
    checked_by       TEXT NOT NULL DEFAULT '',
    checked_at       {{.Time}} NOT NULL,
    CONSTRAINT ck_label_checks_score CHECK (score BETWEEN 0 AND 100)
);
CREATE INDEX ix_label_checks_product ON label_checks (product_id, id);

-- A business in the public catalogue: the owner's consent (or an officer's
-- record of it), when, and the WhatsApp number chosen for orders.
CREATE TABLE catalogue_consents (
    business_id {{.BigInt}} PRIMARY KEY REFERENCES businesses (id),
    whatsapp    TEXT NOT NULL,
    consent_by  TEXT NOT NULL,
    consent_at  {{.Time}} NOT NULL
);
