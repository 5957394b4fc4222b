package web

import (
	"net/http"

	"naikkelas/internal/accounts"
	"naikkelas/internal/auth"
)

type userList struct {
	Items []auth.User `json:"items"`
}

// apiUser is an account as the API shows it: never its password hash.
func apiUser(u auth.User) auth.User {
	if u.Regions == nil {
		u.Regions = []string{}
	}
	return u
}

func (s *Server) apiUserList(w http.ResponseWriter, r *http.Request) {
	users, err := s.Accounts.List(r.Context(), actor(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := userList{Items: make([]auth.User, len(users))}
	for i, u := range users {
		out.Items[i] = apiUser(u)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiUserCreate(w http.ResponseWriter, r *http.Request) {
	var in accounts.NewAccount
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := s.Accounts.Create(r.Context(), actor(r), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, apiUser(*u))
}
