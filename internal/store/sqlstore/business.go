package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"naikkelas/internal/registry"
)

// BusinessColumns lists the stored columns of a business, in scan order.
const BusinessColumns = `id, name, brand, owner_name, nik, owner_gender, owner_birth_date, phone, email,
	village_code, district_code, address, latitude, longitude, kbli, sector, founded_year, employees,
	annual_revenue, capital, size_class, size_basis, nib, pirt_number, pirt_expires_on, halal_status,
	halal_number, halal_expires_on, bpom_number, hki_number, products, notes, status, version, created_at, updated_at`

// businessColumnsB is BusinessColumns qualified with the alias b.
const businessColumnsB = `b.id, b.name, b.brand, b.owner_name, b.nik, b.owner_gender, b.owner_birth_date, b.phone, b.email,
	b.village_code, b.district_code, b.address, b.latitude, b.longitude, b.kbli, b.sector, b.founded_year, b.employees,
	b.annual_revenue, b.capital, b.size_class, b.size_basis, b.nib, b.pirt_number, b.pirt_expires_on, b.halal_status,
	b.halal_number, b.halal_expires_on, b.bpom_number, b.hki_number, b.products, b.notes, b.status, b.version, b.created_at, b.updated_at`

// InsertBusinessSQL inserts every column but id; its arguments come from BusinessArgs.
const InsertBusinessSQL = `INSERT INTO businesses (name, brand, owner_name, nik, owner_gender, owner_birth_date, phone, email,
	village_code, district_code, address, latitude, longitude, kbli, sector, founded_year, employees,
	annual_revenue, capital, size_class, size_basis, nib, pirt_number, pirt_expires_on, halal_status,
	halal_number, halal_expires_on, bpom_number, hki_number, products, notes, status, version, created_at, updated_at)
	VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`

// Scanner is *sql.Row or *sql.Rows.
type Scanner interface{ Scan(dest ...any) error }

// ScanBusiness reads one row selected with BusinessColumns.
func ScanBusiness(s Scanner, b *registry.Business) error {
	var lat, lng sql.NullFloat64
	var products string
	err := s.Scan(&b.ID, &b.Name, &b.Brand, &b.OwnerName, &b.NIK, &b.OwnerGender, &b.OwnerBirthDate, &b.Phone, &b.Email,
		&b.VillageCode, &b.DistrictCode, &b.Address, &lat, &lng, &b.KBLI, &b.Sector, &b.FoundedYear, &b.Employees,
		&b.AnnualRevenue, &b.Capital, &b.SizeClass, &b.SizeBasis, &b.NIB, &b.PIRTNumber, &b.PIRTExpiresOn, &b.HalalStatus,
		&b.HalalNumber, &b.HalalExpiresOn, &b.BPOMNumber, &b.HKINumber, &products, &b.Notes, &b.Status, &b.Version,
		ScanTime(&b.CreatedAt), ScanTime(&b.UpdatedAt))
	if err != nil {
		return err
	}
	b.Latitude, b.Longitude = nil, nil
	if lat.Valid {
		b.Latitude = &lat.Float64
	}
	if lng.Valid {
		b.Longitude = &lng.Float64
	}
	b.Products = nil
	if products != "" && products != "null" {
		if err := json.Unmarshal([]byte(products), &b.Products); err != nil {
			return fmt.Errorf("products of business %d: %w", b.ID, err)
		}
	}
	return nil
}

// BusinessArgs returns the values of InsertBusinessSQL's columns (no id).
func BusinessArgs(d Dialect, b *registry.Business) []any {
	products := "[]"
	if len(b.Products) > 0 {
		raw, _ := json.Marshal(b.Products)
		products = string(raw)
	}
	var lat, lng any
	if b.Latitude != nil {
		lat = *b.Latitude
	}
	if b.Longitude != nil {
		lng = *b.Longitude
	}
	status := b.Status
	if status == "" {
		status = registry.StatusActive
	}
	halal := b.HalalStatus
	if halal == "" {
		halal = registry.HalalNone
	}
	return []any{b.Name, b.Brand, b.OwnerName, b.NIK, b.OwnerGender, b.OwnerBirthDate, b.Phone, b.Email,
		b.VillageCode, b.DistrictCode, b.Address, lat, lng, b.KBLI, b.Sector, b.FoundedYear, b.Employees,
		b.AnnualRevenue, b.Capital, b.SizeClass, b.SizeBasis, b.NIB, b.PIRTNumber, b.PIRTExpiresOn, halal,
		b.HalalNumber, b.HalalExpiresOn, b.BPOMNumber, b.HKINumber, products, b.Notes, status, b.Version,
		d.Time(b.CreatedAt), d.Time(b.UpdatedAt)}
}

// PrepareNew sets the bookkeeping fields of a business about to be inserted:
// version 1, timestamps, default status and halal status, district code.
func PrepareNew(b *registry.Business) {
	now := Now()
	b.Version, b.CreatedAt, b.UpdatedAt = 1, now, now
	if b.Status == "" {
		b.Status = registry.StatusActive
	}
	if b.HalalStatus == "" {
		b.HalalStatus = registry.HalalNone
	}
	if b.DistrictCode == "" {
		b.DistrictCode = districtOf(b.VillageCode)
	}
}

func districtOf(village string) string {
	dots := 0
	for i := 0; i < len(village); i++ {
		if village[i] == '.' {
			dots++
			if dots == 3 {
				return village[:i]
			}
		}
	}
	if dots == 2 {
		return village
	}
	return ""
}

// InsertBusiness inserts b (setting ID, Version 1 and timestamps).
func (q *Runner) InsertBusiness(ctx context.Context, b *registry.Business) error {
	PrepareNew(b)
	id, err := q.InsertID(ctx, InsertBusinessSQL, BusinessArgs(q.Dialect, b)...)
	if err != nil {
		return fmt.Errorf("insert business: %w", err)
	}
	b.ID = id
	if err := q.RefreshYearClasses(ctx, b.ID); err != nil {
		return err
	}
	return q.syncBusinessProducts(ctx, b)
}

// GetBusiness returns a business by id, or NotFound (also for a record
// merged into another).
func (q *Runner) GetBusiness(ctx context.Context, id int64) (*registry.Business, error) {
	return queryOne(ctx, q, errBusinessNotFound, fmt.Sprintf("get business %d", id), ScanBusiness,
		`SELECT `+BusinessColumns+` FROM businesses WHERE id = ? AND merged_into IS NULL`, id)
}

// UpdateBusiness saves every field of b when the stored version equals
// b.Version, then increments b.Version and sets UpdatedAt. Returns NotFound
// for an absent business and Conflict for a stale version.
func (q *Runner) UpdateBusiness(ctx context.Context, b *registry.Business) error {
	b.DistrictCode = districtOf(b.VillageCode)
	b.UpdatedAt = Now()
	args := BusinessArgs(q.Dialect, b)
	// Drop version and created_at from the insert arguments: neither is set here.
	set := append(args[:32:32], q.Dialect.Time(b.UpdatedAt), b.ID, b.Version)
	res, err := q.Exec(ctx, `UPDATE businesses SET name=?, brand=?, owner_name=?, nik=?, owner_gender=?, owner_birth_date=?,
		phone=?, email=?, village_code=?, district_code=?, address=?, latitude=?, longitude=?, kbli=?, sector=?,
		founded_year=?, employees=?, annual_revenue=?, capital=?, size_class=?, size_basis=?, nib=?, pirt_number=?,
		pirt_expires_on=?, halal_status=?, halal_number=?, halal_expires_on=?, bpom_number=?, hki_number=?, products=?,
		notes=?, status=?, version=version+1, updated_at=? WHERE id=? AND version=?`, set...)
	if err != nil {
		return fmt.Errorf("update business %d: %w", b.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var v int64
		err := q.QueryRow(ctx, `SELECT version FROM businesses WHERE id = ?`, b.ID).Scan(&v)
		if ErrNoRows(err) {
			return errBusinessNotFound
		}
		if err != nil {
			return err
		}
		return staleVersion()
	}
	b.Version++
	if err := q.RefreshYearClasses(ctx, b.ID); err != nil {
		return err
	}
	return q.syncBusinessProducts(ctx, b)
}

// syncBusinessProducts applies b's product list to its records and leaves
// the resulting summary in b.Products.
func (q *Runner) syncBusinessProducts(ctx context.Context, b *registry.Business) error {
	if err := q.syncProducts(ctx, b.ID, b.Products); err != nil {
		return err
	}
	list, err := q.writeProductSummary(ctx, b.ID)
	if err != nil {
		return err
	}
	b.Products = list
	return nil
}
