// Package demo generates and loads the deterministic demo of naikkelas:
// 48,000 UMKM of Kabupaten Serang with owners, products, documents and 2–3
// years of measurements each, plus one account per role. The same seed gives
// the same data on every run; the only date it knows is RefDate.
package demo

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Jurisdiction is the region the demo lives in: Kabupaten Serang.
const Jurisdiction = "36.04"

// DefaultCount is the number of demo businesses, the office's real figure.
const DefaultCount = 48000

// DefaultSeed fixes the demo's random stream.
const DefaultSeed uint64 = 20251101

// RefDate is "today" for the demo: documents expire relative to it and the
// latest measurement year is its year.
var RefDate = time.Date(2025, time.November, 1, 0, 0, 0, 0, time.UTC)

// Options tune Generate; the zero value means the full demo.
type Options struct {
	Count int    // businesses; 0 = DefaultCount
	Seed  uint64 // 0 = DefaultSeed
	// StepDone, when set, is told how long each load step took (logs, benchmarks).
	StepDone func(step string, took time.Duration)
}

// districtWeight gives the industrial and peri-urban kecamatan more
// businesses; any kecamatan missing here weighs 1.
var districtWeight = map[string]float64{
	"36.04.15": 3.0, "36.04.05": 2.8, "36.04.11": 2.6, "36.04.09": 2.6, "36.04.16": 2.3, // Cikande, Kramatwatu, Kragilan, Ciruas, Kibin
	"36.04.23": 1.4, "36.04.22": 1.2, "36.04.26": 1.2, "36.04.30": 1.2, "36.04.19": 1.1, "36.04.12": 1.1,
	"36.04.13": 1.1, "36.04.29": 1.1, "36.04.08": 0.8, "36.04.17": 0.8, "36.04.18": 0.7, "36.04.32": 0.8,
	"36.04.33": 0.6, "36.04.34": 0.7, "36.04.35": 0.8, "36.04.28": 0.9, "36.04.06": 0.9, "36.04.07": 0.9,
	"36.04.14": 0.9, "36.04.20": 0.9,
}

type generator struct {
	rng       *rand.Rand
	dir       *region.Directory
	usedNIK   map[string]bool
	usedPhone map[string]bool
	usedNIB   map[string]bool
	centroid  map[string][2]float64
	seq       int // running counter for document numbers
}

// Generate builds the demo businesses in a fixed order. Each item carries its
// measurements, oldest first; IDs are left for the store to set.
func Generate(opt Options) []registry.NewBusiness {
	if opt.Count <= 0 {
		opt.Count = DefaultCount
	}
	if opt.Seed == 0 {
		opt.Seed = DefaultSeed
	}
	g := &generator{
		rng:       rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)),
		dir:       region.All(),
		usedNIK:   make(map[string]bool, opt.Count),
		usedPhone: make(map[string]bool, opt.Count),
		usedNIB:   map[string]bool{},
		centroid:  centroids(),
	}
	villages := g.villagePlan(opt.Count)
	out := make([]registry.NewBusiness, len(villages))
	for i, v := range villages {
		b, ms := g.business(v)
		out[i] = registry.NewBusiness{Business: b, Measurements: ms}
	}
	return out
}

// villagePlan returns one village code per business: kecamatan shares by
// districtWeight, desa shares within a kecamatan uneven but never empty,
// then shuffled so IDs do not cluster by place.
func (g *generator) villagePlan(n int) []string {
	districts := g.dir.Districts(Jurisdiction)
	dw := make([]float64, len(districts))
	for i, d := range districts {
		dw[i] = 1
		if w, ok := districtWeight[d.Code]; ok {
			dw[i] = w
		}
	}
	out := make([]string, 0, n)
	for i, cnt := range apportion(n, dw) {
		vs := g.dir.Children(districts[i].Code)
		vw := make([]float64, len(vs))
		for j := range vw {
			vw[j] = 0.6 + g.rng.Float64()
		}
		for j, c := range apportion(cnt, vw) {
			for range c {
				out = append(out, vs[j].Code)
			}
		}
	}
	g.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// apportion splits n into integer parts proportional to w (largest remainder).
func apportion(n int, w []float64) []int {
	var sum float64
	for _, x := range w {
		sum += x
	}
	parts := make([]int, len(w))
	rem := make([]int, len(w))
	frac := make([]float64, len(w))
	left := n
	for i, x := range w {
		exact := float64(n) * x / sum
		parts[i] = int(exact)
		frac[i] = exact - float64(parts[i])
		left -= parts[i]
		rem[i] = i
	}
	slices.SortStableFunc(rem, func(a, b int) int {
		switch {
		case frac[a] > frac[b]:
			return -1
		case frac[a] < frac[b]:
			return 1
		}
		return 0
	})
	for i := 0; i < left; i++ {
		parts[rem[i%len(rem)]]++
	}
	return parts
}

// business generates one business in village v and its measurements.
func (g *generator) business(v string) (*registry.Business, []registry.Measurement) {
	district := region.DistrictOf(v)
	class := g.class()
	k := g.kind(district, class)
	female := g.rng.Float64() < 0.58
	first, full := g.ownerName(female)
	b := &registry.Business{
		OwnerName:   full,
		VillageCode: v,
		Address:     g.address(v),
		KBLI:        k.kbli,
		Sector:      k.sector,
		Status:      registry.StatusActive,
		HalalStatus: registry.HalalNone,
		Products:    g.products(k),
	}
	b.Name, b.Brand = g.names(k, first, female, v)
	g.owner(b, district, class, female)
	if c, ok := g.centroid[district]; ok && g.rng.Float64() < 0.6 {
		lat := math.Round((c[0]+(g.rng.Float64()-0.5)*0.03)*1e6) / 1e6
		lng := math.Round((c[1]+(g.rng.Float64()-0.5)*0.03)*1e6) / 1e6
		b.Latitude, b.Longitude = &lat, &lng
	}
	ms := g.measurements(class)
	last := ms[len(ms)-1]
	b.AnnualRevenue, b.Capital, b.Employees = registry.Amount(last.AnnualRevenue), registry.Amount(last.Capital), last.Employees
	b.SizeClass, b.SizeBasis = last.SizeClass, last.SizeBasis
	b.FoundedYear = ms[0].Year - int(math.Pow(g.rng.Float64(), 2)*float64(ms[0].Year-1990))
	g.documents(b, k, class)
	b.DistrictCode = district
	return b, ms
}

// class draws a size class: about 83% mikro, 16% kecil, 1.5% menengah.
func (g *generator) class() string {
	switch u := g.rng.Float64(); {
	case u < 0.015:
		return registry.Menengah
	case u < 0.175:
		return registry.Kecil
	}
	return registry.Mikro
}

// kind draws a line of business for a district, honouring local specialities.
func (g *generator) kind(district, class string) *kind {
	var sum float64
	ws := make([]float64, len(kinds))
	for i := range kinds {
		k := &kinds[i]
		if k.mikroMax && class != registry.Mikro {
			continue
		}
		w := k.weight
		if m, ok := k.boost[district]; ok {
			w *= m
		}
		ws[i] = w
		sum += w
	}
	u := g.rng.Float64() * sum
	for i, w := range ws {
		if u < w {
			return &kinds[i]
		}
		u -= w
	}
	return &kinds[0]
}

func (g *generator) pick(s []string) string { return s[g.rng.IntN(len(s))] }

func (g *generator) ownerName(female bool) (first, full string) {
	if female {
		first = g.pick(femaleNames)
		return first, first + " " + g.pick(femaleSecond)
	}
	first = g.pick(maleNames)
	if g.rng.Float64() < 0.04 {
		return first, "Tb. " + first + " " + g.pick(maleSecond) // Bantenese Tubagus
	}
	return first, first + " " + g.pick(maleSecond)
}

// names builds the business name and, for some, a brand.
func (g *generator) names(k *kind, first string, female bool, village string) (name, brand string) {
	honor := g.pick(maleHonor)
	if female {
		honor = g.pick(femaleHonor)
	}
	switch u := g.rng.Float64(); {
	case u < 0.45:
		name = fmt.Sprintf("%s %s %s", k.label, honor, first)
	case u < 0.75:
		brand = g.pick(brandWords)
		name = k.label + " " + brand
	default:
		name = k.label + " " + g.dir.Name(village)
	}
	if brand == "" && k.produced && g.rng.Float64() < 0.3 {
		brand = g.pick(brandWords)
	}
	return name, brand
}

func (g *generator) address(v string) string {
	return fmt.Sprintf("Kp. %s RT %03d/RW %03d, Desa %s", g.pick(kampung), 1+g.rng.IntN(9), 1+g.rng.IntN(6), g.dir.Name(v))
}

func (g *generator) products(k *kind) []registry.Product {
	n := 1 + g.rng.IntN(min(3, len(k.products)))
	start := g.rng.IntN(len(k.products))
	ps := make([]registry.Product, n)
	for i := range n {
		p := k.products[(start+i)%len(k.products)]
		price := p.lo + g.rng.Int64N(p.hi-p.lo+1)
		cat := k.category
		if p.cat != "" {
			cat = p.cat
		}
		ps[i] = registry.Product{Name: p.name, Category: cat, Price: price / 500 * 500}
	}
	return ps
}

type geoFeatures struct {
	Features []struct {
		Properties struct {
			Code string  `json:"kode"`
			Lat  float64 `json:"lat"`
			Lng  float64 `json:"lng"`
		} `json:"properties"`
	} `json:"features"`
}

// centroids reads each kecamatan's centre from the embedded GeoJSON.
func centroids() map[string][2]float64 {
	var fc geoFeatures
	out := map[string][2]float64{}
	if err := json.Unmarshal(region.SerangGeoJSON(), &fc); err != nil {
		return out
	}
	for _, f := range fc.Features {
		out[f.Properties.Code] = [2]float64{f.Properties.Lat, f.Properties.Lng}
	}
	return out
}
