package web

import (
	"net/http"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

// sessionCookie names the browser session cookie. Its value is a random
// secret; the database holds only its hash.
const sessionCookie = "naikkelas_sesi"

// sessionTTL is how long a browser session lasts without logging in again.
const sessionTTL = 12 * time.Hour

var errUnauthenticated = apperr.New(apperr.Unauthorized, "Silakan masuk terlebih dahulu")

// authenticate finds the caller by bearer token (API clients) or session
// cookie (browsers). Disabled accounts are treated as unknown.
func (s *Server) authenticate(r *http.Request) (*auth.User, error) {
	var (
		u   *auth.User
		err error
	)
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || strings.TrimSpace(tok) == "" {
			return nil, apperr.New(apperr.Unauthorized, "Header Authorization harus berbentuk 'Bearer TOKEN'")
		}
		// The account service judges the token: revoked, expired or unknown is 401.
		return s.Accounts.UserByToken(r.Context(), strings.TrimSpace(tok))
	} else if c, cerr := r.Cookie(sessionCookie); cerr == nil && c.Value != "" {
		u, err = s.Store.UserBySession(r.Context(), auth.HashSecret(c.Value), s.Now())
	} else {
		return nil, errUnauthenticated
	}
	if apperr.Is(err, apperr.NotFound) {
		return nil, errUnauthenticated
	}
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		return nil, errUnauthenticated
	}
	return u, nil
}

// optionalUser is authenticate for public pages: any failure means "nobody".
func (s *Server) optionalUser(r *http.Request) *auth.User {
	if r.Header.Get("Authorization") == "" {
		if _, err := r.Cookie(sessionCookie); err != nil {
			return nil
		}
	}
	u, err := s.authenticate(r)
	if err != nil {
		return nil
	}
	return u
}

// startSession stores a new session for u and sets its cookie. A session
// the browser already held is ended, so logging in again (or as someone
// else on a shared office PC) leaves no second live session behind.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *auth.User) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.Store.DeleteSession(r.Context(), auth.HashSecret(c.Value)); err != nil {
			return err
		}
	}
	plain, hash := auth.NewSecret()
	expires := s.Now().Add(sessionTTL)
	if err := s.Store.CreateSession(r.Context(), hash, u.ID, expires); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: plain, Path: "/", Expires: expires,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies(r)})
	return nil
}

// endSession deletes the session of r, if any, and clears its cookie.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.Store.DeleteSession(r.Context(), auth.HashSecret(c.Value)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies(r)})
	return nil
}
