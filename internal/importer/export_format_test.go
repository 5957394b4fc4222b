package importer_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// An export is read back as a spreadsheet program reads it: money is a
// number shown in rupiah, dates are date cells, codes are words.
func TestExportCellTypesAndFormats(t *testing.T) {
	st := openStore(t)
	svc := registry.NewService(st, "36.04")
	seed(t, svc)
	var buf bytes.Buffer
	err := importer.WriteXLSX(&buf, region.All(), func(fn func(*registry.Business) error) error {
		return svc.Each(context.Background(), auth.System, registry.Filter{Sort: "name"}, fn)
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	col := map[string]string{}
	for i, h := range importer.ExportColumns {
		c, _ := excelize.ColumnNumberToName(i + 1)
		col[h] = c
	}
	// find the row of "Warung Bu Ela" (woman, birth date) and of the first business
	rows, _ := f.GetRows("UMKM")
	rowOf := map[string]int{}
	for i, r := range rows {
		if len(r) > 1 {
			rowOf[strings.TrimPrefix(r[1], "'")] = i + 1
		}
	}
	ela, first := rowOf["Warung Bu Ela"], rowOf[`=HYPERLINK("http://x")`]
	if ela == 0 || first == 0 {
		t.Fatalf("rows %v", rowOf)
	}
	cell := func(h string, row int) string { return col[h] + itoa(row) }
	format := func(h string, row int) string {
		t.Helper()
		id, err := f.GetCellStyle("UMKM", cell(h, row))
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if s.CustomNumFmt == nil {
			return ""
		}
		return *s.CustomNumFmt
	}
	number := func(h string, row int) string {
		t.Helper()
		typ, _ := f.GetCellType("UMKM", cell(h, row))
		v, _ := f.GetCellValue("UMKM", cell(h, row), excelize.Options{RawCellValue: true})
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s (%s) is text %q, want a number", h, cell(h, row), v)
		}
		return v
	}
	if v := number("Omzet per Tahun", first); v != "120000000" || !strings.Contains(format("Omzet per Tahun", first), `"Rp"`) {
		t.Errorf("Omzet per Tahun = %q in format %q, want 120000000 in rupiah", v, format("Omzet per Tahun", first))
	}
	if v := number("Modal", first); v != "20000000" || !strings.Contains(format("Modal", first), `"Rp"`) {
		t.Errorf("Modal = %q in format %q", v, format("Modal", first))
	}
	if v := number("Tanggal Lahir", ela); v != "31172" || format("Tanggal Lahir", ela) != "dd/mm/yyyy" { // 1985-05-05
		t.Errorf("Tanggal Lahir = %q in format %q, want a date cell", v, format("Tanggal Lahir", ela))
	}
	if v := number("Halal Berlaku Sampai", first); v != "46783" || format("Halal Berlaku Sampai", first) != "dd/mm/yyyy" { // 2028-01-31
		t.Errorf("Halal Berlaku Sampai = %q", v)
	}
	// counts grouped by thousands; the ID, the year and coordinates as they are
	for h, want := range map[string]string{"Tenaga Kerja": "#,##0", "ID": "", "Tahun Berdiri": "", "Lintang": "", "Bujur": ""} {
		if got := format(h, first); got != want {
			t.Errorf("%s: number format %q, want %q", h, got, want)
		}
	}
	if v := number("Tahun Berdiri", first); v != "2015" {
		t.Errorf("Tahun Berdiri = %q", v)
	}
	for h, want := range map[string]string{"Jenis Kelamin": "Perempuan", "Status Halal": "Proses"} {
		if v, _ := f.GetCellValue("UMKM", cell(h, ela)); v != want {
			t.Errorf("%s = %q, want %q", h, v, want)
		}
	}
	if v, _ := f.GetCellValue("UMKM", cell("Nama Sektor", first)); v != region.SectorName("C") || v == "" {
		t.Errorf("Nama Sektor = %q beside sector C", v)
	}
	if v, _ := f.GetCellValue("UMKM", cell("Tanggal Lahir", first)); v != "" {
		t.Errorf("an unknown birth date is an empty cell, got %q", v)
	}
}

// A rejected row keeps its numbers as numbers in the report, and its
// identifiers as text.
func TestRejectionReportKeepsNumbers(t *testing.T) {
	st := openStore(t)
	f := excelize.NewFile()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"No", "Nama Usaha", "Nama Pemilik", "NIK", "Desa", "Kecamatan", "Omzet", "Tenaga Kerja", "KBLI"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{7, "Kopi", "Eman", "3604051203900003", "Antah", "Cikande", 150000000, 3, "01111"})
	var in bytes.Buffer
	if err := f.Write(&in); err != nil {
		t.Fatal(err)
	}
	imp, outs := runImport(t, st, "x.xlsx", in.Bytes(), importer.Options{})
	if imp.Summary.Rejected != 1 || imp.Report == nil {
		t.Fatalf("summary %+v, %+v", imp.Summary, outs)
	}
	r, err := excelize.OpenReader(bytes.NewReader(imp.Report))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for c, text := range map[string]bool{"A2": false, "G2": false, "H2": false, "J2": false, "D2": true, "I2": true} {
		typ, _ := r.GetCellType("Ditolak", c)
		v, _ := r.GetCellValue("Ditolak", c)
		if isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString; isText != text {
			t.Errorf("report %s = %q: text %v, want text %v", c, v, isText, text)
		}
	}
	if v, _ := r.GetCellValue("Ditolak", "I2"); v != "01111" {
		t.Errorf("KBLI lost its leading zero: %q", v)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
