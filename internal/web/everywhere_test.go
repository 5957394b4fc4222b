package web

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// Every page names the jurisdiction in its header and links the favicon;
// the report pages print without menu or filters (a print stylesheet);
// the favicon is served at the address browsers ask for by themselves.
func TestHeaderFaviconAndPrintStylesheet(t *testing.T) {
	f := newFixture(t)
	pid := f.stage("running")
	printCSS := regexp.MustCompile(`<link rel="stylesheet" href="(/static/[0-9a-f]{12}/print\.css)" media="print">`)
	icon := regexp.MustCompile(`<link rel="icon" href="(/static/[0-9a-f]{12}/favicon\.png)" type="image/png">`)
	for _, path := range []string{"/program/" + itoa64(pid) + "/laporan", "/naik-kelas", "/cakupan", "/usaha", "/"} {
		w := f.do(request{Method: "GET", Path: path, Role: "admin"})
		page := w.Body.String()
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d", path, w.Code)
		}
		if !strings.Contains(page, `<small class="juris">Kabupaten Serang</small>`) {
			t.Errorf("%s: the header does not name the jurisdiction", path)
		}
		m := printCSS.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s: no print stylesheet", path)
		}
		css := f.do(request{Method: "GET", Path: m[1], Role: "anon"})
		for _, rule := range []string{"size:A4 landscape", ".top nav", "form[method=get]", "thead{display:table-header-group}"} {
			if css.Code != 200 || !strings.Contains(css.Body.String(), rule) {
				t.Errorf("print stylesheet lacks %q", rule)
			}
		}
		if m := icon.FindStringSubmatch(page); m == nil {
			t.Errorf("%s: no favicon link", path)
		} else if png := f.do(request{Method: "GET", Path: m[1], Role: "anon"}); png.Code != 200 ||
			png.Header().Get("Content-Type") != "image/png" || !strings.HasPrefix(png.Body.String(), "\x89PNG") {
			t.Errorf("favicon.png: %d %s", png.Code, png.Header().Get("Content-Type"))
		}
	}
	// the login page too, where nobody is signed in yet
	if page := f.do(request{Method: "GET", Path: "/masuk", Role: "anon"}).Body.String(); !icon.MatchString(page) || !strings.Contains(page, "Kabupaten Serang") {
		t.Error("the login page lacks the favicon or the jurisdiction")
	}
	w := f.do(request{Method: "GET", Path: "/favicon.ico", Role: "anon"})
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/x-icon" || !strings.HasPrefix(w.Body.String(), "\x00\x00\x01\x00") {
		t.Errorf("/favicon.ico: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
}

// The audit page showed English entity names and raw JSON: "application
// #6231", {"status":"applied"}, null. It now names what changed and shows
// each field's value before and after in words.
func TestAuditShowsLabelsNotRawJSON(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	b := *f.In
	b.Name, b.AnnualRevenue = "Emping Bu Sari Jaya", 275_000_000
	if _, err := f.srv.Registry.Update(ctx, auth.System, &b); err != nil {
		t.Fatal(err)
	}
	f.stage("open") // two applications: audited as status changes
	page := f.do(request{Method: "GET", Path: "/admin/audit", Role: "admin"}).Body.String()
	if testing.Verbose() {
		t.Log(page[strings.Index(page, "<tbody>"):min(len(page), strings.Index(page, "<tbody>")+4000)])
	}
	for _, want := range []string{
		`<a href="/usaha/` + itoa64(f.In.ID) + `">Usaha</a>`, "Ubah", "Nama", "Emping Bu Sari Jaya", "Omzet tahunan", "Rp275.000.000",
		`">Pendaftaran program</a>`, programs.AppStatusLabel(programs.AppApplied),
		"<small>Program: Program open</small>", "<small>Usaha: Emping Bu Sari Jaya</small>", // which programme, whose application
	} {
		if !strings.Contains(page, want) {
			t.Errorf("audit page lacks %q", want)
		}
	}
	table := page[strings.Index(page, "<table"):strings.Index(page, "</table>")]
	for _, raw := range []string{"{&#34;", `{"`, "null", "application #", "business #", "usaha #", "&#34;status&#34;", ">applied<", "annual_revenue"} {
		if strings.Contains(table, raw) {
			t.Errorf("audit page still shows %q", raw)
		}
	}
}
