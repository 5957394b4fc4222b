package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
)

// Programmes and partners: one SQL for both engines. A
// programme's detailed settings live in the JSON column spec.

var (
	errProgramNotFound = apperr.New(apperr.NotFound, "Program tidak ditemukan")
	errPartnerNotFound = apperr.New(apperr.NotFound, "Mitra tidak ditemukan")
)

// programSpec is the part of a programme stored as JSON.
type programSpec struct {
	Topics      []string               `json:"topics"`
	Sessions    []programs.Session     `json:"sessions"`
	Districts   []string               `json:"districts"`
	Eligibility programs.Eligibility   `json:"eligibility"`
	Weights     programs.Weights       `json:"weights"`
	Completion  programs.Completion    `json:"completion"`
	Funding     []programs.FundingLine `json:"funding"`
}

const programCols = `id, name, kind, status, starts_on, ends_on, venue, capacity, max_per_district, min_districts,
	budget, spec, version, created_by, created_at, updated_at`

func specOf(p *programs.Program) (string, error) {
	raw, err := json.Marshal(programSpec{p.Topics, p.Sessions, p.Districts, p.Eligibility, p.Weights, p.Completion, p.Funding})
	return string(raw), err
}

func scanProgram(s Scanner, p *programs.Program) error {
	var spec string
	if err := s.Scan(&p.ID, &p.Name, &p.Kind, &p.Status, &p.StartsOn, &p.EndsOn, &p.Venue, &p.Capacity, &p.MaxPerDistrict,
		&p.MinDistricts, &p.Budget, &spec, &p.Version, &p.CreatedBy, ScanTime(&p.CreatedAt), ScanTime(&p.UpdatedAt)); err != nil {
		return err
	}
	var sp programSpec
	if err := json.Unmarshal([]byte(spec), &sp); err != nil {
		return fmt.Errorf("spec of program %d: %w", p.ID, err)
	}
	p.Topics, p.Sessions, p.Districts, p.Eligibility = sp.Topics, sp.Sessions, sp.Districts, sp.Eligibility
	p.Weights, p.Completion, p.Funding = sp.Weights, sp.Completion, sp.Funding
	p.Normalize() // fills nil lists, so JSON shows [] not null
	return nil
}

// CreateProgram implements programs.Store.
func (db *DB) CreateProgram(ctx context.Context, p *programs.Program, a *audit.Entry) error {
	spec, err := specOf(p)
	if err != nil {
		return err
	}
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO programs (name, kind, status, starts_on, ends_on, venue, capacity,
			max_per_district, min_districts, budget, spec, version, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`, p.Name, p.Kind, p.Status, p.StartsOn, p.EndsOn, p.Venue,
			p.Capacity, p.MaxPerDistrict, p.MinDistricts, p.Budget, spec, p.CreatedBy, q.Dialect.Time(now), q.Dialect.Time(now))
		if err != nil {
			return fmt.Errorf("insert program: %w", err)
		}
		p.ID, p.Version, p.CreatedAt, p.UpdatedAt = id, 1, now, now
		a.EntityID = id
		return q.InsertAudit(ctx, a)
	})
}

// GetProgram implements programs.Store.
func (db *DB) GetProgram(ctx context.Context, id int64) (*programs.Program, error) {
	return queryOne(ctx, db.Reader(), errProgramNotFound, "get program", scanProgram,
		`SELECT `+programCols+` FROM programs WHERE id = ?`, id)
}

// UpdateProgram implements programs.Store.
func (db *DB) UpdateProgram(ctx context.Context, p *programs.Program, a *audit.Entry) error {
	spec, err := specOf(p)
	if err != nil {
		return err
	}
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE programs SET name = ?, kind = ?, status = ?, starts_on = ?, ends_on = ?, venue = ?,
			capacity = ?, max_per_district = ?, min_districts = ?, budget = ?, spec = ?, version = version + 1, updated_at = ?
			WHERE id = ? AND version = ?`, p.Name, p.Kind, p.Status, p.StartsOn, p.EndsOn, p.Venue, p.Capacity,
			p.MaxPerDistrict, p.MinDistricts, p.Budget, spec, q.Dialect.Time(now), p.ID, p.Version)
		if err != nil {
			return fmt.Errorf("update program: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var exists int
			if q.QueryRow(ctx, `SELECT COUNT(*) FROM programs WHERE id = ?`, p.ID).Scan(&exists); exists == 0 {
				return errProgramNotFound
			}
			return apperr.New(apperr.Conflict, "Program ini sudah diubah orang lain. Muat ulang lalu ulangi.")
		}
		p.Version++
		p.UpdatedAt = now
		return q.InsertAudit(ctx, a)
	})
}

// DeleteProgram implements programs.Store.
func (db *DB) DeleteProgram(ctx context.Context, id int64, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		var n int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM applications WHERE program_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.New(apperr.Conflict, "Program yang sudah memiliki pendaftar tidak dapat dihapus")
		}
		if _, err := q.Exec(ctx, `DELETE FROM selections WHERE program_id = ?`, id); err != nil {
			return err
		}
		res, err := q.Exec(ctx, `DELETE FROM programs WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete program: %w", err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return errProgramNotFound
		}
		return q.InsertAudit(ctx, a)
	})
}

// ListPrograms implements programs.Store.
func (db *DB) ListPrograms(ctx context.Context, f programs.ProgramFilter) ([]programs.Program, int, error) {
	where, args := "1=1", []any{}
	if f.Status != "" {
		where += " AND status = ?"
		args = append(args, f.Status)
	}
	if f.Public {
		where += " AND status <> 'draft'"
	}
	q := db.Reader()
	var total int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM programs WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count programs: %w", err)
	}
	per, offset := clampPage(f.Page, f.PerPage)
	out, err := queryRows(ctx, q, "list programs", []programs.Program{}, scanProgram, `SELECT `+programCols+
		` FROM programs WHERE `+where+` ORDER BY starts_on DESC, id DESC LIMIT ? OFFSET ?`, append(args, per, offset)...)
	return out, total, err
}

const partnerCols = `id, name, kind, contact, requirements, created_at, updated_at`

func scanPartner(s Scanner, pt *programs.Partner) error {
	var req string
	if err := s.Scan(&pt.ID, &pt.Name, &pt.Kind, &pt.Contact, &req, ScanTime(&pt.CreatedAt), ScanTime(&pt.UpdatedAt)); err != nil {
		return err
	}
	var r market.Requirements
	if err := json.Unmarshal([]byte(req), &r); err != nil {
		return fmt.Errorf("partner %d requirements: %w", pt.ID, err)
	}
	if !r.IsZero() {
		pt.Requirements = &r
	}
	return nil
}

// requirementsText is the stored form of a partner's requirements.
func requirementsText(pt *programs.Partner) string {
	if pt.Requirements.IsZero() {
		return "{}"
	}
	b, _ := json.Marshal(pt.Requirements)
	return string(b)
}

// CreatePartner implements programs.Store.
func (db *DB) CreatePartner(ctx context.Context, pt *programs.Partner, a *audit.Entry) error {
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO partners (name, kind, contact, requirements, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, pt.Name, pt.Kind, pt.Contact, requirementsText(pt), q.Dialect.Time(now), q.Dialect.Time(now))
		if err != nil {
			return fmt.Errorf("insert partner: %w", err)
		}
		pt.ID, pt.CreatedAt, pt.UpdatedAt = id, now, now
		a.EntityID = id
		return q.InsertAudit(ctx, a)
	})
}

// GetPartner implements programs.Store.
func (db *DB) GetPartner(ctx context.Context, id int64) (*programs.Partner, error) {
	return queryOne(ctx, db.Reader(), errPartnerNotFound,
		fmt.Sprintf("get partner %d", id), scanPartner, `SELECT `+partnerCols+` FROM partners WHERE id = ?`, id)
}

// UpdatePartner implements programs.Store.
func (db *DB) UpdatePartner(ctx context.Context, pt *programs.Partner, a *audit.Entry) error {
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE partners SET name = ?, kind = ?, contact = ?, requirements = ?, updated_at = ? WHERE id = ?`,
			pt.Name, pt.Kind, pt.Contact, requirementsText(pt), q.Dialect.Time(now), pt.ID)
		if err != nil {
			return fmt.Errorf("update partner: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errPartnerNotFound
		}
		pt.UpdatedAt = now
		return q.InsertAudit(ctx, a)
	})
}

// DeletePartner implements programs.Store.
func (db *DB) DeletePartner(ctx context.Context, id int64, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		// A mitra account speaks for its partner: the partner stays while it has one.
		var users int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM users WHERE partner_id = ?`, id).Scan(&users); err != nil {
			return fmt.Errorf("delete partner: %w", err)
		}
		if users > 0 {
			return apperr.New(apperr.Conflict, "Mitra ini masih punya akun pengguna; nonaktifkan dan pindahkan akunnya dulu")
		}
		res, err := q.Exec(ctx, `DELETE FROM partners WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete partner: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errPartnerNotFound
		}
		return q.InsertAudit(ctx, a)
	})
}

// ListPartners implements programs.Store.
func (db *DB) ListPartners(ctx context.Context) ([]programs.Partner, error) {
	return queryRows(ctx, db.Reader(), "list partners", []programs.Partner{}, scanPartner,
		`SELECT `+partnerCols+` FROM partners ORDER BY name, id`)
}
