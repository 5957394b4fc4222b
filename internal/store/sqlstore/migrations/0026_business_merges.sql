-- Merges of two records of one business: the merged record stays as an
-- archived row pointing at the one kept (merged_into), and each merge keeps
-- what its undo needs (undo: the rows moved, both records before, as JSON
-- the store alone reads) beside what it did (detail: fields taken, rows
-- moved and left per table, as JSON).
ALTER TABLE businesses ADD COLUMN merged_into {{.BigInt}};

CREATE TABLE business_merges (
    id        {{.ID}},
    kept_id   {{.BigInt}} NOT NULL REFERENCES businesses (id),
    merged_id {{.BigInt}} NOT NULL REFERENCES businesses (id),
    merged_by TEXT NOT NULL,
    merged_at {{.Time}} NOT NULL,
    undone_by TEXT NOT NULL DEFAULT '',
    undone_at {{.Time}},
    detail    TEXT NOT NULL,
    undo      TEXT NOT NULL
);
CREATE INDEX ix_business_merges_kept ON business_merges (kept_id);
CREATE INDEX ix_business_merges_merged ON business_merges (merged_id);
