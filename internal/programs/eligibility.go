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

// Eligible checks an applicant against the programme's rules on the given
// day and returns every unmet rule as an Indonesian reason (none = eligible).
func Eligible(p *Program, f *Facts, today time.Time) []string {
	b := f.Business
	var why []string
	if b.Status == registry.StatusArchived {
		why = append(why, "data usaha sudah diarsipkan")
	}
	if len(p.Districts) > 0 && !slices.Contains(p.Districts, b.DistrictCode) {
		why = append(why, fmt.Sprintf("kecamatan %s di luar sasaran program", districtName(b.DistrictCode)))
	}
	e := p.Eligibility
	if len(e.SizeClasses) > 0 && !slices.Contains(e.SizeClasses, b.SizeClass) {
		if b.SizeClass == "" {
			why = append(why, "kelas usaha belum diketahui (omzet dan modal belum diisi)")
		} else {
			why = append(why, fmt.Sprintf("kelas usaha %s bukan sasaran (%s)", b.SizeClass, strings.Join(e.SizeClasses, ", ")))
		}
	}
	if len(e.Sectors) > 0 && !slices.Contains(e.Sectors, b.Sector) {
		s := b.Sector
		if s == "" {
			s = "(kosong)"
		}
		why = append(why, fmt.Sprintf("sektor %s bukan sasaran (%s)", s, strings.Join(e.Sectors, ", ")))
	}
	if e.RequireNIB && b.NIB == "" {
		why = append(why, "belum memiliki NIB")
	}
	if n := e.ExcludeTrainedWithinMonths; n > 0 && f.LastCompletedOn != "" {
		done, err := time.Parse(time.DateOnly, f.LastCompletedOn)
		if err == nil && done.AddDate(0, n, 0).After(today) {
			why = append(why, fmt.Sprintf("sudah menyelesaikan program %q pada %s (kurang dari %d bulan)",
				f.LastCompletedProgram, idfmt.DateString(f.LastCompletedOn), n))
		}
	}
	if m := e.MaxAnnualRevenue; m > 0 && b.AnnualRevenue > m {
		why = append(why, fmt.Sprintf("omzet tahunan %s melebihi batas %s", idfmt.Rupiah(b.AnnualRevenue), idfmt.Rupiah(m)))
	}
	return why
}

func districtName(code string) string {
	if code == "" {
		return "(tidak diketahui)"
	}
	return region.All().Name(code)
}
