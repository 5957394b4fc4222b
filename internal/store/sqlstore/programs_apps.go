package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

var errApplicationNotFound = apperr.New(apperr.NotFound, "Pendaftaran tidak ditemukan")

const applicationCols = `id, program_id, business_id, business_name, village_code, district_code, channel, status,
	reason, applied_at, applied_by, updated_at`

func scanApplication(s Scanner, a *programs.Application) error {
	return s.Scan(&a.ID, &a.ProgramID, &a.BusinessID, &a.BusinessName, &a.VillageCode, &a.DistrictCode, &a.Channel,
		&a.Status, &a.Reason, ScanTime(&a.AppliedAt), &a.AppliedBy, ScanTime(&a.UpdatedAt))
}

// AddApplications implements programs.Store. The rows go in with
// multi-row inserts, so that adding a whole register (48,000 businesses)
// stays a matter of seconds.
func (db *DB) AddApplications(ctx context.Context, apps []*programs.Application, who programs.Who) error {
	if len(apps) == 0 {
		return nil
	}
	now := Now()
	pid := apps[0].ProgramID
	ids := make([]int64, len(apps))
	byBiz := make(map[int64]*programs.Application, len(apps))
	for i, a := range apps {
		if a.ProgramID != pid {
			return fmt.Errorf("add applications: mixed programmes %d and %d", pid, a.ProgramID)
		}
		if _, dup := byBiz[a.BusinessID]; dup {
			return apperr.New(apperr.Conflict, "Usaha %q muncul dua kali", a.BusinessName)
		}
		ids[i], byBiz[a.BusinessID] = a.BusinessID, a
	}
	return db.Tx(ctx, func(q *Runner) error {
		cond, arg := q.Dialect.InIDs("business_id", ids)
		var taken int64
		err := q.QueryRow(ctx, `SELECT business_id FROM applications WHERE program_id = ? AND `+cond+` LIMIT 1`, pid, arg).Scan(&taken)
		if err == nil {
			return apperr.New(apperr.Conflict, "Usaha %q sudah terdaftar di program ini", byBiz[taken].BusinessName)
		}
		if !ErrNoRows(err) {
			return err
		}
		rows := make([][]any, len(apps))
		for i, a := range apps {
			if a.AppliedAt.IsZero() {
				a.AppliedAt = now
			}
			a.AppliedAt, a.UpdatedAt = a.AppliedAt.UTC().Truncate(time.Microsecond), now
			rows[i] = []any{a.ProgramID, a.BusinessID, a.BusinessName, a.VillageCode, a.DistrictCode, a.Channel, a.Status,
				a.Reason, q.Dialect.Time(a.AppliedAt), a.AppliedBy, q.Dialect.Time(now)}
		}
		if err := q.execRows(ctx, `INSERT INTO applications (program_id, business_id, business_name, village_code,
			district_code, channel, status, reason, applied_at, applied_by, updated_at) VALUES `, "", rows); err != nil {
			return fmt.Errorf("insert applications: %w", err)
		}
		got, err := q.Query(ctx, `SELECT id, business_id FROM applications WHERE program_id = ? AND `+cond, pid, arg)
		if err != nil {
			return err
		}
		defer got.Close()
		for got.Next() {
			var id, biz int64
			if err := got.Scan(&id, &biz); err != nil {
				return err
			}
			byBiz[biz].ID = id
		}
		if err := got.Err(); err != nil {
			return err
		}
		changes := make([]programs.StatusChange, len(apps))
		for i, a := range apps {
			changes[i] = programs.StatusChange{ApplicationID: a.ID, ProgramID: a.ProgramID, BusinessID: a.BusinessID, To: a.Status, Reason: a.Reason,
				At: a.AppliedAt, By: who.Username} // the first row is the application itself
		}
		return q.addHistory(ctx, changes, who)
	})
}

// addHistory writes history rows and audit entries for status moves.
func (q *Runner) addHistory(ctx context.Context, changes []programs.StatusChange, who programs.Who) error {
	hist := make([][]any, len(changes))
	audits := make([][]any, len(changes))
	for i, c := range changes {
		hist[i] = []any{c.ApplicationID, c.From, c.To, c.Reason, q.Dialect.Time(c.At), c.By}
		audits[i] = AuditArgs(q.Dialect, c.Audit(who))
	}
	if err := q.execRows(ctx, `INSERT INTO application_history (application_id, from_status, to_status, reason, at, by_user) VALUES `,
		"", hist); err != nil {
		return fmt.Errorf("insert application history: %w", err)
	}
	return q.execRows(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before_json, after_json) VALUES `,
		"", audits)
}

// changeStatuses applies status moves inside a transaction: one UPDATE per
// distinct (from, to, reason), then the history and audit rows. Each
// application may appear once. Conflict when one is no longer in From.
func (q *Runner) changeStatuses(ctx context.Context, changes []programs.StatusChange, who programs.Who) error {
	type move struct{ from, to, reason string }
	groups := map[move][]int64{}
	var order []move
	now := Now()
	seen := make(map[int64]bool, len(changes))
	for i := range changes {
		c := &changes[i]
		if seen[c.ApplicationID] {
			return fmt.Errorf("change statuses: application %d twice", c.ApplicationID)
		}
		seen[c.ApplicationID] = true
		if c.At.IsZero() {
			c.At = now
		}
		m := move{c.From, c.To, c.Reason}
		if _, ok := groups[m]; !ok {
			order = append(order, m)
		}
		groups[m] = append(groups[m], c.ApplicationID)
	}
	for _, m := range order {
		ids := groups[m]
		cond, arg := q.Dialect.InIDs("id", ids)
		res, err := q.Exec(ctx, `UPDATE applications SET status = ?, reason = ?, updated_at = ? WHERE status = ? AND `+cond,
			m.to, m.reason, q.Dialect.Time(now), m.from, arg)
		if err != nil {
			return fmt.Errorf("update applications: %w", err)
		}
		if n, _ := res.RowsAffected(); int(n) != len(ids) {
			return apperr.New(apperr.Conflict, "Status pendaftaran sudah berubah. Muat ulang lalu ulangi.")
		}
	}
	return q.addHistory(ctx, changes, who)
}

// ChangeStatuses implements programs.Store.
func (db *DB) ChangeStatuses(ctx context.Context, changes []programs.StatusChange, who programs.Who) error {
	if len(changes) == 0 {
		return nil
	}
	return db.Tx(ctx, func(q *Runner) error { return q.changeStatuses(ctx, changes, who) })
}

// GetApplication implements programs.Store.
func (db *DB) GetApplication(ctx context.Context, programID, businessID int64) (*programs.Application, error) {
	return queryOne(ctx, db.Reader(), errApplicationNotFound, fmt.Sprintf("get application of %d to %d", businessID, programID),
		scanApplication, `SELECT `+applicationCols+` FROM applications WHERE program_id = ? AND business_id = ?`,
		programID, businessID)
}

func (db *DB) listApplications(ctx context.Context, where string, arg any) ([]programs.Application, error) {
	return queryRows(ctx, db.Reader(), "list applications", []programs.Application{}, scanApplication,
		`SELECT `+applicationCols+` FROM applications WHERE `+where, arg)
}

// ListApplications implements programs.Store.
func (db *DB) ListApplications(ctx context.Context, programID int64) ([]programs.Application, error) {
	return db.listApplications(ctx, `program_id = ? ORDER BY id`, programID)
}

// BusinessApplications implements programs.Store.
func (db *DB) BusinessApplications(ctx context.Context, businessID int64) ([]programs.Application, error) {
	return db.listApplications(ctx, `business_id = ? ORDER BY applied_at DESC, id DESC`, businessID)
}

// ApplicationHistory implements programs.Store.
func (db *DB) ApplicationHistory(ctx context.Context, applicationID int64) ([]programs.StatusChange, error) {
	return queryRows(ctx, db.Reader(), "application history", []programs.StatusChange{}, scanStatusChange,
		`SELECT h.application_id, a.business_id, h.from_status, h.to_status, h.reason, h.at, h.by_user
		FROM application_history h JOIN applications a ON a.id = h.application_id WHERE h.application_id = ? ORDER BY h.id`, applicationID)
}

// ApplicantHistory implements programs.Store.
func (db *DB) ApplicantHistory(ctx context.Context, programID int64, ids []int64) (map[int64]programs.History, error) {
	cond, arg := "a.business_id IN (SELECT business_id FROM applications WHERE program_id = ?)", any(programID)
	if ids != nil {
		if len(ids) == 0 {
			return map[int64]programs.History{}, nil
		}
		cond, arg = db.Dialect.InIDs("a.business_id", ids)
	}
	rows, err := db.Reader().Query(ctx, `SELECT a.business_id, a.status, a.applied_at, p.ends_on, p.name
		FROM applications a JOIN programs p ON p.id = a.program_id
		WHERE a.program_id <> ? AND a.status IN ('completed', 'reserve', 'not_selected') AND `+cond, programID, arg)
	if err != nil {
		return nil, fmt.Errorf("applicant history: %w", err)
	}
	defer rows.Close()
	type acc struct {
		h       programs.History
		waiting time.Time
	}
	all := map[int64]*acc{}
	for rows.Next() {
		var id int64
		var status, endsOn, name string
		var applied time.Time
		if err := rows.Scan(&id, &status, ScanTime(&applied), &endsOn, &name); err != nil {
			return nil, err
		}
		x := all[id]
		if x == nil {
			x = &acc{}
			all[id] = x
		}
		if status == programs.AppCompleted {
			if endsOn > x.h.LastCompletedOn {
				x.h.LastCompletedOn, x.h.LastCompletedProgram = endsOn, name
			}
		} else if x.waiting.IsZero() || applied.Before(x.waiting) {
			x.waiting = applied
		}
	}
	out := make(map[int64]programs.History, len(all))
	for id, x := range all {
		// A wait counts only when it began after the latest completion.
		if !x.waiting.IsZero() && idfmt.Day(x.waiting) > x.h.LastCompletedOn {
			x.h.WaitingSince = x.waiting.Format(time.RFC3339Nano)
		}
		out[id] = x.h
	}
	return out, rows.Err()
}

const selectionCols = `program_id, seed, result, run_at, run_by, locked, locked_at, locked_by, published, published_at`

// SaveSelection implements programs.Store.
func (db *DB) SaveSelection(ctx context.Context, rec *programs.SelectionRecord, changes []programs.StatusChange, who programs.Who) error {
	return db.Tx(ctx, func(q *Runner) error {
		var locked int
		err := q.QueryRow(ctx, `SELECT locked FROM selections WHERE program_id = ?`, rec.ProgramID).Scan(&locked)
		if err != nil && !ErrNoRows(err) {
			return err
		}
		if locked != 0 {
			return apperr.New(apperr.Conflict, "Hasil seleksi sudah dikunci")
		}
		if _, err := q.Exec(ctx, `DELETE FROM selections WHERE program_id = ?`, rec.ProgramID); err != nil {
			return err
		}
		if _, err := q.Exec(ctx, `INSERT INTO selections (program_id, seed, result, run_at, run_by, locked, locked_by, published)
			VALUES (?, ?, ?, ?, ?, 0, '', 0)`, rec.ProgramID, rec.Seed, string(rec.Result), q.Dialect.Time(rec.RunAt), rec.RunBy); err != nil {
			return fmt.Errorf("insert selection: %w", err)
		}
		if err := q.changeStatuses(ctx, changes, who); err != nil {
			return err
		}
		after, _ := json.Marshal(map[string]any{"seed": rec.Seed, "changes": len(changes)})
		return q.InsertAudit(ctx, &audit.Entry{UserID: who.UserID, Username: who.Username, Action: audit.Create,
			Entity: "selection", EntityID: rec.ProgramID, Before: json.RawMessage("null"), After: after})
	})
}

// GetSelection implements programs.Store.
func (db *DB) GetSelection(ctx context.Context, programID int64) (*programs.SelectionRecord, error) {
	var r programs.SelectionRecord
	var result string
	var locked, published int
	var lockedAt, publishedAt time.Time
	err := db.Reader().QueryRow(ctx, `SELECT `+selectionCols+` FROM selections WHERE program_id = ?`, programID).Scan(
		&r.ProgramID, &r.Seed, &result, ScanTime(&r.RunAt), &r.RunBy, &locked, ScanTime(&lockedAt), &r.LockedBy, &published, ScanTime(&publishedAt))
	if ErrNoRows(err) {
		return nil, apperr.New(apperr.NotFound, "Seleksi belum dijalankan")
	}
	if err != nil {
		return nil, fmt.Errorf("get selection: %w", err)
	}
	r.Result, r.Locked, r.Published = json.RawMessage(result), locked != 0, published != 0
	if !lockedAt.IsZero() {
		r.LockedAt = &lockedAt
	}
	if !publishedAt.IsZero() {
		r.PublishedAt = &publishedAt
	}
	return &r, nil
}

// UpdateSelection implements programs.Store.
func (db *DB) UpdateSelection(ctx context.Context, rec *programs.SelectionRecord, a *audit.Entry) error {
	var lockedAt, publishedAt any
	if rec.LockedAt != nil {
		lockedAt = db.Dialect.Time(*rec.LockedAt)
	}
	if rec.PublishedAt != nil {
		publishedAt = db.Dialect.Time(*rec.PublishedAt)
	}
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE selections SET result = ?, locked = ?, locked_at = ?, locked_by = ?, published = ?,
			published_at = ? WHERE program_id = ?`, string(rec.Result), boolInt(rec.Locked), lockedAt, rec.LockedBy,
			boolInt(rec.Published), publishedAt, rec.ProgramID)
		if err != nil {
			return fmt.Errorf("update selection: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.NotFound, "Seleksi belum dijalankan")
		}
		return q.InsertAudit(ctx, a)
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func scanStatusChange(s Scanner, c *programs.StatusChange) error {
	return s.Scan(&c.ApplicationID, &c.BusinessID, &c.From, &c.To, &c.Reason, ScanTime(&c.At), &c.By)
}
