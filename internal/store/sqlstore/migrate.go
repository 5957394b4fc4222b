package sqlstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
)

// shared holds the migrations whose SQL the engines share but for column
// types: text/template files naming them as {{.Time}}, {{.BigInt}}, … (see
// ColumnTypes). A number lives either here or in both engines' own
// migrations, never in both places.
//
//go:embed migrations/*.sql
var shared embed.FS

// ColumnTypes are the column types that differ between the engines, as the
// shared migrations name them.
type ColumnTypes struct {
	ID       string // an integer primary key the database numbers itself
	SerialID string // the same as migration 0015 spells it (BIGSERIAL on PostgreSQL)
	BigInt   string // a 64-bit integer: ids of other rows, counters
	SmallInt string
	Bool     string
	False    string // the literal false, for defaults
	Float    string
	Bytes    string
	Time     string // a timestamp (UTC text on SQLite, see TimeText)
}

var migrationName = regexp.MustCompile(`^(\d{4})_[a-z0-9_]+\.sql$`)

// Migration is one numbered .sql file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads every NNNN_name.sql file at the root of fsys, in order.
// Two files with the same number are an error.
func Migrations(fsys fs.FS) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []Migration
	seen := map[int]string{}
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil {
			continue
		}
		v, _ := strconv.Atoi(m[1])
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrasi %s dan %s bernomor sama", prev, e.Name())
		}
		seen[v] = e.Name()
		raw, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: e.Name(), SQL: string(raw)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// migrations returns the engine's own migrations (fsys) and the shared ones
// written out with the dialect's column types, in order. Only the version
// is recorded of an applied migration, so a migration moved between fsys and
// the shared ones is not applied again.
func (db *DB) migrations(fsys fs.FS) ([]Migration, error) {
	own, err := Migrations(fsys)
	if err != nil {
		return nil, err
	}
	sub, err := fs.Sub(shared, "migrations")
	if err != nil {
		return nil, err
	}
	common, err := Migrations(sub)
	if err != nil {
		return nil, err
	}
	types := db.Dialect.ColumnTypes()
	for i, m := range common {
		t, err := template.New(m.Name).Option("missingkey=error").Parse(m.SQL)
		if err != nil {
			return nil, fmt.Errorf("migrasi %s: %w", m.Name, err)
		}
		var b strings.Builder
		if err := t.Execute(&b, types); err != nil {
			return nil, fmt.Errorf("migrasi %s: %w", m.Name, err)
		}
		common[i].SQL = b.String()
	}
	all := append(own, common...)
	sort.Slice(all, func(i, j int) bool { return all[i].Version < all[j].Version })
	for i := 1; i < len(all); i++ {
		if all[i].Version == all[i-1].Version {
			return nil, fmt.Errorf("migrasi %s dan %s bernomor sama", all[i-1].Name, all[i].Name)
		}
	}
	return all, nil
}

// migrationSteps fill, in a migration's transaction and after its SQL, what
// SQL alone cannot: tables derived by Go code.
var migrationSteps = map[int]func(ctx context.Context, q *Runner) error{
	yearClassesVersion: rebuildYearClasses,
	yearSpansVersion:   fillYearSpans,
	stockCountsVersion: writeClassFlows,
}

// yearClassesVersion is the migration that creates the per-year summaries,
// yearSpansVersion the one that adds the counts of windows of several years,
// stockCountsVersion the one that keeps the register's stocks and the class
// flows.
const (
	yearClassesVersion = 29
	yearSpansVersion   = 35
	stockCountsVersion = 37
)

// Migrate applies the migrations of fsys not yet recorded in
// schema_migrations, each in its own transaction together with its record.
// lock, when not empty, is run first in each transaction (PostgreSQL takes an
// advisory lock so that two processes cannot migrate at once).
func (db *DB) Migrate(ctx context.Context, fsys fs.FS, lock string) error {
	return db.MigrateTo(ctx, fsys, lock, math.MaxInt)
}

// MigrateTo is Migrate stopping after version last: a test of a migration
// fills a database as it was before, then applies the rest.
func (db *DB) MigrateTo(ctx context.Context, fsys fs.FS, lock string, last int) error {
	ms, err := db.migrations(fsys)
	if err != nil {
		return err
	}
	if _, err := db.Write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("membuat schema_migrations: %w", err)
	}
	db.beforeYearClasses = last < yearClassesVersion
	db.beforeYearSpans = last < yearSpansVersion
	for _, m := range ms {
		if m.Version > last {
			break
		}
		err := db.Tx(ctx, func(q *Runner) error {
			if lock != "" {
				if _, err := q.Exec(ctx, lock); err != nil {
					return err
				}
			}
			var n int
			if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := q.Conn.ExecContext(ctx, m.SQL); err != nil {
				return err
			}
			if step := migrationSteps[m.Version]; step != nil {
				// A step before the span counts existed must not write them.
				q.noYearSpans = q.noYearSpans || m.Version < yearSpansVersion
				if err := step(ctx, q); err != nil {
					return err
				}
			}
			_, err := q.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.Version, m.Name, Now().Format(TimeText))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrasi %s gagal: %w", m.Name, err)
		}
	}
	return nil
}
