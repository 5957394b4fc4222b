package registry

import (
	"context"

	"naikkelas/internal/audit"
)

// Scope restricts a query to what an actor may see. The zero Scope is the
// whole instance. Regions holds district or village codes (an operator's
// area); BusinessID restricts to one business (an owner).
type Scope struct {
	Regions    []string
	BusinessID int64
}

// Filter selects businesses for lists, exports and statistics.
type Filter struct {
	Q         string // search over name, brand, owner and NIB (and NIK and phone when Personal); typo-tolerant
	District  string
	Village   string
	SizeClass string
	Sector    string
	Doc       string // one of the Doc* constants
	Archived  bool   // list archived instead of active businesses (admin only)
	IDs       []int64
	Scope     Scope
	// Personal lets Q match personal data (NIK, phone) too. Only Restrict
	// sets it, for a reader who sees that data unmasked: a reader who sees
	// it masked must not be able to infer it from what a search finds.
	Personal bool
	Today    string // YYYY-MM-DD, for "expired" document filters
	Sort     string // one of SortFields; default "name"
	Desc     bool
	Page     int // from 1
	PerPage  int // at most MaxPerPage
}

// SortFields are the columns a list may be sorted by.
var SortFields = []string{"name", "owner_name", "district", "size_class", "annual_revenue", "updated_at", "id"}

// MaxPerPage caps a page of a list.
const MaxPerPage = 500

// DistrictCount is one row of the per-kecamatan statistics.
type DistrictCount struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Businesses int    `json:"businesses"`
	Mikro      int    `json:"mikro"`
	Kecil      int    `json:"kecil"`
	Menengah   int    `json:"menengah"`
	Besar      int    `json:"besar"`
}

// HomeStats are the totals on the home page.
type HomeStats struct {
	Total        int            `json:"total"`
	BySizeClass  map[string]int `json:"by_size_class"` // "" = unknown
	NIB          int            `json:"nib"`
	PIRT         int            `json:"pirt"`
	PIRTExpired  int            `json:"pirt_expired"`
	Halal        int            `json:"halal"`
	HalalExpired int            `json:"halal_expired"`
	HalalProcess int            `json:"halal_in_process"`
}

// Store persists businesses and their measurements. Every write also writes
// its audit entry in the same transaction. Errors: NotFound for an absent id,
// Conflict for a stale version or a unique key taken, Invalid for a value a
// constraint rejects.
type Store interface {
	// CreateBusiness inserts b (setting ID, Version=1, CreatedAt, UpdatedAt),
	// its first measurement m when m is not nil, and the audit entry (whose
	// EntityID it sets).
	CreateBusiness(ctx context.Context, b *Business, m *Measurement, a *audit.Entry) error
	// GetBusiness returns the business, active or archived, or NotFound.
	GetBusiness(ctx context.Context, id int64) (*Business, error)
	// UpdateBusiness saves b if the stored version equals b.Version, then
	// increments b.Version. Returns Conflict on a stale version.
	UpdateBusiness(ctx context.Context, b *Business, a *audit.Entry) error
	// UpdateMeasured is UpdateBusiness followed by AddMeasurement(m, mirror
	// true) in one transaction, with an audit entry for each: an edit that
	// changes the money fields is saved whole or not at all.
	UpdateMeasured(ctx context.Context, b *Business, a *audit.Entry, m *Measurement, ma *audit.Entry) error
	// ListBusinesses returns one page of businesses matching f, and the total.
	ListBusinesses(ctx context.Context, f Filter) ([]Business, int, error)
	// EachBusiness calls fn for every business matching f (ignoring paging),
	// streaming rows so that exports need not hold them all in memory.
	EachBusiness(ctx context.Context, f Filter, fn func(*Business) error) error

	// AddMeasurement appends m (setting ID and CreatedAt). When mirror is
	// true and m's year is not older than any other entry's, the business's
	// money, employees and size class take m's values and its version
	// increases. Returns NotFound for an absent business.
	AddMeasurement(ctx context.Context, m *Measurement, mirror bool, a *audit.Entry) error
	// ListMeasurements returns a business's ledger, oldest first.
	ListMeasurements(ctx context.Context, businessID int64) ([]Measurement, error)

	// DistrictStats counts active businesses per district and size class.
	DistrictStats(ctx context.Context, f Filter) ([]DistrictCount, error)
	// HomeStats counts active businesses by size class and document.
	HomeStats(ctx context.Context, f Filter) (HomeStats, error)
	// InsertBatch inserts many new businesses with their measurements and
	// audit entries in one transaction (demo data, bulk loads). It sets IDs,
	// versions and timestamps. All or nothing.
	InsertBatch(ctx context.Context, items []NewBusiness) error

	// CountBusinesses counts all businesses, archived included.
	CountBusinesses(ctx context.Context) (int, error)

	ProposalStore
}

// NewBusiness is one item of InsertBatch.
type NewBusiness struct {
	Business     *Business
	Measurements []Measurement // any order; the latest mirrors onto Business
	Audit        *audit.Entry  // may be nil
}
