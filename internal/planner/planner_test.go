package planner

import (
	"net/url"
	"testing"

	"naikkelas/internal/apperr"
)

// A plan worked out by hand: 40 places a year shared 3:1 by past pace.
//
//	year 1: A 30 (50 left), B 10 (50 left)
//	year 2: A 30 (20 left), B 10 (40 left)
//	year 3: A takes its last 20, the 10 it cannot use go to B: B 20 (20 left)
//	year 4: B 20, done
func TestSimulateHandMade(t *testing.T) {
	areas := []Area{
		{Code: "A", Businesses: 100, Trained: 20, Pace: 3},
		{Code: "B", Businesses: 60, Trained: 0, Pace: 1},
		{Code: "C", Businesses: 10, Trained: 10, Pace: 0},
	}
	plans, years := Simulate(areas, 40)
	if years == nil || *years != 4 {
		t.Fatalf("years %v, want 4", years)
	}
	want := []struct {
		remaining, years int
		pace             float64
		behind           bool
	}{
		{80, 3, 75, false}, // 75% of the places for 57% of those waiting
		{60, 4, 25, true},  // 25% of the places for 43% of those waiting
		{0, 0, 0, false},
	}
	for i, w := range want {
		p := plans[i]
		if p.Remaining != w.remaining || p.Years == nil || *p.Years != w.years || p.Pace != w.pace || p.Behind != w.behind {
			t.Errorf("%s: remaining %d years %v pace %v behind %v; want %+v", p.Code, p.Remaining, deref(p.Years), p.Pace, p.Behind, w)
		}
	}
	// No places: nobody is reached; with no pace anywhere, equal shares.
	if _, years := Simulate(areas, 0); years != nil {
		t.Errorf("no places: years %v", *years)
	}
	even, years := Simulate([]Area{{Code: "A", Businesses: 30}, {Code: "B", Businesses: 10}}, 20)
	if years == nil || *years != 2 || *even[1].Years != 1 || even[0].Pace != 50 || !even[0].Behind {
		t.Errorf("equal shares: %+v years %v", even, deref(years))
	}
	// One place a year for a thousand businesses is beyond MaxYears.
	if _, years := Simulate([]Area{{Code: "A", Businesses: 1000}}, 1); years != nil {
		t.Errorf("beyond MaxYears: %v", *years)
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestPlacesPerYear(t *testing.T) {
	// Rp1 miliar committed + Rp250 juta extra, Rp2,5 juta a participant, 30
	// a cohort (Rp75 juta): 16 cohorts (Rp1,2 miliar), 480 places.
	cohorts, places := PlacesPerYear(1_250_000_000, 2_500_000, 30)
	if cohorts != 16 || places != 480 {
		t.Errorf("cohorts %d places %d, want 16 and 480", cohorts, places)
	}
	if c, p := PlacesPerYear(74_999_999, 2_500_000, 30); c != 0 || p != 0 {
		t.Errorf("less than one cohort: %d %d", c, p)
	}
	if c, p := PlacesPerYear(1<<62, 1<<40, 1<<30); c != 0 || p != 0 {
		t.Errorf("overflowing cohort cost: %d %d", c, p)
	}
}

func TestParseParams(t *testing.T) {
	p, err := ParseParams(url.Values{"cost_per_participant": {"2.500.000"}, "cohort_size": {"25"}, "extra_per_year": {"Rp500.000.000"},
		"group": {"mikro_pangan_tanpa_halal"}})
	if err != nil || p.CostPerParticipant != 2_500_000 || p.CohortSize != 25 || p.ExtraPerYear != 500_000_000 {
		t.Fatalf("%+v %v", p, err)
	}
	for _, bad := range []url.Values{{"cost_per_participant": {"dua juta"}}, {"cohort_size": {"-3"}}, {"group": {"semua"}},
		{"extra_per_year": {"-5"}}} {
		if _, err := ParseParams(bad); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%v: %v, want Invalid", bad, err)
		}
	}
}

func FuzzParseParams(f *testing.F) {
	f.Add("2.500.000", "30", "0", "mikro")
	f.Fuzz(func(t *testing.T, cost, cohort, extra, group string) {
		p, err := ParseParams(url.Values{"cost_per_participant": {cost}, "cohort_size": {cohort}, "extra_per_year": {extra}, "group": {group}})
		if err == nil && (p.CostPerParticipant < 0 || p.CohortSize < 0 || p.CohortSize > MaxCohortSize || p.ExtraPerYear < 0) {
			t.Fatalf("accepted %+v", p)
		}
	})
}
