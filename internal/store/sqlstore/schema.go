package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Tables returns the names of the schema's tables, in order.
func (db *DB) Tables(ctx context.Context) ([]string, error) {
	return db.TablesWithColumn(ctx, "")
}

// TablesWithColumn returns the names of the schema's tables that have a
// column named column ("" = every table), in order.
func (db *DB) TablesWithColumn(ctx context.Context, column string) ([]string, error) {
	query := `SELECT DISTINCT m.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND (CAST(? AS TEXT) = '' OR p.name = ?) ORDER BY m.name`
	if db.Dialect.Engine() == "postgres" {
		query = `SELECT DISTINCT c.table_name FROM information_schema.columns c
			JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
			WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND (CAST(? AS TEXT) = '' OR c.column_name = ?)
			ORDER BY c.table_name`
	}
	return queryRows(ctx, db.Reader(), "tables", nil, func(s Scanner, name *string) error {
		return s.Scan(name)
	}, query, column, column)
}

// Snapshot returns every row of table as one line of text each, sorted: two
// snapshots are equal when the table holds the same rows.
func (db *DB) Snapshot(ctx context.Context, table string) ([]string, error) {
	rows, err := db.Reader().Query(ctx, `SELECT * FROM `+table)
	if err != nil {
		return nil, fmt.Errorf("snapshot %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		dest := make([]any, len(cols))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		parts := make([]string, len(cols))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts[i] = fmt.Sprintf("%s=%v", cols[i], v)
		}
		out = append(out, strings.Join(parts, " "))
	}
	slices.Sort(out)
	return out, rows.Err()
}
