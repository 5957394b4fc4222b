package storetest

import (
	"strings"
	"sync"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/funding"
	"naikkelas/internal/programs"
	"naikkelas/internal/store"
)

func testFundingLedger(t *testing.T, s store.Store) {
	pt := &programs.Partner{Name: "Bank BJB", Kind: "bank"}
	if err := s.CreatePartner(ctx, pt, &audit.Entry{Entity: "partner"}); err != nil {
		t.Fatal(err)
	}
	p := newProgram(t, s)
	c := &funding.Commitment{PartnerID: pt.ID, Kind: funding.KindMoney, Amount: 100_000_000, Year: 2026,
		Reference: "PKS/012/2026", StartsOn: "2026-01-15", EndsOn: "2026-12-31", CreatedBy: "uji"}
	if err := s.CreateCommitment(ctx, c, createAudit("commitment")); err != nil {
		t.Fatalf("CreateCommitment: %v", err)
	}
	if c.ID == 0 || c.PartnerName != "Bank BJB" {
		t.Fatalf("commitment not filled: %+v", c)
	}
	other := &funding.Commitment{PartnerID: pt.ID, Kind: funding.KindInKind, Amount: 5_000_000, Year: 2025, Description: "Pelatih"}
	if err := s.CreateCommitment(ctx, other, createAudit("commitment")); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCommitment(ctx, &funding.Commitment{PartnerID: pt.ID + 99, Kind: funding.KindMoney, Amount: 1, Year: 2026},
		createAudit("commitment")); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("commitment of an absent partner: %v, want Invalid", err)
	}

	realise := func(amount int64) error {
		return s.AddRealisation(ctx, &funding.Realisation{CommitmentID: c.ID, Amount: amount, Date: "2026-03-01"}, createAudit("realisation"))
	}
	if err := realise(60_000_000); err != nil {
		t.Fatalf("AddRealisation: %v", err)
	}
	err := realise(40_000_001)
	if !apperr.Is(err, apperr.Invalid) || !strings.Contains(apperr.FieldsOf(err)["amount"], "Rp40.000.000") {
		t.Errorf("over-realisation: %v", err)
	}
	if err := s.AddRealisation(ctx, &funding.Realisation{CommitmentID: c.ID + 99, Amount: 1, Date: "2026-03-01"}, createAudit("x")); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("realisation of an absent commitment: %v", err)
	}

	allocate := func(amount int64) error {
		return s.AddAllocation(ctx, &funding.Allocation{CommitmentID: c.ID, ProgramID: p.ID, Amount: amount}, createAudit("allocation"))
	}
	if err := allocate(25_000_000); err != nil {
		t.Fatalf("AddAllocation: %v", err)
	}
	err = allocate(35_000_001)
	if !apperr.Is(err, apperr.Invalid) || !strings.Contains(apperr.FieldsOf(err)["amount"], "Rp35.000.000") {
		t.Errorf("over-allocation: %v", err)
	}
	if err := s.AddAllocation(ctx, &funding.Allocation{CommitmentID: c.ID, ProgramID: p.ID + 99, Amount: 1}, createAudit("allocation")); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("allocation to an absent programme: %v, want Invalid", err)
	}

	// Racing allocations for the last 35 million: exactly one of two 20 million passes.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = allocate(20_000_000) }()
	}
	wg.Wait()
	passed := 0
	for _, err := range errs {
		if err == nil {
			passed++
		} else if !apperr.Is(err, apperr.Invalid) && !apperr.Is(err, apperr.Conflict) {
			t.Errorf("racing allocation: %v", err)
		}
	}
	if passed != 1 {
		t.Errorf("%d racing allocations passed, want 1", passed)
	}

	got, err := s.GetCommitment(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Realised != 60_000_000 || got.Allocated != 45_000_000 || got.Available() != 15_000_000 || got.Reference != "PKS/012/2026" {
		t.Errorf("commitment after the ledger: %+v", got)
	}
	rs, err := s.ListRealisations(ctx, c.ID)
	if err != nil || len(rs) != 1 || rs[0].Amount != 60_000_000 || rs[0].Date != "2026-03-01" {
		t.Errorf("realisations %+v, %v", rs, err)
	}
	as, err := s.ListAllocations(ctx, p.ID, 0)
	if err != nil || len(as) != 2 || as[0].PartnerName != "Bank BJB" || as[0].Kind != funding.KindMoney || as[0].Amount+as[1].Amount != 45_000_000 {
		t.Errorf("allocations of programme %+v, %v", as, err)
	}
	if byC, err := s.ListAllocations(ctx, 0, c.ID); err != nil || len(byC) != 2 {
		t.Errorf("allocations of commitment %+v, %v", byC, err)
	}
	list, err := s.ListCommitments(ctx, funding.CommitmentFilter{PartnerID: pt.ID})
	if err != nil || len(list) != 2 || list[0].Year != 2025 || list[1].ID != c.ID {
		t.Errorf("commitments of partner: %+v, %v", list, err)
	}
	if y, err := s.ListCommitments(ctx, funding.CommitmentFilter{Year: 2025}); err != nil || len(y) != 1 || y[0].ID != other.ID {
		t.Errorf("commitments of 2025: %+v, %v", y, err)
	}
	for year, want := range map[int]int64{0: 45_000_000, 2026: 45_000_000, 2025: 0} {
		sums, err := s.AllocationsByProgram(ctx, year)
		if err != nil || sums[p.ID] != want {
			t.Errorf("AllocationsByProgram(%d) = %v, %v; want %d", year, sums, err, want)
		}
	}
	if _, err := s.GetCommitment(ctx, c.ID+99); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("absent commitment: %v", err)
	}
	// A partner with commitments cannot be deleted from under them.
	if err := s.DeletePartner(ctx, pt.ID, &audit.Entry{Entity: "partner"}); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("deleting a partner with commitments: %v, want Invalid", err)
	}
}
