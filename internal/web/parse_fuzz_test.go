package web

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
)

// FuzzParseBusinessForm feeds arbitrary form bodies to the form parser: it
// must never panic, must keep every typed value verbatim for re-display,
// and must accept a money value only when it parses as whole rupiah.
func FuzzParseBusinessForm(f *testing.F) {
	for _, s := range []string{
		"name=Warung&annual_revenue=1.500.000&products.0.name=Kopi&products.0.price=5.000",
		"annual_revenue=sejuta&employees=x&latitude=-6,1&founded_year=2019",
		"products.0.name=&products.0.price=&products.1.name=Teh",
		"%zz=1&capital=Rp+2.000.000,00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/usaha", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		b, form, err := parseBusinessForm(r)
		if err != nil {
			if !apperr.Is(err, apperr.Invalid) {
				t.Fatalf("parse error is not Invalid: %v", err)
			}
			return
		}
		for _, k := range append(textFields, numberFields...) {
			if form.Values[k] != r.PostForm.Get(k) {
				t.Fatalf("%s typed %q but kept %q", k, r.PostForm.Get(k), form.Values[k])
			}
		}
		if raw := strings.TrimSpace(form.Values["annual_revenue"]); raw != "" && form.Errors["annual_revenue"] == "" {
			if n, ok := idfmt.ParseRupiah(raw); !ok || n != b.AnnualRevenue {
				t.Fatalf("annual_revenue %q accepted as %d", raw, b.AnnualRevenue)
			}
		}
		if len(b.Products) != len(form.Products) {
			t.Fatalf("%d products but %d form rows", len(b.Products), len(form.Products))
		}
	})
}

// FuzzParseFilter checks that list parameters never panic and that any
// accepted filter stays within its documented limits.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{"q=emping&page=2&per_page=50", "size_class=mikro&sort=name&desc=1", "per_page=501", "page=-1", "district=36.04.15&village=36.04.05.2001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		r := httptest.NewRequest("GET", "/api/v1/businesses", nil)
		r.URL.RawQuery = query
		flt, err := parseFilter(r)
		if err != nil {
			if !apperr.Is(err, apperr.Invalid) {
				t.Fatalf("not Invalid: %v", err)
			}
			return
		}
		if flt.Page < 1 || flt.PerPage < 1 || flt.PerPage > 500 || len(flt.Q) > 100 {
			t.Fatalf("accepted out-of-range filter %+v", flt)
		}
		if flt.District != "" && flt.Village != "" && !strings.HasPrefix(flt.Village, flt.District+".") {
			t.Fatalf("desa %q outside kecamatan %q kept", flt.Village, flt.District)
		}
	})
}

// FuzzCheckJSONText checks the JSON text rule against the decoder: a valid
// JSON document passes exactly when it is UTF-8 and none of its keys or
// strings holds a NUL, and a refusal is a 422 naming a field.
func FuzzCheckJSONText(f *testing.F) {
	for _, s := range []string{`{"name":"a"}`, `{"name":"a\u0000b"}`, "{\"name\":\"a\xffb\"}", `[{"x":["\u0000"]}]`,
		`{"k\u0000":1}`, `"\\u0000"`, `{"products":[{"name":"ok"},{"name":"\u0000"}]}`, `{"a":{"b":[1,2,"\u0000"]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		err := checkJSONText(raw)
		var doc any
		if json.Unmarshal(raw, &doc) != nil {
			return // not JSON: the decoder reports it
		}
		clean := utf8.Valid(raw) && !holdsNUL(doc)
		if clean != (err == nil) {
			t.Fatalf("clean %v but checkJSONText = %v for %q", clean, err, raw)
		}
		if err != nil && (!apperr.Is(err, apperr.Invalid) || len(apperr.FieldsOf(err)) == 0) {
			t.Fatalf("refusal %v names no field", err)
		}
	})
}

func holdsNUL(x any) bool {
	switch v := x.(type) {
	case string:
		return strings.IndexByte(v, 0) >= 0
	case []any:
		for _, e := range v {
			if holdsNUL(e) {
				return true
			}
		}
	case map[string]any:
		for k, e := range v {
			if holdsNUL(k) || holdsNUL(e) {
				return true
			}
		}
	}
	return false
}

// FuzzCheckInput: a query string and form body pass exactly when they
// parse and every name and value in them is UTF-8 without NUL.
func FuzzCheckInput(f *testing.F) {
	for _, s := range []string{"q=emping", "q=a%00b", "q=a%FFb", "%00=1", "a=1&a=%C3%A9", "x=%zz"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, query, form string) {
		r := httptest.NewRequest("POST", "/usaha", strings.NewReader(form))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.URL.RawQuery = query
		err := checkInput(r, nil)
		q, qerr := url.ParseQuery(query)
		p, perr := url.ParseQuery(form)
		if qerr != nil || perr != nil {
			if err == nil || !apperr.Is(err, apperr.Invalid) {
				t.Fatalf("unreadable form %q / %q: %v", query, form, err)
			}
			return
		}
		clean := true
		for _, v := range []url.Values{q, p} {
			for k, vals := range v {
				clean = clean && cleanText(k)
				for _, s := range vals {
					clean = clean && cleanText(s)
				}
			}
		}
		if clean != (err == nil) {
			t.Fatalf("clean %v but checkInput = %v for %q / %q", clean, err, query, form)
		}
	})
}
