package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
)

// queryRows runs query on q and reads every row with scan, appending to out.
// what names the list in the error of a failed query. Callers pass []T{} for
// a list that must encode as [] in JSON when empty, or nil where nil is what
// they promised.
func queryRows[T any](ctx context.Context, q *Runner, what string, out []T, scan func(Scanner, *T) error,
	query string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return scanRows(rows, out, scan)
}

// scanRows reads every row of rows with scan, appending to out, and closes rows.
func scanRows[T any](rows *sql.Rows, out []T, scan func(Scanner, *T) error) ([]T, error) {
	defer rows.Close()
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// QueryMap runs a query of two columns, a key and a value, into a map.
func QueryMap[K comparable, V any](ctx context.Context, q *Runner, what string, query string, args ...any) (map[K]V, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out := map[K]V{}
	for rows.Next() {
		var k K
		var v V
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// into adapts a scan function that returns a new value to queryRows.
func into[T any](scan func(Scanner) (*T, error)) func(Scanner, *T) error {
	return func(s Scanner, v *T) error {
		got, err := scan(s)
		if err == nil {
			*v = *got
		}
		return err
	}
}

// queryOne runs a query of at most one row and reads it with scan. No row
// is the error notFound; what names the query in any other error.
func queryOne[T any](ctx context.Context, q *Runner, notFound error, what string, scan func(Scanner, *T) error,
	query string, args ...any) (*T, error) {
	var v T
	err := scan(q.QueryRow(ctx, query, args...), &v)
	if ErrNoRows(err) {
		return nil, notFound
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return &v, nil
}
