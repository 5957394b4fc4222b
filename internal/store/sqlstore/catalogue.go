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

// catalogueNewest is catalogueFrom written so that SQLite reads products
// newest first and stops at the page: left to itself it starts from the
// active businesses and sorts every product. A filter leaves the planner free.
const catalogueNewest = ` FROM products p CROSS JOIN catalogue_consents c CROSS JOIN businesses b
	WHERE c.business_id = p.business_id AND b.id = p.business_id AND b.status = 'active'`

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
	count, countArgs := `SELECT COUNT(*)`+catalogueFrom+where, args
	if f.CountUpTo > 0 {
		// Counting stops one row past the limit: enough to tell "more than".
		count = `SELECT COUNT(*) FROM (SELECT 1` + catalogueFrom + where + ` LIMIT ?) counted`
		countArgs = append(append([]any{}, args...), f.CountUpTo+1)
	}
	var total int
	if err := q.QueryRow(ctx, count, countArgs...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("catalogue count: %w", err)
	}
	per, offset := clampPage(f.Page, f.PerPage)
	from := catalogueFrom
	if where == "" {
		from = catalogueNewest
	}
	out, err := queryRows(ctx, q, "catalogue", nil, scanCatalogueRow, `SELECT `+catalogueColumns+from+where+
		` ORDER BY p.id DESC LIMIT ? OFFSET ?`, append(args, per, offset)...)
	if err != nil {
		return nil, 0, err
	}
	if err := q.catalogueDetails(ctx, out, f.Today); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// catalogueDetails reads the photos of a page of rows in one query, and in
// one more which of them are on a retailer's shelf on the day today.
func (q *Runner) catalogueDetails(ctx context.Context, rows []market.CatalogueRow, today string) error {
	if len(rows) == 0 {
		return nil
	}
	ids, at := make([]any, len(rows)), make(map[int64]int, len(rows))
	for i := range rows {
		ids[i], at[rows[i].ID] = rows[i].ID, i
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	photos, err := queryRows(ctx, q, "catalogue photos", nil, scanPhoto,
		`SELECT id, product_id, file, thumb, width, height, created_by, created_at FROM product_photos
		WHERE product_id IN (`+marks+`) ORDER BY id`, ids...)
	if err != nil {
		return err
	}
	for _, ph := range photos {
		r := &rows[at[ph.ProductID]]
		r.Photos = append(r.Photos, ph)
	}
	shelved, err := queryRows(ctx, q, "catalogue on shelf", nil, func(s Scanner, id *int64) error { return s.Scan(id) },
		`SELECT DISTINCT product_id FROM listings WHERE product_id IN (`+marks+`)
		AND starts_on <= ? AND (ends_on = '' OR ends_on >= ?)`, append(ids, today, today)...)
	if err != nil {
		return err
	}
	for _, id := range shelved {
		rows[at[id]].OnShelf = true
	}
	return nil
}

// CatalogueRow implements market.Store.
func (db *DB) CatalogueRow(ctx context.Context, productID int64, today string) (*market.CatalogueRow, error) {
	q := db.Reader()
	r, err := queryOne(ctx, q, apperr.New(apperr.NotFound, "Produk tidak ada di katalog"),
		fmt.Sprintf("catalogue product %d", productID), scanCatalogueRow,
		`SELECT `+catalogueColumns+catalogueFrom+` AND p.id = ?`, productID)
	if err != nil {
		return nil, err
	}
	rows := []market.CatalogueRow{*r}
	if err := q.catalogueDetails(ctx, rows, today); err != nil {
		return nil, err
	}
	return &rows[0], nil
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
