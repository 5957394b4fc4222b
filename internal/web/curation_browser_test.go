package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserCurationBoard: the retailer's mitra opens its round on a
// 360 px phone, reads the pre-check of the product, asks for fixes, and
// the board shows the decision; nothing is wider than the screen.
func TestBrowserCurationBoard(t *testing.T) {
	b := newBrowserSession(t)
	run := b.run
	c, e := newRound(b.f, b.f.In.ID, true)
	b.login("log in", b.f.users["mitra"].Username, chromedp.EmulateViewport(360, 740))
	run("the rounds", chromedp.Navigate(b.ts.URL+"/kurasi"), chromedp.WaitVisible(`a[href="/kurasi/`+itoa64(c)+`"]`))
	run("open the round", chromedp.Click(`a[href="/kurasi/`+itoa64(c)+`"]`), chromedp.WaitVisible("#entri-"+itoa64(e)))
	card := b.text("entry", "#entri-"+itoa64(e))
	for _, want := range []string{"Keripik Emping Bu Siti", "Emping melinjo", "belum ada sertifikat halal",
		"umur simpan belum diisi (minimal 90 hari)", "Menunggu"} {
		if !strings.Contains(card, want) {
			t.Errorf("entry card lacks %q: %q", want, card)
		}
	}
	if w := b.str("width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "360" {
		t.Errorf("the board at 360 px is %s px wide", w)
	}
	sel := "#entri-" + itoa64(e)
	run("decide", chromedp.Click(sel+" summary"), chromedp.WaitVisible(sel+` input[value="perbaikan"]`),
		chromedp.Click(sel+` input[value="perbaikan"]`),
		chromedp.Submit(sel+` textarea[name="fixes"]`), chromedp.WaitVisible(`p.notice`))
	card = b.text("decided entry", sel)
	if !strings.Contains(card, "Perbaikan") || !strings.Contains(card, "Perbaikan yang diminta") ||
		!strings.Contains(card, "belum ada sertifikat halal") || !strings.Contains(card, b.f.users["mitra"].Username) {
		t.Errorf("decided card: %q", card)
	}
	if page := b.text("page", "main"); strings.Contains(page, "3604154506900003") || strings.Contains(page, "Siti Aminah") {
		t.Error("the board shows the owner's NIK or name to the mitra")
	}
}

// TestBrowserCurationSearch: an operator on a 360 px phone types part of a
// product's name on the board, the results appear without a page load, and
// entering the one found puts it on the board.
func TestBrowserCurationSearch(t *testing.T) {
	b := newBrowserSession(t)
	run := b.run
	c, _ := newRound(b.f, b.f.In.ID, false)
	pid := firstProduct("{p}")(b.f, b.f.In.ID, "")
	b.login("log in", b.f.users["operator"].Username, chromedp.EmulateViewport(360, 740))
	run("open the round", chromedp.Navigate(b.ts.URL+"/kurasi/"+itoa64(c)), chromedp.WaitVisible("#cari"))
	found := `#produk-hasil input[name="product_id"][value="` + pid + `"]`
	run("search", chromedp.SendKeys("#cari", "melinjo"), chromedp.WaitReady(found))
	if w := b.str("width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "360" {
		t.Errorf("the board with results at 360 px is %s px wide", w)
	}
	run("enter it", chromedp.SendKeys(`#es`+pid, "300"), chromedp.Submit(`#es`+pid), chromedp.WaitVisible(`li.entry`), chromedp.WaitVisible(`p.notice`))
	if board := b.text("board", "main"); !strings.Contains(board, "Emping melinjo masuk kurasi") || !strings.Contains(board, "Keripik Emping Bu Siti") {
		t.Errorf("after entering: %q", board)
	}
}

// TestBrowserRetailAt360: the retailer's mitra on a 360 px phone opens
// /ritel, takes a product off its shelves with the form, and sees it
// ended (the table "Per ritel" shows as cards without its header row); the
// owner's product page fits the screen too. With
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
	if shown := b.num("header row", `document.querySelectorAll("table.list thead").length - `+
		`[...document.querySelectorAll("table.list thead")].filter(h => h.offsetHeight === 0).length`); shown != 0 {
		t.Errorf("/ritel at 360 px shows %v header rows above the stacked cards", shown)
	}
	if label := b.str("card label", chromedp.Evaluate[string](`getComputedStyle(document.querySelector("table.list tbody td"), "::before").content`)); label != `"Ritel"` {
		t.Errorf("first stacked cell labelled %s, want \"Ritel\"", label)
	}
	b.screenshot("ritel-360.png")
	run("end the listing", chromedp.Click(card+" details.act.end>summary"), chromedp.WaitVisible(card+` input[name="reason"]`),
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
