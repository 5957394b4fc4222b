package postgres

import (
	"context"
	"fmt"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/sqlstore"
)

// RunImport implements importer.Store (issue 3) with the shared SQL of
// sqlstore; new businesses take ids drawn from the identity sequence in
// one query per chunk, so that they go in multi-row INSERTs instead of one
// round trip each.
func (s *Store) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	hooks := sqlstore.ImportHooks{
		ReserveIDs: func(ctx context.Context, q *sqlstore.Q, n int) ([]int64, error) {
			rows, err := q.Query(ctx, `SELECT nextval(pg_get_serial_sequence('businesses', 'id')) FROM generate_series(1, ?)`, n)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			ids := make([]int64, 0, n)
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					return nil, err
				}
				ids = append(ids, id)
			}
			if len(ids) != n {
				return nil, fmt.Errorf("reserved %d ids, want %d", len(ids), n)
			}
			return ids, rows.Err()
		},
	}
	return s.RunImportWith(ctx, imp, commit, hooks, fn)
}
