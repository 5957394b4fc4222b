-- 0010: the role mitra, a user who speaks for one partner. users gets
-- partner_id (0 = none, like business_id) and the role check admits mitra.
-- SQLite cannot change a CHECK constraint, so users is rebuilt. Dropping it
-- would cascade to api_tokens and sessions, so their rows are kept aside
-- and put back in the same transaction.
CREATE TEMP TABLE keep_api_tokens AS SELECT * FROM api_tokens;
CREATE TEMP TABLE keep_sessions AS SELECT * FROM sessions;

CREATE TABLE users_new (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL,
    role          TEXT NOT NULL,
    regions       TEXT NOT NULL DEFAULT '',
    business_id   INTEGER NOT NULL DEFAULT 0,
    partner_id    INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    CONSTRAINT ck_users_role CHECK (role IN ('admin', 'operator', 'pimpinan', 'owner', 'mitra'))
);
INSERT INTO users_new (id, username, role, regions, business_id, partner_id, password_hash, disabled, created_at)
    SELECT id, username, role, regions, business_id, 0, password_hash, disabled, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX ux_users_username ON users (username);
CREATE INDEX ix_users_partner ON users (partner_id) WHERE partner_id <> 0;

INSERT INTO api_tokens SELECT * FROM keep_api_tokens;
INSERT INTO sessions SELECT * FROM keep_sessions;
DROP TABLE keep_api_tokens;
DROP TABLE keep_sessions;
