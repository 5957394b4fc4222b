-- The office's notes on a business ("Keterangan" in its lists), kept as
-- typed: an import reads them from a Keterangan column, exports write them.
ALTER TABLE businesses ADD COLUMN notes TEXT NOT NULL DEFAULT '';
