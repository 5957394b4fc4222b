package registry

import (
	"context"
	"maps"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// Proposal is an owner's change of a legal identifier or the halal status
// of its business. The register keeps the old values until an officer of
// the business's area verifies the proposal against the documents.
type Proposal struct {
	ID           int64             `json:"id"`
	BusinessID   int64             `json:"business_id"`
	BusinessName string            `json:"business_name"`
	VillageCode  string            `json:"village_code"`
	Status       string            `json:"status"`  // pending | approved | rejected
	Changes      map[string]string `json:"changes"` // field → proposed value
	Before       map[string]string `json:"before"`  // field → value when proposed
	ProposedBy   string            `json:"proposed_by"`
	ProposedByID int64             `json:"-"`
	ProposedAt   time.Time         `json:"proposed_at"`
	DecidedBy    string            `json:"decided_by"`
	DecidedAt    *time.Time        `json:"decided_at"`
	Reason       string            `json:"reason"` // why it was rejected
}

// Proposal statuses.
const (
	ProposalPending  = "pending"
	ProposalApproved = "approved"
	ProposalRejected = "rejected"
)

// ProposalFilter selects proposals. Regions limits them to businesses in
// those regions (nil = everywhere); BusinessID to one business.
type ProposalFilter struct {
	Status     string
	Regions    []string
	BusinessID int64
}

// ProposalStore persists proposals; each write also writes its audit
// entries and, where given, the business, in one transaction. Errors:
// NotFound for an absent proposal, Conflict for a second pending proposal
// of one business, a decision on one no longer pending, or a stale business
// version.
type ProposalStore interface {
	// ProposeChange saves b when not nil (as UpdateBusiness) and inserts p
	// (setting ID and ProposedAt), each with its audit entry.
	ProposeChange(ctx context.Context, b *Business, ba *audit.Entry, p *Proposal, pa *audit.Entry) error
	// ListProposals returns the proposals matching f, oldest first, with
	// their business's name and village.
	ListProposals(ctx context.Context, f ProposalFilter) ([]Proposal, error)
	// GetProposal returns one proposal or NotFound.
	GetProposal(ctx context.Context, id int64) (*Proposal, error)
	// DecideProposal records p's decision if p is still pending, and saves
	// b when not nil (as UpdateBusiness), each with its audit entry.
	DecideProposal(ctx context.Context, p *Proposal, pa *audit.Entry, b *Business, ba *audit.Entry) error
}

// guardedField is a business field an owner may only propose to change.
type guardedField struct {
	Name  string // JSON and form name
	Label string
	field func(b *Business) *string
}

// GuardedFields are the fields whose change by an owner waits for an
// officer: the identifiers the office relies on (NIK, NIB, P-IRT) and the
// halal status with its certificate.
var GuardedFields = []guardedField{
	{"nik", "NIK", func(b *Business) *string { return &b.NIK }},
	{"nib", "NIB", func(b *Business) *string { return &b.NIB }},
	{"pirt_number", "Nomor P-IRT", func(b *Business) *string { return &b.PIRTNumber }},
	{"pirt_expires_on", "P-IRT berlaku sampai", func(b *Business) *string { return &b.PIRTExpiresOn }},
	{"halal_status", "Status halal", func(b *Business) *string { return &b.HalalStatus }},
	{"halal_number", "Nomor sertifikat halal", func(b *Business) *string { return &b.HalalNumber }},
	{"halal_expires_on", "Halal berlaku sampai", func(b *Business) *string { return &b.HalalExpiresOn }},
}

// GuardedLabel is the Indonesian label of a guarded field.
func GuardedLabel(name string) string {
	for _, g := range GuardedFields {
		if g.Name == name {
			return g.Label
		}
	}
	return name
}

// splitGuarded moves b's changes of guarded fields (against old) into a
// proposal's changes and before, restoring old values on b.
func splitGuarded(old, b *Business) (changes, before map[string]string) {
	changes, before = map[string]string{}, map[string]string{}
	for _, g := range GuardedFields {
		was, now := *g.field(old), *g.field(b)
		if was != now {
			changes[g.Name], before[g.Name] = now, was
			*g.field(b) = was
		}
	}
	return changes, before
}

// applyChanges writes a proposal's values onto b.
func applyChanges(b *Business, changes map[string]string) {
	for _, g := range GuardedFields {
		if v, ok := changes[g.Name]; ok {
			*g.field(b) = v
		}
	}
}

func proposalEntry(a auth.Actor, action string, p *Proposal) *audit.Entry {
	after := map[string]any{"business_id": p.BusinessID, "status": p.Status, "changes": maps.Clone(p.Changes)}
	if p.Reason != "" {
		after["reason"] = p.Reason
	}
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: action, Entity: "proposal", EntityID: p.ID, After: mustJSON(after)}
}
