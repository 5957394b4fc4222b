package market

import (
	"context"

	"naikkelas/internal/audit"
)

// Store persists products and their photos. Every write writes its audit
// entry in the same transaction, and keeps the business's product summary
// (the name, category and price list shown with the business) in step.
// Errors: NotFound for an absent id, Conflict for a stale version.
type Store interface {
	// ListProducts returns a business's products, oldest first, with photos.
	ListProducts(ctx context.Context, businessID int64) ([]Product, error)
	// GetProduct returns a product with its photos, or NotFound.
	GetProduct(ctx context.Context, id int64) (*Product, error)
	// CreateProduct inserts p (setting ID, Version 1 and timestamps).
	CreateProduct(ctx context.Context, p *Product, a *audit.Entry) error
	// UpdateProduct saves p if the stored version equals p.Version, then
	// increments p.Version. Conflict on a stale version.
	UpdateProduct(ctx context.Context, p *Product, a *audit.Entry) error
	// DeleteProduct removes a product and its photo records and returns the
	// photos, whose files the caller removes after the commit. Conflict
	// for a product put before a curation round.
	DeleteProduct(ctx context.Context, id int64, a *audit.Entry) ([]Photo, error)
	// AddPhoto records a stored photo (setting ID and CreatedAt).
	AddPhoto(ctx context.Context, ph *Photo, a *audit.Entry) error
	// GetPhoto returns a photo record, or NotFound.
	GetPhoto(ctx context.Context, id int64) (*Photo, error)
	// CountPhotos counts a product's photos.
	CountPhotos(ctx context.Context, productID int64) (int, error)

	// AddLabelCheck stores a label check (setting ID) with its audit entry.
	AddLabelCheck(ctx context.Context, c *LabelCheck, a *audit.Entry) error
	// LabelChecks returns a product's label checks, oldest first.
	LabelChecks(ctx context.Context, productID int64) ([]LabelCheck, error)
	// LatestLabelChecks returns the latest label check of each product of a
	// business that has one, by product id.
	LatestLabelChecks(ctx context.Context, businessID int64) (map[int64]LabelCheck, error)

	// CatalogueRows returns one page of the products of consenting active
	// businesses matching f, newest first, with photos, and the total.
	CatalogueRows(ctx context.Context, f CatalogueFilter) ([]CatalogueRow, int, error)
	// CatalogueRow returns one such product, or NotFound.
	CatalogueRow(ctx context.Context, productID int64, today string) (*CatalogueRow, error)
	// GetConsent returns a business's catalogue consent, nil when none.
	GetConsent(ctx context.Context, businessID int64) (*Consent, error)
	// SetConsent records (or replaces) a consent with its audit entry.
	SetConsent(ctx context.Context, c *Consent, a *audit.Entry) error
	// DeleteConsent removes a consent with its audit entry.
	DeleteConsent(ctx context.Context, businessID int64, a *audit.Entry) error

	RetailStore
}
