package auth

import (
	"context"
	"time"

	"naikkelas/internal/audit"
)

// Store keeps users, API tokens and browser sessions.
type Store interface {
	// CreateUser inserts u, sets its ID and, when a is not nil, writes a
	// (with EntityID set to the new ID) in the same transaction. Returns
	// Conflict if the username is taken.
	CreateUser(ctx context.Context, u *User, a *audit.Entry) error
	// UserByUsername returns NotFound if there is no such user.
	UserByUsername(ctx context.Context, username string) (*User, error)
	// UserByID returns NotFound if there is no such user.
	UserByID(ctx context.Context, id int64) (*User, error)
	// ListUsers returns all users ordered by username.
	ListUsers(ctx context.Context) ([]User, error)
	// UpdateUser saves role, regions, business, disabled and password hash,
	// and a when not nil, in one transaction. NotFound for an absent user.
	UpdateUser(ctx context.Context, u *User, a *audit.Entry) error

	// CreateToken stores t (its Hash, UserID and ExpiresAt), sets its ID and
	// CreatedAt, and writes a (when not nil) in the same transaction.
	// Conflict if the hash exists; Invalid for an absent user.
	CreateToken(ctx context.Context, t *Token, a *audit.Entry) error
	// TokenByHash returns a token, whatever its state, and its user; NotFound otherwise.
	TokenByHash(ctx context.Context, hash string) (*Token, *User, error)
	// TouchToken records that the token was used at at.
	TouchToken(ctx context.Context, id int64, at time.Time) error
	// ListTokens returns the tokens of one user (0 = every user), newest first, with Username set.
	ListTokens(ctx context.Context, userID int64) ([]Token, error)
	// TokenByID returns a token with Username set, or NotFound.
	TokenByID(ctx context.Context, id int64) (*Token, error)
	// RevokeToken marks a token revoked at at, with a in the same
	// transaction. NotFound for an absent token; revoking again keeps the first time.
	RevokeToken(ctx context.Context, id int64, at time.Time, a *audit.Entry) error

	// CreateSession stores a browser session by the hash of its ID.
	CreateSession(ctx context.Context, hash string, userID int64, expires time.Time) error
	// UserBySession returns the user of an unexpired session, or NotFound.
	UserBySession(ctx context.Context, hash string, now time.Time) (*User, error)
	// DeleteSession ends a session; deleting an absent session is not an error.
	DeleteSession(ctx context.Context, hash string) error
}
