package sqlstore

import (
	"context"
	"fmt"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

var errTokenNotFound = apperr.New(apperr.NotFound, "Token tidak ditemukan")

const tokenColumns = `t.id, t.user_id, u.username, t.hash, t.created_at, t.last_used_at, t.expires_at, t.revoked_at`

func scanToken(s Scanner) (*auth.Token, error) {
	var t auth.Token
	err := s.Scan(&t.ID, &t.UserID, &t.Username, &t.Hash, ScanTime(&t.CreatedAt), ScanTime(&t.LastUsedAt),
		ScanTime(&t.ExpiresAt), ScanTime(&t.RevokedAt))
	if ErrNoRows(err) {
		return nil, errTokenNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("scan token: %w", err)
	}
	return &t, nil
}

// nullTime stores the zero time as NULL ("never").
func nullTime(d Dialect, t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return d.Time(t)
}

// CreateToken implements auth.Store.
func (db *DB) CreateToken(ctx context.Context, t *auth.Token, a *audit.Entry) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = Now()
	}
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO api_tokens (user_id, hash, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			t.UserID, t.Hash, q.Dialect.Time(t.CreatedAt), nullTime(q.Dialect, t.ExpiresAt))
		if err != nil {
			return err
		}
		t.ID = id
		if a == nil {
			return nil
		}
		a.EntityID = id
		return q.InsertAudit(ctx, a)
	})
}

// TokenByHash implements auth.Store.
func (db *DB) TokenByHash(ctx context.Context, hash string) (*auth.Token, *auth.User, error) {
	row := db.Reader().QueryRow(ctx, `SELECT `+tokenColumns+`, `+userColumns+`
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?`, hash)
	var t auth.Token
	u, err := scanUser(tokenUserScanner{row, &t})
	if err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return nil, nil, errTokenNotFound
		}
		return nil, nil, err
	}
	return &t, u, nil
}

// tokenUserScanner reads a token's columns ahead of a user's in one row.
type tokenUserScanner struct {
	row Scanner
	t   *auth.Token
}

func (s tokenUserScanner) Scan(dest ...any) error {
	t := s.t
	head := []any{&t.ID, &t.UserID, &t.Username, &t.Hash, ScanTime(&t.CreatedAt), ScanTime(&t.LastUsedAt),
		ScanTime(&t.ExpiresAt), ScanTime(&t.RevokedAt)}
	return s.row.Scan(append(head, dest...)...)
}

// TouchToken implements auth.Store.
func (db *DB) TouchToken(ctx context.Context, id int64, at time.Time) error {
	return db.Tx(ctx, func(q *Runner) error {
		_, err := q.Exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, q.Dialect.Time(at), id)
		return err
	})
}

// ListTokens implements auth.Store.
func (db *DB) ListTokens(ctx context.Context, userID int64) ([]auth.Token, error) {
	where, args := "", []any{}
	if userID != 0 {
		where, args = " WHERE t.user_id = ?", append(args, userID)
	}
	return queryRows(ctx, db.Reader(), "list tokens", []auth.Token{}, into(scanToken),
		`SELECT `+tokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id`+where+` ORDER BY t.id DESC`, args...)
}

// TokenByID implements auth.Store.
func (db *DB) TokenByID(ctx context.Context, id int64) (*auth.Token, error) {
	return scanToken(db.Reader().QueryRow(ctx, `SELECT `+tokenColumns+` FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.id = ?`, id))
}

// RevokeToken implements auth.Store.
func (db *DB) RevokeToken(ctx context.Context, id int64, at time.Time, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, q.Dialect.Time(at), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var exists int
			if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM api_tokens WHERE id = ?`, id).Scan(&exists); err != nil {
				return err
			}
			if exists == 0 {
				return errTokenNotFound
			}
			return nil // revoked already: keep the first time, no second audit entry
		}
		if a == nil {
			return nil
		}
		a.EntityID = id
		return q.InsertAudit(ctx, a)
	})
}
