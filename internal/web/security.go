package web

import (
	"net"
	"net/http"
	"net/netip"
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

// clientIP is the address a request came from, for the sign-in throttle.
// X-Forwarded-For is believed only when the peer is a trusted proxy
// (Deps.TrustedProxies): the list is read from the right, past every
// trusted proxy, to the first address a trusted proxy saw. From anyone
// else the header is ignored, so a client cannot choose its own address.
func (s *Server) clientIP(r *http.Request) string {
	peer := r.RemoteAddr
	if host, _, err := net.SplitHostPort(peer); err == nil {
		peer = host
	}
	ip, err := netip.ParseAddr(peer)
	if err != nil || !s.trustedProxy(ip) {
		return peer
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return peer // a malformed list: treat the request as the proxy's own
		}
		if hop = hop.Unmap(); !s.trustedProxy(hop) {
			return hop.String()
		}
	}
	return peer
}

func (s *Server) trustedProxy(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range s.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}
