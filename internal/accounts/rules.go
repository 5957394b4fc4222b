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
	msg, err := s.businessProblem(ctx, u)
	if msg != "" {
		f["business_id"] = msg
	}
	if err != nil {
		return f, err
	}
	msg, err = s.partnerProblem(ctx, u)
	if msg != "" {
		f["partner_id"] = msg
	}
	return f, err
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

// businessProblem: an owner is bound to one existing business; no other
// role is.
func (s *Service) businessProblem(ctx context.Context, u *auth.User) (string, error) {
	if u.Role != auth.Owner {
		if u.BusinessID != 0 {
			return "ID usaha hanya untuk peran pemilik usaha (owner)", nil
		}
		return "", nil
	}
	if u.BusinessID <= 0 {
		return "Pemilik usaha wajib dikaitkan dengan ID usahanya", nil
	}
	_, err := s.Store.GetBusiness(ctx, u.BusinessID)
	if apperr.Is(err, apperr.NotFound) {
		return fmt.Sprintf("Usaha dengan ID %d tidak ada", u.BusinessID), nil
	}
	return "", err
}

// partnerProblem: a mitra speaks for one existing partner; no other role
// does.
func (s *Service) partnerProblem(ctx context.Context, u *auth.User) (string, error) {
	if u.Role != auth.Mitra {
		if u.PartnerID != 0 {
			return "ID mitra hanya untuk peran mitra", nil
		}
		return "", nil
	}
	if u.PartnerID <= 0 {
		return "Akun mitra wajib dikaitkan dengan ID mitranya (lihat halaman Mitra)", nil
	}
	_, err := s.Store.GetPartner(ctx, u.PartnerID)
	if apperr.Is(err, apperr.NotFound) {
		return fmt.Sprintf("Mitra dengan ID %d tidak ada", u.PartnerID), nil
	}
	return "", err
}
