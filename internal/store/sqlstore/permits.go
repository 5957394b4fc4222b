package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

const permitColumns = `p.id, p.business_id, p.kind, p.status, p.number, p.issued_on, p.expires_on, p.products, p.documents,
	p.note, p.source, p.version, p.created_at, p.updated_at, p.updated_by`

func scanPermit(s Scanner, p *permits.Permit) error { return scanPermitAnd(s, p) }

// scanPermitAnd reads a permit followed by the extra columns into extra.
func scanPermitAnd(s Scanner, p *permits.Permit, extra ...any) error {
	var products, documents string
	dest := append([]any{&p.ID, &p.BusinessID, &p.Kind, &p.Status, &p.Number, &p.IssuedOn, &p.ExpiresOn, &products,
		&documents, &p.Note, &p.Source, &p.Version, ScanTime(&p.CreatedAt), ScanTime(&p.UpdatedAt), &p.UpdatedBy}, extra...)
	if err := s.Scan(dest...); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(products), &p.Products); err != nil {
		return fmt.Errorf("permit %d products: %w", p.ID, err)
	}
	if err := json.Unmarshal([]byte(documents), &p.Documents); err != nil {
		return fmt.Errorf("permit %d documents: %w", p.ID, err)
	}
	return nil
}

var errPermitNotFound = apperr.New(apperr.NotFound, "Izin tidak ditemukan")

// PermitsOf implements permits.Store.
func (db *DB) PermitsOf(ctx context.Context, businessID int64) ([]permits.Permit, error) {
	return permitsOn(ctx, db.Reader(), businessID)
}

// GetPermit implements permits.Store.
func (db *DB) GetPermit(ctx context.Context, id int64) (*permits.Permit, error) {
	return queryOne(ctx, db.Reader(), errPermitNotFound, fmt.Sprintf("get permit %d", id), scanPermit,
		`SELECT `+permitColumns+` FROM permits p WHERE p.id = ?`, id)
}

// CreatePermit implements permits.Store.
func (db *DB) CreatePermit(ctx context.Context, p *permits.Permit, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		p.CreatedAt, p.UpdatedAt, p.Version = Now(), Now(), 1
		products, documents := jsonText(p.Products), jsonText(p.Documents)
		id, err := q.InsertID(ctx, `INSERT INTO permits (business_id, kind, status, number, issued_on, expires_on, products,
			documents, note, source, version, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
			p.BusinessID, p.Kind, p.Status, p.Number, p.IssuedOn, p.ExpiresOn, products, documents, p.Note, p.Source,
			q.Dialect.Time(p.CreatedAt), q.Dialect.Time(p.UpdatedAt), p.UpdatedBy)
		if err != nil {
			return fmt.Errorf("insert permit: %w", err)
		}
		p.ID, a.EntityID = id, id
		if err := q.mirrorPermits(ctx, p.BusinessID, p.UpdatedBy); err != nil {
			return err
		}
		return q.InsertAudit(ctx, a)
	})
}

// UpdatePermit implements permits.Store.
func (db *DB) UpdatePermit(ctx context.Context, p *permits.Permit, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		p.UpdatedAt = Now()
		res, err := q.Exec(ctx, `UPDATE permits SET status = ?, number = ?, issued_on = ?, expires_on = ?, products = ?,
			documents = ?, note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`,
			p.Status, p.Number, p.IssuedOn, p.ExpiresOn, jsonText(p.Products), jsonText(p.Documents), p.Note,
			q.Dialect.Time(p.UpdatedAt), p.UpdatedBy, p.ID, p.Version)
		if err != nil {
			return fmt.Errorf("update permit %d: %w", p.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.Conflict, "Izin ini sudah diubah orang lain. Muat ulang lalu ulangi.")
		}
		p.Version++
		if err := q.mirrorPermits(ctx, p.BusinessID, p.UpdatedBy); err != nil {
			return err
		}
		return q.InsertAudit(ctx, a)
	})
}

// PermitHistory implements permits.Store.
func (db *DB) PermitHistory(ctx context.Context, id int64) ([]permits.Change, error) {
	return queryRows(ctx, db.Reader(), fmt.Sprintf("permit history %d", id), []permits.Change{}, scanChange,
		`SELECT from_status, to_status, number, changed_at, changed_by, note
		FROM permit_history WHERE permit_id = ? ORDER BY id`, id)
}

// ListPermits implements permits.Store.
func (db *DB) ListPermits(ctx context.Context, f permits.Filter) ([]permits.Permit, int, error) {
	q := db.Reader()
	w := permitWhere(f)
	from := ` FROM permits p JOIN businesses b ON b.id = p.business_id WHERE ` + w.SQL()
	var total int
	if !f.SkipTotal {
		if err := q.QueryRow(ctx, `SELECT COUNT(*)`+from, w.Args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("count permits: %w", err)
		}
	}
	per, offset := clampPage(f.Page, f.PerPage)
	// Permits without a date come last. An expiry list holds none, and its
	// order is then that of ix_permits_expiry, which the page reads without
	// sorting every permit it selects.
	order := ` ORDER BY CASE WHEN p.expires_on = '' THEN 1 ELSE 0 END, p.expires_on, p.id`
	if f.ExpiresBefore != "" {
		order = ` ORDER BY p.expires_on, p.id`
	}
	out, err := queryRows(ctx, q, "list permits", []permits.Permit{}, func(s Scanner, p *permits.Permit) error {
		return scanPermitAnd(s, p, &p.BusinessName, &p.DistrictCode, &p.VillageCode)
	}, `SELECT `+permitColumns+`, b.name, b.district_code, b.village_code`+from+order+` LIMIT ? OFFSET ?`,
		append(w.Args, per, offset)...)
	return out, total, err
}

// permitWhere builds the conditions of a permit list on alias p alone: a
// permit carries its business's kecamatan while the business is active
// (active_district, migration 0025), so only a village in scope asks the
// businesses.
func permitWhere(f permits.Filter) Where {
	var w Where
	w.Add("p.active_district <> ''")
	if f.Kind != "" {
		w.Add("p.kind = ?", f.Kind)
	}
	switch f.Status {
	case "":
	case permits.StatusKedaluwarsa:
		w.Add("(p.status = 'kedaluwarsa' OR (p.status = 'terbit' AND p.expires_on <> '' AND p.expires_on < ?))", f.Today)
	case permits.StatusTerbit:
		w.Add("p.status = 'terbit' AND (p.expires_on = '' OR p.expires_on >= ?)", f.Today)
	default:
		w.Add("p.status = ?", f.Status)
	}
	if f.District != "" {
		w.Add("p.active_district = ?", f.District)
	}
	if f.ExpiresBefore != "" {
		w.Add("p.expires_on <> '' AND p.expires_on <= ? AND p.status IN ('terbit', 'kedaluwarsa')", f.ExpiresBefore)
	}
	addScopeOn(&w, f.Scope, permitScope)
	return w
}

// permitScope limits permits (alias p) to a business, kecamatan or village.
var permitScope = scopeColumns{"p.business_id = ?", "p.active_district",
	"p.business_id IN (SELECT v.id FROM businesses v WHERE v.status = 'active' AND v.village_code = ?)"}

// mirrorPermits writes the business's permit fields from its permit
// records: for NIB, P-IRT, BPOM and merek the number (and P-IRT's expiry) of
// the latest issued permit of the kind; for halal, certified with the
// latest issued certificate, else in_process while an application is
// prepared or submitted, else none. The business's own triggers then find
// the records already in step (migration 0014), so nothing loops.
func (q *Runner) mirrorPermits(ctx context.Context, businessID int64, by string) error {
	b, err := q.GetBusiness(ctx, businessID)
	if err != nil {
		return err
	}
	ps, err := permitsOn(ctx, q, businessID)
	if err != nil {
		return err
	}
	want := *b
	want.NIB, want.PIRTNumber, want.PIRTExpiresOn, want.BPOMNumber, want.HKINumber = "", "", "", "", ""
	want.HalalStatus, want.HalalNumber, want.HalalExpiresOn = registry.HalalNone, "", ""
	for _, p := range ps { // oldest first: the latest issued permit of a kind wins
		switch {
		case permits.Issued(p.Status) && p.Kind == permits.KindNIB:
			want.NIB = p.Number
		case permits.Issued(p.Status) && p.Kind == permits.KindPIRT:
			want.PIRTNumber, want.PIRTExpiresOn = p.Number, p.ExpiresOn
		case permits.Issued(p.Status) && p.Kind == permits.KindBPOM:
			want.BPOMNumber = p.Number
		case permits.Issued(p.Status) && p.Kind == permits.KindMerek:
			want.HKINumber = p.Number
		case permits.Issued(p.Status) && permits.IsHalal(p.Kind):
			want.HalalStatus, want.HalalNumber, want.HalalExpiresOn = registry.HalalCertified, p.Number, p.ExpiresOn
		case permits.IsHalal(p.Kind) && (p.Status == permits.StatusPersiapan || p.Status == permits.StatusDiajukan) &&
			want.HalalStatus == registry.HalalNone:
			want.HalalStatus = registry.HalalInProcess
		}
	}
	if want.NIB == b.NIB && want.PIRTNumber == b.PIRTNumber && want.PIRTExpiresOn == b.PIRTExpiresOn &&
		want.BPOMNumber == b.BPOMNumber && want.HKINumber == b.HKINumber && want.HalalStatus == b.HalalStatus &&
		want.HalalNumber == b.HalalNumber && want.HalalExpiresOn == b.HalalExpiresOn {
		return nil
	}
	if err := q.UpdateBusiness(ctx, &want); err != nil {
		return fmt.Errorf("mirror permits of %d: %w", businessID, err)
	}
	before, after := audit.Diff(b, &want)
	return q.InsertAudit(ctx, &audit.Entry{Username: by, Action: "update", Entity: "business", EntityID: businessID,
		Before: before, After: after})
}

func permitsOn(ctx context.Context, q *Runner, businessID int64) ([]permits.Permit, error) {
	return queryRows(ctx, q, fmt.Sprintf("permits of %d", businessID), []permits.Permit{}, scanPermit,
		`SELECT `+permitColumns+` FROM permits p WHERE p.business_id = ? ORDER BY p.id`, businessID)
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" {
		return "[]"
	}
	return string(b)
}

// ExpiryCounts implements permits.Store: per kecamatan, the issued permits
// that f selects (its ExpiresBefore set), split into expired by f.Today and
// still valid. It reads ix_permits_district_expiry alone, in kecamatan
// order, never the businesses.
func (db *DB) ExpiryCounts(ctx context.Context, f permits.Filter) ([]permits.ExpiryCount, error) {
	w := permitWhere(f)
	return queryRows(ctx, db.Reader(), "expiry counts", []permits.ExpiryCount{}, func(s Scanner, c *permits.ExpiryCount) error {
		var all int
		err := s.Scan(&c.Code, &c.Expired, &all)
		c.Expiring = all - c.Expired
		return err
	}, `SELECT p.active_district,
		SUM(CASE WHEN p.status = 'kedaluwarsa' OR p.expires_on < ? THEN 1 ELSE 0 END), COUNT(*)
		FROM permits p WHERE `+w.SQL()+` GROUP BY p.active_district ORDER BY p.active_district`,
		append([]any{f.Today}, w.Args...)...)
}

func scanChange(s Scanner, c *permits.Change) error {
	return s.Scan(&c.FromStatus, &c.ToStatus, &c.Number, ScanTime(&c.ChangedAt), &c.ChangedBy, &c.Note)
}
