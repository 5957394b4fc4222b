package demo

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"naikkelas/internal/store"
)

func TestScratchStepTiming(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	l := &Loader{Store: st, Options: Options{Seed: DefaultSeed}}
	if err := stepBusinesses(ctx, l); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	c, err := ensureCohort(ctx, l, rand.New(rand.NewPCG(1, 2)))
	t.Logf("cohort %v (%d)", time.Since(t0), len(c.completers))
	t0 = time.Now()
	g := &assessGen{rng: rand.New(rand.NewPCG(1, 3)), inst: nil}
	_ = g
	if err := stepAssessments(ctx, &Loader{Store: st, Options: l.Options, Businesses: l.Businesses}); err != nil {
		t.Log(err)
	}
	t.Logf("assess step (incl. 2nd cohort lookup) %v", time.Since(t0))
}
