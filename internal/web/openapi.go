package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// apiDoc describes one API route for the OpenAPI document. Body and
// Response name schemas of openapiSchemas ("" = none).
type apiDoc struct {
	Summary  string
	Body     string
	Response string
	Statuses []int
	Query    []queryParam
}

type queryParam struct{ Name, Description string }

// doc starts an apiDoc; the first status is the success status.
func doc(summary, body, response string, statuses ...int) *apiDoc {
	return &apiDoc{Summary: summary, Body: body, Response: response, Statuses: statuses}
}

// query adds a query parameter and returns d for chaining.
func (d *apiDoc) query(name, description string) *apiDoc {
	d.Query = append(d.Query, queryParam{name, description})
	return d
}

// openapiSchemas gathers the schemas of every part of the API, in one
// place. A name defined by two parts is a programming error.
func openapiSchemas() map[string]any {
	out := map[string]any{}
	parts := []map[string]any{
		registrySchemas(), importSchemas(), assessmentSchemas(), programSchemas(), officeSchemas(), permitSchemas(),
		halalSchemas(), duplicateSchemas(), fundingSchemas(), planSchemas(),
		partnerSchemas(), marketSchemas(), capitalSchemas(),
	}
	for _, part := range parts {
		for name, schema := range part {
			if _, dup := out[name]; dup {
				panic("web: OpenAPI schema " + name + " defined twice")
			}
			out[name] = schema
		}
	}
	return out
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)(\.\.\.)?\}`)

// openAPI builds the OpenAPI 3 document from the route table, so that the
// documentation cannot drift from the routes.
func (s *Server) openAPI() map[string]any {
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		if rt.Doc == nil {
			continue
		}
		method, path, _ := strings.Cut(rt.Pattern, " ")
		op := map[string]any{"summary": rt.Doc.Summary, "operationId": operationID(method, path)}
		var params []any
		for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true,
				"schema": map[string]any{"type": "integer"}})
		}
		for _, q := range rt.Doc.Query {
			params = append(params, map[string]any{"name": q.Name, "in": "query", "description": q.Description,
				"schema": map[string]any{"type": "string"}})
		}
		if params != nil {
			op["parameters"] = params
		}
		if rt.Doc.Body != "" {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json": map[string]any{"schema": ref(rt.Doc.Body)}}}
		}
		op["responses"] = responses(rt.Doc)
		if rt.Access == public {
			op["security"] = []any{} // explicitly none: callable without credentials
		} else {
			op["security"] = []any{map[string]any{"bearer": []any{}}, map[string]any{"session": []any{}}}
		}
		if paths[path] == nil {
			paths[path] = map[string]any{}
		}
		paths[path][strings.ToLower(method)] = op
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "naikkelas API", "version": "1", "license": apiLicence,
			"description": "Register UMKM. Kesalahan berbentuk {\"error\":\"…\",\"fields\":{…}}."},
		"servers": []any{s.apiServer()},
		"paths":   paths,
		"components": map[string]any{
			"schemas": openapiSchemas(),
			"securitySchemes": map[string]any{
				"bearer":  map[string]any{"type": "http", "scheme": "bearer"},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie},
			},
		},
	}
}

// apiLicence is the licence the API document names. The project has not
// chosen a licence yet; until it does, the document states who holds the
// rights, without granting any.
var apiLicence = map[string]any{"name": "Hak cipta Diskoumperindag Kabupaten Serang; lisensi belum ditetapkan"}

// apiServer is the server the paths are relative to: the configured public
// address, or this host ("/") when none is configured.
func (s *Server) apiServer() map[string]any {
	if s.PublicURL != "" {
		return map[string]any{"url": s.PublicURL, "description": "naikkelas di alamat publiknya"}
	}
	return map[string]any{"url": "/", "description": "naikkelas di alamat yang menyajikan dokumen ini"}
}

func responses(d *apiDoc) map[string]any {
	out := map[string]any{}
	for i, st := range d.Statuses {
		r := map[string]any{"description": http.StatusText(st)}
		switch {
		case i == 0 && d.Response != "":
			r["content"] = map[string]any{"application/json": map[string]any{"schema": ref(d.Response)}}
		case st >= 400:
			r["content"] = map[string]any{"application/json": map[string]any{"schema": ref("Error")}}
		}
		out[strconv.Itoa(st)] = r
	}
	return out
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	for _, part := range strings.Split(path, "/") {
		part = strings.Trim(part, "{}.")
		if part == "" || part == "api" || part == "v1" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + strings.ReplaceAll(part[1:], ".", "_"))
	}
	return b.String()
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	s.openAPIOnce.Do(func() { s.openAPIJSON, _ = json.Marshal(s.openAPI()) })
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(s.openAPIJSON)
}
