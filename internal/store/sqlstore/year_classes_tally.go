package sqlstore

import (
	"context"
	"strings"

	"naikkelas/internal/assessment"
)

// tallyKey is a kecamatan and a pair of verdict codes.
type tallyKey struct {
	district    string
	size, level int
}

// TallyYears implements assessment.Store for one calendar year, read from
// year_class_counts alone; businesses without a row in the year have no
// data. It declines (false) a window of several years (judging each
// business from its rows in Go was slower than EachFacts: bench/README.md),
// one business's scope, and a scope with a measurement recorded before its
// year (its date then falls in a year before its own, which EachFacts reads
// only up to the window's last year).
func (db *DB) TallyYears(ctx context.Context, yq assessment.YearQuery, fn func(string, assessment.Judgement, assessment.Judgement, int)) (bool, error) {
	if yq.Scope.BusinessID != 0 || yq.From != yq.To {
		return false, nil
	}
	q := db.Reader()
	var w Where
	if yq.District != "" {
		w.Add("b.district_code = ?", yq.District)
	}
	addScope(&w, yq.Scope)
	years := []any{yearMember, yearEarly, yq.From}
	type countRow struct {
		year int
		tallyKey
		n int
	}
	counts, err := queryRows(ctx, q, "year class counts", nil, func(s Scanner, c *countRow) error {
		return s.Scan(&c.year, &c.district, &c.size, &c.level, &c.n)
	}, `SELECT year, district_code, size_code, level_code, SUM(businesses) FROM year_class_counts b
		WHERE year IN (?`+strings.Repeat(", ?", len(years)-1)+`) AND `+w.SQL()+`
		GROUP BY year, district_code, size_code, level_code`, append(years, w.Args...)...)
	if err != nil {
		return false, err
	}
	members := map[string]int{}
	tally := map[tallyKey]int{}
	for _, c := range counts {
		switch c.year {
		case yearEarly:
			if c.n > 0 {
				return false, nil
			}
		case yearMember:
			members[c.district] += c.n
		default:
			tally[c.tallyKey] += c.n
		}
	}
	judged := map[string]int{}
	for k, n := range tally {
		fn(k.district, assessment.VerdictOf(k.size), assessment.VerdictOf(k.level), n)
		judged[k.district] += n
	}
	for d, n := range members {
		fn(d, assessment.VerdictOf(0), assessment.VerdictOf(0), n-judged[d])
	}
	return true, nil
}
