package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/capital"
	"naikkelas/internal/registry"
)

const needColumns = `n.id, n.business_id, b.name, b.district_code, n.amount, n.purpose, n.collateral, n.note, n.recorded_by, n.recorded_at`

func scanNeed(s Scanner, n *capital.Need) error {
	return s.Scan(&n.ID, &n.BusinessID, &n.BusinessName, &n.DistrictCode, &n.Amount, &n.Purpose, &n.Collateral, &n.Note,
		&n.RecordedBy, ScanTime(&n.RecordedAt))
}

// CreateNeed implements capital.Store.
func (db *DB) CreateNeed(ctx context.Context, n *capital.Need, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if n.RecordedAt.IsZero() {
			n.RecordedAt = Now()
		}
		return q.insertAudited(ctx, "capital need", &n.ID, a, `INSERT INTO capital_needs (business_id, amount, purpose, collateral, note, recorded_by, recorded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, n.BusinessID, n.Amount, n.Purpose, n.Collateral, n.Note, n.RecordedBy,
			q.Dialect.Time(n.RecordedAt))
	})
}

// GetNeed implements capital.Store.
func (db *DB) GetNeed(ctx context.Context, id int64) (*capital.Need, error) {
	return queryOne(ctx, db.Reader(), apperr.New(apperr.NotFound, "Kebutuhan modal tidak ditemukan"),
		fmt.Sprintf("get capital need %d", id), scanNeed, `SELECT `+needColumns+` FROM capital_needs n
		JOIN businesses b ON b.id = n.business_id WHERE n.id = ?`, id)
}

// NeedsOf implements capital.Store.
func (db *DB) NeedsOf(ctx context.Context, businessID int64) ([]capital.Need, error) {
	return queryRows(ctx, db.Reader(), fmt.Sprintf("capital needs of %d", businessID), []capital.Need{}, scanNeed,
		`SELECT `+needColumns+` FROM capital_needs n
		JOIN businesses b ON b.id = n.business_id WHERE n.business_id = ? ORDER BY n.id DESC`, businessID)
}

// referralFrom joins what a referral shows: its business (name, district
// and contact) and its bank's name.
const referralFrom = ` FROM capital_referrals r JOIN capital_needs n ON n.id = r.need_id
	JOIN businesses b ON b.id = r.business_id JOIN partners pt ON pt.id = r.partner_id`

const referralColumns = `r.id, r.need_id, r.business_id, b.name, b.district_code, r.partner_id, pt.name, n.amount, n.purpose,
	n.collateral, r.scheme, r.status, r.requirements, r.code, r.consent_at, r.consent_by, r.referred_at, r.referred_by,
	r.signatory, r.decided_at, r.decided_by, r.approved_amount, r.tenor_months, r.rate_percent, r.reject_reason,
	r.decision_note, r.disbursed_on, r.disbursed_amount, r.version, b.owner_name, b.phone, b.address, b.village_code`

func scanReferral(s Scanner, r *capital.Referral) error {
	var reqs, sig string
	c := &capital.Contact{}
	if err := s.Scan(&r.ID, &r.NeedID, &r.BusinessID, &r.BusinessName, &r.DistrictCode, &r.PartnerID, &r.PartnerName,
		&r.Amount, &r.Purpose, &r.Collateral, &r.Scheme, &r.Status, &reqs, &r.Code, ScanTime(&r.ConsentAt), &r.ConsentBy,
		ScanTime(&r.ReferredAt), &r.ReferredBy, &sig, ScanTime(&r.DecidedAt), &r.DecidedBy, &r.ApprovedAmount,
		&r.TenorMonths, &r.RatePercent, &r.RejectReason, &r.DecisionNote, &r.DisbursedOn, &r.DisbursedAmount, &r.Version,
		&c.OwnerName, &c.Phone, &c.Address, &c.VillageCode); err != nil {
		return err
	}
	r.Contact = c
	if err := json.Unmarshal([]byte(reqs), &r.Requirements); err != nil {
		return fmt.Errorf("referral %d requirements: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(sig), &r.Signatory); err != nil {
		return fmt.Errorf("referral %d signatory: %w", r.ID, err)
	}
	return nil
}

var errReferralNotFound = apperr.New(apperr.NotFound, "Rujukan tidak ditemukan")

// CreateReferral implements capital.Store.
func (db *DB) CreateReferral(ctx context.Context, r *capital.Referral, a *audit.Entry) error {
	reqs, err := json.Marshal(r.Requirements)
	if err != nil {
		return err
	}
	sig, err := json.Marshal(r.Signatory)
	if err != nil {
		return err
	}
	return db.Tx(ctx, func(q *Runner) error {
		if r.ReferredAt.IsZero() {
			r.ReferredAt = Now()
		}
		r.Version = 1
		id, err := q.InsertID(ctx, `INSERT INTO capital_referrals (need_id, business_id, partner_id, scheme, status,
			requirements, code, consent_at, consent_by, referred_at, referred_by, signatory, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, r.NeedID, r.BusinessID, r.PartnerID, r.Scheme, r.Status,
			string(reqs), r.Code, q.Dialect.Time(r.ConsentAt), r.ConsentBy, q.Dialect.Time(r.ReferredAt), r.ReferredBy, string(sig))
		if err != nil {
			return MapError(q.Dialect, err)
		}
		r.ID, a.EntityID = id, id
		return q.InsertAudit(ctx, a)
	})
}

func (db *DB) referralWhere(ctx context.Context, cond string, arg any) (*capital.Referral, error) {
	return queryOne(ctx, db.Reader(), errReferralNotFound, "get referral", scanReferral,
		`SELECT `+referralColumns+referralFrom+` WHERE `+cond, arg)
}

// GetReferral implements capital.Store.
func (db *DB) GetReferral(ctx context.Context, id int64) (*capital.Referral, error) {
	return db.referralWhere(ctx, "r.id = ?", id)
}

// ReferralByCode implements capital.Store.
func (db *DB) ReferralByCode(ctx context.Context, code string) (*capital.Referral, error) {
	return db.referralWhere(ctx, "r.code = ?", code)
}

// SaveDecision implements capital.Store.
func (db *DB) SaveDecision(ctx context.Context, r *capital.Referral, a *audit.Entry) error {
	var decided any
	if !r.DecidedAt.IsZero() {
		decided = db.Dialect.Time(r.DecidedAt)
	}
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE capital_referrals SET status = ?, decided_at = ?, decided_by = ?, approved_amount = ?,
			tenor_months = ?, rate_percent = ?, reject_reason = ?, decision_note = ?, disbursed_on = ?, disbursed_amount = ?,
			version = version + 1 WHERE id = ? AND version = ?`, r.Status, decided, r.DecidedBy, r.ApprovedAmount,
			r.TenorMonths, r.RatePercent, r.RejectReason, r.DecisionNote, r.DisbursedOn, r.DisbursedAmount, r.ID, r.Version)
		if err != nil {
			return MapError(q.Dialect, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return staleVersion()
		}
		r.Version++
		return q.InsertAudit(ctx, a)
	})
}

// ListReferrals implements capital.Store.
func (db *DB) ListReferrals(ctx context.Context, f capital.Filter) ([]capital.Referral, int, error) {
	var w Where
	if f.PartnerID != 0 {
		w.Add("r.partner_id = ?", f.PartnerID)
	}
	if f.Status != "" {
		w.Add("r.status = ?", f.Status)
	}
	if f.NeedID != 0 {
		w.Add("r.need_id = ?", f.NeedID)
	}
	addScope(&w, f.Scope)
	var total int
	if err := db.Reader().QueryRow(ctx, `SELECT COUNT(*)`+referralFrom+` WHERE `+w.SQL(), w.Args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count referrals: %w", err)
	}
	per, offset := clampPage(f.Page, f.PerPage)
	out, err := queryRows(ctx, db.Reader(), "list referrals", []capital.Referral{}, scanReferral, `SELECT `+referralColumns+
		referralFrom+` WHERE `+w.SQL()+` ORDER BY r.id DESC LIMIT ? OFFSET ?`, append(w.Args, per, offset)...)
	return out, total, err
}

// CapitalFacts implements capital.Store.
func (db *DB) CapitalFacts(ctx context.Context, scope registry.Scope) (*capital.Facts, error) {
	var w Where
	w.Add("b.status = 'active'")
	addScope(&w, scope)
	f := &capital.Facts{}
	var err error
	f.Needs, err = queryRows(ctx, db.Reader(), "capital needs", []capital.NeedFact{}, func(s Scanner, n *capital.NeedFact) error {
		return s.Scan(&n.ID, &n.BusinessID, &n.DistrictCode, &n.Amount, ScanTime(&n.RecordedAt))
	}, `SELECT n.id, n.business_id, b.district_code, n.amount, n.recorded_at FROM capital_needs n
		JOIN businesses b ON b.id = n.business_id WHERE `+w.SQL(), w.Args...)
	if err != nil {
		return nil, err
	}
	f.Referrals, err = queryRows(ctx, db.Reader(), "capital referrals", []capital.ReferralFact{}, func(s Scanner, r *capital.ReferralFact) error {
		return s.Scan(&r.NeedID, &r.Status, ScanTime(&r.ReferredAt), ScanTime(&r.DecidedAt), &r.ApprovedAmount,
			&r.DisbursedOn, &r.DisbursedAmount)
	}, `SELECT r.need_id, r.status, r.referred_at, r.decided_at, r.approved_amount, r.disbursed_on, r.disbursed_amount
		FROM capital_referrals r JOIN businesses b ON b.id = r.business_id WHERE `+w.SQL(), w.Args...)
	if err != nil {
		return nil, err
	}
	f.Completions, err = queryRows(ctx, db.Reader(), "capital completions", []capital.Completion{}, func(s Scanner, c *capital.Completion) error {
		return s.Scan(&c.BusinessID, &c.ProgramID, &c.ProgramName)
	}, `SELECT DISTINCT a.business_id, p.id, p.name FROM applications a JOIN programs p ON p.id = a.program_id
		JOIN businesses b ON b.id = a.business_id WHERE a.status = 'completed' AND `+w.SQL()+
		` AND EXISTS (SELECT 1 FROM capital_needs n WHERE n.business_id = a.business_id)`, w.Args...)
	if err != nil {
		return nil, err
	}
	return f, nil
}
