package importer_test

import (
	"context"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
)

// messyCSV is a kecamatan officer's list: a title row, Indonesian header
// variants, an unknown column, and rows with every kind of problem.
const messyCSV = `DATA UMKM KECAMATAN CIKANDE 2025;;;;;;;;;;
No;Nama Usaha;Nama Pemilik;NIK;No. HP;Desa/Kel;Kec.;Omzet per Bulan;Modal;Tahun Berdiri;Keterangan
1;Keripik Café Bu Siti;Siti Aminah;3604055203900001;0812-3456-7890;Ds. Julang;Kec. Cikande;Rp 5.000.000;1,5 jt;2019;binaan
2;Emping Melinjo Pak Dedi;Dedi;3.60405E+15;81234567891;Julang;Cikande;10 jt;;2020;
3;Toko Berkah;Ujang;3604051203900003;+62 813 1111 2222;Sukamanah;;750 rb;;;
4;Keripik Café Bu Siti;Siti Aminah;3604055203900001;0812-3456-7890;Julang;Cikande;Rp 5.000.000;1,5 jt;2019;
5;Sate Bandeng Asep;Asep;3604051203900002;0812 9999 8888;Puloampel;Puloampel;1,5 juta;2 M;2010;
6;Bengkel Rudi;Rudi;3604051399900001;0813-2222-3333;Julang;Cikande;;;;
7;Gerabah Bumijaya;;;;Bumijaya;Ciruas;2 jt;;;
8;Kopi Gunung;Eman;;0812-7777-6666;Antah Berantah;Cikande;;;;
9;Warung Nasi Ibu Ela;Ela;;0812-5555-4444;Lebakwangi;Lebak Wangi;;abc;;
10;Warung Nasi Ibu Ela 2;Ela;;0812-5555-4444;Lebakwangi;Lebak Wangi;3 jt;;2030;
`

type want struct {
	outcome string
	reason  string // substring of one reason
}

func checkRows(t *testing.T, outs map[int]importer.RowOutcome, wants map[int]want) {
	t.Helper()
	for row, w := range wants {
		o, ok := outs[row]
		if !ok {
			t.Errorf("row %d: no outcome", row)
			continue
		}
		if o.Outcome != w.outcome {
			t.Errorf("row %d: outcome %s (reasons %q), want %s", row, o.Outcome, o.Reasons, w.outcome)
		}
		if w.reason != "" && !strings.Contains(strings.Join(o.Reasons, " | "), w.reason) {
			t.Errorf("row %d: reasons %q, want one containing %q", row, o.Reasons, w.reason)
		}
	}
}

var csvWants = map[int]want{
	3:  {importer.Inserted, ""},
	4:  {importer.Rejected, "notasi ilmiah"},
	5:  {importer.Rejected, "ambigu"},
	6:  {importer.Rejected, "Duplikat dalam berkas: usaha yang sama sudah ada di baris 3"},
	7:  {importer.Inserted, ""},
	8:  {importer.Rejected, "NIK tidak valid"},
	9:  {importer.Rejected, "Nama pemilik wajib diisi"},
	10: {importer.Rejected, "tidak ditemukan di Kecamatan Cikande"},
	11: {importer.Rejected, "format nilai uang"},
	12: {importer.Rejected, "tahun 2030"},
}

func TestImportMessyCSV(t *testing.T) {
	st := openStore(t)
	imp, outs := runImport(t, st, "kec-cikande.csv", cp1252(t, messyCSV), importer.Options{Source: "Daftar Kec. Cikande 2025"})
	checkRows(t, outs, csvWants)
	want := importer.Summary{Total: 10, Inserted: 2, Rejected: 8, DuplicatesInFile: 1}
	if !reflect.DeepEqual(imp.Summary, want) {
		t.Fatalf("summary %+v, want %+v", imp.Summary, want)
	}
	if len(imp.UnknownColumns) != 0 { // Keterangan is the business's notes
		t.Errorf("unknown columns %q, want none", imp.UnknownColumns)
	}
	if !strings.Contains(strings.Join(outs[5].Reasons, ""), "36.04.14.2004") {
		t.Errorf("ambiguity reason should name the candidates: %q", outs[5].Reasons)
	}
	svc := registry.NewService(st, "36.04")
	b, err := svc.Get(context.Background(), auth.System, outs[3].BusinessID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "Keripik Café Bu Siti" || b.Phone != "+6281234567890" || b.VillageCode != "36.04.15.2007" ||
		b.AnnualRevenue != 60_000_000 || b.Capital != 1_500_000 || b.FoundedYear != 2019 || b.SizeClass != registry.Mikro || b.Notes != "binaan" {
		t.Errorf("row 3 stored as %+v", b)
	}
	ms, _ := svc.Measurements(context.Background(), auth.System, b.ID)
	if len(ms) != 1 || ms[0].Source != "Daftar Kec. Cikande 2025" || ms[0].Year != 2026 {
		t.Errorf("measurements %+v", ms)
	}
	if imp.Report == nil {
		t.Error("no rejection report")
	}

	// The same list saved by another program (UTF-8 with BOM, commas): nothing changes.
	again := "\uFEFF" + recomma(t, messyCSV)
	imp2, outs2 := runImport(t, st, "kec-cikande-utf8.csv", []byte(again), importer.Options{Source: "Daftar Kec. Cikande 2025"})
	if s := imp2.Summary; s.Inserted != 0 || s.Updated != 0 || s.Unchanged != 2 || s.Rejected != 8 {
		t.Errorf("re-import summary %+v, want 2 unchanged and 8 rejected; rows %+v", s, outs2)
	}
	n, _ := st.CountBusinesses(context.Background())
	if n != 2 {
		t.Errorf("%d businesses after re-import, want 2", n)
	}
}

// recomma rewrites a semicolon CSV with commas, quoting as needed.
func recomma(t *testing.T, s string) string {
	r := csv.NewReader(strings.NewReader(s))
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.WriteAll(recs)
	return b.String()
}
