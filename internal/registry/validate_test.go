package registry

import (
	"strings"
	"testing"
	"time"

	"naikkelas/internal/region"
)

var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func validBusiness() *Business {
	return &Business{
		Name: "Emping Melinjo Bu Siti", OwnerName: "Siti Aminah", NIK: "3604155203850001",
		OwnerGender: "P", OwnerBirthDate: "1985-03-12", Phone: "0812-3456-7890",
		VillageCode: "36.04.15.2001", Sector: "c", FoundedYear: 2015, AnnualRevenue: 120_000_000,
	}
}

func TestValidateAcceptsAValidBusiness(t *testing.T) {
	b := validBusiness()
	b.Normalize()
	if f := b.Validate(region.All(), "36.04", testNow); len(f) != 0 {
		t.Fatalf("unexpected errors: %v", f)
	}
	if b.Phone != "+6281234567890" || b.Sector != "C" || b.DistrictCode != "36.04.15" || b.HalalStatus != HalalNone {
		t.Fatalf("normalisation wrong: %+v", b)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Business)
		field  string
		msg    string
	}{
		{"name required", func(b *Business) { b.Name = " " }, "name", "wajib"},
		{"owner required", func(b *Business) { b.OwnerName = "" }, "owner_name", "wajib"},
		{"village required", func(b *Business) { b.VillageCode = "" }, "village_code", "wajib"},
		{"village unknown", func(b *Business) { b.VillageCode = "36.04.15.9999" }, "village_code", "tidak dikenal"},
		{"district is not a village", func(b *Business) { b.VillageCode = "36.04.15" }, "village_code", "tidak dikenal"},
		{"village outside jurisdiction", func(b *Business) { b.VillageCode = "36.01.01.2001" }, "village_code", "di luar wilayah"},
		{"nik scientific", func(b *Business) { b.NIK = "3.60405E+15" }, "nik", "notasi ilmiah"},
		{"nik short", func(b *Business) { b.NIK = "360415" }, "nik", "16 digit"},
		{"gender contradicts nik", func(b *Business) { b.OwnerGender = "L" }, "owner_gender", "NIK"},
		{"birth date contradicts nik", func(b *Business) { b.OwnerBirthDate = "1985-03-13" }, "owner_birth_date", "NIK"},
		{"phone landline", func(b *Business) { b.Phone = "0254-123456" }, "phone", "seluler"},
		{"nib length", func(b *Business) { b.NIB = "12345" }, "nib", "13 digit"},
		{"negative revenue", func(b *Business) { b.AnnualRevenue = -1 }, "annual_revenue", "negatif"},
		{"negative capital", func(b *Business) { b.Capital = -5 }, "capital", "negatif"},
		{"sector unknown", func(b *Business) { b.Sector = "Z" }, "sector", "KBLI"},
		{"kbli digits", func(b *Business) { b.KBLI = "1079" }, "kbli", "5 digit"},
		{"founded in future", func(b *Business) { b.FoundedYear = 2030 }, "founded_year", "antara"},
		{"email", func(b *Business) { b.Email = "bukan-email" }, "email", "email"},
		{"halal status", func(b *Business) { b.HalalStatus = "maybe" }, "halal_status", "none"},
		{"pirt short", func(b *Business) { b.PIRTNumber = "123" }, "pirt_number", "15 digit"},
		{"bpom prefix", func(b *Business) { b.BPOMNumber = "XX123456789012" }, "bpom_number", "MD"},
		{"pirt date", func(b *Business) { b.PIRTExpiresOn = "31/12/2026" }, "pirt_expires_on", "TTTT"},
		{"product name", func(b *Business) { b.Products = []Product{{Name: "", Price: 1}} }, "products.0.name", "wajib"},
		{"latitude", func(b *Business) { v := 40.0; b.Latitude = &v }, "latitude", "Indonesia"},
		{"revenue at int64's end", func(b *Business) { b.AnnualRevenue = 9223372036854775807 }, "annual_revenue", "tidak wajar"},
		{"revenue above Rp10^15", func(b *Business) { b.AnnualRevenue = MaxRupiah + 1 }, "annual_revenue", "tidak wajar"},
		{"capital above Rp10^15", func(b *Business) { b.Capital = MaxRupiah + 1 }, "capital", "tidak wajar"},
		{"employees above a million", func(b *Business) { b.Employees = MaxEmployees + 1 }, "employees", "tidak wajar"},
		{"negative employees", func(b *Business) { b.Employees = -1 }, "employees", "negatif"},
		{"price above Rp10^15", func(b *Business) { b.Products = []Product{{Name: "Emping", Price: MaxRupiah + 1}} }, "products.0.price", "tidak wajar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := validBusiness()
			tt.mutate(b)
			b.Normalize()
			f := b.Validate(region.All(), "36.04", testNow)
			if !strings.Contains(f[tt.field], tt.msg) {
				t.Fatalf("field %s: got %q (all: %v), want it to mention %q", tt.field, f[tt.field], f, tt.msg)
			}
		})
	}
}

func TestValidateAllIndonesiaJurisdiction(t *testing.T) {
	b := validBusiness()
	b.NIK, b.OwnerGender, b.OwnerBirthDate = "", "", ""
	b.VillageCode = "11.01.01.2001"
	b.Normalize()
	if f := b.Validate(region.All(), "", testNow); len(f) != 0 {
		t.Fatalf("a village anywhere is valid without a jurisdiction: %v", f)
	}
}

func TestMask(t *testing.T) {
	b := &Business{NIK: "3604155203850001", Phone: "+6281234567890", Email: "siti@contoh.id", OwnerBirthDate: "1985-03-12"}
	b.Mask()
	if b.NIK != "3604**********01" {
		t.Errorf("NIK masked as %q", b.NIK)
	}
	if b.Phone != "+6281*******90" {
		t.Errorf("phone masked as %q", b.Phone)
	}
	if b.Email != "s***@contoh.id" {
		t.Errorf("email masked as %q", b.Email)
	}
	if b.OwnerBirthDate != "1985-**-**" {
		t.Errorf("birth date masked as %q", b.OwnerBirthDate)
	}
	empty := &Business{}
	empty.Mask()
	if empty.NIK != "" || empty.Phone != "" || empty.Email != "" {
		t.Errorf("masking empty fields invented data: %+v", empty)
	}
}

func TestMeasurementValidate(t *testing.T) {
	m := &Measurement{Year: 2025, AnnualRevenue: Known(1), Source: SourceSelfReport}
	if f := m.Validate(testNow); len(f) != 0 {
		t.Fatalf("valid measurement rejected: %v", f)
	}
	bad := &Measurement{Year: 2030, AnnualRevenue: Known(-1), Source: ""}
	f := bad.Validate(testNow)
	for _, k := range []string{"year", "annual_revenue", "source"} {
		if f[k] == "" {
			t.Errorf("expected an error on %s, got %v", k, f)
		}
	}
	// The bounds are the business's; the source is one of MeasurementSources.
	huge := &Measurement{Year: 2025, AnnualRevenue: Known(MaxRupiah + 1), Capital: Known(9223372036854775807), Employees: MaxEmployees + 1,
		Source: "sumber bebas"}
	f = huge.Validate(testNow)
	for _, k := range []string{"annual_revenue", "capital", "employees", "source"} {
		if f[k] == "" {
			t.Errorf("expected an error on %s, got %v", k, f)
		}
	}
	edge := &Measurement{Year: 2025, AnnualRevenue: Known(MaxRupiah), Capital: Known(MaxRupiah), Employees: MaxEmployees, Source: SourceOfficerVerified}
	if f := edge.Validate(testNow); len(f) != 0 {
		t.Errorf("the bounds themselves rejected: %v", f)
	}
}

// On 1 January at 01.00 WIB (still 31 December in UTC) the new year is this
// year in Serang: its measurement is not "in the future".
func TestValidateYearIsWIB(t *testing.T) {
	newYear := time.Date(2026, 12, 31, 18, 0, 0, 0, time.UTC)
	m := &Measurement{Year: 2027, AnnualRevenue: Known(100_000_000), Source: SourceSelfReport}
	if f := m.Validate(newYear); f["year"] != "" {
		t.Errorf("a 2027 measurement at 01.00 WIB on 1 January 2027: %q", f["year"])
	}
	if f := m.Validate(newYear.Add(-2 * time.Hour)); f["year"] == "" {
		t.Error("a 2027 measurement on 31 December 2026 in Serang was accepted")
	}
}
