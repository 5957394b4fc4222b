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

// pattern is a substring LIKE pattern for s. The search columns are stored
// lower-cased, so LIKE on the lower-cased pattern equals ILIKE and is cheaper
// per row.
func pattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(s)) + "%"
}

// SearchAll ANDs one LIKE group per word. Each pattern is matched against
// search_public (name, brand, owner name, NIB) and, when t.Personal, also
// search_personal (NIK, phone); a GIN trigram index on each serves it, so a
// reader who may not search personal data never reads its index.
func (dialect) SearchAll(t sqlstore.Terms, _ bool) (string, []any) {
	var conds []string
	var args []any
	for _, g := range t.Groups {
		var ors []string
		for _, a := range g {
			ors = append(ors, "b.search_public LIKE ?")
			args = append(args, pattern(a))
			if t.Personal {
				ors = append(ors, "b.search_personal LIKE ?")
				args = append(args, pattern(a))
			}
		}
		conds = append(conds, "("+strings.Join(ors, " OR ")+")")
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}

// InIDs passes the ids as one bigint[] parameter.
func (dialect) InIDs(col string, ids []int64) (string, any) {
	return col + " = ANY(?)", ids
}
