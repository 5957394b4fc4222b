package sqlstore

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/registry"
)

// YearClassTarget is business_year_classes for bulk paths (COPY on PostgreSQL).
var YearClassTarget = RowTarget{"business_year_classes", strings.Fields(strings.ReplaceAll(yearRowCols, ",", " "))}

// NewYearClasses are the per-year summaries of businesses a batch has just
// inserted, computed from the batch itself: a new business has no
// assessments, and its measurements are those of the batch. Bulk loads
// that drop the measurements' indexes cannot afford to read them back.
type NewYearClasses struct {
	Rows  [][]any // YearClassTarget's values
	delta map[countKey]int
}

// YearClassesOf computes the summaries of items, inserted (IDs set) with
// their measurements (CreatedAt set), as computeYearRows would read them.
func YearClassesOf(items []registry.NewBusiness) *NewYearClasses {
	out := &NewYearClasses{delta: map[countKey]int{}}
	for i := range items {
		b := items[i].Business
		if b.Status != registry.StatusActive {
			continue
		}
		ms := slices.Clone(items[i].Measurements)
		slices.SortStableFunc(ms, tiedMeasurements)
		points, years := make([]assessment.Point, len(ms)), make([]int, len(ms))
		for j, m := range ms {
			points[j], years[j] = sizePointOf(m), m.Year
		}
		rows := businessYears(b.ID, b.DistrictCode, b.VillageCode, points, years, nil)
		for _, r := range rows {
			out.Rows = append(out.Rows, r.args())
		}
		for _, k := range countKeysOf(rows) {
			out.delta[k]++
		}
	}
	return out
}

// sizePointOf is a measurement as scanSizePoint reads it back: the class
// stored with it or, without one, the one its figures give; dated as
// measurementDate dates it.
func sizePointOf(m registry.Measurement) assessment.Point {
	class := m.SizeClass
	if class == "" {
		class, _ = registry.Classify(registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital))
	}
	p := assessment.Point{Rank: registry.ClassRank(class), Verified: m.Source == registry.SourceOfficerVerified,
		Date: yearEnd(m.Year)}
	if at := m.CreatedAt.UTC().Truncate(time.Microsecond); at.Year() <= m.Year {
		p.Date = assessment.MeasurementDate(m.Year, at)
	}
	return p
}

// KeepsYearClasses reports whether the schema has the per-year summaries
// (see DB.beforeYearClasses).
func (q *Runner) KeepsYearClasses() bool { return !q.noYearClasses }

// AddYearClasses writes the summaries, unless written already (COPY),
// and moves the counts.
func (q *Runner) AddYearClasses(ctx context.Context, n *NewYearClasses, rowsWritten bool) error {
	if q.noYearClasses {
		return nil
	}
	if !rowsWritten {
		if err := q.execRows(ctx, YearClassTarget.InsertHead(), "", n.Rows); err != nil {
			return err
		}
	}
	return q.moveCounts(ctx, n.delta)
}

// tiedMeasurements orders one business's new measurements as
// factsMeasurementsSQL reads them back: by year, time recorded (as stored),
// class, source, revenue and capital (unknown first), then as inserted.
func tiedMeasurements(x, y registry.Measurement) int {
	return cmp.Or(cmp.Compare(x.Year, y.Year),
		x.CreatedAt.Truncate(time.Microsecond).Compare(y.CreatedAt.Truncate(time.Microsecond)),
		strings.Compare(x.SizeClass, y.SizeClass), strings.Compare(x.Source, y.Source),
		compareKnown(x.AnnualRevenue, y.AnnualRevenue), compareKnown(x.Capital, y.Capital))
}

// compareKnown orders amounts with an unknown one (nil) first.
func compareKnown(x, y *int64) int {
	switch {
	case x == nil || y == nil:
		return cmp.Compare(boolRank(x != nil), boolRank(y != nil))
	default:
		return cmp.Compare(*x, *y)
	}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
