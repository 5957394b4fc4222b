package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlstore"
)

// copyBusinessColumns are the columns COPY fills (id included: ids are drawn
// from the identity sequence first so that measurements can refer to them).
var copyBusinessColumns = []string{"id", "name", "brand", "owner_name", "nik", "owner_gender", "owner_birth_date", "phone",
	"email", "village_code", "district_code", "address", "latitude", "longitude", "kbli", "sector", "founded_year",
	"employees", "annual_revenue", "capital", "size_class", "size_basis", "nib", "pirt_number", "pirt_expires_on",
	"halal_status", "halal_number", "halal_expires_on", "bpom_number", "hki_number", "products", "status", "version",
	"created_at", "updated_at"}

var copyMeasurementColumns = []string{"business_id", "year", "annual_revenue", "capital", "employees", "source",
	"size_class", "size_basis", "recorded_by", "created_at"}

var copyAuditColumns = []string{"at", "user_id", "username", "action", "entity", "entity_id", "before_json", "after_json"}

// InsertBatch implements registry.Store with COPY in one transaction: ids are
// reserved from the sequence, then businesses, measurements and audit
// entries are streamed. Any failure rolls everything back.
func (s *Store) InsertBatch(ctx context.Context, items []registry.NewBusiness) error {
	if len(items) == 0 {
		return nil
	}
	err := s.withPgx(ctx, func(conn *pgx.Conn) error {
		return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error { return copyBatch(ctx, tx, items) })
	})
	return s.MapError(err)
}

func copyBatch(ctx context.Context, tx pgx.Tx, items []registry.NewBusiness) error {
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
	var bizRows, mRows, aRows [][]any
	for i := range items {
		it := &items[i]
		b := it.Business
		sqlstore.MirrorLatest(b, it.Measurements)
		sqlstore.PrepareNew(b)
		b.ID, b.CreatedAt, b.UpdatedAt = ids[i], now, now
		bizRows = append(bizRows, append([]any{b.ID}, sqlstore.BusinessArgs(d, b)...))
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
		table string
		cols  []string
		rows  [][]any
	}{
		{"businesses", copyBusinessColumns, bizRows},
		{"measurements", copyMeasurementColumns, mRows},
		{"audit_log", copyAuditColumns, aRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	return nil
}
