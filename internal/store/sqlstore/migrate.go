package sqlstore

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"sort"
	"strconv"
)

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
	ms, err := Migrations(fsys)
	if err != nil {
		return err
	}
	if _, err := db.Write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("membuat schema_migrations: %w", err)
	}
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
