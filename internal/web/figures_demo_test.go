package web

import (
	"context"
	"html"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/demo"
	"naikkelas/internal/funding"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// demoSite is the web server on a small demo: every kind of record the
// office keeps (programmes at every stage, a finished cohort with
// certificates, pendampingan, halal quotas, partners), built as `serve
// --demo` builds it, with a signed-in session per demo account.
type demoSite struct {
	f        *fixture
	sessions map[string]string // username → session cookie
}

func newDemoSite(t *testing.T) *demoSite {
	t.Helper()
	f := openFixture(t, filepath.Join(t.TempDir(), "demo.db"))
	t.Cleanup(func() { f.st.Close() })
	accounts, err := demo.Load(context.Background(), f.st, demo.Options{Count: 2600})
	if err != nil {
		t.Fatal(err)
	}
	site := &demoSite{f: f, sessions: map[string]string{}}
	for _, a := range accounts {
		form := url.Values{"username": {a.Username}, "password": {a.Password}}
		w := f.do(request{Method: "POST", Path: "/masuk", Body: form.Encode()})
		for _, c := range w.Result().Cookies() {
			if c.Name == sessionCookie {
				site.sessions[a.Username] = c.Value
			}
		}
		if site.sessions[a.Username] == "" {
			t.Fatalf("demo account %s cannot sign in: %d", a.Username, w.Code)
		}
	}
	return site
}

// get fetches a page as a demo account ("" for nobody), following a
// redirect (the mitra's Beranda is its portal).
func (d *demoSite) get(username, path string) (int, string) {
	for range 3 {
		r, _ := http.NewRequest("GET", path, nil)
		if username != "" {
			r.AddCookie(&http.Cookie{Name: sessionCookie, Value: d.sessions[username]})
		}
		w := httptest.NewRecorder()
		d.f.srv.ServeHTTP(w, r)
		if loc := w.Header().Get("Location"); w.Code/100 == 3 && strings.HasPrefix(loc, "/") {
			path = loc
			continue
		}
		if !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			return w.Code, ""
		}
		return w.Code, w.Body.String()
	}
	return http.StatusLoopDetected, ""
}

// crawl visits the HTML pages reachable from the starts by links, at most
// two of each shape (/program/7 and /program/8, not every programme), and
// returns their text by path.
func (d *demoSite) crawl(username string, limit int, starts ...string) map[string]string {
	pages, shapes := map[string]string{}, map[string]int{}
	queue := starts
	for len(queue) > 0 && len(pages) < limit {
		path := queue[0]
		queue = queue[1:]
		shape := pageShape(path)
		if _, seen := pages[path]; seen || shapes[shape] >= 2 || skipCrawl.MatchString(path) {
			continue
		}
		shapes[shape]++
		code, page := d.get(username, path)
		if code != http.StatusOK || page == "" {
			pages[path] = ""
			continue
		}
		pages[path] = page
		for _, m := range pageLink.FindAllStringSubmatch(page, -1) {
			queue = append(queue, html.UnescapeString(strings.SplitN(m[1], "#", 2)[0]))
		}
	}
	return pages
}

// pageShape is a path with its numbers and query values left out:
// /program/7/nilai and /program/8/nilai, or /usaha?district=36.04.05 and
// /usaha?district=36.04.06, are one shape.
func pageShape(path string) string {
	p, query, _ := strings.Cut(path, "?")
	q, _ := url.ParseQuery(query)
	return digitsOnly.ReplaceAllString(p, "N") + "?" + strings.Join(slices.Sorted(maps.Keys(q)), "&")
}

var (
	digitsOnly = regexp.MustCompile(`\d+`)
	pageLink   = regexp.MustCompile(`href="(/[^"]*)"`)
	skipCrawl  = regexp.MustCompile(`^/(static|api|keluar)|\.(xlsx|csv|pdf|json|png|ico)(\?|$)|/foto/`)
)

// figureProblem finds, in the text of a page, a number written as a
// program writes it rather than as Indonesian readers do. What is not a
// figure is left out first: scripts and styles, the ID column of a table,
// identifiers set in monospace (class "mono": permit numbers), record
// numbers after "#", identifiers after their name (KBLI, NIB, NIK,
// NIP, certificate and permit numbers), phone numbers, codes with dots
// (36.04.15), times (12.42 WIB) and years (1900–2099).
func figureProblems(page string) []string {
	page = notText.ReplaceAllString(page, " ")
	page = idCell.ReplaceAllString(page, " ")
	text := html.UnescapeString(tags.ReplaceAllString(page, " "))
	text = strings.Join(strings.Fields(text), " ")
	var out []string
	for _, m := range codeCell().FindAllStringSubmatch(page, -1) {
		out = append(out, "a code instead of a label: "+m[0])
	}
	for _, p := range figurePatterns {
		for _, loc := range p.re.FindAllStringSubmatchIndex(text, -1) {
			start, end := loc[2], loc[3]
			if p.allowed != nil && p.allowed(text, start, end) {
				continue
			}
			out = append(out, p.what+": …"+text[max(0, start-40):min(len(text), end+20)]+"…")
		}
	}
	return out
}

var (
	notText = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<textarea.*?</textarea>`)
	idCell  = regexp.MustCompile(`(?s)<td data-label="ID">.*?</td>|<td class="mono">.*?</td>|<span class="mono">.*?</span>|<code>.*?</code>`)
	tags    = regexp.MustCompile(`<[^>]*>`)
	// a word naming the identifier that follows it
	identifierBefore = regexp.MustCompile(`(?i)(?:\b(?:KBLI|NIB|NIK|NIP|P-IRT|PIRT|BPOM|HKI|nomor|no|kode|ID|sertifikat|seed|undian)\.?|[+#])\s*:?\s*$`)
)

// codeCell finds an element whose whole text is a stored code ("draft",
// "applied", "apbd", "self_report", "mikro") where its label belongs.
var codeCell = sync.OnceValue(func() *regexp.Regexp {
	var codes []string
	for _, list := range [][]string{programs.Statuses, programs.AppStatuses, programs.FundingKinds, registry.SizeClasses,
		registry.MeasurementSources, assessment.Sources, {funding.KindMoney, funding.KindInKind, registry.HalalCertified,
			registry.HalalInProcess, registry.ProposalPending, registry.ProposalApproved, registry.ProposalRejected}} {
		for _, c := range list {
			codes = append(codes, regexp.QuoteMeta(c))
		}
	}
	return regexp.MustCompile(`>\s*(` + strings.Join(codes, "|") + `)\s*<`)
})

type figurePattern struct {
	what    string
	re      *regexp.Regexp // group 1 is the offending text
	allowed func(text string, start, end int) bool
}

var figurePatterns = []figurePattern{
	{"digits without thousands separators", regexp.MustCompile(`(?:^|Rp|[^\d.,:/\-+#*\p{L}])(\d{4,})(?:$|[^\d.,:/\-*\p{L}])`),
		func(text string, start, end int) bool {
			n := text[start:end]
			if len(n) == 4 && (n[:2] == "19" || n[:2] == "20") {
				return true // a year
			}
			return identifierBefore.MatchString(text[max(0, start-14):start])
		}},
	{"a decimal point instead of a comma", regexp.MustCompile(`(?:^|[^\d.,])(\d+\.\d{1,2})(?:$|[^\d.,])`),
		func(text string, start, end int) bool { return strings.HasPrefix(text[end:], " WIB") }},
	{"needless zero decimals", regexp.MustCompile(`(?:^|[^\d.,])(\d[\d.]*,0+)(?:$|[^\d])`), nil},
	{"a code instead of a label", regexp.MustCompile(`(?:^|[^\w./-])([a-z]+_[a-z_]+)(?:$|[^\w./-])`), nil},
	{"raw data", regexp.MustCompile(`(?:^|\W)(null|NaN|\+Inf|map\[|\{")(?:$|\W)`), nil},
}

// The scanner itself finds what it is meant to find, and leaves alone what
// is not a figure.
func TestFigureProblems(t *testing.T) {
	for page, want := range map[string]int{
		`<p>6108 usaha ditambahkan</p>`:                                         1,
		`<p>6.108 usaha; 3.004 tidak memenuhi syarat</p>`:                       0,
		`<td>Bobot 35,00</td>`:                                                  1,
		`<td>75,00%</td>`:                                                       1,
		`<td>75%</td><td>72,5%</td><td>3.972,37</td>`:                           0,
		`<td>Rata-rata 72.5</td>`:                                               1,
		`<td>Sumber self_report</td>`:                                           1,
		`<td>Sumber: Laporan pemilik</td>`:                                      0,
		`<td>null</td>`:                                                         1,
		`<td data-label="ID">31795</td><td>#6231</td>`:                          0,
		`<p>KBLI 16292 · NIB 1234567890123 · 2 Desember 2026 12.42 WIB</p>`:     0,
		`<p>Telepon +6281234567890, kode NK-RAZ9-76RB, ID36110000040090119</p>`: 0,
		`<script>var x = 12345;</script><p>Desa 36.04.15.2001</p>`:              0,
		`<p>Rp1500000</p>`:                                                      1,
		`<td>draft</td><dd> apbd </dd>`:                                         2,
		`<td>Draf</td><dd>APBD</dd>`:                                            0,
	} {
		if got := figureProblems(page); len(got) != want {
			t.Errorf("%s: %d problems %q, want %d", page, len(got), got, want)
		}
	}
}

// Every page an officer, a leader, an owner, a partner or the public opens
// on the demo writes its figures as Indonesian readers expect: 6.108 and
// 3.972,37, 75% rather than 75,00%, labels rather than codes. The pages are
// found by following links from each account's Beranda, so that a new page
// is checked without being listed here.
//
// Every audit entry the demo writes is named in Indonesian: its record, its
// action and each of its fields, so that the log never shows
// "halal_quota", "allocate" or "business_ids".
//
// Both run on one demo of 2,600 businesses (a few seconds).
func TestDemoInIndonesian(t *testing.T) {
	site := newDemoSite(t)
	t.Run("figures", func(t *testing.T) { demoPagesWriteFigures(t, site) })
	t.Run("audit", func(t *testing.T) { demoAuditEntriesAreLabelled(t, site) })
}

func demoPagesWriteFigures(t *testing.T, site *demoSite) {
	crawls := map[string][]string{
		"admin":            {"/", "/admin/audit", "/admin/audit?page=2", "/data", "/katalog", "/verifikasi"},
		"operator.cikande": {"/"},
		"pimpinan":         {"/"},
		"pemilik.demo":     {"/"},
		"mitra.bank":       {"/"},
		"":                 {"/data", "/katalog"},
	}
	users := make([]string, 0, len(crawls))
	for u := range crawls {
		users = append(users, u)
	}
	sort.Strings(users)
	var checked []string
	for _, user := range users {
		for path, page := range site.crawl(user, 150, crawls[user]...) {
			if page == "" {
				continue
			}
			checked = append(checked, user+" "+path)
			for _, p := range figureProblems(page) {
				t.Errorf("%s as %q: %s", path, user, p)
			}
		}
	}
	if len(checked) < 60 {
		t.Errorf("only %d pages checked; the crawl lost its way", len(checked))
	}
	sort.Strings(checked)
	t.Logf("%d pages checked", len(checked))
	if testing.Verbose() {
		t.Log(strings.Join(checked, "\n"))
	}
}

func demoAuditEntriesAreLabelled(t *testing.T, site *demoSite) {
	missing, read := map[string]bool{}, 0
	for page := 1; ; page++ {
		entries, _, err := site.f.st.ListAudit(context.Background(), audit.Filter{Page: page, PerPage: 500})
		if err != nil {
			t.Fatal(err)
		}
		read += len(entries)
		for _, e := range entries {
			if entityLabels[e.Entity] == "" {
				missing["record "+e.Entity] = true
			}
			if actionLabels[e.Action] == "" {
				missing["action "+e.Action] = true
			}
			for _, c := range newAuditRow(e).Changes {
				if _, ok := fieldLabels[c.key]; !ok {
					missing["field "+e.Entity+"."+c.key] = true
				}
			}
		}
		if len(entries) < 500 {
			break
		}
	}
	if read < 100 {
		t.Fatalf("the demo wrote %d audit entries", read)
	}
	for m := range missing {
		t.Errorf("audit log shows a code: %s", m)
	}
	// the entries of a programme's records say which programme and whose
	for _, entity := range []string{"application", "attendance", "test_scores", "certificate", "follow_up"} {
		_, page := site.get("admin", "/admin/audit?entity="+entity)
		if !strings.Contains(page, "<small>Program: ") || !strings.Contains(page, "<small>Usaha: ") {
			t.Errorf("audit entries of %s do not name their programme and business", entity)
		}
	}
}
