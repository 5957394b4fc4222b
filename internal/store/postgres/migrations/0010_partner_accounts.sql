-- 0010: the role mitra, a user who speaks for one partner. users gets
-- partner_id (0 = none, like business_id) and the role check admits mitra.
ALTER TABLE users ADD COLUMN partner_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users DROP CONSTRAINT ck_users_role;
ALTER TABLE users ADD CONSTRAINT ck_users_role CHECK (role IN ('admin', 'operator', 'pimpinan', 'owner', 'mitra'));
CREATE INDEX ix_users_partner ON users (partner_id) WHERE partner_id <> 0;
