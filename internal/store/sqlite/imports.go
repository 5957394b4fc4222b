package sqlite

import (
	"context"
	"fmt"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/sqlstore"
)

// RunImport implements importer.Store (issue 3) with the shared SQL of
// sqlstore, plus two SQLite speed-ups: the imported businesses are indexed
// for search after the rows are written instead of row by row
// (deferSearchIndexChunked), and their ids are taken from MAX(id) so that
// they go in multi-row INSERTs. Both are safe because the import's
// transaction holds SQLite's only write lock from its first statement
// (BEGIN IMMEDIATE), and a rollback undoes both. Large imports also drop
// and rebuild secondary indexes (bulkIndexes, imports_index.go).
func (s *Store) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	var next int64
	var bulk bulkIndexes
	hooks := sqlstore.ImportHooks{
		Around: func(q *sqlstore.Q, work func() error) error {
			return bulk.around(ctx, q, commit, func() error { return deferSearchIndexChunked(ctx, q, work) })
		},
		ReserveIDs: func(ctx context.Context, q *sqlstore.Q, n int) ([]int64, error) {
			if err := bulk.added(ctx, q, n); err != nil {
				return nil, err
			}
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

// searchIndexChunk is how many businesses one FTS statement indexes. FTS5
// keeps a statement's pending terms in memory until the statement ends, so
// a million rows in one INSERT … SELECT would hold hundreds of megabytes.
const searchIndexChunk = 50_000

// deferSearchIndexChunked is DeferSearchIndex (batch.go) with the final
// indexing split into statements of searchIndexChunk rows.
func deferSearchIndexChunked(ctx context.Context, q *sqlstore.Q, work func() error) error {
	return withoutSearchTrigger(ctx, q, work, func(maxID int64) error {
		var last int64
		if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM businesses`).Scan(&last); err != nil {
			return err
		}
		for from := maxID; from < last; from += searchIndexChunk {
			if _, err := q.Exec(ctx, `INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
			SELECT id, name, brand, owner_name, nik, nib, phone FROM businesses WHERE id > ? AND id <= ? ORDER BY id`,
				from, min(from+searchIndexChunk, last)); err != nil {
				return fmt.Errorf("search index: %w", err)
			}
		}
		return nil
	})
}
