package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// call does one request and decodes a JSON object answer; it fails the test
// unless the status is want.
func (f *fixture) call(t *testing.T, method, path, role, body string, want int) map[string]any {
	t.Helper()
	w := f.do(request{Method: method, Path: path, Role: role, Body: body})
	if w.Code != want {
		t.Fatalf("%s %s as %s: status %d, want %d; body %.400s", method, path, role, w.Code, want, w.Body.String())
	}
	m := map[string]any{}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s %s: bad JSON: %v", method, path, err)
		}
	}
	return m
}

func ids(list any) []int64 {
	var out []int64
	for _, x := range list.([]any) {
		out = append(out, int64(x.(map[string]any)["business_id"].(float64)))
	}
	return out
}

const programJSON = `{"name":"Pelatihan Kemasan dan Label","kind":"pelatihan","topics":["kemasan_label","pemasaran"],
	"starts_on":"2026-12-01","ends_on":"2026-12-03","venue":"Aula Dinas","capacity":2,"max_per_district":1,"min_districts":2,
	"eligibility":{"require_nib":true},"budget":30000000,
	"funding":[{"kind":"apbd","amount":20000000},{"kind":"csr","amount":10000000,"in_kind_description":"kemasan contoh"}]}`

// TestProgramLifeScenario follows one programme from creation to certificate.
func TestProgramLifeScenario(t *testing.T) {
	f := newFixture(t)
	noNIB := f.createBusiness("Gula Aren Tanpa NIB", cikandeVillage)
	noNIB.NIB = ""
	if _, err := f.srv.Registry.Update(context.Background(), auth.System, noNIB); err != nil {
		t.Fatal(err)
	}
	kibin := f.createBusiness("Kopi Kibin Jaya", "36.04.16.2001")

	p := f.call(t, "POST", "/api/v1/programs", "admin", programJSON, 201)
	id := int64(p["id"].(float64))
	if c := p["completion"].(map[string]any); c["min_attendance_pct"] != 75.0 || c["min_post_test"] != 60.0 {
		t.Fatalf("completion defaults: %v", c)
	}
	if s := p["sessions"].([]any); len(s) != 3 || s[0].(map[string]any)["number"] != 1.0 {
		t.Fatalf("sessions: %v", s)
	}
	base := fmt.Sprintf("/api/v1/programs/%d", id)
	bad := strings.Replace(programJSON, `{"kind":"apbd"`, `{"partner_id":999,"kind":"apbd"`, 1)
	if e := f.call(t, "POST", "/api/v1/programs", "admin", bad, 422); e["fields"].(map[string]any)["funding"] == nil {
		t.Fatalf("unknown partner accepted: %v", e)
	}
	f.call(t, "PATCH", base, "admin", `{"status":"running"}`, 409)
	f.call(t, "PATCH", base, "pimpinan", `{"status":"open"}`, 403)
	f.call(t, "GET", base, "owner", "", 404) // a draft is the office's own
	if l := f.call(t, "GET", "/api/v1/programs", "owner", "", 200); num(t, l, "total") != 0 {
		t.Fatalf("owner sees drafts: %v", l)
	}
	f.call(t, "PATCH", base, "admin", `{"status":"open"}`, 200)

	apply := func(role string, b *registry.Business, want int) map[string]any {
		return f.call(t, "POST", base+"/applications", role, fmt.Sprintf(`{"business_id":%d,"channel":"online"}`, b.ID), want)
	}
	if ap := apply("owner", f.In, 201); ap["status"] != "applied" || ap["channel"] != "online" {
		t.Fatalf("owner application: %v", ap)
	}
	apply("owner", f.Out, 403)
	apply("operator", f.Out, 404)
	apply("pimpinan", f.Out, 403)
	apply("admin", f.Out, 201)
	apply("admin", f.In, 409)
	if ap := apply("operator", noNIB, 201); ap["status"] != "ineligible" || ap["reason"] != "belum memiliki NIB" {
		t.Fatalf("ineligible application: %v", ap)
	}
	apply("admin", kibin, 201)

	res := f.call(t, "POST", base+"/selection", "admin", "", 200)
	for _, k := range []string{"selected", "reserve", "not_selected", "ineligible", "seed", "locked"} {
		if _, ok := res[k]; !ok {
			t.Fatalf("selection result lacks %q: %v", k, res)
		}
	}
	sel := ids(res["selected"])
	if len(sel) != 2 || res["locked"] != false {
		t.Fatalf("selected %v locked %v", sel, res["locked"])
	}
	first := res["selected"].([]any)[0].(map[string]any)
	if _, ok := first["score_breakdown"].(map[string]any)["need"]; !ok || first["rank"] != 1.0 {
		t.Fatalf("selected entry: %v", first)
	}
	inel := res["ineligible"].([]any)
	if len(inel) != 1 || inel[0].(map[string]any)["reason"] != "belum memiliki NIB" {
		t.Fatalf("ineligible: %v", inel)
	}
	again := f.call(t, "POST", base+"/selection", "admin", "", 200)
	if fmt.Sprint(again["selected"]) != fmt.Sprint(res["selected"]) || again["seed"] != res["seed"] {
		t.Fatal("a second run on the same inputs gave another result")
	}
	f.call(t, "GET", base+"/selection", "pimpinan", "", 200)
	f.call(t, "GET", base+"/selection", "owner", "", 403)

	public := fmt.Sprintf("/seleksi/%d", id)
	f.call(t, "GET", public, "anon", "", 404)
	f.call(t, "POST", base+"/selection/publish", "admin", "", 409)
	if l := f.call(t, "POST", base+"/selection/lock", "operator", "", 200); l["locked"] != true {
		t.Fatalf("lock: %v", l)
	}
	f.call(t, "POST", base+"/selection", "admin", "", 409)
	if p := f.call(t, "GET", base, "owner", "", 200); p["status"] != "selected" {
		t.Fatalf("status after lock: %v", p["status"])
	}
	f.call(t, "POST", base+"/selection/publish", "admin", "", 200)
	w := f.do(request{Method: "GET", Path: public})
	page := w.Body.String()
	if w.Code != 200 || !strings.Contains(page, "Kopi Kibin Jaya") && !strings.Contains(page, "Sate Bandeng Kramat") {
		t.Fatalf("public page: %d %.300s", w.Code, page)
	}
	for _, personal := range []string{"3604154506900003", "+6281234567890", "0812", "Siti Aminah", "siti@example.id"} {
		if strings.Contains(page, personal) {
			t.Errorf("public selection page holds personal data %q", personal)
		}
	}

	f.call(t, "PATCH", base, "admin", `{"status":"running"}`, 200)
	a, b := sel[0], sel[1]
	mark := func(role string, biz int64, session int, want int) {
		f.call(t, "POST", base+"/attendance", role, fmt.Sprintf(`{"business_id":%d,"session":%d,"present":true}`, biz, session), want)
	}
	for s := 1; s <= 3; s++ {
		mark("admin", a, s, 200)
	}
	mark("admin", b, 1, 200)
	mark("admin", b, 9, 422)
	mark("pimpinan", a, 1, 403)
	mark("admin", noNIB.ID, 1, 409)
	cert := func(biz int64) string { return fmt.Sprintf("%s/certificates/%d.pdf", base, biz) }
	if e := f.call(t, "GET", cert(a), "admin", "", 409); !strings.Contains(e["error"].(string), "nilai post-test belum diisi") {
		t.Fatalf("certificate before tests: %v", e)
	}
	f.call(t, "POST", base+"/scores", "admin", fmt.Sprintf(`{"business_id":%d,"pre_test":40,"post_test":85}`, a), 200)
	f.call(t, "POST", base+"/scores", "admin", fmt.Sprintf(`{"business_id":%d,"pre_test":50,"post_test":90}`, b), 200)
	f.call(t, "POST", base+"/scores", "admin", fmt.Sprintf(`{"business_id":%d,"post_test":120}`, b), 422)
	if e := f.call(t, "GET", cert(b), "admin", "", 409); e["error"] != "Sertifikat belum dapat diterbitkan: kehadiran 33,33% di bawah syarat 75%" {
		t.Fatalf("certificate of a participant below attendance: %v", e)
	}
	w = f.do(request{Method: "GET", Path: cert(a), Role: "admin"})
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" || !strings.HasPrefix(w.Body.String(), "%PDF-") {
		t.Fatalf("certificate: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	prog := f.call(t, "GET", base+"/attendance", "pimpinan", "", 200)
	if n := len(prog["items"].([]any)); n != 2 {
		t.Fatalf("progress rows: %d", n)
	}

	f.call(t, "PATCH", base, "admin", `{"status":"finished"}`, 200)
	apps := f.call(t, "GET", base+"/applications", "admin", "", 200)
	status := map[int64]string{}
	for _, x := range apps["items"].([]any) {
		m := x.(map[string]any)
		status[int64(m["business_id"].(float64))] = m["status"].(string)
	}
	if status[a] != "completed" || status[b] != "dropped_out" || status[noNIB.ID] != "ineligible" {
		t.Fatalf("statuses after finishing: %v", status)
	}
	tasks := f.call(t, "GET", "/api/v1/follow-ups?due_before=2027-12-31", "admin", "", 200)
	if n := num(t, tasks, "total"); n != 6 {
		t.Fatalf("follow-up tasks: %d, want 3 for each of the 2 who attended", n)
	}
	rep := f.call(t, "GET", base+"/report", "pimpinan", "", 200)
	if tot := rep["totals"].(map[string]any); tot["completed"] != 1.0 || tot["applicants"] != 4.0 || rep["cost_per_completer"] != 3e7 {
		t.Fatalf("report: %v", rep)
	}
	if xl := f.do(request{Method: "GET", Path: base + "/report.xlsx", Role: "admin"}); xl.Code != 200 || !strings.HasPrefix(xl.Body.String(), "PK") {
		t.Fatalf("xlsx: %d", xl.Code)
	}
	certs, err := f.st.ListCertificates(context.Background(), id)
	if err != nil || len(certs) != 1 {
		t.Fatalf("certificates: %v %v", certs, err)
	}
	w = f.do(request{Method: "GET", Path: "/verifikasi/" + certs[0].Code})
	if w.Code != 200 || !strings.Contains(w.Body.String(), certs[0].BusinessName) || !strings.Contains(w.Body.String(), "asli") {
		t.Fatalf("verification page: %d %.300s", w.Code, w.Body.String())
	}
	if w = f.do(request{Method: "GET", Path: "/verifikasi/NK-XXXX-XXXX-XXXX"}); w.Code != 404 {
		t.Fatalf("unknown code: %d", w.Code)
	}
	cov := f.call(t, "GET", "/api/v1/coverage", "operator", "", 200)
	items := cov["items"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["code"] != cikande {
		t.Fatalf("operator coverage should hold only Cikande: %v", items)
	}
}

// TestProgramWithdrawalReplacement checks that when a selected business
// withdraws after locking, the best reserve that keeps the rules takes its
// place, and that the public page follows.
func TestProgramWithdrawalReplacement(t *testing.T) {
	f := newFixture(t)
	second := f.createBusiness("Bandeng Presto Cikande", cikandeVillage)
	kibin := f.createBusiness("Gerabah Kibin", "36.04.16.2001")
	p := f.call(t, "POST", "/api/v1/programs", "admin", programJSON, 201)
	base := fmt.Sprintf("/api/v1/programs/%d", int64(p["id"].(float64)))
	f.call(t, "PATCH", base, "admin", `{"status":"open"}`, 200)
	for _, b := range []*registry.Business{f.In, second, f.Out, kibin} {
		f.call(t, "POST", base+"/applications", "admin", fmt.Sprintf(`{"business_id":%d}`, b.ID), 201)
	}
	res := f.call(t, "POST", base+"/selection", "admin", `{"seed":7}`, 200)
	if res["seed"] != 7.0 || len(ids(res["selected"])) != 2 || len(ids(res["reserve"])) != 2 {
		t.Fatalf("selection: %v", res)
	}
	f.call(t, "POST", base+"/selection/lock", "admin", "", 200)
	gone := ids(res["selected"])[0]
	reserve := res["reserve"].([]any)
	goneDistrict := res["selected"].([]any)[0].(map[string]any)["district_code"]
	// Max one per kecamatan: the replacement is the best reserve whose
	// kecamatan is not already taken by the participant who stays.
	stay := res["selected"].([]any)[1].(map[string]any)["district_code"]
	var want int64
	for _, x := range reserve {
		if m := x.(map[string]any); m["district_code"] != stay {
			want = int64(m["business_id"].(float64))
			break
		}
	}
	out := f.call(t, "POST", fmt.Sprintf("%s/applications/%d/withdrawal", base, gone), "admin", "", 200)
	repl, ok := out["replacement"].(map[string]any)
	if !ok || int64(repl["business_id"].(float64)) != want || repl["status"] != "selected" {
		t.Fatalf("replacement %v, want business %d (withdrawn from %v)", out["replacement"], want, goneDistrict)
	}
	after := f.call(t, "GET", base+"/selection", "admin", "", 200)
	if sel := ids(after["selected"]); len(sel) != 2 || sel[0] == gone && sel[1] == gone {
		t.Fatalf("selected after withdrawal: %v", sel)
	}
	if w := ids(after["withdrawn"]); len(w) != 1 || w[0] != gone {
		t.Fatalf("withdrawn list: %v", after["withdrawn"])
	}
	hist := f.call(t, "GET", fmt.Sprintf("%s/applications/%d/history", base, gone), "admin", "", 200)
	steps := hist["items"].([]any)
	if last := steps[len(steps)-1].(map[string]any); last["to"] != "withdrawn" || last["from"] != "selected" {
		t.Fatalf("history: %v", steps)
	}
}

// TestSelectionRerunAfterFix re-runs an unlocked selection after an
// ineligible business obtained its NIB: it is judged again, not stuck.
func TestSelectionRerunAfterFix(t *testing.T) {
	f := newFixture(t)
	b := f.createBusiness("Gula Aren Baru Ber-NIB", cikandeVillage)
	b.NIB = ""
	b, err := f.srv.Registry.Update(context.Background(), auth.System, b)
	if err != nil {
		t.Fatal(err)
	}
	p := f.call(t, "POST", "/api/v1/programs", "admin", programJSON, 201)
	base := fmt.Sprintf("/api/v1/programs/%d", int64(p["id"].(float64)))
	f.call(t, "PATCH", base, "admin", `{"status":"open"}`, 200)
	f.call(t, "POST", base+"/applications", "operator", fmt.Sprintf(`{"business_id":%d}`, b.ID), 201)
	if res := f.call(t, "POST", base+"/selection", "admin", "", 200); len(ids(res["ineligible"])) != 1 {
		t.Fatalf("first run: %v", res)
	}
	b.NIB = "9876543210123"
	if _, err := f.srv.Registry.Update(context.Background(), auth.System, b); err != nil {
		t.Fatal(err)
	}
	res := f.call(t, "POST", base+"/selection", "admin", "", 200)
	if sel := ids(res["selected"]); len(sel) != 1 || sel[0] != b.ID || len(res["ineligible"].([]any)) != 0 {
		t.Fatalf("second run: %v", res)
	}
	ap := f.call(t, "GET", fmt.Sprintf("%s/applications/%d/history", base, b.ID), "operator", "", 200)
	items := ap["items"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["to"] != "ineligible" || items[1].(map[string]any)["to"] != "selected" {
		t.Fatalf("history should hold ineligible (checked at once), then selected: %v", items)
	}
}
