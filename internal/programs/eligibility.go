package programs

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

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
				f.LastCompletedProgram, FormatDate(f.LastCompletedOn), n))
		}
	}
	if m := e.MaxAnnualRevenue; m > 0 && b.AnnualRevenue > m {
		why = append(why, fmt.Sprintf("omzet tahunan %s melebihi batas %s", FormatRupiah(b.AnnualRevenue), FormatRupiah(m)))
	}
	return why
}

func districtName(code string) string {
	if code == "" {
		return "(tidak diketahui)"
	}
	return region.All().Name(code)
}

var bulan = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
	"September", "Oktober", "November", "Desember"}

// FormatDate writes a "YYYY-MM-DD" date the Indonesian way: "20 Oktober 2025".
// Anything unparsable is returned unchanged.
func FormatDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d %s %d", t.Day(), bulan[t.Month()-1], t.Year())
}

// FormatDateRange writes "20–22 Oktober 2025", "30 Oktober – 2 November 2025"
// or a single date when both ends are the same day.
func FormatDateRange(start, end string) string {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	switch {
	case err1 != nil || err2 != nil:
		return FormatDate(start) + " – " + FormatDate(end)
	case s.Equal(e):
		return FormatDate(start)
	case s.Year() == e.Year() && s.Month() == e.Month():
		return fmt.Sprintf("%d–%s", s.Day(), FormatDate(end))
	case s.Year() == e.Year():
		return fmt.Sprintf("%d %s – %s", s.Day(), bulan[s.Month()-1], FormatDate(end))
	}
	return FormatDate(start) + " – " + FormatDate(end)
}

// FormatRupiah writes whole rupiah with dots: Rp1.500.000.
func FormatRupiah(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := fmt.Sprint(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-Rp" + b.String()
	}
	return "Rp" + b.String()
}
