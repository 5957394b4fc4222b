package indicators

import (
	"context"
	"sync"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// MinCount is the smallest count published: a count of 1 to 4 could point
// at a person, so it is suppressed. Zero is published (it names nobody).
const MinCount = 5

// Cell is a published count; a suppressed cell has no value.
type Cell struct {
	Value      int  `json:"value"`
	Suppressed bool `json:"suppressed"`
}

// small reports whether n must not be published.
func small(n int) bool { return n > 0 && n < MinCount }

// OpenDistrict is one kecamatan's published counts.
type OpenDistrict struct {
	Code, Name string
	Villages   int
	Businesses Cell
	// Classes are mikro, kecil, menengah, besar and unknown, which add up to Businesses.
	Classes         [5]Cell
	NIB, Halal      Cell
	Trained         Cell
	SuppressedCells int
}

// OpenSector is the count of one kecamatan's businesses in one KBLI category.
type OpenSector struct {
	Code, Name    string // kecamatan
	Sector, Label string // KBLI category A–U
	Businesses    Cell
}

// Publish applies disclosure control to districts:
//   - a count of 1 to 4 is suppressed;
//   - a part of a total whose complement (total − part) is 1 to 4 is
//     suppressed, since the complement could be read off by subtraction;
//   - when exactly one of the parts of a total (the classes of a
//     kecamatan) is suppressed, the smallest other positive part is too, so
//     that subtraction from the total cannot restore it;
//   - a kecamatan whose total is suppressed publishes no part at all.
func Publish(ds []District) []OpenDistrict {
	out := make([]OpenDistrict, 0, len(ds))
	for _, d := range ds {
		o := OpenDistrict{Code: d.Code, Name: d.Name, Villages: d.Villages, Businesses: Cell{Value: d.Businesses}}
		parts := []int{d.Mikro, d.Kecil, d.Menengah, d.Besar, d.Unknown()}
		for i, v := range parts {
			o.Classes[i] = Cell{Value: v}
		}
		o.NIB, o.Halal, o.Trained = subset(d.NIB, d.Businesses), subset(d.Halal, d.Businesses), subset(d.Trained, d.Businesses)
		if small(d.Businesses) {
			o.Businesses.Suppressed = true
			for i := range o.Classes {
				o.Classes[i].Suppressed = true
			}
			o.NIB.Suppressed, o.Halal.Suppressed, o.Trained.Suppressed = true, true, true
		} else {
			cells := make([]*Cell, len(o.Classes))
			for i := range o.Classes {
				cells[i] = &o.Classes[i]
			}
			suppressPartition(cells)
		}
		for _, c := range append(o.Classes[:], o.Businesses, o.NIB, o.Halal, o.Trained) {
			if c.Suppressed {
				o.SuppressedCells++
			}
		}
		for i := range o.Classes {
			if o.Classes[i].Suppressed {
				o.Classes[i].Value = 0
			}
		}
		o.Businesses, o.NIB, o.Halal, o.Trained = hide(o.Businesses), hide(o.NIB), hide(o.Halal), hide(o.Trained)
		out = append(out, o)
	}
	return out
}

// subset is the cell of a part of total, suppressed when it or its
// complement is small.
func subset(part, total int) Cell {
	return Cell{Value: part, Suppressed: small(part) || small(total-part)}
}

func hide(c Cell) Cell {
	if c.Suppressed {
		c.Value = 0
	}
	return c
}

// suppressPartition suppresses the small cells of parts that add up to a
// published total and, when that leaves exactly one suppressed, the
// smallest other positive cell as well.
func suppressPartition(cells []*Cell) {
	n := 0
	for _, c := range cells {
		if small(c.Value) {
			c.Suppressed = true
		}
		if c.Suppressed {
			n++
		}
	}
	if n != 1 {
		return
	}
	var pick *Cell
	for _, c := range cells {
		if !c.Suppressed && c.Value > 0 && (pick == nil || c.Value < pick.Value) {
			pick = c
		}
	}
	if pick != nil {
		pick.Suppressed = true
	}
}

// PublishSectors applies the same control to kecamatan × KBLI counts: the
// sectors of one kecamatan are parts of its businesses with a known sector.
func PublishSectors(counts map[string]map[string]int, districts []District) []OpenSector {
	var out []OpenSector
	for _, d := range districts {
		start := len(out)
		for _, sec := range region.Sectors() {
			out = append(out, OpenSector{Code: d.Code, Name: d.Name, Sector: sec.Code, Label: sec.Name,
				Businesses: Cell{Value: counts[d.Code][sec.Code]}})
		}
		cells := make([]*Cell, 0, len(out)-start)
		for i := start; i < len(out); i++ {
			cells = append(cells, &out[i].Businesses)
		}
		suppressPartition(cells)
		for i := start; i < len(out); i++ {
			out[i].Businesses = hide(out[i].Businesses)
		}
	}
	return out
}

// OpenData is what the public /data page shows.
type OpenData struct {
	Districts []OpenDistrict
	Sectors   []OpenSector
	// Total is the businesses of the jurisdiction, 0 when a kecamatan's
	// total is suppressed (subtraction would restore it).
	Total int
	AsOf  time.Time
}

// openCache keeps the public figures for a while: the page is public and
// reading the register per request would let anyone load the database.
type openCache struct {
	mu   sync.Mutex
	data *OpenData
}

// OpenDataTTL is how long the public figures are reused.
const OpenDataTTL = 10 * time.Minute

// Open returns the public figures, computed at most once per OpenDataTTL.
func (s *Service) Open(ctx context.Context) (*OpenData, error) {
	s.open.mu.Lock()
	defer s.open.mu.Unlock()
	if d := s.open.data; d != nil && s.Now().Sub(d.AsOf) < OpenDataTTL {
		return d, nil
	}
	ds, err := s.Districts(ctx, auth.System)
	if err != nil {
		return nil, err
	}
	counts := map[string]map[string]int{}
	for _, sec := range region.Sectors() {
		rows, err := s.Registry.DistrictStats(ctx, auth.System, registry.Filter{Sector: sec.Code})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if counts[r.Code] == nil {
				counts[r.Code] = map[string]int{}
			}
			counts[r.Code][sec.Code] = r.Businesses
		}
	}
	d := &OpenData{Districts: Publish(ds), Sectors: PublishSectors(counts, ds), Total: Totals(ds).Businesses, AsOf: s.Now()}
	for _, o := range d.Districts {
		if o.Businesses.Suppressed {
			d.Total = 0
		}
	}
	s.open.data = d
	return d, nil
}
