-- Pairs of businesses an officer judged "bukan duplikat": record linkage
-- does not propose them again.
CREATE TABLE duplicate_dismissals (
    business_a   {{.BigInt}} NOT NULL REFERENCES businesses (id),
    business_b   {{.BigInt}} NOT NULL REFERENCES businesses (id),
    dismissed_by TEXT NOT NULL,
    dismissed_at {{.Time}} NOT NULL,
    PRIMARY KEY (business_a, business_b),
    CHECK (business_a < business_b)
);
