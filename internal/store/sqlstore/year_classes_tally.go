package sqlstore

import (
	"context"

	"naikkelas/internal/assessment"
)

// tallyKey is a kecamatan and a pair of verdict codes.
type tallyKey struct {
	district    string
	size, level int
}

// TallyYears implements assessment.Store from the kept counts: one calendar
// year from year_class_counts alone (businesses without a row in the year
// have no data), several years from year_span_counts (spanCountsSQL). It
// declines (false) one business's scope and a scope with a measurement
// recorded before its year (its date then falls in a year before its own, which
// EachFacts reads only up to the window's last year).
func (db *DB) TallyYears(ctx context.Context, yq assessment.YearQuery, fn func(string, assessment.Judgement, assessment.Judgement, int)) (bool, error) {
	if yq.Scope.BusinessID != 0 || yq.From < 1 || yq.From > yq.To {
		return false, nil
	}
	var w Where
	if yq.District != "" {
		w.Add("b.district_code = ?", yq.District)
	}
	addScope(&w, yq.Scope)
	query, args := yearCountsSQL(yq, w)
	if yq.From != yq.To {
		query, args = spanCountsSQL(yq, w)
	}
	type countRow struct {
		year int
		tallyKey
		n int
	}
	counts, err := queryRows(ctx, db.Reader(), "year class counts", nil, func(s Scanner, c *countRow) error {
		return s.Scan(&c.year, &c.district, &c.size, &c.level, &c.n)
	}, query, args...)
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

// yearCountsSQL reads the active businesses, those with a measurement
// recorded before its year, and the counts of the one year of yq.
func yearCountsSQL(yq assessment.YearQuery, w Where) (string, []any) {
	return `SELECT year, district_code, size_code, level_code, SUM(businesses) FROM year_class_counts b
		WHERE year IN (?, ?, ?) AND ` + w.SQL() + `
		GROUP BY year, district_code, size_code, level_code`, append([]any{yearMember, yearEarly, yq.From}, w.Args...)
}
