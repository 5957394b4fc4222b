package auth

import (
	"context"
	"time"

	"naikkelas/internal/audit"
)

// Token is an API token's stored form.
type Token struct {
	ID        int64
	UserID    int64
	Hash      string
	CreatedAt time.Time
}

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

	// CreateToken stores the hash of a new API token for a user.
	CreateToken(ctx context.Context, userID int64, hash string) error
	// UserByToken returns the user owning the token hash, or NotFound.
	UserByToken(ctx context.Context, hash string) (*User, error)

	// CreateSession stores a browser session by the hash of its ID.
	CreateSession(ctx context.Context, hash string, userID int64, expires time.Time) error
	// UserBySession returns the user of an unexpired session, or NotFound.
	UserBySession(ctx context.Context, hash string, now time.Time) (*User, error)
	// DeleteSession ends a session; deleting an absent session is not an error.
	DeleteSession(ctx context.Context, hash string) error
}
