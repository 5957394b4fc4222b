-- 0013: products as records of their own, with permits and photos. The
-- embedded product lists of businesses (businesses.products) are copied
-- into rows, one per entry, in their order; the column stays as the
-- summary (name, category, price) that the store keeps in step with the rows.

CREATE TABLE products (
    id                     INTEGER PRIMARY KEY,
    business_id            INTEGER NOT NULL REFERENCES businesses (id),
    name                   TEXT NOT NULL,
    category               TEXT NOT NULL DEFAULT '',
    net_content            REAL NOT NULL DEFAULT 0,
    net_unit               TEXT NOT NULL DEFAULT '',
    price                  INTEGER NOT NULL DEFAULT 0,
    shelf_life_days        INTEGER NOT NULL DEFAULT 0,
    barcode                TEXT NOT NULL DEFAULT '',
    production_code_format TEXT NOT NULL DEFAULT '',
    pirt_number            TEXT NOT NULL DEFAULT '',
    pirt_verified          INTEGER NOT NULL DEFAULT 0,
    halal_number           TEXT NOT NULL DEFAULT '',
    halal_verified         INTEGER NOT NULL DEFAULT 0,
    bpom_number            TEXT NOT NULL DEFAULT '',
    bpom_verified          INTEGER NOT NULL DEFAULT 0,
    version                INTEGER NOT NULL DEFAULT 1,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    CONSTRAINT ck_products_numbers CHECK (price >= 0 AND shelf_life_days >= 0 AND net_content >= 0)
);
CREATE INDEX ix_products_business ON products (business_id, id);

CREATE TABLE product_photos (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    file       TEXT NOT NULL,
    thumb      TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX ix_product_photos_product ON product_photos (product_id, id);

INSERT INTO products (business_id, name, category, price, created_at, updated_at)
SELECT b.id, COALESCE(json_extract(j.value, '$.name'), ''), COALESCE(json_extract(j.value, '$.category'), ''),
       COALESCE(CAST(json_extract(j.value, '$.price') AS INTEGER), 0), b.updated_at, b.updated_at
FROM businesses b, json_each(CASE WHEN json_valid(b.products) AND json_type(b.products) = 'array' THEN b.products ELSE '[]' END) j
ORDER BY b.id, j.key;
