package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/market"
)

// PassedCuration implements market.Store.
func (db *DB) PassedCuration(ctx context.Context, productID, partnerID int64) (bool, error) {
	var n int
	err := db.Reader().QueryRow(ctx, `SELECT COUNT(*) FROM curation_entries e JOIN curations c ON c.id = e.curation_id
		WHERE e.product_id = ? AND c.partner_id = ? AND e.decision = 'lolos'`, productID, partnerID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("passed curation: %w", err)
	}
	return n > 0, nil
}

// CreateListing implements market.Store.
func (db *DB) CreateListing(ctx context.Context, l *market.Listing, a *audit.Entry) error {
	outlets, _ := json.Marshal(l.Outlets)
	return db.Tx(ctx, func(q *Runner) error {
		return q.insertAudited(ctx, "listing", &l.ID, a, `INSERT INTO listings (product_id, partner_id, outlets, starts_on, ends_on, mode,
			payment_terms_days, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, l.ProductID, l.PartnerID,
			string(outlets), l.StartsOn, l.EndsOn, l.Mode, l.PaymentTermsDays, l.CreatedBy, q.Dialect.Time(l.CreatedAt))
	})
}

// listingCols reads a listing with the names of its product, business and
// retailer and where the business is; nothing personal.
const listingCols = `l.id, l.product_id, p.name, b.id, b.name, b.district_code, b.village_code, l.partner_id, pt.name,
	l.outlets, l.starts_on, l.ends_on, l.end_reason, l.mode, l.payment_terms_days, l.created_by, l.created_at`

const listingFrom = ` FROM listings l JOIN products p ON p.id = l.product_id JOIN businesses b ON b.id = p.business_id
	JOIN partners pt ON pt.id = l.partner_id`

func scanListing(s Scanner, l *market.Listing) error {
	var outlets string
	if err := s.Scan(&l.ID, &l.ProductID, &l.ProductName, &l.BusinessID, &l.BusinessName, &l.DistrictCode, &l.VillageCode,
		&l.PartnerID, &l.PartnerName, &outlets, &l.StartsOn, &l.EndsOn, &l.EndReason, &l.Mode, &l.PaymentTermsDays, &l.CreatedBy,
		ScanTime(&l.CreatedAt)); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(outlets), &l.Outlets); err != nil {
		return fmt.Errorf("listing %d outlets: %w", l.ID, err)
	}
	return nil
}

const saleCols = `id, listing_id, month, units, revenue, due_on, paid_on, reported_by, reported_at`

func scanSale(s Scanner, x *market.Sale) error {
	return s.Scan(&x.ID, &x.ListingID, &x.Month, &x.Units, &x.Revenue, &x.DueOn, &x.PaidOn, &x.ReportedBy, ScanTime(&x.ReportedAt))
}

// GetListing implements market.Store.
func (db *DB) GetListing(ctx context.Context, id int64) (*market.Listing, error) {
	q := db.Reader()
	l, err := queryOne(ctx, q, apperr.New(apperr.NotFound, "Produk di ritel tidak ditemukan"), fmt.Sprintf("listing %d", id),
		scanListing, `SELECT `+listingCols+listingFrom+` WHERE l.id = ?`, id)
	if err != nil {
		return nil, err
	}
	l.Sales, err = queryRows(ctx, q, "listing sales", []market.Sale{}, scanSale,
		`SELECT `+saleCols+` FROM listing_sales WHERE listing_id = ? ORDER BY month`, id)
	return l, err
}

// ListListings implements market.Store. The sales of all the listings are
// read in one query and handed out by listing.
func (db *DB) ListListings(ctx context.Context, f market.ListingFilter) ([]market.Listing, error) {
	where, args := ` WHERE 1 = 1`, []any{}
	if f.PartnerID != 0 {
		where += ` AND l.partner_id = ?`
		args = append(args, f.PartnerID)
	}
	if f.District != "" {
		where += ` AND b.district_code = ?`
		args = append(args, f.District)
	}
	if f.BusinessID != 0 {
		where += ` AND p.business_id = ?`
		args = append(args, f.BusinessID)
	}
	q := db.Reader()
	list, err := queryRows(ctx, q, "list listings", []market.Listing{}, scanListing,
		`SELECT `+listingCols+listingFrom+where+` ORDER BY pt.name, b.name, p.name, l.id`, args...)
	if err != nil || len(list) == 0 {
		return list, err
	}
	sales, err := queryRows(ctx, q, "listing sales", []market.Sale{}, scanSale, `SELECT `+saleCols+` FROM listing_sales
		WHERE listing_id IN (SELECT l.id`+listingFrom+where+`) ORDER BY listing_id, month`, args...)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(list))
	for i := range list {
		at[list[i].ID] = i
		list[i].Sales = []market.Sale{}
	}
	for _, s := range sales {
		i := at[s.ListingID]
		list[i].Sales = append(list[i].Sales, s)
	}
	return list, nil
}

// EndListing implements market.Store.
func (db *DB) EndListing(ctx context.Context, id int64, e market.ListingEnd, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE listings SET ends_on = ?, end_reason = ? WHERE id = ? AND ends_on = ''`, e.EndsOn, e.Reason, id)
		if err != nil {
			return fmt.Errorf("end listing: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.Conflict, "Produk ini sudah selesai dipajang")
		}
		return q.InsertAudit(ctx, a)
	})
}

// SaveSale implements market.Store.
func (db *DB) SaveSale(ctx context.Context, s *market.Sale, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if _, err := q.Exec(ctx, `DELETE FROM listing_sales WHERE listing_id = ? AND month = ?`, s.ListingID, s.Month); err != nil {
			return fmt.Errorf("replace sale: %w", err)
		}
		id, err := q.InsertID(ctx, `INSERT INTO listing_sales (listing_id, month, units, revenue, due_on, paid_on, reported_by,
			reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.ListingID, s.Month, s.Units, s.Revenue, s.DueOn, s.PaidOn,
			s.ReportedBy, q.Dialect.Time(s.ReportedAt))
		if err != nil {
			return fmt.Errorf("insert sale: %w", err)
		}
		s.ID = id
		return q.InsertAudit(ctx, a)
	})
}
