package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
)

type usersView struct {
	Users   []auth.User
	Roles   []auth.Role
	Form    map[string]string
	Errors  map[string]string
	General string
	Created string
}

func (s *Server) userList(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, usersView{Form: map[string]string{"role": string(auth.Operator)},
		Errors: map[string]string{}, Created: r.URL.Query().Get("dibuat")})
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, v usersView) {
	users, err := s.Store.ListUsers(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Users, v.Roles = users, auth.Roles
	s.render(w, r, status, "users", page{Title: "Pengguna", Active: "users", Data: v})
}

var usernameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

// userCreate adds an account. The password is hashed with bcrypt; the
// form keeps everything but the password when a field is wrong.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, apperr.Wrap(apperr.Invalid, err, "Formulir tidak dapat dibaca"))
		return
	}
	v := usersView{Form: map[string]string{}, Errors: map[string]string{}}
	for _, k := range []string{"username", "role", "regions", "business_id"} {
		v.Form[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	u := &auth.User{Username: strings.ToLower(v.Form["username"]), Role: auth.Role(v.Form["role"]),
		Regions: auth.ParseRegions(v.Form["regions"])}
	s.checkUser(r, u, v.Form["business_id"], r.PostForm.Get("password"), v.Errors)
	if len(v.Errors) == 0 {
		hash, err := auth.HashPassword(r.PostForm.Get("password"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		u.PasswordHash = hash
		err = s.Store.CreateUser(r.Context(), u)
		if err == nil {
			a := actor(r)
			err = s.Store.AppendAudit(r.Context(), &audit.Entry{UserID: a.UserID, Username: a.Username,
				Action: audit.Create, Entity: "user", EntityID: u.ID, Before: []byte("null"),
				After: userAuditJSON(u)})
		}
		switch {
		case err == nil:
			http.Redirect(w, r, "/admin/pengguna?dibuat="+u.Username, http.StatusSeeOther)
			return
		case apperr.Is(err, apperr.Conflict):
			v.Errors["username"] = "Nama pengguna sudah dipakai"
		default:
			s.fail(w, r, err)
			return
		}
	}
	s.renderUsers(w, r, http.StatusUnprocessableEntity, v)
}

// checkUser validates a new account's fields into errs.
func (s *Server) checkUser(r *http.Request, u *auth.User, businessID, password string, errs map[string]string) {
	if !usernameRe.MatchString(u.Username) {
		errs["username"] = "3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung"
	}
	if len(password) < 8 {
		errs["password"] = "Kata sandi minimal 8 karakter"
	}
	if !auth.ValidRole(u.Role) {
		errs["role"] = "Pilih peran"
	}
	dir := region.All()
	for _, code := range u.Regions {
		reg, ok := dir.Get(code)
		if !ok || (reg.Level != region.District && reg.Level != region.Village) || !region.Within(code, s.Jurisdiction) {
			errs["regions"] = "Kode " + code + " bukan kecamatan/desa di wilayah instansi ini"
		}
	}
	if u.Role == auth.Operator && len(u.Regions) == 0 {
		errs["regions"] = "Operator wajib punya wilayah tugas, mis. 36.04.15"
	}
	if u.Role == auth.Owner {
		id, err := strconv.ParseInt(businessID, 10, 64)
		if err == nil {
			if _, gerr := s.Store.GetBusiness(r.Context(), id); gerr != nil {
				err = gerr
			}
		}
		if err != nil {
			errs["business_id"] = "Pemilik usaha wajib dikaitkan dengan ID usaha yang ada"
		}
		u.BusinessID = id
	}
}

func userAuditJSON(u *auth.User) []byte {
	b, _ := jsonMarshal(map[string]any{"username": u.Username, "role": u.Role, "regions": u.Regions,
		"business_id": u.BusinessID, "disabled": u.Disabled})
	return b
}

// userDisable turns an account off; its sessions and tokens stop working.
func (s *Server) userDisable(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a := actor(r)
	if id == a.UserID {
		s.fail(w, r, apperr.New(apperr.Conflict, "Anda tidak dapat menonaktifkan akun Anda sendiri"))
		return
	}
	u, err := s.Store.UserByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !u.Disabled {
		u.Disabled = true
		if err := s.Store.UpdateUser(r.Context(), u); err != nil {
			s.fail(w, r, err)
			return
		}
		_ = s.Store.AppendAudit(r.Context(), &audit.Entry{UserID: a.UserID, Username: a.Username,
			Action: audit.Update, Entity: "user", EntityID: u.ID, Before: []byte(`{"disabled":false}`),
			After: []byte(`{"disabled":true}`)})
	}
	http.Redirect(w, r, "/admin/pengguna", http.StatusSeeOther)
}
