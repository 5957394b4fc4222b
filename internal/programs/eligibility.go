package programs

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// NeedSource reports what businesses need, from their assessments. The
// assessment package implements it. Need scoring falls back to the size
// class for a business without an assessment.
type NeedSource interface {
	// LatestDimensionScores returns, for each of the given businesses that has
	// been assessed, its latest score (0–100, higher is stronger) per topic
	// dimension: "produksi", "pemasaran", "kemasan_label", "keuangan",
	// "legalitas", "digital", …. Businesses never assessed are absent.
	LatestDimensionScores(ctx context.Context, businessIDs []int64) (map[int64]map[string]float64, error)
}

// Facts is what eligibility and scoring know about one applicant.
type Facts struct {
	Business             *registry.Business
	AppliedAt            time.Time
	WaitingSince         time.Time          // earliest unsuccessful application still waiting; zero = AppliedAt
	LastCompletedOn      string             // end date of the latest programme it completed; "" = never
	LastCompletedProgram string             // that programme's name
	Dimensions           map[string]float64 // latest assessment per topic; nil = never assessed
}

// Unmet is one eligibility rule an applicant does not meet: the rule in
// general words (to count applicants by rule) and the sentence about this
// applicant.
type Unmet struct {
	Rule string
	Text string
}

// Eligible checks an applicant against the programme's rules on the given
// day and returns every unmet rule as an Indonesian reason (none = eligible).
func Eligible(p *Program, f *Facts, today time.Time) []string {
	var why []string
	for _, u := range Unmets(p, f, today) {
		why = append(why, u.Text)
	}
	return why
}

// Unmets is Eligible with each reason's rule beside it.
func Unmets(p *Program, f *Facts, today time.Time) []Unmet {
	b := f.Business
	var why []Unmet
	add := func(rule, text string) { why = append(why, Unmet{Rule: rule, Text: text}) }
	if b.Status == registry.StatusArchived {
		add("data usaha sudah diarsipkan", "data usaha sudah diarsipkan")
	}
	if len(p.Districts) > 0 && !slices.Contains(p.Districts, b.DistrictCode) {
		add("kecamatan di luar sasaran program", fmt.Sprintf("kecamatan %s di luar sasaran program", districtName(b.DistrictCode)))
	}
	e := p.Eligibility
	if len(e.SizeClasses) > 0 && !slices.Contains(e.SizeClasses, b.SizeClass) {
		target := strings.Join(e.SizeClasses, ", ")
		if b.SizeClass == "" {
			add("kelas usaha belum diketahui", "kelas usaha belum diketahui (omzet dan modal belum diisi)")
		} else {
			add("kelas usaha bukan sasaran ("+target+")", fmt.Sprintf("kelas usaha %s bukan sasaran (%s)", b.SizeClass, target))
		}
	}
	if len(e.Sectors) > 0 && !slices.Contains(e.Sectors, b.Sector) {
		s := b.Sector
		if s == "" {
			s = "(kosong)"
		}
		target := strings.Join(e.Sectors, ", ")
		add("sektor bukan sasaran ("+target+")", fmt.Sprintf("sektor %s bukan sasaran (%s)", s, target))
	}
	if e.RequireNIB && b.NIB == "" {
		add("belum memiliki NIB", "belum memiliki NIB")
	}
	if n := e.ExcludeTrainedWithinMonths; n > 0 && f.LastCompletedOn != "" {
		done, err := time.Parse(time.DateOnly, f.LastCompletedOn)
		if err == nil && done.AddDate(0, n, 0).After(today) {
			add(fmt.Sprintf("sudah lulus program lain dalam %d bulan terakhir", n),
				fmt.Sprintf("sudah menyelesaikan program %q pada %s (kurang dari %d bulan)", f.LastCompletedProgram, idfmt.DateString(f.LastCompletedOn), n))
		}
	}
	if m := e.MaxAnnualRevenue; m > 0 && b.AnnualRevenue > m {
		add("omzet tahunan melebihi batas "+idfmt.Rupiah(m),
			fmt.Sprintf("omzet tahunan %s melebihi batas %s", idfmt.Rupiah(b.AnnualRevenue), idfmt.Rupiah(m)))
	}
	return why
}

func districtName(code string) string {
	if code == "" {
		return "(tidak diketahui)"
	}
	return region.All().Name(code)
}
