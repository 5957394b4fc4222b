package importer

import (
	"context"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// Import statuses.
const (
	StatusRunning = "running" // in progress, or interrupted if no process runs it any more
	StatusDone    = "done"    // committed
	StatusDryRun  = "dry_run" // computed, nothing written
	StatusFailed  = "failed"  // could not run, was cancelled or ran out of time; nothing written
)

// Row outcomes. Every row read ends in exactly one of them.
const (
	Inserted  = "inserted"
	Updated   = "updated"
	Unchanged = "unchanged"
	Rejected  = "rejected"
	Skipped   = "skipped" // a row that holds no business: blank, group label, subtotal, total
)

// Summary counts the outcomes of an import. Total = Inserted + Updated +
// Unchanged + Rejected + Skipped; DuplicatesInFile counts the rejected
// rows that repeat an earlier row of the same file. Sheets lists every
// sheet of a workbook, read or not.
type Summary struct {
	Total            int            `json:"total"`
	Inserted         int            `json:"inserted"`
	Updated          int            `json:"updated"`
	Unchanged        int            `json:"unchanged"`
	Rejected         int            `json:"rejected"`
	DuplicatesInFile int            `json:"duplicates_in_file"`
	Likely           int            `json:"likely_duplicates"` // rows without an exact match that are likely a stored business
	Skipped          int            `json:"skipped"`
	SkippedKinds     SkipCounts     `json:"skipped_kinds"`
	Sheets           []SheetSummary `json:"sheets,omitempty"`
}

// SkipCounts counts the skipped rows by kind.
type SkipCounts struct {
	Blank    int `json:"blank"`
	Group    int `json:"group"`
	Subtotal int `json:"subtotal"`
	Total    int `json:"total"`
}

func (k *SkipCounts) add(kind string) {
	switch kind {
	case SkipBlank:
		k.Blank++
	case SkipGroup:
		k.Group++
	case SkipSubtotal:
		k.Subtotal++
	case SkipTotal:
		k.Total++
	}
}

// SheetSummary is one sheet of a workbook: its rows below the header (for
// a sheet not read, its non-empty rows) and whether the import read it;
// Reason says why not.
type SheetSummary struct {
	Name   string `json:"name"`
	Rows   int    `json:"rows"`
	Read   bool   `json:"read"`
	Reason string `json:"reason,omitempty"`
}

// Import is one run of an import, as the history lists it.
type Import struct {
	ID             int64     `json:"id"`
	Source         string    `json:"source"`    // the source's name; also the measurements' source
	FileName       string    `json:"file_name"` // as uploaded
	UserID         int64     `json:"user_id"`
	Username       string    `json:"username"`
	DryRun         bool      `json:"dry_run"`
	Status         string    `json:"status"`
	Message        string    `json:"message,omitempty"` // why it failed (Indonesian)
	Summary        Summary   `json:"summary"`
	UnknownColumns []string  `json:"unknown_columns,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	FinishedAt     time.Time `json:"finished_at"`
	Report         []byte    `json:"-"` // XLSX of rejected rows; may be nil
}

// ExistingKey is what matching needs to know about a stored business
// (Phone and Address for record linkage only).
type ExistingKey struct {
	ID             int64
	NIB, NIK       string
	Name, Owner    string
	VillageCode    string
	Phone, Address string
}

// Existing is a stored business loaded for comparison, with its ledger when asked for.
type Existing struct {
	Business     registry.Business
	Measurements []registry.Measurement
}

// Change is what an import does to one business: insert it, update it, or
// only record that the import saw it unchanged.
type Change struct {
	Action       string             // Inserted, Updated or Unchanged
	Business     *registry.Business // insert: new record (ID set by the store); update: the new state, Version = stored version
	Measurements []registry.Measurement
	Audit        *audit.Entry // nil for Unchanged
	// Review, for an insert, is the stored business the new one likely is
	// (perhaps outside the officer's area): the pair is queued for the
	// duplicate review.
	Review *Likely
}

// Tx is one import's transaction.
type Tx interface {
	// EachKey streams the matching keys of every stored business, archived included.
	EachKey(ctx context.Context, fn func(ExistingKey) error) error
	// ActiveIn returns the keys, phone and address of the active stored
	// businesses of a kecamatan, in id order.
	ActiveIn(ctx context.Context, district string) ([]ExistingKey, error)
	// EachIdentifier streams the kecamatan, NIK and phone of every active
	// stored business that has a NIK or a phone.
	EachIdentifier(ctx context.Context, fn func(district, nik, phone string) error) error
	// Load returns the stored businesses with these ids, with their
	// measurement ledgers when ledgers is true.
	Load(ctx context.Context, ids []int64, ledgers bool) (map[int64]*Existing, error)
	// Apply writes changes in order: inserts (setting Business.ID,
	// Version, timestamps and audit EntityID), updates (failing with
	// apperr.Conflict when the stored version is not Business.Version),
	// appended measurements, audit entries, the link between this
	// import and every business it saw, and the pairs to review.
	Apply(ctx context.Context, importID int64, changes []Change) error
}

// Store persists imports. Errors follow apperr: NotFound for an absent import.
type Store interface {
	// CreateImport records a starting import (status running), setting ID and CreatedAt.
	CreateImport(ctx context.Context, imp *Import) error
	// RunImport runs fn inside one write transaction. When fn succeeds and
	// commit is true, it saves imp (status, summary, report) in the same
	// transaction and commits: the registry changes and the import's record
	// appear together or not at all. Otherwise it rolls back.
	RunImport(ctx context.Context, imp *Import, commit bool, fn func(Tx) error) error
	// SaveImport updates an import's status, message, summary and report
	// outside any import transaction (dry runs and failures).
	SaveImport(ctx context.Context, imp *Import) error
	// GetImport returns an import without its report.
	GetImport(ctx context.Context, id int64) (*Import, error)
	// ListImports returns imports newest first, and the total.
	ListImports(ctx context.Context, page, perPage int) ([]Import, int, error)
	// ImportReport returns an import's rejected-rows XLSX (nil when none).
	ImportReport(ctx context.Context, id int64) ([]byte, error)
	// FailInterrupted marks every import still recorded as running as failed
	// with msg, and returns how many. An import commits in one transaction,
	// so a process that stopped mid-way left nothing behind but this record.
	FailInterrupted(ctx context.Context, msg string) (int, error)
	// BusinessImports returns the imports that touched a business, newest first.
	BusinessImports(ctx context.Context, businessID int64) ([]Import, error)
}
