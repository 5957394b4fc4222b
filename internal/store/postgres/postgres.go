// Package postgres is the PostgreSQL storage engine (pgx/v5 through
// database/sql), for a province or a whole country.
//
// Layout, for whoever adds files here (imports*.go, programs*.go, …):
//   - Store embeds *sqlstore.DB; Read and Write are the same pgx pool.
//   - s.Tx(ctx, func(q *sqlstore.Runner) error) runs a transaction; q.Exec,
//     q.Query, q.QueryRow and q.InsertID take ? placeholders, which
//     dialect.Rebind turns into $1, $2, … so the SQL is shared with SQLite.
//   - Errors pass through sqlstore.MapError, which uses dialect.Classify
//     (dialect.go: SQLSTATE and constraint name) to produce apperr
//     Conflict/Invalid with Indonesian messages.
//   - Search uses pg_trgm GIN indexes on businesses.search_public and,
//     for readers who see personal data, search_personal (dialect.go).
//   - Bulk loads use COPY through withPgx (copy.go).
//   - Migrations are migrations/NNNN_name.sql, embedded, applied in order
//     under an advisory lock, together with those both engines share
//     (sqlstore/migrations, written with the column types of
//     dialect.ColumnTypes).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"naikkelas/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// TypoThreshold is pg_trgm.word_similarity_threshold for the typo fallback.
const TypoThreshold = "0.3"

// LockTimeout is the connections' lock_timeout, unless the DSN sets one.
const LockTimeout = "10s"

// Store is the PostgreSQL implementation of store.Store.
type Store struct {
	*sqlstore.DB
}

// Open connects to the database at dsn (a postgres:// URL). It does not
// migrate; call Migrate.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("alamat PostgreSQL tidak valid: %s", oneLine(err))
	}
	// One typo in a word of 5+ letters keeps about a third of its trigrams;
	// the candidates are verified by edit distance afterwards.
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["pg_trgm.word_similarity_threshold"] = TypoThreshold
	// A statement that waits this long for a lock fails as "busy" (the
	// store's 10 s busy_timeout on SQLite), instead of hanging a web
	// request: a bulk import holds the registry's tables until it commits.
	// Migrations and imports wait without limit (SET LOCAL lock_timeout).
	// A lock_timeout in the DSN wins.
	if _, ok := cfg.RuntimeParams["lock_timeout"]; !ok {
		cfg.RuntimeParams["lock_timeout"] = LockTimeout
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("tidak dapat terhubung ke PostgreSQL %s:%d/%s: %s", cfg.Host, cfg.Port, cfg.Database, oneLine(err))
	}
	return &Store{DB: &sqlstore.DB{Read: db, Write: db, Dialect: dialect{}}}, nil
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }

// Engine implements store.Store.
func (s *Store) Engine() string { return "postgres" }

// Migrate implements store.Store. A missing pg_trgm extension gets a message
// saying which package to install.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	err = s.DB.Migrate(ctx, sub, "SET LOCAL lock_timeout = 0; SELECT pg_advisory_xact_lock(7241706)")
	if err != nil && strings.Contains(err.Error(), "pg_trgm") {
		return fmt.Errorf("ekstensi PostgreSQL pg_trgm tidak tersedia: pasang paket postgresql-contrib "+
			"(Debian: apt-get install postgresql-contrib) atau jalankan CREATE EXTENSION pg_trgm sebagai superuser (%s)", oneLine(err))
	}
	return err
}

// MigrateTo applies the migrations up to version last (for migration tests).
func (s *Store) MigrateTo(ctx context.Context, last int) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	return s.DB.MigrateTo(ctx, sub, "SET LOCAL lock_timeout = 0; SELECT pg_advisory_xact_lock(7241706)", last)
}

// Ping implements store.Store.
func (s *Store) Ping(ctx context.Context) error { return s.Read.PingContext(ctx) }

// Close implements store.Store.
func (s *Store) Close() error { return s.Read.Close() }

// withPgx runs fn on conn's native pgx connection (for COPY), inside
// whatever transaction is open on conn.
func withPgx(conn *sql.Conn, fn func(*pgx.Conn) error) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("postgres: unexpected driver connection %T", dc)
		}
		return fn(c.Conn())
	})
}
