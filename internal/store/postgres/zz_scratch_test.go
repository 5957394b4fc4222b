package postgres_test

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"

	"naikkelas/internal/region"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/storetest"
)

func TestZZScratchPG(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := postgres.Open(ctx, "postgres://postgres@127.0.0.1:5432/test?sslmode=disable&search_path=nk_scratch,public")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(48_000, 42))
	if err := s.InsertBatch(ctx, storetest.Synth(48_000, 0, rng, region.All().Villages("36.04"))); err != nil {
		t.Fatal(err)
	}
	s.Write.ExecContext(ctx, "ANALYZE")
}
