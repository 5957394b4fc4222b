// Package engine chooses and opens a storage engine: SQLite for a file,
// PostgreSQL for a postgres:// URL. Only the places that choose an engine
// import it (the app, the CLI and tests); everything else works on the
// store.Store interface, so the web layer and the domains never link a
// database driver.
package engine

import (
	"context"
	"fmt"
	"strings"

	"naikkelas/internal/store"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/sqlite"
)

// Both engines implement everything naikkelas persists.
var (
	_ store.Store = (*sqlite.Store)(nil)
	_ store.Store = (*postgres.Store)(nil)
	_ Backuper    = (*sqlite.Store)(nil)
)

// Backuper is implemented by engines that can copy a live database to a
// file themselves (SQLite). For PostgreSQL, use pg_dump.
type Backuper interface {
	Backup(ctx context.Context, path string) error
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than a SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database named by dsn and brings its schema up to date. A
// postgres:// or postgresql:// URL opens PostgreSQL; anything else is the
// path of a SQLite file, created when absent. Errors are one line, fit to
// print for the user.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	var s store.Store
	if IsPostgres(dsn) {
		pg, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		s = pg
	} else {
		lite, err := sqlite.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		s = lite
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("tidak dapat memperbarui skema database: %w", oneLine(err))
	}
	return s, nil
}

// oneLine keeps an error message on one line (driver messages may hold newlines).
type lineErr struct{ err error }

func (e lineErr) Error() string { return strings.Join(strings.Fields(e.err.Error()), " ") }
func (e lineErr) Unwrap() error { return e.err }

func oneLine(err error) error { return lineErr{err} }
