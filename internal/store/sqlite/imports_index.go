package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"

	"naikkelas/internal/store/sqlstore"
)

// Large imports (issue 3) spend most of their time keeping the ~20 secondary
// indexes of the tables they write up to date row by row: every new
// business is a random insert into each of them. Past a threshold the
// import drops those indexes, writes on, and builds them again once at the
// end, which sorts each index in one pass. It all happens inside the
// import's transaction: SQLite DDL is transactional, so a failure, a dry
// run or a crash (kill -9) rolls the drops back along with the rows.

// bulkTables are the tables an import writes.
var bulkTables = []string{"businesses", "measurements", "audit_log", "import_businesses"}

// bulkKeep are the non-unique indexes that stay while an import runs. Two
// kinds: those the import itself reads (Load fetches the ledgers of matched
// businesses by business_id), and those whose keys grow with the rows the
// import appends (new ids, this import's timestamp), so that keeping them
// costs an append at the right edge of each, cheaper than sorting the whole
// table again. UNIQUE indexes always stay, so their constraints hold row by
// row.
var bulkKeep = map[string]bool{
	"ix_measurements_business":      true, // read by Load; (business_id, year)
	"ix_measurements_evidence":      true, // (business_id, …)
	"ix_businesses_id_name":         true, // (id, …)
	"ix_businesses_evidence":        true, // (status, id, …)
	"ix_businesses_updated":         true, // (status, updated_at)
	"ix_audit_entity":               true, // (entity, entity_id, id)
	"ix_import_businesses_business": true, // (business_id, import_id)
}

// bulkDropMin is how many new businesses an import must have written before
// it drops the indexes. Below it the rebuild, a full sort of every index,
// costs about as much as it saves.
const bulkDropMin = 20_000

// bulkRegistryShare: the import must also have written at least 1/N as many
// businesses as the registry held before it, because rebuilding sorts the
// whole table, old rows included, while row-by-row upkeep only costs for
// the new ones.
const bulkRegistryShare = 4

// rebuildCacheKiB is the page cache (and sort run) size of the rebuild.
const rebuildCacheKiB = 8 << 10

// bulkIndex is a dropped index and the statement that recreates it.
type bulkIndex struct{ name, table, sql string }

// bulkIndexes tracks one import's index drop.
type bulkIndexes struct {
	before   int64 // businesses (MAX(id)) before the import
	inserted int64 // new businesses written so far
	dropped  bool
	saved    []bulkIndex
	undo     []string // PRAGMAs that put back the connection's settings (see tune)
}

// around runs work, then rebuilds the indexes it dropped (only when the
// import commits: a rollback restores them anyway).
func (b *bulkIndexes) around(ctx context.Context, q *sqlstore.Q, commit bool, work func() error) error {
	if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM businesses`).Scan(&b.before); err != nil {
		return err
	}
	if err := work(); err != nil {
		return err
	}
	if !b.dropped || !commit {
		return nil
	}
	return b.restore(ctx, q)
}

// added records n more new businesses and drops the indexes once the import
// is large enough.
func (b *bulkIndexes) added(ctx context.Context, q *sqlstore.Q, n int) error {
	b.inserted += int64(n)
	if b.dropped || b.inserted < max(bulkDropMin, b.before/bulkRegistryShare) {
		return nil
	}
	b.dropped = true
	rows, err := q.Query(ctx, `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (?, ?, ?, ?) ORDER BY tbl_name, name`, bulkTables[0], bulkTables[1], bulkTables[2], bulkTables[3])
	if err != nil {
		return fmt.Errorf("list indexes: %w", err)
	}
	for rows.Next() {
		var ix bulkIndex
		if err := rows.Scan(&ix.name, &ix.table, &ix.sql); err != nil {
			rows.Close()
			return err
		}
		if !bulkKeep[ix.name] && !isUnique(ix.sql) {
			b.saved = append(b.saved, ix)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, ix := range b.saved {
		if _, err := q.Exec(ctx, `DROP INDEX `+quoteIdent(ix.name)); err != nil {
			return fmt.Errorf("drop index %s: %w", ix.name, err)
		}
	}
	return nil
}

// Connection settings of a large import's last phases, after the rows are
// written. Each is put back when the import ends; a switch that fails
// leaves the usual setting.
//   - temp_store=FILE, from the search index on: each search-index
//     statement and each CREATE INDEX keeps its statement journal or sort
//     runs in temporary storage, which in memory (the connection's usual
//     setting) took a million-business CLI import to 543-570 MB RSS.
//   - an 8 MB cache for the index rebuild: each CREATE INDEX sorts the whole
//     table in runs the size of the cache, one per sorter thread. (The
//     search index keeps the connection's 64 MB: its merges reread recent
//     pages, and with 16 MB it took 4 s longer.)
//   - threads, for the index rebuild: the sorter uses the other cores (the
//     file reader has finished by now), which took a million-row CREATE
//     INDEX from 3.3-3.8 s to 2.2-2.8 s on two cores. With a 16 MB cache the
//     threads' runs took the CLI import's peak from 464 MB to 498-510 MB
//     RSS; with 8 MB it was 456-476 MB, at the same speed.
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
func (b *bulkIndexes) tune(ctx context.Context, q *sqlstore.Q, settings []setting) {
	if !b.dropped {
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

// restore recreates the dropped indexes and refreshes the planner's
// statistics of their tables (dropping an index deletes its sqlite_stat1
// row, and the list queries rely on those rows; see migration 0005).
func (b *bulkIndexes) restore(ctx context.Context, q *sqlstore.Q) error {
	b.tune(ctx, q, rebuildSettings)
	tables := map[string]bool{}
	for _, ix := range b.saved {
		if _, err := q.Exec(ctx, ix.sql); err != nil {
			return fmt.Errorf("rebuild index %s: %w", ix.name, err)
		}
		tables[ix.table] = true
	}
	for _, t := range bulkTables {
		if tables[t] {
			if _, err := q.Exec(ctx, `ANALYZE `+quoteIdent(t)); err != nil {
				return fmt.Errorf("analyze %s: %w", t, err)
			}
		}
	}
	return nil
}

// isUnique reports whether an index's CREATE statement makes it UNIQUE.
func isUnique(sql string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.Join(strings.Fields(sql), " ")), "CREATE UNIQUE ")
}

// quoteIdent quotes an SQLite identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
