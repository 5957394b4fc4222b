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

// Compare applies the naik-kelas rule to one business's evidence: its latest
// known point before the period against its latest known point in the
// period. Without both it is NoData. verified is true when the change ends
// on verified evidence: the point in the period, the new state being
// claimed, was recorded or confirmed by an officer.
func Compare(points []Point, p Period) (c Change, verified bool) {
	before, in := -1, -1
	for i, pt := range points {
		if pt.Rank <= 0 {
			continue
		}
		switch {
		case pt.Date < p.From && (before < 0 || pt.Date >= points[before].Date):
			before = i
		case pt.Date >= p.From && pt.Date <= p.To && (in < 0 || pt.Date >= points[in].Date):
			in = i
		}
	}
	if before < 0 || in < 0 {
		return NoData, false
	}
	b, a := points[before], points[in]
	verified = a.Verified
	switch {
	case a.Rank > b.Rank:
		return Up, verified
	case a.Rank < b.Rank:
		return Down, verified
	}
	return Unchanged, verified
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
