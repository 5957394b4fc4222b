package partners_test

import (
	"context"
	"slices"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/partners"
)

// A programme without the partner's funding line is the partner's once
// the office allocates part of the partner's commitment to it; the ledger
// and its commitments are the partner's alone.
func TestLedgerOnlyTheMitrasPartner(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	fund := w.svc.Funding
	c, err := fund.Commit(ctx, auth.System, w.bank, &funding.Commitment{Kind: funding.KindInKind, Amount: 8_000_000, Year: 2026,
		Description: "Pelatih pemasaran"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fund.Realise(ctx, auth.System, c.ID, &funding.Realisation{Amount: 8_000_000, Date: "2026-01-05"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.FundedProgram(ctx, w.mitra, w.shopOnly); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("before the allocation: %v, want NotFound", err)
	}
	if _, err := fund.Allocate(ctx, auth.System, w.shopOnly, &funding.Allocation{CommitmentID: c.ID, Amount: 3_000_000}); err != nil {
		t.Fatal(err)
	}
	if p, err := w.svc.FundedProgram(ctx, w.mitra, w.shopOnly); err != nil || p.Allocated != 3_000_000 || len(p.Funding) != 0 {
		t.Errorf("after the allocation: %+v, %v; want Rp3.000.000 allocated and no funding line", p, err)
	}
	if list, err := w.svc.FundedPrograms(ctx, w.mitra); err != nil || !slices.ContainsFunc(list, func(p partners.Program) bool {
		return p.ID == w.shopOnly && p.Allocated == 3_000_000
	}) {
		t.Errorf("funded programmes %+v, %v: want the allocated one with its amount", list, err)
	}
	led, err := w.svc.Ledger(ctx, w.mitra, 0)
	if err != nil {
		t.Fatal(err)
	}
	if led.Totals.Committed != 8_000_000 || led.Totals.Unspent != 5_000_000 || len(led.Commitments) != 1 ||
		led.Commitments[0].Allocations[0].ProgramName != "Pameran Ritel" {
		t.Errorf("ledger = %+v", led)
	}
	shop := auth.Actor{UserID: 10, Role: auth.Mitra, PartnerID: w.shop}
	if _, err := w.svc.Commitment(ctx, shop, c.ID); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("the shop reads the bank's commitment: %v", err)
	}
	if _, err := fund.Commitments(ctx, shop, w.bank); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("the shop lists the bank's commitments: %v", err)
	}
	if led, err := w.svc.Ledger(ctx, shop, 0); err != nil || len(led.Commitments) != 0 {
		t.Errorf("the shop's ledger = %+v, %v; want empty", led, err)
	}
	if _, err := w.svc.Ledger(ctx, auth.Actor{Role: auth.Pimpinan}, 0); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan reads a partner ledger: %v", err)
	}
}
