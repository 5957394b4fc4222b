package permits_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/storetest"
)

// TestQuotaAllocation fills a provincial quota of 25 places with 23 ready
// bakeries over two assistants, refuses a business that does not qualify
// and a batch larger than what is left, and warns of the lapsing places.
func TestQuotaAllocation(t *testing.T) {
	st := storetest.OpenSQLite(t)
	reg := registry.NewService(st, "36.04")
	svc := permits.NewService(st, reg)
	now := time.Date(2026, 12, 3, 2, 0, 0, 0, time.UTC) // Thursday
	svc.Now = func() time.Time { return now }
	var ids []int64
	for i := range 24 {
		b, err := reg.Create(ctx, auth.System, &registry.Business{Name: fmt.Sprintf("Roti %02d", i), OwnerName: "Pemilik",
			VillageCode: "36.04.15.2001", KBLI: "10710", AnnualRevenue: 200_000_000, NIB: fmt.Sprintf("%013d", 2000000000000+i)})
		if err != nil {
			t.Fatal(err)
		}
		if i < 23 {
			if _, err := svc.SaveProfile(ctx, auth.System, complete(b.ID)); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, b.ID)
	}
	admin := auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}
	q, err := svc.CreateQuota(ctx, admin, &permits.Quota{Provider: "SEHATI BPJPH – Pemprov Banten", Scope: "provinsi", Total: 25,
		OpensOn: "2026-11-01", ClosesOn: "2026-12-20"})
	if err != nil {
		t.Fatal(err)
	}
	if q.Remaining != 25 || q.DaysLeft != 18 || q.Warning == "" {
		t.Errorf("new quota: remaining %d, days left %d, warning %q", q.Remaining, q.DaysLeft, q.Warning)
	}

	// The 24th business has no profile: the batch stops and names it.
	_, err = svc.Allocate(ctx, admin, q.ID, permits.AllocationRequest{BusinessIDs: ids, Assistants: []string{"Ahmad", "Siti"}})
	var ae *apperr.Error
	if !apperr.Is(err, apperr.Invalid) || !errors.As(err, &ae) || ae.Fields["business_ids.23"] == "" || len(ae.Fields) != 1 {
		t.Fatalf("allocate with an unready business: %v", err)
	}
	res, err := svc.Allocate(ctx, admin, q.ID, permits.AllocationRequest{BusinessIDs: ids[:23], Assistants: []string{"Ahmad", "Siti"}})
	if err != nil {
		t.Fatal(err)
	}
	// Thursday 20, Friday 3.
	if res.FinishesOn != "2026-12-04" || res.PerDay["Ahmad"] != 12 || res.PerDay["Siti"] != 11 || res.Quota.Remaining != 2 {
		t.Errorf("plan: finishes %s, per assistant %v, remaining %d", res.FinishesOn, res.PerDay, res.Quota.Remaining)
	}
	perDay := map[permits.Slot]int{}
	for _, a := range res.Allocations {
		perDay[permits.Slot{Assistant: a.Assistant, Day: a.PlannedOn}]++
	}
	for s, n := range perDay {
		if n > permits.MaxPerAssistantDay {
			t.Errorf("%v: %d applications", s, n)
		}
	}
	// Already allocated, and more than the places left.
	if _, err := svc.Allocate(ctx, admin, q.ID, permits.AllocationRequest{BusinessIDs: ids[:1], Assistants: []string{"Ahmad"}}); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("allocate twice: %v", err)
	}
	q2, _ := svc.CreateQuota(ctx, admin, &permits.Quota{Provider: "Kuota kecil", Scope: "nasional", Total: 1, OpensOn: "2026-12-01", ClosesOn: "2027-03-31"})
	if _, err := svc.Allocate(ctx, admin, q2.ID, permits.AllocationRequest{BusinessIDs: ids[:2], Assistants: []string{"Ahmad"}}); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("over the total: %v", err)
	}
	// A business allocated to one quota is not allocated to another.
	res2, err := svc.Allocate(ctx, admin, q2.ID, permits.AllocationRequest{BusinessIDs: ids[22:23], Assistants: []string{"Ahmad"}})
	if err == nil || !apperr.Is(err, apperr.Conflict) {
		t.Errorf("business already in another quota: %v %+v", err, res2)
	}
	// Pimpinan reads, does not allocate; an owner does neither.
	pim := auth.Actor{Username: "pimpinan", Role: auth.Pimpinan}
	if qs, err := svc.Quotas(ctx, pim, ""); err != nil || len(qs) != 2 {
		t.Errorf("pimpinan lists %d quotas: %v", len(qs), err)
	}
	if _, err := svc.Allocate(ctx, pim, q.ID, permits.AllocationRequest{}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan allocates: %v", err)
	}
	if _, err := svc.Quotas(ctx, auth.Actor{Role: auth.Owner, BusinessID: ids[0]}, ""); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner lists quotas: %v", err)
	}
}
