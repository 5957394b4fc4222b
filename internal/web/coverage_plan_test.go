package web

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
)

func planMatrix() map[string]matrixCase {
	leaders := func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{s403, s403}, pimpinan: [2]int{ok, ok}, owner: [2]int{s403, s403}, mitra: refused}
	}
	scenario := func(prefix, suffix string) func(*fixture, int64, string) string {
		return func(f *fixture, _ int64, _ string) string {
			sc, err := f.srv.Planner.Save(context.Background(), auth.System, &planner.Scenario{Name: "Dasar"})
			if err != nil {
				f.t.Fatal(err)
			}
			return prefix + itoa64(sc.ID) + suffix
		}
	}
	return map[string]matrixCase{
		"GET /api/v1/coverage/plan":      {path: fixed("/api/v1/coverage/plan?cost_per_participant=2.500.000&cohort_size=30&group=mikro"), want: officeStaff(s200)},
		"GET /api/v1/coverage/scenarios": {path: fixed("/api/v1/coverage/scenarios"), want: officeStaff(s200)},
		"POST /api/v1/coverage/scenarios": {path: fixed("/api/v1/coverage/scenarios"),
			body: body(`{"name":"Mitra baru Rp500 juta","extra_per_year":500000000,"group":"mikro"}`), want: leaders(s201)},
		"DELETE /api/v1/coverage/scenarios/{id}": {path: scenario("/api/v1/coverage/scenarios/", ""), want: leaders(s204)},
		"GET /cakupan/rencana":                   {path: fixed("/cakupan/rencana?cohort_size=25"), want: officeStaff(s200)},
		"POST /cakupan/rencana": {path: fixed("/cakupan/rencana"), body: body("name=Angkatan+besar&cohort_size=50&group="),
			want: leaders(s303)},
		"POST /cakupan/rencana/{id}/hapus": {path: scenario("/cakupan/rencana/", "/hapus"), want: leaders(s303)},
	}
}

// TestCoveragePlanAPI: two untrained businesses (one per kecamatan); with no
// funding nobody is reached; with Rp150 juta committed this year, Rp2,5 juta
// a participant and cohorts of 30, two cohorts (60 places) reach both in a
// year; the kecil group is empty, so it is done already.
func TestCoveragePlanAPI(t *testing.T) {
	f := newFixture(t)
	get := func(query string) (int, planner.Plan) {
		t.Helper()
		w := f.do(request{Method: "GET", Path: "/api/v1/coverage/plan?" + query, Role: "pimpinan"})
		var p planner.Plan
		if w.Code == s200 {
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
		}
		return w.Code, p
	}
	const q = "cost_per_participant=2.500.000&cohort_size=30"
	code, p := get(q)
	if code != s200 || p.Years != nil || p.PlacesPerYear != 0 || p.Remaining != 2 || len(p.Districts) != 29 {
		t.Fatalf("without funding: %d %+v", code, p)
	}
	ctx := context.Background()
	pt, err := f.srv.Programs.SavePartner(ctx, auth.System, &programs.Partner{Name: "APBD Kabupaten Serang", Kind: "apbd"})
	if err != nil {
		t.Fatal(err)
	}
	year := time.Now().Year()
	if _, err := f.srv.Funding.Commit(ctx, auth.System, pt.ID, &funding.Commitment{Kind: funding.KindMoney, Amount: 150_000_000, Year: year}); err != nil {
		t.Fatal(err)
	}
	code, p = get(q)
	if code != s200 || p.Budget != 150_000_000 || p.Cohorts != 2 || p.PlacesPerYear != 60 || p.Years == nil || *p.Years != 1 ||
		p.FinishYear == nil || *p.FinishYear != year || p.CostSource != "given" {
		t.Fatalf("with funding: %d %+v", code, p)
	}
	if code, p = get(q + "&group=kecil"); code != s200 || p.Remaining != 0 || p.Years == nil || *p.Years != 0 {
		t.Errorf("empty group: %d %+v", code, p)
	}
	if code, _ = get("group=semua"); code != s422 {
		t.Errorf("unknown group: %d", code)
	}
	// Extra funding is added to the committed one.
	if _, p = get(q + "&extra_per_year=75.000.000"); p.Budget != 225_000_000 || p.PlacesPerYear != 90 {
		t.Errorf("extra: %+v", p)
	}

	w := f.do(request{Method: "POST", Path: "/cakupan/rencana", Role: "pimpinan",
		Body: "name=Tambah+mitra&cost_per_participant=2.500.000&cohort_size=30&extra_per_year=75.000.000&group="})
	if w.Code != s303 || !strings.Contains(w.Header().Get("Location"), "pesan=") {
		t.Fatalf("save: %d %s", w.Code, w.Header().Get("Location"))
	}
	w = f.do(request{Method: "GET", Path: "/cakupan/rencana?" + q, Role: "operator"})
	body := w.Body.String()
	if w.Code != s200 || !strings.Contains(body, "Tambah mitra") || !strings.Contains(body, ">"+strconv.Itoa(90)+"<") ||
		!strings.Contains(body, "Semua terjangkau dalam 1 tahun") {
		t.Errorf("page: %d %.400s", w.Code, body)
	}
}
