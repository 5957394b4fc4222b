package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/importer"
)

func TestImportAndExportCommands(t *testing.T) {
	db := tempDB(t)
	if r := run(t, "", "migrate", "--db", db); r.code != ExitOK {
		t.Fatalf("migrate: %+v", r)
	}
	dir := t.TempDir()
	csv := filepath.Join(dir, "daftar.csv")
	data := "Nama Usaha;Nama Pemilik;NIK;Desa;Kecamatan;Omzet\n" +
		"Keripik Bu Siti;Siti;3604055203900001;Julang;Cikande;1,5 jt\n" +
		"Emping Pak Dedi;Dedi;3.60405E+15;Julang;Cikande;2 jt\n"
	if err := os.WriteFile(csv, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "ditolak.xlsx")
	r := run(t, "", "import", "--db", db, "--source", "Daftar Cikande", "--json", "--report", report, csv)
	if r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("--json output %q: %v", r.stdout, err)
	}
	want := map[string]string{"total": "2", "inserted": "1", "updated": "0", "unchanged": "0", "rejected": "1",
		"duplicates_in_file": "0", "likely_duplicates": "0", "skipped": "0", "skipped_kinds": `{"blank":0,"group":0,"subtotal":0,"total":0}`}
	if len(got) != len(want) { // a CSV has no sheets
		t.Errorf("--json keys %s, want exactly %v", r.stdout, want)
	}
	for k, v := range want {
		if string(got[k]) != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
	if _, err := os.Stat(report); err != nil {
		t.Errorf("report not written: %v", err)
	}
	r = run(t, "", "import", "--db", db, "--dry-run", csv)
	if r.code != ExitOK || !strings.Contains(r.stdout, "tidak berubah  1") || !strings.Contains(r.stdout, "notasi ilmiah") {
		t.Errorf("dry run summary: %+v", r)
	}
	out := filepath.Join(dir, "umkm.xlsx")
	r = run(t, "", "export", "--db", db, "--format", "xlsx", "-o", out, "--district", "36.04.15")
	if r.code != ExitOK {
		t.Fatalf("export: %+v", r)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("UMKM")
	if len(rows) != 2 || rows[1][1] != "Keripik Bu Siti" {
		t.Errorf("exported rows %q", rows)
	}
	r = run(t, "", "import", "--db", db, "--json", out)
	if !strings.Contains(r.stdout, `"unchanged":1`) {
		t.Errorf("export → import: %+v", r)
	}
	empty := filepath.Join(dir, "kosong.csv")
	_ = os.WriteFile(empty, nil, 0o644)
	run(t, "", "import", "--db", db, empty).oneLineErr(t, ExitError, "Berkas kosong")
	run(t, "", "import", "--db", db).oneLineErr(t, ExitUsage, "sebutkan satu berkas")
	run(t, "", "export", "--db", db, "--format", "pdf", "-o", out).oneLineErr(t, ExitUsage, "xlsx atau csv")
}

// A workbook of one sheet per kecamatan: every sheet is read or named, and
// the counts add up with the skipped rows.
func TestImportWorkbookSheets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nk.db")
	if r := run(t, "", "migrate", "--db", db); r.code != ExitOK {
		t.Fatalf("migrate: %+v", r)
	}
	book := filepath.Join("..", "importer", "testdata", "layouts", "lembar-per-kecamatan.xlsx")
	r := run(t, "", "import", "--db", db, "--json", book)
	if r.code != ExitOK {
		t.Fatalf("import: %+v", r)
	}
	var got importer.Summary
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("--json output %q: %v", r.stdout, err)
	}
	if got.Total != got.Inserted+got.Updated+got.Unchanged+got.Rejected+got.Skipped || got.Inserted != 6 || len(got.Sheets) != 4 ||
		got.Sheets[3].Read || got.Sheets[3].Name != "Rekap" {
		t.Errorf("summary %s", r.stdout)
	}
	r = run(t, "", "import", "--db", db, "--sheet", "Kibin", book)
	if r.code != ExitOK || !strings.Contains(r.stdout, `Lembar "Cikande": TIDAK dibaca (4 baris): tidak dipilih`) ||
		!strings.Contains(r.stdout, "tidak berubah  2") {
		t.Errorf("--sheet Kibin: %+v", r)
	}
}
