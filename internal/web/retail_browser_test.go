package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"naikkelas/internal/auth"
	"naikkelas/internal/demo"
	"naikkelas/internal/market"
)

// TestBrowserRetailSections: on the demo's /ritel (two retailers, a few
// dozen listings, most with unpaid months) an officer on a 360 px phone
// sees a summary line per retailer with what it owes, not a card per
// listing and per month, so the page stays a few screens long. Opening a
// retailer and one of its listings reaches the sales form, and the report
// comes back with that listing open and the notice in it.
func TestBrowserRetailSections(t *testing.T) {
	ctx := browserWithin(t, 3*browserLimit)
	site := newDemoSite(t)
	ts := httptest.NewServer(site.f.srv)
	t.Cleanup(ts.Close)
	b := &browserSession{t: t, ctx: ctx, f: site.f, ts: ts}
	list, err := site.f.srv.Market.Listings(context.Background(), auth.System, market.ListingFilter{})
	if err != nil || len(list) < 20 {
		t.Fatalf("the demo has %d listings (%v); the test needs a long page", len(list), err)
	}
	var l market.Listing
	for _, x := range list {
		if x.EndsOn == "" {
			l = x
		}
	}
	b.run("log in", chromedp.EmulateViewport(360, 740), chromedp.Navigate(ts.URL+"/masuk"),
		chromedp.SendKeys("#username", "admin"), chromedp.SendKeys("#password", demo.AdminPassword),
		chromedp.Submit("#password"), chromedp.WaitVisible(".who .role"))
	b.run("/ritel", chromedp.Navigate(ts.URL+"/ritel"), chromedp.WaitVisible("details.group"))
	b.fits("/ritel")
	if h := b.num("height", "document.documentElement.scrollHeight"); h > 3000 {
		t.Errorf("/ritel with %d listings is %v px long at 360 px", len(list), h)
	}
	if open := b.num("open", `document.querySelectorAll("details.group[open], details.row[open]").length`); open != 0 {
		t.Errorf("%v sections or listings open on a page of %d listings", open, len(list))
	}
	b.screenshot("ritel-ringkas-360.png")
	row := "#ritel-" + itoa64(l.ID)
	month := site.f.srv.Market.Now().AddDate(0, 0, -40).Format("2006-01")
	b.run("open the retailer and the listing", chromedp.Click("#mitra-"+itoa64(l.PartnerID)+">summary"),
		chromedp.WaitVisible(row+">details>summary"), chromedp.Click(row+">details>summary"),
		chromedp.WaitVisible(row+" details.act.sale>summary"), chromedp.Click(row+" details.act.sale>summary"),
		chromedp.WaitVisible(row+` input[name="units"]`))
	b.run("report a month", chromedp.SetValue(row+` input[name="month"]`, month),
		chromedp.SendKeys(row+` input[name="units"]`, "12"), chromedp.SendKeys(row+` input[name="revenue"]`, "360.000"),
		chromedp.Submit(row+` input[name="revenue"]`), chromedp.WaitVisible(row+" p.notice"))
	if notice := b.text("notice", row+" p.notice"); !strings.Contains(notice, "Penjualan "+month+" tersimpan") {
		t.Errorf("notice in the listing: %q", notice)
	}
	if open := b.num("open", `document.querySelectorAll("`+row+` details.row[open]").length`); open != 1 {
		t.Errorf("the listing just reported is not open after the report")
	}
	b.fits("/ritel after the report")
	b.screenshot("ritel-lapor-360.png")
	got, err := site.f.srv.Market.Listings(context.Background(), auth.System, market.ListingFilter{PartnerID: l.PartnerID})
	saved := false
	for _, x := range got {
		for _, s := range x.Sales {
			saved = saved || x.ID == l.ID && s.Month == month && s.Units == 12 && s.Revenue == 360_000
		}
	}
	if !saved {
		t.Errorf("%s of listing %d not saved as reported (%v)", month, l.ID, err)
	}
}
