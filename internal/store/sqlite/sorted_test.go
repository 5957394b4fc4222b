package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlstore"
	"naikkelas/internal/store/storetest"
)

// TestSortedSearchWalk checks that a sorted search page read by walking the
// sort order (sqlstore.SortedWalk) is exactly the page that sorting every
// match gives, whether the walk fills the page or falls back.
func TestSortedSearchWalk(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenSQLite(t)
	items := storetest.Synth(1500, 0, rand.New(rand.NewPCG(7, 9)), region.All().Villages("36.04"))
	if err := s.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	// The list's default orders walk an index, with or without statistics
	// (0005 adds indexes that must not look cheaper than they are).
	for _, analyse := range []bool{false, true} {
		if analyse {
			if _, err := s.Write.ExecContext(ctx, "ANALYZE"); err != nil {
				t.Fatal(err)
			}
		}
		for _, order := range []string{"b.name, b.id", "b.annual_revenue DESC, b.id DESC"} {
			rows, err := s.Read.QueryContext(ctx, "EXPLAIN QUERY PLAN SELECT b.id FROM businesses b WHERE b.status = 'active' ORDER BY "+order+" LIMIT 25")
			if err != nil {
				t.Fatal(err)
			}
			var plan string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan += detail + "; "
			}
			rows.Close()
			if strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("analysed=%v, ORDER BY %s sorts every row: %s", analyse, order, plan)
			}
		}
	}
	pages := func(f registry.Filter) string {
		var out string
		for f.Page = 1; f.Page <= 4; f.Page++ {
			bs, total, err := s.ListBusinesses(ctx, f)
			if err != nil {
				t.Fatalf("%+v: %v", f, err)
			}
			out += fmt.Sprintf("total %d page %d:", total, f.Page)
			for _, b := range bs {
				out += fmt.Sprintf(" %d", b.ID)
			}
			out += "\n"
		}
		return out
	}
	oldMin, oldWalk := sqlstore.SortedWalkMin, sqlstore.SortedWalk
	defer func() { sqlstore.SortedWalkMin, sqlstore.SortedWalk = oldMin, oldWalk }()
	walked := 0
	for _, q := range []string{"lilis", "kopi", "anyam", "presto", "sari", "0812"} {
		for _, sort := range []string{"name", "owner_name", "annual_revenue", "updated_at", "district", "id"} {
			for _, desc := range []bool{false, true} {
				f := registry.Filter{Q: q, Sort: sort, Desc: desc, PerPage: 7, Today: "2026-06-01"}
				sqlstore.SortedWalkMin = 1 << 30 // never walk: sort every match
				want := pages(f)
				for _, walk := range []int{10, 60, 400} {
					sqlstore.SortedWalkMin, sqlstore.SortedWalk = 1, walk
					if got := pages(f); got != want {
						t.Errorf("q=%s sort=%s desc=%v walk=%d:\n got %s\nwant %s", q, sort, desc, walk, got, want)
					}
					walked++
				}
			}
		}
	}
	if walked == 0 {
		t.Fatal("no case ran")
	}
}
