package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"naikkelas/internal/registry"
)

// MirrorLatest copies the latest measurement (highest year; the later entry
// of equal years) onto b, classifying entries that carry no class yet.
func MirrorLatest(b *registry.Business, ms []registry.Measurement) {
	latest := -1
	for i := range ms {
		m := &ms[i]
		if m.SizeClass == "" {
			m.Classify()
		}
		if latest < 0 || m.Year >= ms[latest].Year {
			latest = i
		}
	}
	if latest >= 0 {
		m := ms[latest]
		b.AnnualRevenue, b.Capital, b.Employees, b.SizeClass, b.SizeBasis =
			registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital), m.Employees, m.SizeClass, m.SizeBasis
	}
}

// InsertBatch implements registry.Store with three prepared statements in
// one transaction: all items are stored or none.
func (db *DB) InsertBatch(ctx context.Context, items []registry.NewBusiness) error {
	return db.Tx(ctx, func(q *Runner) error { return q.InsertBatch(ctx, items) })
}

// InsertBatch inserts items inside the transaction q runs on.
func (q *Runner) InsertBatch(ctx context.Context, items []registry.NewBusiness) error {
	p, ok := q.Conn.(interface {
		PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
	})
	if !ok {
		return fmt.Errorf("insert batch: connection cannot prepare statements")
	}
	// SQLite reports the new rowid without a result set, which is cheaper
	// than RETURNING; other engines use RETURNING.
	lastID := q.Dialect.Engine() == "sqlite"
	insSQL := InsertBusinessSQL
	if !lastID {
		insSQL += " RETURNING id"
	}
	insB, err := p.PrepareContext(ctx, q.Dialect.Rebind(insSQL))
	if err != nil {
		return err
	}
	defer insB.Close()
	insM, err := p.PrepareContext(ctx, q.Dialect.Rebind(InsertMeasurementSQL))
	if err != nil {
		return err
	}
	defer insM.Close()
	insA, err := p.PrepareContext(ctx, q.Dialect.Rebind(`INSERT INTO audit_log (at, user_id, username, action, entity, entity_id,
		before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer insA.Close()
	now := Now()
	var products [][]any
	for i := range items {
		it := &items[i]
		b := it.Business
		MirrorLatest(b, it.Measurements)
		PrepareNew(b)
		b.CreatedAt, b.UpdatedAt = now, now
		if err := insertRow(ctx, insB, lastID, BusinessArgs(q.Dialect, b), &b.ID); err != nil {
			return fmt.Errorf("batch item %d (%s): %w", i+1, b.Name, err)
		}
		products = append(products, ProductRows(q.Dialect, b)...)
		for j := range it.Measurements {
			m := &it.Measurements[j]
			m.BusinessID = b.ID
			if m.CreatedAt.IsZero() {
				m.CreatedAt = now
			}
			if _, err := insM.ExecContext(ctx, MeasurementArgs(q.Dialect, m)...); err != nil {
				return fmt.Errorf("batch item %d measurement: %w", i+1, err)
			}
		}
		if it.Audit != nil {
			a := it.Audit
			a.EntityID = b.ID
			if a.At.IsZero() {
				a.At = now
			}
			if _, err := insA.ExecContext(ctx, AuditArgs(q.Dialect, a)...); err != nil {
				return fmt.Errorf("batch item %d audit: %w", i+1, err)
			}
		}
	}
	if err := q.execRows(ctx, ProductTarget.InsertHead(), "", products); err != nil {
		return fmt.Errorf("batch products: %w", err)
	}
	return q.AddYearClasses(ctx, YearClassesOf(items), false)
}

// insertRow runs a prepared INSERT and reads the new id, by LastInsertId or
// from a RETURNING clause.
func insertRow(ctx context.Context, st *sql.Stmt, lastID bool, args []any, id *int64) error {
	if !lastID {
		return st.QueryRowContext(ctx, args...).Scan(id)
	}
	res, err := st.ExecContext(ctx, args...)
	if err != nil {
		return err
	}
	*id, err = res.LastInsertId()
	return err
}
