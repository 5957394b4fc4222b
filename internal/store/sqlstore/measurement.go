package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// InsertMeasurementSQL inserts one ledger entry; arguments from MeasurementArgs.
const InsertMeasurementSQL = `INSERT INTO measurements (business_id, year, annual_revenue, capital, employees, source,
	size_class, size_basis, recorded_by, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// MeasurementArgs returns the values of InsertMeasurementSQL.
func MeasurementArgs(d Dialect, m *registry.Measurement) []any {
	return []any{m.BusinessID, m.Year, m.AnnualRevenue, m.Capital, m.Employees, m.Source,
		m.SizeClass, m.SizeBasis, m.RecordedBy, d.Time(m.CreatedAt), m.Note}
}

// InsertMeasurement appends m (setting ID and CreatedAt).
func (q *Runner) InsertMeasurement(ctx context.Context, m *registry.Measurement) error {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = Now()
	}
	id, err := q.InsertID(ctx, InsertMeasurementSQL, MeasurementArgs(q.Dialect, m)...)
	if err != nil {
		return fmt.Errorf("insert measurement: %w", err)
	}
	m.ID = id
	return q.RefreshYearClasses(ctx, m.BusinessID)
}

// AddMeasurement appends m; when mirror is true and m's year is not older
// than any other entry's, the business takes m's money, employees and class,
// and its version increases. A figure m does not know is 0 on the business,
// whose 0 means "not known".
func (q *Runner) AddMeasurement(ctx context.Context, m *registry.Measurement, mirror bool) error {
	var maxYear int
	var version int64
	err := q.QueryRow(ctx, `SELECT b.version, COALESCE((SELECT MAX(year) FROM measurements WHERE business_id = b.id), 0)
		FROM businesses b WHERE b.id = ?`, m.BusinessID).Scan(&version, &maxYear)
	if ErrNoRows(err) {
		return errBusinessNotFound
	}
	if err != nil {
		return fmt.Errorf("measurement business: %w", err)
	}
	if err := q.InsertMeasurement(ctx, m); err != nil {
		return err
	}
	if !mirror || m.Year < maxYear {
		return nil
	}
	_, err = q.Exec(ctx, `UPDATE businesses SET annual_revenue = ?, capital = ?, employees = ?, size_class = ?, size_basis = ?,
		version = version + 1, updated_at = ? WHERE id = ?`,
		registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital), m.Employees, m.SizeClass, m.SizeBasis, q.Dialect.Time(Now()), m.BusinessID)
	return err
}

// AddMeasurement implements registry.Store.
func (db *DB) AddMeasurement(ctx context.Context, m *registry.Measurement, mirror bool, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if err := q.AddMeasurement(ctx, m, mirror); err != nil {
			return err
		}
		if a == nil {
			return nil
		}
		a.EntityID = m.BusinessID
		return q.InsertAudit(ctx, a)
	})
}

// ListMeasurements returns a business's ledger, oldest first.
func (db *DB) ListMeasurements(ctx context.Context, businessID int64) ([]registry.Measurement, error) {
	return queryRows(ctx, db.Reader(), "list measurements", []registry.Measurement{}, scanMeasurement,
		`SELECT id, business_id, year, annual_revenue, capital, employees, source,
		size_class, size_basis, recorded_by, created_at, note FROM measurements WHERE business_id = ? ORDER BY year, id`, businessID)
}

// CreateBusiness implements registry.Store.
func (db *DB) CreateBusiness(ctx context.Context, b *registry.Business, m *registry.Measurement, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if err := q.InsertBusiness(ctx, b); err != nil {
			return err
		}
		if m != nil {
			m.BusinessID = b.ID
			if err := q.InsertMeasurement(ctx, m); err != nil {
				return err
			}
		}
		if a == nil {
			return nil
		}
		a.EntityID = b.ID
		return q.InsertAudit(ctx, a)
	})
}

// GetBusiness implements registry.Store.
func (db *DB) GetBusiness(ctx context.Context, id int64) (*registry.Business, error) {
	return db.Reader().GetBusiness(ctx, id)
}

// UpdateBusiness implements registry.Store.
func (db *DB) UpdateBusiness(ctx context.Context, b *registry.Business, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if err := q.UpdateBusiness(ctx, b); err != nil {
			return err
		}
		if a == nil {
			return nil
		}
		a.EntityID = b.ID
		return q.InsertAudit(ctx, a)
	})
}

// CountBusinesses counts all businesses, archived included.
func (db *DB) CountBusinesses(ctx context.Context) (int, error) {
	var n int
	err := db.Reader().QueryRow(ctx, `SELECT COUNT(*) FROM businesses`).Scan(&n)
	return n, err
}

// UpdateMeasured implements registry.Store.
func (db *DB) UpdateMeasured(ctx context.Context, b *registry.Business, a *audit.Entry, m *registry.Measurement, ma *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if err := q.UpdateBusiness(ctx, b); err != nil {
			return err
		}
		if a != nil {
			a.EntityID = b.ID
			if err := q.InsertAudit(ctx, a); err != nil {
				return err
			}
		}
		m.BusinessID = b.ID
		if err := q.AddMeasurement(ctx, m, true); err != nil {
			return err
		}
		if ma == nil {
			return nil
		}
		ma.EntityID = b.ID
		return q.InsertAudit(ctx, ma)
	})
}

func scanMeasurement(s Scanner, m *registry.Measurement) error {
	return s.Scan(&m.ID, &m.BusinessID, &m.Year, &m.AnnualRevenue, &m.Capital, &m.Employees, &m.Source,
		&m.SizeClass, &m.SizeBasis, &m.RecordedBy, ScanTime(&m.CreatedAt), &m.Note)
}
