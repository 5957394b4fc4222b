package importer_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
)

func TestOperatorScopeAndDryRun(t *testing.T) {
	st := openStore(t)
	csv := "Nama Usaha;Nama Pemilik;Desa;Kecamatan;Omzet\n" +
		"Kopi Cikande;Asep;Julang;Cikande;10 jt\n" +
		"Kopi Kragilan;Ujang;Kragilan;Kragilan;10 jt\n"
	op := auth.Actor{UserID: 2, Username: "operator.cikande", Role: auth.Operator, Regions: []string{"36.04.15"}}
	imp, outs := runImport(t, st, "op.csv", []byte(csv), importer.Options{Actor: op, DryRun: true})
	if imp.Status != importer.StatusDryRun || imp.Summary.Inserted != 1 || imp.Summary.Rejected != 1 {
		t.Fatalf("dry run: %+v %+v", imp.Status, imp.Summary)
	}
	if !strings.Contains(strings.Join(outs[3].Reasons, ""), "di luar wilayah tugas Anda") {
		t.Errorf("out-of-area reason: %q", outs[3].Reasons)
	}
	if n, _ := st.CountBusinesses(context.Background()); n != 0 {
		t.Fatalf("dry run wrote %d businesses", n)
	}
	got, err := st.GetImport(context.Background(), imp.ID)
	if err != nil || got.Status != importer.StatusDryRun || !reflect.DeepEqual(got.Summary, imp.Summary) {
		t.Errorf("stored dry run: %+v %v", got, err)
	}
	imp, _ = runImport(t, st, "op.csv", []byte(csv), importer.Options{Actor: op})
	if imp.Summary.Inserted != 1 {
		t.Fatalf("commit: %+v", imp.Summary)
	}
	links, _ := st.BusinessImports(context.Background(), 1)
	if len(links) != 1 || links[0].ID != imp.ID {
		t.Errorf("business 1 imports: %+v", links)
	}
	// pimpinan and owners may not import
	im := newImporter(st)
	if _, err := im.Begin(context.Background(), "x.csv", importer.Options{Actor: auth.Actor{Role: auth.Pimpinan}}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan import: %v", err)
	}
}

func TestImportFileErrors(t *testing.T) {
	st := openStore(t)
	// the file errors excelize reported in English, and the ones it did not see
	good := bombXLSX(t, bomb{cellBytes: 10})
	noWorkbook := bytes.ReplaceAll(good, []byte("xl/workbook.xml"), []byte("xl/workbook.xmX")) // part names are not compressed
	cases := map[string]struct {
		data   string
		sheet  string
		reason string
	}{
		"empty":       {"", "", "Berkas kosong"},
		"header only": {"Nama Usaha;Nama Pemilik;Desa\n", "", "hanya berisi baris judul"},
		"no columns":  {"foo;bar\n1;2\n", "", "Tidak ada kolom yang dikenali"},
		"broken zip":  {"PK\x03\x04 this is not a zip at all", "", "Berkas bukan XLSX yang sah (arsip rusak atau bukan berkas Excel)"},
		"no sheet":    {string(good), "Rekap", `Lembar "Rekap" tidak ada di berkas ini. Lembar yang ada: Data.`},
		"no workbook": {string(noWorkbook), "", "Berkas XLSX rusak: isinya tidak dapat dibaca"},
	}
	for name, c := range cases {
		im := newImporter(st)
		opt := importer.Options{Actor: auth.System, Sheet: c.sheet}
		imp, err := im.Begin(context.Background(), name+".csv", opt)
		if err != nil {
			t.Fatal(err)
		}
		err = im.Run(context.Background(), imp, importer.Input{Name: name, R: bytes.NewReader([]byte(c.data)), Size: int64(len(c.data))}, opt)
		if err == nil || !strings.Contains(imp.Message, c.reason) || imp.Status != importer.StatusFailed {
			t.Errorf("%s: err %v, status %s, message %q", name, err, imp.Status, imp.Message)
		}
		if errors.Is(err, context.Canceled) {
			t.Error("unexpected cancel")
		}
	}
}

// TestMatchOutsideAreaSaysNoID: a row matching a business outside the
// operator's area says only that, never the business's id, nor whether it
// is archived.
func TestMatchOutsideAreaSaysNoID(t *testing.T) {
	st := openStore(t)
	csv := "Nama Usaha;Nama Pemilik;NIB;Desa;Kecamatan\n" +
		"Kopi Kragilan;Ujang;1234567890123;Kragilan;Kragilan\n" +
		"Kopi Arsip;Ujang;1234567890124;Kragilan;Kragilan\n"
	runImport(t, st, "admin.csv", []byte(csv), importer.Options{})
	if err := registry.NewService(st, "36.04").Archive(context.Background(), auth.System, 2); err != nil {
		t.Fatal(err)
	}
	op := auth.Actor{UserID: 2, Username: "operator.cikande", Role: auth.Operator, Regions: []string{"36.04.15"}}
	rows := "Nama Usaha;Nama Pemilik;NIB;Desa;Kecamatan\n" +
		"Kopi Kragilan Baru;Ujang;1234567890123;Julang;Cikande\n" +
		"Kopi Arsip;Ujang;1234567890124;;\n"
	_, outs := runImport(t, st, "op.csv", []byte(rows), importer.Options{Actor: op, DryRun: true})
	for _, row := range []int{2, 3} {
		if r := outs[row].Reasons; len(r) != 1 || r[0] != "Usaha ini sudah terdaftar di luar wilayah tugas Anda" {
			t.Errorf("row %d: %q", row, r)
		}
	}
}
