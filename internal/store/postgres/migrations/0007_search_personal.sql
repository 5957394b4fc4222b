-- 0007: search is split into the fields every reader of a record sees (name,
-- brand, owner name, NIB) and the personal ones (NIK, phone), each a
-- generated column with its own trigram index. A reader who sees personal
-- data masked (pimpinan) searches search_public alone, so that what a search
-- finds never depends on a digit of a NIK or phone it may not see; officers
-- search both. The single search_text column held everything.
DROP INDEX IF EXISTS ix_businesses_search;
ALTER TABLE businesses DROP COLUMN search_text;
ALTER TABLE businesses
    ADD COLUMN search_public TEXT GENERATED ALWAYS AS (lower(name || ' ' || brand || ' ' || owner_name || ' ' || nib)) STORED,
    ADD COLUMN search_personal TEXT GENERATED ALWAYS AS (lower(nik || ' ' || phone)) STORED;
CREATE INDEX ix_businesses_search ON businesses USING gin (search_public gin_trgm_ops);
CREATE INDEX ix_businesses_search_personal ON businesses USING gin (search_personal gin_trgm_ops);
