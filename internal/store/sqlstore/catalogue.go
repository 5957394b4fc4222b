package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/market"
)

// catalogueFrom joins a product to its consenting, active business. The
// columns read from businesses are the public ones only.
const catalogueFrom = ` FROM products p JOIN catalogue_consents c ON c.business_id = p.business_id
	JOIN businesses b ON b.id = p.business_id WHERE b.status = 'active'`

const catalogueColumns = `p.id, p.business_id, p.name, p.category, p.net_content, p.net_unit, p.price, p.pirt_number,
	p.pirt_verified, p.halal_number, p.halal_verified, p.bpom_number, p.bpom_verified, b.name, b.brand, b.district_code, c.whatsapp`

func scanCatalogueRow(s Scanner, r *market.CatalogueRow) error {
	return s.Scan(&r.ID, &r.BusinessID, &r.Name, &r.Category, &r.NetContent, &r.NetUnit, &r.Price, &r.PIRTNumber,
		&r.PIRTVerified, &r.HalalNumber, &r.HalalVerified, &r.BPOMNumber, &r.BPOMVerified, &r.BusinessName, &r.Brand,
		&r.DistrictCode, &r.WhatsApp)
}

// CatalogueRows implements market.Store.
func (db *DB) CatalogueRows(ctx context.Context, f market.CatalogueFilter) ([]market.CatalogueRow, int, error) {
	where, args := "", []any{}
	if f.Q != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(f.Q)) + "%"
		where += ` AND (LOWER(p.name) LIKE ? ESCAPE '\' OR LOWER(b.name) LIKE ? ESCAPE '\' OR LOWER(b.brand) LIKE ? ESCAPE '\')`
		args = append(args, like, like, like)
	}
	if f.Category != "" {
		where += ` AND LOWER(p.category) = LOWER(?)`
		args = append(args, f.Category)
	}
	if f.District != "" {
		where += ` AND b.district_code = ?`
		args = append(args, f.District)
	}
	if f.InRetail {
		// The few listings on a shelf today are read once; naming their
		// businesses too lets the planner start from them rather than from
		// every active business.
		onShelf := `SELECT l.product_id FROM listings l WHERE l.starts_on <= ? AND (l.ends_on = '' OR l.ends_on >= ?)`
		where += ` AND p.id IN (` + onShelf + `) AND b.id IN (SELECT lp.business_id FROM products lp WHERE lp.id IN (` + onShelf + `))`
		args = append(args, f.Today, f.Today, f.Today, f.Today)
	}
	if f.Halal {
		where += ` AND p.halal_verified = ? AND p.halal_number <> ''`
		args = append(args, true)
	}
	q := db.Reader()
	var total int
	if err := q.QueryRow(ctx, `SELECT COUNT(*)`+catalogueFrom+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("catalogue count: %w", err)
	}
	per, offset := clampPage(f.Page, f.PerPage)
	out, err := queryRows(ctx, q, "catalogue", nil, scanCatalogueRow, `SELECT `+catalogueColumns+catalogueFrom+where+
		` ORDER BY p.id DESC LIMIT ? OFFSET ?`, append(args, per, offset)...)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		if out[i].Photos, err = q.productPhotos(ctx, out[i].ID); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// CatalogueRow implements market.Store.
func (db *DB) CatalogueRow(ctx context.Context, productID int64) (*market.CatalogueRow, error) {
	q := db.Reader()
	r, err := queryOne(ctx, q, apperr.New(apperr.NotFound, "Produk tidak ada di katalog"),
		fmt.Sprintf("catalogue product %d", productID), scanCatalogueRow,
		`SELECT `+catalogueColumns+catalogueFrom+` AND p.id = ?`, productID)
	if err != nil {
		return nil, err
	}
	if r.Photos, err = q.productPhotos(ctx, productID); err != nil {
		return nil, err
	}
	return r, nil
}

// GetConsent implements market.Store.
func (db *DB) GetConsent(ctx context.Context, businessID int64) (*market.Consent, error) {
	var c market.Consent
	err := db.Reader().QueryRow(ctx, `SELECT business_id, whatsapp, consent_by, consent_at FROM catalogue_consents
		WHERE business_id = ?`, businessID).Scan(&c.BusinessID, &c.WhatsApp, &c.ConsentBy, ScanTime(&c.ConsentAt))
	if ErrNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("consent %d: %w", businessID, err)
	}
	return &c, nil
}

// SetConsent implements market.Store.
func (db *DB) SetConsent(ctx context.Context, c *market.Consent, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if _, err := q.Exec(ctx, `DELETE FROM catalogue_consents WHERE business_id = ?`, c.BusinessID); err != nil {
			return err
		}
		if _, err := q.Exec(ctx, `INSERT INTO catalogue_consents (business_id, whatsapp, consent_by, consent_at) VALUES (?, ?, ?, ?)`,
			c.BusinessID, c.WhatsApp, c.ConsentBy, q.Dialect.Time(c.ConsentAt)); err != nil {
			return fmt.Errorf("set consent: %w", err)
		}
		return q.InsertAudit(ctx, a)
	})
}

// DeleteConsent implements market.Store.
func (db *DB) DeleteConsent(ctx context.Context, businessID int64, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if _, err := q.Exec(ctx, `DELETE FROM catalogue_consents WHERE business_id = ?`, businessID); err != nil {
			return err
		}
		return q.InsertAudit(ctx, a)
	})
}
