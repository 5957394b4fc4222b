package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlstore"
)

// InsertBatch implements registry.Store with COPY in one transaction: ids are
// reserved from the sequence, then businesses, measurements and audit
// entries are streamed. Any failure rolls everything back.
// The per-year summaries of the new businesses are computed from items and
// copied too; their counts move through database/sql, in the same
// transaction.
func (s *Store) InsertBatch(ctx context.Context, items []registry.NewBusiness) error {
	if len(items) == 0 {
		return nil
	}
	conn, err := s.Write.Conn(ctx)
	if err != nil {
		return s.MapError(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return s.MapError(err)
	}
	q := s.On(tx)
	var years *sqlstore.NewYearClasses
	err = withPgx(conn, func(c *pgx.Conn) error {
		if err := copyBatch(ctx, c, items); err != nil || !q.KeepsYearClasses() {
			return err
		}
		years = sqlstore.YearClassesOf(items)
		if len(years.Rows) == 0 {
			return nil
		}
		t := sqlstore.YearClassTarget
		_, err := c.CopyFrom(ctx, pgx.Identifier{t.Table}, t.Cols, pgx.CopyFromRows(years.Rows))
		return err
	})
	if err == nil && years != nil {
		err = q.AddYearClasses(ctx, years, true)
	}
	if err != nil {
		_ = tx.Rollback()
		return s.MapError(err)
	}
	return s.MapError(tx.Commit())
}

// copyBatch writes items on conn, inside the transaction open on it.
func copyBatch(ctx context.Context, tx *pgx.Conn, items []registry.NewBusiness) error {
	if _, err := tx.Exec(ctx, lockForIDs); err != nil { // before drawing ids: see reserveIDs
		return fmt.Errorf("reserve ids: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('businesses', 'id')) FROM generate_series(1, $1)`, len(items))
	if err != nil {
		return fmt.Errorf("reserve ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("reserve ids: %w", err)
	}
	d := dialect{}
	now := sqlstore.Now()
	var bizRows, mRows, aRows, pRows [][]any
	for i := range items {
		it := &items[i]
		b := it.Business
		sqlstore.MirrorLatest(b, it.Measurements)
		sqlstore.PrepareNew(b)
		b.ID, b.CreatedAt, b.UpdatedAt = ids[i], now, now
		bizRows = append(bizRows, append([]any{b.ID}, sqlstore.BusinessArgs(d, b)...))
		pRows = append(pRows, sqlstore.ProductRows(d, b)...)
		for j := range it.Measurements {
			m := &it.Measurements[j]
			m.BusinessID = b.ID
			if m.CreatedAt.IsZero() {
				m.CreatedAt = now
			}
			mRows = append(mRows, sqlstore.MeasurementArgs(d, m))
		}
		if it.Audit != nil {
			it.Audit.EntityID = b.ID
			if it.Audit.At.IsZero() {
				it.Audit.At = now
			}
			aRows = append(aRows, sqlstore.AuditArgs(d, it.Audit))
		}
	}
	for _, c := range []struct {
		to   sqlstore.RowTarget
		rows [][]any
	}{
		{sqlstore.BusinessTarget, bizRows},
		{sqlstore.MeasurementTarget, mRows},
		{sqlstore.AuditTarget, aRows},
		{sqlstore.ProductTarget, pRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.to.Table}, c.to.Cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", c.to.Table, err)
		}
	}
	return nil
}
