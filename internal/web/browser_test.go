package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns the path of a Chromium or Chrome binary, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts headless Chromium for the test, or skips visibly (in
// -short mode, or when no Chromium is installed).
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserWithin(t, browserLimit)
}

// browserLimit is how long a browser test may take unless it says otherwise.
const browserLimit = 90 * time.Second

// browserWithin is browser for a test that needs more than 90 s.
func browserWithin(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: browser test skipped (go test ./... runs it with Chromium)")
	}
	path := findChromium()
	if path == "" {
		t.Skip("SKIP browser test: no chromium found in PATH (apt-get install -y chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.NoFirstRun)
	actx, cancelA := chromedp.NewExecAllocator(t.Context(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// browserSession is what every browser test starts with: Chromium, a fresh
// fixture served over HTTP, and steps that end the test with their name
// when they fail.
type browserSession struct {
	t   *testing.T
	ctx context.Context
	f   *fixture
	ts  *httptest.Server
}

// newBrowserSession starts Chromium (or skips, see browser) and serves a
// fresh fixture; both stop when the test ends.
func newBrowserSession(t *testing.T) *browserSession {
	t.Helper()
	return newBrowserSessionWithin(t, browserLimit)
}

// newBrowserSessionWithin is newBrowserSession for a test that needs more than 90 s.
func newBrowserSessionWithin(t *testing.T, limit time.Duration) *browserSession {
	t.Helper()
	ctx := browserWithin(t, limit)
	f := newFixture(t)
	ts := httptest.NewServer(f.srv)
	t.Cleanup(ts.Close)
	return &browserSession{t: t, ctx: ctx, f: f, ts: ts}
}

// run performs actions in the browser.
func (b *browserSession) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// str performs an action that yields a string and returns it.
func (b *browserSession) str(step string, a chromedp.Action[string]) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// num evaluates a JavaScript expression that yields a number.
func (b *browserSession) num(step, expr string) float64 {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[float64](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// text returns the text of the element sel.
func (b *browserSession) text(step, sel string) string {
	b.t.Helper()
	return b.str(step, chromedp.Text(sel))
}

// login signs in as username on the page /masuk, after the actions first
// (a phone's viewport, say).
func (b *browserSession) login(step, username string, first ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.run(step, append(first,
		chromedp.Navigate(b.ts.URL+"/masuk"),
		chromedp.SendKeys("#username", username),
		chromedp.SendKeys("#password", testPassword),
		chromedp.Submit("#password"),
		chromedp.WaitVisible(".who .role"))...)
}

// waitJS polls a JavaScript predicate until it is true.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))(ctx, tg)
		return chromedp.Void{}, err
	}
}

// selectOption sets a <select> and fires change, as a user choosing would.
func selectOption(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(` + jsString(sel) + `); s.value = ` +
		jsString(value) + `; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + "'"
}

// TestBrowserOperatorFlow is the Cikande operator's day in real Chromium:
// log in, search, create a business with one wrong field, fix it, find it
// in the list, and fail to open a business of another kecamatan.
func TestBrowserOperatorFlow(t *testing.T) {
	b := newBrowserSession(t)
	ctx, f, ts, run, str := b.ctx, b.f, b.ts, b.run, b.str
	var text, loc string

	b.login("log in", "operator.cikande")
	if text = str("role", chromedp.Text(".who .role")); text != "Operator kecamatan" {
		t.Fatalf("role shown = %q", text)
	}

	run("search via htmx",
		chromedp.Navigate(ts.URL+"/usaha"),
		chromedp.WaitVisible("#f-q"),
		waitJS(`typeof htmx !== 'undefined'`),
		chromedp.SendKeys("#f-q", "mping"),
		waitJS(`location.search.includes('q=mping') && document.querySelector('#total').textContent === '1'`))
	if text = str("results", chromedp.Text("#hasil tbody")); !strings.Contains(text, "Keripik Emping Bu Siti") {
		t.Fatalf("search results: %q", text)
	}

	run("open the create form",
		chromedp.Click(`a[href="/usaha/baru"]`),
		chromedp.WaitVisible("#f-name"),
		waitJS(`typeof htmx !== 'undefined'`),
		chromedp.SendKeys("#f-name", "Dodol Betawi Cikande"),
		chromedp.SendKeys("#f-owner_name", "Euis Komariah"),
		chromedp.SendKeys("#f-nik", "3604154506"), // too short: the one wrong field
		chromedp.SendKeys("#f-phone", "0813 1122 3344"),
		chromedp.SendKeys("#f-annual_revenue", "85.000.000"),
		selectOption("#f-district", cikande),
		waitJS(`!!document.querySelector('#f-village_code option[value="`+cikandeVillage+`"]')`),
		selectOption("#f-village_code", cikandeVillage),
		chromedp.SendKeys("#p0-name", "Dodol durian"),
		chromedp.Click("#save"),
		chromedp.WaitVisible("#e-nik"))
	if text = str("nik error", chromedp.Text("#e-nik")); !strings.Contains(text, "16 digit") {
		t.Fatalf("error next to NIK = %q", text)
	}
	for sel, want := range map[string]string{"#f-name": "Dodol Betawi Cikande", "#f-phone": "0813 1122 3344",
		"#f-nik": "3604154506", "#f-village_code": cikandeVillage, "#p0-name": "Dodol durian"} {
		if got := str("kept "+sel, chromedp.Value(sel)); got != want {
			t.Errorf("after the error %s = %q, want what was typed %q", sel, got, want)
		}
	}

	run("fix and save",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#f-nik').value = ''`),
		chromedp.SendKeys("#f-nik", "3604154506900004"),
		chromedp.Click("#save"),
		chromedp.WaitVisible("#riwayat"))
	loc = str("location", chromedp.Location())
	if text = str("detail", chromedp.Text("main")); !strings.Contains(text, "Dodol Betawi Cikande") || !strings.Contains(text, "Rp85.000.000") {
		t.Fatalf("detail page after save: %.300q", text)
	}
	newID := regexp.MustCompile(`/usaha/(\d+)(\?|$)`).FindStringSubmatch(loc)[1]

	run("find it in the list",
		chromedp.Navigate(ts.URL+"/usaha"),
		chromedp.WaitVisible("#f-q"),
		waitJS(`typeof htmx !== 'undefined'`),
		chromedp.SendKeys("#f-q", "dodol"),
		waitJS(`document.querySelector('#total').textContent === '1'`),
		chromedp.WaitVisible(`#hasil a[href="/usaha/`+newID+`"]`))

	run("360 px list", chromedp.EmulateViewport(360, 740), chromedp.Navigate(ts.URL+"/usaha"), chromedp.WaitVisible("#hasil"))
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if dir := os.Getenv("NAIKKELAS_SCREENSHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "daftar-360.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || width > 360 {
		t.Errorf("list page at 360 px scrolls sideways: scrollWidth %d (%v)", width, err)
	}
	for name, path := range map[string]string{"detail-360.png": "/usaha/" + newID, "form-360.png": "/usaha/baru", "beranda-360.png": "/"} {
		run(name, chromedp.Navigate(ts.URL+path), chromedp.WaitVisible("main h1"))
		if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > 360 {
			t.Errorf("%s at 360 px scrolls sideways: scrollWidth %d (%v)", path, w, err)
		}
		if dir := os.Getenv("NAIKKELAS_SCREENSHOTS"); dir != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, name), png, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}

	run("another kecamatan is out of reach", chromedp.Navigate(ts.URL+"/usaha/"+itoa64(f.Out.ID)), chromedp.WaitVisible("main h1"))
	if text = str("404 page", chromedp.Text("main")); !strings.Contains(text, "Tidak ditemukan") || strings.Contains(text, "Sate Bandeng") {
		t.Fatalf("out-of-area business page: %.200q", text)
	}
}

// fits fails the test when the page is wider than the 360 px screen.
func (b *browserSession) fits(page string) {
	b.t.Helper()
	if w := b.str("width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "360" {
		b.t.Errorf("%s at 360 px is %s px wide", page, w)
	}
}

// screenshot saves the whole page as name in $NAIKKELAS_SCREENSHOTS, if set.
func (b *browserSession) screenshot(name string) {
	b.t.Helper()
	dir := os.Getenv("NAIKKELAS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), png, 0o644)
	}
	if err != nil {
		b.t.Fatal(err)
	}
}
