-- 0006: ix_measurements_business (business_id, year) is a prefix of
-- ix_measurements_evidence (business_id, year, created_at, …) from 0004,
-- which serves every query it served (a business's ledger in year order,
-- the import's ledger lookups). Keeping both cost every new measurement a
-- second index insert (16 MB and 1-2 s per million measurements on SQLite).
DROP INDEX IF EXISTS ix_measurements_business;
