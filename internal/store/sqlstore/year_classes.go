package sqlstore

import (
	"context"
	"fmt"
	"slices"

	"naikkelas/internal/assessment"
	"naikkelas/internal/registry"
)

// The per-year naik-kelas summaries (migration 0029): every write that
// changes a business's evidence, its kecamatan or desa, or whether it is
// active calls RefreshYearClasses with the business's id in its own
// transaction. The rows are recomputed from the ledger with the same
// queries as EachFacts, and year_class_counts moves by the difference.

// Years of business_year_classes and year_class_counts that are not calendar years.
const (
	yearMember = 0  // a row per active business: its kecamatan and desa
	yearEarly  = -1 // year_class_counts: businesses with a measurement recorded before its year
)

// Flags of business_year_classes.
const (
	flagLastVerified = 1
	flagOneDay       = 2
	flagEarly        = 4 // year 0 only
)

// refreshChunk is how many businesses one round of RefreshYearClasses reads.
const refreshChunk = 2000

// yearRow is one row of business_year_classes.
type yearRow struct {
	business          int64
	year              int
	district, village string
	size, level       assessment.YearSummary
	early             bool // year 0: a measurement was recorded before its year
}

func flagsOf(s assessment.YearSummary) int {
	f := 0
	if s.LastVerified {
		f |= flagLastVerified
	}
	if s.OneDay {
		f |= flagOneDay
	}
	return f
}

func summaryOf(year, prev, first, last, flags int) assessment.YearSummary {
	return assessment.YearSummary{Year: year, Prev: prev, First: first, Last: last,
		LastVerified: flags&flagLastVerified != 0, OneDay: flags&flagOneDay != 0}
}

func (r yearRow) args() []any {
	sf := flagsOf(r.size)
	if r.early {
		sf |= flagEarly
	}
	return []any{r.business, r.year, r.district, r.village, r.size.Prev, r.size.First, r.size.Last, sf,
		r.level.Prev, r.level.First, r.level.Last, flagsOf(r.level)}
}

const yearRowCols = `business, year, district_code, village_code, size_prev, size_first, size_last, size_flags,
	level_prev, level_first, level_last, level_flags`

func scanYearRow(s Scanner, r *yearRow) error {
	var sp, sf, sl, sg, lp, lf, ll, lg int
	if err := s.Scan(&r.business, &r.year, &r.district, &r.village, &sp, &sf, &sl, &sg, &lp, &lf, &ll, &lg); err != nil {
		return err
	}
	r.size, r.level = summaryOf(r.year, sp, sf, sl, sg), summaryOf(r.year, lp, lf, ll, lg)
	r.early = r.year == yearMember && sg&flagEarly != 0
	return nil
}

// countKey is one row of year_class_counts, or of year_span_counts when
// span is set (year is then 0).
type countKey struct {
	year              int
	span              yearSpan
	district, village string
	size, level       int
}

// countKeysOf are the counts a business's rows (in year order) add one to.
func countKeysOf(rows []yearRow) []countKey {
	var keys []countKey
	for _, r := range rows {
		keys = append(keys, r.countKeys()...)
	}
	return append(keys, spanKeys(rows)...)
}

// countKeys are the rows of year_class_counts that r adds one to.
func (r yearRow) countKeys() []countKey {
	k := countKey{year: r.year, district: r.district, village: r.village}
	if r.year != yearMember {
		k.size = assessment.VerdictCode(assessment.JudgeYears([]assessment.YearSummary{r.size}))
		k.level = assessment.VerdictCode(assessment.JudgeYears([]assessment.YearSummary{r.level}))
		return append([]countKey{k}, r.classFlows()...)
	}
	if !r.early {
		return []countKey{k}
	}
	early := k
	early.year = yearEarly
	return []countKey{k, early}
}

// businessYears computes the rows of one business from its evidence (as
// EachFacts reads it) and the measurement years of its size points.
func businessYears(id int64, district, village string, sizes []assessment.Point, sizeYears []int, levels []assessment.Point) []yearRow {
	member := yearRow{business: id, year: yearMember, district: district, village: village}
	for i, p := range sizes {
		if p.Rank > 0 && p.Date < fmt.Sprintf("%04d", sizeYears[i]) {
			member.early = true
		}
	}
	rows := []yearRow{member}
	years := assessment.EvidenceYears(sizes, levels)
	ss, ls := assessment.SummariseYears(sizes, years), assessment.SummariseYears(levels, years)
	for i, y := range years {
		rows = append(rows, yearRow{business: id, year: y, district: district, village: village, size: ss[i], level: ls[i]})
	}
	return rows
}

// RefreshYearClasses recomputes the year rows of the given businesses
// inside q's transaction and moves the counts by the difference.
func (q *Runner) RefreshYearClasses(ctx context.Context, ids ...int64) error {
	if q.noYearClasses {
		return nil
	}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for len(ids) > 0 {
		n := min(len(ids), refreshChunk)
		if err := q.refreshYearChunk(ctx, ids[:n]); err != nil {
			return fmt.Errorf("year classes: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// storedAndFresh returns the businesses' stored rows and their rows
// computed again, by business.
func (q *Runner) storedAndFresh(ctx context.Context, ids []int64) (stored, fresh map[int64][]yearRow, err error) {
	cond, arg := q.Dialect.InIDs("business", ids)
	old, err := queryRows(ctx, q, "stored year rows", nil, func(s Scanner, r *yearRow) error { return scanYearRow(s, r) },
		`SELECT `+yearRowCols+` FROM business_year_classes WHERE `+cond+` ORDER BY business, year`, arg)
	if err != nil {
		return nil, nil, err
	}
	rows, err := q.computeYearRows(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	return byBusiness(old), byBusiness(rows), nil
}

func (q *Runner) refreshYearChunk(ctx context.Context, ids []int64) error {
	before, after, err := q.storedAndFresh(ctx, ids)
	if err != nil {
		return err
	}
	var changed []int64
	var inserts [][]any
	delta := map[countKey]int{}
	for _, id := range ids {
		o, n := before[id], after[id]
		if slices.Equal(o, n) {
			continue
		}
		changed = append(changed, id)
		for _, k := range countKeysOf(o) {
			delta[k]--
		}
		for _, k := range countKeysOf(n) {
			delta[k]++
		}
		for _, r := range n {
			inserts = append(inserts, r.args())
		}
	}
	if len(changed) == 0 {
		return nil
	}
	if len(before) > 0 {
		cond, arg := q.Dialect.InIDs("business", changed)
		if _, err := q.Exec(ctx, `DELETE FROM business_year_classes WHERE `+cond, arg); err != nil {
			return err
		}
	}
	if err := q.execRows(ctx, `INSERT INTO business_year_classes (`+yearRowCols+`) VALUES `, "", inserts); err != nil {
		return err
	}
	return q.moveCounts(ctx, delta)
}

func byBusiness(rows []yearRow) map[int64][]yearRow {
	out := map[int64][]yearRow{}
	for _, r := range rows {
		out[r.business] = append(out[r.business], r)
	}
	return out
}

// holdCounts makes moveCounts gather its deltas until writeHeldCounts. A
// long transaction (an import) that moved the same count rows batch after
// batch would leave each row a version per batch, all of which PostgreSQL
// walks again on every later upsert of the row in that transaction.
func (q *Runner) holdCounts() { q.heldCounts = map[countKey]int{} }

// writeHeldCounts writes what moveCounts gathered since holdCounts.
func (q *Runner) writeHeldCounts(ctx context.Context) error {
	held := q.heldCounts
	q.heldCounts = nil
	return q.moveCounts(ctx, held)
}

// moveCounts adds delta to year_class_counts and year_span_counts and
// deletes the rows it brings to zero (or gathers it: holdCounts).
func (q *Runner) moveCounts(ctx context.Context, delta map[countKey]int) error {
	if q.heldCounts != nil {
		for k, d := range delta {
			q.heldCounts[k] += d
		}
		return nil
	}
	var years, spans [][]any
	var fallen []countKey
	for k, d := range delta {
		switch {
		case d == 0 || (k.span != yearSpan{} && q.noYearSpans):
			continue
		case k.span == yearSpan{}:
			years = append(years, []any{k.year, k.district, k.village, k.size, k.level, d})
		default:
			spans = append(spans, []any{k.span.fromLo, k.span.fromHi, k.span.toLo, k.span.toHi, k.district, k.village, k.size, k.level, d})
		}
		if d < 0 {
			fallen = append(fallen, k)
		}
	}
	err := q.execRows(ctx, `INSERT INTO year_class_counts (year, district_code, village_code, size_code, level_code, businesses) VALUES `,
		` ON CONFLICT (year, district_code, village_code, size_code, level_code)
		DO UPDATE SET businesses = year_class_counts.businesses + excluded.businesses`, years)
	if err != nil {
		return err
	}
	err = q.execRows(ctx, `INSERT INTO year_span_counts (`+spanCountCols+`, businesses) VALUES `,
		` ON CONFLICT (`+spanCountCols+`) DO UPDATE SET businesses = year_span_counts.businesses + excluded.businesses`, spans)
	if err != nil {
		return err
	}
	for _, k := range fallen {
		var err error
		if k.span == (yearSpan{}) {
			_, err = q.Exec(ctx, `DELETE FROM year_class_counts WHERE year = ? AND district_code = ? AND village_code = ?
			AND size_code = ? AND level_code = ? AND businesses = 0`, k.year, k.district, k.village, k.size, k.level)
		} else {
			_, err = q.Exec(ctx, `DELETE FROM year_span_counts WHERE from_lo = ? AND from_hi = ? AND to_lo = ? AND to_hi = ?
			AND district_code = ? AND village_code = ? AND size_code = ? AND level_code = ? AND businesses = 0`,
				k.span.fromLo, k.span.fromHi, k.span.toLo, k.span.toHi, k.district, k.village, k.size, k.level)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// computeYearRows reads the businesses' evidence as EachFacts does and
// returns their rows in business and year order; an archived or absent
// business has none.
func (q *Runner) computeYearRows(ctx context.Context, ids []int64) ([]yearRow, error) {
	type member struct {
		id                int64
		district, village string
	}
	cond, arg := q.Dialect.InIDs("id", ids)
	members, err := queryRows(ctx, q, "year class businesses", nil, func(s Scanner, m *member) error {
		return s.Scan(&m.id, &m.district, &m.village)
	}, `SELECT id, district_code, village_code FROM businesses WHERE status = ? AND `+cond+` ORDER BY id`,
		registry.StatusActive, arg)
	if err != nil || len(members) == 0 {
		return nil, err
	}
	type sized struct {
		year int
		pt   assessment.Point
	}
	sizes := map[int64][]sized{}
	cond, arg = q.Dialect.InIDs("business_id", ids)
	rows, err := q.Query(ctx, factsMeasurementsSQL(q.Dialect.Engine(), " AND "+cond), 9999, arg)
	if err != nil {
		return nil, fmt.Errorf("year class measurements: %w", err)
	}
	for rows.Next() {
		id, year, pt, err := scanSizeYearPoint(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		sizes[id] = append(sizes[id], sized{year, pt})
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	levels := map[int64][]assessment.Point{}
	rows, err = q.Query(ctx, `SELECT business_id, assessed_on, level, source FROM assessments WHERE `+cond+`
		ORDER BY business_id, assessed_on, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("year class assessments: %w", err)
	}
	for rows.Next() {
		id, pt, err := scanLevelPoint(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		levels[id] = append(levels[id], pt)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	var out []yearRow
	for _, m := range members {
		var pts []assessment.Point
		var years []int
		for _, s := range sizes[m.id] {
			pts, years = append(pts, s.pt), append(years, s.year)
		}
		out = append(out, businessYears(m.id, m.district, m.village, pts, years, levels[m.id])...)
	}
	return out, nil
}

// rebuildYearClasses fills the year tables from scratch (migration 0029).
func rebuildYearClasses(ctx context.Context, q *Runner) error {
	if _, err := q.Exec(ctx, `DELETE FROM business_year_classes`); err != nil {
		return err
	}
	if _, err := q.Exec(ctx, `DELETE FROM year_class_counts`); err != nil {
		return err
	}
	if !q.noYearSpans {
		if _, err := q.Exec(ctx, `DELETE FROM year_span_counts`); err != nil {
			return err
		}
	}
	return q.eachIDChunk(ctx, `SELECT id FROM businesses WHERE status = ? ORDER BY id`, []any{registry.StatusActive},
		func(ids []int64) error { return q.RefreshYearClasses(ctx, ids...) })
}

// eachIDChunk calls fn with the ids query returns, refreshChunk at a time.
// The ids are read first, so that fn may write on q's connection.
func (q *Runner) eachIDChunk(ctx context.Context, query string, args []any, fn func([]int64) error) error {
	ids, err := queryRows(ctx, q, "ids", nil, func(s Scanner, id *int64) error { return s.Scan(id) }, query, args...)
	if err != nil {
		return err
	}
	for len(ids) > 0 {
		n := min(len(ids), refreshChunk)
		if err := fn(ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}
