package sqlstore

import (
	"context"
	"fmt"
	"slices"
)

// maxYearProblems bounds the differences CheckYearClasses describes.
const maxYearProblems = 20

// CheckYearClasses recomputes the per-year naik-kelas summaries and their
// counts from the ledger and compares them with the stored ones, returning
// a description of each difference (at most maxYearProblems) and how many
// rows it compared.
func (db *DB) CheckYearClasses(ctx context.Context) (problems []string, rows int, err error) {
	q := db.Reader()
	report := func(format string, args ...any) {
		if len(problems) < maxYearProblems {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	want := map[countKey]int{}
	err = q.eachIDChunk(ctx, `SELECT id FROM businesses ORDER BY id`, nil, func(ids []int64) error {
		got, exp, err := q.storedAndFresh(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.Equal(got[id], exp[id]) {
				report("usaha %d: tersimpan %+v, dihitung ulang %+v", id, got[id], exp[id])
			}
			for _, r := range exp[id] {
				for _, k := range r.countKeys() {
					want[k]++
				}
			}
			rows += len(exp[id])
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM business_year_classes`).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total != rows {
		report("business_year_classes: %d baris tersimpan, %d dihitung ulang", total, rows)
	}
	type countRow struct {
		countKey
		n int
	}
	counts, err := queryRows(ctx, q, "year class counts", nil, func(s Scanner, c *countRow) error {
		return s.Scan(&c.year, &c.district, &c.village, &c.size, &c.level, &c.n)
	}, `SELECT year, district_code, village_code, size_code, level_code, businesses FROM year_class_counts`)
	if err != nil {
		return nil, 0, err
	}
	for _, c := range counts {
		if want[c.countKey] != c.n {
			report("year_class_counts %+v: tersimpan %d, dihitung ulang %d", c.countKey, c.n, want[c.countKey])
		}
		delete(want, c.countKey)
	}
	for k, n := range want {
		report("year_class_counts %+v: tidak tersimpan, dihitung ulang %d", k, n)
	}
	return problems, rows, nil
}
