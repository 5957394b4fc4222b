package web

import (
	"net"
	"net/http"
	"strings"
)

// securityHeaders sets the headers every response carries, whatever its
// type (HTML, JSON, CSV, XLSX, PDF, static files, errors, redirects):
// browsers must not guess a type (nosniff), nor send the address of a page
// (which may hold a search for a name or NIK) to another site. Over https,
// HSTS keeps browsers from ever falling back to plain http.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		if s.publicHTTPS() || r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) publicHTTPS() bool { return strings.HasPrefix(s.PublicURL, "https://") }

// secureCookies reports whether cookies must carry Secure: when this
// request came over TLS, or users reach naikkelas over https (through a
// TLS proxy that speaks plain http to us).
func (s *Server) secureCookies(r *http.Request) bool { return r.TLS != nil || s.publicHTTPS() }

// absoluteURL returns the full address of path (which starts with "/").
// It uses Deps.PublicURL when set. Otherwise it uses the address the
// client actually connected to (the office PC's LAN address, say), never
// the Host header, which the client chooses: a certificate fetched with
// "Host: evil.example" must not send its readers there.
func (s *Server) absoluteURL(r *http.Request, path string) string {
	if s.PublicURL != "" {
		return s.PublicURL + path
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := "127.0.0.1"
	if la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && la != nil {
		host = la.String() // a *net.TCPAddr: "192.168.1.10:8080", "[fe80::1]:8080"
	}
	return scheme + "://" + host + path
}
