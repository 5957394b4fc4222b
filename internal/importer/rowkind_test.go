package importer

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseGroupLabel(t *testing.T) {
	ok := []struct{ in, level, name string }{
		{"KECAMATAN CIKANDE", GroupDistrict, "CIKANDE"},
		{"KEC. KIBIN", GroupDistrict, "KIBIN"},
		{"Kec Pulo Ampel", GroupDistrict, "Pulo Ampel"},
		{"II. Kecamatan: Ciruas", GroupDistrict, "Ciruas"},
		{"1. KECAMATAN LEBAK WANGI", GroupDistrict, "LEBAK WANGI"},
		{"DESA NAMBO UDIK", GroupVillage, "NAMBO UDIK"},
		{"Ds. Julang", GroupVillage, "Julang"},
		{"Desa/Kel. Koper", GroupVillage, "Koper"},
		{"KELURAHAN SERANG", GroupVillage, "SERANG"},
	}
	for _, c := range ok {
		lv, name, found := ParseGroupLabel(c.in)
		if !found || lv != c.level || name != c.name {
			t.Errorf("ParseGroupLabel(%q) = %q, %q, %v; want %q, %q", c.in, lv, name, found, c.level, c.name)
		}
	}
	for _, in := range []string{"", "CIKANDE", "Kecamatan", "Kecap Kaserangan", "Desain Grafis Kita", "Kecamatan 36.04.15",
		"DESA WISATA KOPI LUWAK ORGANIK BARU", "Kelompok Tani", "KEC."} {
		if lv, name, found := ParseGroupLabel(in); found {
			t.Errorf("ParseGroupLabel(%q) = %q, %q; want no label", in, lv, name)
		}
	}
}

func FuzzParseGroupLabel(f *testing.F) {
	for _, s := range []string{"KECAMATAN CIKANDE", "KEC. KIBIN", "II. Desa: Nambo Udik", "Desa/Kel. X", "1) kec", "Ds."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lv, name, ok := ParseGroupLabel(s)
		if !ok {
			if lv != "" || name != "" {
				t.Fatalf("ParseGroupLabel(%q) = %q, %q without a label", s, lv, name)
			}
			return
		}
		if lv != GroupDistrict && lv != GroupVillage || name == "" || len(name) > 40 || !utf8.ValidString(name) ||
			name != strings.TrimSpace(name) {
			t.Fatalf("ParseGroupLabel(%q) = %q, %q", s, lv, name)
		}
	})
}

func TestRowKind(t *testing.T) {
	cases := []struct {
		cells       []string
		kind, label string
	}{
		{[]string{"", " ", ""}, SkipBlank, ""},
		{[]string{"KECAMATAN CIKANDE"}, SkipGroup, "KECAMATAN CIKANDE"},
		{[]string{"", "KEC. KIBIN", "", ""}, SkipGroup, "KEC. KIBIN"},
		{[]string{"II", "Kecamatan Ciruas"}, SkipGroup, "Kecamatan Ciruas"},
		{[]string{"JUMLAH KEC. CIKANDE", "", "", "", "", "168000000"}, SkipSubtotal, "JUMLAH KEC. CIKANDE"},
		{[]string{"", "Sub Total", "12", "Rp 5.000.000"}, SkipSubtotal, "Sub Total"},
		{[]string{"JUMLAH", "", "240000000"}, SkipTotal, "JUMLAH"},
		{[]string{"", "TOTAL", "-", "6"}, SkipTotal, "TOTAL"},
		{[]string{"Grand Total:", "1.000"}, SkipTotal, "Grand Total:"},
		// businesses
		{[]string{"1", "Total Snack", "Ujang", "Julang"}, "", ""},
		{[]string{"1", "Kecap Kaserangan", "Pemilik", "Kaserangan"}, "", ""},
		{[]string{"Desa Wisata Cibeber", "Asep"}, "", ""},
		{[]string{"KECAMATAN CIKANDE", "Dodol"}, "", ""},
	}
	for _, c := range cases {
		kind, _, _, label := rowKind(c.cells)
		if kind != c.kind || label != c.label {
			t.Errorf("rowKind(%q) = %q, %q; want %q, %q", c.cells, kind, label, c.kind, c.label)
		}
	}
}

func TestParseFoundedYear(t *testing.T) {
	ok := map[string]int{"2015": 2015, "2015.0": 2015, "15 Maret 2015": 2015, "15/03/2015": 2015, "2015-03-15": 2015,
		"42078": 2015, "01-07-2018": 2018}
	for in, want := range ok {
		if got, err := ParseFoundedYear(in, 2026); err != nil || got != want {
			t.Errorf("ParseFoundedYear(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"2030", "15 Maret 2030", "lama", "1850", "31/02/2015", "15"} {
		if got, err := ParseFoundedYear(in, 2026); err == nil {
			t.Errorf("ParseFoundedYear(%q) = %d, want an error", in, got)
		}
	}
}

func FuzzParseFoundedYear(f *testing.F) {
	for _, s := range []string{"2015", "15 Maret 2015", "15/03/2015", "42078", "2015-03-15", "x"} {
		f.Add(s)
	}
	max := time.Now().Year()
	f.Fuzz(func(t *testing.T, s string) {
		y, err := ParseFoundedYear(s, max)
		if err == nil && (y < 1900 || y > max) {
			t.Fatalf("ParseFoundedYear(%q) = %d", s, y)
		}
		if err != nil && (y != 0 || err.Error() == "") {
			t.Fatalf("ParseFoundedYear(%q) = %d with error %v", s, y, err)
		}
	})
}

func TestMergedRanges(t *testing.T) {
	if r, ok := parseRange("B3:C4"); !ok || r != (cellRange{Row1: 3, Row2: 4, Col1: 1, Col2: 2}) {
		t.Errorf("parseRange(B3:C4) = %+v, %v", r, ok)
	}
	for _, bad := range []string{"", "A1", "C4:B3", "A0:B1", "a1:b2", "A1:B1048577"} {
		if _, ok := parseRange(bad); ok {
			t.Errorf("parseRange(%q) accepted", bad)
		}
	}
	// a kecamatan merged down rows 3–5 reaches each of them; a title merged
	// across row 1 is left to the header
	f := mergeFill{merges: []cellRange{{Row1: 1, Row2: 1, Col1: 0, Col2: 5}, {Row1: 3, Row2: 5, Col1: 2, Col2: 2}}}
	rows := [][]string{{"JUDUL"}, {"a", "b", "c"}, {"1", "x", "Cikande"}, {"2", "y"}, {}, {"4", "z"}}
	want := [][]string{{"JUDUL"}, {"a", "b", "c"}, {"1", "x", "Cikande"}, {"2", "y", "Cikande"}, {"", "", "Cikande"}, {"4", "z"}}
	for i, r := range rows {
		if got := f.apply(i+1, r); strings.Join(got, "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i+1, got, want[i])
		}
	}
}

func TestHeaderBlockWithoutMerges(t *testing.T) {
	// a two-row header saved as CSV: the merges are gone, the parent names
	// stand in their first column only
	rows := [][]string{
		{"DATA UMKM 2025"},
		{},
		{"NO", "NAMA USAHA", "IDENTITAS PEMILIK", "", "ALAMAT", "", "OMZET (Rp)", "", "TANGGAL BERDIRI"},
		{"", "", "NAMA", "NIK", "DESA", "KECAMATAN", "PER BULAN", "PER TAHUN", ""},
		{"1", "Keripik", "Eti", "3604154107800001", "Julang", "Cikande", "5000000", "", "15/03/2015"},
	}
	first, n := bestHeaderBlock(rows, nil)
	if first != 2 || n != 2 {
		t.Fatalf("header block at row %d, %d rows; want row 3, 2 rows", first+1, n)
	}
	h := MapHeader(blockNames(rows, first, n, nil), nil)
	want := []Field{FInfo, FName, FOwnerName, FNIK, FVillage, FDistrict, FMonthlyRevenue, FRevenue, FFoundedYear}
	for i, f := range want {
		if h.Columns[i].Field != f {
			t.Errorf("column %s %q → %q, want %q", h.Columns[i].Letter, h.Columns[i].Header, h.Columns[i].Field, f)
		}
	}
	if h.Columns[3].Header != "IDENTITAS PEMILIK / NIK" {
		t.Errorf("column D named %q", h.Columns[3].Header)
	}
	// a title right above a one-row header is no parent of its columns
	titled := [][]string{{"DATA UMKM KECAMATAN CIKANDE"}, {"Kode", "Nama UMKM", "Pemilik", "No. HP"}, {"A1", "Sate", "Asep", "0877"}}
	if first, n := bestHeaderBlock(titled, nil); first != 1 || n != 1 {
		t.Errorf("titled header at row %d, %d rows; want row 2 alone", first+1, n)
	}
	// the combined names are headers themselves: a rejection report
	// written with them imports as is
	for i, c := range h.Columns {
		if f, _ := LookupHeader(c.Header); f != want[i] {
			t.Errorf("LookupHeader(%q) = %q, want %q", c.Header, f, want[i])
		}
	}
}
