package sqlstore

import (
	"context"
	"fmt"
	"strings"
)

// Bulk-import index drop — design note.
//
// A large import spends most of its time keeping the secondary indexes of
// the tables it writes up to date row by row: every new business is a
// random insert into each of them. Past a threshold (BulkDropMin new
// businesses, and at least 1/BulkRegistryShare of the registry) the import
// drops those indexes, writes on, and builds them again once at the end,
// which sorts each index in one pass. It all happens inside the import's
// transaction (DDL is transactional in both engines), so a failure, a dry
// run or a crash rolls the drops back along with the rows.
//
// The parts: this file decides when and what to drop (BulkIndexes.Added),
// keeps the CREATE statements and rebuilds (Restore); each engine lists its
// indexes and tunes the rebuild (sqlite/bulk_indexes.go,
// postgres/bulk_indexes.go) and plugs BulkIndexes into RunImportWith
// through ImportHooks (its imports.go).
//
// The engines differ in what readers see meanwhile. SQLite's readers keep
// reading the last committed snapshot (WAL), indexes included. PostgreSQL's
// DROP INDEX takes an exclusive lock on the table until the import commits:
// readers of the registry wait for it. The threshold keeps that to loads
// that at least quarter the registry (an office's first import, a
// province's migration), never an everyday file.

// BulkTables are the tables an import writes.
var BulkTables = []string{"businesses", "measurements", "audit_log", "import_businesses"}

// BulkKeep are the non-unique indexes that stay while an import runs. Two
// kinds: those the import itself reads (Load fetches the ledgers of matched
// businesses by business_id), and those whose keys grow with the rows the
// import appends (new ids, this import's timestamp), so that keeping them
// costs an append at the right edge of each, cheaper than sorting the whole
// table again. UNIQUE indexes always stay, so their constraints hold row by
// row. A name the engine's schema lacks is ignored.
var BulkKeep = map[string]bool{
	"ix_measurements_evidence":      true, // read by Load; (business_id, year, …)
	"ix_businesses_id_name":         true, // (id, …)
	"ix_businesses_evidence":        true, // (status, id, …)
	"ix_businesses_updated":         true, // (status, updated_at)
	"ix_audit_entity":               true, // (entity, entity_id, id)
	"ix_import_businesses_business": true, // (business_id, import_id)
}

// BulkDropMin is how many new businesses an import must have written before
// it drops the indexes. Below it the rebuild, a full sort of every index,
// costs about as much as it saves.
const BulkDropMin = 20_000

// BulkRegistryShare: the import must also have written at least 1/N as many
// businesses as the registry held before it, because rebuilding sorts the
// whole table, old rows included, while row-by-row upkeep only costs for
// the new ones.
const BulkRegistryShare = 4

// BulkIndex is a dropped index (or constraint) and the statement that
// recreates it. Drop is the statement that drops it; empty means DROP INDEX.
type BulkIndex struct{ Name, Table, SQL, Drop string }

// BulkIndexes tracks one import's index drop. An engine supplies List, and
// Tune if it changes settings for the rebuild.
type BulkIndexes struct {
	Before   int64 // businesses (MAX(id)) before the import
	Inserted int64 // new businesses written so far
	Dropped  bool
	Saved    []BulkIndex
	// List returns the indexes of BulkTables with their CREATE statements
	// (unique ones and BulkKeep are then left alone), and any constraint
	// the engine drops with them.
	List func(ctx context.Context, q *Runner) ([]BulkIndex, error)
	// Tune, when set, runs before the rebuild.
	Tune func(ctx context.Context, q *Runner) error
}

// Around runs work, then rebuilds the indexes it dropped (only when the
// import commits: a rollback restores them anyway).
func (b *BulkIndexes) Around(ctx context.Context, q *Runner, commit bool, work func() error) error {
	if err := q.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM businesses`).Scan(&b.Before); err != nil {
		return err
	}
	if err := work(); err != nil {
		return err
	}
	if !b.Dropped || !commit {
		return nil
	}
	return b.Restore(ctx, q)
}

// Added records n more new businesses and drops the indexes once the import
// is large enough.
func (b *BulkIndexes) Added(ctx context.Context, q *Runner, n int) error {
	b.Inserted += int64(n)
	if b.Dropped || b.Inserted < max(BulkDropMin, b.Before/BulkRegistryShare) {
		return nil
	}
	b.Dropped = true
	all, err := b.List(ctx, q)
	if err != nil {
		return fmt.Errorf("list indexes: %w", err)
	}
	for _, ix := range all {
		if BulkKeep[ix.Name] || isUniqueIndex(ix.SQL) {
			continue
		}
		drop := ix.Drop
		if drop == "" {
			drop = `DROP INDEX ` + QuoteIdent(ix.Name)
		}
		if _, err := q.Exec(ctx, drop); err != nil {
			return fmt.Errorf("drop index %s: %w", ix.Name, err)
		}
		b.Saved = append(b.Saved, ix)
	}
	return nil
}

// Restore recreates the dropped indexes and refreshes the planner's
// statistics of their tables (SQLite deletes a dropped index's
// sqlite_stat1 row, and the list queries rely on those rows; see its
// migration 0005).
func (b *BulkIndexes) Restore(ctx context.Context, q *Runner) error {
	if b.Tune != nil {
		if err := b.Tune(ctx, q); err != nil {
			return fmt.Errorf("settings of the index rebuild: %w", err)
		}
	}
	tables := map[string]bool{}
	for _, ix := range b.Saved {
		if _, err := q.Exec(ctx, ix.SQL); err != nil {
			return fmt.Errorf("rebuild index %s: %w", ix.Name, err)
		}
		tables[ix.Table] = true
	}
	for _, t := range BulkTables {
		if tables[t] {
			if _, err := q.Exec(ctx, `ANALYZE `+QuoteIdent(t)); err != nil {
				return fmt.Errorf("analyze %s: %w", t, err)
			}
		}
	}
	return nil
}

// QueryBulkIndexes runs an engine's query for BulkIndexes.List: each row
// is a name, a table, the CREATE (or ADD) statement and the DROP statement
// (empty for a plain DROP INDEX).
func QueryBulkIndexes(ctx context.Context, q *Runner, query string, args ...any) ([]BulkIndex, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BulkIndex
	for rows.Next() {
		var ix BulkIndex
		if err := rows.Scan(&ix.Name, &ix.Table, &ix.SQL, &ix.Drop); err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, rows.Err()
}

// isUniqueIndex reports whether an index's CREATE statement makes it UNIQUE.
func isUniqueIndex(sql string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.Join(strings.Fields(sql), " ")), "CREATE UNIQUE ")
}

// QuoteIdent quotes an identifier (the same rule in both engines).
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
