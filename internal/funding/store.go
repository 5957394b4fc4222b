package funding

import (
	"context"

	"naikkelas/internal/audit"
)

// CommitmentFilter selects commitments; zero values mean "any".
type CommitmentFilter struct {
	PartnerID int64
	Year      int
}

// Store persists the ledger. Every write stores its audit entry in the same
// transaction. A commitment's Realised and Allocated are running sums kept
// by the store in the transaction that adds a realisation or allocation.
type Store interface {
	// CreateCommitment inserts c (setting ID, CreatedAt, PartnerName) and a.
	// Invalid when the partner does not exist.
	CreateCommitment(ctx context.Context, c *Commitment, a *audit.Entry) error
	// GetCommitment returns a commitment with its sums, or NotFound.
	GetCommitment(ctx context.Context, id int64) (*Commitment, error)
	// ListCommitments returns commitments by year, partner name and id.
	ListCommitments(ctx context.Context, f CommitmentFilter) ([]Commitment, error)
	// AddRealisation inserts r and raises its commitment's Realised, unless
	// that would pass the commitment's amount: then it returns
	// ErrOverRealised and stores nothing. NotFound for an absent commitment.
	AddRealisation(ctx context.Context, r *Realisation, a *audit.Entry) error
	// ListRealisations returns a commitment's realisations, oldest first.
	ListRealisations(ctx context.Context, commitmentID int64) ([]Realisation, error)
	// AddAllocation inserts al and raises its commitment's Allocated, unless
	// that would pass what was realised: then it returns ErrOverAllocated and
	// stores nothing. The check and the write are one statement, so two
	// allocations racing for the same rupiah cannot both pass. NotFound for
	// an absent commitment; Invalid for an absent programme.
	AddAllocation(ctx context.Context, al *Allocation, a *audit.Entry) error
	// ListAllocations returns allocations (with partner and kind), oldest
	// first: a programme's when programID is not 0, else a commitment's.
	ListAllocations(ctx context.Context, programID, commitmentID int64) ([]Allocation, error)
	// AllocationsByProgram sums, per programme, the allocations from
	// commitments of the given year (0 = every year).
	AllocationsByProgram(ctx context.Context, year int) (map[int64]int64, error)
}
