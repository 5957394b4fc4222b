package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

const quotaColumns = `q.id, q.provider, q.scope, q.total, q.opens_on, q.closes_on, q.note, q.created_at, q.created_by,
	(SELECT COUNT(*) FROM halal_allocations a WHERE a.quota_id = q.id)`

func scanQuota(s Scanner, q *permits.Quota) error {
	return s.Scan(&q.ID, &q.Provider, &q.Scope, &q.Total, &q.OpensOn, &q.ClosesOn, &q.Note, ScanTime(&q.CreatedAt),
		&q.CreatedBy, &q.Allocated)
}

// ListQuotas implements permits.QuotaStore.
func (db *DB) ListQuotas(ctx context.Context) ([]permits.Quota, error) {
	return queryRows(ctx, db.Reader(), "list quotas", []permits.Quota{}, scanQuota,
		`SELECT `+quotaColumns+` FROM halal_quotas q ORDER BY q.closes_on DESC, q.id DESC`)
}

// GetQuota implements permits.QuotaStore.
func (db *DB) GetQuota(ctx context.Context, id int64) (*permits.Quota, error) {
	return queryOne(ctx, db.Reader(), apperr.New(apperr.NotFound, "Kuota tidak ditemukan"),
		fmt.Sprintf("get quota %d", id), scanQuota, `SELECT `+quotaColumns+` FROM halal_quotas q WHERE q.id = ?`, id)
}

// CreateQuota implements permits.QuotaStore.
func (db *DB) CreateQuota(ctx context.Context, q *permits.Quota, a *audit.Entry) error {
	return db.Tx(ctx, func(r *Runner) error {
		q.CreatedAt = Now()
		return r.insertAudited(ctx, "quota", &q.ID, a, `INSERT INTO halal_quotas (provider, scope, total, opens_on, closes_on, note, created_at, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, q.Provider, q.Scope, q.Total, q.OpensOn, q.ClosesOn, q.Note,
			r.Dialect.Time(q.CreatedAt), q.CreatedBy)
	})
}

// QuotaAllocations implements permits.QuotaStore.
func (db *DB) QuotaAllocations(ctx context.Context, quotaID int64, scope registry.Scope) ([]permits.Allocation, error) {
	var w Where
	w.Add("a.quota_id = ?", quotaID)
	addScope(&w, scope)
	return queryRows(ctx, db.Reader(), "quota allocations", []permits.Allocation{}, scanQuotaAllocation,
		`SELECT a.id, a.quota_id, a.business_id, b.name, b.district_code, a.assistant, a.planned_on,
		a.created_at, a.created_by FROM halal_allocations a JOIN businesses b ON b.id = a.business_id
		WHERE `+w.SQL()+` ORDER BY a.planned_on, a.assistant, a.id`, w.Args...)
}

// AssistantLoad implements permits.QuotaStore.
func (db *DB) AssistantLoad(ctx context.Context, assistants []string, from string) (map[permits.Slot]int, error) {
	out := map[permits.Slot]int{}
	for _, as := range assistants { // a handful of names: one small indexed query each
		rows, err := db.Reader().Query(ctx, `SELECT planned_on, COUNT(*) FROM halal_allocations
			WHERE assistant = ? AND planned_on >= ? GROUP BY planned_on`, as, from)
		if err != nil {
			return nil, fmt.Errorf("assistant load: %w", err)
		}
		for rows.Next() {
			var day string
			var n int
			if err := rows.Scan(&day, &n); err != nil {
				rows.Close()
				return nil, err
			}
			out[permits.Slot{Assistant: as, Day: day}] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Allocate implements permits.QuotaStore. The places are counted inside the
// write transaction, so two officers allocating at once cannot overfill it.
func (db *DB) Allocate(ctx context.Context, quotaID int64, allocs []permits.Allocation, a *audit.Entry) error {
	return db.Tx(ctx, func(r *Runner) error {
		var total, used int
		if err := r.QueryRow(ctx, `SELECT total, (SELECT COUNT(*) FROM halal_allocations WHERE quota_id = ?) FROM halal_quotas
			WHERE id = ?`+r.forUpdate(), quotaID, quotaID).Scan(&total, &used); err != nil {
			if ErrNoRows(err) {
				return apperr.New(apperr.NotFound, "Kuota tidak ditemukan")
			}
			return err
		}
		if used+len(allocs) > total {
			return apperr.New(apperr.Conflict, "Kuota tinggal %d tempat; %d usaha diminta", total-used, len(allocs))
		}
		now := Now()
		for i := range allocs {
			al := &allocs[i]
			var other int64
			err := r.QueryRow(ctx, `SELECT quota_id FROM halal_allocations WHERE business_id = ? LIMIT 1`, al.BusinessID).Scan(&other)
			if err == nil {
				return apperr.New(apperr.Conflict, "%s sudah dialokasikan ke kuota %d", al.BusinessName, other)
			} else if !ErrNoRows(err) {
				return err
			}
			al.CreatedAt = now
			id, err := r.InsertID(ctx, `INSERT INTO halal_allocations (quota_id, business_id, assistant, planned_on, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?)`, quotaID, al.BusinessID, al.Assistant, al.PlannedOn, r.Dialect.Time(now), al.CreatedBy)
			if err != nil {
				return fmt.Errorf("insert allocation: %w", err)
			}
			al.ID = id
		}
		return r.InsertAudit(ctx, a)
	})
}

// forUpdate locks the row read on PostgreSQL; SQLite's single writer
// already serialises the transaction.
func (q *Runner) forUpdate() string {
	if q.Dialect.Engine() == "postgres" {
		return " FOR UPDATE"
	}
	return ""
}

func scanQuotaAllocation(s Scanner, al *permits.Allocation) error {
	return s.Scan(&al.ID, &al.QuotaID, &al.BusinessID, &al.BusinessName, &al.DistrictCode, &al.Assistant,
		&al.PlannedOn, ScanTime(&al.CreatedAt), &al.CreatedBy)
}
