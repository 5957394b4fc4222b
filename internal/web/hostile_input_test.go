package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// Hostile input on every route: text with a NUL byte or bytes that are not
// UTF-8, in the query, the path and the body, and numbers far too large. The
// route list comes from the server itself and each request starts from the
// route's authorisation-matrix row (a valid path and body), so a new route
// is covered without a line here.

// queryParams are the query parameters the handlers read.
var queryParams = []string{"q", "district", "village", "size_class", "sector", "doc", "sort", "desc", "page", "per_page",
	"status", "entity", "entity_id", "parent", "format", "version", "from", "to", "program", "series", "kind", "change",
	"source", "group", "due_before", "verifikasi", "pesan", "galat", "next", "kode", "sesi", "dibuat", "for", "selected"}

// numericParams are those holding numbers.
var numericParams = []string{"page", "per_page", "entity_id", "program", "version", "verifikasi", "sesi"}

const (
	hugeNumber  = "9223372036854775807"
	nulText     = "a\x00b"
	notUTF8Text = "a\xffb"
)

// hostileCase is one altered request and what it must get.
type hostileCase struct {
	name     string
	rq       request
	want422  bool // text that is not clean UTF-8: refused, naming a field
	mutation string
}

// hostileRequests derives the hostile variants of a route's matrix request.
func hostileRequests(f *fixture, pattern string, mc matrixCase, role string) []hostileCase {
	method, _, _ := strings.Cut(pattern, " ")
	path := mc.path(f, f.In.ID, cikandeVillage)
	body := ""
	if mc.body != nil {
		body = mc.body(f, f.In.ID, cikandeVillage)
	}
	base := request{Method: method, Path: path, Role: role, Body: body, Header: mc.header}
	with := func(p, b string) request { r := base; r.Path, r.Body = p, b; return r }
	params := func(vals map[string]string) string {
		u, _ := url.Parse(path)
		q := u.Query()
		for k, v := range vals {
			q.Set(k, v)
		}
		u.RawQuery = q.Encode()
		return u.String()
	}
	all := func(v string, names []string) map[string]string {
		m := map[string]string{}
		for _, n := range names {
			m[n] = v
		}
		return m
	}
	out := []hostileCase{
		{mutation: "query NUL", rq: with(params(all(nulText, queryParams)), body), want422: true},
		{mutation: "query not UTF-8", rq: with(params(all(notUTF8Text, queryParams)), body), want422: true},
		{mutation: "query huge numbers", rq: with(params(all(hugeNumber, numericParams)), body)},
		{mutation: "query beyond int64", rq: with(params(all("99999999999999999999999", numericParams)), body)},
		{mutation: "page past the end", rq: with(params(map[string]string{"page": hugeNumber, "per_page": "500"}), body)},
	}
	if _, rest, _ := strings.Cut(pattern, " "); len(wildcards(rest)) > 0 {
		out = append(out,
			hostileCase{mutation: "path NUL", rq: with(wildcardPath(rest, "a%00b"), body), want422: true},
			hostileCase{mutation: "path not UTF-8", rq: with(wildcardPath(rest, "a%FFb"), body), want422: true},
			hostileCase{mutation: "path huge number", rq: with(wildcardPath(rest, hugeNumber), body)})
	}
	// A multipart body (an upload) carries no text fields to alter.
	if body != "" && !strings.HasPrefix(mc.header["Content-Type"], "multipart/") {
		for _, m := range []struct {
			name    string
			text    string
			number  string
			want422 bool
		}{
			{"body NUL", nulText, "", true},
			{"body not UTF-8", notUTF8Text, "", true},
			{"body huge numbers", "", hugeNumber, false},
			{"body words for numbers", "", "satu", false},
		} {
			b, changed := alterBody(body, strings.HasPrefix(path, "/api/"), m.text, m.number)
			if changed {
				out = append(out, hostileCase{mutation: m.name, rq: with(path, b), want422: m.want422})
			}
		}
	}
	for i := range out {
		out[i].name = pattern + " as " + role + ": " + out[i].mutation
	}
	return out
}

// wildcardPath fills every wildcard of a route pattern's path with v.
func wildcardPath(pattern, v string) string {
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && s != "{$}" {
			segs[i] = v
		}
	}
	return strings.Join(segs, "/")
}

// alterBody replaces every text value of a JSON or form body with text
// (when not ""), and every number with number (when not ""). It reports
// whether anything changed.
func alterBody(body string, isJSON bool, text, number string) (string, bool) {
	changed := false
	if !isJSON {
		v, err := url.ParseQuery(body)
		if err != nil {
			return body, false
		}
		for k, vals := range v {
			for i, s := range vals {
				_, numErr := json.Number(strings.ReplaceAll(s, ".", "")).Int64()
				switch {
				case number != "" && numErr == nil:
					vals[i], changed = number, true
				case text != "" && numErr != nil:
					vals[i], changed = text, true
				}
			}
			v[k] = vals
		}
		return v.Encode(), changed
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	var doc any
	if dec.Decode(&doc) != nil {
		return body, false
	}
	const marker = "\u2063TEXT\u2063" // replaced after encoding, so that bad bytes stay raw
	var walk func(any) any
	walk = func(x any) any {
		switch v := x.(type) {
		case map[string]any:
			for k, e := range v {
				v[k] = walk(e)
			}
		case []any:
			for i, e := range v {
				v[i] = walk(e)
			}
		case string:
			if text != "" {
				changed = true
				return marker
			}
		case json.Number:
			if number != "" {
				changed = true
				return json.Number(number)
			}
		}
		return x
	}
	doc = walk(doc)
	if number == "satu" {
		return body, false // not JSON: numbers as words are a type error, tested by decodeJSON's own tests
	}
	raw, _ := json.Marshal(doc)
	escaped := text
	if text == nulText {
		escaped = `a\u0000b`
	}
	return string(bytes.ReplaceAll(raw, []byte(marker), []byte(escaped))), changed
}

// TestHostileInputOnEveryRoute sends every route, as admin and as the
// operator, its hostile variants: never a 500, and text that is not clean
// UTF-8 is a 422 whose answer names the field. On SQLite each
// state-changing route gets a fresh database; PostgreSQL shares one per
// run (a schema costs seconds), state-changing routes last.
func TestHostileInputOnEveryRoute(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		shared := newFixture(t)
		hostileSweep(t, shared, func(method string) *fixture {
			if method == http.MethodGet {
				return shared
			}
			return newFixture(t)
		})
	})
	t.Run("postgres", func(t *testing.T) {
		shared := newPostgresFixture(t)
		hostileSweep(t, shared, func(string) *fixture { return shared })
	})
}

func hostileSweep(t *testing.T, shared *fixture, fixtureFor func(method string) *fixture) {
	patterns := shared.srv.Routes()
	// Reads first, then writes, then what removes a record the others
	// use, and logging out (which ends the shared session) last.
	sort.SliceStable(patterns, func(i, j int) bool {
		rank := func(p string) int {
			switch {
			case strings.HasPrefix(p, "GET "):
				return 0
			case p == "POST /keluar":
				return 3
			case strings.HasPrefix(p, "DELETE ") || strings.HasSuffix(p, "/arsip") || strings.HasSuffix(p, "/hapus") ||
				strings.HasSuffix(p, "/nonaktif") || strings.HasSuffix(p, "/mundur") || strings.HasSuffix(p, "/withdrawal"):
				return 2
			}
			return 1
		}
		return rank(patterns[i]) < rank(patterns[j])
	})
	for _, st := range []string{"draft", "empty", "open", "ran", "locked", "selected", "running", "finished"} {
		shared.stage(st) // built before any route changes the businesses they enrol
	}
	n := 0
	for _, pattern := range patterns {
		mc, ok := matrix[pattern]
		if !ok {
			t.Errorf("route %q has no matrix row to start from", pattern)
			continue
		}
		method, _, _ := strings.Cut(pattern, " ")
		f := fixtureFor(method)
		for _, role := range []string{"admin", "operator"} {
			// A role the route refuses outright may be refused before its
			// JSON body is read.
			refused := expected(mc.want, role, 0, true)
			if refused != s401 && refused != s403 {
				refused = 0
			}
			for _, hc := range hostileRequests(f, pattern, mc, role) {
				n++
				w := f.do(hc.rq)
				switch {
				case w.Code >= 500:
					t.Errorf("%s: status %d; %s %q %.100q", hc.name, w.Code, hc.rq.Method, hc.rq.Path, hc.rq.Body)
				case hc.want422 && w.Code == refused && strings.HasPrefix(hc.mutation, "body"):
				case hc.want422 && w.Code != s422:
					t.Errorf("%s: status %d, want 422; %s %q %.100q", hc.name, w.Code, hc.rq.Method, hc.rq.Path, hc.rq.Body)
				case hc.want422 && !strings.Contains(w.Body.String(), "Teks tidak valid pada isian"):
					t.Errorf("%s: the answer names no field: %.300s", hc.name, w.Body)
				}
			}
		}
	}
	if logs := shared.logs.String(); strings.Contains(logs, "level=ERROR") {
		t.Errorf("errors logged: %.2000s", logs)
	}
	t.Logf("%d hostile requests over %d routes", n, len(patterns))
}
