package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

type ctxKey int

const (
	keyInfo ctxKey = iota
	keyActor
)

// reqInfo is filled in as a request travels inward, so that the outermost
// logger can report the matched pattern and the user without re-parsing.
type reqInfo struct {
	pattern string
	userID  int64
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one line per request: method, route pattern (never the
// raw URL, which may carry a search for a name or NIK), status, duration.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &reqInfo{}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), keyInfo, info)))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		pattern := info.pattern
		if pattern == "" {
			pattern = "(unmatched)"
		}
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.Logger.LogAttrs(r.Context(), level, "http",
			slog.String("method", r.Method), slog.String("pattern", pattern), slog.Int("status", sw.status),
			slog.Duration("duration", time.Since(start)), slog.Int64("bytes", sw.bytes), slog.Int64("user_id", info.userID))
	})
}

func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.fail(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// wrap applies the per-route policy: record the pattern, limit the body,
// refuse text that is not clean UTF-8 (checkInput), find the caller, and
// enforce the route's access level.
func (s *Server) wrap(rt route) http.Handler {
	pathNames := wildcards(rt.Pattern)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info, _ := r.Context().Value(keyInfo).(*reqInfo)
		if info != nil {
			info.pattern = rt.Pattern
		}
		if r.Body != nil && r.Method != http.MethodGet && r.Method != http.MethodHead {
			limit := s.MaxBodyBytes
			if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
				limit = s.MaxUploadBytes // file uploads (imports) get their own, larger limit
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		if err := checkInput(r, pathNames); err != nil {
			s.fail(w, r, err)
			return
		}
		if rt.Access == public {
			if u := s.optionalUser(r); u != nil {
				r = r.WithContext(context.WithValue(r.Context(), keyActor, auth.ActorOf(u)))
			}
			rt.Handler(w, r)
			return
		}
		u, err := s.authenticate(r)
		if err != nil {
			if isAPI(r) || !apperr.Is(err, apperr.Unauthorized) {
				s.fail(w, r, err)
				return
			}
			s.redirectToLogin(w, r)
			return
		}
		if info != nil {
			info.userID = u.ID
		}
		if err := rt.Access.refuses(u); err != nil {
			s.fail(w, r, err)
			return
		}
		rt.Handler(w, r.WithContext(context.WithValue(r.Context(), keyActor, auth.ActorOf(u))))
	})
}

// actor returns the authenticated caller. Routes that are not public always
// have one; public routes get the zero Actor when nobody is logged in.
func actor(r *http.Request) auth.Actor {
	a, _ := r.Context().Value(keyActor).(auth.Actor)
	return a
}

func loggedIn(r *http.Request) bool { return actor(r).UserID != 0 }

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

func (s *Server) redirectToLogin(w http.ResponseWriter, r *http.Request) {
	target := "/masuk"
	if r.Method == http.MethodGet && r.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", target)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
