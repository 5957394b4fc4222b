package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// SetAttendance implements programs.Store.
func (db *DB) SetAttendance(ctx context.Context, marks []programs.Attendance, changes []programs.StatusChange, who programs.Who) error {
	return db.Tx(ctx, func(q *Runner) error {
		for _, at := range marks {
			if _, err := q.Exec(ctx, `DELETE FROM attendance WHERE program_id = ? AND business_id = ? AND session = ?`,
				at.ProgramID, at.BusinessID, at.Session); err != nil {
				return err
			}
			if _, err := q.Exec(ctx, `INSERT INTO attendance (program_id, business_id, session, present, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?)`, at.ProgramID, at.BusinessID, at.Session, boolInt(at.Present), at.RecordedBy,
				q.Dialect.Time(at.RecordedAt)); err != nil {
				return fmt.Errorf("insert attendance: %w", err)
			}
			if err := q.InsertAudit(ctx, at.Audit(who)); err != nil {
				return err
			}
		}
		if len(changes) == 0 {
			return nil
		}
		return q.changeStatuses(ctx, changes, who)
	})
}

// ListAttendance implements programs.Store.
func (db *DB) ListAttendance(ctx context.Context, programID int64) ([]programs.Attendance, error) {
	return queryRows(ctx, db.Reader(), "list attendance", []programs.Attendance{}, func(s Scanner, a *programs.Attendance) error {
		var present int
		err := s.Scan(&a.ProgramID, &a.BusinessID, &a.Session, &present, &a.RecordedBy, ScanTime(&a.RecordedAt))
		a.Present = present != 0
		return err
	}, `SELECT program_id, business_id, session, present, recorded_by, recorded_at
		FROM attendance WHERE program_id = ? ORDER BY business_id, session`, programID)
}

func nullFloat(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// SetScores implements programs.Store.
func (db *DB) SetScores(ctx context.Context, scores []programs.Scores, entries []*audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		for _, sc := range scores {
			if _, err := q.Exec(ctx, `DELETE FROM test_scores WHERE program_id = ? AND business_id = ?`, sc.ProgramID, sc.BusinessID); err != nil {
				return err
			}
			if _, err := q.Exec(ctx, `INSERT INTO test_scores (program_id, business_id, pre_test, post_test, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?)`, sc.ProgramID, sc.BusinessID, nullFloat(sc.PreTest), nullFloat(sc.PostTest),
				sc.RecordedBy, q.Dialect.Time(sc.RecordedAt)); err != nil {
				return fmt.Errorf("insert scores: %w", err)
			}
		}
		for _, a := range entries {
			if err := q.InsertAudit(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// ListScores implements programs.Store.
func (db *DB) ListScores(ctx context.Context, programID int64) ([]programs.Scores, error) {
	return queryRows(ctx, db.Reader(), "list scores", []programs.Scores{}, func(row Scanner, s *programs.Scores) error {
		var pre, post sql.NullFloat64
		if err := row.Scan(&s.ProgramID, &s.BusinessID, &pre, &post, &s.RecordedBy, ScanTime(&s.RecordedAt)); err != nil {
			return err
		}
		if pre.Valid {
			s.PreTest = &pre.Float64
		}
		if post.Valid {
			s.PostTest = &post.Float64
		}
		return nil
	}, `SELECT program_id, business_id, pre_test, post_test, recorded_by, recorded_at
		FROM test_scores WHERE program_id = ? ORDER BY business_id`, programID)
}

const certificateCols = `id, program_id, business_id, code, business_name, owner_name, issued_at, signed_government,
	signed_agency, signatory_name, signatory_title, signatory_nip`

func scanCertificate(s Scanner, c *programs.Certificate) error {
	g := &c.Signatory
	return s.Scan(&c.ID, &c.ProgramID, &c.BusinessID, &c.Code, &c.BusinessName, &c.OwnerName, ScanTime(&c.IssuedAt),
		&g.Government, &g.Agency, &g.Name, &g.Title, &g.NIP)
}

// IssueCertificate implements programs.Store.
func (db *DB) IssueCertificate(ctx context.Context, c *programs.Certificate, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		err := scanCertificate(q.QueryRow(ctx, `SELECT `+certificateCols+` FROM certificates WHERE program_id = ? AND business_id = ?`,
			c.ProgramID, c.BusinessID), c)
		if err == nil || !ErrNoRows(err) {
			return err
		}
		c.IssuedAt = c.IssuedAt.UTC().Truncate(time.Microsecond)
		g := c.Signatory
		id, err := q.InsertID(ctx, `INSERT INTO certificates (program_id, business_id, code, business_name, owner_name, issued_at,
			signed_government, signed_agency, signatory_name, signatory_title, signatory_nip)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ProgramID, c.BusinessID, c.Code, c.BusinessName, c.OwnerName,
			q.Dialect.Time(c.IssuedAt), g.Government, g.Agency, g.Name, g.Title, g.NIP)
		if err != nil {
			return fmt.Errorf("insert certificate: %w", err)
		}
		c.ID = id
		return q.InsertAudit(ctx, a)
	})
}

// CertificateByCode implements programs.Store.
func (db *DB) CertificateByCode(ctx context.Context, code string) (*programs.Certificate, error) {
	return queryOne(ctx, db.Reader(), apperr.New(apperr.NotFound, "Sertifikat tidak ditemukan"),
		"certificate by code", scanCertificate, `SELECT `+certificateCols+` FROM certificates WHERE code = ?`, code)
}

// ListCertificates implements programs.Store.
func (db *DB) ListCertificates(ctx context.Context, programID int64) ([]programs.Certificate, error) {
	return queryRows(ctx, db.Reader(), "list certificates", []programs.Certificate{}, scanCertificate,
		`SELECT `+certificateCols+` FROM certificates WHERE program_id = ? ORDER BY id`, programID)
}

// AddFollowUps implements programs.Store.
func (db *DB) AddFollowUps(ctx context.Context, tasks []programs.FollowUp) error {
	if len(tasks) == 0 {
		return nil
	}
	return db.Tx(ctx, func(q *Runner) error {
		for _, t := range tasks {
			if _, err := q.Exec(ctx, `INSERT INTO follow_ups (program_id, business_id, business_name, district_code,
				village_code, month, due_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')
				ON CONFLICT (program_id, business_id, month) DO NOTHING`, t.ProgramID, t.BusinessID, t.BusinessName,
				t.DistrictCode, t.VillageCode, t.Month, t.DueOn); err != nil {
				return fmt.Errorf("insert follow-up: %w", err)
			}
		}
		return nil
	})
}

const followUpCols = `f.id, f.program_id, p.name, f.business_id, f.business_name, f.district_code, f.village_code, f.month,
	f.due_on, f.status, f.method, f.notes, f.done_at, f.done_by, COALESCE(b.phone, '')`

// followUpFrom joins a task to its programme and its business (for the phone).
const followUpFrom = ` FROM follow_ups f JOIN programs p ON p.id = f.program_id LEFT JOIN businesses b ON b.id = f.business_id`

func scanFollowUp(s Scanner, t *programs.FollowUp) error {
	var done time.Time
	if err := s.Scan(&t.ID, &t.ProgramID, &t.ProgramName, &t.BusinessID, &t.BusinessName, &t.DistrictCode, &t.VillageCode,
		&t.Month, &t.DueOn, &t.Status, &t.Method, &t.Notes, ScanTime(&done), &t.DoneBy, &t.Phone); err != nil {
		return err
	}
	t.DoneAt = nil
	if !done.IsZero() {
		t.DoneAt = &done
	}
	return nil
}

// ListFollowUps implements programs.Store.
func (db *DB) ListFollowUps(ctx context.Context, f programs.FollowUpFilter) ([]programs.FollowUp, int, error) {
	where, args := []string{"1=1"}, []any{}
	if f.ProgramID != 0 {
		where, args = append(where, "f.program_id = ?"), append(args, f.ProgramID)
	}
	if f.Status != "" {
		where, args = append(where, "f.status = ?"), append(args, f.Status)
	}
	if f.DueBefore != "" {
		where, args = append(where, "f.due_on <= ?"), append(args, f.DueBefore)
	}
	if f.Regions != nil {
		var or []string
		for _, r := range f.Regions {
			or = append(or, "f.village_code = ? OR f.village_code LIKE ?")
			args = append(args, r, r+".%")
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	w := strings.Join(where, " AND ")
	q := db.Reader()
	var total int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM follow_ups f WHERE `+w, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count follow-ups: %w", err)
	}
	per, offset := clampPage(f.Page, f.PerPage)
	out, err := queryRows(ctx, q, "list follow-ups", []programs.FollowUp{}, scanFollowUp,
		`SELECT `+followUpCols+followUpFrom+` WHERE `+w+` ORDER BY f.due_on, f.id LIMIT ? OFFSET ?`, append(args, per, offset)...)
	return out, total, err
}

// GetFollowUp implements programs.Store.
func (db *DB) GetFollowUp(ctx context.Context, id int64) (*programs.FollowUp, error) {
	return queryOne(ctx, db.Reader(), apperr.New(apperr.NotFound, "Tugas pendampingan tidak ditemukan"),
		fmt.Sprintf("get follow-up %d", id), scanFollowUp, `SELECT `+followUpCols+followUpFrom+` WHERE f.id = ?`, id)
}

// CompleteFollowUp implements programs.Store.
func (db *DB) CompleteFollowUp(ctx context.Context, t *programs.FollowUp, a *audit.Entry) error {
	var done any
	if t.DoneAt != nil {
		done = db.Dialect.Time(*t.DoneAt)
	}
	return db.Tx(ctx, func(q *Runner) error {
		if _, err := q.Exec(ctx, `UPDATE follow_ups SET status = ?, method = ?, notes = ?, done_at = ?, done_by = ? WHERE id = ?`,
			t.Status, t.Method, t.Notes, done, t.DoneBy, t.ID); err != nil {
			return fmt.Errorf("update follow-up: %w", err)
		}
		return q.InsertAudit(ctx, a)
	})
}

// TrainedPerDistrict implements programs.Store.
func (db *DB) TrainedPerDistrict(ctx context.Context, scope registry.Scope) (map[string]int, error) {
	var w Where
	w.Add("a.status = 'completed' AND b.status = 'active'")
	addScope(&w, scope)
	return QueryMap[string, int](ctx, db.Reader(), "trained per district", `SELECT b.district_code,
		COUNT(DISTINCT a.business_id) FROM applications a
		JOIN businesses b ON b.id = a.business_id WHERE `+w.SQL()+` GROUP BY b.district_code`, w.Args...)
}
