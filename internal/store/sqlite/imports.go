package sqlite

import (
	"context"
	"fmt"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/sqlstore"
)

// RunImport implements importer.Store with the shared SQL of
// sqlstore, plus two SQLite speed-ups: the imported businesses are indexed
// for search after the rows are written instead of row by row
// (indexSearchChunked), and their ids are taken from MAX(id) so that
// they go in multi-row INSERTs. Both are safe because the import's
// transaction holds SQLite's only write lock from its first statement
// (BEGIN IMMEDIATE), and a rollback undoes both. Large imports also drop
// and rebuild secondary indexes (bulkIndexes, bulk_indexes.go).
func (s *Store) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	var next int64
	bulk := newBulkIndexes()
	hooks := sqlstore.ImportHooks{
		Around: func(q *sqlstore.Runner, work func() error) error {
			return bulk.Around(ctx, q, commit, func() error {
				return withoutSearchTrigger(ctx, q, work, func(maxID int64) error {
					if !commit {
						return nil // a dry run is rolled back: nothing to search
					}
					bulk.tune(ctx, q, searchSettings)
					return indexSearchChunked(ctx, q, maxID)
				})
			})
		},
		ReserveIDs: func(ctx context.Context, q *sqlstore.Runner, n int) ([]int64, error) {
			if err := bulk.Added(ctx, q, n); err != nil {
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
	defer bulk.untune(ctx, s.Write.ExecContext)
	return s.RunImportWith(ctx, imp, commit, hooks, fn)
}

// searchIndexChunk is how many businesses one FTS statement indexes. A
// statement's merges are journaled until it ends, so a million rows in one
// INSERT … SELECT would hold hundreds of megabytes. Larger chunks are a
// little faster but raise the CLI import's peak memory by more than they
// save in time (bench/README.md).
const searchIndexChunk = 50_000

// indexSearchChunked indexes for search the businesses after maxID (the
// imported ones), in statements of searchIndexChunk rows.
func indexSearchChunked(ctx context.Context, q *sqlstore.Runner, maxID int64) error {
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
}
