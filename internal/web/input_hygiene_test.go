package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// The input a hostile tester sent that got a 500, rows of page 1 for a
// page far past the end, or was accepted although absurd, each on both
// engines: now a 422 naming the field (in Indonesian), an empty page, or a
// bound.
func TestInputHygieneFindings(t *testing.T) {
	engineFixtures(t, func(t *testing.T, f *fixture) {
		in := itoa64(f.In.ID)
		rows := []struct {
			name   string
			rq     request
			status int
			fields []string // named in the answer
		}{
			{"q with NUL, page", request{Method: "GET", Path: "/usaha?q=a%00b", Role: "admin"}, s422, []string{"q"}},
			{"q with NUL, API", request{Method: "GET", Path: "/api/v1/businesses?q=a%00b", Role: "admin"}, s422, []string{"q"}},
			{"district with NUL", request{Method: "GET", Path: "/api/v1/businesses?district=a%00b", Role: "admin"}, s422, []string{"district"}},
			{"village with NUL", request{Method: "GET", Path: "/api/v1/businesses?village=a%00b", Role: "admin"}, s422, []string{"village"}},
			{"q not UTF-8", request{Method: "GET", Path: "/api/v1/businesses?q=a%FFb", Role: "pimpinan"}, s422, []string{"q"}},
			{"status with NUL", request{Method: "GET", Path: "/api/v1/programs?status=a%00b", Role: "admin"}, s422, []string{"status"}},
			{"entity with NUL", request{Method: "GET", Path: "/api/v1/audit?entity=a%00b", Role: "admin"}, s422, []string{"entity"}},
			{"path value with NUL", request{Method: "GET", Path: "/verifikasi/a%00b", Role: "anon"}, s422, []string{"code"}},
			{"JSON \\u0000", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.Replace(businessJSON("a", cikandeVillage, 0), `"name":"a"`, `"name":"a\u0000b"`, 1)}, s422, []string{"name"}},
			{"JSON not UTF-8", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.Replace(businessJSON("a", cikandeVillage, 0), `"name":"a"`, "\"name\":\"a\xffb\"", 1)}, s422, []string{"name"}},
			{"JSON product with NUL", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.Replace(businessJSON("a", cikandeVillage, 0), `"Kerupuk kulit"`, `"Kerupuk\u0000"`, 1)}, s422, []string{"products.0.name"}},
			{"form not UTF-8", request{Method: "POST", Path: "/usaha", Role: "admin",
				Body: strings.Replace(businessFormBody("Baru", cikandeVillage, 0), "name=Baru", "name=a%FFb", 1)}, s422, []string{"name"}},
			{"form with NUL", request{Method: "POST", Path: "/usaha/" + in, Role: "admin",
				Body: strings.Replace(businessFormBody("Baru", cikandeVillage, 1), "name=Baru", "name=a%00b", 1)}, s422, []string{"name"}},
			{"revenue at int64's end", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.Replace(businessJSON("Besar", cikandeVillage, 0), `"annual_revenue":250000000`, `"annual_revenue":9223372036854775807`, 1)},
				s422, []string{"annual_revenue"}},
			{"capital and employees at int64's end", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.NewReplacer(`"capital":50000000`, `"capital":9223372036854775807`, `"employees":4`, `"employees":9223372036854775807`).
					Replace(businessJSON("Besar", cikandeVillage, 0))}, s422, []string{"capital", "employees"}},
			{"price above the bound", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.Replace(businessJSON("Besar", cikandeVillage, 0), `"price":15000`, `"price":1000000000000001`, 1)},
				s422, []string{"products.0.price"}},
			{"employees above a million, form", request{Method: "POST", Path: "/usaha", Role: "admin",
				Body: strings.Replace(businessFormBody("Baru", cikandeVillage, 0), "employees=4", "employees=1000001", 1)}, s422, []string{"employees"}},
			{"revenue at the bound", request{Method: "POST", Path: "/api/v1/businesses", Role: "admin",
				Body: strings.Replace(businessJSON("Besar", cikandeVillage, 0), `"annual_revenue":250000000`, `"annual_revenue":1000000000000000`, 1)},
				s201, nil},
			{"measurement at int64's end", request{Method: "POST", Path: "/api/v1/businesses/" + in + "/measurements", Role: "admin",
				Body: `{"year":2024,"annual_revenue":9223372036854775807,"capital":0,"employees":9223372036854775807,"source":"officer_verified"}`},
				s422, []string{"annual_revenue", "employees"}},
			{"measurement source free text", request{Method: "POST", Path: "/api/v1/businesses/" + in + "/measurements", Role: "admin",
				Body: `{"year":2024,"annual_revenue":5000000,"source":"bebas"}`}, s422, []string{"source"}},
			{"programme status unknown", request{Method: "GET", Path: "/api/v1/programs?status=zzz", Role: "admin"}, s422, []string{"status"}},
			{"follow-up status unknown", request{Method: "GET", Path: "/api/v1/follow-ups?status=zzz", Role: "admin"}, s422, []string{"status"}},
			{"application status unknown", request{Method: "GET", Path: "/api/v1/programs/" + itoa64(f.stage("open")) + "/applications?status=zzz",
				Role: "admin"}, s422, []string{"status"}},
			{"programme money at int64's end", request{Method: "POST", Path: "/api/v1/programs", Role: "admin",
				Body: `{"name":"P","kind":"pelatihan","topics":["pemasaran"],"starts_on":"2026-12-01","ends_on":"2026-12-02","capacity":10,` +
					`"budget":9223372036854775807,"funding":[{"kind":"csr","amount":9223372036854775807}],` +
					`"eligibility":{"max_annual_revenue":9223372036854775807,"exclude_trained_within_months":9223372036854775807}}`},
				s422, []string{"budget", "funding", "eligibility.max_annual_revenue", "eligibility.exclude_trained_within_months"}},
		}
		for _, row := range rows {
			w := f.do(row.rq)
			if w.Code != row.status {
				t.Errorf("%s: status %d, want %d; %.300s", row.name, w.Code, row.status, w.Body)
				continue
			}
			if len(row.fields) == 0 {
				continue
			}
			body := w.Body.String()
			var answer errorBody
			if json.Unmarshal(w.Body.Bytes(), &answer) == nil && answer.Error != "" {
				for _, fl := range row.fields {
					if answer.Fields[fl] == "" {
						t.Errorf("%s: field %q not named: %s", row.name, fl, body)
					}
				}
			} else {
				for _, fl := range row.fields {
					if !strings.Contains(body, fl) {
						t.Errorf("%s: page does not name %q: %.500s", row.name, fl, body)
					}
				}
			}
		}
		// A page far past the end is empty, on every paged list.
		for _, path := range []string{"/api/v1/businesses", "/api/v1/businesses?q=emping", "/api/v1/audit", "/api/v1/programs",
			"/api/v1/follow-ups?status=all&due_before="} {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			w := f.do(request{Method: "GET", Path: path + sep + "page=9223372036854775807&per_page=500", Role: "admin"})
			var page struct {
				Items []json.RawMessage `json:"items"`
				Total int               `json:"total"`
			}
			if w.Code != s200 || json.Unmarshal(w.Body.Bytes(), &page) != nil || len(page.Items) != 0 {
				t.Errorf("%s far past the end: status %d, %d items; want 200 and none: %.200s", path, w.Code, len(page.Items), w.Body)
			}
			if strings.HasPrefix(path, "/api/v1/businesses") && page.Total == 0 {
				t.Errorf("%s far past the end: total %d, want the true total", path, page.Total)
			}
		}
		if w := f.do(request{Method: "GET", Path: "/usaha?page=9223372036854775807&per_page=500", Role: "admin"}); w.Code != s200 ||
			strings.Contains(w.Body.String(), `href="/usaha/`+in+`"`) {
			t.Errorf("list page far past the end: status %d or shows page 1's rows", w.Code)
		}
	})
}

// A web form with a word for a number shows the field's message on the
// form, beside its field, not the banner of a server error: the business
// forms, the measurement form, the programme form (its funding rows too)
// and the follow-up report, which answers on the list it was sent from.
func TestFormWordForNumber(t *testing.T) {
	f := newFixture(t)
	business := func(path string) func() (string, string) {
		return func() (string, string) {
			v, _ := url.ParseQuery(businessFormBody("Nama", cikandeVillage, 1))
			v.Set("annual_revenue", "satu")
			return path, v.Encode()
		}
	}
	program := func(field string) func() (string, string) {
		return func() (string, string) {
			v, _ := url.ParseQuery(programFormBody(f, 0, ""))
			v.Set(field, "satu")
			return "/program", v.Encode()
		}
	}
	tests := []struct {
		name  string
		req   func() (path, body string)
		field string // the input whose field shows the message; "" = the list's alert
		want  string
	}{
		{"new business", business("/usaha"), "annual_revenue", "Harus angka rupiah tanpa sen"},
		{"business edit", business("/usaha/" + itoa64(f.In.ID)), "annual_revenue", "Harus angka rupiah tanpa sen"},
		{"measurement", func() (string, string) {
			return "/usaha/" + itoa64(f.In.ID) + "/ukuran", "year=2024&annual_revenue=satu&capital=&employees=5&source=self_report"
		}, "annual_revenue", "Harus angka rupiah tanpa sen"},
		{"programme budget", program("budget"), "budget", "Tulis jumlah rupiah"},
		{"programme revenue cap", program("max_annual_revenue"), "max_annual_revenue", "Tulis jumlah rupiah"},
		{"programme capacity", program("capacity"), "capacity", "Harus bilangan bulat"},
		{"programme funding row", program("funding.0.amount"), "", "Sumber 1: Tulis jumlah rupiah"},
		{"follow-up report", func() (string, string) {
			return followUpOf("/pendampingan/")(f, f.In.ID, ""), "method=kunjungan&notes=x&annual_revenue=satu"
		}, "", "Omzet harus jumlah rupiah"},
	}
	for _, tt := range tests {
		path, body := tt.req()
		w := f.do(request{Method: "POST", Path: path, Role: "admin", Body: body})
		if w.Code == http.StatusSeeOther { // the follow-up list shows its alert after the redirect
			w = f.do(request{Method: "GET", Path: w.Header().Get("Location"), Role: "admin"})
		} else if w.Code != s422 {
			t.Errorf("%s: status %d, want 422", tt.name, w.Code)
		}
		page := w.Body.String()
		if strings.Contains(page, "Terjadi kesalahan di server") {
			t.Errorf("%s: the form shows the server-error banner", tt.name)
		}
		// the message sits in the field's own block (after its input,
		// before the next field) or, for a list, in its alert
		near := regexp.MustCompile(`role="alert"[^>]*>[^<]*` + regexp.QuoteMeta(tt.want))
		if tt.field != "" {
			near = regexp.MustCompile(`(?s)name="` + regexp.QuoteMeta(tt.field) + `"[^>]*>(\s|<p[^>]*>)*` + regexp.QuoteMeta(tt.want))
		}
		if tt.field == "" && strings.HasPrefix(path, "/program") {
			near = regexp.MustCompile(`class="ferr">` + regexp.QuoteMeta(tt.want))
		}
		if !near.MatchString(page) {
			t.Errorf("%s: %q not shown beside its field %q", tt.name, tt.want, tt.field)
		}
	}
}
