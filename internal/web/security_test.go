package web

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/auth"
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

// loginFrom posts the login form from a client address, optionally through
// a proxy that adds X-Forwarded-For.
func loginFrom(f *fixture, user, pw, remote, forwarded string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", "/masuk", strings.NewReader(url.Values{"username": {user}, "password": {pw}}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = remote
	if forwarded != "" {
		r.Header.Set("X-Forwarded-For", forwarded)
	}
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w
}

type testClock struct{ t time.Time }

func (c *testClock) now() time.Time { return c.t }

// After 20 failures from one address, admin with the right password got
// 429 for 15 minutes, and so did every other user behind that address (an
// office behind one proxy). Failures now count per (username, address),
// with growing waits, and the right password after the wait always works.
func TestLoginFloodKeepsNoOneElseOut(t *testing.T) {
	f := newFixture(t)
	clk := &testClock{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	f.srv.Accounts.Now = clk.now
	const attacker, office = "203.0.113.5:40000", "198.51.100.7:40000"
	for i := range 25 {
		if w := loginFrom(f, "admin", "tebakan-"+itoa64(int64(i)), attacker, ""); w.Code != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i, w.Code)
		}
		clk.t = clk.t.Add(f.srv.Accounts.Throttle.Wait("admin", "203.0.113.5"))
	}
	for i := range 25 { // a spray of usernames from the same address
		loginFrom(f, "orang"+itoa64(int64(i)), "tebakan", attacker, "")
	}
	loginFrom(f, "admin", "tebakan-terakhir", attacker, "")
	if w := loginFrom(f, "admin", testPassword, office, ""); w.Code != http.StatusSeeOther {
		t.Errorf("admin from the office after a flood against admin: %d, want 303", w.Code)
	}
	if w := loginFrom(f, "pimpinan", testPassword, attacker, ""); w.Code != http.StatusSeeOther {
		t.Errorf("pimpinan from the flooding address: %d, want 303", w.Code)
	}
	w := loginFrom(f, "admin", testPassword, attacker, "")
	if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "Coba lagi dalam") {
		t.Fatalf("right password during the wait: %d, want 429 with the wait", w.Code)
	}
	wait := f.srv.Accounts.Throttle.Wait("admin", "203.0.113.5")
	if wait <= 0 || wait > 15*time.Minute {
		t.Fatalf("wait %v", wait)
	}
	clk.t = clk.t.Add(wait)
	if w := loginFrom(f, "admin", testPassword, attacker, ""); w.Code != http.StatusSeeOther {
		t.Errorf("right password after the wait: %d, want 303", w.Code)
	}
}

// X-Forwarded-For is believed only from a configured proxy: a client
// cannot pick a fresh address for each guess, and clients behind a trusted
// proxy are told apart.
func TestForwardedForOnlyFromTrustedProxy(t *testing.T) {
	f := newFixture(t)
	f.srv.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8")}
	for _, tc := range []struct{ remote, xff, want string }{
		{"198.51.100.7:1", "", "198.51.100.7"},
		{"198.51.100.7:1", "203.0.113.9", "198.51.100.7"}, // not a proxy: ignored
		{"127.0.0.1:1", "203.0.113.9", "203.0.113.9"},
		{"127.0.0.1:1", "203.0.113.9, 10.1.2.3", "203.0.113.9"}, // past every trusted hop
		{"127.0.0.1:1", "6.6.6.6, 203.0.113.9", "203.0.113.9"},  // the client's own claim is not believed
		{"127.0.0.1:1", "not-an-ip", "127.0.0.1"},
		{"127.0.0.1:1", "", "127.0.0.1"},
		{"[::ffff:10.0.0.1]:1", "203.0.113.9", "203.0.113.9"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		if tc.xff != "" {
			r.Header.Set("X-Forwarded-For", tc.xff)
		}
		if got := f.srv.clientIP(r); got != tc.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %q, want %q", tc.remote, tc.xff, got, tc.want)
		}
	}
	// A guesser that invents a new X-Forwarded-For for each try is still throttled.
	var last int
	for i := range 6 {
		last = loginFrom(f, "admin", "tebakan", "198.51.100.7:1", "203.0.113."+itoa64(int64(i))).Code
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("guesser rotating X-Forwarded-For: last answer %d, want 429", last)
	}
	// Through the proxy, one client's failures do not hold up another.
	for range 6 {
		loginFrom(f, "pimpinan", "tebakan", "127.0.0.1:1", "203.0.113.50")
	}
	if w := loginFrom(f, "pimpinan", testPassword, "127.0.0.1:1", "203.0.113.51"); w.Code != http.StatusSeeOther {
		t.Errorf("second client behind the proxy: %d, want 303", w.Code)
	}
}

// Tokens lived for ever and could not be withdrawn. They now expire when
// made with an end, an admin can revoke them, and both then get 401; the
// admin page lists them without ever showing a token or its hash.
func TestExpiredAndRevokedTokensGet401(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	clk := &testClock{t: time.Now()}
	f.srv.Accounts.Now = clk.now
	call := func(token string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", "/api/v1/businesses", nil)
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, r)
		return w
	}
	short, tok, err := f.srv.Accounts.CreateToken(ctx, auth.System, "operator.cikande", 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	forever, tok2, err := f.srv.Accounts.CreateToken(ctx, auth.System, "operator.cikande", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range []string{short, forever} {
		if w := call(tk); w.Code != http.StatusOK {
			t.Fatalf("fresh token: %d", w.Code)
		}
	}
	page := f.do(request{Method: "GET", Path: "/admin/token", Role: "admin"})
	if page.Code != 200 || !strings.Contains(page.Body.String(), "operator.cikande") || !strings.Contains(page.Body.String(), "/admin/token/"+itoa64(tok2.ID)+"/cabut") {
		t.Fatalf("token page: %d %.300s", page.Code, page.Body.String())
	}
	for _, secret := range []string{short, forever, tok.Hash, tok2.Hash} {
		if strings.Contains(page.Body.String(), secret) {
			t.Fatal("the token page shows a token or its hash")
		}
	}
	if w := f.do(request{Method: "POST", Path: "/admin/token/" + itoa64(tok2.ID) + "/cabut", Role: "admin"}); w.Code != http.StatusSeeOther {
		t.Fatalf("revoke: %d", w.Code)
	}
	if w := call(forever); w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "dicabut") {
		t.Errorf("revoked token: %d %s", w.Code, w.Body.String())
	}
	clk.t = clk.t.Add(25 * time.Hour)
	if w := call(short); w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "kedaluwarsa") {
		t.Errorf("expired token: %d %s", w.Code, w.Body.String())
	}
	page = f.do(request{Method: "GET", Path: "/admin/token?pengguna=operator.cikande", Role: "admin"})
	for _, want := range []string{"dicabut", "kedaluwarsa", "aktif"} { // the fixture's own token is still active
		if !strings.Contains(page.Body.String(), want) {
			t.Errorf("token page lacks status %q", want)
		}
	}
}

// Behind a reverse proxy that passes its own Host (nginx's default
// "127.0.0.1:8080"), a browser that sends no Sec-Fetch-Site is judged by
// its Origin against that Host: every form was refused as cross-origin.
// The public URL is now a trusted origin; other origins are still refused.
func TestPublicURLIsATrustedOriginBehindAProxy(t *testing.T) {
	f := newFixture(t)
	srv, err := New(Deps{Store: f.st, Set: f.srv.Set, Jurisdiction: "36.04", PublicURL: "https://umkm.serangkab.go.id",
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}, Logger: quietLogger})
	if err != nil {
		t.Fatal(err)
	}
	login := func(s *Server, origin string) int {
		r := httptest.NewRequest("POST", "http://127.0.0.1:8080/masuk",
			strings.NewReader(url.Values{"username": {"admin"}, "password": {testPassword}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Origin", origin)
		r.RemoteAddr = "127.0.0.1:50000"
		r.Header.Set("X-Forwarded-For", "198.51.100.7")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w.Code
	}
	if code := login(srv, "https://umkm.serangkab.go.id"); code != http.StatusSeeOther {
		t.Errorf("login from the public URL through the proxy: %d, want 303", code)
	}
	if code := login(srv, "https://evil.example"); code != http.StatusForbidden {
		t.Errorf("login from another origin: %d, want 403", code)
	}
	if code := login(f.srv, "https://umkm.serangkab.go.id"); code != http.StatusForbidden {
		t.Errorf("without --public-url the proxied origin is not trusted: %d", code)
	}
}
