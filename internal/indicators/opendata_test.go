package indicators

import (
	"math/rand/v2"
	"testing"
)

func TestPublishSuppressesSmallCounts(t *testing.T) {
	ds := []District{
		{Code: "a", Businesses: 100, Mikro: 90, Kecil: 7, Menengah: 3, NIB: 98, Halal: 0, Trained: 50},
		{Code: "b", Businesses: 3, Mikro: 3, NIB: 1, Trained: 0},
		{Code: "c", Businesses: 200, Mikro: 150, Kecil: 30, Menengah: 10, Besar: 10, NIB: 4, Halal: 5, Trained: 196},
	}
	got := Publish(ds)
	type want struct {
		businesses        Cell
		classes           [5]Cell
		nib, halal, train Cell
	}
	sup := Cell{Suppressed: true}
	wants := []want{
		// Menengah 3 is small; then Kecil 7, the smallest other part, goes too,
		// else 100 − 90 − 7 − 0 − 0 would give it back. NIB 98 leaves 2 without.
		{Cell{Value: 100}, [5]Cell{{Value: 90}, sup, sup, {Value: 0}, {Value: 0}}, sup, Cell{Value: 0}, Cell{Value: 50}},
		{sup, [5]Cell{sup, sup, sup, sup, sup}, sup, sup, sup},
		{Cell{Value: 200}, [5]Cell{{Value: 150}, {Value: 30}, {Value: 10}, {Value: 10}, {Value: 0}}, sup, Cell{Value: 5}, sup},
	}
	for i, w := range wants {
		g := got[i]
		if g.Businesses != w.businesses || g.Classes != w.classes || g.NIB != w.nib || g.Halal != w.halal || g.Trained != w.train {
			t.Errorf("district %s:\n got %+v\nwant %+v", ds[i].Code, g, w)
		}
	}
	if got[0].SuppressedCells != 3 {
		t.Errorf("suppressed cells of a: %d, want 3", got[0].SuppressedCells)
	}
}

// TestPublishNeverLeaksBySubtraction checks on random kecamatan that no
// published figure is 1–4, that a suppressed cell carries no value, and that
// a class is never the only hidden part of a published total.
func TestPublishNeverLeaksBySubtraction(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 15))
	for range 2000 {
		d := District{Code: "x", Mikro: rng.IntN(12), Kecil: rng.IntN(8), Menengah: rng.IntN(6), Besar: rng.IntN(3)}
		d.Businesses = d.Mikro + d.Kecil + d.Menengah + d.Besar + rng.IntN(4)
		d.NIB, d.Trained = rng.IntN(d.Businesses+1), rng.IntN(d.Businesses+1)
		o := Publish([]District{d})[0]
		hidden := 0
		for _, c := range append(o.Classes[:], o.Businesses, o.NIB, o.Halal, o.Trained) {
			if !c.Suppressed && c.Value > 0 && c.Value < MinCount {
				t.Fatalf("%+v published a small count: %+v", d, o)
			}
			if c.Suppressed && c.Value != 0 {
				t.Fatalf("%+v: a suppressed cell holds its value: %+v", d, o)
			}
		}
		for _, c := range o.Classes {
			if c.Suppressed {
				hidden++
			}
		}
		if !o.Businesses.Suppressed && hidden == 1 {
			t.Fatalf("%+v: one class alone hidden under a published total: %+v", d, o)
		}
		if !o.NIB.Suppressed && !o.Businesses.Suppressed && small(d.Businesses-d.NIB) {
			t.Fatalf("%+v: NIB published with a small complement", d)
		}
	}
}

func TestPublishSectors(t *testing.T) {
	counts := map[string]map[string]int{"a": {"C": 40, "G": 3, "I": 12}}
	out := PublishSectors(counts, []District{{Code: "a", Name: "A"}})
	if len(out) != 21 {
		t.Fatalf("%d sector rows, want 21", len(out))
	}
	by := map[string]Cell{}
	for _, o := range out {
		by[o.Sector] = o.Businesses
	}
	if !by["G"].Suppressed || !by["I"].Suppressed || by["C"] != (Cell{Value: 40}) || by["A"] != (Cell{Value: 0}) {
		t.Errorf("sectors: C %+v G %+v I %+v A %+v", by["C"], by["G"], by["I"], by["A"])
	}
}
