package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserRetailAt360: the retailer's mitra on a 360 px phone opens
// /ritel, takes a product off its shelves with the form, and sees it
// ended; the owner's product page fits the screen too. With
// NAIKKELAS_SCREENSHOTS set, both pages are saved there as PNG.
func TestBrowserRetailAt360(t *testing.T) {
	b := newBrowserSession(t)
	run := b.run
	path := onShelf("/ritel/{l}/selesai")(b.f, b.f.In.ID, "")
	card := "#ritel-" + strings.TrimSuffix(strings.TrimPrefix(path, "/ritel/"), "/selesai")
	product := firstProduct("/produk/{p}")(b.f, b.f.In.ID, "")
	b.login("log in", b.f.users["mitra"].Username, chromedp.EmulateViewport(360, 740))
	run("/ritel", chromedp.Navigate(b.ts.URL+"/ritel"), chromedp.WaitVisible(card))
	b.fits("/ritel")
	b.screenshot("ritel-360.png")
	run("end the listing", chromedp.Click(card+" details:nth-of-type(2) summary"), chromedp.WaitVisible(card+` input[name="reason"]`),
		chromedp.SendKeys(card+` input[name="reason"]`, "Pasokan berhenti"), chromedp.Submit(card+` input[name="reason"]`),
		chromedp.WaitVisible(`p.notice`))
	if notice := b.text("notice", "p.notice"); !strings.Contains(notice, "diturunkan dari rak") {
		t.Errorf("notice after ending: %q", notice)
	}
	if text := b.text("card", card); !strings.Contains(text, "Selesai dipajang") || !strings.Contains(text, "Pasokan berhenti") {
		t.Errorf("ended card: %q", text)
	}
	b.fits("/ritel after the end")
	b.screenshot("ritel-selesai-360.png")
	run("log out", chromedp.Submit(`form[action="/keluar"]`), chromedp.WaitVisible("#username"))
	b.login("owner", b.f.users["owner"].Username)
	run("product page", chromedp.Navigate(b.ts.URL+product), chromedp.WaitVisible("main h1"))
	b.fits(product)
	b.screenshot("produk-360.png")
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
