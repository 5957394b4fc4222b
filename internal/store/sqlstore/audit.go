package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/audit"
)

// InsertAudit appends e (setting ID and, when zero, At).
func (q *Runner) InsertAudit(ctx context.Context, e *audit.Entry) error {
	if e.At.IsZero() {
		e.At = Now()
	}
	id, err := q.InsertID(ctx, `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before_json, after_json)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, AuditArgs(q.Dialect, e)...)
	if err != nil {
		return fmt.Errorf("insert audit: %w", err)
	}
	e.ID = id
	return nil
}

// insertAudited inserts the record of what the query writes, sets its new ID
// in id and as the audit entry's EntityID, and appends the entry.
func (q *Runner) insertAudited(ctx context.Context, what string, id *int64, a *audit.Entry, query string, args ...any) error {
	newID, err := q.InsertID(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("insert %s: %w", what, err)
	}
	*id, a.EntityID = newID, newID
	return q.InsertAudit(ctx, a)
}

// AuditArgs returns the insert values of an audit entry (no id).
func AuditArgs(d Dialect, e *audit.Entry) []any {
	return []any{d.Time(e.At), e.UserID, e.Username, e.Action, e.Entity, e.EntityID, rawOrNull(e.Before), rawOrNull(e.After)}
}

func rawOrNull(r json.RawMessage) string {
	if len(r) == 0 {
		return "null"
	}
	return string(r)
}

// ListAudit returns entries newest first, and the total count.
func (db *DB) ListAudit(ctx context.Context, f audit.Filter) ([]audit.Entry, int, error) {
	where, args := "1=1", []any{}
	if f.Entity != "" {
		where += " AND entity = ?"
		args = append(args, f.Entity)
	}
	if f.EntityID != 0 {
		where += " AND entity_id = ?"
		args = append(args, f.EntityID)
	}
	q := db.Reader()
	var total int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count audit: %w", err)
	}
	per, offset := clampPage(f.Page, f.PerPage)
	out, err := queryRows(ctx, q, "list audit", []audit.Entry{}, scanAuditEntry, `SELECT id, at, user_id, username, action,
		entity, entity_id, before_json, after_json FROM audit_log WHERE `+where+` ORDER BY id DESC LIMIT ? OFFSET ?`,
		append(args, per, offset)...)
	return out, total, err
}

func scanAuditEntry(s Scanner, e *audit.Entry) error {
	var before, after string
	if err := s.Scan(&e.ID, ScanTime(&e.At), &e.UserID, &e.Username, &e.Action, &e.Entity, &e.EntityID, &before, &after); err != nil {
		return err
	}
	e.Before, e.After = json.RawMessage(before), json.RawMessage(after)
	return nil
}

// AppendAudit writes a standalone entry.
func (db *DB) AppendAudit(ctx context.Context, e *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error { return q.InsertAudit(ctx, e) })
}

// clampPage applies defaults (page 1, 25 per page) and the 500-row cap,
// and returns the page size and the offset of the page's first row. A page
// far past any end (page 9223372036854775807) gets an offset beyond every
// table instead of one that overflows: it is simply empty.
func clampPage(page, per int) (int, int64) {
	if page < 1 {
		page = 1
	}
	if per < 1 {
		per = 25
	}
	if per > 500 {
		per = 500
	}
	if int64(page-1) > maxOffset/int64(per) {
		return per, maxOffset
	}
	return per, int64(page-1) * int64(per)
}

// maxOffset bounds row offsets: far more rows than any table holds, and
// far from overflowing when a page size is added.
const maxOffset = 1 << 50
