package sqlite

import (
	"context"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/sqlstore"
)

// RunImport implements importer.Store (issue 3) with the shared SQL of
// sqlstore, indexing the imported businesses for search in one statement at
// the end of the transaction instead of row by row (DeferSearchIndex).
func (s *Store) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	around := func(q *sqlstore.Q, work func() error) error { return DeferSearchIndex(ctx, q, work) }
	return s.RunImportWith(ctx, imp, commit, around, fn)
}
