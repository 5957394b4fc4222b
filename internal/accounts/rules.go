package accounts

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
)

// usernameRe: 3–40 characters, lower-case letters, digits, dot, underscore
// and hyphen, starting with a letter or digit.
var usernameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

// UsernameProblem returns why name cannot be a username, or "".
func UsernameProblem(name string) string {
	if !usernameRe.MatchString(name) {
		return "Nama pengguna wajib: 3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka"
	}
	return ""
}

// check returns the field messages of a new account; the error is for
// storage failures only.
func (s *Service) check(ctx context.Context, u *auth.User, password string) (map[string]string, error) {
	f := map[string]string{}
	if msg := UsernameProblem(u.Username); msg != "" {
		f["username"] = msg
	}
	if msg := PasswordProblem(u.Username, password); msg != "" {
		f["password"] = msg
	}
	if !auth.ValidRole(u.Role) {
		f["role"] = "Peran harus salah satu dari: " + roleList()
		return f, nil // what else is required depends on the role
	}
	if msg := s.regionsProblem(u); msg != "" {
		f["regions"] = msg
	}
	for _, l := range links {
		msg, err := l.problem(ctx, s, u)
		if err != nil {
			return f, err
		}
		if msg != "" {
			f[l.field] = msg
		}
	}
	return f, nil
}

func roleList() string {
	names := make([]string, len(auth.Roles))
	for i, r := range auth.Roles {
		names[i] = fmt.Sprintf("%s (%s)", r, auth.RoleLabel(r))
	}
	return strings.Join(names, ", ")
}

// regionsProblem: an operator works in at least one kecamatan or desa of
// the office's jurisdiction; no other role has regions.
func (s *Service) regionsProblem(u *auth.User) string {
	if u.Role != auth.Operator {
		if len(u.Regions) > 0 {
			return "Wilayah tugas hanya untuk peran operator"
		}
		return ""
	}
	if len(u.Regions) == 0 {
		return "Operator wajib punya wilayah tugas: kode kecamatan atau desa, mis. 36.04.15"
	}
	for _, code := range u.Regions {
		r, ok := s.Regions.Get(code)
		if !ok || (r.Level != region.District && r.Level != region.Village) {
			return fmt.Sprintf("Kode %s bukan kode kecamatan atau desa yang dikenal", code)
		}
		if !region.Within(code, s.Jurisdiction) {
			return fmt.Sprintf("Kode %s (%s) di luar wilayah instansi %s", code, r.Name, s.Jurisdiction)
		}
	}
	return ""
}

// link is a record an account may be bound to: a business for an owner,
// a partner for a mitra. The role needs an existing one; no other role
// may have one.
type link struct {
	field   string    // the field of NewAccount, for messages
	role    auth.Role // the one role bound to it
	id      func(u *auth.User) int64
	exists  func(ctx context.Context, s *Service, id int64) error // NotFound for an absent record
	only    string                                                // the message when another role carries one
	missing string                                                // the message when the role has none
	absent  string                                                // the message for an absent record (with %d)
}

var links = []link{
	{field: "business_id", role: auth.Owner, id: func(u *auth.User) int64 { return u.BusinessID },
		exists: func(ctx context.Context, s *Service, id int64) error { return found(s.Store.GetBusiness(ctx, id)) },
		only:   "ID usaha hanya untuk peran pemilik usaha (owner)", missing: "Pemilik usaha wajib dikaitkan dengan ID usahanya", absent: "Usaha dengan ID %d tidak ada"},
	{field: "partner_id", role: auth.Mitra, id: func(u *auth.User) int64 { return u.PartnerID },
		exists: func(ctx context.Context, s *Service, id int64) error { return found(s.Store.GetPartner(ctx, id)) },
		only:   "ID mitra hanya untuk peran mitra", missing: "Akun mitra wajib dikaitkan dengan ID mitranya (lihat halaman Mitra)", absent: "Mitra dengan ID %d tidak ada"},
}

// found keeps only the error of a lookup: whether the record exists.
func found[T any](_ T, err error) error { return err }

// problem returns why u's link of this kind is wrong, or ""; the error is
// for storage failures only.
func (l link) problem(ctx context.Context, s *Service, u *auth.User) (string, error) {
	id := l.id(u)
	switch {
	case u.Role != l.role && id != 0:
		return l.only, nil
	case u.Role != l.role:
		return "", nil
	case id <= 0:
		return l.missing, nil
	}
	if err := l.exists(ctx, s, id); apperr.Is(err, apperr.NotFound) {
		return fmt.Sprintf(l.absent, id), nil
	} else if err != nil {
		return "", err
	}
	return "", nil
}
