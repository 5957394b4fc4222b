// Package store names what naikkelas persists: the Store interface, and
// nothing else. The engines live in store/sqlite and store/postgres; both
// implement Store and pass the same suite in store/storetest, and
// store/engine opens one. The interfaces Store gathers belong to the domain
// packages (registry.Store, auth.Store, …): storage depends on the domain,
// never the other way.
package store

import (
	"context"

	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/funding"
	"naikkelas/internal/importer"
	"naikkelas/internal/indicators"
	"naikkelas/internal/integrity"
	"naikkelas/internal/market"
	"naikkelas/internal/messages"
	"naikkelas/internal/office"
	"naikkelas/internal/permits"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// Store is everything naikkelas persists. Later domains add their interfaces here.
type Store interface {
	registry.Store
	auth.Store
	audit.Store
	assessment.Store
	importer.Store
	programs.Store
	office.Store
	permits.Store
	duplicates.Store
	funding.Store
	planner.Store
	market.Store
	capital.Store
	messages.Store
	integrity.Store
	indicators.StockStore
	// The programmes read needs from the latest assessments, and the
	// assessments read what the programmes record about participation.
	programs.NeedSource
	assessment.ProgramFacts

	// Engine returns "sqlite" or "postgres".
	Engine() string
	// Migrate brings the schema up to date; it is idempotent.
	Migrate(ctx context.Context) error
	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// MapError turns an engine error that no method mapped (a read that
	// gave up waiting for a lock, say) into an apperr error where it can,
	// and returns any other error unchanged.
	MapError(err error) error
	// Close releases the database.
	Close() error
}
