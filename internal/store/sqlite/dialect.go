package sqlite

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"naikkelas/internal/store/sqlstore"
)

// dialect is SQLite's side of sqlstore.Dialect.
type dialect struct{}

func (dialect) Engine() string             { return "sqlite" }
func (dialect) Rebind(query string) string { return query }
func (dialect) ILike() string              { return "LIKE" } // ASCII case-insensitive by default

// Time stores timestamps as fixed-width UTC text, so text order is time order.
func (dialect) Time(t time.Time) any { return t.UTC().Format(sqlstore.TimeText) }

// Classify reads the extended result code of a constraint failure. SQLite
// names the constraint (CHECK) or the table.column (UNIQUE) in the message.
func (dialect) Classify(err error) (sqlstore.Violation, bool) {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return sqlstore.Violation{}, false
	}
	msg := e.Error()
	switch e.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return sqlstore.Violation{Kind: "unique", Name: msg}, true
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return sqlstore.Violation{Kind: "foreign_key", Name: msg}, true
	case sqlite3.SQLITE_CONSTRAINT_CHECK:
		return sqlstore.Violation{Kind: "check", Name: msg}, true
	case sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return sqlstore.Violation{Kind: "not_null", Name: msg}, true
	}
	if e.Code()&0xff == sqlite3.SQLITE_CONSTRAINT {
		return sqlstore.Violation{Kind: "check", Name: msg}, true
	}
	return sqlstore.Violation{}, false
}

// Busy reports a lock that outlasted busy_timeout.
func (dialect) Busy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	c := e.Code() & 0xff
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

// ftsPhrase quotes s as an FTS5 phrase; with the trigram tokenizer a phrase
// of 3+ characters matches as a substring.
func ftsPhrase(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// matchExpr is the FTS5 query for t: every group, any alternative, in any
// column, or only in the public columns (an FTS5 column filter) unless
// t.Personal.
func matchExpr(t sqlstore.Terms) string {
	parts := make([]string, len(t.Groups))
	for i, g := range t.Groups {
		alts := make([]string, len(g))
		for j, a := range g {
			alts[j] = ftsPhrase(a)
		}
		parts[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	expr := strings.Join(parts, " AND ")
	if t.Personal {
		return expr
	}
	return "{" + strings.Join(sqlstore.PublicSearchColumns, " ") + "} : (" + expr + ")"
}

const ftsMatch = "b.id IN (SELECT rowid FROM businesses_fts WHERE businesses_fts MATCH ?)"

// SearchAll matches every group in one FTS5 query. The index holds active
// businesses only; archived ones are searched with LIKE.
func (dialect) SearchAll(t sqlstore.Terms, archived bool) (string, []any) {
	if archived {
		return likeAll(t)
	}
	return ftsMatch, []any{matchExpr(t)}
}

// SearchCount counts from the FTS5 index alone (it holds active businesses only).
func (dialect) SearchCount(t sqlstore.Terms) (string, []any) {
	return "SELECT COUNT(*) FROM businesses_fts WHERE businesses_fts MATCH ?", []any{matchExpr(t)}
}

// SearchIDs reads the matching rowids from the FTS5 index alone; in
// descending rowid order (the index's own, so LIMIT stops the scan early)
// when newestFirst. Unordered, they materialise faster for an IN probe.
func (dialect) SearchIDs(t sqlstore.Terms, newestFirst bool) (string, []any) {
	q := "SELECT rowid FROM businesses_fts WHERE businesses_fts MATCH ?"
	if newestFirst {
		q += " ORDER BY rowid DESC"
	}
	return q, []any{matchExpr(t)}
}

// SearchJoin walks the FTS5 matches newest first and looks each up in the
// table (CROSS JOIN fixes that loop order), stopping once a page is full.
func (dialect) SearchJoin(t sqlstore.Terms) (string, string, []any) {
	return "businesses_fts f CROSS JOIN businesses b ON b.id = f.rowid AND f.businesses_fts MATCH ?",
		"f.rowid DESC", []any{matchExpr(t)}
}

// SearchFrom reads a name-sorted page of search matches through a narrow
// index keyed by id: looking up each match's name there is several times
// cheaper than in the table, which matters when a search matches thousands.
func (dialect) SearchFrom(sort string) string {
	if sort == "" || sort == "name" {
		return "businesses b INDEXED BY ix_businesses_id_name"
	}
	return "businesses b"
}

// likeAll is the index-less form of SearchAll, for the few archived rows.
func likeAll(t sqlstore.Terms) (string, []any) {
	var ands []string
	var args []any
	for _, g := range t.Groups {
		var ors []string
		for _, a := range g {
			p := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(a) + "%"
			for _, col := range t.Columns() {
				ors = append(ors, "b."+col+` LIKE ? ESCAPE '\'`)
				args = append(args, p)
			}
		}
		ands = append(ands, "("+strings.Join(ors, " OR ")+")")
	}
	return "(" + strings.Join(ands, " AND ") + ")", args
}

// InIDs passes the ids as one JSON array parameter.
func (dialect) InIDs(col string, ids []int64) (string, any) {
	raw, _ := json.Marshal(ids)
	return col + " IN (SELECT value FROM json_each(?))", string(raw)
}

// ColumnTypes are SQLite's: integers are INTEGER of any size, an INTEGER
// PRIMARY KEY is the rowid, booleans are 0 and 1.
func (dialect) ColumnTypes() sqlstore.ColumnTypes {
	return sqlstore.ColumnTypes{ID: "INTEGER PRIMARY KEY", SerialID: "INTEGER PRIMARY KEY", BigInt: "INTEGER",
		SmallInt: "INTEGER", Bool: "INTEGER", False: "0", Float: "REAL", Bytes: "BLOB", Time: "TEXT"}
}
