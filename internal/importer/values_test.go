package importer

import (
	"strings"
	"testing"

	"naikkelas/internal/registry"
)

func TestParsePhone(t *testing.T) {
	ok := map[string]string{
		"0812-3456-7890":      "+6281234567890",
		"+62 812 3456 7890":   "+6281234567890",
		"6281234567890":       "+6281234567890",
		"81234567890":         "+6281234567890",
		"'081234567890":       "+6281234567890",
		"0812.3456.7890":      "+6281234567890",
		"0812-111-222 / 0813": "+62812111222",
		"81234567890.0":       "+6281234567890",
	}
	for in, want := range ok {
		if got, err := ParsePhone(in); err != nil || got != want {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0254-123456", "8.12346E+10", "abc", "0812"} {
		if got, err := ParsePhone(in); err == nil {
			t.Errorf("ParsePhone(%q) = %q, want an error", in, got)
		}
	}
	if _, err := ParsePhone("8.12346E+10"); err == nil || !strings.Contains(err.Error(), "notasi ilmiah") {
		t.Errorf("scientific phone: %v", err)
	}
}

func TestParseNIK(t *testing.T) {
	if got, err := ParseNIK(" 3604051203900001 "); err != nil || got != "3604051203900001" {
		t.Errorf("valid NIK: %q %v", got, err)
	}
	if got, err := ParseNIK("'3604055203900001"); err != nil || got != "3604055203900001" {
		t.Errorf("apostrophe NIK: %q %v", got, err)
	}
	for _, in := range []string{"3.60405E+15", "3,60405E+15", "3.604051203900001E15"} {
		if _, err := ParseNIK(in); err == nil || err.Error() != registry.ErrNIKScientific {
			t.Errorf("ParseNIK(%q) = %v, want the scientific-notation reason", in, err)
		}
	}
	for _, in := range []string{"360405120390", "3604051399900001", "36040512039000AB"} {
		if _, err := ParseNIK(in); err == nil {
			t.Errorf("ParseNIK(%q) accepted", in)
		}
	}
}

func TestParseSmallValues(t *testing.T) {
	if v, err := ParseNIB("1234567890123"); err != nil || v != "1234567890123" {
		t.Errorf("NIB: %q %v", v, err)
	}
	if _, err := ParseNIB("1.23457E+12"); err == nil || !strings.Contains(err.Error(), "notasi ilmiah") {
		t.Errorf("NIB sci: %v", err)
	}
	for in, want := range map[string]string{"L": "L", "laki-laki": "L", "Perempuan": "P", "P": "P", "wanita": "P"} {
		if g, err := ParseGender(in); err != nil || g != want {
			t.Errorf("ParseGender(%q) = %q %v", in, g, err)
		}
	}
	if _, err := ParseGender("X"); err == nil {
		t.Error("gender X accepted")
	}
	for in, want := range map[string]string{"Sudah": "certified", "proses": "in_process", "Belum": "none", "certified": "certified"} {
		if g, err := ParseHalalStatus(in); err != nil || g != want {
			t.Errorf("ParseHalalStatus(%q) = %q %v", in, g, err)
		}
	}
	for in, want := range map[string]string{"c": "C", "C - Industri Pengolahan": "C", "G": "G"} {
		if g, err := ParseSector(in); err != nil || g != want {
			t.Errorf("ParseSector(%q) = %q %v", in, g, err)
		}
	}
	if _, err := ParseSector("Z"); err == nil {
		t.Error("sector Z accepted")
	}
	bt := []struct{ in, kbli, sector string }{
		{"10792", "10792", ""}, {"Warung makan", "", "I"}, {"Toko kelontong", "", "G"},
		{"Produksi keripik", "", "C"}, {"Bengkel motor", "", "S"}, {"lain-lain", "", ""},
	}
	for _, c := range bt {
		if k, s := ParseBusinessType(c.in); k != c.kbli || s != c.sector {
			t.Errorf("ParseBusinessType(%q) = %q,%q", c.in, k, s)
		}
	}
	if k, err := ParseKBLI("1079"); err != nil || k != "01079" {
		t.Errorf("KBLI: %q %v", k, err)
	}
	if n, err := ParseCount("3 orang"); err != nil || n != 3 {
		t.Errorf("count: %d %v", n, err)
	}
	if _, err := ParseCount("-2"); err == nil {
		t.Error("negative count accepted")
	}
	if y, err := ParseYear("2019", 2026); err != nil || y != 2019 {
		t.Errorf("year: %d %v", y, err)
	}
	if _, err := ParseYear("2030", 2026); err == nil {
		t.Error("future year accepted")
	}
	if p := ParseProducts("Emping; Keripik, Kopi"); len(p) != 3 || p[2].Name != "Kopi" {
		t.Errorf("products: %+v", p)
	}
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"0812-3456-7890", "+62 812", "81234567890", "8.12E+10", "62"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParsePhone(s)
		if err == nil && !strings.HasPrefix(v, "+628") {
			t.Fatalf("ParsePhone(%q) = %q", s, v)
		}
		if err != nil && v != "" {
			t.Fatalf("ParsePhone(%q): value and error", s)
		}
	})
}
