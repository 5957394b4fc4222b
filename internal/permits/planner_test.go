package permits

import (
	"testing"
	"time"
)

func TestPlan(t *testing.T) {
	friday := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	// 45 applications, 2 assistants, one of whom already has 4 on Friday.
	load := func(a, d string) int {
		if a == "Ahmad" && d == "2026-12-04" {
			return 4
		}
		return 0
	}
	slots, finish := Plan(45, []string{"Ahmad", "Siti"}, friday, load)
	if len(slots) != 45 {
		t.Fatalf("%d slots", len(slots))
	}
	per := map[Slot]int{}
	for _, s := range slots {
		per[s]++
	}
	want := map[Slot]int{
		{"Ahmad", "2026-12-04"}: 6, {"Siti", "2026-12-04"}: 10, // Friday: Ahmad fills up to 10
		{"Ahmad", "2026-12-07"}: 10, {"Siti", "2026-12-07"}: 10, // the weekend is skipped
		{"Ahmad", "2026-12-08"}: 5, {"Siti", "2026-12-08"}: 4, // the rest spread evenly
	}
	for k, v := range want {
		if per[k] != v {
			t.Errorf("%v: %d, want %d (all: %v)", k, per[k], v, per)
		}
	}
	if len(per) != len(want) {
		t.Errorf("plan uses %v", per)
	}
	if finish != "2026-12-08" {
		t.Errorf("finish %s, want 2026-12-08", finish)
	}
	for s, n := range per {
		if n+load(s.Assistant, s.Day) > MaxPerAssistantDay {
			t.Errorf("%v has %d", s, n)
		}
	}
	if s, f := Plan(0, []string{"A"}, friday, nil); s != nil || f != "" {
		t.Error("nothing to plan")
	}
	if s, f := Plan(3, nil, friday, nil); s != nil || f != "" {
		t.Error("no assistant")
	}
}
