package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/sqlstore"
)

// RunImport implements importer.Store with the shared code of
// sqlstore. New businesses take ids reserved per chunk (reserveIDs), and
// every new row goes in with COPY (copyRows). A large import that commits
// drops and rebuilds the secondary indexes and the foreign keys to
// businesses (sqlstore.BulkIndexes, listIndexes): it then holds those
// tables exclusively, and readers get "busy" after LockTimeout until it
// commits, which the threshold limits to bulk loads. A dry run never
// drops anything: it would lock the registry only to roll back.
func (s *Store) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	bulk := &sqlstore.BulkIndexes{List: listIndexes, Tune: tuneRebuild}
	hooks := sqlstore.ImportHooks{
		Around: func(q *sqlstore.Runner, work func() error) error {
			// An import waits for the locks it needs (the tables of a bulk
			// load) however long readers hold them; see LockTimeout.
			if _, err := q.Exec(ctx, `SET LOCAL lock_timeout = 0`); err != nil {
				return err
			}
			return bulk.Around(ctx, q, commit, work)
		},
		Copy: copyRows,
		ReserveIDs: func(ctx context.Context, q *sqlstore.Runner, n int) ([]int64, error) {
			if commit {
				if err := bulk.Added(ctx, q, n); err != nil {
					return nil, err
				}
			}
			return reserveIDs(ctx, q, n, bulk.Dropped)
		},
	}
	return s.RunImportWith(ctx, imp, commit, hooks, fn)
}

// ImportBatchSize implements importer.BatchSizer: each batch costs an id
// reservation and four COPYs, each a few round trips.
func (s *Store) ImportBatchSize() int { return 10000 }

// reserveIDs draws n business ids from the identity sequence. Every code
// path that draws from it holds a lock on businesses first (an INSERT
// takes ROW EXCLUSIVE before it evaluates the default; reserveIDs and
// copyBatch take it explicitly). So while a bulk import holds the table
// exclusively (its DROP INDEX), nobody else can draw, and it takes its n
// ids as one block with setval instead of n calls of nextval, which were a
// noticeable part of a million-row import (bench/README.md).
func reserveIDs(ctx context.Context, q *sqlstore.Runner, n int, exclusive bool) ([]int64, error) {
	ids := make([]int64, 0, n)
	if exclusive {
		// Held already since the first DROP INDEX; said again so that the
		// block's safety does not depend on which indexes were dropped.
		if _, err := q.Exec(ctx, `LOCK TABLE businesses IN ACCESS EXCLUSIVE MODE`); err != nil {
			return nil, err
		}
		var last int64
		if err := q.QueryRow(ctx, `SELECT setval(pg_get_serial_sequence('businesses', 'id'),
			nextval(pg_get_serial_sequence('businesses', 'id')) + ? - 1)`, n).Scan(&last); err != nil {
			return nil, err
		}
		for id := last - int64(n) + 1; id <= last; id++ {
			ids = append(ids, id)
		}
		return ids, nil
	}
	if _, err := q.Exec(ctx, lockForIDs); err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, `SELECT nextval(pg_get_serial_sequence('businesses', 'id')) FROM generate_series(1, ?)`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
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
}

// lockForIDs is the lock an INSERT into businesses takes; see reserveIDs.
const lockForIDs = `LOCK TABLE businesses IN ROW EXCLUSIVE MODE`

// copyRows sends an import's new rows with COPY on the transaction's
// connection: the client encodes while the server inserts, and the server
// skips parsing and planning a statement per few hundred rows.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	return withPgx(conn, func(c *pgx.Conn) error {
		n, err := c.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		if err == nil && n != int64(len(rows)) {
			err = fmt.Errorf("copy %s: %d of %d rows", table, n, len(rows))
		}
		return err
	})
}
