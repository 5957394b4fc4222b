package funding

import (
	"testing"
	"time"

	"naikkelas/internal/apperr"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// A ledger worked out by hand on 1 July 2026, the 182nd of 365 days.
func TestSummariseHandMade(t *testing.T) {
	cs := []Commitment{
		{PartnerID: 1, PartnerName: "Bank BJB", Kind: KindMoney, Year: 2026, Amount: 365_000_000, Realised: 200_000_000, Allocated: 150_000_000},
		{PartnerID: 2, PartnerName: "Indomaret", Kind: KindInKind, Year: 2026, Amount: 100_000_000, Realised: 40_000_000, Allocated: 40_000_000,
			StartsOn: "2026-06-01", EndsOn: "2026-06-30"},
		{PartnerID: 1, PartnerName: "Bank BJB", Kind: KindMoney, Year: 2025, Amount: 50_000_000, Realised: 50_000_000, Allocated: 10_000_000},
		{PartnerID: 1, PartnerName: "Bank BJB", Kind: KindInKind, Year: 2026, Amount: 10_000_000, StartsOn: "2026-08-01"},
	}
	got := Summarise(cs, day("2026-07-01"))
	want := []PartnerYear{
		{PartnerID: 1, PartnerName: "Bank BJB", Year: 2025, Committed: 50_000_000, Realised: 50_000_000, Allocated: 10_000_000,
			Unspent: 40_000_000, Expected: 50_000_000},
		// 365 million over the year, 182 days elapsed: 182 million due; the
		// in-kind commitment starting in August is not due yet.
		{PartnerID: 1, PartnerName: "Bank BJB", Year: 2026, Committed: 375_000_000, Realised: 200_000_000, Allocated: 150_000_000,
			Unspent: 50_000_000, Expected: 182_000_000},
		// June's term is over: all 100 million were due, 40 arrived.
		{PartnerID: 2, PartnerName: "Indomaret", Year: 2026, Committed: 100_000_000, Realised: 40_000_000, Allocated: 40_000_000,
			Unspent: 0, Expected: 100_000_000, Lagging: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	tot := Total(got)
	wantTot := PartnerYear{Committed: 525_000_000, Realised: 290_000_000, Allocated: 200_000_000, Unspent: 90_000_000,
		Expected: 332_000_000, Lagging: true}
	if tot != wantTot {
		t.Errorf("total %+v, want %+v", tot, wantTot)
	}
	if pct := got[2].RealisedPct(); pct != 40 {
		t.Errorf("Indomaret realised %v%%, want 40%%", pct)
	}
}

func TestExpectedTerm(t *testing.T) {
	c := Commitment{Year: 2026, Amount: 3_000_000, StartsOn: "2026-03-01", EndsOn: "2026-03-03"}
	for _, tc := range []struct {
		today string
		want  int64
	}{
		{"2026-02-28", 0}, {"2026-03-01", 1_000_000}, {"2026-03-02", 2_000_000}, {"2026-03-03", 3_000_000}, {"2027-01-01", 3_000_000},
	} {
		if got := Expected(c, day(tc.today)); got != tc.want {
			t.Errorf("Expected on %s = %d, want %d", tc.today, got, tc.want)
		}
	}
}

func TestBuildCostHandMade(t *testing.T) {
	allocs := []Allocation{
		{Kind: KindMoney, Amount: 100_000_000}, {Kind: KindMoney, Amount: 50_000_000}, {Kind: KindInKind, Amount: 40_000_000},
	}
	seven := 7
	pc := BuildCost(allocs, 30, 25, &seven)
	if pc.Cost != 190_000_000 || pc.Money != 150_000_000 || pc.InKind != 40_000_000 {
		t.Errorf("cost %d money %d in kind %d", pc.Cost, pc.Money, pc.InKind)
	}
	// 190,000,000 / 30 = 6,333,333.3…; / 25 = 7,600,000; / 7 = 27,142,857.1…
	if pc.CostPerParticipant != 6_333_333 || pc.CostPerCompleter != 7_600_000 || pc.CostPerOutcome != 27_142_857 {
		t.Errorf("per participant %d, completer %d, outcome %d", pc.CostPerParticipant, pc.CostPerCompleter, pc.CostPerOutcome)
	}
	none := BuildCost(nil, 0, 0, nil)
	if none.Cost != 0 || none.CostPerParticipant != 0 || none.CostPerOutcome != 0 || none.Allocations == nil {
		t.Errorf("empty programme: %+v", none)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		c     Commitment
		field string
	}{
		{"ok money", Commitment{Kind: KindMoney, Amount: 1, Year: 2026}, ""},
		{"kind", Commitment{Kind: "cash", Amount: 1, Year: 2026}, "kind"},
		{"zero", Commitment{Kind: KindMoney, Amount: 0, Year: 2026}, "amount"},
		{"huge", Commitment{Kind: KindMoney, Amount: 1 << 62, Year: 2026}, "amount"},
		{"year", Commitment{Kind: KindMoney, Amount: 1, Year: 1999}, "year"},
		{"in kind needs description", Commitment{Kind: KindInKind, Amount: 1, Year: 2026}, "description"},
		{"dates", Commitment{Kind: KindMoney, Amount: 1, Year: 2026, StartsOn: "2026-05-01", EndsOn: "2026-04-01"}, "ends_on"},
		{"bad date", Commitment{Kind: KindMoney, Amount: 1, Year: 2026, StartsOn: "1/5/2026"}, "starts_on"},
	} {
		f := tc.c.Validate()
		if tc.field == "" && len(f) > 0 || tc.field != "" && f[tc.field] == "" {
			t.Errorf("%s: fields %v, want %q", tc.name, f, tc.field)
		}
	}
	r := Realisation{Amount: 5, Date: "2026-07-02"}
	if f := r.Validate("2026-07-01"); f["date"] == "" {
		t.Errorf("a realisation tomorrow passed: %v", f)
	}
	err := ErrOverAllocated(1_500_000)
	if !apperr.Is(err, apperr.Invalid) || apperr.FieldsOf(err)["amount"] == "" {
		t.Errorf("ErrOverAllocated: %v", err)
	}
}
