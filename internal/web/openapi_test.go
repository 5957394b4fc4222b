package web

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestOpenAPIComplete checks that every API route is documented and every
// documented route is registered, and that every $ref resolves.
func TestOpenAPIComplete(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "GET", Path: "/api/v1/openapi.json"})
	if w.Code != 200 {
		t.Fatalf("openapi.json: status %d", w.Code)
	}
	var docm struct {
		OpenAPI    string                                `json:"openapi"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &docm); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(docm.OpenAPI, "3.") {
		t.Errorf("openapi version %q, want 3.x", docm.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range docm.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	registered := map[string]bool{}
	for _, p := range f.srv.Routes() {
		_, path, _ := strings.Cut(p, " ")
		if strings.HasPrefix(path, "/api/") || path == "/healthz" {
			registered[p] = true
			if !documented[p] {
				t.Errorf("route %q is registered but not in openapi.json", p)
			}
		}
	}
	for p := range documented {
		if !registered[p] {
			t.Errorf("openapi.json documents %q, which is not a registered route", p)
		}
	}
	if len(documented) < 12 {
		t.Errorf("only %d operations documented", len(documented))
	}
	for _, m := range regexp.MustCompile(`"#/components/schemas/([A-Za-z]+)"`).FindAllStringSubmatch(w.Body.String(), -1) {
		if _, ok := docm.Components.Schemas[m[1]]; !ok {
			t.Errorf("$ref to missing schema %q", m[1])
		}
	}
}
