package capital

import (
	"context"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// Filter selects referrals for lists.
type Filter struct {
	PartnerID int64  // 0 = every bank
	Status    string // "" = every status
	NeedID    int64
	Scope     registry.Scope // the businesses within reach
	Page      int
	PerPage   int
}

// MaxPerPage caps a page of referrals.
const MaxPerPage = 500

// Store persists needs and referrals. Writes carry their audit entry in the
// same transaction.
type Store interface {
	// CreateNeed inserts n, setting ID (and RecordedAt when zero).
	CreateNeed(ctx context.Context, n *Need, a *audit.Entry) error
	// GetNeed returns a need, or NotFound.
	GetNeed(ctx context.Context, id int64) (*Need, error)
	// NeedsOf returns a business's needs, newest first.
	NeedsOf(ctx context.Context, businessID int64) ([]Need, error)
	// CreateReferral inserts r, setting ID, Version 1 (and ReferredAt when zero).
	// Conflict when the need was already referred to that bank, or the
	// code is taken.
	CreateReferral(ctx context.Context, r *Referral, a *audit.Entry) error
	// GetReferral returns a referral, or NotFound.
	GetReferral(ctx context.Context, id int64) (*Referral, error)
	// ReferralByCode returns the referral whose letter has this code, or NotFound.
	ReferralByCode(ctx context.Context, code string) (*Referral, error)
	// SaveDecision stores r's status and decision fields when the stored
	// version equals r.Version, then increments it; Conflict otherwise.
	SaveDecision(ctx context.Context, r *Referral, a *audit.Entry) error
	// ListReferrals returns one page of the referrals f selects, newest
	// first, and the total.
	ListReferrals(ctx context.Context, f Filter) ([]Referral, int, error)
	// CapitalFacts returns what the funnel counts for the businesses in
	// scope: their needs, the referrals of those needs, and the programmes
	// the businesses completed.
	CapitalFacts(ctx context.Context, scope registry.Scope) (*Facts, error)
}

// Facts is the raw material of the funnel.
type Facts struct {
	Needs       []NeedFact
	Referrals   []ReferralFact
	Completions []Completion
}

// NeedFact is one need as the funnel counts it.
type NeedFact struct {
	ID           int64
	BusinessID   int64
	DistrictCode string
	Amount       int64
	RecordedAt   time.Time
}

// ReferralFact is one referral as the funnel counts it.
type ReferralFact struct {
	NeedID          int64
	Status          string
	ReferredAt      time.Time
	DecidedAt       time.Time // zero when undecided
	ApprovedAmount  int64
	DisbursedOn     string
	DisbursedAmount int64
}

// Completion is one programme a business completed.
type Completion struct {
	BusinessID  int64
	ProgramID   int64
	ProgramName string
}
