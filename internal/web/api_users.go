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

func (s *Server) apiUserList(r *http.Request) (any, error) {
	users, err := s.Accounts.List(r.Context(), actor(r))
	out := userList{Items: make([]auth.User, len(users))}
	for i, u := range users {
		out.Items[i] = apiUser(u)
	}
	return out, err
}

func (s *Server) apiUserCreate(r *http.Request, in *accounts.NewAccount) (any, error) {
	u, err := s.Accounts.Create(r.Context(), actor(r), *in)
	if err != nil {
		return nil, err
	}
	return apiUser(*u), nil
}
