package demo

import (
	"math"

	"naikkelas/internal/registry"
)

const (
	juta   int64 = 1_000_000
	miliar       = 1000 * juta
)

// revenueRange is the demo's annual-sales range per class, inside the PP
// 7/2021 bounds with a margin so rounding never crosses a boundary.
var revenueRange = map[string][2]int64{
	registry.Mikro:    {12 * juta, 1900 * juta},
	registry.Kecil:    {2050 * juta, 14500 * juta},
	registry.Menengah: {15200 * juta, 48 * miliar},
}

// lowerClass is the class a mover came from.
var lowerClass = map[string]string{registry.Kecil: registry.Mikro, registry.Menengah: registry.Kecil}

// moverShare is the chance that a business of this class moved up into it
// during the measured years: a few hundred of the 48,000.
var moverShare = map[string]float64{registry.Kecil: 0.035, registry.Menengah: 0.12}

// measurements returns 2 or 3 yearly entries ending in RefDate's year whose
// latest revenue lies in class. Most stay in their class; movers start one
// class lower.
func (g *generator) measurements(class string) []registry.Measurement {
	n := 3
	if g.rng.Float64() < 0.3 {
		n = 2
	}
	last := RefDate.Year()
	rr := revenueRange[class]
	revs := make([]int64, n)
	revs[n-1] = g.logRange(rr[0], rr[1], 1.6)
	moveAt := -1 // index of the first year in the new class
	if g.rng.Float64() < moverShare[class] {
		moveAt = 1 + g.rng.IntN(n-1)
	}
	for i := n - 2; i >= 0; i-- {
		growth := 0.92 + g.rng.Float64()*0.26
		r := int64(float64(revs[i+1]) / growth)
		switch {
		case i == moveAt-1: // the year before the move: in the lower class
			lo := revenueRange[lowerClass[class]]
			r = int64(float64(rr[0]) * (0.6 + g.rng.Float64()*0.35))
			r = max(r, lo[0])
		case i < moveAt-1:
			lo := revenueRange[lowerClass[class]]
			r = min(max(r, lo[0]), lo[1])
		default:
			r = min(max(r, rr[0]+rr[0]/50), rr[1])
		}
		revs[i] = r
	}
	emp := g.employees(class)
	ms := make([]registry.Measurement, n)
	for i := range n {
		rev := revs[i] / (100 * 1000) * (100 * 1000) // whole hundreds of thousands
		capital := int64(float64(rev)*(0.15+g.rng.Float64()*0.45)) / (100 * 1000) * (100 * 1000)
		cls, basis := registry.Classify(rev, capital)
		src := registry.SourceSelfReport
		if i == n-1 && g.rng.Float64() < 0.25 {
			src = registry.SourceOfficerVerified
		}
		e := emp - (n-1-i)*g.rng.IntN(2)
		ms[i] = registry.Measurement{
			Year: last - (n - 1 - i), AnnualRevenue: registry.Known(rev), Capital: registry.Known(capital), Employees: max(e, 1),
			Source: src, SizeClass: cls, SizeBasis: basis, RecordedBy: "demo",
		}
	}
	return ms
}

// logRange draws from [lo, hi] on a log scale, skewed towards lo by skew > 1.
func (g *generator) logRange(lo, hi int64, skew float64) int64 {
	l, h := math.Log(float64(lo)), math.Log(float64(hi))
	return int64(math.Exp(l + (h-l)*math.Pow(g.rng.Float64(), skew)))
}

func (g *generator) employees(class string) int {
	switch class {
	case registry.Menengah:
		return 20 + g.rng.IntN(80)
	case registry.Kecil:
		return 5 + g.rng.IntN(15)
	}
	return 1 + int(math.Pow(g.rng.Float64(), 2)*4)
}
