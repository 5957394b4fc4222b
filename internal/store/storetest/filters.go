package storetest

import (
	"testing"

	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// fixtures stores four businesses spread over two districts, all classes
// and document states (today is 2026-06-01):
//
//	Keripik Pisang  Cikande A    mikro    C  NIB, P-IRT valid, halal valid
//	Toko Kelontong  Cikande B    kecil    G  P-IRT expired, halal expired
//	Warung Nasi     Kramatwatu A menengah I  halal in process
//	Bengkel Motor   Kramatwatu A (none)   S  nothing
func fixtures(t *testing.T, s store.Store) []*registry.Business {
	a := biz("Keripik Pisang", cikandeA)
	a.AnnualRevenue, a.NIB, a.PIRTNumber, a.PIRTExpiresOn = 100_000_000, "9120000000011", "2063604010001-28", "2028-01-01"
	a.HalalStatus, a.HalalNumber, a.HalalExpiresOn = registry.HalalCertified, "ID001", "2029-01-01"
	b := biz("Toko Kelontong", cikandeB)
	b.Sector, b.AnnualRevenue, b.PIRTNumber, b.PIRTExpiresOn = "G", 5_000_000_000, "2063604010002-25", "2025-01-01"
	b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, "ID002", "2026-01-01"
	c := biz("Warung Nasi", kramatwatuA)
	c.Sector, c.AnnualRevenue, c.HalalStatus = "I", 20_000_000_000, registry.HalalInProcess
	d := biz("Bengkel Motor", kramatwatuA)
	d.Sector = "S"
	return []*registry.Business{create(t, s, a), create(t, s, b), create(t, s, c), create(t, s, d)}
}

func testFilters(t *testing.T, s store.Store) {
	bs := fixtures(t, s)
	cases := []struct {
		name string
		f    registry.Filter
		want []string
	}{
		{"all", registry.Filter{}, []string{"Bengkel Motor", "Keripik Pisang", "Toko Kelontong", "Warung Nasi"}},
		{"district", registry.Filter{District: cikande}, []string{"Keripik Pisang", "Toko Kelontong"}},
		{"village", registry.Filter{Village: cikandeB}, []string{"Toko Kelontong"}},
		{"size class", registry.Filter{SizeClass: registry.Menengah}, []string{"Warung Nasi"}},
		{"district and class", registry.Filter{District: cikande, SizeClass: registry.Mikro}, []string{"Keripik Pisang"}},
		{"sector", registry.Filter{Sector: "G"}, []string{"Toko Kelontong"}},
		{"nib", registry.Filter{Doc: registry.DocNIB}, []string{"Keripik Pisang"}},
		{"no nib", registry.Filter{Doc: registry.DocNoNIB}, []string{"Bengkel Motor", "Toko Kelontong", "Warung Nasi"}},
		{"pirt", registry.Filter{Doc: registry.DocPIRT}, []string{"Keripik Pisang", "Toko Kelontong"}},
		{"pirt expired", registry.Filter{Doc: registry.DocPIRTExpired}, []string{"Toko Kelontong"}},
		{"pirt expired earlier", registry.Filter{Doc: registry.DocPIRTExpired, Today: "2024-12-31"}, nil},
		{"halal", registry.Filter{Doc: registry.DocHalal}, []string{"Keripik Pisang", "Toko Kelontong"}},
		{"halal expired", registry.Filter{Doc: registry.DocHalalExpired}, []string{"Toko Kelontong"}},
		{"no halal", registry.Filter{Doc: registry.DocNoHalal}, []string{"Bengkel Motor", "Warung Nasi"}},
		{"unknown doc", registry.Filter{Doc: "bogus"}, nil},
		{"ids", registry.Filter{IDs: []int64{bs[0].ID, bs[3].ID}}, []string{"Bengkel Motor", "Keripik Pisang"}},
		{"ids and district", registry.Filter{IDs: []int64{bs[0].ID, bs[3].ID}, District: kramatwatu}, []string{"Bengkel Motor"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			listed(t, s, c.f, "names", c.want...)
		})
	}
}

func testScope(t *testing.T, s store.Store) {
	bs := fixtures(t, s)
	cases := []struct {
		name  string
		scope registry.Scope
		want  []string
	}{
		{"district", registry.Scope{Regions: []string{cikande}}, []string{"Keripik Pisang", "Toko Kelontong"}},
		{"village", registry.Scope{Regions: []string{cikandeB}}, []string{"Toko Kelontong"}},
		{"village and district", registry.Scope{Regions: []string{cikandeB, kramatwatu}},
			[]string{"Bengkel Motor", "Toko Kelontong", "Warung Nasi"}},
		{"regency", registry.Scope{Regions: []string{"36.04"}},
			[]string{"Bengkel Motor", "Keripik Pisang", "Toko Kelontong", "Warung Nasi"}},
		{"nothing", registry.Scope{Regions: []string{"-"}}, nil},
		{"other district", registry.Scope{Regions: []string{"36.04.16"}}, nil},
		{"business", registry.Scope{BusinessID: bs[2].ID}, []string{"Warung Nasi"}},
		{"absent business", registry.Scope{BusinessID: -1}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			listed(t, s, registry.Filter{Scope: c.scope}, "names", c.want...)
			hs, err := s.HomeStats(ctx, registry.Filter{Scope: c.scope, Today: today})
			if err != nil || hs.Total != len(c.want) {
				t.Errorf("HomeStats total = %d, %v; want %d", hs.Total, err, len(c.want))
			}
			sum := 0
			ds, err := s.DistrictStats(ctx, registry.Filter{Scope: c.scope, Today: today})
			for _, d := range ds {
				sum += d.Businesses
			}
			if err != nil || sum != len(c.want) {
				t.Errorf("DistrictStats sum = %d, %v; want %d", sum, err, len(c.want))
			}
		})
	}
}

func testSortPaging(t *testing.T, s store.Store) {
	fixtures(t, s)
	cases := []struct {
		sort string
		desc bool
		want []string
	}{
		{"", false, []string{"Bengkel Motor", "Keripik Pisang", "Toko Kelontong", "Warung Nasi"}},
		{"name", true, []string{"Warung Nasi", "Toko Kelontong", "Keripik Pisang", "Bengkel Motor"}},
		{"owner_name", false, []string{"Bengkel Motor", "Keripik Pisang", "Toko Kelontong", "Warung Nasi"}},
		{"annual_revenue", true, []string{"Warung Nasi", "Toko Kelontong", "Keripik Pisang", "Bengkel Motor"}},
		{"size_class", false, []string{"Bengkel Motor", "Keripik Pisang", "Toko Kelontong", "Warung Nasi"}},
		{"district", false, []string{"Bengkel Motor", "Warung Nasi", "Keripik Pisang", "Toko Kelontong"}},
		{"id", true, []string{"Bengkel Motor", "Warung Nasi", "Toko Kelontong", "Keripik Pisang"}},
		{"updated_at", false, []string{"Keripik Pisang", "Toko Kelontong", "Warung Nasi", "Bengkel Motor"}},
		{"name; DROP TABLE businesses", false, []string{"Bengkel Motor", "Keripik Pisang", "Toko Kelontong", "Warung Nasi"}},
	}
	for _, c := range cases {
		got, _ := list(t, s, registry.Filter{Sort: c.sort, Desc: c.desc})
		sameNames(t, "sort "+c.sort, got, c.want...)
	}
	var pages [][]string
	for p := 1; p <= 3; p++ {
		got, total := list(t, s, registry.Filter{Page: p, PerPage: 3})
		if total != 4 {
			t.Errorf("page %d total = %d, want 4", p, total)
		}
		pages = append(pages, got)
	}
	sameNames(t, "page 1", pages[0], "Bengkel Motor", "Keripik Pisang", "Toko Kelontong")
	sameNames(t, "page 2", pages[1], "Warung Nasi")
	sameNames(t, "page 3", pages[2])
}

func testEach(t *testing.T, s store.Store) {
	fixtures(t, s)
	var got []string
	err := s.EachBusiness(ctx, registry.Filter{District: kramatwatu, Page: 1, PerPage: 1}, func(b *registry.Business) error {
		got = append(got, b.Name)
		return nil
	})
	if err != nil {
		t.Fatalf("EachBusiness: %v", err)
	}
	sameNames(t, "each ignores paging", got, "Bengkel Motor", "Warung Nasi")
	got = nil
	_ = s.EachBusiness(ctx, registry.Filter{Q: "kerip"}, func(b *registry.Business) error {
		got = append(got, b.Name)
		return nil
	})
	sameNames(t, "each with search", got, "Keripik Pisang")
}

func testStats(t *testing.T, s store.Store) {
	fixtures(t, s)
	hs, err := s.HomeStats(ctx, registry.Filter{Today: today})
	if err != nil {
		t.Fatalf("HomeStats: %v", err)
	}
	want := registry.HomeStats{Total: 4, NIB: 1, PIRT: 2, PIRTExpired: 1, Halal: 2, HalalExpired: 1, HalalProcess: 1}
	if hs.Total != want.Total || hs.NIB != want.NIB || hs.PIRT != want.PIRT || hs.PIRTExpired != want.PIRTExpired ||
		hs.Halal != want.Halal || hs.HalalExpired != want.HalalExpired || hs.HalalProcess != want.HalalProcess {
		t.Errorf("HomeStats = %+v, want %+v", hs, want)
	}
	if hs.BySizeClass[registry.Mikro] != 1 || hs.BySizeClass[registry.Kecil] != 1 ||
		hs.BySizeClass[registry.Menengah] != 1 || hs.BySizeClass[""] != 1 {
		t.Errorf("BySizeClass = %v", hs.BySizeClass)
	}
	ds, err := s.DistrictStats(ctx, registry.Filter{Today: today})
	if err != nil || len(ds) != 2 {
		t.Fatalf("DistrictStats = %+v, %v", ds, err)
	}
	k, c := ds[0], ds[1]
	if k.Code != kramatwatu || k.Name != "Kramatwatu" || k.Businesses != 2 || k.Menengah != 1 || k.Mikro != 0 {
		t.Errorf("Kramatwatu row = %+v", k)
	}
	if c.Code != cikande || c.Name != "Cikande" || c.Businesses != 2 || c.Mikro != 1 || c.Kecil != 1 {
		t.Errorf("Cikande row = %+v", c)
	}
	hs, _ = s.HomeStats(ctx, registry.Filter{Today: today, Doc: registry.DocHalal, District: cikande})
	if hs.Total != 2 || hs.HalalExpired != 1 {
		t.Errorf("filtered HomeStats = %+v", hs)
	}
	ds, _ = s.DistrictStats(ctx, registry.Filter{Today: today, SizeClass: registry.Kecil})
	if len(ds) != 1 || ds[0].Code != cikande || ds[0].Businesses != 1 {
		t.Errorf("filtered DistrictStats = %+v", ds)
	}
}
