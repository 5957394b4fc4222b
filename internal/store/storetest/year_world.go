package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// yearWorld makes random writes of every kind that touches the summaries.
type yearWorld struct {
	t   *testing.T
	s   store.Store
	rng *rand.Rand
	ids []int64
	// merges not yet undone
	merges []int64
}

var yearVillages = []string{cikandeA, cikandeB, kramatwatuA}

// revenues spans the four size classes, and a blank (no class).
var yearRevenues = []int64{0, 400_000_000, 1_900_000_000, 3_000_000_000, 20_000_000_000, 70_000_000_000}

func (w *yearWorld) measurement(id int64, early bool) registry.Measurement {
	r := w.rng
	year := 2021 + r.IntN(6)
	rev := yearRevenues[r.IntN(len(yearRevenues))]
	m := registry.Measurement{BusinessID: id, Year: year, AnnualRevenue: registry.Known(rev), Employees: 1,
		Source: registry.SourceSelfReport, RecordedBy: "uji"}
	if r.IntN(3) == 0 {
		m.Source = registry.SourceOfficerVerified
	}
	if rev == 0 {
		m.AnnualRevenue, m.Capital = nil, registry.Known(int64(r.IntN(3))*4_000_000_000)
	}
	if r.IntN(4) > 0 {
		m.SizeClass, m.SizeBasis = registry.Classify(rev, 0)
	}
	// Recorded within its year (a figure known early), on a year-end evening
	// (another day in Jakarta), or in a later year (dated at year end).
	switch r.IntN(4) {
	case 0:
		m.CreatedAt = time.Date(year, time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 0, 0, 0, time.UTC)
	case 1:
		m.CreatedAt = time.Date(year, 12, 31, 16+r.IntN(8), 30, 0, 0, time.UTC)
	default:
		m.CreatedAt = time.Date(year+1+r.IntN(2), 3, 1+r.IntN(28), 2, 0, 0, 0, time.UTC)
	}
	if early {
		m.CreatedAt = time.Date(year-1, 11, 5, 2, 0, 0, 0, time.UTC)
	}
	return m
}

func (w *yearWorld) assessment(id int64) *assessment.Assessment {
	r := w.rng
	on := fmt.Sprintf("%d-%02d-%02d", 2021+r.IntN(6), 1+r.IntN(12), 1+r.IntN(28))
	if r.IntN(4) == 0 { // shared days: ties between points of one date
		on = []string{"2023-12-31", "2024-01-01", "2025-06-15"}[r.IntN(3)]
	}
	source := []string{assessment.SourceSelf, assessment.SourceOfficer}[r.IntN(2)]
	return newAssessment(id, on, source, 1+r.IntN(5))
}

func (w *yearWorld) pick() int64 { return w.ids[w.rng.IntN(len(w.ids))] }

func (w *yearWorld) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
}

// step makes one random write.
func (w *yearWorld) step() {
	s, r := w.s, w.rng
	switch op := r.IntN(10); {
	case op == 0 || len(w.ids) < 4:
		b := biz(fmt.Sprintf("Usaha %d", len(w.ids)), yearVillages[r.IntN(len(yearVillages))])
		var m *registry.Measurement
		if r.IntN(2) == 0 {
			mm := w.measurement(0, false)
			m = &mm
		}
		w.must(s.CreateBusiness(ctx, b, m, nil))
		w.ids = append(w.ids, b.ID)
	case op == 1:
		var items []registry.NewBusiness
		for i := range 1 + r.IntN(4) {
			b := biz(fmt.Sprintf("Batch %d-%d", len(w.ids), i), yearVillages[r.IntN(len(yearVillages))])
			// Two measurements of one year recorded at the same instant have no
			// order; a second apart they have.
			ms := []registry.Measurement{w.measurement(0, false), w.measurement(0, false)}
			ms[1].CreatedAt = ms[1].CreatedAt.Add(time.Second)
			items = append(items, registry.NewBusiness{Business: b, Measurements: ms})
		}
		w.must(s.InsertBatch(ctx, items))
		for _, it := range items {
			w.ids = append(w.ids, it.Business.ID)
		}
	case op <= 3:
		m := w.measurement(w.pick(), false)
		w.must(s.AddMeasurement(ctx, &m, r.IntN(2) == 0, nil))
	case op == 4:
		var as []*assessment.Assessment
		for range 1 + r.IntN(3) {
			as = append(as, w.assessment(w.pick()))
		}
		w.must(s.InsertAssessments(ctx, as))
	case op == 5:
		w.must(s.AddAssessment(ctx, w.assessment(w.pick()), nil))
	case op == 6:
		b, err := s.GetBusiness(ctx, w.pick())
		if refused(err) {
			return
		}
		w.must(err)
		b.VillageCode = yearVillages[r.IntN(len(yearVillages))]
		b.Status = []string{registry.StatusActive, registry.StatusActive, registry.StatusArchived}[r.IntN(3)]
		w.must(s.UpdateBusiness(ctx, b, nil))
	case op == 7:
		w.importChunk()
	case op == 8:
		w.merge()
	default:
		if len(w.merges) == 0 {
			return
		}
		id := w.merges[len(w.merges)-1]
		w.merges = w.merges[:len(w.merges)-1]
		_, err := s.UndoMerge(ctx, id, "uji", time.Now(), &audit.Entry{Username: "uji", Action: "merge_undo", Entity: "business"})
		if !refused(err) {
			w.must(err)
		}
	}
}

// refused reports an error a random write may meet (a business merged,
// archived or changed since): expected, and nothing is written.
func refused(err error) bool {
	return apperr.Is(err, apperr.NotFound) || apperr.Is(err, apperr.Conflict)
}

func (w *yearWorld) merge() {
	keptID, mergedID := w.pick(), w.pick()
	if keptID == mergedID {
		return
	}
	kept, err := w.s.GetBusiness(ctx, keptID)
	if refused(err) {
		return
	}
	w.must(err)
	kept.NIB = ""
	m := &duplicates.Merge{KeptID: keptID, MergedID: mergedID, MergedBy: "uji", MergedAt: time.Now()}
	e := &audit.Entry{Username: "uji", Action: "merge", Entity: "business", EntityID: keptID, After: []byte(`{}`)}
	err = w.s.MergeBusinesses(ctx, kept, m, e)
	if refused(err) {
		return
	}
	w.must(err)
	w.merges = append(w.merges, m.ID)
}

// importChunk imports new businesses and updates of stored ones, with measurements.
func (w *yearWorld) importChunk() {
	imp := &importer.Import{Source: "uji", FileName: "uji.csv", Username: "uji", Status: "running"}
	w.must(w.s.CreateImport(ctx, imp))
	var changes []importer.Change
	for i := range 1 + w.rng.IntN(3) {
		b := biz(fmt.Sprintf("Impor %d-%d", imp.ID, i), yearVillages[w.rng.IntN(len(yearVillages))])
		changes = append(changes, importer.Change{Action: importer.Inserted, Business: b,
			Measurements: []registry.Measurement{w.measurement(0, false)},
			Audit:        &audit.Entry{Username: "uji", Action: audit.Create, Entity: "business"}})
	}
	if b, err := w.s.GetBusiness(ctx, w.pick()); err == nil {
		b.VillageCode = yearVillages[w.rng.IntN(len(yearVillages))]
		changes = append(changes, importer.Change{Action: importer.Updated, Business: b,
			Measurements: []registry.Measurement{w.measurement(0, false)},
			Audit:        &audit.Entry{Username: "uji", Action: audit.Update, Entity: "business"}})
	}
	imp.Status = "done"
	w.must(w.s.RunImport(ctx, imp, true, func(tx importer.Tx) error { return tx.Apply(ctx, imp.ID, changes) }))
	for _, ch := range changes {
		if ch.Action == importer.Inserted {
			w.ids = append(w.ids, ch.Business.ID)
		}
	}
}
