package permits

import (
	"fmt"
	"strings"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Profile holds what the register does not know about a business and
// halal self-declare asks: nil (or "") is "not yet recorded", which counts
// as an unmet condition until someone checks it.
type Profile struct {
	BusinessID          int64  `json:"business_id"`
	Facilities          *int   `json:"facilities"`           // production facilities
	Outlets             *int   `json:"outlets"`              // sales outlets
	PreservationMethods *int   `json:"preservation_methods"` // combined preservation methods
	ProductType         string `json:"product_type"`         // a code of the product-type list
	HalalIngredients    *bool  `json:"halal_ingredients"`    // all ingredients assured halal
	SeparateTools       *bool  `json:"separate_tools"`       // place and tools apart from non-halal production
	SimpleProcess       *bool  `json:"simple_process"`       // simple, manual or semi-automatic
}

// Facts are what the rules read about one business.
type Facts struct {
	KBLI           string
	SizeClass      string
	SizeBasis      string // "revenue" when AnnualRevenue is known
	AnnualRevenue  int64
	HasNIB         bool
	FoundedYear    int
	HalalStatus    string
	HalalExpiresOn string
	Profile        Profile
}

// FactsOf gathers the facts of a business and its profile.
func FactsOf(b *registry.Business, p Profile) Facts {
	return Facts{KBLI: b.KBLI, SizeClass: b.SizeClass, SizeBasis: b.SizeBasis, AnnualRevenue: b.AnnualRevenue,
		HasNIB: b.NIB != "", FoundedYear: b.FoundedYear, HalalStatus: b.HalalStatus, HalalExpiresOn: b.HalalExpiresOn, Profile: p}
}

// Food tells whether a KBLI code is food or drink, and whether the
// business produces it (KBLI 10 and 11: P-IRT or BPOM apply) or serves it
// (KBLI 56: halal applies, a distribution permit does not).
func Food(kbli string) (food, produced bool) {
	switch {
	case strings.HasPrefix(kbli, "10"), strings.HasPrefix(kbli, "11"):
		return true, true
	case strings.HasPrefix(kbli, "56"):
		return true, false
	}
	return false, false
}

// HalalHeld tells whether the facts show a halal certificate valid on day.
func (f Facts) HalalHeld(day string) bool {
	return f.HalalStatus == registry.HalalCertified && (f.HalalExpiresOn == "" || f.HalalExpiresOn >= day)
}

// Unmet is one condition of a rule that a business does not meet, or that
// nobody has recorded yet (Unknown).
type Unmet struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Unknown bool   `json:"unknown"`
}

// judgedFacts are the facts Evaluate reads, comparable, with the annual
// revenue reduced to the side of the rule's limit it falls on: facts with
// one key get one judgement from a rule on a day. A fact Evaluate comes to
// read must be added here.
type judgedFacts struct {
	sizeClass, sizeBasis, productType string
	overRevenue, hasNIB               bool
	foundedYear                       int
	facilities, outlets, preservation int  // -1: not recorded
	ingredients, tools, simple        int8 // -1: not checked, 0: no, 1: yes
}

func judgedFactsOf(rule Rule, f Facts) judgedFacts {
	p := f.Profile
	return judgedFacts{sizeClass: f.SizeClass, sizeBasis: f.SizeBasis, productType: p.ProductType,
		overRevenue: rule.MaxAnnualRevenue > 0 && f.AnnualRevenue > rule.MaxAnnualRevenue, hasNIB: f.HasNIB,
		foundedYear: f.FoundedYear, facilities: recorded(p.Facilities), outlets: recorded(p.Outlets),
		preservation: recorded(p.PreservationMethods), ingredients: checked(p.HalalIngredients),
		tools: checked(p.SeparateTools), simple: checked(p.SimpleProcess)}
}

func recorded(v *int) int {
	if v == nil {
		return -1
	}
	return *v
}

func checked(v *bool) int8 {
	switch {
	case v == nil:
		return -1
	case *v:
		return 1
	}
	return 0
}

// Evaluate returns every condition of rule that f does not meet on day, in
// the rule's order; none means the business qualifies for self-declare.
func (r *Rules) Evaluate(rule Rule, f Facts, day string) []Unmet {
	var out []Unmet
	miss := func(code, msg string) { out = append(out, Unmet{Code: code, Message: msg}) }
	unknown := func(code, msg string) { out = append(out, Unmet{Code: code, Message: msg, Unknown: true}) }
	switch {
	case f.SizeClass == "":
		unknown("size_class", "Kelas usaha belum diketahui (isi omzet atau modal)")
	case len(rule.SizeClasses) > 0 && !contains(rule.SizeClasses, f.SizeClass):
		miss("size_class", fmt.Sprintf("Usaha berkelas %s; self declare hanya untuk %s", f.SizeClass, strings.Join(rule.SizeClasses, " atau ")))
	}
	if rule.RequireNIB && !f.HasNIB {
		miss("nib", "Belum punya NIB")
	}
	if rule.MaxAnnualRevenue > 0 {
		switch {
		case f.SizeBasis != "revenue":
			unknown("max_annual_revenue", "Omzet tahunan belum diketahui (batas "+idfmt.Rupiah(rule.MaxAnnualRevenue)+")")
		case f.AnnualRevenue > rule.MaxAnnualRevenue:
			miss("max_annual_revenue", fmt.Sprintf("Omzet tahunan %s melebihi batas %s", idfmt.Rupiah(f.AnnualRevenue), idfmt.Rupiah(rule.MaxAnnualRevenue)))
		}
	}
	if n := rule.MinYearsProducing; n > 0 {
		year := 0
		fmt.Sscanf(day, "%4d", &year)
		switch {
		case f.FoundedYear == 0:
			unknown("min_years_producing", "Tahun mulai produksi belum diketahui")
		case year-f.FoundedYear < n:
			miss("min_years_producing", fmt.Sprintf("Berproduksi belum %d tahun (sejak %d)", n, f.FoundedYear))
		}
	}
	p := f.Profile
	atMost(&out, "max_facilities", "fasilitas produksi", rule.MaxFacilities, p.Facilities)
	atMost(&out, "max_outlets", "gerai", rule.MaxOutlets, p.Outlets)
	atMost(&out, "max_preservation_methods", "metode pengawetan", rule.MaxPreservationMethods, p.PreservationMethods)
	if len(rule.ProductTypes) > 0 {
		switch {
		case p.ProductType == "":
			unknown("product_types", "Jenis produk belum dicatat")
		case !contains(rule.ProductTypes, p.ProductType):
			miss("product_types", "Jenis produk ("+r.ProductTypeName(p.ProductType)+") tidak ada dalam daftar jenis produk self declare")
		}
	}
	must(&out, rule.RequireHalalIngredients, "halal_ingredients", "Semua bahan terjamin halal", p.HalalIngredients)
	must(&out, rule.RequireSeparateTools, "separate_tools", "Tempat dan alat terpisah dari produksi nonhalal", p.SeparateTools)
	must(&out, rule.RequireSimpleProcess, "simple_process", "Proses sederhana (manual atau semi-otomatis)", p.SimpleProcess)
	return out
}

func atMost(out *[]Unmet, code, what string, limit int, v *int) {
	switch {
	case limit <= 0:
	case v == nil:
		*out = append(*out, Unmet{Code: code, Message: "Jumlah " + what + " belum dicatat", Unknown: true})
	case *v > limit:
		*out = append(*out, Unmet{Code: code, Message: fmt.Sprintf("Punya %d %s; paling banyak %d", *v, what, limit)})
	}
}

func must(out *[]Unmet, required bool, code, what string, v *bool) {
	switch {
	case !required:
	case v == nil:
		*out = append(*out, Unmet{Code: code, Message: what + ": belum diperiksa", Unknown: true})
	case !*v:
		*out = append(*out, Unmet{Code: code, Message: what + ": tidak terpenuhi"})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
