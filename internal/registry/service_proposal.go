package registry

import (
	"context"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// ownerUpdate saves an owner's edit: the ordinary fields at once, a change
// of a guarded field (NIK, NIB, P-IRT, halal) as a proposal that waits for
// an officer. Both are validated as the officer's edit would be, and saved
// together or not at all.
func (s *Service) ownerUpdate(ctx context.Context, a auth.Actor, old, b *Business) (*Business, error) {
	proposed := *b
	changes, before := splitGuarded(old, b)
	f := proposed.Validate(s.Regions, s.Jurisdiction, s.Now())
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	if len(changes) == 0 {
		if err := s.Store.UpdateBusiness(ctx, b, entry(a, audit.Update, b.ID, old, b)); err != nil {
			return nil, err
		}
		return s.Get(ctx, a, b.ID)
	}
	p := &Proposal{BusinessID: b.ID, Status: ProposalPending, Changes: changes, Before: before,
		ProposedBy: a.Username, ProposedByID: a.UserID}
	// The ordinary fields are saved too when the edit changed any of them.
	var bb *Business
	var ent *audit.Entry
	if _, after := audit.Diff(old, b); string(after) != "{}" {
		bb, ent = b, entry(a, audit.Update, b.ID, old, b)
	}
	if err := s.Store.ProposeChange(ctx, bb, ent, p, proposalEntry(a, audit.Create, p)); err != nil {
		return nil, err
	}
	return s.Get(ctx, a, b.ID)
}

// Proposals lists proposals: an officer those of its area (admin all), an
// owner those of its own business. Pimpinan only reads the register and
// verifies nothing.
func (s *Service) Proposals(ctx context.Context, a auth.Actor, status string) ([]Proposal, error) {
	f := ProposalFilter{Status: status}
	switch {
	case status != "" && status != ProposalPending && status != ProposalApproved && status != ProposalRejected:
		return nil, apperr.Validation(map[string]string{"status": "Status harus pending, approved atau rejected"})
	case a.Role == auth.Owner:
		f.BusinessID = a.BusinessID
		if f.BusinessID == 0 {
			return []Proposal{}, nil
		}
	case a.Role == auth.Operator:
		f.Regions = a.Regions
		if len(f.Regions) == 0 {
			return []Proposal{}, nil
		}
	case a.Role != auth.Admin:
		return nil, apperr.New(apperr.Forbidden, "Usulan perubahan diperiksa petugas dinas")
	}
	out, err := s.Store.ListProposals(ctx, f)
	if out == nil {
		out = []Proposal{}
	}
	return out, err
}

// PendingProposals returns the proposals of one business that wait for an
// officer, for those who may see the business (none for pimpinan, whose
// view of the register has no personal data to verify).
func (s *Service) PendingProposals(ctx context.Context, a auth.Actor, businessID int64) ([]Proposal, error) {
	if !a.IsOfficer() && a.Role != auth.Owner {
		return nil, nil
	}
	if _, err := s.get(ctx, a, businessID); err != nil {
		return nil, err
	}
	return s.Store.ListProposals(ctx, ProposalFilter{Status: ProposalPending, BusinessID: businessID})
}

// DecideProposal approves or rejects a pending proposal. Only an officer of
// the business's area (or admin) decides; approving writes the proposed
// values onto the business, validated as any edit; rejecting needs a reason
// the owner will read.
func (s *Service) DecideProposal(ctx context.Context, a auth.Actor, id int64, approve bool, reason string) (*Proposal, error) {
	if a.Role == auth.Pimpinan || a.Role == auth.Owner {
		return nil, apperr.New(apperr.Forbidden, "Usulan perubahan diverifikasi petugas dinas wilayahnya")
	}
	if !a.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda tidak boleh memverifikasi usulan")
	}
	p, err := s.Store.GetProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if !a.InArea(p.VillageCode) {
		return nil, apperr.New(apperr.NotFound, "Usulan tidak ditemukan")
	}
	if p.Status != ProposalPending {
		return nil, apperr.New(apperr.Conflict, "Usulan ini sudah diputuskan")
	}
	now := s.Now().UTC()
	p.DecidedBy, p.DecidedAt = a.Username, &now
	if !approve {
		p.Status, p.Reason = ProposalRejected, strings.TrimSpace(reason)
		if p.Reason == "" {
			return nil, apperr.Validation(map[string]string{"reason": "Tulis alasan penolakan untuk pemilik usaha"})
		}
		return p, s.Store.DecideProposal(ctx, p, proposalEntry(a, audit.Update, p), nil, nil)
	}
	old, err := s.Store.GetBusiness(ctx, p.BusinessID)
	if err != nil {
		return nil, err
	}
	b := *old
	applyChanges(&b, p.Changes)
	b.Normalize()
	if err := apperr.Validation(b.Validate(s.Regions, s.Jurisdiction, s.Now())); err != nil {
		return nil, err
	}
	p.Status = ProposalApproved
	if err := s.Store.DecideProposal(ctx, p, proposalEntry(a, audit.Update, p), &b, entry(a, audit.Update, b.ID, old, &b)); err != nil {
		return nil, err
	}
	return p, nil
}
