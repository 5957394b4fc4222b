package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportFlow is an officer's import in real Chromium: upload a
// CSV, see the mapping with an unknown column, be stopped until it is
// ignored on purpose, run a dry run, commit, and find the business.
func TestBrowserImportFlow(t *testing.T) {
	b := newBrowserSession(t)
	ts, run, text := b.ts, b.run, b.text
	file := filepath.Join(t.TempDir(), "daftar-cikande.csv")
	csv := "Nama Usaha;Nama Pemilik;NIK;Desa;Kec.;Omzet per Bulan;Hobi\n" +
		"Kerupuk Kulit Mang Oji;Oji;3604151203900001;Ds. Julang;Cikande;2,5 jt;mancing\n" +
		"Gipang Teh Euis;Euis;3.60415E+15;Julang;Cikande;1 jt;\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	b.login("log in", "operator.cikande")
	run("upload",
		chromedp.Navigate(ts.URL+"/impor"),
		chromedp.WaitVisible("#i-file"),
		chromedp.SetUploadFiles("#i-file", []string{file}),
		chromedp.SendKeys("#i-source", "Daftar Cikande Oktober"),
		chromedp.Click("#btn-unggah"),
		chromedp.WaitVisible("#mapping"))
	if m := text("mapping", "#mapping"); !strings.Contains(m, "Hobi") || !strings.Contains(m, "tidak dikenal") {
		t.Fatalf("mapping table: %q", m)
	}
	if rows := text("rows", "#rows"); !strings.Contains(rows, "Rp30.000.000") || !strings.Contains(rows, "notasi ilmiah") {
		t.Fatalf("first rows: %q", rows)
	}
	run("dry run without deciding the unknown column", chromedp.Click("#btn-uji"), chromedp.WaitVisible("#mapping-error"))
	if e := text("error", "#mapping-error"); !strings.Contains(e, "Hobi") {
		t.Fatalf("undecided column error: %q", e)
	}
	run("ignore it and dry run",
		selectOption(`select[data-col="G"]`, "ignore"),
		chromedp.Click("#btn-uji"),
		chromedp.WaitVisible("#impor-status"),
		waitJS(`document.querySelector('#impor-status').dataset.status === 'dry_run'`),
		chromedp.WaitVisible("#ringkasan"))
	if s := text("dry summary", "#ringkasan"); !strings.Contains(s, "Akan ditambahkan") {
		t.Fatalf("dry run summary: %q", s)
	}
	for k, want := range map[string]string{"inserted": "1", "rejected": "1", "total": "2"} {
		if got := text(k, `#ringkasan td[data-k="`+k+`"]`); got != want {
			t.Errorf("dry run %s = %q, want %s", k, got, want)
		}
	}
	run("commit",
		chromedp.Click("#btn-simpan"),
		chromedp.WaitVisible(`#impor-status[data-status="running"], #impor-status[data-status="done"]`),
		waitJS(`document.querySelector('#impor-status').dataset.status === 'done'`),
		chromedp.WaitVisible("#unduh-laporan"))
	if got := text("inserted", `#ringkasan td[data-k="inserted"]`); got != "1" {
		t.Errorf("committed inserted = %q", got)
	}
	run("history", chromedp.Navigate(ts.URL+"/impor/riwayat"), chromedp.WaitVisible("#riwayat"))
	if h := text("history", "#riwayat"); !strings.Contains(h, "Uji coba selesai") || !strings.Contains(h, "Selesai") {
		t.Errorf("history: %q", h)
	}
	run("find it", chromedp.Navigate(ts.URL+"/usaha?q=Kerupuk+Kulit"), chromedp.WaitVisible("#hasil"))
	if l := text("list", "#hasil"); !strings.Contains(l, "Kerupuk Kulit Mang Oji") {
		t.Errorf("list after import: %q", l)
	}
}
