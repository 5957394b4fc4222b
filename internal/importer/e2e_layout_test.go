package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// The workbooks in testdata/layouts were written by LibreOffice from the
// flat ODS files beside them (gen.go makes both): the layouts kecamatan
// staff send, as a real spreadsheet program stores them.

func layout(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "layouts", name+".xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// stored returns the business a row became.
func stored(t *testing.T, svc *registry.Service, outs map[int]importer.RowOutcome, row int) *registry.Business {
	t.Helper()
	o, ok := outs[row]
	if !ok || o.BusinessID == 0 {
		t.Fatalf("row %d: %+v", row, o)
	}
	b, err := svc.Get(context.Background(), auth.System, o.BusinessID)
	if err != nil {
		t.Fatalf("row %d: %v", row, err)
	}
	return b
}

// reimportChangesNothing imports the file again and expects every business
// unchanged and the same rows skipped.
func reimportChangesNothing(t *testing.T, st store.Store, name string, data []byte, opt importer.Options, first *importer.Import) {
	t.Helper()
	again, _ := runImport(t, st, name, data, opt)
	s, f := again.Summary, first.Summary
	if s.Inserted != 0 || s.Updated != 0 || s.Rejected != 0 || s.Unchanged != f.Inserted || s.Skipped != f.Skipped {
		t.Errorf("re-import %+v after %+v: want every business unchanged", s, f)
	}
}

func TestImportMultiRowMergedHeader(t *testing.T) {
	st := openStore(t)
	data := layout(t, "header-bertingkat")
	opt := importer.Options{Source: "Rekap Dinas 2025"}
	imp, outs := runImport(t, st, "header-bertingkat.xlsx", data, opt)
	want := importer.Summary{Total: 6, Inserted: 6,
		Sheets: []importer.SheetSummary{{Name: "Data UMKM", Rows: 6, Read: true}}}
	if !reflect.DeepEqual(imp.Summary, want) {
		t.Fatalf("summary %+v, want %+v", imp.Summary, want)
	}
	// the hidden column holds stale NIBs ("12345"): ignored, and said so
	if !reflect.DeepEqual(imp.UnknownColumns, []string{"NIB (K, tersembunyi)"}) {
		t.Errorf("unknown columns %q, want the hidden NIB column named", imp.UnknownColumns)
	}
	svc := registry.NewService(st, "36.04")
	cases := []struct {
		row              int
		owner, village   string
		revenue          int64
		founded          int
		warningSubstring string
	}{
		{5, "Eti Rohaeti", "36.04.15.2003", 60_000_000, 2015, ""},                                    // PER BULAN × 12; a date cell
		{6, "Abdul Somad", "36.04.15.2007", 90_000_000, 2015, ""},                                    // PER TAHUN; "15 Maret 2015"
		{7, "Iis Aisyah", "36.04.16.2002", 30_000_000, 2015, ""},                                     // "Rp 2.500.000" × 12; "15/03/2015"
		{8, "Ade Supriatna", "36.04.16.2008", 42_000_000, 2010, ""},                                  // a year
		{9, "Omah", "36.04.15.2003", 48_000_000, 2015, `Desa "Nambo Udk" dibaca sebagai Nambo Udik`}, // an Excel serial
		{10, "Jaja Sudrajat", "36.04.16.2001", 120_000_000, 2018, ""},
	}
	for _, c := range cases {
		b := stored(t, svc, outs, c.row)
		if b.OwnerName != c.owner || b.VillageCode != c.village || b.AnnualRevenue != c.revenue || b.FoundedYear != c.founded {
			t.Errorf("row %d stored as owner %q, desa %s, omzet %d, berdiri %d; want %q, %s, %d, %d", c.row,
				b.OwnerName, b.VillageCode, b.AnnualRevenue, b.FoundedYear, c.owner, c.village, c.revenue, c.founded)
		}
		if w := strings.Join(outs[c.row].Warnings, "; "); c.warningSubstring != "" && !strings.Contains(w, c.warningSubstring) {
			t.Errorf("row %d warnings %q, want %q", c.row, w, c.warningSubstring)
		}
	}
	if b := stored(t, svc, outs, 5); b.NIK != "3604154107800001" || b.Name != "Keripik Singkong Bu Eti" || b.NIB != "" ||
		b.Notes != "binaan 2024" {
		t.Errorf("row 5: %+v", b)
	}
	reimportChangesNothing(t, st, "header-bertingkat.xlsx", data, opt, imp)
}

func TestImportGroupRows(t *testing.T) {
	st := openStore(t)
	data := layout(t, "baris-kelompok")
	opt := importer.Options{Source: "Rekap Kecamatan"}
	imp, outs := runImport(t, st, "baris-kelompok.xlsx", data, opt)
	want := importer.Summary{Total: 16, Inserted: 6, Skipped: 10,
		SkippedKinds: importer.SkipCounts{Blank: 4, Group: 3, Subtotal: 2, Total: 1},
		Sheets:       []importer.SheetSummary{{Name: "Rekap", Rows: 16, Read: true}}}
	if !reflect.DeepEqual(imp.Summary, want) {
		t.Fatalf("summary %+v, want %+v", imp.Summary, want)
	}
	kinds := map[int]string{3: importer.SkipGroup, 6: importer.SkipGroup, 9: importer.SkipBlank, 10: importer.SkipSubtotal,
		11: importer.SkipBlank, 12: importer.SkipGroup, 15: importer.SkipBlank, 16: importer.SkipSubtotal,
		17: importer.SkipBlank, 18: importer.SkipTotal}
	for row, k := range kinds {
		if o := outs[row]; o.Outcome != importer.Skipped || o.Kind != k {
			t.Errorf("row %d: %s %q, want skipped as %s", row, o.Outcome, o.Kind, k)
		}
	}
	if outs[10].Name != "JUMLAH KEC. CIKANDE" || outs[3].Name != "KECAMATAN CIKANDE" {
		t.Errorf("skipped rows' labels: %q, %q", outs[10].Name, outs[3].Name)
	}
	svc := registry.NewService(st, "36.04")
	villages := map[int]string{
		4:  "36.04.15.2001", // desa Cikande under KECAMATAN CIKANDE, its own column empty
		5:  "36.04.15.2007", // its own kecamatan, the same as the group's
		7:  "36.04.15.2003", // DESA NAMBO UDIK: desa and kecamatan from the groups
		8:  "36.04.15.2003",
		13: "36.04.16.2004", // KEC. KIBIN
		14: "36.04.16.2006",
	}
	for row, v := range villages {
		if b := stored(t, svc, outs, row); b.VillageCode != v {
			t.Errorf("row %d: desa %s, want %s", row, b.VillageCode, v)
		}
	}
	if b := stored(t, svc, outs, 5); b.Notes != "ikut pameran" {
		t.Errorf("KETERANGAN not kept: %q", b.Notes)
	}
	reimportChangesNothing(t, st, "baris-kelompok.xlsx", data, opt, imp)
}

func TestImportSheetPerKecamatan(t *testing.T) {
	st := openStore(t)
	data := layout(t, "lembar-per-kecamatan")
	opt := importer.Options{Source: "Kecamatan"}
	imp, outs := runImport(t, st, "lembar-per-kecamatan.xlsx", data, opt)
	s := imp.Summary
	if s.Total != 6 || s.Inserted != 6 || len(s.Sheets) != 4 {
		t.Fatalf("summary %+v", s)
	}
	for i, name := range []string{"Cikande", "Kibin", "Ciruas"} {
		if sh := s.Sheets[i]; sh.Name != name || !sh.Read || sh.Rows != 2 {
			t.Errorf("sheet %d: %+v", i, sh)
		}
	}
	if sh := s.Sheets[3]; sh.Name != "Rekap" || sh.Read || sh.Rows != 4 || sh.Reason == "" {
		t.Errorf("the summary sheet must be named as not read, with its rows and why: %+v", sh)
	}
	_ = outs
	// every business in the kecamatan its sheet is named after
	var all []importer.RowOutcome
	im := newImporter(st)
	opt.OnRow = func(o importer.RowOutcome) { all = append(all, o) }
	opt.Actor = auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}
	opt.DryRun = true
	dry, err := im.Begin(context.Background(), "lembar-per-kecamatan.xlsx", opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := im.Run(context.Background(), dry, importer.Input{Name: "x.xlsx", R: strings.NewReader(string(data)), Size: int64(len(data))}, opt); err != nil {
		t.Fatal(err)
	}
	svc := registry.NewService(st, "36.04")
	want := map[string]string{"Cikande": "36.04.15", "Kibin": "36.04.16", "Ciruas": "36.04.09"}
	for _, o := range all {
		if o.Outcome != importer.Unchanged || o.Sheet == "" {
			t.Errorf("re-import: %+v", o)
			continue
		}
		b, err := svc.Get(context.Background(), auth.System, o.BusinessID)
		if err != nil {
			t.Fatal(err)
		}
		if b.DistrictCode != want[o.Sheet] || b.AnnualRevenue == 0 || b.FoundedYear < 2013 {
			t.Errorf("sheet %s row %d: kecamatan %s, omzet %d, berdiri %d", o.Sheet, o.Row, b.DistrictCode, b.AnnualRevenue, b.FoundedYear)
		}
	}
	if len(all) != 6 {
		t.Errorf("re-import saw %d rows, want 6", len(all))
	}

	// One sheet by name; every sheet.
	one, _ := runImport(t, st, "x.xlsx", data, importer.Options{Sheet: "kibin", DryRun: true})
	if one.Summary.Total != 2 || one.Summary.Sheets[1].Read != true || one.Summary.Sheets[0].Read || one.Summary.Sheets[0].Rows != 4 {
		t.Errorf("--sheet kibin: %+v", one.Summary)
	}
	every, _ := runImport(t, st, "x.xlsx", data, importer.Options{Sheet: importer.AllSheets, DryRun: true})
	if every.Summary.Total != 6 || every.Summary.Sheets[3].Read {
		t.Errorf("--sheet all: %+v (Rekap has no business column: named, not read)", every.Summary)
	}
}

// A row's own kecamatan that differs from its group's is a reason on the
// row; a group without rows' own column fills it; a CSV keeps group rows
// as the workbook did.
func TestGroupRowConflict(t *testing.T) {
	st := openStore(t)
	csv := "No;Nama Usaha;Nama Pemilik;Desa;Kecamatan\n" +
		"KECAMATAN CIKANDE;;;;\n" +
		"1;Opak Julang;Nani;Julang;\n" +
		"2;Abon Bandeng;Rudi;Ketos;Kibin\n" +
		";;;;\n" +
		"DESA NAMBO UDIK;;;;\n" +
		"3;Rengginang;Enok;Parigi;\n" +
		"JUMLAH;;;;\n"
	imp, outs := runImport(t, st, "kelompok.csv", []byte(csv), importer.Options{})
	checkRows(t, outs, map[int]want{
		2: {importer.Skipped, ""},
		3: {importer.Inserted, ""},
		4: {importer.Rejected, `Kecamatan "Kibin" berbeda dengan baris kelompok 2 (Kecamatan CIKANDE)`},
		5: {importer.Skipped, ""},
		7: {importer.Rejected, `Desa "Parigi" berbeda dengan baris kelompok 6 (Desa NAMBO UDIK)`},
		8: {importer.Skipped, ""},
	})
	if k := imp.Summary.SkippedKinds; k != (importer.SkipCounts{Blank: 1, Group: 2, Total: 1}) || imp.Summary.Sheets != nil {
		t.Errorf("summary %+v", imp.Summary)
	}
}
