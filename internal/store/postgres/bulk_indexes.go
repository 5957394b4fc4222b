package postgres

import (
	"context"

	"naikkelas/internal/store/sqlstore"
)

// PostgreSQL's part of the bulk-import index drop (design note in
// sqlstore/bulk_indexes.go): which indexes and foreign keys a large import
// drops, and the memory its rebuild may use. RunImport (imports.go) plugs
// them into sqlstore.BulkIndexes.

// listIndexes returns the indexes of the tables an import writes, in the
// schema the connection works in, then the foreign keys from those tables
// to businesses: checking them costs an index probe per new measurement
// and import link, while adding them back checks all rows in one join.
// (The key to imports stays: dropping it would lock the imports table,
// which the web's import pages read and write meanwhile.)
func listIndexes(ctx context.Context, q *sqlstore.Runner) ([]sqlstore.BulkIndex, error) {
	t := sqlstore.BulkTables
	return sqlstore.QueryBulkIndexes(ctx, q, `SELECT indexname, tablename, indexdef, '' FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename IN (?, ?, ?, ?)
		UNION ALL
		SELECT c.conname, r.relname, 'ALTER TABLE ' || quote_ident(r.relname) || ' ADD CONSTRAINT ' ||
			quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),
			'ALTER TABLE ' || quote_ident(r.relname) || ' DROP CONSTRAINT ' || quote_ident(c.conname)
		FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
		WHERE c.contype = 'f' AND c.confrelid = 'businesses'::regclass AND r.relnamespace = c.connamespace
			AND r.relname IN (?, ?, ?, ?)
		ORDER BY 4, 2, 1`, t[0], t[1], t[2], t[3], t[0], t[1], t[2], t[3])
}

// tuneRebuild gives the rebuild's sorts (and the trigram GIN build) more
// memory than PostgreSQL's default 64 MB, for this transaction only.
func tuneRebuild(ctx context.Context, q *sqlstore.Runner) error {
	_, err := q.Exec(ctx, `SET LOCAL maintenance_work_mem = '256MB'`)
	return err
}
