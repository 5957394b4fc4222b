// Package auth holds accounts, roles and the rules of who may see and change
// what. It knows neither HTTP nor SQL: the web layer turns a session cookie or
// bearer token into an Actor, and domain services ask the Actor.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"naikkelas/internal/region"
)

// Role is what a user may do.
type Role string

// The roles.
const (
	Admin    Role = "admin"    // everything, including users and the audit log
	Operator Role = "operator" // reads and writes businesses in its regions only
	Pimpinan Role = "pimpinan" // leadership: reads everything, personal data masked
	Owner    Role = "owner"    // its own business only
	Mitra    Role = "mitra"    // a partner (retailer, bank, CSR fund…): only what is addressed to its partner
)

// Roles lists every role, for validation and the authorisation matrix.
var Roles = []Role{Admin, Operator, Pimpinan, Owner, Mitra}

// ValidRole reports whether r is one of Roles.
func ValidRole(r Role) bool { return slices.Contains(Roles, r) }

// RoleLabel is the Indonesian name of a role, for the UI.
func RoleLabel(r Role) string {
	switch r {
	case Admin:
		return "Admin"
	case Operator:
		return "Operator kecamatan"
	case Pimpinan:
		return "Pimpinan"
	case Owner:
		return "Pemilik usaha"
	case Mitra:
		return "Mitra"
	}
	return string(r)
}

// User is an account.
type User struct {
	ID           int64     `json:"id"`
	Username     string    `json:"username"`
	Role         Role      `json:"role"`
	Regions      []string  `json:"regions"`     // operator: district or village codes
	BusinessID   int64     `json:"business_id"` // owner: its business
	PartnerID    int64     `json:"partner_id"`  // mitra: its partner (programs.Partner)
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"created_at"`
}

// Actor is the authenticated caller of a request or command.
type Actor struct {
	UserID     int64
	Username   string
	Role       Role
	Regions    []string
	BusinessID int64
	PartnerID  int64 // a mitra's partner; 0 for every other role
}

// ActorOf returns the Actor for a user.
func ActorOf(u *User) Actor {
	return Actor{UserID: u.ID, Username: u.Username, Role: u.Role, Regions: u.Regions, BusinessID: u.BusinessID,
		PartnerID: u.PartnerID}
}

// IsMitra reports whether the actor speaks for a partner. A mitra reaches
// nothing of the register: only records addressed to its partner, which
// the services that hold them check with ForPartner.
func (a Actor) IsMitra() bool { return a.Role == Mitra }

// ForPartner reports whether a record addressed to the partner with this
// id is the actor's to see: a mitra of that very partner.
func (a Actor) ForPartner(partnerID int64) bool {
	return a.Role == Mitra && a.PartnerID != 0 && a.PartnerID == partnerID
}

// System is the actor for command-line and demo work run by the office itself.
var System = Actor{Username: "sistem", Role: Admin}

// CanWrite reports whether the role may change business records at all.
func (a Actor) CanWrite() bool { return a.Role == Admin || a.Role == Operator || a.Role == Owner }

// IsOfficer reports whether the actor works for the office (admin or operator).
func (a Actor) IsOfficer() bool { return a.Role == Admin || a.Role == Operator }

// SeesPersonalData reports whether the actor may see unmasked NIK, phone,
// email and birth date of a business in its reach (and search by them). It
// names the roles that may, so that a role added later sees them masked
// until someone decides otherwise.
func (a Actor) SeesPersonalData() bool {
	return a.Role == Admin || a.Role == Operator || a.Role == Owner
}

// InArea reports whether a record in the given village (or district) lies in
// the actor's reach. Owners are checked by business ID, not by area.
func (a Actor) InArea(code string) bool {
	switch a.Role {
	case Admin, Pimpinan:
		return true
	case Operator:
		for _, r := range a.Regions {
			if region.Within(code, r) {
				return true
			}
		}
	}
	return false
}

// Reaches reports whether the actor may see the business with this id and village.
func (a Actor) Reaches(businessID int64, villageCode string) bool {
	if a.Role == Owner {
		return a.BusinessID != 0 && a.BusinessID == businessID
	}
	return a.InArea(villageCode)
}

// HashPassword hashes a password with bcrypt.
func HashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(h), err
}

// CheckPassword reports whether pw matches hash.
func CheckPassword(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// NewSecret returns a random URL-safe secret (for tokens and session IDs) and its hash.
func NewSecret() (plain, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	plain = base64.RawURLEncoding.EncodeToString(b)
	return plain, HashSecret(plain)
}

// HashSecret is the stored form of a token or session ID: only hashes are stored.
func HashSecret(plain string) string {
	s := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(s[:])
}

// ParseRegions splits a comma-separated list of region codes.
func ParseRegions(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
