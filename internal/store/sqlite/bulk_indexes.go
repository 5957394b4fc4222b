package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"

	"naikkelas/internal/store/sqlstore"
)

// SQLite's part of the bulk-import index drop (design note in
// sqlstore/bulk_indexes.go): it lists the indexes from sqlite_master, and
// changes connection settings for the phases after the rows are written.

// rebuildCacheKiB is the page cache (and sort run) size of the rebuild.
const rebuildCacheKiB = 8 << 10

// bulkIndexes is sqlstore.BulkIndexes with SQLite's settings.
type bulkIndexes struct {
	sqlstore.BulkIndexes
	undo []string // PRAGMAs that put back the connection's settings (see tune)
}

func newBulkIndexes() *bulkIndexes {
	b := &bulkIndexes{}
	b.List = listIndexes
	b.Tune = func(ctx context.Context, q *sqlstore.Runner) error {
		b.tune(ctx, q, rebuildSettings) // a setting that cannot be changed stays as it was
		return nil
	}
	return b
}

// listIndexes returns the indexes of the tables an import writes.
func listIndexes(ctx context.Context, q *sqlstore.Runner) ([]sqlstore.BulkIndex, error) {
	t := sqlstore.BulkTables
	return sqlstore.QueryBulkIndexes(ctx, q, `SELECT name, tbl_name, sql, '' FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (?, ?, ?, ?) ORDER BY tbl_name, name`,
		t[0], t[1], t[2], t[3])
}

// Connection settings of a large import's last phases, after the rows are
// written. Each is put back when the import ends; a switch that fails
// leaves the usual setting.
//   - temp_store=FILE, from the search index on: each search-index
//     statement and each CREATE INDEX keeps its statement journal or sort
//     runs in temporary storage, which in memory (the connection's usual
//     setting) dominated a million-business CLI import's peak memory.
//   - a small cache (rebuildCacheKiB) for the index rebuild: each CREATE
//     INDEX sorts the whole table in runs the size of the cache, one per
//     sorter thread, so the cache multiplies by the threads; a larger one
//     raised the peak without being faster. (The search index keeps the
//     connection's larger cache: its merges reread recent pages, and a
//     smaller cache made them slower.)
//   - threads, for the index rebuild: the sorter uses the other cores (the
//     file reader has finished by now), which makes each CREATE INDEX
//     faster even on two cores.
//
// The measurements behind each choice are in bench/README.md.
type setting struct {
	pragma string
	value  int64
}

var (
	searchSettings  = []setting{{"temp_store", 1}} // FILE
	rebuildSettings = []setting{{"temp_store", 1}, {"cache_size", -rebuildCacheKiB}, {"threads", int64(runtime.NumCPU())}}
)

// tune applies settings, if this import dropped the indexes; untune puts
// back the first value of each.
func (b *bulkIndexes) tune(ctx context.Context, q *sqlstore.Runner, settings []setting) {
	if !b.Dropped {
		return
	}
	for _, st := range settings {
		var old int64
		if err := q.QueryRow(ctx, `PRAGMA `+st.pragma).Scan(&old); err != nil || old == st.value {
			continue
		}
		if _, err := q.Exec(ctx, fmt.Sprintf(`PRAGMA %s = %d`, st.pragma, st.value)); err == nil {
			b.undo = append(b.undo, fmt.Sprintf(`PRAGMA %s = %d`, st.pragma, old))
		}
	}
}

// untune puts back what tune changed, on the import's connection (the
// store's single write connection), once the transaction has ended.
func (b *bulkIndexes) untune(ctx context.Context, exec func(ctx context.Context, query string, args ...any) (sql.Result, error)) {
	for _, u := range b.undo {
		_, _ = exec(context.WithoutCancel(ctx), u)
	}
	b.undo = nil
}
