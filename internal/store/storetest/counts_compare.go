package storetest

import (
	"reflect"
	"strings"

	"naikkelas/internal/integrity"
	"naikkelas/internal/registry"
)

// compare runs the integrity checks, then sets the statistics read from
// the counts against counting the register's active rows here.
func (p *countsRun) compare(what string) {
	t := p.t
	t.Helper()
	results, err := integrity.Run(ctx, p.s.Checks())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if !r.OK() {
			t.Fatalf("%s: %s:\n%s", what, r.Name, strings.Join(r.Differences, "\n"))
		}
	}
	want := registry.HomeStats{BySizeClass: map[string]int{}}
	perDistrict := map[string]map[string]int{} // district → doc → count
	var active []int64
	err = p.s.EachBusiness(ctx, registry.Filter{Sort: "id"}, func(b *registry.Business) error {
		active = append(active, b.ID)
		want.Total++
		want.BySizeClass[b.SizeClass]++
		docs := map[string]bool{"": true, registry.DocNIB: b.NIB != "", registry.DocPIRT: b.PIRTNumber != "",
			registry.DocPIRTExpired:  b.PIRTNumber != "" && b.PIRTExpiresOn != "" && b.PIRTExpiresOn < today,
			registry.DocHalal:        b.HalalStatus == registry.HalalCertified,
			registry.DocHalalExpired: b.HalalStatus == registry.HalalCertified && b.HalalExpiresOn != "" && b.HalalExpiresOn < today}
		for doc, has := range docs {
			if has {
				if perDistrict[b.DistrictCode] == nil {
					perDistrict[b.DistrictCode] = map[string]int{}
				}
				perDistrict[b.DistrictCode][doc]++
			}
		}
		if b.HalalStatus == registry.HalalInProcess {
			want.HalalProcess++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range perDistrict {
		want.NIB += d[registry.DocNIB]
		want.PIRT += d[registry.DocPIRT]
		want.PIRTExpired += d[registry.DocPIRTExpired]
		want.Halal += d[registry.DocHalal]
		want.HalalExpired += d[registry.DocHalalExpired]
	}
	got, err := p.s.HomeStats(ctx, registry.Filter{Today: today})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: HomeStats = %+v, %v\nwant %+v", what, got, err, want)
	}
	for _, doc := range []string{"", registry.DocNIB, registry.DocPIRT, registry.DocPIRTExpired, registry.DocHalal,
		registry.DocHalalExpired} {
		rows, err := p.s.DistrictStats(ctx, registry.Filter{Doc: doc, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		gotDoc := map[string]int{}
		for _, r := range rows {
			gotDoc[r.Code] = r.Businesses
		}
		wantDoc := map[string]int{}
		for code, d := range perDistrict {
			if d[doc] > 0 {
				wantDoc[code] = d[doc]
			}
		}
		if !reflect.DeepEqual(gotDoc, wantDoc) {
			t.Fatalf("%s: DistrictStats(doc %q) = %v, want %v", what, doc, gotDoc, wantDoc)
		}
	}
	p.compareAreas(what, active)
}

// compareAreas sets the statistics of an area, a class, a sector or a
// document, read from the counts, against the same filter with the active
// businesses' ids added, which the counts cannot answer: the register is
// counted instead.
func (p *countsRun) compareAreas(what string, active []int64) {
	t := p.t
	t.Helper()
	for _, f := range []registry.Filter{
		{Scope: registry.Scope{Regions: []string{cikande}}},
		{Scope: registry.Scope{Regions: []string{p.villages[0].Code, kramatwatu}}},
		{Scope: registry.Scope{Regions: []string{"36.04"}}},
		{District: kramatwatu, SizeClass: registry.Mikro},
		{Village: p.villages[1].Code, Doc: registry.DocPIRTExpired},
		{Sector: "G", Doc: registry.DocNoHalal},
		{Sector: "C", Doc: registry.DocHalalExpired},
		{Doc: registry.DocNoNIB, Scope: registry.Scope{Regions: []string{cikande}}},
	} {
		f.Today = today
		scan := f
		scan.IDs = append(active, -1) // never empty
		home, err := p.s.HomeStats(ctx, f)
		homeScan, errScan := p.s.HomeStats(ctx, scan)
		if err != nil || errScan != nil || !reflect.DeepEqual(home, homeScan) {
			t.Fatalf("%s: HomeStats(%+v) = %+v, %v; counting the register: %+v, %v", what, f, home, err, homeScan, errScan)
		}
		ds, err := p.s.DistrictStats(ctx, f)
		dsScan, errScan := p.s.DistrictStats(ctx, scan)
		if err != nil || errScan != nil || !reflect.DeepEqual(ds, dsScan) {
			t.Fatalf("%s: DistrictStats(%+v) = %+v, %v; counting the register: %+v, %v", what, f, ds, err, dsScan, errScan)
		}
	}
}
