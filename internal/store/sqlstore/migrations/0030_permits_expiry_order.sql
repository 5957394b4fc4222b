-- The expiry list pages through issued permits by date then id: with the id
-- in the index after the date, a page is read in index order instead of
-- sorting every permit up to the list's end.
DROP INDEX ix_permits_expiry;
CREATE INDEX ix_permits_expiry ON permits (expires_on, id, status, business_id) WHERE expires_on <> '';
