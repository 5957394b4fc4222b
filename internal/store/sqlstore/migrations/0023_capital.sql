-- Capital: a business's needs for capital, and their referrals to bank
-- partners with the owner's consent, the requirements as checked on the day
-- of referral (JSON), the letter's verification code, the signatory of the
-- letter (JSON) and the bank's decision and disbursement.
CREATE TABLE capital_needs (
    id          {{.ID}},
    business_id {{.BigInt}} NOT NULL REFERENCES businesses (id),
    amount      BIGINT NOT NULL,
    purpose     TEXT NOT NULL,
    collateral  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at {{.Time}} NOT NULL,
    CONSTRAINT ck_capital_needs_amount CHECK (amount > 0),
    CONSTRAINT ck_capital_needs_purpose CHECK (purpose IN ('modal_kerja', 'investasi'))
);
CREATE INDEX ix_capital_needs_business ON capital_needs (business_id);

CREATE TABLE capital_referrals (
    id               {{.ID}},
    need_id          {{.BigInt}} NOT NULL REFERENCES capital_needs (id),
    business_id      {{.BigInt}} NOT NULL REFERENCES businesses (id),
    partner_id       {{.BigInt}} NOT NULL REFERENCES partners (id),
    scheme           TEXT NOT NULL,
    status           TEXT NOT NULL,
    requirements     TEXT NOT NULL,
    code             TEXT NOT NULL,
    consent_at       {{.Time}} NOT NULL,
    consent_by       TEXT NOT NULL,
    referred_at      {{.Time}} NOT NULL,
    referred_by      TEXT NOT NULL,
    signatory        TEXT NOT NULL,
    decided_at       {{.Time}},
    decided_by       TEXT NOT NULL DEFAULT '',
    approved_amount  BIGINT NOT NULL DEFAULT 0,
    tenor_months     INTEGER NOT NULL DEFAULT 0,
    rate_percent     {{.Float}} NOT NULL DEFAULT 0,
    reject_reason    TEXT NOT NULL DEFAULT '',
    decision_note    TEXT NOT NULL DEFAULT '',
    disbursed_on     TEXT NOT NULL DEFAULT '',
    disbursed_amount BIGINT NOT NULL DEFAULT 0,
    version          BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT ck_capital_referrals_status CHECK (status IN ('referred', 'approved', 'rejected', 'withdrawn', 'disbursed'))
);
CREATE UNIQUE INDEX ux_capital_referrals_need_partner ON capital_referrals (need_id, partner_id);
CREATE UNIQUE INDEX ux_capital_referrals_code ON capital_referrals (code);
CREATE INDEX ix_capital_referrals_partner ON capital_referrals (partner_id, status);
CREATE INDEX ix_capital_referrals_business ON capital_referrals (business_id);
