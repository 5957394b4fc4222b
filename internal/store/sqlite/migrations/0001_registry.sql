-- 0001: the UMKM register, accounts, sessions and the audit trail.
-- Constraint names match the PostgreSQL migration: sqlstore/errors.go maps them to messages.

CREATE TABLE businesses (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL COLLATE NOCASE,
    brand            TEXT NOT NULL DEFAULT '',
    owner_name       TEXT NOT NULL COLLATE NOCASE,
    nik              TEXT NOT NULL DEFAULT '',
    owner_gender     TEXT NOT NULL DEFAULT '',
    owner_birth_date TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    village_code     TEXT NOT NULL,
    district_code    TEXT NOT NULL,
    address          TEXT NOT NULL DEFAULT '',
    latitude         REAL,
    longitude        REAL,
    kbli             TEXT NOT NULL DEFAULT '',
    sector           TEXT NOT NULL DEFAULT '',
    founded_year     INTEGER NOT NULL DEFAULT 0,
    employees        INTEGER NOT NULL DEFAULT 0,
    annual_revenue   INTEGER NOT NULL DEFAULT 0,
    capital          INTEGER NOT NULL DEFAULT 0,
    size_class       TEXT NOT NULL DEFAULT '',
    size_basis       TEXT NOT NULL DEFAULT '',
    nib              TEXT NOT NULL DEFAULT '',
    pirt_number      TEXT NOT NULL DEFAULT '',
    pirt_expires_on  TEXT NOT NULL DEFAULT '',
    halal_status     TEXT NOT NULL DEFAULT 'none',
    halal_number     TEXT NOT NULL DEFAULT '',
    halal_expires_on TEXT NOT NULL DEFAULT '',
    bpom_number      TEXT NOT NULL DEFAULT '',
    hki_number       TEXT NOT NULL DEFAULT '',
    products         TEXT NOT NULL DEFAULT '[]',
    status           TEXT NOT NULL DEFAULT 'active',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CONSTRAINT ck_businesses_money CHECK (annual_revenue >= 0 AND capital >= 0),
    CONSTRAINT ck_businesses_employees CHECK (employees >= 0),
    CONSTRAINT ck_businesses_status CHECK (status IN ('active', 'archived')),
    CONSTRAINT ck_businesses_halal CHECK (halal_status IN ('none', 'in_process', 'certified'))
);

CREATE UNIQUE INDEX ux_businesses_nib ON businesses (nib) WHERE nib <> '';
CREATE INDEX ix_businesses_name ON businesses (status, name, id);
CREATE INDEX ix_businesses_district ON businesses (status, district_code, size_class, name);
CREATE INDEX ix_businesses_village ON businesses (status, village_code, name);
CREATE INDEX ix_businesses_class ON businesses (status, size_class, name);
CREATE INDEX ix_businesses_sector ON businesses (status, sector, name);
CREATE INDEX ix_businesses_owner ON businesses (status, owner_name);
CREATE INDEX ix_businesses_revenue ON businesses (status, annual_revenue);
CREATE INDEX ix_businesses_updated ON businesses (status, updated_at);
CREATE INDEX ix_businesses_nik ON businesses (nik) WHERE nik <> '';
-- Narrow (id → name) lookups for sorting search matches by name.
CREATE INDEX ix_businesses_id_name ON businesses (id, status, name);
-- Covers the home page statistics, so they scan a narrow index, not the table.
CREATE INDEX ix_businesses_stats ON businesses (status, district_code, size_class, halal_status, halal_expires_on,
    pirt_expires_on, pirt_number, nib);

-- Substring search: an external-content FTS5 table with the trigram
-- tokenizer, kept in sync by triggers. It holds active businesses only, so
-- that a search is counted from the index alone; archived businesses (few,
-- admin only) are searched with LIKE.
CREATE VIRTUAL TABLE businesses_fts USING fts5(
    name, brand, owner_name, nik, nib, phone,
    content = 'businesses', content_rowid = 'id', tokenize = 'trigram'
);

-- Bulk loads keep up to 64 MB of new index terms in memory before writing a
-- segment, so a batch of 48,000 rows becomes one segment and few merges.
INSERT INTO businesses_fts (businesses_fts, rank) VALUES ('hashsize', 67108864);

CREATE TRIGGER businesses_fts_ai AFTER INSERT ON businesses WHEN new.status = 'active' BEGIN
    INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
    VALUES (new.id, new.name, new.brand, new.owner_name, new.nik, new.nib, new.phone);
END;

CREATE TRIGGER businesses_fts_ad AFTER DELETE ON businesses WHEN old.status = 'active' BEGIN
    INSERT INTO businesses_fts (businesses_fts, rowid, name, brand, owner_name, nik, nib, phone)
    VALUES ('delete', old.id, old.name, old.brand, old.owner_name, old.nik, old.nib, old.phone);
END;

CREATE TRIGGER businesses_fts_au_old AFTER UPDATE OF name, brand, owner_name, nik, nib, phone, status ON businesses
WHEN old.status = 'active' BEGIN
    INSERT INTO businesses_fts (businesses_fts, rowid, name, brand, owner_name, nik, nib, phone)
    VALUES ('delete', old.id, old.name, old.brand, old.owner_name, old.nik, old.nib, old.phone);
END;

CREATE TRIGGER businesses_fts_au_new AFTER UPDATE OF name, brand, owner_name, nik, nib, phone, status ON businesses
WHEN new.status = 'active' BEGIN
    INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
    VALUES (new.id, new.name, new.brand, new.owner_name, new.nik, new.nib, new.phone);
END;

CREATE TABLE measurements (
    id             INTEGER PRIMARY KEY,
    business_id    INTEGER NOT NULL REFERENCES businesses (id),
    year           INTEGER NOT NULL,
    annual_revenue INTEGER NOT NULL DEFAULT 0,
    capital        INTEGER NOT NULL DEFAULT 0,
    employees      INTEGER NOT NULL DEFAULT 0,
    source         TEXT NOT NULL,
    size_class     TEXT NOT NULL DEFAULT '',
    size_basis     TEXT NOT NULL DEFAULT '',
    recorded_by    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    CONSTRAINT ck_measurements_money CHECK (annual_revenue >= 0 AND capital >= 0 AND employees >= 0),
    CONSTRAINT ck_measurements_year CHECK (year BETWEEN 1900 AND 2200)
);
CREATE INDEX ix_measurements_business ON measurements (business_id, year);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL,
    role          TEXT NOT NULL,
    regions       TEXT NOT NULL DEFAULT '',
    business_id   INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    CONSTRAINT ck_users_role CHECK (role IN ('admin', 'operator', 'pimpinan', 'owner'))
);
CREATE UNIQUE INDEX ux_users_username ON users (username);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (hash);

CREATE TABLE sessions (
    hash       TEXT NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_sessions_hash ON sessions (hash);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER NOT NULL DEFAULT 0,
    username    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL DEFAULT 0,
    before_json TEXT NOT NULL DEFAULT 'null',
    after_json  TEXT NOT NULL DEFAULT 'null'
);
CREATE INDEX ix_audit_entity ON audit_log (entity, entity_id, id);
