package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/accounts"
	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

type usersView struct {
	Users    []auth.User
	Roles    []auth.Role
	Partners []programs.Partner // for the partner link of a mitra
	Form     map[string]string
	Errors   map[string]string
	General  string
	Created  string
}

func (s *Server) userList(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, usersView{Form: map[string]string{"role": string(auth.Operator)},
		Errors: map[string]string{}, Created: r.URL.Query().Get("dibuat")})
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, v usersView) error {
	users, err := s.Accounts.List(r.Context(), actor(r))
	if err != nil {
		return err
	}
	partners, err := s.Programs.Partners(r.Context(), actor(r))
	if err != nil {
		return err
	}
	v.Users, v.Roles, v.Partners = users, auth.Roles, partners
	s.render(w, r, status, "users", page{Title: "Pengguna", Active: "users", Data: v})
	return nil
}

// userCreate adds an account through the account service. The form keeps
// everything but the password when a field is wrong.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	v := usersView{Form: map[string]string{}, Errors: map[string]string{}}
	for _, k := range []string{"username", "role", "regions", "business_id", "partner_id"} {
		v.Form[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	in := accounts.NewAccount{Username: v.Form["username"], Password: r.PostForm.Get("password"),
		Role: auth.Role(v.Form["role"]), Regions: auth.ParseRegions(v.Form["regions"])}
	in.BusinessID = formLink(v.Form["business_id"])
	in.PartnerID = formLink(v.Form["partner_id"])
	u, err := s.Accounts.Create(r.Context(), actor(r), in)
	switch {
	case err == nil:
		http.Redirect(w, r, "/admin/pengguna?dibuat="+u.Username, http.StatusSeeOther)
		return nil
	case apperr.Is(err, apperr.Invalid):
		v.Errors = apperr.FieldsOf(err)
		for field, what := range map[string]string{"business_id": "ID usaha", "partner_id": "ID mitra"} {
			if formLink(v.Form[field]) < 0 {
				v.Errors[field] = what + " harus berupa bilangan bulat positif"
			}
		}
	case apperr.Is(err, apperr.Conflict):
		v.Errors["username"] = apperr.MessageOf(err)
	default:
		return err
	}
	return s.renderUsers(w, r, http.StatusUnprocessableEntity, v)
}

// formLink reads the ID of a record an account is linked to: 0 when empty,
// -1 when it is not a positive whole number. -1 is never a valid link, so
// the service refuses the account and reports the other fields too.
func formLink(v string) int64 {
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return -1
	}
	return id
}
