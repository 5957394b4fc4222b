package web

import (
	"strings"
	"testing"

	"naikkelas/internal/pdftext"
)

func leadershipMatrix() map[string]matrixCase {
	leaders := want{admin: [2]int{s200, s200}, operator: [2]int{s403, s403}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}
	return map[string]matrixCase{
		"GET /api/v1/reports/leadership.pdf": {path: fixed("/api/v1/reports/leadership.pdf?from=2026-01-01&to=2026-12-31"), want: leaders},
		"GET /beranda/tren":                  {path: fixed("/beranda/tren"), want: leaders},
	}
}

// TestLeadershipReportPDF reads the report back from the PDF: the
// fixture's two businesses, the partner's commitment and the office.
func TestLeadershipReportPDF(t *testing.T) {
	f := newFixture(t)
	f.ledger() // Bank BJB: Rp10.000.000 committed for 2026, Rp6.000.000 realised
	w := f.do(request{Method: "GET", Path: "/api/v1/reports/leadership.pdf?from=2026-01-01&to=2026-12-31", Role: "pimpinan"})
	if w.Code != s200 || w.Header().Get("Content-Type") != "application/pdf" || !strings.HasPrefix(w.Body.String(), "%PDF-") {
		t.Fatalf("report: %d %s %.100s", w.Code, w.Header().Get("Content-Type"), w.Body.String())
	}
	text := pdftext.Text(w.Body.Bytes())
	for _, want := range []string{"Laporan Pimpinan", "Serang, periode 1 Januari \x96 31 Desember 2026", "Angka kunci",
		"Cikande", "Kramatwatu", "Bank BJB 2026", "Rp10.000.000", "Rp6.000.000", "Proyeksi cakupan"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// The camat's report: one kecamatan.
	w = f.do(request{Method: "GET", Path: "/api/v1/reports/leadership.pdf?from=2026-01-01&to=2026-12-31&district=" + cikande, Role: "admin"})
	text = pdftext.Text(w.Body.Bytes())
	if w.Code != s200 || !strings.Contains(text, "Kecamatan Cikande, periode") || strings.Contains(text, "Kramatwatu") {
		t.Errorf("district report: %d\n%s", w.Code, text)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/reports/leadership.pdf?from=2026-12-31&to=2026-01-01", Role: "admin"})
	if w.Code != s422 {
		t.Errorf("reversed period: %d", w.Code)
	}
}
