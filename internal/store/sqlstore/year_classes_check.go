package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// CheckYearClasses recomputes the per-year naik-kelas summaries and their
// counts from the ledger and compares them with the stored ones, returning
// a description of each difference (at most maxDifferences, then how many
// more) and how many rows it compared. It reads in one transaction, so that
// writers going on meanwhile are not differences.
func (db *DB) CheckYearClasses(ctx context.Context) (problems []string, rows int, err error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.Dialect.Engine() == "postgres" {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := db.Read.BeginTx(ctx, opts)
	if err != nil {
		return nil, 0, err
	}
	defer func() { _ = tx.Rollback() }()
	q := db.On(tx)
	extra := 0
	report := func(format string, args ...any) {
		if len(problems) < maxDifferences {
			problems = append(problems, fmt.Sprintf(format, args...))
		} else {
			extra++
		}
	}
	defer func() {
		if extra > 0 && err == nil {
			problems = append(problems, fmt.Sprintf("… dan %d selisih lain", extra))
		}
	}()
	want := map[countKey]int{}
	err = q.eachIDChunk(ctx, `SELECT id FROM businesses ORDER BY id`, nil, func(ids []int64) error {
		got, exp, err := q.storedAndFresh(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.Equal(got[id], exp[id]) {
				report("usaha #%d: per tahun tersimpan %s, dihitung ulang %s", id, describeYears(got[id]), describeYears(exp[id]))
			}
			for _, k := range countKeysOf(exp[id]) {
				want[k]++
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
	counts, err = queryRows(ctx, q, "year span counts", counts, func(s Scanner, c *countRow) error {
		sp := &c.span
		return s.Scan(&sp.fromLo, &sp.fromHi, &sp.toLo, &sp.toHi, &c.district, &c.village, &c.size, &c.level, &c.n)
	}, `SELECT `+spanCountCols+`, businesses FROM year_span_counts`)
	if err != nil {
		return nil, 0, err
	}
	for _, c := range counts {
		if want[c.countKey] != c.n {
			report("%s: tersimpan %d, dihitung ulang %d", c.describe(), c.n, want[c.countKey])
		}
		delete(want, c.countKey)
	}
	for k, n := range want {
		report("%s: tersimpan 0, dihitung ulang %d", k.describe(), n)
	}
	return problems, rows, nil
}

// describeYears writes a business's rows as a difference names them: per
// year, the size class and the level as the year began and at its end.
func describeYears(rows []yearRow) string {
	if len(rows) == 0 {
		return "(tidak ada)"
	}
	var parts []string
	for _, r := range rows {
		if r.year == yearMember {
			parts = append(parts, "desa "+r.village)
			continue
		}
		parts = append(parts, fmt.Sprintf("%d kelas %d→%d level %d→%d", r.year, r.size.Prev, r.size.Last, r.level.Prev, r.level.Last))
	}
	return strings.Join(parts, "; ")
}

// describe names a row of year_class_counts or year_span_counts.
func (k countKey) describe() string {
	if sp := k.span; sp != (yearSpan{}) {
		return fmt.Sprintf("jendela dari %d–%d sampai %d–%d, desa %s, putusan kelas %d dan level %d",
			sp.fromLo, sp.fromHi, sp.toLo, sp.toHi, k.village, k.size, k.level)
	}
	switch k.year {
	case yearMember:
		return "usaha aktif di desa " + k.village
	case yearEarly:
		return "usaha dengan ukuran dicatat sebelum tahunnya di desa " + k.village
	}
	if isFlowYear(k.year) {
		return fmt.Sprintf("tahun %d, desa %s, usaha %s kelas %d", -k.year, k.village,
			map[int]string{flowEnter: "masuk", flowLeave: "keluar"}[k.level], k.size)
	}
	return fmt.Sprintf("tahun %d, desa %s, putusan kelas %d dan level %d", k.year, k.village, k.size, k.level)
}
