// Package web is the HTTP face of naikkelas: the Bahasa Indonesia pages
// (html/template + vendored htmx) and the JSON API under /api/v1. Every route
// is in the one route table (routes.go, gathered from routes_*.go); handlers
// are methods on Server, one resource and verb per file. Domain rules stay in
// the domain packages: handlers parse input, call a service with the request's
// auth.Actor, and render the result.
package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"os"
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
	// ImportTimeout stops an import that runs longer; 0 = DefaultImportTimeout.
	ImportTimeout time.Duration
	// UploadDir keeps uploaded import files between their steps. Files a
	// stopped process left there are deleted at start, so it must be this
	// instance's own folder. "" = the system's temporary folder, never swept.
	UploadDir string
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

// DefaultImportTimeout bounds an import when Deps.ImportTimeout is 0: a
// million-row file imports in a few minutes on an office PC.
const DefaultImportTimeout = 30 * time.Minute

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
	if d.ImportTimeout <= 0 {
		d.ImportTimeout = DefaultImportTimeout
	}
	s := &Server{Deps: d, mux: http.NewServeMux(), imports: newImportJobs(d.UploadDir)}
	if d.UploadDir != "" {
		if err := os.MkdirAll(d.UploadDir, 0o700); err != nil {
			return nil, fmt.Errorf("web: upload folder: %w", err)
		}
		if n, err := sweepUploads(d.UploadDir); err != nil {
			return nil, fmt.Errorf("web: upload folder: %w", err)
		} else if n > 0 {
			d.Logger.Info("deleted uploads left by an earlier stop", "count", n)
		}
	}
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
	if s.PublicURL != "" {
		// Behind a reverse proxy that passes its own Host (nginx's default),
		// a browser without Sec-Fetch-Site is judged by its Origin against
		// that Host, and its forms would be refused.
		if err := csrf.AddTrustedOrigin(s.PublicURL); err != nil {
			return nil, fmt.Errorf("web: public URL: %w", err)
		}
	}
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
