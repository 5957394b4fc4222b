package web

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"naikkelas/internal/programs"
)

// Security findings of a hostile test of the running server, each pinned
// by a test that failed before its fix.

// Every response, whatever its type, tells the browser not to guess the
// type and not to send the page's address (which may hold a searched name
// or NIK) to other sites. HTML keeps its CSP.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	f := newFixture(t)
	for _, rq := range []request{
		{Method: "GET", Path: "/usaha", Role: "admin"},                                // HTML
		{Method: "GET", Path: "/api/v1/businesses?q=siti", Role: "admin"},             // JSON
		{Method: "GET", Path: "/api/v1/businesses/export?format=csv", Role: "admin"},  // CSV
		{Method: "GET", Path: "/api/v1/businesses/export?format=xlsx", Role: "admin"}, // XLSX
		{Method: "GET", Path: "/api/v1/businesses/template.xlsx", Role: "admin"},      // XLSX
		{Method: "GET", Path: "/api/v1/businesses/999999", Role: "admin"},             // JSON error
		{Method: "GET", Path: "/usaha", Role: "anon"},                                 // redirect
		{Method: "GET", Path: f.srv.static.url("app.css"), Role: "anon"},              // static
		{Method: "GET", Path: "/api/v1/openapi.json", Role: "anon"},                   // public JSON
		{Method: "GET", Path: "/tidak-ada", Role: "admin"},                            // HTML error
	} {
		w := f.do(rq)
		h := w.Header()
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" {
			t.Errorf("%s %s (%d, %s): nosniff %q, Referrer-Policy %q", rq.Method, rq.Path, w.Code, h.Get("Content-Type"),
				h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
		if w.Code == http.StatusOK && strings.HasPrefix(h.Get("Content-Type"), "text/html") && !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("%s %s: HTML without its CSP", rq.Method, rq.Path)
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s %s: HSTS on plain http without an https public URL", rq.Method, rq.Path)
		}
	}
}

// A certificate's verification link (and QR code) followed the Host
// header: "Host: evil.example" gave https://evil.example/verifikasi/…. It
// now uses --public-url, or else the address the client connected to.
func TestCertificateLinkIgnoresHostHeader(t *testing.T) {
	f := newFixture(t)
	c := &programs.Certificate{Code: "NK-AAAA-BBBB-CCCC", BusinessName: "Emping Bu Siti"}
	p := &programs.Program{Name: "Pelatihan", Kind: programs.KindPelatihan, StartsOn: "2025-10-01", EndsOn: "2025-10-03"}
	at := func(target, local string, tlsOn bool) *http.Request {
		r := httptest.NewRequest("GET", target, nil)
		addr, err := net.ResolveTCPAddr("tcp", local)
		if err != nil {
			t.Fatal(err)
		}
		r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, addr))
		if tlsOn {
			r.TLS = &tls.ConnectionState{}
		}
		return r
	}
	evil := at("http://evil.example/x", "192.168.1.10:8080", false)
	evil.Header.Set("X-Forwarded-Proto", "https")
	const code = "/verifikasi/NK-AAAA-BBBB-CCCC"
	tests := []struct {
		name, publicURL string
		r               *http.Request
		want            string
	}{
		{"office LAN", "", at("http://192.168.1.10:8080/x", "192.168.1.10:8080", false), "http://192.168.1.10:8080" + code},
		{"forged Host on the LAN", "", evil, "http://192.168.1.10:8080" + code},
		{"own TLS", "", at("https://10.0.0.5:8443/x", "10.0.0.5:8443", true), "https://10.0.0.5:8443" + code},
		{"IPv6", "", at("http://[fe80::1]:8080/x", "[fe80::1]:8080", false), "http://[fe80::1]:8080" + code},
		{"public URL wins over a forged Host", "https://umkm.serangkab.go.id", evil, "https://umkm.serangkab.go.id" + code},
	}
	for _, tt := range tests {
		f.srv.PublicURL = tt.publicURL
		if got := f.srv.certificateData(tt.r, c, p).VerifyURL; got != tt.want {
			t.Errorf("%s: VerifyURL %q, want %q", tt.name, got, tt.want)
		}
	}
}

// With an https public URL (naikkelas behind a TLS proxy that speaks
// plain http to it), the session cookie is Secure and responses carry
// HSTS; on a plain-http office LAN neither, or the login would break.
func TestHTTPSPublicURLMakesCookiesSecure(t *testing.T) {
	login := url.Values{"username": {"admin"}, "password": {testPassword}}.Encode()
	for _, tc := range []struct {
		publicURL string
		secure    bool
	}{{"", false}, {"http://192.168.1.10:8080", false}, {"https://umkm.serangkab.go.id", true}} {
		f := newFixture(t)
		f.srv.PublicURL = tc.publicURL
		w := f.do(request{Method: "POST", Path: "/masuk", Body: login})
		cookies := w.Result().Cookies()
		if w.Code != http.StatusSeeOther || len(cookies) != 1 {
			t.Fatalf("%q: login %d, cookies %v", tc.publicURL, w.Code, cookies)
		}
		if cookies[0].Secure != tc.secure {
			t.Errorf("%q: session cookie Secure=%v, want %v", tc.publicURL, cookies[0].Secure, tc.secure)
		}
		if hsts := w.Header().Get("Strict-Transport-Security"); (hsts != "") != tc.secure {
			t.Errorf("%q: HSTS %q", tc.publicURL, hsts)
		}
		out := f.do(request{Method: "POST", Path: "/keluar", Role: "admin"})
		if c := out.Result().Cookies(); len(c) != 1 || c[0].Secure != tc.secure {
			t.Errorf("%q: logout cookie %v", tc.publicURL, c)
		}
	}
}
