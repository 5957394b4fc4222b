package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/importer"
	"naikkelas/internal/market"
	"naikkelas/internal/messages"
	"naikkelas/internal/office"
	"naikkelas/internal/permits"
	"naikkelas/internal/region"
)

//go:embed templates/*.html
var templateFS embed.FS

// templates holds one parsed set per page: the layout, the shared partials
// (files starting with "_") and the page itself.
type templates struct {
	base  *template.Template // layout and partials only, for htmx fragments
	pages map[string]*template.Template
}

func parseTemplates(funcs template.FuncMap) (*templates, error) {
	base := template.New("").Funcs(funcs)
	if _, err := base.ParseFS(templateFS, "templates/layout.html", "templates/_*.html"); err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{base: base, pages: map[string]*template.Template{}}
	for _, n := range names {
		short := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if short == "layout" || strings.HasPrefix(short, "_") {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := clone.ParseFS(templateFS, n); err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		t.pages[short] = clone
	}
	return t, nil
}

// page is what every full page template receives.
type page struct {
	Title  string
	Actor  auth.Actor
	Active string // navigation item to highlight
	Data   any
	Office *office.Identity // the office's name, address and logo, for the footer and letterheads
}

// RoleLabel is the Indonesian name of the current user's role.
func (p page) RoleLabel() string { return auth.RoleLabel(p.Actor.Role) }

// MenuImport tells the layout to offer the import pages (officers only).
func (p page) MenuImport() bool { return p.Actor.IsOfficer() }

// MenuNaikKelas tells the layout to offer the naik-kelas report (the
// office and its leadership: an owner sees only its own business, a mitra
// only its partner's programmes).
func (p page) MenuNaikKelas() bool { return p.Actor.IsOfficer() || p.Actor.Role == auth.Pimpinan }

// MenuRegister tells the layout to offer the register's list with its
// filters (not to an owner, whose Beranda is its own business).
func (p page) MenuRegister() bool { return p.Actor.Role != auth.Owner }

// MenuProposals tells the layout to offer the officers' queue of owners'
// proposed changes.
func (p page) MenuProposals() bool { return p.Actor.IsOfficer() }

// MenuAdmin tells the layout to offer user management and the audit log.
func (p page) MenuAdmin() bool { return p.Actor.Role == auth.Admin }

// render executes a full page (layout "layout") with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Actor = actor(r)
	p.Office = s.officeOf(r)
	s.execute(w, r, status, name, "layout", p)
}

// renderPartial executes one named template of a page set, for htmx swaps.
func (s *Server) renderPartial(w http.ResponseWriter, r *http.Request, status int, name, block string, data any) {
	s.execute(w, r, status, name, block, data)
}

// swapped answers an htmx request with the block of the page set name and
// reports whether it did; a plain request gets the whole page from the caller.
func (s *Server) swapped(w http.ResponseWriter, r *http.Request, name, block string, data any) bool {
	if r.Header.Get("HX-Request") != "true" {
		return false
	}
	s.renderPartial(w, r, http.StatusOK, name, block, data)
	return true
}

func (s *Server) execute(w http.ResponseWriter, r *http.Request, status int, name, block string, data any) {
	t, ok := s.tmpl.pages[name]
	if name == "" {
		t, ok = s.tmpl.base, true
	}
	if !ok {
		s.Logger.Error("unknown template", "name", name)
		http.Error(w, "Terjadi kesalahan di server", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, data); err != nil {
		s.Logger.Error("template failed", "name", name, "block", block, "error", err.Error())
		http.Error(w, "Terjadi kesalahan di server", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Vary", "HX-Request")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// assets are the embedded static files and the templates parsed with them.
type assets struct {
	static *staticFiles
	tmpl   *templates
}

// embeddedAssets loads the static files and parses the templates once per
// process: both are embedded in the binary, so every Server would build the
// same ones (the tests build hundreds of servers). Parsed templates are safe
// for concurrent use.
var embeddedAssets = sync.OnceValues(func() (assets, error) {
	static, err := loadStatic()
	if err != nil {
		return assets{}, err
	}
	tmpl, err := parseTemplates(templateFuncs(static))
	return assets{static, tmpl}, err
})

func templateFuncs(static *staticFiles) template.FuncMap {
	dir := region.All()
	funcs := template.FuncMap{
		"static": static.url,
		"rupiah": rupiah,
		"number": func(n any) string { return idfmt.Number(toInt64(n)) },
		"date":   idfmt.DateString,
		"month":  idfmt.MonthString,
		"datetime": func(v any) string {
			switch t := v.(type) {
			case time.Time:
				return idfmt.DateTime(t)
			case *time.Time:
				if t != nil {
					return idfmt.DateTime(*t)
				}
			}
			return ""
		},
		"regionName":     dir.Name,
		"sectorName":     region.SectorName,
		"classLabel":     classLabel,
		"halalLabel":     halalLabel,
		"roleLabel":      func(r auth.Role) string { return auth.RoleLabel(r) },
		"waLink":         waLink,
		"pct":            pct,
		"logoURL":        logoURL,
		"nip":            nipText,
		"officeField":    officeField,
		"add":            func(a, b int) int { return a + b },
		"skipLabel":      importer.SkipLabel,
		"permitKind":     permits.KindLabel,
		"schemeLabel":    capital.SchemeLabel,
		"purposeLabel":   capital.PurposeLabel,
		"referralStatus": capital.StatusLabel,
		"rejectReason":   capital.ReasonLabel,
		"referralCan":    capital.CanMove,
		"messageKind":    messages.KindLabel,
		"days": func(v *float64) string {
			if v == nil {
				return "—"
			}
			return idfmt.Decimal(*v, 1)
		},
		"permitStatus":        permits.StatusLabel,
		"telLink":             telLink,
		"fieldLabel":          proposalFieldLabel,
		"withQuery":           withQuery,
		"units":               func() []string { return market.Units },
		"catalogueCategories": func() []string { return market.Categories },
		"decisionLabel":       market.DecisionLabel,
		"modeLabel":           market.ModeLabel,
		"villageOpts": func(v []region.Region, selected, empty string) villageOptions {
			return villageOptions{Villages: v, Selected: selected, Empty: empty}
		},
		"sparkline":   sparkline,
		"trendChange": trendChange,
		"trendTitle":  trendTitle,
	}
	maps.Copy(funcs, programFuncs()) // the programme pages' helpers (program_funcs.go)
	return funcs
}

// rupiah writes an amount, or "—" for an optional one that is not known.
func rupiah(v any) string {
	switch n := v.(type) {
	case *int64:
		if n == nil {
			return "—"
		}
		return idfmt.Rupiah(*n)
	case int:
		return idfmt.Rupiah(int64(n))
	case int64:
		return idfmt.Rupiah(n)
	}
	return "—"
}

func toInt64(v any) int64 {
	switch n := v.(type) {
	case int:
		return int64(n)
	case int64:
		return n
	}
	return 0
}

// classLabel is the Indonesian label of a size class.
func classLabel(c string) string {
	switch c {
	case "mikro":
		return "Mikro"
	case "kecil":
		return "Kecil"
	case "menengah":
		return "Menengah"
	case "besar":
		return "Besar"
	}
	return "Belum diketahui"
}

func halalLabel(s string) string {
	switch s {
	case "certified":
		return "Bersertifikat"
	case "in_process":
		return "Dalam proses"
	}
	return "Belum"
}

// waLink turns +628… into a WhatsApp click-to-chat link; "" for anything
// else (including masked numbers).
func waLink(phone string) string {
	if !messages.IsMobile(phone) {
		return ""
	}
	return "https://wa.me/" + strings.TrimPrefix(phone, "+")
}

// telLink turns +628… into a tel: link (a URL html/template would otherwise
// refuse, tel: not being among its safe schemes); "" for anything else,
// masked numbers included.
func telLink(phone string) template.URL {
	if waLink(phone) == "" {
		return ""
	}
	return template.URL("tel:" + phone)
}

// pct is part/whole as a whole percentage for CSS bar widths.
func pct(part, whole int64) int64 {
	if whole <= 0 || part <= 0 {
		return 0
	}
	p := part * 100 / whole
	if p < 1 {
		p = 1
	}
	return p
}

// withQuery returns "?"+q with key set to val (and "page" reset unless the
// key is page), for sort and pagination links that keep the filters.
func withQuery(q url.Values, key, val string) string {
	c := url.Values{}
	for k, v := range q {
		if v[0] != "" {
			c[k] = v
		}
	}
	if key != "page" {
		c.Del("page")
	}
	c.Set(key, val)
	return "?" + c.Encode()
}
