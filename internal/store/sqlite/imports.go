package sqlite

import (
	"context"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/sqlstore"
)

// RunImport implements importer.Store (issue 3) with the shared SQL of
// sqlstore, plus two SQLite speed-ups: the imported businesses are indexed
// for search in one statement at the end of the transaction instead of row
// by row (DeferSearchIndex), and their ids are taken from MAX(id) so that
// they go in multi-row INSERTs. Both are safe because the import's
// transaction holds SQLite's only write lock from its first statement
// (BEGIN IMMEDIATE).
func (s *Store) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	var next int64
	hooks := sqlstore.ImportHooks{
		Around: func(q *sqlstore.Q, work func() error) error { return DeferSearchIndex(ctx, q, work) },
		ReserveIDs: func(ctx context.Context, q *sqlstore.Q, n int) ([]int64, error) {
			if next == 0 {
				if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM businesses`).Scan(&next); err != nil {
					return nil, err
				}
			}
			ids := make([]int64, n)
			for i := range ids {
				ids[i] = next
				next++
			}
			return ids, nil
		},
	}
	return s.RunImportWith(ctx, imp, commit, hooks, fn)
}
