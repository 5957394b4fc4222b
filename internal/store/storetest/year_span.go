package storetest

import (
	"math/rand/v2"
	"testing"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/registry"
)

// edgeMeasurement is a measurement of year recorded in June of that year.
func edgeMeasurement(id int64, year int, revenue int64, verified bool) registry.Measurement {
	m := registry.Measurement{BusinessID: id, Year: year, AnnualRevenue: registry.Known(revenue), Employees: 1,
		Source: registry.SourceSelfReport, RecordedBy: "uji", CreatedAt: time.Date(year, 6, 10, 3, 0, 0, 0, time.UTC)}
	m.SizeClass, m.SizeBasis = registry.Classify(revenue, 0)
	if verified {
		m.Source = registry.SourceOfficerVerified
	}
	return m
}

// yearEdges adds businesses whose evidence meets the edge cases of windows
// of several years: years without evidence between two with it, evidence
// of one kind only, two points of one day as the only evidence, evidence
// before and after the windows only, a business archived, one merged into
// another, and one moved to another kecamatan.
func yearEdges(w *yearWorld) {
	s := w.s
	const mikro, kecil, menengah = 400_000_000, 3_000_000_000, 20_000_000_000
	newBiz := func(name, village string, ms ...registry.Measurement) int64 {
		b := create(w.t, s, biz(name, village))
		for _, m := range ms {
			m.BusinessID = b.ID
			w.must(s.AddMeasurement(ctx, &m, false, nil))
		}
		return b.ID
	}
	assess := func(id int64, on, source string, level int) {
		w.must(s.AddAssessment(ctx, newAssessment(id, on, source, level), nil))
	}
	gap := newBiz("Tepi jeda", cikandeA, edgeMeasurement(0, 2021, mikro, false), edgeMeasurement(0, 2025, kecil, true))
	assess(gap, "2022-03-01", assessment.SourceSelf, 2)
	oneDay := newBiz("Tepi sehari", cikandeB)
	assess(oneDay, "2023-06-01", assessment.SourceSelf, 2)
	assess(oneDay, "2023-06-01", assessment.SourceOfficer, 3)
	sameYear := newBiz("Tepi setahun", kramatwatuA, edgeMeasurement(0, 2024, menengah, false))
	assess(sameYear, "2024-02-01", assessment.SourceOfficer, 4)
	assess(sameYear, "2024-11-01", assessment.SourceSelf, 1)
	newBiz("Tepi luar", cikandeA, edgeMeasurement(0, 2019, kecil, true), edgeMeasurement(0, 2027, mikro, false))
	down := newBiz("Tepi turun", kramatwatuA, edgeMeasurement(0, 2022, kecil, false), edgeMeasurement(0, 2024, mikro, true))
	assess(down, "2020-05-05", assessment.SourceOfficer, 3)
	assess(down, "2026-01-02", assessment.SourceOfficer, 3)

	archived := newBiz("Tepi arsip", cikandeB, edgeMeasurement(0, 2022, mikro, false), edgeMeasurement(0, 2024, menengah, false))
	b, err := s.GetBusiness(ctx, archived)
	w.must(err)
	b.Status = registry.StatusArchived
	w.must(s.UpdateBusiness(ctx, b, nil))

	moved := newBiz("Tepi pindah", cikandeA, edgeMeasurement(0, 2023, mikro, false), edgeMeasurement(0, 2025, kecil, false))
	b, err = s.GetBusiness(ctx, moved)
	w.must(err)
	b.VillageCode = kramatwatuA
	w.must(s.UpdateBusiness(ctx, b, nil))

	keptID := newBiz("Tepi gabung", cikandeA, edgeMeasurement(0, 2022, mikro, false))
	mergedID := newBiz("Tepi digabung", kramatwatuA, edgeMeasurement(0, 2024, kecil, true))
	assess(mergedID, "2023-08-08", assessment.SourceSelf, 2)
	kept, err := s.GetBusiness(ctx, keptID)
	w.must(err)
	kept.NIB = ""
	m := &duplicates.Merge{KeptID: keptID, MergedID: mergedID, MergedBy: "uji", MergedAt: time.Now()}
	e := &audit.Entry{Username: "uji", Action: "merge", Entity: "business", EntityID: keptID, After: []byte(`{}`)}
	w.must(s.MergeBusinesses(ctx, kept, m, e))
}

// YearSpanMigration checks the step of the migration that adds the counts
// of windows of several years: s, unmigrated, is brought to the version
// before it and written to at random (keeping the year rows without those
// counts), then migrated to the end; the counts it fills must equal their
// recomputation and give the statistics the measurements give.
func YearSpanMigration(t *testing.T, s Migrating) {
	t.Helper()
	if err := s.MigrateTo(ctx, 34); err != nil {
		t.Fatal(err)
	}
	w := &yearWorld{t: t, s: s, rng: rand.New(rand.NewPCG(35, 3604))}
	for range 150 {
		w.step()
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	checkYears(t, s, "after the migration")
	compareYearStats(t, s, "after the migration", []assessment.StatsQuery{
		{From: "2021-01-01", To: "2025-12-31", Series: true}, {From: "2023-01-01", To: "2024-12-31", District: cikande}}, auth.System)
}
