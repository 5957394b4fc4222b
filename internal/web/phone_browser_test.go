package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"naikkelas/internal/assessment"
)

// onScreen is a JavaScript test that the element sel, once scrolled to,
// lies whole within the screen's width: a thumb can reach it.
func onScreen(sel string) string {
	return `(() => { const e = document.querySelector(` + jsString(sel) + `); if (!e) return false;
		e.scrollIntoView({block: 'center', inline: 'nearest'}); const r = e.getBoundingClientRect();
		return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth; })()`
}

// narrowPage checks that the page is no wider than a 360 px phone and that
// each of sels can be reached on it.
func (b *browserSession) narrowPage(page string, sels ...string) {
	b.t.Helper()
	if w := b.num(page+" width", `document.documentElement.scrollWidth`); w > 360 {
		b.t.Errorf("%s at 360 px scrolls sideways: %v px wide", page, w)
	}
	for _, sel := range sels {
		if b.num(page+" "+sel, `Number(`+onScreen(sel)+`)`) != 1 {
			b.t.Errorf("%s at 360 px: %s is off the screen", page, sel)
		}
	}
}

// TestBrowserCapital360: on a 360 px phone the admin's capital page, with
// its funnel table, does not scroll sideways; the status filter, the
// business and the referral letter can be reached, and the filter and the
// business's link work.
func TestBrowserCapital360(t *testing.T) {
	b := newBrowserSession(t)
	f := b.f
	bank := newBank(f, "Bank Daerah")
	f.addMitra(t, bank)
	r := f.referral(f.In.ID, bank, 30_000_000)
	b.login("log in", f.users["admin"].Username, chromedp.EmulateViewport(360, 740))
	business := `a[href="/usaha/` + itoa64(f.In.ID) + `/modal"]`
	letter := `a[href="/api/v1/referrals/` + itoa64(r.ID) + `/letter.pdf"]`
	b.run("the capital page", chromedp.Navigate(b.ts.URL+"/modal"), chromedp.WaitVisible(business))
	b.narrowPage("/modal", "#f-status", `form[action="/modal"] button`, business, letter)
	b.run("filter", selectOption("#f-status", "referred"), chromedp.Submit("#f-status"),
		chromedp.WaitReady(`#f-status option[value="referred"][selected]`), chromedp.WaitVisible(business))
	b.run("open the business", chromedp.Click(business), chromedp.WaitVisible(`form[action="/usaha/`+itoa64(f.In.ID)+`/modal"]`))
	if h := b.text("heading", "h1"); !strings.Contains(h, "Keripik Emping Bu Siti") {
		t.Errorf("business capital page heading %q", h)
	}
	b.narrowPage("/usaha/{id}/modal")
}

// TestBrowserOutbox360: an operator's outbox on a 360 px phone does not
// scroll sideways; "Buka WhatsApp" and "Sudah dikirim" can be reached, and
// marking the message sent takes it off the page.
func TestBrowserOutbox360(t *testing.T) {
	b := newBrowserSession(t)
	f := b.f
	bank := newBank(f, "Bank Daerah")
	mitra := f.addMitra(t, bank)
	r := f.referral(f.In.ID, bank, 9_000_000)
	f.call(t, "POST", "/api/v1/referrals/"+itoa64(r.ID)+"/decision", mitra,
		`{"status":"approved","amount":9000000,"tenor_months":12,"rate_percent":6}`, s200)
	b.login("log in", f.users["operator"].Username, chromedp.EmulateViewport(360, 740))
	open := `a.button[href^="https://wa.me/6281234567890?text="]`
	sent := `form[action="/pesan/terkirim"] button`
	b.run("the outbox", chromedp.Navigate(b.ts.URL+"/pesan"), chromedp.WaitVisible(open))
	if text := b.text("message", "p.message-text"); !strings.Contains(text, "Bank Daerah telah menyetujui") {
		t.Errorf("message text %q", text)
	}
	b.narrowPage("/pesan", open, sent)
	b.run("mark sent", chromedp.Click(sent), chromedp.WaitVisible("p.notice"))
	if n := b.num("links left", `document.querySelectorAll('a[href^="https://wa.me/"]').length`); n != 0 {
		t.Errorf("%v WhatsApp links left after marking the message sent", n)
	}
	if notice := b.text("notice", "p.notice"); !strings.Contains(notice, "ditandai sudah dikirim") {
		t.Errorf("notice %q", notice)
	}
	b.narrowPage("/pesan after sending")
}

// TestBrowserFunding360: on a 360 px phone the funding table is stacked
// cards without its header row; a lagging partner's badge stays in the
// value column beside the partner's name, and the total row shows every
// sum, each with its label.
func TestBrowserFunding360(t *testing.T) {
	b := newBrowserSession(t)
	b.f.ledger()
	b.login("log in", b.f.users["admin"].Username, chromedp.EmulateViewport(360, 740))
	b.run("the funding page", chromedp.Navigate(b.ts.URL+"/dana"), chromedp.WaitVisible("#funding-stats"))
	total := `#funding-stats tfoot td[data-label="Komitmen"]`
	b.narrowPage("/dana", total)
	if h := b.num("header", `document.querySelector("#funding-stats thead").offsetHeight`); h != 0 {
		t.Errorf("the funding table's header row is %v px high above the cards", h)
	}
	if v := b.text("total", total); v != "Rp10.000.000" {
		t.Errorf("total committed %q", v)
	}
	if label := b.str("total label", chromedp.Evaluate[string](`getComputedStyle(document.querySelector(`+jsString(total)+`), "::before").content`)); label != `"Komitmen"` {
		t.Errorf("total committed labelled %s", label)
	}
	if d := b.num("badge", `(() => { const td = document.querySelector('#funding-stats tbody td[data-label="Mitra"]');
		return td.querySelector('.badge.lag').getBoundingClientRect().left - td.getBoundingClientRect().left; })()`); d < 100 {
		t.Errorf("the lagging badge sits %v px from the cell's left edge, under the label column", d)
	}
}

// TestBrowserTrends360: on a 360 px phone pimpinan's home fetches the
// yearly trends after it shows; the register's stock card and the
// definitions can be reached, open, and keep the page within the screen.
func TestBrowserTrends360(t *testing.T) {
	b := newBrowserSession(t)
	b.login("log in", "pimpinan", chromedp.EmulateViewport(360, 740))
	card, summary := `#tren [data-trend="businesses"]`, `#tren details summary`
	b.run("home with its trends", chromedp.Navigate(b.ts.URL+"/"), chromedp.WaitVisible(card))
	b.narrowPage("/ (trends)", card, summary)
	b.run("open the definitions", chromedp.Click(summary), chromedp.WaitVisible(`#tren details dd`))
	if defs := b.text("definitions", "#tren details"); !strings.Contains(defs, "Usaha terdaftar akhir tahun") ||
		!strings.Contains(defs, "belum diarsipkan") {
		t.Errorf("definitions: %.300q", defs)
	}
	b.narrowPage("/ (definitions open)", `#tren details dd`)
}

// TestBrowserNaikKelasComparison360: on a 360 px phone the programme's
// comparison of completers against the comparison group reads as one card
// per measure, each figure named, none off the screen.
func TestBrowserNaikKelasComparison360(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	rate := func(v float64) *float64 { return &v }
	p := &assessment.ProgramComparison{Name: "Pelatihan Kemasan", StartsOn: "2025-10-01",
		CompletersGroup:  assessment.GroupResult{Businesses: 48, Counts: assessment.Counts{SizeUp: 17}, SizeUpRate: rate(35.4), SizeRateBase: 48},
		ComparisonGroup:  assessment.GroupResult{Businesses: 3662, Counts: assessment.Counts{SizeUp: 23}, SizeUpRate: rate(0.7), SizeRateBase: 3662},
		SizeUpDifference: rate(34.7),
		MarketFigures: []assessment.MarketFigure{{Measure: "curation_pass_rate", Label: "Tingkat lolos kurasi ritel", Unit: assessment.UnitPercent,
			Completers: rate(66.7), Comparison: rate(20), Difference: rate(46.7)}}}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/naik-kelas" {
			naikKelasProgramPage(f, p)(w, r)
			return
		}
		f.srv.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	b := &browserSession{t: t, ctx: ctx, f: f, ts: ts}
	b.run("the report", chromedp.EmulateViewport(360, 740), chromedp.Navigate(ts.URL+"/naik-kelas?program=9"),
		chromedp.WaitVisible(`td[data-label="Pembanding"]`))
	b.narrowPage("/naik-kelas", `tr:last-child td[data-label="Pembanding"]`, `tr:last-child td[data-label="Selisih"]`)
	if text := b.text("last card", "table.list tbody tr:last-child"); !strings.Contains(text, "Tingkat lolos kurasi ritel") ||
		!strings.Contains(text, "20%") || !strings.Contains(text, "+46,7 poin") {
		t.Errorf("the pass-rate card reads %q", text)
	}
}
