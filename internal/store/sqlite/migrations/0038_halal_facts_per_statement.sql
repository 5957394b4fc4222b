-- Nothing on SQLite: it has no statement-level triggers, and one writer at
-- a time. PostgreSQL's 0038 groups the halal fact counts of an inserting
-- statement.
SELECT 1;
