package market

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzRequirementsJSON: whatever a client sends as requirements, decoding
// either fails with an error or yields requirements that survive a round
// trip; the pre-check never panics on them.
func FuzzRequirementsJSON(f *testing.F) {
	for _, s := range []string{`{}`, `{"halal":true,"min_shelf_life_days":90}`, `{"hala":true}`, `{"min_label_score":-1}`,
		`{"barcode":"ya"}`, `[]`, `null`, `{"brand":true,"brand":false}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r Requirements
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			return
		}
		b, _ := json.Marshal(&r)
		var back Requirements
		if err := json.Unmarshal(b, &back); err != nil || back != r {
			t.Fatalf("%q → %s → %+v, %v", s, b, back, err)
		}
		r.Validate()
		r.Unmet(&Candidate{Product: &Product{}})
	})
}

// FuzzCheckSale: a month's report from outside is accepted only with a
// month of the form YYYY-MM within the listing's time and amounts not
// negative, and then has a due date after the month.
func FuzzCheckSale(f *testing.F) {
	for _, m := range []string{"2026-01", "2026-1", "2026-13", "", "2026-01-01", " 2026-02", "99999-01", "2025-12"} {
		f.Add(m, int64(10), int64(150000), "")
	}
	f.Add("2026-02", int64(-1), int64(5), "2026-03-01")
	today := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, month string, units, revenue int64, paid string) {
		l := &Listing{StartsOn: "2025-12-01", PaymentTermsDays: 14}
		s := &Sale{Month: month, Units: units, Revenue: revenue, PaidOn: paid}
		if len(l.CheckSale(s, today)) > 0 {
			return
		}
		m, err := time.Parse("2006-01", s.Month)
		if err != nil || s.Month < "2025-12" || s.Month > "2026-06" || s.Units < 0 || s.Revenue < 0 {
			t.Fatalf("accepted %+v", s)
		}
		if due, err := time.Parse(time.DateOnly, s.DueOn); err != nil || !due.After(m) {
			t.Fatalf("due date %q for %s", s.DueOn, s.Month)
		}
	})
}
