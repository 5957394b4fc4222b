// Package indicators gathers, per kecamatan, the figures leaders read: how
// many businesses and of which class, how many hold NIB and halal, how many
// were ever trained, and how many went up a class in the last year. The
// home page's map, the open data page, the coverage planner and the
// leadership report all read them from here, so a figure is computed once
// and means the same everywhere. It knows neither HTTP nor SQL.
package indicators

import (
	"context"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// District is one kecamatan's figures.
type District struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Villages   int    `json:"villages"`
	Businesses int    `json:"businesses"`
	Mikro      int    `json:"mikro"`
	Kecil      int    `json:"kecil"`
	Menengah   int    `json:"menengah"`
	Besar      int    `json:"besar"`
	NIB        int    `json:"nib"`
	Halal      int    `json:"halal"`
	Trained    int    `json:"trained"` // ever completed a programme
	// SizeUp of SizeMeasured businesses went up a size class in the last
	// twelve months (naik kelas), as the naik-kelas statistics count it.
	SizeUp       int `json:"size_up"`
	SizeMeasured int `json:"size_measured"`
}

// Unknown is the businesses without a known size class.
func (d District) Unknown() int { return d.Businesses - d.Mikro - d.Kecil - d.Menengah - d.Besar }

func share(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return float64(n) * 100 / float64(of)
}

// Density is businesses per desa.
func (d District) Density() float64 {
	if d.Villages == 0 {
		return 0
	}
	return float64(d.Businesses) / float64(d.Villages)
}

// TrainedShare is the percent of businesses ever trained.
func (d District) TrainedShare() float64 { return share(d.Trained, d.Businesses) }

// HalalShare is the percent of businesses holding a valid halal certificate.
func (d District) HalalShare() float64 { return share(d.Halal, d.Businesses) }

// NIBShare is the percent of businesses holding an NIB.
func (d District) NIBShare() float64 { return share(d.NIB, d.Businesses) }

// NaikKelasRate is the percent of measured businesses that went up a class.
func (d District) NaikKelasRate() float64 { return share(d.SizeUp, d.SizeMeasured) }

// Service reads the figures from the domain services.
type Service struct {
	Registry     *registry.Service
	Programs     *programs.Service
	Assessments  *assessment.Service
	Capital      *capital.Service // for the credit trend; nil leaves it out
	Stocks       StockStore       // for the register's stock trends; nil leaves them out
	Regions      *region.Directory
	Jurisdiction string
	Now          func() time.Time

	open openCache
}

// NewService returns a Service with the real clock.
func NewService(reg *registry.Service, progs *programs.Service, asm *assessment.Service, jurisdiction string) *Service {
	return &Service{Registry: reg, Programs: progs, Assessments: asm, Regions: region.All(), Jurisdiction: jurisdiction, Now: time.Now}
}

// Districts returns every kecamatan in the actor's area with its figures,
// in the directory's order. Only the office's staff and leadership may ask
// (the programmes' coverage rule).
func (s *Service) Districts(ctx context.Context, a auth.Actor) ([]District, error) {
	cov, err := s.Programs.Coverage(ctx, a)
	if err != nil {
		return nil, err
	}
	today := idfmt.Day(s.Now())
	counts := func(doc string) (map[string]registry.DistrictCount, error) {
		rows, err := s.Registry.DistrictStats(ctx, a, registry.Filter{Doc: doc, Today: today})
		out := map[string]registry.DistrictCount{}
		for _, r := range rows {
			out[r.Code] = r
		}
		return out, err
	}
	all, err := counts("")
	if err != nil {
		return nil, err
	}
	nib, err := counts(registry.DocNIB)
	if err != nil {
		return nil, err
	}
	halal, err := counts(registry.DocHalal)
	if err != nil {
		return nil, err
	}
	st, err := s.Assessments.Stats(ctx, a, assessment.StatsQuery{To: today})
	if err != nil {
		return nil, err
	}
	up := map[string]assessment.DistrictStats{}
	for _, d := range st.Districts {
		up[d.Code] = d
	}
	trained := map[string]int{}
	for _, c := range cov {
		trained[c.Code] = c.Trained
	}
	var out []District
	for _, r := range s.Regions.Districts(s.Jurisdiction) {
		if !a.InArea(r.Code) {
			continue
		}
		c := all[r.Code]
		u := up[r.Code]
		out = append(out, District{Code: r.Code, Name: r.Name, Villages: len(s.Regions.Villages(r.Code)),
			Businesses: c.Businesses, Mikro: c.Mikro, Kecil: c.Kecil, Menengah: c.Menengah, Besar: c.Besar,
			NIB: nib[r.Code].Businesses, Halal: halal[r.Code].Businesses, Trained: trained[r.Code],
			SizeUp: u.SizeUp, SizeMeasured: u.SizeUp + u.SizeDown + u.SizeUnchanged})
	}
	return out, nil
}

// Totals adds up districts (Villages included).
func Totals(ds []District) District {
	t := District{Name: "Jumlah"}
	for _, d := range ds {
		t.Villages += d.Villages
		t.Businesses += d.Businesses
		t.Mikro += d.Mikro
		t.Kecil += d.Kecil
		t.Menengah += d.Menengah
		t.Besar += d.Besar
		t.NIB += d.NIB
		t.Halal += d.Halal
		t.Trained += d.Trained
		t.SizeUp += d.SizeUp
		t.SizeMeasured += d.SizeMeasured
	}
	return t
}
