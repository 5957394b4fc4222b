package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserBankReferral360: a bank's mitra opens the referrals addressed
// to it on a 360 px phone, reads the business's contact and the unmet
// requirements, and approves; nothing is wider than the screen.
func TestBrowserBankReferral360(t *testing.T) {
	b := newBrowserSession(t)
	run := b.run
	f := b.f
	bank := newBank(f, "Bank Daerah")
	f.addMitra(t, bank)
	r := f.referral(f.In.ID, bank, 30_000_000)
	b.login("log in", "mitra.p"+itoa64(bank), chromedp.EmulateViewport(360, 740))
	sel := "#rujukan-" + itoa64(r.ID)
	run("the referrals", chromedp.Navigate(b.ts.URL+"/portal/rujukan"), chromedp.WaitVisible(sel))
	card := b.text("card", sel)
	for _, want := range []string{"Keripik Emping Bu Siti", "Rp30.000.000", "KUR Mikro", "+6281234567890", "dirujuk"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q: %q", want, card)
		}
	}
	if strings.Contains(card, "3604154506900003") {
		t.Error("the bank sees the NIK")
	}
	if w := b.str("width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "360" {
		t.Errorf("the page at 360 px is %s px wide", w)
	}
	run("approve", chromedp.Click(sel+" details summary"), chromedp.WaitVisible(sel+` input[name="tenor_months"]`),
		chromedp.SendKeys(sel+` input[name="amount"]`, "25.000.000"), chromedp.SendKeys(sel+` input[name="tenor_months"]`, "24"),
		chromedp.Submit(sel+` input[name="tenor_months"]`), chromedp.WaitVisible(`p.notice`))
	if card := b.text("approved", sel); !strings.Contains(card, "disetujui Rp25.000.000, 24 bulan") {
		t.Errorf("approved card: %q", card)
	}
}
