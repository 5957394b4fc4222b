package web

import (
	"naikkelas/internal/auth"
	"net/http"
	"net/url"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

type listView struct {
	Filter    registry.Filter
	Query     url.Values
	Items     []registry.Business
	Total     int
	Pages     int
	Districts []region.Region
	Villages  []region.Region
	Sectors   []region.Sector
	Classes   []string
	Docs      []option
	Columns   []column
	CanCreate bool
	// SearchHint names the fields a search matches for this reader: a
	// reader who sees personal data masked does not search it.
	SearchHint string
}

type option struct{ Value, Label string }

type column struct {
	Key, Label string
	Sort       string // "" = not sortable
}

var docOptions = []option{
	{registry.DocNIB, "Punya NIB"}, {registry.DocNoNIB, "Belum punya NIB"},
	{registry.DocPIRT, "Punya P-IRT"}, {registry.DocPIRTExpired, "P-IRT kedaluwarsa"},
	{registry.DocHalal, "Bersertifikat halal"}, {registry.DocHalalExpired, "Halal kedaluwarsa"},
	{registry.DocNoHalal, "Belum halal"},
}

var listColumns = []column{
	{"name", "Nama usaha", "name"}, {"owner_name", "Pemilik", "owner_name"}, {"district", "Kecamatan", "district"},
	{"size_class", "Kelas", "size_class"}, {"annual_revenue", "Omzet/tahun", "annual_revenue"},
	{"documents", "Dokumen", ""},
}

// businessList is Daftar UMKM. An htmx request aimed at #hasil gets only
// the results block, so filtering and paging never reload the page.
func (s *Server) businessList(w http.ResponseWriter, r *http.Request) error {
	if actor(r).Role == auth.Owner {
		// An owner has one business: its Beranda, not the register's filters.
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	f, err := parseFilter(r)
	if err != nil {
		return err
	}
	a := actor(r)
	items, total, err := s.Registry.List(r.Context(), a, f)
	if err != nil {
		return err
	}
	// A search with no chosen column lists matches newest first (see
	// sqlstore.ListOrder); anything else defaults to the name column.
	if f.Sort == "" && f.Q == "" {
		f.Sort = "name"
	}
	v := listView{Filter: f, Query: r.URL.Query(), Items: items, Total: total,
		Pages: (total + f.PerPage - 1) / f.PerPage, Districts: s.districtsFor(a),
		Villages: s.villagesFor(a, f.District), Sectors: region.Sectors(), Classes: registry.SizeClasses,
		Docs: docOptions, Columns: listColumns, CanCreate: a.IsOfficer(), SearchHint: "Nama usaha, merek, pemilik, NIB"}
	if a.SeesPersonalData() {
		v.SearchHint = "Nama usaha, merek, pemilik, NIK, NIB, HP"
	}
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Target") == "hasil" {
		s.renderPartial(w, r, http.StatusOK, "business_list", "results", v)
		return nil
	}
	s.render(w, r, http.StatusOK, "business_list", page{Title: "Daftar UMKM", Active: "list", Data: v})
	return nil
}
