package web

import (
	"net/http"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

type loginForm struct {
	Username string
	Next     string
	Error    string
}

func (s *Server) loginShow(w http.ResponseWriter, r *http.Request) {
	if loggedIn(r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", page{Title: "Masuk", Data: loginForm{Next: safeNext(r.URL.Query().Get("next"))}})
}

// loginSubmit hands the username, password and client address to the
// account service, which throttles failures per (username, address). The
// message never says which part was wrong.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	form := loginForm{Username: strings.TrimSpace(r.PostForm.Get("username")), Next: safeNext(r.PostForm.Get("next"))}
	u, err := s.Accounts.Login(r.Context(), form.Username, r.PostForm.Get("password"), s.clientIP(r))
	switch {
	case apperr.Is(err, apperr.TooManyRequests), apperr.Is(err, apperr.Unauthorized):
		form.Error = apperr.MessageOf(err)
		s.render(w, r, statusOf(apperr.CodeOf(err)), "login", page{Title: "Masuk", Data: form})
		return nil
	case err != nil:
		return err
	}
	if err := s.startSession(w, r, u); err != nil {
		return err
	}
	next := form.Next
	if next == "" {
		next = "/"
		if u.Role == auth.Owner && u.BusinessID != 0 {
			next = "/usaha/" + itoa64(u.BusinessID)
		}
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := s.endSession(w, r); err != nil {
		return err
	}
	http.Redirect(w, r, "/masuk", http.StatusSeeOther)
	return nil
}

// safeNext keeps only local paths, so the login form cannot redirect elsewhere.
// Browsers drop tabs and newlines from a Location and read "\\" as "/", so
// "/\t/evil.example" would leave the site: control characters and
// backslashes are refused anywhere.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return ""
	}
	for i := 0; i < len(next); i++ {
		if c := next[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return ""
		}
	}
	return next
}
