-- Pairs an import found likely one business: the row it inserted beside the
-- stored business it resembles. They stay in the duplicate review until one
-- of them is merged or archived, or the pair is judged "bukan duplikat".
CREATE TABLE duplicate_queue (
    business_a  {{.BigInt}} NOT NULL REFERENCES businesses (id),
    business_b  {{.BigInt}} NOT NULL REFERENCES businesses (id),
    probability {{.Float}} NOT NULL,
    import_id   {{.BigInt}} NOT NULL REFERENCES imports (id),
    PRIMARY KEY (business_a, business_b),
    CHECK (business_a < business_b)
);
CREATE INDEX ix_duplicate_queue_b ON duplicate_queue (business_b);
