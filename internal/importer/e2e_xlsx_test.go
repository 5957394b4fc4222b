package importer_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
)

// messyXLSX builds an OSS/halal-assistant style workbook: a title, header
// variants, a formula with a cached value, a real date cell, a phone stored
// as a number, a NIK in scientific notation, and a second sheet.
func messyXLSX(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	rows := [][]any{
		{"Rekap Pendampingan Halal 2025"},
		{"NO", "NAMA UMKM", "Nama Pemilik", "NIK", "NIB", "No WA", "Kecamatan", "Desa", "Omset", "Omzet per Bulan",
			"Modal Usaha", "Jumlah Karyawan", "Jenis Usaha", "No Sertifikat Halal", "PIRT Berlaku Sampai", "Catatan"},
		{1, "Emping Melinjo Hj. Entin", "Entin", "3604054107800001", "1234567890123", int64(81311112222), "CIKANDE", "JULANG",
			"Rp 250.000.000", nil, "50 jt", 3, "Produksi emping", "ID36110000123450823", nil, "ok"},
		{2, "Bandeng Presto Mang Udin", "Udin", "3604051505850002", "", "0813-4444-5555", "Tanara", "Sukamanah",
			nil, nil, "2 M", 2, "10792", "", nil, ""},
		{3, "Rabeg Bu Ani", "Ani", "3.60405E+15", "", "0813-6666-7777", "Kec. Kibin", "Ds. Kibin", "100 jt", nil, nil, 1, "Warung makan", "", nil, ""},
		{4, "Gipang Abah", "Abah Ujang", "3604051212600003", "9876543210987", "62 812 1000 2000", "Lebakwangi", "Lebakwangi",
			nil, nil, nil, 1, "Kerajinan", "", nil, ""},
		{5, "Emping Melinjo Hj. Entin (ulang)", "Entin", "3604054107800009", "1234567890123", "", "Cikande", "Julang", nil, nil, nil, nil, "", "", nil, ""},
		{6, "Kue Tidak Ada Desanya", "Ika", "", "", "", "Cikande", "", "10 jt", nil, nil, nil, "", "", nil, ""},
		{7, "Jojorong Teh Neng", "Neng", "", "", "0812-1234-0000", "Pontang", "Pontang", nil, nil, "1,5 miliar", nil, "kuliner", "", nil, ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// row 4 (Bandeng): monthly revenue as a formula whose cached value is 5.000.000
	_ = f.SetCellValue(s, "J4", 5000000)
	_ = f.SetCellFormula(s, "J4", "K4/400")
	// row 7 (Gipang): a real date cell
	_ = f.SetCellValue(s, "O6", time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	_ = f.SetCellStyle(s, "O6", "O6", st)
	// a second sheet that --sheet selects
	_, _ = f.NewSheet("Bank")
	_ = f.SetSheetRow("Bank", "A1", &[]any{"Nama Usaha", "Nama Pemilik", "Desa", "Kecamatan", "Omzet"})
	_ = f.SetSheetRow("Bank", "A2", &[]any{"Kopi Gunung Santri", "Eman", "Julang", "Cikande", "1,5 jt"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportMessyXLSX(t *testing.T) {
	st := openStore(t)
	data := messyXLSX(t)
	imp, outs := runImport(t, st, "halal-2025.xlsx", data, importer.Options{Source: "Pendampingan Halal 2025"})
	checkRows(t, outs, map[int]want{
		3: {importer.Inserted, ""},
		4: {importer.Inserted, ""},
		5: {importer.Rejected, "notasi ilmiah"},
		6: {importer.Inserted, ""},
		7: {importer.Rejected, "Duplikat dalam berkas: usaha yang sama sudah ada di baris 3"},
		8: {importer.Rejected, "Desa wajib diisi"},
		9: {importer.Inserted, ""},
	})
	if want := (importer.Summary{Total: 7, Inserted: 4, Rejected: 3, DuplicatesInFile: 1, Sheets: []importer.SheetSummary{{Name: "Sheet1", Rows: 7, Read: true}, {Name: "Bank", Rows: 2, Reason: "kolomnya berbeda dengan lembar \"Sheet1\"; pilih lembar ini, atau semua lembar, untuk mengimpornya"}}}); !reflect.DeepEqual(imp.Summary, want) {
		t.Fatalf("summary %+v, want %+v", imp.Summary, want)
	}
	if len(imp.UnknownColumns) != 0 { // Catatan is the business's notes
		t.Errorf("unknown columns %q", imp.UnknownColumns)
	}
	svc := registry.NewService(st, "36.04")
	get := func(row int) *registry.Business {
		b, err := svc.Get(context.Background(), auth.System, outs[row].BusinessID)
		if err != nil {
			t.Fatalf("row %d: %v", row, err)
		}
		return b
	}
	if b := get(3); b.Notes != "ok" || b.Phone != "+6281311112222" || b.VillageCode != "36.04.15.2007" || b.AnnualRevenue != 250_000_000 ||
		b.Capital != 50_000_000 || b.Sector != "C" || b.HalalStatus != registry.HalalCertified || b.NIB != "1234567890123" {
		t.Errorf("row 3 stored as %+v", b)
	}
	if b := get(4); b.AnnualRevenue != 60_000_000 || b.KBLI != "10792" || b.VillageCode != "36.04.14.2004" {
		t.Errorf("row 4 (formula cached value ×12, KBLI, Tanara's Sukamanah): %+v", b)
	}
	if b := get(6); b.PIRTExpiresOn != "2027-03-01" || b.VillageCode != "36.04.35.2003" || b.Phone != "+6281210002000" {
		t.Errorf("row 6 (date cell, Lebakwangi): %+v", b)
	}
	if b := get(9); b.Capital != 1_500_000_000 || b.SizeClass != registry.Kecil || b.SizeBasis != registry.BasisCapital || b.Sector != "C" {
		t.Errorf("row 9 (capital only): %+v", b)
	}

	// The second sheet by name.
	imp2, outs2 := runImport(t, st, "halal-2025.xlsx", data, importer.Options{Sheet: "Bank", Source: "Bank"})
	if imp2.Summary.Inserted != 1 || outs2[2].Outcome != importer.Inserted {
		t.Errorf("sheet Bank: %+v %+v", imp2.Summary, outs2)
	}
	// Importing the workbook again changes nothing.
	imp3, _ := runImport(t, st, "halal-2025.xlsx", data, importer.Options{Source: "Pendampingan Halal 2025"})
	if s := imp3.Summary; s.Inserted != 0 || s.Updated != 0 || s.Unchanged != 4 {
		t.Errorf("re-import %+v, want 4 unchanged", s)
	}
	// The rejection report imports as is: the duplicate row is now the same business.
	imp4, outs4 := runImport(t, st, "ditolak.xlsx", imp.Report, importer.Options{Source: "Pendampingan Halal 2025"})
	if imp4.Summary.Total != 3 || len(imp4.UnknownColumns) != 0 {
		t.Errorf("report re-import %+v, unknown %q", imp4.Summary, imp4.UnknownColumns)
	}
	if outs4[2].Outcome != importer.Rejected || outs4[3].Outcome != importer.Updated && outs4[3].Outcome != importer.Unchanged {
		t.Errorf("report rows: %+v", outs4)
	}
}
