-- 0002: imports of Excel/CSV files: one row per run, and which
-- businesses each import inserted, updated or saw unchanged.

CREATE TABLE imports (
    id              {{.ID}},
    source          TEXT NOT NULL,
    file_name       TEXT NOT NULL DEFAULT '',
    user_id         {{.BigInt}} NOT NULL DEFAULT 0,
    username        TEXT NOT NULL DEFAULT '',
    dry_run         {{.Bool}} NOT NULL DEFAULT {{.False}},
    status          TEXT NOT NULL,
    message         TEXT NOT NULL DEFAULT '',
    summary_json    TEXT NOT NULL DEFAULT '{}',
    unknown_columns TEXT NOT NULL DEFAULT '[]',
    report          {{.Bytes}},
    created_at      {{.Time}} NOT NULL,
    finished_at     {{.Time}},
    CONSTRAINT ck_imports_status CHECK (status IN ('running', 'done', 'dry_run', 'failed'))
);

CREATE TABLE import_businesses (
    import_id   {{.BigInt}} NOT NULL REFERENCES imports (id),
    business_id {{.BigInt}} NOT NULL REFERENCES businesses (id),
    action      TEXT NOT NULL,
    PRIMARY KEY (import_id, business_id),
    CONSTRAINT ck_import_businesses_action CHECK (action IN ('inserted', 'updated', 'unchanged'))
);
CREATE INDEX ix_import_businesses_business ON import_businesses (business_id, import_id);
