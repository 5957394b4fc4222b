-- Why a product left a retailer's shelves, beside the date it left
-- (ends_on, its last day on the shelf).
ALTER TABLE listings ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
