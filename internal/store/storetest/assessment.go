package storetest

import (
	"fmt"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

func newAssessment(businessID int64, on, source string, level int) *assessment.Assessment {
	return &assessment.Assessment{BusinessID: businessID, InstrumentVersion: "1", AssessedOn: on, Source: source,
		Answers: map[string]string{"leg_nib": "ya"}, Scores: map[string]int{"produksi": 40, "pemasaran": 55}, Level: level,
		Recommendations: []assessment.Recommendation{{Dimension: "produksi", Text: "Susun jadwal", Topic: "produksi"}},
		Assessor:        "uji"}
}

func testAssessments(t *testing.T, s store.Store) {
	b := create(t, s, biz("Emping Bu Sari", cikandeA))
	self := newAssessment(b.ID, "2025-06-01", assessment.SourceSelf, 2)
	ent := &audit.Entry{Username: "pemilik", Action: audit.Create, Entity: "assessment"}
	if err := s.AddAssessment(ctx, self, ent); err != nil {
		t.Fatal(err)
	}
	if self.ID == 0 || self.CreatedAt.IsZero() || ent.EntityID != self.ID {
		t.Fatalf("ids not set: %+v, audit entity %d", self, ent.EntityID)
	}
	got, err := s.GetAssessment(ctx, self.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Answers["leg_nib"] != "ya" || got.Scores["pemasaran"] != 55 || got.Level != 2 || got.LevelName != "Berkembang" ||
		len(got.Recommendations) != 1 || got.VerifiedFrom != 0 {
		t.Errorf("round trip: %+v", got)
	}
	_, err = s.GetAssessment(ctx, self.ID+100)
	wantCode(t, err, apperr.NotFound)

	ver := newAssessment(b.ID, "2025-06-01", assessment.SourceOfficerVerified, 3)
	ver.VerifiedFrom, ver.VisitDate = self.ID, "2025-06-01"
	if err := s.AddAssessment(ctx, ver, nil); err != nil {
		t.Fatal(err)
	}
	again := newAssessment(b.ID, "2025-06-02", assessment.SourceOfficerVerified, 3)
	again.VerifiedFrom, again.VisitDate = self.ID, "2025-06-02"
	wantCode(t, s.AddAssessment(ctx, again, nil), apperr.Conflict) // a self-assessment is verified once
	noVisit := newAssessment(b.ID, "2025-06-02", assessment.SourceOfficerVerified, 3)
	noVisit.VerifiedFrom = self.ID
	wantCode(t, s.AddAssessment(ctx, noVisit, nil), apperr.Invalid)
	wantCode(t, s.AddAssessment(ctx, newAssessment(b.ID+99, "2025-06-02", assessment.SourceSelf, 1), nil), apperr.NotFound)

	older := newAssessment(b.ID, "2024-03-01", assessment.SourceOfficer, 1)
	if err := s.AddAssessment(ctx, older, nil); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListAssessments(ctx, b.ID)
	if err != nil || len(list) != 3 || list[0].ID != older.ID || list[2].ID != ver.ID || list[2].VerifiedFrom != self.ID {
		t.Fatalf("list oldest first: %v %+v", err, list)
	}
	latest, err := s.LatestAssessments(ctx, []int64{b.ID, b.ID + 50})
	if err != nil || len(latest) != 1 || latest[b.ID].ID != ver.ID {
		t.Fatalf("latest: %v %+v", err, latest)
	}
	ns, ok := s.(programs.NeedSource)
	if !ok {
		t.Fatal("the store must serve the programmes' need criterion (programs.NeedSource)")
	}
	need, err := ns.LatestDimensionScores(ctx, []int64{b.ID})
	if err != nil || need[b.ID]["pemasaran"] != 55 || need[b.ID]["produksi"] != 40 {
		t.Errorf("need scores: %v %v", need, err)
	}
}

func testAssessmentFacts(t *testing.T, s store.Store) {
	a := create(t, s, biz("Gerabah A", cikandeA))
	b := create(t, s, biz("Golok B", kramatwatuA))
	c := create(t, s, biz("Arsip C", cikandeB))
	c.Status = registry.StatusArchived
	if err := s.UpdateBusiness(ctx, c, nil); err != nil {
		t.Fatal(err)
	}
	recorded := time.Date(2026, 3, 10, 1, 0, 0, 0, time.UTC)
	for _, m := range []registry.Measurement{
		{BusinessID: b.ID, Year: 2024, AnnualRevenue: registry.Known(3_000_000_000), Source: registry.SourceOfficerVerified, CreatedAt: recorded},
		{BusinessID: a.ID, Year: 2025, AnnualRevenue: registry.Known(2_500_000_000), Source: registry.SourceSelfReport, CreatedAt: recorded},
		{BusinessID: a.ID, Year: 2024, AnnualRevenue: registry.Known(900_000_000), Source: registry.SourceOfficerVerified, CreatedAt: recorded},
		{BusinessID: c.ID, Year: 2024, AnnualRevenue: registry.Known(900_000_000), Source: registry.SourceOfficerVerified, CreatedAt: recorded},
		{BusinessID: a.ID, Year: 2026, AnnualRevenue: registry.Known(100_000_000), Source: registry.SourceOfficerVerified, CreatedAt: recorded},
		{BusinessID: b.ID, Year: 2030, AnnualRevenue: registry.Known(1), Source: registry.SourceOfficerVerified, CreatedAt: recorded},
	} {
		m := m
		if err := s.AddMeasurement(ctx, &m, false, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, x := range []*assessment.Assessment{newAssessment(b.ID, "2025-05-01", assessment.SourceSelf, 3),
		newAssessment(b.ID, "2024-05-01", assessment.SourceOfficer, 2), newAssessment(a.ID, "2027-01-01", assessment.SourceOfficer, 5)} {
		if err := s.AddAssessment(ctx, x, nil); err != nil {
			t.Fatal(err)
		}
	}
	var got []assessment.BusinessFacts
	err := s.EachFacts(ctx, assessment.FactsQuery{To: "2026-12-31"}, func(f *assessment.BusinessFacts) error {
		cp := *f
		cp.Sizes = append([]assessment.Point(nil), f.Sizes...)
		cp.Levels = append([]assessment.Point(nil), f.Levels...)
		got = append(got, cp)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].BusinessID != a.ID || got[1].BusinessID != b.ID {
		t.Fatalf("want the two active businesses in id order, got %+v", got)
	}
	wantA := []assessment.Point{{Date: "2024-12-31", Rank: 1, Verified: true}, {Date: "2025-12-31", Rank: 2},
		{Date: "2026-03-10", Rank: 1, Verified: true}}
	if !samePoints(got[0].Sizes, wantA) || len(got[0].Levels) != 0 || got[0].District != cikande || got[0].Sector != "C" {
		t.Errorf("facts of A: %+v, want sizes %+v and no levels after To", got[0], wantA)
	}
	wantB := []assessment.Point{{Date: "2024-12-31", Rank: 2, Verified: true}}
	wantBL := []assessment.Point{{Date: "2024-05-01", Rank: 2, Verified: true}, {Date: "2025-05-01", Rank: 3}}
	if !samePoints(got[1].Sizes, wantB) || !samePoints(got[1].Levels, wantBL) {
		t.Errorf("facts of B: %+v", got[1])
	}
	n := 0
	err = s.EachFacts(ctx, assessment.FactsQuery{District: kramatwatu, To: "2026-12-31"}, func(f *assessment.BusinessFacts) error {
		n++
		if f.BusinessID != b.ID || len(f.Sizes) != 1 {
			t.Errorf("district filter: %+v", f)
		}
		return nil
	})
	if err != nil || n != 1 {
		t.Errorf("district filter: %d businesses, %v", n, err)
	}
	n = 0
	_ = s.EachFacts(ctx, assessment.FactsQuery{Scope: registry.Scope{Regions: []string{cikande}}}, func(f *assessment.BusinessFacts) error {
		n++
		return nil
	})
	if n != 1 {
		t.Errorf("operator scope: %d businesses, want 1", n)
	}
}

func samePoints(a, b []assessment.Point) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// testAssessmentFactsClassify checks that a measurement stored without its
// class is classed by the facts query exactly as registry.Classify would,
// at every PP 7/2021 boundary, and that a running-year figure is dated by
// the day it was recorded (in WIB).
func testAssessmentFactsClassify(t *testing.T, s store.Store) {
	b := create(t, s, biz("Batas Kelas", cikandeA))
	const m = 1_000_000
	money := [][2]int64{{2000 * m, 0}, {2000*m + 1, 0}, {15000 * m, 0}, {15000*m + 1, 0}, {50000 * m, 0}, {50000*m + 1, 0},
		{0, 1000 * m}, {0, 1000*m + 1}, {0, 5000*m + 1}, {0, 10000*m + 1}, {0, 0}, {5 * m, 90000 * m}}
	recorded := time.Date(2026, 3, 10, 1, 0, 0, 0, time.UTC)
	for i, v := range money {
		m := registry.Measurement{BusinessID: b.ID, Year: 2001 + i, AnnualRevenue: registry.Known(v[0]), Capital: registry.Known(v[1]), Source: registry.SourceSelfReport, CreatedAt: recorded}
		if err := s.AddMeasurement(ctx, &m, false, nil); err != nil {
			t.Fatal(err)
		}
	}
	late := registry.Measurement{BusinessID: b.ID, Year: 2026, AnnualRevenue: registry.Known(3000 * m), Source: registry.SourceOfficerVerified,
		SizeClass: registry.Kecil, CreatedAt: time.Date(2026, 3, 10, 18, 0, 0, 0, time.UTC)}
	if err := s.AddMeasurement(ctx, &late, false, nil); err != nil {
		t.Fatal(err)
	}
	var got []assessment.Point
	err := s.EachFacts(ctx, assessment.FactsQuery{District: cikande, To: "2026-12-31"}, func(f *assessment.BusinessFacts) error {
		if f.BusinessID == b.ID {
			got = append(got, f.Sizes...)
		}
		return nil
	})
	if err != nil || len(got) != len(money)+1 {
		t.Fatalf("facts: %v, %d points", err, len(got))
	}
	for i, v := range money {
		class, _ := registry.Classify(v[0], v[1])
		if got[i].Rank != registry.ClassRank(class) || got[i].Date != fmt.Sprintf("%d-12-31", 2001+i) {
			t.Errorf("revenue %d capital %d: %+v, want rank %d (%q)", v[0], v[1], got[i], registry.ClassRank(class), class)
		}
	}
	if p := got[len(money)]; p.Date != "2026-03-11" || p.Rank != 2 || !p.Verified {
		t.Errorf("running-year figure recorded 10 March 18:00 UTC: %+v, want 2026-03-11 (WIB), kecil, verified", p)
	}
}
