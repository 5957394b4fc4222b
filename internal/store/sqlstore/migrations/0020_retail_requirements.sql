-- 0020: a retailer's curation requirements, one JSON object on the partner
-- ('{}' = none; only partners of kind ritel carry any).
ALTER TABLE partners ADD COLUMN requirements TEXT NOT NULL DEFAULT '{}';
