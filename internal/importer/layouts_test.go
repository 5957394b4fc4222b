package importer_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"naikkelas/internal/importer"
)

// The committed workbooks must be what LibreOffice makes of the committed
// flat ODS files: converted again here, every sheet reads the same.
func TestLayoutFixturesAreLibreOffices(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice takes half a minute; run without -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed (Debian: libreoffice-calc-nogui, which .ci/run installs); " +
			"the committed XLSX files are tested as they are")
	}
	dir := t.TempDir()
	names := map[string][]string{
		"header-bertingkat":    {"Data UMKM"},
		"baris-kelompok":       {"Rekap"},
		"lembar-per-kecamatan": {"Cikande", "Kibin", "Ciruas", "Rekap"},
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", dir}
	for n := range names {
		args = append(args, filepath.Join("testdata", "layouts", n+".fods"))
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for n, sheets := range names {
		fresh, err := os.ReadFile(filepath.Join(dir, n+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		committed := layout(t, n)
		for _, sh := range sheets {
			if a, b := sheetRows(t, committed, sh), sheetRows(t, fresh, sh); !reflect.DeepEqual(a, b) {
				t.Errorf("%s, sheet %s: the committed XLSX differs from its .fods; run testdata/layouts/gen.go again\n%q\n%q", n, sh, a, b)
			}
		}
	}
}

func sheetRows(t *testing.T, data []byte, sheet string) [][]string {
	t.Helper()
	tb, err := importer.OpenTable(context.Background(), "x.xlsx", bytes.NewReader(data), int64(len(data)), importer.ReadOptions{Sheet: sheet})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	var rows [][]string
	for {
		r, err := tb.Next()
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
}
