package permits

import (
	"strings"
	"testing"
)

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

// ready is a micro food business meeting every condition of both rules.
func ready() Facts {
	return Facts{KBLI: "10794", SizeClass: "mikro", SizeBasis: "revenue", AnnualRevenue: 300_000_000, HasNIB: true,
		FoundedYear: 2019, HalalStatus: "none", Profile: Profile{Facilities: intp(1), Outlets: intp(1),
			PreservationMethods: intp(1), ProductType: "makanan_ringan", HalalIngredients: boolp(true),
			SeparateTools: boolp(true), SimpleProcess: boolp(true)}}
}

func TestRuleInForce(t *testing.T) {
	r, err := LoadRules()
	if err != nil {
		t.Fatal(err)
	}
	for day, want := range map[string]string{"2021-12-31": "", "2023-05-01": "kepkaban-33-2022", "2025-09-30": "kepkaban-33-2022",
		"2025-10-01": "kepkaban-146-2025", "2026-12-01": "kepkaban-146-2025"} {
		got, ok := r.InForce(day)
		if got.Code != want || ok != (want != "") {
			t.Errorf("InForce(%s) = %q, want %q", day, got.Code, want)
		}
	}
	if r.ObligationFrom != "2026-10-17" {
		t.Errorf("obligation from %s", r.ObligationFrom)
	}
}

// TestEvaluate breaks one condition at a time and expects exactly that
// condition named, under the rule that has it.
func TestEvaluate(t *testing.T) {
	r, _ := LoadRules()
	old, _ := r.InForce("2024-01-01")
	now, _ := r.InForce("2026-12-01")
	cases := []struct {
		name   string
		rule   Rule
		change func(*Facts)
		code   string
		unkown bool
	}{
		{"ready (146/2025)", now, func(*Facts) {}, "", false},
		{"ready (33/2022)", old, func(*Facts) {}, "", false},
		{"menengah", now, func(f *Facts) { f.SizeClass = "menengah" }, "size_class", false},
		{"besar", old, func(f *Facts) { f.SizeClass = "besar" }, "size_class", false},
		{"no size", now, func(f *Facts) { f.SizeClass = "" }, "size_class", true},
		{"no NIB", now, func(f *Facts) { f.HasNIB = false }, "nib", false},
		{"600 juta under 33/2022", old, func(f *Facts) { f.AnnualRevenue = 600_000_000 }, "max_annual_revenue", false},
		{"16 miliar under 146/2025", now, func(f *Facts) { f.AnnualRevenue = 16_000_000_000; f.SizeClass = "kecil" }, "max_annual_revenue", false},
		{"revenue unknown", now, func(f *Facts) { f.SizeBasis = "capital" }, "max_annual_revenue", true},
		{"producing under a year", old, func(f *Facts) { f.FoundedYear = 2026 }, "min_years_producing", false},
		{"founding unknown", old, func(f *Facts) { f.FoundedYear = 0 }, "min_years_producing", true},
		{"two facilities", now, func(f *Facts) { f.Profile.Facilities = intp(2) }, "max_facilities", false},
		{"two outlets", now, func(f *Facts) { f.Profile.Outlets = intp(2) }, "max_outlets", false},
		{"outlets unknown", now, func(f *Facts) { f.Profile.Outlets = nil }, "max_outlets", true},
		{"two preservation methods", now, func(f *Facts) { f.Profile.PreservationMethods = intp(2) }, "max_preservation_methods", false},
		{"product not listed", now, func(f *Facts) { f.Profile.ProductType = "lainnya" }, "product_types", false},
		{"product unknown", now, func(f *Facts) { f.Profile.ProductType = "" }, "product_types", true},
		{"ingredients not halal", now, func(f *Facts) { f.Profile.HalalIngredients = boolp(false) }, "halal_ingredients", false},
		{"tools shared", now, func(f *Facts) { f.Profile.SeparateTools = boolp(false) }, "separate_tools", false},
		{"factory process", old, func(f *Facts) { f.Profile.SimpleProcess = boolp(false) }, "simple_process", false},
		{"process unchecked", now, func(f *Facts) { f.Profile.SimpleProcess = nil }, "simple_process", true},
	}
	for _, c := range cases {
		f := ready()
		c.change(&f)
		got := r.Evaluate(c.rule, f, "2026-12-01")
		if c.code == "" {
			if len(got) != 0 {
				t.Errorf("%s: unmet %+v, want none", c.name, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Code != c.code || got[0].Unknown != c.unkown || got[0].Message == "" {
			t.Errorf("%s: unmet %+v, want only %s (unknown=%v)", c.name, got, c.code, c.unkown)
		}
	}
	// Two outlets do not matter under 33/2022, which did not limit them.
	f := ready()
	f.Profile.Outlets = intp(3)
	if got := r.Evaluate(old, f, "2024-01-01"); len(got) != 0 {
		t.Errorf("33/2022 with 3 outlets: %+v", got)
	}
	// A menengah business never qualifies, whatever else it meets.
	f = ready()
	f.SizeClass = "menengah"
	for _, rule := range r.Rules {
		if got := r.Evaluate(rule, f, "2026-12-01"); len(got) == 0 || !strings.Contains(got[0].Message, "menengah") {
			t.Errorf("%s: menengah business judged %+v", rule.Code, got)
		}
	}
}

func TestFood(t *testing.T) {
	for kbli, want := range map[string][2]bool{"10794": {true, true}, "11040": {true, true}, "56102": {true, false},
		"47112": {false, false}, "": {false, false}, "1": {false, false}} {
		food, produced := Food(kbli)
		if [2]bool{food, produced} != want {
			t.Errorf("Food(%q) = %v %v", kbli, food, produced)
		}
	}
}
