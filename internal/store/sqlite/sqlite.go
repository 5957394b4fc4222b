// Package sqlite is the embedded storage engine (modernc.org/sqlite, pure Go).
//
// Layout, for whoever adds files here (imports*.go, programs*.go, …):
//   - Store embeds *sqlstore.DB, which holds the two pools: s.Read (several
//     connections, WAL readers) and s.Write (one connection, so writes are
//     serialised; transactions start with BEGIN IMMEDIATE).
//   - s.Tx(ctx, func(q *sqlstore.Runner) error) runs a write transaction; q.Exec,
//     q.Query, q.QueryRow and q.InsertID take ? placeholders (rebinding is a
//     no-op here and $n on PostgreSQL, so the same SQL serves both engines).
//     s.Reader() is a *sqlstore.Runner on the read pool.
//   - Errors: s.Tx passes errors through sqlstore.MapError, which uses
//     dialect.Classify (dialect.go) to turn SQLite constraint codes into
//     apperr Conflict/Invalid with Indonesian messages.
//   - Search uses the FTS5 trigram table businesses_fts (dialect.go), kept in
//     sync by triggers and holding active businesses only. Bulk inserts should
//     run inside DeferSearchIndex (batch.go): row-by-row FTS5 indexing is
//     what makes big loads slow. Optimize merges the index after huge loads.
//   - Migrations are migrations/NNNN_name.sql, embedded and applied in order
//     together with those both engines share (sqlstore/migrations, written
//     with the column types of dialect.ColumnTypes).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"naikkelas/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQLite implementation of store.Store.
type Store struct {
	*sqlstore.DB
	path string
}

// dsn builds the connection string; busy_timeout comes first so that the
// other pragmas already wait for a lock instead of failing. A new database
// gets 16 KB pages, set before WAL mode fixes the size (the driver runs the
// _pragma list, sorted by name, before _journal_mode): a million-business
// import then writes and rereads a quarter as many pages as with 4 KB, and
// rebuilds its indexes faster (bench/README.md). An existing database keeps
// its page size.
func dsn(path string, write bool) string {
	v := url.Values{}
	v.Add("_pragma", "busy_timeout(10000)")
	v.Add("_pragma", "page_size(16384)")
	v.Set("_journal_mode", "WAL")
	v.Add("_pragma", "foreign_keys(1)")
	v.Add("_pragma", "synchronous(NORMAL)")
	// Statement journals and sorts stay in memory; a larger page cache keeps
	// a bulk load from spilling to the WAL page by page.
	v.Add("_pragma", "temp_store(MEMORY)")
	v.Add("_pragma", "cache_size(-65536)")
	if write {
		v.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + v.Encode()
}

// Open opens (creating if needed) the database file at path. It does not
// migrate; call Migrate.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("path database SQLite kosong")
	}
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("database SQLite harus berupa path berkas biasa (bukan %q); untuk uji pakai berkas di t.TempDir()", path)
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("path database SQLite tidak boleh berisi '?' atau '#': %s", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("tidak dapat membuka database %s: folder %s tidak ada", path, dir)
		}
	}
	write, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("tidak dapat membuka database %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("tidak dapat membuka database %s: %w", path, err)
	}
	read, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("tidak dapat membuka database %s: %w", path, err)
	}
	n := max(4, runtime.NumCPU())
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	s := &Store{DB: &sqlstore.DB{Read: read, Write: write, Dialect: dialect{}}, path: path}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("tidak dapat membuka database %s: %w", path, err)
	}
	return s, nil
}

// Engine implements store.Store.
func (s *Store) Engine() string { return "sqlite" }

// Migrate implements store.Store.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	return s.DB.Migrate(ctx, sub, "")
}

// MigrateTo applies the migrations up to version last (for migration tests).
func (s *Store) MigrateTo(ctx context.Context, last int) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	return s.DB.MigrateTo(ctx, sub, "", last)
}

// Ping implements store.Store: it checks both pools.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.Write.PingContext(ctx); err != nil {
		return err
	}
	var one int
	return s.Read.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Close implements store.Store.
func (s *Store) Close() error {
	err1 := s.Read.Close()
	err2 := s.Write.Close()
	if err1 != nil {
		return err1
	}
	return err2
}

// Backup writes a consistent copy of the live database to path with VACUUM
// INTO. The target must not exist yet.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("berkas cadangan %s sudah ada", path)
	}
	if _, err := s.Write.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("gagal membuat cadangan ke %s: %w", path, err)
	}
	return nil
}
