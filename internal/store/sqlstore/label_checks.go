package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/audit"
	"naikkelas/internal/market"
)

const labelCheckColumns = `c.id, c.product_id, c.elements_version, c.items, c.notes, c.label_pirt, c.score, c.fixes, c.flags,
	c.checked_by, c.checked_at`

func scanLabelCheck(s Scanner, c *market.LabelCheck) error {
	var items, notes, fixes, flags string
	if err := s.Scan(&c.ID, &c.ProductID, &c.ElementsVersion, &items, &notes, &c.LabelPIRT, &c.Score, &fixes, &flags,
		&c.CheckedBy, ScanTime(&c.CheckedAt)); err != nil {
		return err
	}
	for _, f := range []struct {
		raw string
		dst any
	}{{items, &c.Items}, {notes, &c.Notes}, {fixes, &c.Fixes}, {flags, &c.Flags}} {
		if err := json.Unmarshal([]byte(f.raw), f.dst); err != nil {
			return fmt.Errorf("label check %d: %w", c.ID, err)
		}
	}
	return nil
}

// AddLabelCheck implements market.Store.
func (db *DB) AddLabelCheck(ctx context.Context, c *market.LabelCheck, a *audit.Entry) error {
	items, _ := json.Marshal(c.Items)
	notes, _ := json.Marshal(c.Notes)
	fixes, _ := json.Marshal(c.Fixes)
	flags, _ := json.Marshal(c.Flags)
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO label_checks (product_id, elements_version, items, notes, label_pirt, score,
			fixes, flags, checked_by, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ProductID, c.ElementsVersion,
			string(items), string(notes), c.LabelPIRT, c.Score, string(fixes), string(flags), c.CheckedBy, q.Dialect.Time(c.CheckedAt))
		if err != nil {
			return fmt.Errorf("add label check: %w", err)
		}
		c.ID = id
		return q.InsertAudit(ctx, a)
	})
}

// LabelChecks implements market.Store.
func (db *DB) LabelChecks(ctx context.Context, productID int64) ([]market.LabelCheck, error) {
	return db.queryLabelChecks(ctx, `SELECT `+labelCheckColumns+` FROM label_checks c WHERE c.product_id = ? ORDER BY c.id`, productID)
}

// LatestLabelChecks implements market.Store.
func (db *DB) LatestLabelChecks(ctx context.Context, businessID int64) (map[int64]market.LabelCheck, error) {
	list, err := db.queryLabelChecks(ctx, `SELECT `+labelCheckColumns+` FROM label_checks c
		WHERE c.id IN (SELECT MAX(l.id) FROM label_checks l JOIN products p ON p.id = l.product_id
			WHERE p.business_id = ? GROUP BY l.product_id)`, businessID)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]market.LabelCheck, len(list))
	for _, c := range list {
		out[c.ProductID] = c
	}
	return out, nil
}

func (db *DB) queryLabelChecks(ctx context.Context, query string, args ...any) ([]market.LabelCheck, error) {
	return queryRows(ctx, db.Reader(), "label checks", nil, scanLabelCheck,
		query, args...)
}
