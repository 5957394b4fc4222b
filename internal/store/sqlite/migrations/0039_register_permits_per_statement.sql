-- Nothing on SQLite: it has no statement-level triggers, and one writer at
-- a time. PostgreSQL's 0039 adds the permits of an inserting statement's
-- businesses in one INSERT.
SELECT 1;
