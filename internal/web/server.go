// Package web is the HTTP face of naikkelas: the Bahasa Indonesia pages
// (html/template + vendored htmx) and the JSON API under /api/v1. Every route
// lives in routes.go; handlers are methods on Server, one resource and verb
// per file. Domain rules stay in the domain packages: handlers parse input,
// call a service with the request's auth.Actor, and render the result.
package web

import (
	"errors"
	"log/slog"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"naikkelas/internal/services"
	"naikkelas/internal/store"
)

// Deps is what the web layer needs from the rest of the program: the store
// and the services built on it (services.New; the caller wires them, the web
// layer builds none of its own).
type Deps struct {
	Store store.Store
	services.Set
	Jurisdiction string // "" = all Indonesia, e.g. "36.04"
	// PublicURL is where users reach naikkelas, without a trailing slash
	// ("https://umkm.serangkab.go.id"); "" = not configured. See absoluteURL.
	PublicURL string
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is
	// believed (see clientIP); none by default.
	TrustedProxies []netip.Prefix
	Logger         *slog.Logger
	MaxBodyBytes   int64 // request body limit; 0 = 1 MB
	// MaxUploadBytes limits multipart/form-data bodies (file uploads); 0 = 32 MB.
	MaxUploadBytes int64
	Now            func() time.Time // nil = time.Now
}

// Server serves every page and API route. It is safe for concurrent use.
type Server struct {
	Deps
	handler http.Handler
	mux     *http.ServeMux
	routes  []route
	tmpl    *templates
	static  *staticFiles

	imports importJobs // background imports and uploads (import_jobs.go)

	openAPIOnce sync.Once
	openAPIJSON []byte
}

// DefaultMaxBodyBytes limits JSON and form bodies when Deps.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 1 << 20

// DefaultMaxUploadBytes limits multipart uploads when Deps.MaxUploadBytes is 0.
const DefaultMaxUploadBytes = 32 << 20

// New checks d, parses the embedded templates and builds the route table.
func New(d Deps) (*Server, error) {
	if d.Store == nil || d.Registry == nil || d.Accounts == nil || d.Assessments == nil || d.Programs == nil {
		return nil, errors.New("web: Deps.Store and every service of Deps.Set are required")
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.MaxBodyBytes <= 0 {
		d.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if d.MaxUploadBytes <= 0 {
		d.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Server{Deps: d, mux: http.NewServeMux()}
	a, err := embeddedAssets()
	if err != nil {
		return nil, err
	}
	s.static, s.tmpl = a.static, a.tmpl
	s.routes = s.routeTable()
	for _, rt := range s.routes {
		s.mux.Handle(rt.Pattern, s.wrap(rt))
	}
	s.mux.Handle("/", s.wrap(route{Pattern: "/", Access: public, Handler: s.notFound}))
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(s.csrfDenied))
	s.handler = s.logRequests(s.securityHeaders(s.recoverPanics(csrf.Handler(s.mux))))
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Routes returns the registered route patterns, for tests and documentation.
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, rt := range s.routes {
		out[i] = rt.Pattern
	}
	return out
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errNotFoundPage)
}

func (s *Server) csrfDenied(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errCrossOrigin)
}
