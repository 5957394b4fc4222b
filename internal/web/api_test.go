package web

import (
	"encoding/json"
	"strings"
	"testing"
)

// scenario is one row of an endpoint's scenario table.
type scenario struct {
	name     string
	rq       request
	status   int
	contains []string
	absent   []string
	check    func(t *testing.T, body map[string]any)
	location string // the redirect's Location, when not empty
}

func runScenarios(t *testing.T, f *fixture, rows []scenario) {
	t.Helper()
	for _, sc := range rows {
		t.Run(sc.name, func(t *testing.T) {
			w := f.do(sc.rq)
			body := w.Body.String()
			if w.Code != sc.status {
				t.Fatalf("%s %s as %s: status %d, want %d; body %.300s", sc.rq.Method, sc.rq.Path, sc.rq.Role, w.Code, sc.status, body)
			}
			if sc.location != "" && w.Header().Get("Location") != sc.location {
				t.Errorf("Location %q, want %q", w.Header().Get("Location"), sc.location)
			}
			for _, s := range sc.contains {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q; body %.400s", s, body)
				}
			}
			for _, s := range sc.absent {
				if strings.Contains(body, s) {
					t.Errorf("body should not contain %q", s)
				}
			}
			if sc.check != nil {
				var m map[string]any
				if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
					t.Fatalf("not a JSON object: %v; %.200s", err, body)
				}
				sc.check(t, m)
			}
		})
	}
}

func num(t *testing.T, m map[string]any, k string) int {
	t.Helper()
	v, ok := m[k].(float64)
	if !ok {
		t.Fatalf("field %q missing or not a number in %v", k, m)
	}
	return int(v)
}

func items(t *testing.T, m map[string]any) []any {
	t.Helper()
	v, ok := m["items"].([]any)
	if !ok {
		t.Fatalf("no items array in %v", m)
	}
	return v
}

func field(t *testing.T, m map[string]any, k string) string {
	t.Helper()
	fs, _ := m["fields"].(map[string]any)
	s, _ := fs[k].(string)
	return s
}

func wantTotal(n int) func(*testing.T, map[string]any) {
	return func(t *testing.T, m map[string]any) {
		if got := num(t, m, "total"); got != n {
			t.Errorf("total = %d, want %d", got, n)
		}
	}
}

func TestAPIBusinessList(t *testing.T) {
	f := newFixture(t)
	get := func(role, q string) request {
		return request{Method: "GET", Path: "/api/v1/businesses" + q, Role: role}
	}
	runScenarios(t, f, []scenario{
		{name: "admin sees all", rq: get("admin", ""), status: 200, check: wantTotal(2)},
		{name: "operator sees its kecamatan only", rq: get("operator", ""), status: 200, contains: []string{"Keripik Emping"}, absent: []string{"Sate Bandeng"}, check: wantTotal(1)},
		{name: "owner sees its business only", rq: get("owner", ""), status: 200, contains: []string{"Keripik Emping"}, check: wantTotal(1)},
		{name: "pimpinan sees all, masked", rq: get("pimpinan", ""), status: 200, absent: []string{"3604154506900003"}, check: wantTotal(2)},
		{name: "district filter", rq: get("admin", "?district=36.04.05"), status: 200, contains: []string{"Sate Bandeng"}, check: wantTotal(1)},
		{name: "village filter", rq: get("admin", "?village="+cikandeVillage), status: 200, check: wantTotal(1)},
		{name: "search part of a word", rq: get("admin", "?q=mping"), status: 200, contains: []string{"Keripik Emping"}, check: wantTotal(1)},
		{name: "size class filter", rq: get("admin", "?size_class=kecil"), status: 200, check: wantTotal(0)},
		{name: "paging", rq: get("admin", "?per_page=1&page=2&sort=name"), status: 200, check: func(t *testing.T, m map[string]any) {
			if len(items(t, m)) != 1 || num(t, m, "page") != 2 || num(t, m, "per_page") != 1 || num(t, m, "total") != 2 {
				t.Errorf("paging wrong: %v", m)
			}
		}},
		{name: "unknown size class", rq: get("admin", "?size_class=raksasa"), status: 422, check: func(t *testing.T, m map[string]any) {
			if field(t, m, "size_class") == "" {
				t.Errorf("no size_class field error: %v", m)
			}
		}},
		{name: "per_page over 500", rq: get("admin", "?per_page=501"), status: 422, contains: []string{"500"}},
		{name: "page not a number", rq: get("admin", "?page=abc"), status: 422, contains: []string{`"page"`}},
		{name: "anonymous", rq: get("anon", ""), status: 401, contains: []string{`"error"`}},
		{name: "bad bearer", rq: request{Method: "GET", Path: "/api/v1/businesses", Header: map[string]string{"Authorization": "Bearer salah"}}, status: 401},
		{name: "not bearer", rq: request{Method: "GET", Path: "/api/v1/businesses", Header: map[string]string{"Authorization": "Basic YWRtaW46eA=="}}, status: 401, contains: []string{"Bearer"}},
	})
}

func TestAPIBusinessWrite(t *testing.T) {
	f := newFixture(t)
	post := func(body string) request {
		return request{Method: "POST", Path: "/api/v1/businesses", Role: "operator", Body: body}
	}
	big := `{"name":"` + strings.Repeat("a", DefaultMaxBodyBytes+10) + `"}`
	in := "/api/v1/businesses/" + itoa64(f.In.ID)
	runScenarios(t, f, []scenario{
		{name: "create", rq: post(businessJSON("Kerupuk Kulit Pak Ahmad", cikandeVillage, 0)), status: 201, check: func(t *testing.T, m map[string]any) {
			if m["size_class"] != "mikro" || m["size_basis"] != "revenue" || m["phone"] != "+6281298765432" || num(t, m, "version") != 1 {
				t.Errorf("created record wrong: %v", m)
			}
		}},
		{name: "size class is never copied from input", rq: post(strings.Replace(businessJSON("Usaha Besar Palsu", cikandeVillage, 0), `"sector"`, `"size_class":"besar","sector"`, 1)), status: 201, contains: []string{`"size_class":"mikro"`}},
		{name: "invalid JSON", rq: post(`{"name":`), status: 422, contains: []string{"JSON tidak valid"}},
		{name: "empty body", rq: post(""), status: 422, contains: []string{"kosong"}},
		{name: "wrong type", rq: post(`{"name":"x","annual_revenue":"banyak"}`), status: 422, check: func(t *testing.T, m map[string]any) {
			if field(t, m, "annual_revenue") == "" {
				t.Errorf("no annual_revenue field error: %v", m)
			}
		}},
		{name: "NIK in scientific notation", rq: post(strings.Replace(businessJSON("Usaha NIK", cikandeVillage, 0), `"phone"`, `"nik":"3.60405E+15","phone"`, 1)), status: 422, check: func(t *testing.T, m map[string]any) {
			if !strings.Contains(field(t, m, "nik"), "notasi ilmiah") {
				t.Errorf("nik message = %q", field(t, m, "nik"))
			}
		}},
		{name: "required fields", rq: post(`{}`), status: 422, check: func(t *testing.T, m map[string]any) {
			for _, k := range []string{"name", "owner_name", "village_code"} {
				if field(t, m, k) == "" {
					t.Errorf("no %s error: %v", k, m)
				}
			}
		}},
		{name: "village outside jurisdiction", rq: request{Method: "POST", Path: "/api/v1/businesses", Role: "admin", Body: businessJSON("Usaha Jakarta", "31.71.01.1001", 0)}, status: 422, contains: []string{"village_code"}},
		{name: "body too large", rq: post(big), status: 413, contains: []string{"terlalu besar"}},
		{name: "stale version", rq: request{Method: "PUT", Path: in, Role: "operator", Body: businessJSON("Keripik Baru", cikandeVillage, 7)}, status: 409, contains: []string{"versi sekarang 1"}},
		{name: "update", rq: request{Method: "PUT", Path: in, Role: "operator", Body: businessJSON("Keripik Baru", cikandeVillage, 1)}, status: 200, contains: []string{`"name":"Keripik Baru"`, `"version":3`}}, // money changed: a measurement was added too
		{name: "same version again is stale", rq: request{Method: "PUT", Path: in, Role: "operator", Body: businessJSON("Keripik Lama", cikandeVillage, 1)}, status: 409},
		{name: "operator cannot move it out of its area", rq: request{Method: "PUT", Path: in, Role: "operator", Body: businessJSON("Keripik Baru", kramatVillage, 3)}, status: 422, contains: []string{"wilayah tugas"}},
		{name: "unknown id", rq: request{Method: "GET", Path: "/api/v1/businesses/99999", Role: "admin"}, status: 404, contains: []string{`"error"`}},
		{name: "id not a number", rq: request{Method: "GET", Path: "/api/v1/businesses/abc", Role: "admin"}, status: 404},
		{name: "archive", rq: request{Method: "DELETE", Path: in, Role: "operator"}, status: 204},
		{name: "archived is gone for the operator", rq: request{Method: "GET", Path: in, Role: "operator"}, status: 404},
		{name: "archived stays readable by admin", rq: request{Method: "GET", Path: in, Role: "admin"}, status: 200, contains: []string{`"status":"archived"`}},
		{name: "archived leaves the list", rq: request{Method: "GET", Path: "/api/v1/businesses", Role: "operator"}, status: 200, absent: []string{"Keripik Baru"}},
		{name: "archived leaves statistics", rq: request{Method: "GET", Path: "/api/v1/stats/districts", Role: "operator"}, status: 200, absent: []string{`"code":"36.04.15","name":"Cikande","businesses":1`}},
	})
}

func TestAPIMeasurements(t *testing.T) {
	f := newFixture(t)
	p := "/api/v1/businesses/" + itoa64(f.In.ID) + "/measurements"
	runScenarios(t, f, []scenario{
		{name: "first measurement from create", rq: request{Method: "GET", Path: p, Role: "operator"}, status: 200, check: func(t *testing.T, m map[string]any) {
			if len(items(t, m)) != 1 {
				t.Errorf("want 1 measurement, got %v", m)
			}
		}},
		{name: "add verified", rq: request{Method: "POST", Path: p, Role: "operator", Body: `{"year":2024,"annual_revenue":2000000001,"capital":0,"employees":9,"source":"officer_verified"}`}, status: 201, contains: []string{`"size_class":"kecil"`, `"recorded_by":"operator.cikande"`}},
		{name: "owner may only self-report", rq: request{Method: "POST", Path: p, Role: "owner", Body: `{"year":2024,"annual_revenue":100,"source":"officer_verified"}`}, status: 422, contains: []string{"self_report"}},
		{name: "owner self-report", rq: request{Method: "POST", Path: p, Role: "owner", Body: `{"year":2024,"annual_revenue":100,"source":"self_report"}`}, status: 201},
		{name: "bad year", rq: request{Method: "POST", Path: p, Role: "admin", Body: `{"year":1800,"annual_revenue":100,"source":"self_report"}`}, status: 422, contains: []string{`"year"`}},
		{name: "capital left out is null, not 0", rq: request{Method: "POST", Path: p, Role: "operator", Body: `{"year":2025,"annual_revenue":90000000,"source":"officer_verified"}`}, status: 201, contains: []string{`"capital":null`, `"annual_revenue":90000000`}},
		{name: "monthly revenue × 12, noted", rq: request{Method: "POST", Path: p, Role: "operator", Body: `{"year":2025,"monthly_revenue":12500000,"capital":null,"source":"officer_verified"}`}, status: 201, contains: []string{`"annual_revenue":150000000`, `"capital":null`, `"note":"Omzet per bulan Rp12.500.000 × 12"`}},
		{name: "annual and monthly together", rq: request{Method: "POST", Path: p, Role: "operator", Body: `{"year":2025,"annual_revenue":1,"monthly_revenue":1,"source":"officer_verified"}`}, status: 422, contains: []string{`"monthly_revenue"`}},
		{name: "ledger grows, never overwrites", rq: request{Method: "GET", Path: p, Role: "admin"}, status: 200, check: func(t *testing.T, m map[string]any) {
			if len(items(t, m)) != 5 {
				t.Errorf("want 5 measurements, got %d", len(items(t, m)))
			}
		}},
	})
}

func TestAPIRegionsStatsAuditHealth(t *testing.T) {
	f := newFixture(t)
	get := func(role, p string) request { return request{Method: "GET", Path: p, Role: role} }
	count := func(n int) func(*testing.T, map[string]any) {
		return func(t *testing.T, m map[string]any) {
			if got := len(items(t, m)); got != n {
				t.Errorf("%d items, want %d", got, n)
			}
		}
	}
	runScenarios(t, f, []scenario{
		{name: "top level is the 29 kecamatan", rq: get("operator", "/api/v1/regions"), status: 200, contains: []string{`{"code":"36.04.05","name":"Kramatwatu","level":"district","parent":"36.04"}`}, check: count(29)},
		{name: "desa of Cikande", rq: get("operator", "/api/v1/regions?parent=36.04.15"), status: 200, contains: []string{`"level":"village"`, "Leuwi Limus"}, check: count(13)},
		{name: "province narrows to the jurisdiction", rq: get("admin", "/api/v1/regions?parent=36"), status: 200, contains: []string{`"code":"36.04"`}, check: count(1)},
		{name: "outside the jurisdiction", rq: get("admin", "/api/v1/regions?parent=31"), status: 404},
		{name: "unknown region", rq: get("admin", "/api/v1/regions?parent=99.99"), status: 404},
		{name: "stats admin", rq: get("admin", "/api/v1/stats/districts"), status: 200, contains: []string{`"code":"36.04.15"`, `"code":"36.04.05"`}, check: wantTotal(2)},
		{name: "stats operator", rq: get("operator", "/api/v1/stats/districts"), status: 200, absent: []string{`"code":"36.04.05"`}, check: wantTotal(1)},
		{name: "audit admin", rq: get("admin", "/api/v1/audit?per_page=1"), status: 200, contains: []string{`"entity":"business"`, `"action":"create"`}, check: func(t *testing.T, m map[string]any) {
			if len(items(t, m)) != 1 || num(t, m, "total") < 2 {
				t.Errorf("audit paging wrong: %v", m)
			}
		}},
		{name: "audit for one record", rq: get("admin", "/api/v1/audit?entity=business&entity_id="+itoa64(f.Out.ID)), status: 200, check: wantTotal(1)},
		{name: "audit forbidden to operator", rq: get("operator", "/api/v1/audit"), status: 403, contains: []string{`"error"`}},
		{name: "health", rq: get("anon", "/healthz"), status: 200, contains: []string{`"status":"ok"`}},
		{name: "unknown API path", rq: get("admin", "/api/v1/tidak-ada"), status: 404, contains: []string{`"error"`}},
	})
}
