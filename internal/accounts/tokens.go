package accounts

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// MaxTokenLifetime is the longest --expires a token may be given.
const MaxTokenLifetime = 5 * 365 * 24 * time.Hour

// ParseLifetime reads a token lifetime: "90d" (days), or a Go duration
// such as "12h". It must be positive and at most MaxTokenLifetime.
func ParseLifetime(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(s, "d"); ok {
		var n int
		n, err = strconv.Atoi(days)
		d = time.Duration(n) * 24 * time.Hour
		if n > 5*366 {
			d = MaxTokenLifetime + 1
		}
	} else {
		d, err = time.ParseDuration(s)
	}
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("masa berlaku %q tidak valid: tulis mis. 90d (hari) atau 12h (jam)", s)
	}
	if d > MaxTokenLifetime {
		return 0, fmt.Errorf("masa berlaku %q terlalu panjang: paling lama 5 tahun", s)
	}
	return d, nil
}

var errTokenUser = apperr.New(apperr.Unauthorized, "Token API tidak dikenal")

// tokenTouchEvery is how stale a token's "last used" may grow before a
// request writes it again: one write a minute per token, not one per request.
const tokenTouchEvery = time.Minute

// CreateToken makes an API token for username, valid for lifetime (0 =
// without end), and returns the token itself, which is shown once and never
// stored, with its record. Admin only; NotFound for an unknown user,
// Conflict for a disabled one.
func (s *Service) CreateToken(ctx context.Context, a auth.Actor, username string, lifetime time.Duration) (string, *auth.Token, error) {
	if a.Role != auth.Admin {
		return "", nil, errAdminOnly
	}
	u, err := s.Store.UserByUsername(ctx, strings.ToLower(strings.TrimSpace(username)))
	if apperr.Is(err, apperr.NotFound) {
		return "", nil, apperr.New(apperr.NotFound, "Pengguna %q tidak ada", username)
	} else if err != nil {
		return "", nil, err
	}
	if u.Disabled {
		return "", nil, apperr.New(apperr.Conflict, "Pengguna %q dinonaktifkan", u.Username)
	}
	plain, hash := auth.NewSecret()
	t := &auth.Token{UserID: u.ID, Username: u.Username, Hash: hash, CreatedAt: s.Now().UTC().Truncate(time.Microsecond)}
	if lifetime > 0 {
		t.ExpiresAt = t.CreatedAt.Add(lifetime)
	}
	after, _ := json.Marshal(map[string]any{"username": u.Username, "expires_at": nullable(t.ExpiresAt)})
	entry := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "token",
		Before: json.RawMessage("null"), After: after}
	if err := s.Store.CreateToken(ctx, t, entry); err != nil {
		return "", nil, err
	}
	return plain, t, nil
}

func nullable(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// Tokens lists the tokens of username ("" = every user), newest first. Admin only.
func (s *Service) Tokens(ctx context.Context, a auth.Actor, username string) ([]auth.Token, error) {
	if a.Role != auth.Admin {
		return nil, errAdminOnly
	}
	var id int64
	if username != "" {
		u, err := s.Store.UserByUsername(ctx, strings.ToLower(strings.TrimSpace(username)))
		if apperr.Is(err, apperr.NotFound) {
			return nil, apperr.New(apperr.NotFound, "Pengguna %q tidak ada", username)
		} else if err != nil {
			return nil, err
		}
		id = u.ID
	}
	return s.Store.ListTokens(ctx, id)
}

// RevokeToken ends a token at once; its next request gets 401. Revoking a
// revoked token changes nothing. Admin only; NotFound for an absent token.
func (s *Service) RevokeToken(ctx context.Context, a auth.Actor, id int64) (*auth.Token, error) {
	if a.Role != auth.Admin {
		return nil, errAdminOnly
	}
	t, err := s.Store.TokenByID(ctx, id)
	if apperr.Is(err, apperr.NotFound) {
		return nil, apperr.New(apperr.NotFound, "Token %d tidak ada", id)
	} else if err != nil || !t.RevokedAt.IsZero() {
		return t, err
	}
	t.RevokedAt = s.Now().UTC().Truncate(time.Microsecond)
	entry := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Update, Entity: "token",
		Before: json.RawMessage(`{"revoked":false}`), After: json.RawMessage(`{"revoked":true}`)}
	if err := s.Store.RevokeToken(ctx, id, t.RevokedAt, entry); err != nil {
		return nil, err
	}
	return t, nil
}

// UserByToken returns the user of an API token (the plain token a client
// sent). Unknown, revoked and expired tokens, and disabled users, are
// Unauthorized. Use is recorded at most once a minute per token; a write
// that cannot happen at once (an import holds SQLite's writer) is skipped.
func (s *Service) UserByToken(ctx context.Context, plain string) (*auth.User, error) {
	t, u, err := s.Store.TokenByHash(ctx, auth.HashSecret(plain))
	if apperr.Is(err, apperr.NotFound) {
		return nil, errTokenUser
	} else if err != nil {
		return nil, err
	}
	now := s.Now()
	switch t.Status(now) {
	case auth.TokenRevoked:
		return nil, apperr.New(apperr.Unauthorized, "Token API ini sudah dicabut")
	case auth.TokenExpired:
		return nil, apperr.New(apperr.Unauthorized, "Token API ini sudah kedaluwarsa")
	}
	if u.Disabled {
		return nil, errTokenUser
	}
	if now.Sub(t.LastUsedAt) >= tokenTouchEvery && s.touches.due(t.ID, now) {
		tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		_ = s.Store.TouchToken(tctx, t.ID, now.UTC()) // best effort: "last used" is a hint for the admin
		cancel()
	}
	return u, nil
}

// touchLog remembers when a token's use was last written (or tried), so
// that a failing write is not retried on every request.
type touchLog struct {
	mu sync.Mutex
	at map[int64]time.Time
}

func (l *touchLog) due(id int64, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.at == nil {
		l.at = map[int64]time.Time{}
	}
	if now.Sub(l.at[id]) < tokenTouchEvery {
		return false
	}
	if len(l.at) > 10_000 {
		clear(l.at)
	}
	l.at[id] = now
	return true
}
