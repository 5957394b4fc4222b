package web

import (
	"net/http"
	"time"

	"naikkelas/internal/auth"
)

type tokensView struct {
	Tokens   []auth.Token
	Username string // the filter, "" = everyone
	Now      time.Time
}

// tokenList shows every API token (never the token itself) with its user,
// dates and state, and a button to revoke the active ones. ?pengguna=U
// shows one user's tokens.
func (s *Server) tokenList(w http.ResponseWriter, r *http.Request) error {
	name := r.URL.Query().Get("pengguna")
	tokens, err := s.Accounts.Tokens(r.Context(), actor(r), name)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "tokens", page{Title: "Token API", Active: "tokens",
		Data: tokensView{Tokens: tokens, Username: name, Now: s.Now()}})
	return nil
}
