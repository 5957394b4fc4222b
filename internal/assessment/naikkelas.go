package assessment

import (
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Point is one dated piece of evidence of where a business stood: a size
// class rank (registry.ClassRank) from a measurement, or a maturity level
// from an assessment. Rank 0 means unknown and is never evidence.
type Point struct {
	Date     string // YYYY-MM-DD
	Rank     int
	Verified bool // officer-verified measurement, or officer / officer_verified assessment
}

// BusinessFacts is the evidence of one business. Among points of equal date
// the later in the slice wins, so stores list them by date and then id: a
// same-day verification outranks the self-assessment it confirms.
type BusinessFacts struct {
	BusinessID int64
	District   string
	Sector     string
	Sizes      []Point
	Levels     []Point
}

// FactsQuery selects the businesses whose evidence a statistic reads.
type FactsQuery struct {
	District string
	Scope    registry.Scope
	To       string // evidence dated after To is irrelevant and may be skipped
}

// MeasurementDate is the date a yearly measurement speaks for: the last day
// of its year, or the day it was recorded if that came earlier (a figure for
// the running year is known when it is entered, not at year end).
func MeasurementDate(year int, recorded time.Time) string {
	end := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	if !recorded.IsZero() {
		if d := recorded.In(wib).Format(time.DateOnly); d < end {
			return d
		}
	}
	return end
}

var wib = idfmt.WIB

// SizePoint turns a measurement into evidence, classing it by PP 7/2021.
func SizePoint(year int, revenue, capital int64, source string, recorded time.Time) Point {
	class, _ := registry.Classify(revenue, capital)
	return Point{Date: MeasurementDate(year, recorded), Rank: registry.ClassRank(class),
		Verified: source == registry.SourceOfficerVerified}
}

// Change is how a business moved over a period.
type Change string

// Changes.
const (
	Up        Change = "up"
	Down      Change = "down"
	Unchanged Change = "unchanged"
	NoData    Change = "no_data"
)

// Period is an inclusive range of dates (YYYY-MM-DD).
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Baselines: what a change in a period is measured from.
const (
	BaselineNone          = ""                // no change could be judged
	BaselineBeforeFrom    = "before_from"     // the latest point before the period
	BaselineFirstInWindow = "first_in_window" // no point before: the first one in the period
)

// Judgement is the naik-kelas verdict on one business's evidence over a period.
type Judgement struct {
	Change   Change
	Verified bool   // the point the change ends on was recorded or confirmed by an officer
	Baseline string // BaselineBeforeFrom or BaselineFirstInWindow; BaselineNone with NoData
}

// Judge applies the naik-kelas rule to one business's evidence: its latest
// known point before the period against its latest known point in the
// period. A business with no point before the period (its first figures
// were gathered inside it, as a survey that started then) is measured from
// its first point in the period instead, when a later one exists; the
// verdict says which baseline it used. Without both it is NoData.
func Judge(points []Point, p Period) Judgement {
	before, first, last := -1, -1, -1
	for i, pt := range points {
		if pt.Rank <= 0 {
			continue
		}
		switch {
		case pt.Date < p.From && (before < 0 || pt.Date >= points[before].Date):
			before = i
		case pt.Date >= p.From && pt.Date <= p.To:
			if last < 0 || pt.Date >= points[last].Date {
				last = i
			}
			// Among points of the first day, the later in the slice wins,
			// as for every other day.
			if first < 0 || pt.Date < points[first].Date || pt.Date == points[first].Date {
				first = i
			}
		}
	}
	if last < 0 {
		return Judgement{Change: NoData}
	}
	baseline := BaselineBeforeFrom
	if before < 0 {
		if points[first].Date == points[last].Date {
			return Judgement{Change: NoData}
		}
		before, baseline = first, BaselineFirstInWindow
	}
	b, a := points[before], points[last]
	j := Judgement{Change: Unchanged, Verified: a.Verified, Baseline: baseline}
	switch {
	case a.Rank > b.Rank:
		j.Change = Up
	case a.Rank < b.Rank:
		j.Change = Down
	}
	return j
}

// Compare is Judge's change and whether it ends on verified evidence.
func Compare(points []Point, p Period) (c Change, verified bool) {
	j := Judge(points, p)
	return j.Change, j.Verified
}

// RankAt is the rank of the latest known point dated before date, or 0.
func RankAt(points []Point, date string) int {
	r, at := 0, ""
	for _, pt := range points {
		if pt.Rank > 0 && pt.Date < date && pt.Date >= at {
			r, at = pt.Rank, pt.Date
		}
	}
	return r
}
