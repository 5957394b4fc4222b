package sqlstore

import (
	"context"
	"fmt"
	"time"

	"naikkelas/internal/audit"
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
