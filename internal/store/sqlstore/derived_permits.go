package sqlstore

import (
	"context"
	"fmt"
)

// DerivedCheck is something the store keeps derived from other rows as it
// writes, with a query that recomputes it from those rows and counts where
// the kept values differ: 0 when they are right.
type DerivedCheck struct {
	Name  string
	Drift string // a query of one number
}

// PermitDerived are what the permits keep derived: each permit's
// active_district (migration 0025) and the halal fact counts (0033).
var PermitDerived = []DerivedCheck{
	{"permits.active_district", `SELECT COUNT(*) FROM permits p
		LEFT JOIN businesses b ON b.id = p.business_id AND b.status = 'active'
		WHERE p.active_district <> COALESCE(b.district_code, '')`},
	{"halal_fact_counts", `SELECT COUNT(*) FROM (
		SELECT ` + halalFactColumns + `, revenue_band FROM (
			SELECT ` + halalFactColumns + `, revenue_band, businesses AS n FROM halal_fact_counts
			UNION ALL
			SELECT ` + halalFactColumns + `, revenue_band, -COUNT(*) FROM halal_business_facts
			GROUP BY ` + halalFactColumns + `, revenue_band) d
		GROUP BY ` + halalFactColumns + `, revenue_band HAVING SUM(n) <> 0) x`},
	{"halal_fact_counts.empty", `SELECT COUNT(*) FROM halal_fact_counts WHERE businesses <= 0`},
}

// Drift runs the checks and returns, for each by name, how many kept rows
// differ from the recomputation.
func (db *DB) Drift(ctx context.Context, checks []DerivedCheck) (map[string]int, error) {
	out := map[string]int{}
	for _, c := range checks {
		var n int
		if err := db.Reader().QueryRow(ctx, c.Drift).Scan(&n); err != nil {
			return nil, fmt.Errorf("check %s: %w", c.Name, err)
		}
		out[c.Name] = n
	}
	return out, nil
}
