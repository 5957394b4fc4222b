package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

var errUserNotFound = apperr.New(apperr.NotFound, "Pengguna tidak ditemukan")

const userColumns = `u.id, u.username, u.role, u.regions, u.business_id, u.partner_id, u.password_hash, u.disabled, u.created_at`

func scanUser(s Scanner) (*auth.User, error) {
	var u auth.User
	var role, regions string
	err := s.Scan(&u.ID, &u.Username, &role, &regions, &u.BusinessID, &u.PartnerID, &u.PasswordHash, &u.Disabled, ScanTime(&u.CreatedAt))
	if ErrNoRows(err) {
		return nil, errUserNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("scan user: %w", err)
	}
	u.Role = auth.Role(role)
	u.Regions = auth.ParseRegions(regions)
	return &u, nil
}

// CreateUser implements auth.Store.
func (db *DB) CreateUser(ctx context.Context, u *auth.User, a *audit.Entry) error {
	if u.CreatedAt.IsZero() {
		u.CreatedAt = Now()
	}
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO users (username, role, regions, business_id, partner_id, password_hash, disabled, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, u.Username, string(u.Role), strings.Join(u.Regions, ","), u.BusinessID,
			u.PartnerID, u.PasswordHash, u.Disabled, q.Dialect.Time(u.CreatedAt))
		if err != nil {
			return err
		}
		u.ID = id
		if a == nil {
			return nil
		}
		a.EntityID = id
		return q.InsertAudit(ctx, a)
	})
}

// UserByUsername implements auth.Store.
func (db *DB) UserByUsername(ctx context.Context, username string) (*auth.User, error) {
	return scanUser(db.Reader().QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.username = ?`, username))
}

// UserByID implements auth.Store.
func (db *DB) UserByID(ctx context.Context, id int64) (*auth.User, error) {
	return scanUser(db.Reader().QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = ?`, id))
}

// ListUsers implements auth.Store.
func (db *DB) ListUsers(ctx context.Context) ([]auth.User, error) {
	return queryRows(ctx, db.Reader(), "list users", []auth.User{}, into(scanUser),
		`SELECT `+userColumns+` FROM users u ORDER BY u.username`)
}

// UpdateUser implements auth.Store.
func (db *DB) UpdateUser(ctx context.Context, u *auth.User, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE users SET role = ?, regions = ?, business_id = ?, partner_id = ?, disabled = ?,
			password_hash = ? WHERE id = ?`, string(u.Role), strings.Join(u.Regions, ","), u.BusinessID, u.PartnerID, u.Disabled, u.PasswordHash, u.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errUserNotFound
		}
		if a == nil {
			return nil
		}
		return q.InsertAudit(ctx, a)
	})
}

// CreateSession implements auth.Store.
func (db *DB) CreateSession(ctx context.Context, hash string, userID int64, expires time.Time) error {
	return db.Tx(ctx, func(q *Runner) error {
		now := Now()
		// Expired sessions are dropped here, so the table does not grow without bound.
		if _, err := q.Exec(ctx, `DELETE FROM sessions WHERE expires_at < ?`, q.Dialect.Time(now)); err != nil {
			return err
		}
		_, err := q.Exec(ctx, `INSERT INTO sessions (hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)`,
			hash, userID, q.Dialect.Time(expires), q.Dialect.Time(now))
		return err
	})
}

// UserBySession implements auth.Store.
func (db *DB) UserBySession(ctx context.Context, hash string, now time.Time) (*auth.User, error) {
	return scanUser(db.Reader().QueryRow(ctx, `SELECT `+userColumns+` FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.hash = ? AND s.expires_at > ?`, hash, db.Dialect.Time(now)))
}

// DeleteSession implements auth.Store.
func (db *DB) DeleteSession(ctx context.Context, hash string) error {
	return db.Tx(ctx, func(q *Runner) error {
		_, err := q.Exec(ctx, `DELETE FROM sessions WHERE hash = ?`, hash)
		return err
	})
}
