package web

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
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
		registered[p] = true
		if strings.HasPrefix(path, "/api/") || path == "/healthz" {
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

// TestOpenAPIValidates loads the generated document with kin-openapi, a
// maintained OpenAPI 3 library that client generators build on, and
// validates it against the specification: every schema, reference,
// parameter and response must be well formed. It also checks what a
// standard linter asks for: servers, a licence, and explicit empty security
// on the public operations.
func TestOpenAPIValidates(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "GET", Path: "/api/v1/openapi.json"})
	if w.Code != 200 {
		t.Fatalf("openapi.json: status %d", w.Code)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(w.Body.Bytes())
	if err != nil {
		t.Fatalf("kin-openapi cannot load openapi.json: %v", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	if len(doc.Servers) == 0 || doc.Servers[0].URL == "" {
		t.Errorf("no servers: %+v", doc.Servers)
	}
	if doc.Info.License == nil || doc.Info.License.Name == "" {
		t.Error("info has no licence")
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.Security == nil {
				t.Errorf("%s %s: no security requirement (public operations need an explicit empty one)", method, path)
			}
		}
	}
	for _, path := range []string{"/healthz", "/api/v1/openapi.json"} {
		op := doc.Paths.Find(path).Get
		if op == nil || op.Security == nil || len(*op.Security) != 0 {
			t.Errorf("GET %s: want security: [] (public), got %+v", path, op)
		}
	}
	if op := doc.Paths.Find("/api/v1/businesses").Get; op == nil || op.Security == nil || len(*op.Security) == 0 {
		t.Error("GET /api/v1/businesses must require credentials")
	}
}

// TestOpenAPIServerIsPublicURL checks that a configured public address is
// the document's server, so that a generated client calls it.
func TestOpenAPIServerIsPublicURL(t *testing.T) {
	f := newFixture(t)
	f.srv.PublicURL = "https://umkm.serangkab.go.id"
	if got := f.srv.openAPI()["servers"].([]any)[0].(map[string]any)["url"]; got != "https://umkm.serangkab.go.id" {
		t.Errorf("server %v, want the public URL", got)
	}
}
