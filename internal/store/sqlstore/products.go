package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/market"
	"naikkelas/internal/registry"
)

const productColumns = `id, business_id, name, category, net_content, net_unit, price, shelf_life_days, barcode,
	production_code_format, pirt_number, pirt_verified, halal_number, halal_verified, bpom_number, bpom_verified,
	version, created_at, updated_at`

var errProductNotFound = apperr.New(apperr.NotFound, "Produk tidak ditemukan")

func scanProduct(s Scanner, p *market.Product) error {
	return s.Scan(&p.ID, &p.BusinessID, &p.Name, &p.Category, &p.NetContent, &p.NetUnit, &p.Price, &p.ShelfLifeDays,
		&p.Barcode, &p.ProductionCodeFormat, &p.PIRTNumber, &p.PIRTVerified, &p.HalalNumber, &p.HalalVerified,
		&p.BPOMNumber, &p.BPOMVerified, &p.Version, ScanTime(&p.CreatedAt), ScanTime(&p.UpdatedAt))
}

// ListProducts implements market.Store.
func (db *DB) ListProducts(ctx context.Context, businessID int64) ([]market.Product, error) {
	q := db.Reader()
	out, err := queryRows(ctx, q, "list products", nil, scanProduct,
		`SELECT `+productColumns+` FROM products WHERE business_id = ? ORDER BY id`, businessID)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Photos, err = q.productPhotos(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// GetProduct implements market.Store.
func (db *DB) GetProduct(ctx context.Context, id int64) (*market.Product, error) {
	q := db.Reader()
	p, err := queryOne(ctx, q, errProductNotFound, fmt.Sprintf("get product %d", id), scanProduct,
		`SELECT `+productColumns+` FROM products WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if p.Photos, err = q.productPhotos(ctx, id); err != nil {
		return nil, err
	}
	return p, nil
}

func (q *Runner) productPhotos(ctx context.Context, productID int64) ([]market.Photo, error) {
	return queryRows(ctx, q, "product photos", nil, scanPhoto,
		`SELECT id, product_id, file, thumb, width, height, created_by, created_at
		FROM product_photos WHERE product_id = ? ORDER BY id`, productID)
}

func productArgs(d Dialect, p *market.Product) []any {
	return []any{p.Name, p.Category, p.NetContent, p.NetUnit, p.Price, p.ShelfLifeDays, p.Barcode,
		p.ProductionCodeFormat, p.PIRTNumber, p.PIRTVerified, p.HalalNumber, p.HalalVerified, p.BPOMNumber,
		p.BPOMVerified, d.Time(p.UpdatedAt)}
}

// insertProduct inserts p inside the transaction q runs on.
func (q *Runner) insertProduct(ctx context.Context, p *market.Product) error {
	now := Now()
	p.Version, p.CreatedAt, p.UpdatedAt = 1, now, now
	id, err := q.InsertID(ctx, `INSERT INTO products (name, category, net_content, net_unit, price, shelf_life_days,
		barcode, production_code_format, pirt_number, pirt_verified, halal_number, halal_verified, bpom_number,
		bpom_verified, updated_at, business_id, version, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		append(productArgs(q.Dialect, p), p.BusinessID, p.Version, q.Dialect.Time(p.CreatedAt))...)
	if err != nil {
		return fmt.Errorf("insert product: %w", err)
	}
	p.ID = id
	return nil
}

// CreateProduct implements market.Store.
func (db *DB) CreateProduct(ctx context.Context, p *market.Product, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if err := q.insertProduct(ctx, p); err != nil {
			return err
		}
		a.EntityID = p.ID
		if err := q.InsertAudit(ctx, a); err != nil {
			return err
		}
		_, err := q.writeProductSummary(ctx, p.BusinessID)
		return err
	})
}

// UpdateProduct implements market.Store.
func (db *DB) UpdateProduct(ctx context.Context, p *market.Product, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		p.UpdatedAt = Now()
		res, err := q.Exec(ctx, `UPDATE products SET name=?, category=?, net_content=?, net_unit=?, price=?,
			shelf_life_days=?, barcode=?, production_code_format=?, pirt_number=?, pirt_verified=?, halal_number=?,
			halal_verified=?, bpom_number=?, bpom_verified=?, updated_at=?, version=version+1 WHERE id=? AND version=?`,
			append(productArgs(q.Dialect, p), p.ID, p.Version)...)
		if err != nil {
			return fmt.Errorf("update product %d: %w", p.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return staleVersion()
		}
		p.Version++
		if err := q.InsertAudit(ctx, a); err != nil {
			return err
		}
		_, err = q.writeProductSummary(ctx, p.BusinessID)
		return err
	})
}

// DeleteProduct implements market.Store.
func (db *DB) DeleteProduct(ctx context.Context, id int64, a *audit.Entry) ([]market.Photo, error) {
	var photos []market.Photo
	err := db.Tx(ctx, func(q *Runner) error {
		var businessID int64
		err := q.QueryRow(ctx, `SELECT business_id FROM products WHERE id = ?`, id).Scan(&businessID)
		if ErrNoRows(err) {
			return errProductNotFound
		}
		if err != nil {
			return err
		}
		if photos, err = q.productPhotos(ctx, id); err != nil {
			return err
		}
		if err := q.deleteProductRows(ctx, id); err != nil {
			return err
		}
		if err := q.InsertAudit(ctx, a); err != nil {
			return err
		}
		_, err = q.writeProductSummary(ctx, businessID)
		return err
	})
	return photos, err
}

// deleteProductRows removes a product and what hangs on it; later tables
// that refer to products add their DELETE here. A product put before a
// retailer's curation stays: the round's record and its sales need it.
func (q *Runner) deleteProductRows(ctx context.Context, id int64) error {
	var entries int
	if err := q.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM curation_entries WHERE product_id = ?)
		+ (SELECT COUNT(*) FROM listings WHERE product_id = ?)`, id, id).Scan(&entries); err != nil {
		return fmt.Errorf("delete product %d: %w", id, err)
	}
	if entries > 0 {
		return apperr.New(apperr.Conflict, "Produk sudah ikut kurasi ritel; riwayatnya disimpan sehingga produk tidak dapat dihapus")
	}
	for _, stmt := range []string{`DELETE FROM product_photos WHERE product_id = ?`, `DELETE FROM products WHERE id = ?`} {
		if _, err := q.Exec(ctx, stmt, id); err != nil {
			return fmt.Errorf("delete product %d: %w", id, err)
		}
	}
	return nil
}

// AddPhoto implements market.Store.
func (db *DB) AddPhoto(ctx context.Context, ph *market.Photo, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		ph.CreatedAt = Now()
		id, err := q.InsertID(ctx, `INSERT INTO product_photos (product_id, file, thumb, width, height, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, ph.ProductID, ph.File, ph.Thumb, ph.Width, ph.Height, ph.CreatedBy,
			q.Dialect.Time(ph.CreatedAt))
		if err != nil {
			return fmt.Errorf("add photo: %w", err)
		}
		ph.ID = id
		return q.InsertAudit(ctx, a)
	})
}

// GetPhoto implements market.Store.
func (db *DB) GetPhoto(ctx context.Context, id int64) (*market.Photo, error) {
	var ph market.Photo
	err := db.Reader().QueryRow(ctx, `SELECT id, product_id, file, thumb, width, height, created_by, created_at
		FROM product_photos WHERE id = ?`, id).Scan(&ph.ID, &ph.ProductID, &ph.File, &ph.Thumb, &ph.Width, &ph.Height,
		&ph.CreatedBy, ScanTime(&ph.CreatedAt))
	if ErrNoRows(err) {
		return nil, apperr.New(apperr.NotFound, "Foto tidak ditemukan")
	}
	if err != nil {
		return nil, fmt.Errorf("get photo %d: %w", id, err)
	}
	return &ph, nil
}

// CountPhotos implements market.Store.
func (db *DB) CountPhotos(ctx context.Context, productID int64) (int, error) {
	var n int
	err := db.Reader().QueryRow(ctx, `SELECT COUNT(*) FROM product_photos WHERE product_id = ?`, productID).Scan(&n)
	return n, err
}

// syncProducts applies a business's embedded product list (from a form, an
// API call or an import) to its product records: a name it does not have
// yet becomes a new record, a name it has takes the list's category and
// price. Nothing is deleted here: a product with photos, label checks and
// listings is deleted on its own.
func (q *Runner) syncProducts(ctx context.Context, businessID int64, list []registry.Product) error {
	rows, err := q.Query(ctx, `SELECT id, name, category, price FROM products WHERE business_id = ?`, businessID)
	if err != nil {
		return fmt.Errorf("sync products: %w", err)
	}
	type have struct {
		id       int64
		category string
		price    int64
	}
	byName := map[string]have{}
	for rows.Next() {
		var h have
		var name string
		if err := rows.Scan(&h.id, &name, &h.category, &h.price); err != nil {
			rows.Close()
			return err
		}
		byName[productKey(name)] = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range list {
		key := productKey(p.Name)
		if key == "" {
			continue
		}
		h, ok := byName[key]
		switch {
		case !ok:
			np := &market.Product{BusinessID: businessID, Name: strings.TrimSpace(p.Name), Category: p.Category, Price: p.Price}
			if err := q.insertProduct(ctx, np); err != nil {
				return err
			}
			byName[key] = have{id: np.ID, category: p.Category, price: p.Price}
		case h.category != p.Category || h.price != p.Price:
			if _, err := q.Exec(ctx, `UPDATE products SET category = ?, price = ?, version = version + 1, updated_at = ?
				WHERE id = ?`, p.Category, p.Price, q.Dialect.Time(Now()), h.id); err != nil {
				return fmt.Errorf("sync product %d: %w", h.id, err)
			}
		}
	}
	return nil
}

func productKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// writeProductSummary rewrites businesses.products from the product
// records, and returns it.
func (q *Runner) writeProductSummary(ctx context.Context, businessID int64) ([]registry.Product, error) {
	rows, err := q.Query(ctx, `SELECT name, category, price FROM products WHERE business_id = ? ORDER BY id`, businessID)
	if err != nil {
		return nil, fmt.Errorf("product summary: %w", err)
	}
	list := []registry.Product{}
	for rows.Next() {
		var p registry.Product
		if err := rows.Scan(&p.Name, &p.Category, &p.Price); err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	raw, _ := json.Marshal(list)
	if _, err := q.Exec(ctx, `UPDATE businesses SET products = ? WHERE id = ?`, string(raw), businessID); err != nil {
		return nil, fmt.Errorf("product summary: %w", err)
	}
	return list, nil
}

func scanPhoto(s Scanner, ph *market.Photo) error {
	return s.Scan(&ph.ID, &ph.ProductID, &ph.File, &ph.Thumb, &ph.Width, &ph.Height, &ph.CreatedBy,
		ScanTime(&ph.CreatedAt))
}
