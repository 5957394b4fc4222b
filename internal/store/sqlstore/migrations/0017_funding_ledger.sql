-- The funding ledger: what partners commit (money or in kind, valued in
-- rupiah), what they actually deliver against each commitment, and how the
-- delivered value is allocated to programmes. A commitment carries running
-- sums of its realisations and allocations, changed by conditional UPDATEs
-- in the same transaction as the row they sum, so that two concurrent
-- allocations can never together exceed what was realised.
CREATE TABLE funding_commitments (
    id          {{.ID}},
    partner_id  {{.BigInt}} NOT NULL REFERENCES partners (id),
    kind        TEXT NOT NULL CONSTRAINT ck_commitments_kind CHECK (kind IN ('money', 'in_kind')),
    amount      BIGINT NOT NULL,
    year        INTEGER NOT NULL,
    reference   TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    starts_on   TEXT NOT NULL DEFAULT '',
    ends_on     TEXT NOT NULL DEFAULT '',
    realised    BIGINT NOT NULL DEFAULT 0,
    allocated   BIGINT NOT NULL DEFAULT 0,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  {{.Time}} NOT NULL,
    CONSTRAINT ck_commitments_sums CHECK (amount > 0 AND realised >= 0 AND realised <= amount
        AND allocated >= 0 AND allocated <= realised)
);
CREATE INDEX ix_commitments_partner ON funding_commitments (partner_id, year);
CREATE INDEX ix_commitments_year ON funding_commitments (year);

CREATE TABLE funding_realisations (
    id            {{.ID}},
    commitment_id {{.BigInt}} NOT NULL REFERENCES funding_commitments (id),
    amount        BIGINT NOT NULL CONSTRAINT ck_realisations_amount CHECK (amount > 0),
    received_on   TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    {{.Time}} NOT NULL
);
CREATE INDEX ix_realisations_commitment ON funding_realisations (commitment_id, received_on);

CREATE TABLE funding_allocations (
    id            {{.ID}},
    commitment_id {{.BigInt}} NOT NULL REFERENCES funding_commitments (id),
    program_id    {{.BigInt}} NOT NULL REFERENCES programs (id),
    amount        BIGINT NOT NULL CONSTRAINT ck_allocations_amount CHECK (amount > 0),
    note          TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    {{.Time}} NOT NULL
);
CREATE INDEX ix_allocations_program ON funding_allocations (program_id);
CREATE INDEX ix_allocations_commitment ON funding_allocations (commitment_id);
