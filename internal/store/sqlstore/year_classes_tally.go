package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"naikkelas/internal/assessment"
)

// tallyKey is a kecamatan and a pair of verdict codes.
type tallyKey struct {
	district    string
	size, level int
}

// TallyYears implements assessment.Store. One year is read from
// year_class_counts alone; several years judge each business from its
// rows in business_year_classes. Businesses without a row in the window have
// no data. It declines (false) for one business's scope and when a
// measurement in scope was recorded before its year (its date then falls
// in a year before its own, which EachFacts reads only up to the window's
// last year).
func (db *DB) TallyYears(ctx context.Context, yq assessment.YearQuery, fn func(string, assessment.Judgement, assessment.Judgement, int)) (bool, error) {
	if yq.Scope.BusinessID != 0 || yq.From > yq.To {
		return false, nil
	}
	q := db.Reader()
	var w Where
	if yq.District != "" {
		w.Add("b.district_code = ?", yq.District)
	}
	addScope(&w, yq.Scope)
	years := []any{yearMember, yearEarly}
	if yq.From == yq.To {
		years = append(years, yq.From)
	}
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
	if yq.From != yq.To {
		if tally, err = q.tallySpan(ctx, yq, w); err != nil {
			return false, err
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

// tallySpan judges each business with rows in the years of yq from them.
func (q *Runner) tallySpan(ctx context.Context, yq assessment.YearQuery, w Where) (map[tallyKey]int, error) {
	rows, err := q.Query(ctx, `SELECT `+yearRowCols+` FROM business_year_classes b
		WHERE year BETWEEN ? AND ? AND `+w.SQL()+` ORDER BY business, year`, append([]any{yq.From, yq.To}, w.Args...)...)
	if err != nil {
		return nil, fmt.Errorf("year class rows: %w", err)
	}
	defer rows.Close()
	tally := map[tallyKey]int{}
	var sizes, levels []assessment.YearSummary
	var cur yearRow
	flush := func() {
		if len(sizes) > 0 {
			k := tallyKey{cur.district, assessment.VerdictCode(assessment.JudgeYears(sizes)),
				assessment.VerdictCode(assessment.JudgeYears(levels))}
			tally[k]++
		}
		sizes, levels = sizes[:0], levels[:0]
	}
	for rows.Next() {
		var r yearRow
		if err := scanYearRow(rows, &r); err != nil {
			return nil, err
		}
		if r.business != cur.business {
			flush()
		}
		cur = r
		sizes, levels = append(sizes, r.size), append(levels, r.level)
	}
	flush()
	return tally, rows.Err()
}
