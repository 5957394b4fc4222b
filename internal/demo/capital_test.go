package demo

import (
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
)

// TestDemoCapital: the demo's two banks each see only their referrals,
// decided in every way; the funnel reaches disbursement; the Cikande
// operator's outbox holds messages due today.
func TestDemoCapital(t *testing.T) {
	ctx := t.Context()
	st, set := demoOf(t, 2000)
	statuses := map[string]int{}
	for _, username := range []string{"mitra.bank", SecondBankUsername} {
		u, err := st.UserByUsername(ctx, username)
		if err != nil {
			t.Fatal(err)
		}
		list, total, err := set.Capital.List(ctx, auth.ActorOf(u), capital.Filter{PerPage: 500})
		if err != nil || total == 0 {
			t.Fatalf("%s sees %d referrals (%v)", username, total, err)
		}
		for _, r := range list {
			if r.PartnerID != u.PartnerID || r.Contact == nil || r.Contact.Phone == "" && r.Contact.OwnerName == "" {
				t.Fatalf("%s sees referral %d of partner %d (contact %+v)", username, r.ID, r.PartnerID, r.Contact)
			}
			statuses[r.Status]++
		}
	}
	for _, s := range capital.Statuses {
		if statuses[s] == 0 {
			t.Errorf("no demo referral is %s (%v)", s, statuses)
		}
	}
	op, err := st.UserByUsername(ctx, "operator.cikande")
	if err != nil {
		t.Fatal(err)
	}
	stats, err := set.Capital.Stats(ctx, auth.ActorOf(op))
	if err != nil || stats.Total.Disbursed == 0 || stats.Total.DaysToDecision == nil {
		t.Fatalf("funnel %+v (%v)", stats, err)
	}
	box, err := set.Messages.Outbox(ctx, auth.ActorOf(op))
	if err != nil || len(box) == 0 {
		t.Fatalf("operator's outbox holds %d messages (%v)", len(box), err)
	}
}
