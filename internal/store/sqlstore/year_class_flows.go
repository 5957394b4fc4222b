package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// Class flows: year_class_counts also keeps, under flowYear(y), how many
// active businesses entered a size class (size_code, its rank; level_code
// flowEnter) and how many left one (flowLeave) in calendar year y, going by
// their measurement ledger: a business is in the class its last
// measurement up to then gives. The classes as year Y ended are then the
// sums of the flows of the years up to Y, read from a few hundred rows
// however large the register. The flows come from the same year rows as
// the naik-kelas counts (countKeys), so every write path, bulk load and
// `naikkelas check` keeps or checks them alike.
const (
	flowEnter = 1
	flowLeave = 2
)

// flowYear is the year under which year_class_counts keeps the class flows
// of calendar year y: below yearEarly, so that no reader of the naik-kelas
// counts meets them.
func flowYear(y int) int { return -y }

// isFlowYear reports whether a year of year_class_counts holds class flows.
func isFlowYear(year int) bool { return year < yearEarly }

// classFlows are the flows of a calendar-year row: out of the class the
// year began in, into the class it ended in, when they differ.
func (r yearRow) classFlows() []countKey {
	end := r.size.Last
	if end == 0 {
		end = r.size.Prev
	}
	if end == r.size.Prev {
		return nil
	}
	var out []countKey
	k := countKey{year: flowYear(r.year), district: r.district, village: r.village}
	if end > 0 {
		k.size, k.level = end, flowEnter
		out = append(out, k)
	}
	if r.size.Prev > 0 {
		k.size, k.level = r.size.Prev, flowLeave
		out = append(out, k)
	}
	return out
}

// writeClassFlows writes the class flows from the stored year rows, as
// classFlows computes them (migration 0037; a database built since 0029
// may hold them already).
func writeClassFlows(ctx context.Context, q *Runner) error {
	if _, err := q.Exec(ctx, `DELETE FROM year_class_counts WHERE year < ?`, yearEarly); err != nil {
		return err
	}
	rows := `(SELECT year, district_code, village_code, size_prev,
		CASE WHEN size_last > 0 THEN size_last ELSE size_prev END AS rank_end FROM business_year_classes WHERE year > 0) r
		WHERE rank_end <> size_prev AND `
	for dir, rank := range map[int]string{flowEnter: "rank_end", flowLeave: "size_prev"} {
		if _, err := q.Exec(ctx, `INSERT INTO year_class_counts (year, district_code, village_code, size_code, level_code, businesses)
			SELECT -year, district_code, village_code, `+rank+`, `+strconv.Itoa(dir)+`, COUNT(*) FROM `+rows+rank+` > 0
			GROUP BY year, district_code, village_code, `+rank); err != nil {
			return fmt.Errorf("class flows: %w", err)
		}
	}
	return nil
}

// classesAtYearEnds counts the active businesses within w (a scope on
// alias b) by the size class their ledger gave them as each of years ended
// (the current year: up to today), summing the class flows, by year and
// then class rank (index 0 unused).
func classesAtYearEnds(ctx context.Context, q *Runner, w Where, years []int) (map[int][5]int, error) {
	out := map[int][5]int{}
	if len(years) == 0 {
		return out, nil
	}
	w.Add("b.year >= ? AND b.year < ?", flowYear(slices.Max(years)), yearEarly)
	type flow struct{ year, rank, dir, n int }
	flows, err := queryRows(ctx, q, "class flows", nil, func(s Scanner, f *flow) error {
		return s.Scan(&f.year, &f.rank, &f.dir, &f.n)
	}, `SELECT b.year, b.size_code, b.level_code, CAST(SUM(b.businesses) AS BIGINT) FROM year_class_counts b
		WHERE `+w.SQL()+` GROUP BY b.year, b.size_code, b.level_code`, w.Args...)
	if err != nil {
		return nil, err
	}
	for _, y := range years {
		var c [5]int
		for _, f := range flows {
			if -f.year > y || f.rank < 1 || f.rank >= len(c) {
				continue
			}
			if f.dir == flowEnter {
				c[f.rank] += f.n
			} else {
				c[f.rank] -= f.n
			}
		}
		out[y] = c
	}
	return out, nil
}
