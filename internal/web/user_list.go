package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/accounts"
	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
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
	users, err := s.Accounts.List(r.Context(), actor(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Users, v.Roles = users, auth.Roles
	s.render(w, r, status, "users", page{Title: "Pengguna", Active: "users", Data: v})
}

// userCreate adds an account through the account service. The form keeps
// everything but the password when a field is wrong.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, apperr.Wrap(apperr.Invalid, err, "Formulir tidak dapat dibaca"))
		return
	}
	v := usersView{Form: map[string]string{}, Errors: map[string]string{}}
	for _, k := range []string{"username", "role", "regions", "business_id"} {
		v.Form[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	in := accounts.NewAccount{Username: v.Form["username"], Password: r.PostForm.Get("password"),
		Role: auth.Role(v.Form["role"]), Regions: auth.ParseRegions(v.Form["regions"])}
	badBusiness := false
	if b := v.Form["business_id"]; b != "" {
		id, err := strconv.ParseInt(b, 10, 64)
		if badBusiness = err != nil || id <= 0; badBusiness {
			id = -1 // never a valid link: the service refuses the account and reports the other fields too
		}
		in.BusinessID = id
	}
	u, err := s.Accounts.Create(r.Context(), actor(r), in)
	switch {
	case err == nil:
		http.Redirect(w, r, "/admin/pengguna?dibuat="+u.Username, http.StatusSeeOther)
		return
	case apperr.Is(err, apperr.Invalid):
		v.Errors = apperr.FieldsOf(err)
		if badBusiness {
			v.Errors["business_id"] = "ID usaha harus berupa bilangan bulat positif"
		}
	case apperr.Is(err, apperr.Conflict):
		v.Errors["username"] = apperr.MessageOf(err)
	default:
		s.fail(w, r, err)
		return
	}
	s.renderUsers(w, r, http.StatusUnprocessableEntity, v)
}

// userDisable turns an account off; its sessions and tokens stop working.
func (s *Server) userDisable(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.Accounts.Disable(r.Context(), actor(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/pengguna", http.StatusSeeOther)
}
