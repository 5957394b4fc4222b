package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserOwnerHome360 is a business owner on a 360 px phone: after
// signing in it lands on its own Beranda (profile completeness, its
// applications, certificates and next steps), which fits the screen
// without sideways scrolling and shows no filter panel; the menu offers no
// register list; its business page's measurement history reads without
// scrolling sideways either.
func TestBrowserOwnerHome360(t *testing.T) {
	b := newBrowserSession(t)
	b.login("log in on a phone", "pemilik", chromedp.EmulateViewport(360, 740))
	b.run("Beranda", chromedp.Navigate(b.ts.URL+"/"), chromedp.WaitVisible("#kelengkapan"))
	num := b.num
	if w := num("width", `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the owner's Beranda scrolls sideways at 360 px: %v", w)
	}
	if n := num("filters", `document.querySelectorAll('form.filters, #f-q, a[href="/usaha"]').length`); n != 0 {
		t.Errorf("the owner sees %v filter or list elements", n)
	}
	text := b.text("Beranda text", "main")
	for _, want := range []string{b.f.In.Name, "Kelengkapan profil", "%", "Langkah berikutnya", "Pendaftaran program", "Sertifikat"} {
		if !strings.Contains(text, want) {
			t.Errorf("Beranda lacks %q: %.300q", want, text)
		}
	}
	top := num("profile card", `document.querySelector('#kelengkapan').getBoundingClientRect().top`)
	if top > 400 {
		t.Errorf("the profile card starts %.0f px down a 740 px screen", top)
	}
	shot(t, b.ctx, "beranda-pemilik-360")

	b.run("its business page", chromedp.Click(`a[href="/usaha/`+itoa64(b.f.In.ID)+`"]`), chromedp.WaitVisible("#riwayat"))
	if w := num("width", `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the business page scrolls sideways at 360 px: %v", w)
	}
	if w := num("history", `document.querySelector('#riwayat table.history') ? document.querySelector('#riwayat table.history').getBoundingClientRect().width : 0`); w > 340 {
		t.Errorf("the measurement history is %v px wide at 360 px", w)
	}
}
