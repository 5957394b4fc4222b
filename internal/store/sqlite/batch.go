package sqlite

import (
	"context"
	"fmt"

	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlstore"
)

// InsertBatch implements registry.Store: one transaction with prepared
// statements, with the search index filled in one statement at the end
// (see DeferSearchIndex). A batch large enough against the registry (the
// demo's 48,000 businesses into an empty one) drops and rebuilds the
// secondary indexes like a large import (bulkIndexes). All items are
// stored or none.
func (s *Store) InsertBatch(ctx context.Context, items []registry.NewBusiness) error {
	if len(items) == 0 {
		return nil
	}
	bulk := newBulkIndexes()
	defer bulk.untune(ctx, s.Write.ExecContext)
	return s.Tx(ctx, func(q *sqlstore.Runner) error {
		return bulk.Around(ctx, q, true, func() error {
			if err := bulk.Added(ctx, q, len(items)); err != nil {
				return err
			}
			return DeferSearchIndex(ctx, q, func() error { return q.InsertBatch(ctx, items) })
		})
	})
}

// DeferSearchIndex runs fn, which inserts businesses inside q's transaction,
// without the per-row FTS trigger, then indexes every business added by fn
// in one INSERT … SELECT. FTS5 flushes its pending terms at each statement
// savepoint, so row-by-row indexing writes one tiny segment per row and then
// merges them: for 48,000 rows this is most of the load time. The trigger is
// dropped and re-created inside the transaction, so other connections never
// see it missing, and a rollback restores it. Use it for bulk inserts only
// (updates still go through the update trigger).
func DeferSearchIndex(ctx context.Context, q *sqlstore.Runner, fn func() error) error {
	return withoutSearchTrigger(ctx, q, fn, func(maxID int64) error {
		if _, err := q.Exec(ctx, `INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
		SELECT id, name, brand, owner_name, nik, nib, phone FROM businesses WHERE id > ? AND status = 'active' ORDER BY id`, maxID); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		return nil
	})
}

// withoutSearchTrigger runs work with the search-index insert trigger
// dropped, then index (given the largest business id from before work) and
// re-creates the trigger, all on q: see DeferSearchIndex.
func withoutSearchTrigger(ctx context.Context, q *sqlstore.Runner, work func() error, index func(maxID int64) error) error {
	var trigger string
	var maxID int64
	if err := q.QueryRow(ctx, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'businesses_fts_ai'`).
		Scan(&trigger); err != nil {
		return fmt.Errorf("search trigger: %w", err)
	}
	if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM businesses`).Scan(&maxID); err != nil {
		return err
	}
	if _, err := q.Exec(ctx, `DROP TRIGGER businesses_fts_ai`); err != nil {
		return err
	}
	if err := work(); err != nil {
		return err
	}
	if err := index(maxID); err != nil {
		return err
	}
	_, err := q.Exec(ctx, trigger)
	return err
}

// Optimize merges the search index into one segment, which makes searches
// over large tables (hundreds of thousands of rows) markedly faster. It
// rewrites the whole index, so run it after big bulk loads, not after each
// write; ordinary writes keep the index merged incrementally.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.Write.ExecContext(ctx, `INSERT INTO businesses_fts (businesses_fts) VALUES ('optimize')`)
	if err == nil {
		_, err = s.Write.ExecContext(ctx, `PRAGMA optimize`)
	}
	return err
}
