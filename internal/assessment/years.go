package assessment

import (
	"slices"
	"strconv"
)

// YearSummary is what the naik-kelas rule reads of one business's evidence
// of one kind (size class or maturity level) for windows of whole calendar
// years: the points dated in Year, and the rank as the year began. A store
// keeps one per business and year, so that statistics over whole years
// read these rows instead of every measurement.
type YearSummary struct {
	Year         int
	Prev         int  // rank of the latest point dated before the year; 0 if none
	First        int  // rank of the first point dated in the year; 0 if none
	Last         int  // rank of the last point dated in the year; 0 if none
	LastVerified bool // the last point is verified evidence
	OneDay       bool // the first and the last point share a date
}

// EvidenceYears lists, in order, the calendar years in which any of the
// given points (rank above 0) is dated.
func EvidenceYears(kinds ...[]Point) []int {
	var years []int
	for _, points := range kinds {
		for _, pt := range points {
			if pt.Rank > 0 && len(pt.Date) >= 4 {
				if y, err := strconv.Atoi(pt.Date[:4]); err == nil {
					years = append(years, y)
				}
			}
		}
	}
	slices.Sort(years)
	return slices.Compact(years)
}

// SummariseYears returns one YearSummary of points per year in years. It
// picks points exactly as Judge does: the latest date wins, and among
// points of equal date the later in the slice.
func SummariseYears(points []Point, years []int) []YearSummary {
	out := make([]YearSummary, len(years))
	for i, y := range years {
		from, to := strconv.Itoa(y)+"-01-01", strconv.Itoa(y)+"-12-31"
		s := YearSummary{Year: y, Prev: RankAt(points, from)}
		first, last := -1, -1
		for k, pt := range points {
			if pt.Rank <= 0 || pt.Date < from || pt.Date > to {
				continue
			}
			if last < 0 || pt.Date >= points[last].Date {
				last = k
			}
			if first < 0 || pt.Date <= points[first].Date {
				first = k
			}
		}
		if last >= 0 {
			s.First, s.Last, s.LastVerified = points[first].Rank, points[last].Rank, points[last].Verified
			s.OneDay = points[first].Date == points[last].Date
		}
		out[i] = s
	}
	return out
}

// JudgeYears is Judge over a window of whole years, from the summaries of
// the years in it (in order; years without a summary had no points). It
// gives the same verdict as Judge on the points themselves.
func JudgeYears(sums []YearSummary) Judgement {
	first, last := -1, -1
	for i, s := range sums {
		if s.Last <= 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if last < 0 {
		return Judgement{Change: NoData}
	}
	// No point of this kind lies between the window's start and the first
	// year with one, so that year's Prev is the rank before the window.
	base, baseline := sums[first].Prev, BaselineBeforeFrom
	if base <= 0 {
		if first == last && sums[first].OneDay {
			return Judgement{Change: NoData}
		}
		base, baseline = sums[first].First, BaselineFirstInWindow
	}
	j := Judgement{Change: Unchanged, Verified: sums[last].LastVerified, Baseline: baseline}
	switch a := sums[last].Last; {
	case a > base:
		j.Change = Up
	case a < base:
		j.Change = Down
	}
	return j
}

// YearWindow reports whether p covers whole calendar years (from 1 January
// to 31 December), and which.
func YearWindow(p Period) (from, to int, ok bool) {
	if len(p.From) != 10 || len(p.To) != 10 || p.From[4:] != "-01-01" || p.To[4:] != "-12-31" {
		return 0, 0, false
	}
	from, err1 := strconv.Atoi(p.From[:4])
	to, err2 := strconv.Atoi(p.To[:4])
	return from, to, err1 == nil && err2 == nil && from <= to
}

// Verdict codes pack a Judgement into a small integer for stores that count
// businesses by verdict: 0 is no data; otherwise 1 + 4·change (up, down,
// unchanged) + 2·verified + 1 when measured from the first point in the
// window.
var verdictChanges = []Change{Up, Down, Unchanged}

// VerdictCode packs j (see verdictChanges).
func VerdictCode(j Judgement) int {
	i := slices.Index(verdictChanges, j.Change)
	if i < 0 {
		return 0
	}
	code := 1 + 4*i
	if j.Verified {
		code += 2
	}
	if j.Baseline == BaselineFirstInWindow {
		code++
	}
	return code
}

// VerdictOf unpacks a VerdictCode; an unknown code is no data.
func VerdictOf(code int) Judgement {
	if code < 1 || code > 4*len(verdictChanges) {
		return Judgement{Change: NoData}
	}
	c := code - 1
	j := Judgement{Change: verdictChanges[c/4], Verified: c%4 >= 2, Baseline: BaselineBeforeFrom}
	if c%2 == 1 {
		j.Baseline = BaselineFirstInWindow
	}
	return j
}
