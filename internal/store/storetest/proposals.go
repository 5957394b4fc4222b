package storetest

import (
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// A proposal is stored with its audit entry, one pending per business,
// listed by area and status; a decision is recorded once, together with
// the business it changes.
func testProposals(t *testing.T, s store.Store) {
	b := create(t, s, biz("Sate Bandeng Bu Entin", cikandeA))
	other := create(t, s, biz("Golok Ciomas", kramatwatuA))
	propose := func(id int64, nib string) (*registry.Proposal, error) {
		p := &registry.Proposal{BusinessID: id, Status: registry.ProposalPending,
			Changes: map[string]string{"nib": nib}, Before: map[string]string{"nib": ""}, ProposedBy: "pemilik"}
		return p, s.ProposeChange(ctx, nil, nil, p, &audit.Entry{Username: "pemilik", Action: audit.Create, Entity: "proposal"})
	}
	p, err := propose(b.ID, "1234567890123")
	if err != nil || p.ID == 0 || p.ProposedAt.IsZero() {
		t.Fatalf("propose: %+v %v", p, err)
	}
	_, err = propose(b.ID, "9999999999999")
	wantCode(t, err, apperr.Conflict)
	if _, err := propose(other.ID, "1111111111111"); err != nil {
		t.Fatal(err)
	}
	got, err := s.ListProposals(ctx, registry.ProposalFilter{Status: registry.ProposalPending, Regions: []string{cikande}})
	if err != nil || len(got) != 1 || got[0].BusinessName != b.Name || got[0].Changes["nib"] != "1234567890123" ||
		got[0].VillageCode != cikandeA || got[0].DecidedAt != nil {
		t.Fatalf("pending in Cikande: %+v %v", got, err)
	}
	// Approving saves the business with the decision.
	old, _ := s.GetBusiness(ctx, b.ID)
	nb := *old
	nb.NIB = "1234567890123"
	now := mustTime("2026-06-01T03:00:00Z")
	p.Status, p.DecidedBy, p.DecidedAt = registry.ProposalApproved, "operator", &now
	if err := s.DecideProposal(ctx, p, &audit.Entry{Action: audit.Update, Entity: "proposal"}, &nb,
		&audit.Entry{Action: audit.Update, Entity: "business"}); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.GetBusiness(ctx, b.ID); after.NIB != "1234567890123" || after.Version != old.Version+1 {
		t.Errorf("approved change not saved: %+v", after)
	}
	wantCode(t, s.DecideProposal(ctx, p, &audit.Entry{Action: audit.Update, Entity: "proposal"}, nil, nil), apperr.Conflict)
	again, err := s.GetProposal(ctx, p.ID)
	if err != nil || again.Status != registry.ProposalApproved || again.DecidedAt == nil || !again.DecidedAt.Equal(now) {
		t.Errorf("decided proposal: %+v %v", again, err)
	}
	if _, total, _ := s.ListAudit(ctx, audit.Filter{Entity: "proposal"}); total != 3 {
		t.Errorf("proposal audit entries %d, want 3", total)
	}
	// After the decision the business may propose again.
	if _, err := propose(b.ID, "2222222222222"); err != nil {
		t.Errorf("new proposal after a decision: %v", err)
	}
	_, err = s.GetProposal(ctx, 424242)
	wantCode(t, err, apperr.NotFound)
}
