package sqlstore

import (
	"context"
	"fmt"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/registry"
)

// DismissPair implements duplicates.Store.
func (db *DB) DismissPair(ctx context.Context, a, b int64, by string, at time.Time, e *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `INSERT INTO duplicate_dismissals (business_a, business_b, dismissed_by, dismissed_at)
			VALUES (?, ?, ?, ?) ON CONFLICT (business_a, business_b) DO NOTHING`, a, b, by, q.Dialect.Time(at))
		if err != nil {
			return fmt.Errorf("dismiss pair: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // already dismissed: nothing new to audit
		}
		return q.InsertAudit(ctx, e)
	})
}

// DismissedPairs implements duplicates.Store.
func (db *DB) DismissedPairs(ctx context.Context) ([][2]int64, error) {
	return queryRows(ctx, db.Reader(), "dismissed pairs", nil, func(s Scanner, p *[2]int64) error {
		return s.Scan(&p[0], &p[1])
	}, `SELECT business_a, business_b FROM duplicate_dismissals ORDER BY business_a, business_b`)
}

// QueuedPairs implements duplicates.Store.
func (db *DB) QueuedPairs(ctx context.Context, district string) ([]duplicates.Queued, error) {
	where, args := "", []any{registry.StatusActive, registry.StatusActive}
	if district != "" {
		where, args = ` AND (a.district_code = ? OR b.district_code = ?)`, append(args, district, district)
	}
	return queryRows(ctx, db.Reader(), "queued pairs", nil, func(s Scanner, q *duplicates.Queued) error {
		return s.Scan(&q.A, &q.B, &q.Probability, &q.ImportID)
	}, `SELECT q.business_a, q.business_b, q.probability, q.import_id FROM duplicate_queue q
		JOIN businesses a ON a.id = q.business_a JOIN businesses b ON b.id = q.business_b
		WHERE a.status = ? AND b.status = ? AND a.merged_into IS NULL AND b.merged_into IS NULL`+where+`
		AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.business_a = q.business_a AND d.business_b = q.business_b)
		ORDER BY q.business_a, q.business_b`, args...)
}
