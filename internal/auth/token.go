package auth

import "time"

// Token is an API token's stored form: never the token itself, only its
// hash. Clients send the token as "Authorization: Bearer TOKEN".
type Token struct {
	ID         int64     `json:"id"`
	UserID     int64     `json:"user_id"`
	Username   string    `json:"username"`
	Hash       string    `json:"-"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at"` // zero = never used
	ExpiresAt  time.Time `json:"expires_at"`   // zero = never expires
	RevokedAt  time.Time `json:"revoked_at"`   // zero = not revoked
}

// Token states, as Status reports them.
const (
	TokenActive  = "aktif"
	TokenExpired = "kedaluwarsa"
	TokenRevoked = "dicabut"
)

// Status is the token's state at now: revoked, expired or active.
func (t *Token) Status(now time.Time) string {
	switch {
	case !t.RevokedAt.IsZero():
		return TokenRevoked
	case !t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt):
		return TokenExpired
	}
	return TokenActive
}
