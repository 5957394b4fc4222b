package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// yearChecker is the store's recomputation of its per-year summaries.
type yearChecker interface {
	CheckYearClasses(ctx context.Context) ([]string, int, error)
}

// factsOnly hides a store's per-year summaries, so that the statistics
// take the path that reads every measurement.
type factsOnly struct{ assessment.Store }

func (factsOnly) TallyYears(context.Context, assessment.YearQuery, func(string, assessment.Judgement, assessment.Judgement, int)) (bool, error) {
	return false, nil
}

// checkYears fails the test unless the stored summaries equal their recomputation.
func checkYears(t *testing.T, s store.Store, what string) int {
	t.Helper()
	c, ok := s.(yearChecker)
	if !ok {
		t.Fatal("the store must check its year classes (sqlstore.DB)")
	}
	problems, rows, err := c.CheckYearClasses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", what, p)
	}
	return rows
}

// testYearClassesRandom: after random writes of every kind (businesses
// created, batches, imports, measurements, assessments, moves, archives,
// merges and their undoing), the summaries equal their recomputation.
func testYearClassesRandom(t *testing.T, s store.Store) {
	w := &yearWorld{t: t, s: s, rng: rand.New(rand.NewPCG(15, 29))}
	for round := range 4 {
		for range 40 {
			w.step()
		}
		if rows := checkYears(t, s, fmt.Sprintf("round %d", round)); rows == 0 {
			t.Fatalf("round %d: nothing summarised", round)
		}
	}
}

// testYearClassesStats: on random data, and again with the edge cases of
// yearEdges, the statistics of whole years from the summaries equal those
// computed from every measurement, for single and multi-year windows with
// the report's series, per kecamatan and in an operator's area; a
// measurement recorded before its year sends them back to the measurements.
func testYearClassesStats(t *testing.T, s store.Store) {
	w := &yearWorld{t: t, s: s, rng: rand.New(rand.NewPCG(7, 36))}
	for range 250 {
		w.step()
	}
	operator := auth.Actor{Role: auth.Operator, Regions: []string{cikandeB, kramatwatu}}
	queries := []assessment.StatsQuery{
		{From: "2024-01-01", To: "2024-12-31"},
		{From: "2025-01-01", To: "2025-12-31", Series: true},
		{From: "2022-01-01", To: "2025-12-31", Series: true},
		{From: "2023-01-01", To: "2024-12-31", District: cikande},
		{From: "2021-01-01", To: "2021-12-31", District: kramatwatu},
		{From: "2021-01-01", To: "2026-12-31"},
		{From: "2020-01-01", To: "2022-12-31", Series: true},
		{From: "2024-01-01", To: "2025-12-31", District: kramatwatu, Series: true},
		{From: "2026-01-01", To: "2027-12-31"},
		{From: "2024-03-01", To: "2025-02-28"}, // not whole years: both take the measurements
	}
	compare := func(what string) { compareYearStats(t, s, what, queries, auth.System, operator) }
	compare("random")
	yearEdges(w)
	compare("edge cases")
	checkYears(t, s, "edge cases")
	windows := []assessment.YearQuery{{From: 2025, To: 2025}, {From: 2022, To: 2025}}
	for _, yq := range windows {
		if ok, err := s.TallyYears(ctx, yq, func(string, assessment.Judgement, assessment.Judgement, int) {}); !ok || err != nil {
			t.Fatalf("TallyYears(%d–%d) = %v, %v; want the summaries to answer", yq.From, yq.To, ok, err)
		}
	}
	active := create(t, s, biz("Usaha dicatat awal", cikandeA))
	m := w.measurement(active.ID, true)
	m.AnnualRevenue, m.Capital, m.SizeClass = registry.Known(400_000_000), nil, registry.Mikro
	w.must(s.AddMeasurement(ctx, &m, false, nil))
	for _, yq := range windows {
		if ok, err := s.TallyYears(ctx, yq, func(string, assessment.Judgement, assessment.Judgement, int) {}); ok || err != nil {
			t.Fatalf("TallyYears(%d–%d) with a measurement recorded before its year = %v, %v; want false", yq.From, yq.To, ok, err)
		}
	}
	compare("early measurement")
	checkYears(t, s, "early measurement")
}

// compareYearStats fails the test unless each query gives the same
// statistics from the summaries as from the measurements, for each actor.
func compareYearStats(t *testing.T, s store.Store, what string, queries []assessment.StatsQuery, actors ...auth.Actor) {
	t.Helper()
	reg := registry.NewService(s, "36.04")
	fast, slow := assessment.NewService(s, s, reg, s), assessment.NewService(factsOnly{s}, s, reg, s)
	for _, q := range queries {
		for _, a := range actors {
			got, err1 := fast.Stats(ctx, a, q)
			want, err2 := slow.Stats(ctx, a, q)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			g, _ := json.Marshal(got)
			x, _ := json.Marshal(want)
			if string(g) != string(x) {
				t.Errorf("%s %+v as %s:\n from years %s\n from facts %s", what, q, a.Role, g, x)
			}
		}
	}
}
