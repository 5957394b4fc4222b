package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/office"
)

// GetOffice implements office.Store.
func (db *DB) GetOffice(ctx context.Context) (*office.Identity, error) {
	var id office.Identity
	err := db.Reader().QueryRow(ctx, `SELECT government, agency, address, signatory_name, signatory_title, signatory_nip,
		logo_type, logo_hash, version, updated_at, updated_by FROM office_identity WHERE id = 1`).Scan(&id.Government, &id.Agency,
		&id.Address, &id.SignatoryName, &id.SignatoryTitle, &id.SignatoryNIP, &id.LogoType, &id.LogoHash, &id.Version,
		ScanTime(&id.UpdatedAt), &id.UpdatedBy)
	if ErrNoRows(err) {
		return nil, apperr.New(apperr.NotFound, "Identitas kantor belum diisi")
	}
	if err != nil {
		return nil, fmt.Errorf("get office: %w", err)
	}
	return &id, nil
}

// SaveOffice implements office.Store.
func (db *DB) SaveOffice(ctx context.Context, id *office.Identity, logo *office.Logo, dropLogo bool, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		var version int64
		err := q.QueryRow(ctx, `SELECT version FROM office_identity WHERE id = 1`).Scan(&version)
		if err != nil && !ErrNoRows(err) {
			return err
		}
		if version != id.Version {
			return apperr.New(apperr.Conflict, "Identitas kantor sudah diubah orang lain. Muat ulang lalu ulangi.")
		}
		if ErrNoRows(err) {
			if _, err := q.Exec(ctx, `INSERT INTO office_identity (id, government, agency, version, updated_at)
				VALUES (1, '', '', 0, ?)`, q.Dialect.Time(id.UpdatedAt)); err != nil {
				return fmt.Errorf("insert office: %w", err)
			}
		}
		if _, err := q.Exec(ctx, `UPDATE office_identity SET government = ?, agency = ?, address = ?, signatory_name = ?,
			signatory_title = ?, signatory_nip = ?, logo_type = ?, logo_hash = ?, version = version + 1, updated_at = ?,
			updated_by = ? WHERE id = 1`, id.Government, id.Agency, id.Address, id.SignatoryName, id.SignatoryTitle,
			id.SignatoryNIP, id.LogoType, id.LogoHash, q.Dialect.Time(id.UpdatedAt), id.UpdatedBy); err != nil {
			return fmt.Errorf("update office: %w", err)
		}
		switch {
		case logo != nil:
			if _, err := q.Exec(ctx, `UPDATE office_identity SET logo = ? WHERE id = 1`, logo.Data); err != nil {
				return fmt.Errorf("save logo: %w", err)
			}
		case dropLogo:
			if _, err := q.Exec(ctx, `UPDATE office_identity SET logo = NULL WHERE id = 1`); err != nil {
				return fmt.Errorf("drop logo: %w", err)
			}
		}
		id.Version = version + 1
		return q.InsertAudit(ctx, a)
	})
}

// OfficeLogo implements office.Store.
func (db *DB) OfficeLogo(ctx context.Context) (*office.Logo, error) {
	var l office.Logo
	err := db.Reader().QueryRow(ctx, `SELECT logo_type, logo FROM office_identity WHERE id = 1 AND logo IS NOT NULL`).
		Scan(&l.Type, &l.Data)
	if ErrNoRows(err) {
		return nil, apperr.New(apperr.NotFound, "Logo kantor belum diunggah")
	}
	if err != nil {
		return nil, fmt.Errorf("office logo: %w", err)
	}
	return &l, nil
}
