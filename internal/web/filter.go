package web

import (
	"net/http"
	"slices"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

var docFilters = []string{registry.DocNIB, registry.DocNoNIB, registry.DocPIRT, registry.DocPIRTExpired,
	registry.DocHalal, registry.DocHalalExpired, registry.DocNoHalal}

// parseFilter reads the list parameters shared by the list page and the
// API. Unknown enum values are a 422 naming the parameter.
func parseFilter(r *http.Request) (registry.Filter, error) {
	q := r.URL.Query()
	f := registry.Filter{
		Q:         strings.TrimSpace(q.Get("q")),
		District:  strings.TrimSpace(q.Get("district")),
		Village:   strings.TrimSpace(q.Get("village")),
		SizeClass: q.Get("size_class"),
		Sector:    strings.ToUpper(q.Get("sector")),
		Doc:       q.Get("doc"),
		Sort:      q.Get("sort"),
		Desc:      q.Get("desc") == "1" || q.Get("desc") == "true",
	}
	bad := map[string]string{}
	if f.SizeClass != "" && !slices.Contains(registry.SizeClasses, f.SizeClass) {
		bad["size_class"] = "Kelas usaha harus mikro, kecil, menengah atau besar"
	}
	if f.Sector != "" && region.SectorName(f.Sector) == "" {
		bad["sector"] = "Sektor harus kategori KBLI A–U"
	}
	if f.Doc != "" && !slices.Contains(docFilters, f.Doc) {
		bad["doc"] = "Status dokumen tidak dikenal"
	}
	if f.Sort != "" && !slices.Contains(registry.SortFields, f.Sort) {
		bad["sort"] = "Kolom urutan tidak dikenal"
	}
	if len(f.Q) > 100 {
		bad["q"] = "Kata kunci terlalu panjang (maks. 100 karakter)"
	}
	// The desa list follows the kecamatan: a desa of another kecamatan is dropped.
	if f.District != "" && f.Village != "" && !region.Within(f.Village, f.District) {
		f.Village = ""
	}
	var err error
	if f.Page, err = queryInt(r, "page", 1); err != nil {
		bad["page"] = "Harus bilangan bulat positif"
	}
	if f.PerPage, err = queryInt(r, "per_page", 25); err != nil {
		bad["per_page"] = "Harus bilangan bulat positif"
	}
	if f.PerPage > registry.MaxPerPage {
		bad["per_page"] = "Paling banyak 500 baris per halaman"
	}
	if len(bad) > 0 {
		return f, &apperr.Error{Code: apperr.Invalid, Message: "Parameter pencarian tidak valid", Fields: bad}
	}
	return f, nil
}
