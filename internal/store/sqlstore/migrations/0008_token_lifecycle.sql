-- 0008: API tokens can expire and be revoked, and remember when they were last used.
-- NULL means never (no expiry, not revoked, not used yet).
ALTER TABLE api_tokens ADD COLUMN expires_at {{.Time}};
ALTER TABLE api_tokens ADD COLUMN revoked_at {{.Time}};
ALTER TABLE api_tokens ADD COLUMN last_used_at {{.Time}};
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);
