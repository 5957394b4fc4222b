// Package accounts owns the rules of who a user is: the username, the
// password policy, the role and what it is bound to (regions, a business).
// The web pages, the JSON API, the command line and the demo all create and
// change accounts through Service, so the rules are written once. Like the
// other domain packages it knows neither HTTP nor SQL.
package accounts

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Store is what accounts need from storage: the users themselves, and the
// records an account may be bound to, to check that they exist.
type Store interface {
	auth.Store
	// GetBusiness returns NotFound for an absent business.
	GetBusiness(ctx context.Context, id int64) (*registry.Business, error)
	// GetPartner returns NotFound for an absent partner.
	GetPartner(ctx context.Context, id int64) (*programs.Partner, error)
}

// Service creates, lists and disables accounts.
type Service struct {
	Store        Store
	Jurisdiction string // operators' regions must lie inside it; "" = all Indonesia
	Regions      *region.Directory
	Throttle     *Throttle // failed sign-ins, per (username, address)
	Now          func() time.Time

	touches touchLog // when each API token's use was last written
}

// NewService returns a Service on the embedded region directory and the
// real clock, with an empty sign-in throttle.
func NewService(st Store, jurisdiction string) *Service {
	s := &Service{Store: st, Jurisdiction: jurisdiction, Regions: region.All(), Now: time.Now}
	s.Throttle = NewThrottle(func() time.Time { return s.Now() })
	return s
}

// NewAccount is what an administrator gives to create an account. Regions
// are for operators, BusinessID for owners, PartnerID for mitra; other roles
// leave them empty.
type NewAccount struct {
	Username   string    `json:"username"`
	Password   string    `json:"password"`
	Role       auth.Role `json:"role"`
	Regions    []string  `json:"regions"`
	BusinessID int64     `json:"business_id"`
	PartnerID  int64     `json:"partner_id"`
}

var errAdminOnly = apperr.New(apperr.Forbidden, "Hanya admin yang boleh mengelola pengguna")

// Create checks in against the rules and stores the account with its audit
// entry in one transaction. Returns Forbidden unless a is an admin, Invalid
// with a message per field (username, password, role, regions,
// business_id, partner_id), and Conflict when the username is taken.
func (s *Service) Create(ctx context.Context, a auth.Actor, in NewAccount) (*auth.User, error) {
	if a.Role != auth.Admin {
		return nil, errAdminOnly
	}
	u := &auth.User{Username: strings.ToLower(strings.TrimSpace(in.Username)), Role: in.Role,
		Regions: cleanRegions(in.Regions), BusinessID: in.BusinessID, PartnerID: in.PartnerID}
	fields, err := s.check(ctx, u, in.Password)
	if err != nil {
		return nil, err
	}
	if err := apperr.Validation(fields); err != nil {
		return nil, err
	}
	if u.PasswordHash, err = auth.HashPassword(in.Password); err != nil {
		return nil, err
	}
	after, _ := json.Marshal(summary(u))
	entry := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "user",
		Before: json.RawMessage("null"), After: after}
	if err := s.Store.CreateUser(ctx, u, entry); apperr.Is(err, apperr.Conflict) {
		return nil, apperr.Wrap(apperr.Conflict, err, "Nama pengguna "+u.Username+" sudah dipakai")
	} else if err != nil {
		return nil, err
	}
	return u, nil
}

// List returns every account by username (admin only).
func (s *Service) List(ctx context.Context, a auth.Actor) ([]auth.User, error) {
	if a.Role != auth.Admin {
		return nil, errAdminOnly
	}
	return s.Store.ListUsers(ctx)
}

// Disable turns an account off; its sessions and tokens stop working at
// once. An admin cannot disable itself (Conflict), so an office cannot
// lock out its last admin by accident. Disabling twice is not an error.
func (s *Service) Disable(ctx context.Context, a auth.Actor, id int64) (*auth.User, error) {
	if a.Role != auth.Admin {
		return nil, errAdminOnly
	}
	if id == a.UserID {
		return nil, apperr.New(apperr.Conflict, "Anda tidak dapat menonaktifkan akun Anda sendiri")
	}
	u, err := s.Store.UserByID(ctx, id)
	if err != nil || u.Disabled {
		return u, err
	}
	u.Disabled = true
	entry := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Update, Entity: "user", EntityID: u.ID,
		Before: json.RawMessage(`{"disabled":false}`), After: json.RawMessage(`{"disabled":true}`)}
	if err := s.Store.UpdateUser(ctx, u, entry); err != nil {
		return nil, err
	}
	return u, nil
}

// summary is what the audit log keeps of an account: never the password hash.
func summary(u *auth.User) map[string]any {
	return map[string]any{"username": u.Username, "role": u.Role, "regions": u.Regions, "business_id": u.BusinessID,
		"partner_id": u.PartnerID}
}

func cleanRegions(in []string) []string {
	var out []string
	for _, r := range in {
		if r = strings.TrimSpace(r); r != "" {
			out = append(out, r)
		}
	}
	return out
}
