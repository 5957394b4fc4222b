package market

import (
	"testing"
	"time"
)

func TestCheckSale(t *testing.T) {
	l := &Listing{StartsOn: "2025-11-15", PaymentTermsDays: 14}
	today := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		sale  Sale
		field string // "" = valid
		due   string
	}{
		{Sale{Month: "2026-01", Units: 40, Revenue: 1_000_000}, "", "2026-02-14"},
		{Sale{Month: "2026-02", Units: 0, Revenue: 0}, "", "2026-03-14"},
		{Sale{Month: "2025-11", Units: 5, Revenue: 50_000, PaidOn: "2025-12-10"}, "", "2025-12-14"},
		{Sale{Month: "2026-03", Units: 1, Revenue: 1}, "", "2026-04-14"},
		{Sale{Month: "2026-1", Units: 1, Revenue: 1}, "month", ""},
		{Sale{Month: "2026-13", Units: 1, Revenue: 1}, "month", ""},
		{Sale{Month: "01-2026", Units: 1, Revenue: 1}, "month", ""},
		{Sale{Month: "2026-01-01", Units: 1, Revenue: 1}, "month", ""},
		{Sale{Month: "", Units: 1, Revenue: 1}, "month", ""},
		{Sale{Month: "2025-10", Units: 1, Revenue: 1}, "month", ""}, // before the shelf
		{Sale{Month: "2026-04", Units: 1, Revenue: 1}, "month", ""}, // not begun
		{Sale{Month: "2026-01", Units: -1, Revenue: 1}, "units", ""},
		{Sale{Month: "2026-01", Units: 1, Revenue: -500}, "revenue", ""},
		{Sale{Month: "2026-01", Units: 1, Revenue: 1, PaidOn: "2025-12-31"}, "paid_on", ""},
		{Sale{Month: "2026-01", Units: 1, Revenue: 1, PaidOn: "2026-03-11"}, "paid_on", ""},
		{Sale{Month: "2026-01", Units: 1, Revenue: 1, PaidOn: "10/02/2026"}, "paid_on", ""},
	}
	for _, tc := range cases {
		s := tc.sale
		bad := l.CheckSale(&s, today)
		switch {
		case tc.field == "" && len(bad) > 0:
			t.Errorf("%+v: %v, want valid", tc.sale, bad)
		case tc.field != "" && bad[tc.field] == "":
			t.Errorf("%+v: %v, want a message for %s", tc.sale, bad, tc.field)
		case tc.field == "" && s.DueOn != tc.due:
			t.Errorf("%+v: due %s, want %s", tc.sale, s.DueOn, tc.due)
		}
	}
}

// TestTally: what is owed counts from the month's end; past the due date it
// is overdue; paid months and empty ones owe nothing.
func TestTally(t *testing.T) {
	l := &Listing{PartnerID: 1, PartnerName: "Swalayan", Sales: []Sale{
		{Month: "2026-01", Units: 10, Revenue: 100_000, DueOn: "2026-02-14", PaidOn: "2026-02-12"},
		{Month: "2026-02", Units: 20, Revenue: 200_000, DueOn: "2026-03-14"},
		{Month: "2026-03", Units: 30, Revenue: 300_000, DueOn: "2026-04-14"},
		{Month: "2026-04", Units: 0, Revenue: 0, DueOn: "2026-05-14"},
	}}
	l.Tally(time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC))
	want := Owed{Units: 60, Revenue: 600_000, Owed: 500_000, OwedPastTerms: 200_000, OldestUnpaid: 41, LongestOverdue: 27}
	if l.Totals != want {
		t.Errorf("totals %+v, want %+v", l.Totals, want)
	}
	if s := l.Sales[2]; s.DaysUnpaid != 10 || s.DaysOverdue != 0 {
		t.Errorf("March: unpaid %d overdue %d, want 10 and 0", s.DaysUnpaid, s.DaysOverdue)
	}
	other := Listing{PartnerID: 1, PartnerName: "Swalayan", Totals: Owed{Revenue: 50_000, Owed: 50_000, OldestUnpaid: 70}}
	sums, unpaid := OwedByRetailer([]Listing{*l, other})
	if len(sums) != 1 || sums[0].Listings != 2 || sums[0].Owed.Owed != 550_000 || sums[0].OldestUnpaid != 70 {
		t.Errorf("per retailer %+v", sums)
	}
	if len(unpaid) != 2 || unpaid[0].Month != "2026-02" {
		t.Errorf("unpaid months %+v, want February first", unpaid)
	}
}
