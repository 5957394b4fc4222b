package importer

import (
	"strings"
	"testing"

	"naikkelas/internal/region"
)

func TestRegionMatcher(t *testing.T) {
	m := NewRegionMatcher(region.All(), "36.04")
	ok := []struct{ desa, kec, want string }{
		{"Julang", "Cikande", "36.04.15.2007"},
		{"JULANG", "Kec. Cikande", "36.04.15.2007"},
		{"Ds. Julang", "Kecamatan Cikande", "36.04.15.2007"},
		{"Desa Julang", "", "36.04.15.2007"},
		{"julang", "36.04.15", "36.04.15.2007"},
		{"36.04.15.2007", "", "36.04.15.2007"},
		{"36.04.15.2007", "Cikande", "36.04.15.2007"},
		{"Puloampel", "Puloampel", "36.04.08.2001"},
		{"Lebakwangi", "Lebakwangi", "36.04.35.2003"},
		{"Tunjungteja", "Tunjung Teja", "36.04.20.2001"},
		{"Leuwilimus", "Cikande", "36.04.15.2002"},
		{"Songgom Jya", "Cikande", "36.04.15.2012"}, // one letter missing
		{"Sukamanah", "36.04.22", "36.04.22.2009"},
	}
	for _, c := range ok {
		got, err := m.Match(c.desa, c.kec)
		if err != nil || got != c.want {
			t.Errorf("Match(%q, %q) = %q, %v; want %q", c.desa, c.kec, got, err, c.want)
		}
	}
	bad := []struct{ desa, kec, reason string }{
		{"Sukamanah", "", "ambigu"},
		{"Sukamanah", "", "36.04.14.2004"},
		{"Sukamanah", "", "36.04.22.2009"},
		{"Antah Berantah", "Cikande", "tidak ditemukan di Kecamatan Cikande"},
		{"Julang", "Kramatwatu", "tidak ditemukan"},
		{"Julang", "Gotham", "Kecamatan \"Gotham\" tidak ditemukan"},
		{"36.03.30.2002", "", "di luar wilayah"},
		{"36.04.15.2007", "Kibin", "tidak berada di Kecamatan Kibin"},
		{"36.04.15.9999", "", "tidak dikenal"},
		{"", "Cikande", "Desa wajib diisi"},
		{"3604010", "", "tidak dikenal"}, // a BPS code is not a Kemendagri code
	}
	for _, c := range bad {
		got, err := m.Match(c.desa, c.kec)
		if err == nil || !strings.Contains(err.Error(), c.reason) {
			t.Errorf("Match(%q, %q) = %q, %v; want reason containing %q", c.desa, c.kec, got, err, c.reason)
		}
	}
}

func TestRegionMatcherDistrictJurisdiction(t *testing.T) {
	m := NewRegionMatcher(region.All(), "36.04.15")
	if got, err := m.Match("Julang", ""); err != nil || got != "36.04.15.2007" {
		t.Errorf("got %q %v", got, err)
	}
	if _, err := m.Match("Kragilan", "Kragilan"); err == nil {
		t.Error("a village outside the jurisdiction matched")
	}
}

func FuzzRegionMatch(f *testing.F) {
	m := NewRegionMatcher(region.All(), "36.04")
	f.Add("Julang", "Cikande")
	f.Add("36.04.15.2007", "")
	f.Add("Ds. Sukamanah", "Kec.")
	f.Add("..", "9")
	f.Fuzz(func(t *testing.T, desa, kec string) {
		code, err := m.Match(desa, kec)
		if (err == nil) == (code == "") {
			t.Fatalf("Match(%q,%q) = %q, %v: want exactly one of code or reason", desa, kec, code, err)
		}
		if err == nil && !region.Within(code, "36.04") {
			t.Fatalf("Match(%q,%q) = %q outside the jurisdiction", desa, kec, code)
		}
	})
}
