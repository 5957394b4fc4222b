// Package sqlstore holds the SQL that the SQLite and PostgreSQL engines share.
// Queries are written once, with ? placeholders and standard SQL; a Dialect
// isolates what differs between the engines: placeholder style, time values,
// full-text search, ID-set parameters and how driver errors are classified.
//
// How to add queries (for engine packages and later domains):
//   - Queries run on a *Runner: a Conn (a pool, a transaction or a single
//     connection) plus the Dialect. Runner.Exec, Runner.Query,
//     Runner.QueryRow and Runner.InsertID rebind ? placeholders, so methods
//     that must run inside a transaction simply take a *Runner.
//   - DB.Tx runs a function in a write transaction on the write pool (a single
//     connection on SQLite, so writes are serialised) and maps any error with
//     MapError. DB.Reader returns a *Runner on the read pool, DB.Writer one on
//     the write pool for single statements outside a transaction.
//   - ScanTime reads a timestamp column of either engine.
//   - MapError turns constraint violations into apperr Conflict/Invalid
//     errors with Indonesian messages; add new constraints to the table in
//     errors.go, named identically in both engines' migrations.
//
// Two pieces of machinery have their own file and design note:
// search_plan.go (how a search is counted and paged so that its cost follows
// the page) and bulk_indexes.go (how a large import drops and rebuilds
// secondary indexes).
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Conn is what a query runs on: *sql.DB, *sql.Tx or *sql.Conn.
type Conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Violation classifies a constraint error reported by a driver.
type Violation struct {
	Kind string // "unique", "foreign_key", "check", "not_null"
	Name string // constraint name, or the driver's text naming it (e.g. "businesses.nib")
}

// Dialect is what differs between the engines.
type Dialect interface {
	// Engine returns "sqlite" or "postgres".
	Engine() string
	// Rebind converts ? placeholders into the engine's style.
	Rebind(query string) string
	// Time converts a timestamp into the value stored for it.
	Time(t time.Time) any
	// Classify reports whether err is a constraint violation; ok=false otherwise.
	Classify(err error) (v Violation, ok bool)
	// Busy reports whether err means the database was locked or a serialization failed.
	Busy(err error) bool
	// SearchAll returns a condition on alias b matching rows in which every
	// group of t has one alternative (each at least 3 characters) occurring
	// as a substring of a searched column: the public ones, and the personal
	// ones only when t.Personal. archived tells that the filter selects
	// archived businesses (which an engine's index may leave out).
	SearchAll(t Terms, archived bool) (cond string, args []any)
	// InIDs returns a condition "col is one of ids" with a single parameter.
	InIDs(col string, ids []int64) (cond string, arg any)
	// ILike is the case-insensitive LIKE operator.
	ILike() string
	// ColumnTypes names the engine's column types for the shared migrations.
	ColumnTypes() ColumnTypes
}

// DB bundles the read and write pools of one database.
type DB struct {
	Read    *sql.DB // reads; may be the same pool as Write
	Write   *sql.DB // writes; one connection on SQLite
	Dialect Dialect

	// beforeYearClasses: MigrateTo stopped before the per-year summaries
	// existed (a migration test), so writes skip them; the migration that
	// creates them computes them from whatever is stored by then.
	beforeYearClasses bool
	// beforeYearSpans: the same for the counts of windows of several years.
	beforeYearSpans bool
}

// Runner runs queries on one Conn (a pool or a transaction) with ? placeholders.
type Runner struct {
	Conn    Conn
	Dialect Dialect

	noYearClasses bool // see DB.beforeYearClasses
	noYearSpans   bool // see DB.beforeYearSpans

	heldCounts map[countKey]int // see holdCounts
}

// On returns a Runner on c, a connection or transaction of db.
func (db *DB) On(c Conn) *Runner {
	return &Runner{Conn: c, Dialect: db.Dialect, noYearClasses: db.beforeYearClasses, noYearSpans: db.beforeYearSpans}
}

// Reader returns a Runner on the read pool.
func (db *DB) Reader() *Runner { return db.On(db.Read) }

// Writer returns a Runner on the write pool (single statements outside a transaction).
func (db *DB) Writer() *Runner { return db.On(db.Write) }

// Tx runs fn in a transaction on the write pool, commits if fn returns nil
// and rolls back otherwise. The returned error has passed MapError.
func (db *DB) Tx(ctx context.Context, fn func(q *Runner) error) error {
	tx, err := db.Write.BeginTx(ctx, nil)
	if err != nil {
		return db.MapError(fmt.Errorf("begin: %w", err))
	}
	if err := fn(db.On(tx)); err != nil {
		_ = tx.Rollback()
		return db.MapError(err)
	}
	if err := tx.Commit(); err != nil {
		return db.MapError(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// Exec runs a statement.
func (q *Runner) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return q.Conn.ExecContext(ctx, q.Dialect.Rebind(query), args...)
}

// Query runs a query returning rows.
func (q *Runner) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.Conn.QueryContext(ctx, q.Dialect.Rebind(query), args...)
}

// QueryRow runs a query returning at most one row.
func (q *Runner) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return q.Conn.QueryRowContext(ctx, q.Dialect.Rebind(query), args...)
}

// InsertID runs an INSERT … RETURNING id and returns the id.
func (q *Runner) InsertID(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := q.QueryRow(ctx, query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// RebindDollar turns ? placeholders into $1, $2, … (PostgreSQL). A ? inside
// a single-quoted literal is left alone.
func RebindDollar(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n, inStr := 0, false
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'':
			inStr = !inStr
			b.WriteByte(c)
		case c == '?' && !inStr:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// TimeText is how SQLite stores timestamps: UTC, fixed width, so that text
// order is time order.
const TimeText = "2006-01-02T15:04:05.000000Z"

// timeScanner reads a timestamp stored as time.Time (PostgreSQL) or text (SQLite).
type timeScanner struct{ t *time.Time }

func (s timeScanner) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*s.t = time.Time{}
	case time.Time:
		*s.t = x.UTC()
	case string:
		return s.parse(x)
	case []byte:
		return s.parse(string(x))
	default:
		return fmt.Errorf("sqlstore: cannot scan %T into time", v)
	}
	return nil
}

func (s timeScanner) parse(x string) error {
	for _, layout := range []string{TimeText, time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, x); err == nil {
			*s.t = t.UTC()
			return nil
		}
	}
	return fmt.Errorf("sqlstore: bad time %q", x)
}

// ScanTime returns a scanner into t for timestamps of either engine.
func ScanTime(t *time.Time) sql.Scanner { return timeScanner{t} }

// ErrNoRows reports whether err is sql.ErrNoRows.
func ErrNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// Now is the store's clock, truncated to microseconds (what both engines keep).
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
