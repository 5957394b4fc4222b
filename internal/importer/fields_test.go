package importer

import (
	"slices"
	"testing"
	"time"

	"naikkelas/internal/region"
)

// fieldSamples holds a valid cell for every field of the table. A field
// added to the table without a sample fails TestFieldTable.
var fieldSamples = map[Field]string{
	FName: "Emping Bu Sari", FBrand: "Sari Rasa", FOwnerName: "Sari", FNIK: "3604014501800002",
	FOwnerGender: "P", FOwnerBirthDate: "05/01/1980", FPhone: "0812-3456-7890", FEmail: "SARI@Example.ID",
	FVillage: "Julang", FVillageCode: "36.04.15.2007", FDistrict: "Cikande", FAddress: "Kp. Julang RT 01",
	FLatitude: "-6,1234", FLongitude: "106.3456", FKBLI: "10794", FSector: "C", FBusinessType: "warung kopi",
	FFoundedYear: "2015", FEmployees: "3 orang", FRevenue: "Rp 120.000.000", FMonthlyRevenue: "10 jt",
	FCapital: "25 jt", FYear: "2025", FNIB: "1234567890123", FPIRT: "P-IRT 2063604010123-26",
	FPIRTExpires: "2030-01-31", FHalalStatus: "Proses", FHalalNumber: "ID36110000123450924",
	FHalalExpires: "31 Desember 2029", FBPOM: "MD 123", FHKI: "IDM000123456", FProducts: "Emping; Keripik",
	FNotes: "binaan 2024", FInfo: "7", FIgnore: "x",
}

func TestFieldTable(t *testing.T) {
	seen := map[Field]bool{}
	for _, s := range fields {
		if seen[s.field] {
			t.Errorf("field %q listed twice", s.field)
		}
		seen[s.field] = true
		if _, ok := fieldSamples[s.field]; !ok {
			t.Errorf("field %q has no sample in fieldSamples", s.field)
		}
		if s.label == "" {
			t.Errorf("field %q has no label", s.field)
		}
		if (s.value.read == nil) != (s.field == FInfo || s.field == FIgnore) {
			t.Errorf("field %q: only info and ignore columns are not read", s.field)
		}
	}
	if len(fields) > 64 {
		t.Fatalf("%d fields do not fit a fieldSet", len(fields))
	}
	// No header names two fields: the table's order must not decide.
	owner := map[string]Field{}
	for _, s := range fields {
		for _, a := range s.aliases {
			n := NormalizeHeader(a)
			if f, dup := owner[n]; dup && f != s.field {
				t.Errorf("header %q names both %q and %q", a, f, s.field)
			}
			owner[n] = s.field
		}
	}
	for _, s := range fields {
		if s.field == FIgnore {
			continue
		}
		if f, ok := LookupHeader(string(s.field)); !ok || f != s.field {
			t.Errorf("API name %q → %q", s.field, f)
		}
		if f, ok := LookupHeader(s.label); s.field != FInfo && (!ok || f != s.field) {
			t.Errorf("label %q → %q, want %q", s.label, f, s.field)
		}
	}
}

// TestEveryFieldReadsAndApplies reads a row with one column per field and
// applies it to an empty business: every attribute the table can apply
// changes once, and a second apply changes nothing.
func TestEveryFieldReadsAndApplies(t *testing.T) {
	var head, cells []string
	for _, s := range fields {
		if s.field == FMonthlyRevenue || s.field == FBusinessType || s.field == FVillageCode {
			continue // they fill what another column already fills
		}
		head, cells = append(head, s.label), append(cells, fieldSamples[s.field])
	}
	in := &Interpreter{Header: MapHeader(head, nil), Regions: NewRegionMatcher(region.All(), "36.04"),
		Now: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
	c := in.Interpret(2, cells)
	if len(c.Reasons) > 0 || len(c.Warnings) > 0 {
		t.Fatalf("reasons %v, warnings %v", c.Reasons, c.Warnings)
	}
	var b business
	changed := applyAttrs(&b, c)
	var want []string
	for _, s := range fields {
		if s.value.apply != nil {
			want = append(want, s.attrName())
		}
	}
	if !slices.Equal(changed, want) {
		t.Errorf("changed %v, want %v", changed, want)
	}
	if b.Email != "sari@example.id" || b.PIRTNumber != "PIRT206360401012326" || b.VillageCode != "36.04.15.2007" ||
		b.DistrictCode != "36.04.15" || *b.Latitude != -6.1234 || b.Employees != 3 || len(b.Products) != 2 {
		t.Errorf("applied business: %+v", b)
	}
	if c.Money == nil || c.Money.Revenue != 120_000_000 || c.Money.Capital != 25_000_000 || c.Money.Year != 2025 {
		t.Errorf("money: %+v", c.Money)
	}
	if again := applyAttrs(&b, c); len(again) != 0 {
		t.Errorf("second apply changed %v", again)
	}
}

func TestBusinessTypeAndMonthlyRevenue(t *testing.T) {
	in := &Interpreter{Header: MapHeader([]string{"Nama Usaha", "KBLI", "Jenis Usaha", "Omzet per Bulan"}, nil),
		Regions: NewRegionMatcher(region.All(), "36.04"), Now: time.Now()}
	c := in.Interpret(2, []string{"A", "10794", "warung kopi", "1 jt"})
	if c.Business.KBLI != "10794" || c.Business.Sector != "G" || !c.Has(FSector) || c.Money.Revenue != 12_000_000 {
		t.Errorf("got KBLI %q sector %q money %+v", c.Business.KBLI, c.Business.Sector, c.Money)
	}
	c = in.Interpret(3, []string{"A", "", "menenun songket", ""})
	if len(c.Warnings) != 1 || c.Has(FSector) || c.Has(FKBLI) {
		t.Errorf("unplaced words: warnings %v", c.Warnings)
	}
}
