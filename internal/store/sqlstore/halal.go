package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"naikkelas/internal/audit"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

// HalalProfile implements permits.ProfileStore.
func (db *DB) HalalProfile(ctx context.Context, businessID int64) (permits.Profile, error) {
	p := permits.Profile{BusinessID: businessID}
	var fac, out, pres sql.NullInt64
	var ingr, tools, simple sql.NullBool
	err := db.Reader().QueryRow(ctx, `SELECT facilities, outlets, preservation_methods, product_type, halal_ingredients,
		separate_tools, simple_process FROM halal_profiles WHERE business_id = ?`, businessID).
		Scan(&fac, &out, &pres, &p.ProductType, &ingr, &tools, &simple)
	if ErrNoRows(err) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("halal profile %d: %w", businessID, err)
	}
	p.Facilities, p.Outlets, p.PreservationMethods = intPtr(fac), intPtr(out), intPtr(pres)
	p.HalalIngredients, p.SeparateTools, p.SimpleProcess = boolPtr(ingr), boolPtr(tools), boolPtr(simple)
	return p, nil
}

// SaveHalalProfile implements permits.ProfileStore.
func (db *DB) SaveHalalProfile(ctx context.Context, p permits.Profile, by string, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		_, err := q.Exec(ctx, `INSERT INTO halal_profiles (business_id, facilities, outlets, preservation_methods, product_type,
			halal_ingredients, separate_tools, simple_process, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (business_id) DO UPDATE SET facilities = excluded.facilities, outlets = excluded.outlets,
			preservation_methods = excluded.preservation_methods, product_type = excluded.product_type,
			halal_ingredients = excluded.halal_ingredients, separate_tools = excluded.separate_tools,
			simple_process = excluded.simple_process, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			p.BusinessID, p.Facilities, p.Outlets, p.PreservationMethods, p.ProductType, p.HalalIngredients, p.SeparateTools,
			p.SimpleProcess, q.Dialect.Time(Now()), by)
		if err != nil {
			return fmt.Errorf("save halal profile %d: %w", p.BusinessID, err)
		}
		return q.InsertAudit(ctx, a)
	})
}

// EachHalalFacts implements permits.ProfileStore. The food and drink
// businesses are read as KBLI ranges so that ix_businesses_food serves the
// scan; rows are streamed, never held.
func (db *DB) EachHalalFacts(ctx context.Context, scope registry.Scope, district string,
	fn func(district string, f permits.Facts) error) error {
	var w Where
	w.Add("b.status = 'active'")
	w.Add("((b.kbli >= '10' AND b.kbli < '12') OR (b.kbli >= '56' AND b.kbli < '57'))")
	if district != "" {
		w.Add("b.district_code = ?", district)
	}
	addScope(&w, scope)
	rows, err := db.Reader().Query(ctx, `SELECT b.district_code, b.kbli, b.size_class, b.size_basis, b.annual_revenue,
		CASE WHEN b.nib <> '' THEN 1 ELSE 0 END, b.founded_year, b.halal_status, b.halal_expires_on,
		h.facilities, h.outlets, h.preservation_methods, COALESCE(h.product_type, ''), h.halal_ingredients, h.separate_tools,
		h.simple_process
		FROM businesses b LEFT JOIN halal_profiles h ON h.business_id = b.id WHERE `+w.SQL(), w.Args...)
	if err != nil {
		return fmt.Errorf("halal facts: %w", err)
	}
	defer rows.Close()
	var d string
	var nib int
	var fac, out, pres sql.NullInt64
	var ingr, tools, simple sql.NullBool
	for rows.Next() {
		var f permits.Facts
		if err := rows.Scan(&d, &f.KBLI, &f.SizeClass, &f.SizeBasis, &f.AnnualRevenue, &nib, &f.FoundedYear, &f.HalalStatus,
			&f.HalalExpiresOn, &fac, &out, &pres, &f.Profile.ProductType, &ingr, &tools, &simple); err != nil {
			return err
		}
		f.HasNIB = nib == 1
		f.Profile.Facilities, f.Profile.Outlets, f.Profile.PreservationMethods = intPtr(fac), intPtr(out), intPtr(pres)
		f.Profile.HalalIngredients, f.Profile.SeparateTools, f.Profile.SimpleProcess = boolPtr(ingr), boolPtr(tools), boolPtr(simple)
		if err := fn(d, f); err != nil {
			return err
		}
	}
	return rows.Err()
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func boolPtr(b sql.NullBool) *bool {
	if !b.Valid {
		return nil
	}
	v := b.Bool
	return &v
}
