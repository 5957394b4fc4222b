package planner

import (
	"net/url"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Group is a target group of businesses, as a register filter.
type Group struct {
	Code   string `json:"code"`
	Label  string `json:"label"`
	filter registry.Filter
}

// Groups are the target groups a plan may aim at; "" is every business.
var Groups = []Group{
	{"", "Semua usaha", registry.Filter{}},
	{"mikro", "Usaha mikro", registry.Filter{SizeClass: registry.Mikro}},
	{"kecil", "Usaha kecil", registry.Filter{SizeClass: registry.Kecil}},
	{"tanpa_nib", "Usaha tanpa NIB", registry.Filter{Doc: registry.DocNoNIB}},
	{"tanpa_halal", "Usaha tanpa sertifikat halal", registry.Filter{Doc: registry.DocNoHalal}},
	{"mikro_pangan_tanpa_halal", "Usaha mikro industri pengolahan (KBLI C, termasuk pangan) tanpa sertifikat halal",
		registry.Filter{SizeClass: registry.Mikro, Sector: "C", Doc: registry.DocNoHalal}},
}

// GroupOf returns the group with the code.
func GroupOf(code string) (Group, bool) {
	for _, g := range Groups {
		if g.Code == code {
			return g, true
		}
	}
	return Group{}, false
}

// Params is a scenario: cost and cohort size (0 = defaults), extra funding
// a year on top of the committed funding, and the target group.
type Params struct {
	CostPerParticipant int64  `json:"cost_per_participant"`
	CohortSize         int    `json:"cohort_size"`
	ExtraPerYear       int64  `json:"extra_per_year"`
	Group              string `json:"group"`
}

// Defaults when the ledger holds no cost yet.
const (
	DefaultCohortSize         = 30
	DefaultCostPerParticipant = 2_500_000
	MaxCohortSize             = 10_000
)

// Validate returns per-field Indonesian messages.
func (p *Params) Validate() map[string]string {
	p.Group = strings.TrimSpace(p.Group)
	f := map[string]string{}
	if p.CostPerParticipant < 0 || p.CostPerParticipant > registry.MaxRupiah {
		f["cost_per_participant"] = "Biaya per peserta harus antara Rp0 dan Rp1.000.000.000.000.000"
	}
	if p.CohortSize < 0 || p.CohortSize > MaxCohortSize {
		f["cohort_size"] = "Ukuran angkatan harus antara 1 dan 10.000 peserta"
	}
	if p.ExtraPerYear < 0 || p.ExtraPerYear > registry.MaxRupiah {
		f["extra_per_year"] = "Tambahan dana per tahun harus antara Rp0 dan Rp1.000.000.000.000.000"
	}
	if _, ok := GroupOf(p.Group); !ok {
		codes := make([]string, 0, len(Groups))
		for _, g := range Groups[1:] {
			codes = append(codes, g.Code)
		}
		f["group"] = "Kelompok sasaran harus kosong atau salah satu dari: " + strings.Join(codes, ", ")
	}
	return f
}

// ParseParams reads a scenario from query or form values; rupiah may be
// written with dots (1.500.000).
func ParseParams(v url.Values) (Params, error) {
	var p Params
	f := map[string]string{}
	money := func(name string) int64 {
		s := strings.TrimSpace(v.Get(name))
		if s == "" {
			return 0
		}
		n, ok := idfmt.ParseRupiah(s)
		if !ok {
			f[name] = "Tulis jumlah rupiah, mis. 2.500.000"
		}
		return n
	}
	p.CostPerParticipant = money("cost_per_participant")
	p.ExtraPerYear = money("extra_per_year")
	if s := strings.TrimSpace(v.Get("cohort_size")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			f["cohort_size"] = "Ukuran angkatan harus bilangan bulat"
		}
		p.CohortSize = n
	}
	p.Group = v.Get("group")
	if err := apperr.Validation(f); err != nil {
		return p, err
	}
	return p, apperr.Validation(p.Validate())
}

// PlacesPerYear is how many can be trained a year: whole cohorts that the
// budget pays for, times the cohort size.
func PlacesPerYear(budget, cost int64, cohort int) (cohorts, places int) {
	if cost <= 0 || cohort <= 0 || budget <= 0 {
		return 0, 0
	}
	perCohort := cost * int64(cohort)
	if perCohort/int64(cohort) != cost { // overflow: no cohort is affordable
		return 0, 0
	}
	n := budget / perCohort
	if n > 1_000_000 {
		n = 1_000_000
	}
	return int(n), int(n) * cohort
}
