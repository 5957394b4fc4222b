package web

import (
	"net"
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

// loginSubmit checks the password with bcrypt, throttling repeated failures
// per username and per IP. The message never says which part was wrong.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, apperr.Wrap(apperr.Invalid, err, "Formulir tidak dapat dibaca"))
		return
	}
	form := loginForm{Username: strings.TrimSpace(r.PostForm.Get("username")), Next: safeNext(r.PostForm.Get("next"))}
	ip := clientIP(r)
	if s.throttle.blocked(form.Username, ip) {
		form.Error = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."
		s.render(w, r, http.StatusTooManyRequests, "login", page{Title: "Masuk", Data: form})
		return
	}
	u, err := s.Store.UserByUsername(r.Context(), form.Username)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		s.fail(w, r, err)
		return
	}
	if u == nil || u.Disabled || !auth.CheckPassword(u.PasswordHash, r.PostForm.Get("password")) {
		s.throttle.failed(form.Username, ip)
		form.Error = "Nama pengguna atau kata sandi salah."
		s.render(w, r, http.StatusUnauthorized, "login", page{Title: "Masuk", Data: form})
		return
	}
	s.throttle.succeeded(form.Username)
	if err := s.startSession(w, r, u); err != nil {
		s.fail(w, r, err)
		return
	}
	next := form.Next
	if next == "" {
		next = "/"
		if u.Role == auth.Owner && u.BusinessID != 0 {
			next = "/usaha/" + itoa64(u.BusinessID)
		}
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request) {
	if err := s.endSession(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/masuk", http.StatusSeeOther)
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

// clientIP is the peer address. naikkelas does not trust X-Forwarded-For:
// behind a proxy all clients share one throttle bucket, which is safe.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
