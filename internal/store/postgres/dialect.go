package postgres

import (
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"naikkelas/internal/store/sqlstore"
)

// dialect is PostgreSQL's side of sqlstore.Dialect.
type dialect struct{}

func (dialect) Engine() string             { return "postgres" }
func (dialect) Rebind(query string) string { return sqlstore.RebindDollar(query) }
func (dialect) ILike() string              { return "ILIKE" }
func (dialect) Time(t time.Time) any       { return t.UTC() }

// Classify reads the SQLSTATE and constraint (or unique index) name.
func (dialect) Classify(err error) (sqlstore.Violation, bool) {
	var e *pgconn.PgError
	if !errors.As(err, &e) {
		return sqlstore.Violation{}, false
	}
	kind := map[string]string{"23505": "unique", "23503": "foreign_key", "23514": "check", "23502": "not_null"}[e.Code]
	if kind == "" {
		return sqlstore.Violation{}, false
	}
	return sqlstore.Violation{Kind: kind, Name: e.ConstraintName}, true
}

// Busy reports serialization failures, deadlocks and lock timeouts.
func (dialect) Busy(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && (e.Code == "40001" || e.Code == "40P01" || e.Code == "55P03")
}

// pattern is a substring LIKE pattern for s. search_text is stored lower-cased,
// so LIKE on the lower-cased pattern equals ILIKE and is cheaper per row.
func pattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(s)) + "%"
}

// SearchAll ANDs one LIKE group per word; the GIN trigram index on
// search_text serves each pattern.
func (dialect) SearchAll(groups [][]string, _ bool) (string, []any) {
	var conds []string
	var args []any
	for _, g := range groups {
		ors := make([]string, len(g))
		for i, a := range g {
			ors[i] = "b.search_text LIKE ?"
			args = append(args, pattern(a))
		}
		conds = append(conds, "("+strings.Join(ors, " OR ")+")")
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}

// SearchTypo finds typo candidates with the GIN trigram index: rows holding
// any of the word's TypoPhrases (one edit leaves one of them intact), a
// bitmap OR of index scans. (The <% word-similarity operator needs a
// threshold so low, about 0.3, for one typo in five letters that its index
// scan rechecks far more rows.)
func (dialect) SearchTypo(word string, _ bool) (string, []any) {
	phrases := sqlstore.TypoPhrases(word)
	ors := make([]string, len(phrases))
	args := make([]any, len(phrases))
	for i, p := range phrases {
		ors[i] = "b.search_text LIKE ?"
		args[i] = pattern(p)
	}
	return "(" + strings.Join(ors, " OR ") + ")", args
}

// InIDs passes the ids as one bigint[] parameter.
func (dialect) InIDs(col string, ids []int64) (string, any) {
	return col + " = ANY(?)", ids
}
