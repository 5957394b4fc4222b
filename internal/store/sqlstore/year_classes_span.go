package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/assessment"
)

// Windows of several whole years (migration 0035). A window's verdicts
// depend only on the business's year rows inside it, and those are the
// rows of the years from the first to the last year with evidence in the
// window. So for every pair of its evidence years a ≤ b a business adds
// one to year_span_counts with the verdicts of the rows a..b and the
// windows that hold exactly those rows: starting after the evidence year
// before a and by a, ending from b and before the evidence year after b.
// A window counts the rows whose bounds hold it; a business with no
// evidence in the window has no such row and no data.

// yearSpan bounds the windows [from, to] of one row of year_span_counts:
// fromLo ≤ from ≤ fromHi and toLo ≤ to ≤ toHi.
type yearSpan struct{ fromLo, fromHi, toLo, toHi int }

// spanOpen is toHi when no later year has evidence.
const spanOpen = 9999

const spanCountCols = `from_lo, from_hi, to_lo, to_hi, district_code, village_code, size_code, level_code`

// spanKeys are the rows of year_span_counts that a business's rows (in
// year order) add one to; a pair of years without a verdict of either kind
// adds nothing.
func spanKeys(rows []yearRow) []countKey {
	var years []yearRow
	for _, r := range rows {
		if r.year != yearMember {
			years = append(years, r)
		}
	}
	var keys []countKey
	sizes := make([]assessment.YearSummary, 0, len(years))
	levels := make([]assessment.YearSummary, 0, len(years))
	for i, a := range years {
		sp := yearSpan{fromLo: 1, fromHi: a.year}
		if i > 0 {
			sp.fromLo = years[i-1].year + 1
		}
		sizes, levels = sizes[:0], levels[:0]
		for j := i; j < len(years); j++ {
			sizes, levels = append(sizes, years[j].size), append(levels, years[j].level)
			size := assessment.VerdictCode(assessment.JudgeYears(sizes))
			level := assessment.VerdictCode(assessment.JudgeYears(levels))
			if size == 0 && level == 0 {
				continue
			}
			sp.toLo, sp.toHi = years[j].year, spanOpen
			if j+1 < len(years) {
				sp.toHi = years[j+1].year - 1
			}
			keys = append(keys, countKey{span: sp, district: a.district, village: a.village, size: size, level: level})
		}
	}
	return keys
}

// spanCountsSQL reads, in one statement, the active businesses and those
// with a measurement recorded before its year (as the one-year query does)
// and the span counts of the window yq, labelled with its last year.
func spanCountsSQL(yq assessment.YearQuery, w Where) (string, []any) {
	query := `SELECT year, district_code, size_code, level_code, SUM(businesses) FROM year_class_counts b
		WHERE year IN (?, ?) AND ` + w.SQL() + `
		GROUP BY year, district_code, size_code, level_code
		UNION ALL
		SELECT ` + fmt.Sprint(yq.To) + `, district_code, size_code, level_code, SUM(businesses) FROM year_span_counts b
		WHERE from_hi BETWEEN ? AND ? AND to_lo BETWEEN ? AND ? AND from_lo <= ? AND to_hi >= ? AND ` + w.SQL() + `
		GROUP BY district_code, size_code, level_code`
	args := append([]any{yearMember, yearEarly}, w.Args...)
	args = append(args, yq.From, yq.To, yq.From, yq.To, yq.From, yq.To)
	return query, append(args, w.Args...)
}

// fillYearSpans computes year_span_counts from the stored year rows
// (migration 0035).
func fillYearSpans(ctx context.Context, q *Runner) error {
	if _, err := q.Exec(ctx, `DELETE FROM year_span_counts`); err != nil {
		return err
	}
	delta := map[countKey]int{}
	err := q.eachIDChunk(ctx, `SELECT business FROM business_year_classes WHERE year = ? ORDER BY business`, []any{yearMember},
		func(ids []int64) error {
			cond, arg := q.Dialect.InIDs("business", ids)
			rows, err := queryRows(ctx, q, "stored year rows", nil, func(s Scanner, r *yearRow) error { return scanYearRow(s, r) },
				`SELECT `+yearRowCols+` FROM business_year_classes WHERE `+cond+` ORDER BY business, year`, arg)
			if err != nil {
				return err
			}
			for _, rs := range byBusiness(rows) {
				for _, k := range spanKeys(rs) {
					delta[k]++
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	return q.moveCounts(ctx, delta)
}
