-- The office's identity, printed on certificates, public pages and reports:
-- one row, edited by the admin.
CREATE TABLE office_identity (
    id              {{.SmallInt}} PRIMARY KEY CHECK (id = 1),
    government      TEXT NOT NULL,
    agency          TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    signatory_name  TEXT NOT NULL DEFAULT '',
    signatory_title TEXT NOT NULL DEFAULT '',
    signatory_nip   TEXT NOT NULL DEFAULT '',
    logo_type       TEXT NOT NULL DEFAULT '',
    logo_hash       TEXT NOT NULL DEFAULT '',
    logo            {{.Bytes}},
    version         {{.BigInt}} NOT NULL,
    updated_at      {{.Time}} NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT ''
);

-- A certificate keeps who signed it, so that a new head of the agency does
-- not appear on certificates issued before.
ALTER TABLE certificates ADD COLUMN signed_government TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN signed_agency TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN signatory_name TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN signatory_title TEXT NOT NULL DEFAULT '';
ALTER TABLE certificates ADD COLUMN signatory_nip TEXT NOT NULL DEFAULT '';
