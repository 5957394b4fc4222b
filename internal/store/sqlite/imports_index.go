package sqlite

import (
	"context"
	"fmt"
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

// bulkKeep are the non-unique indexes the import itself reads while it runs
// (Load fetches the ledgers of matched businesses by business_id), so they
// stay. UNIQUE indexes always stay, so their constraints hold row by row.
var bulkKeep = map[string]bool{"ix_measurements_business": true}

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
const rebuildCacheKiB = 16 << 10

// bulkIndex is a dropped index and the statement that recreates it.
type bulkIndex struct{ name, table, sql string }

// bulkIndexes tracks one import's index drop.
type bulkIndexes struct {
	before   int64 // businesses (MAX(id)) before the import
	inserted int64 // new businesses written so far
	dropped  bool
	saved    []bulkIndex
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

// restore recreates the dropped indexes and refreshes the planner's
// statistics of their tables (dropping an index deletes its sqlite_stat1
// row, and the list queries rely on those rows; see migration 0005).
//
// Memory: each CREATE INDEX sorts the whole table. With the connection's
// own settings (temp_store=MEMORY, 64 MB page cache) a million-business CLI
// import peaked at 543-570 MB RSS; sorting with temporary files and a 16 MB
// cache for the rebuild brought it to 435 MB (the import without the drop:
// 360 MB), at the same speed. Both settings are put back before commit; if
// a switch fails (temp_store cannot change while the connection has a
// temporary database open) the rebuild runs with the usual settings.
func (b *bulkIndexes) restore(ctx context.Context, q *sqlstore.Q) error {
	if _, err := q.Exec(ctx, `PRAGMA temp_store = FILE`); err == nil {
		defer func() { _, _ = q.Exec(ctx, `PRAGMA temp_store = MEMORY`) }()
	}
	var cache int64
	if err := q.QueryRow(ctx, `PRAGMA cache_size`).Scan(&cache); err == nil && (cache < -rebuildCacheKiB || cache > 0) {
		if _, err := q.Exec(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, -rebuildCacheKiB)); err == nil {
			defer func() { _, _ = q.Exec(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, cache)) }()
		}
	}
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
