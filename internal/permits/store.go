package permits

import (
	"context"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// Filter selects permits for the office's lists.
type Filter struct {
	Kind          string
	Status        string // a stored status; "kedaluwarsa" also finds issued permits past their date, "terbit" leaves them out
	District      string
	ExpiresBefore string // YYYY-MM-DD: issued permits whose expiry is on or before this day
	Today         string // YYYY-MM-DD (WIB), for the meaning of "expired"
	Scope         registry.Scope
	Page          int
	PerPage       int
	// SkipTotal spares ListPermits its count (the total it returns is then
	// 0): the expiry list sums its kecamatan counts instead.
	SkipTotal bool
}

// MaxPerPage caps a page of a permit list.
const MaxPerPage = 500

// Store persists permits. Writes keep the business's permit fields (NIB,
// P-IRT, halal, BPOM, HKI) equal to what its permit records say, and write
// their audit entry, in the same transaction.
type Store interface {
	// PermitsOf returns the permits of a business, oldest first.
	PermitsOf(ctx context.Context, businessID int64) ([]Permit, error)
	// GetPermit returns a permit, or NotFound.
	GetPermit(ctx context.Context, id int64) (*Permit, error)
	// CreatePermit inserts p (setting ID, Version 1 and the times).
	CreatePermit(ctx context.Context, p *Permit, a *audit.Entry) error
	// UpdatePermit saves p when the stored version equals p.Version, then
	// increments it. Conflict on a stale version.
	UpdatePermit(ctx context.Context, p *Permit, a *audit.Entry) error
	// PermitHistory returns a permit's status changes, oldest first.
	PermitHistory(ctx context.Context, id int64) ([]Change, error)
	// ListPermits returns one page of the permits of active businesses that
	// f selects, ordered by expiry then id, and the total.
	ListPermits(ctx context.Context, f Filter) ([]Permit, int, error)
	// ExpiryCounts counts per kecamatan the issued permits f selects (its
	// ExpiresBefore set): expired by f.Today, and not yet.
	ExpiryCounts(ctx context.Context, f Filter) ([]ExpiryCount, error)

	ProfileStore
	QuotaStore
}
