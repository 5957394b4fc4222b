package importer_test

import (
	"context"
	"strings"
	"testing"

	"naikkelas/internal/importer"
	"naikkelas/internal/store"
)

// TestLikelyMatch: a training list names a business the register holds
// under another spelling, without its NIB or NIK and with the phone written
// another way. The dry run says "kemungkinan sama dengan usaha #N"; by default
// the row is inserted beside it for the duplicate review; when the officer
// chose to link, it updates the stored business instead. A business the
// register does not hold is inserted without a note.
func TestLikelyMatch(t *testing.T) {
	for name, open := range map[string]func(testing.TB) store.Store{"sqlite": openStore, "postgres": pgSchemaStore} {
		t.Run(name, func(t *testing.T) { testLikelyMatch(t, open(t)) })
		t.Run(name+"/elsewhere", func(t *testing.T) { testLikelyElsewhere(t, open(t)) })
	}
}

func testLikelyMatch(t *testing.T, st store.Store) {
	ctx := context.Background()
	register := "NIB;Nama Usaha;Nama Pemilik;NIK;Desa;Kecamatan;No HP;Alamat\n" +
		"1112223334445;Emping Melinjo Bu Enah;Enah Suhaena;3604154203750001;Julang;Cikande;0812-3456-7001;Kp. Babakan RT 01/02\n" +
		"1112223334446;Bengkel Motor Jaya;Ujang Maulana;3604151001800002;Julang;Cikande;0852-4444-7007;Kp. Julang\n" +
		"1112223334447;Sate Bandeng Kramat;Asep Hidayat;3604150505850003;Julang;Cikande;0813-5555-1234;Kp. Kramat\n"
	imp, outs := runImport(t, st, "oss.csv", []byte(register), importer.Options{Source: "OSS"})
	if imp.Summary.Inserted != 3 || imp.Summary.Likely != 0 {
		t.Fatalf("register %+v", imp.Summary)
	}
	enah := outs[2].BusinessID
	training := "Nama Usaha;Nama Pemilik;NIK;Desa;Kecamatan;No HP\n" +
		"EMPING MLINJO IBU ENAH;Hj. Enah Suhaena;;Julang;Cikande;+62 812 3456 7001\n" +
		"Kopi Robusta Mang Dadang;Dadang Sukandar;;Julang;Cikande;0877-1212-3434\n"
	wantNote := "Kemungkinan sama dengan usaha #" + itoa(int(enah))

	imp, outs = runImport(t, st, "pelatihan.csv", []byte(training), importer.Options{Source: "Pelatihan", DryRun: true})
	if imp.Summary.Inserted != 2 || imp.Summary.Likely != 1 {
		t.Fatalf("dry run %+v %+v", imp.Summary, outs)
	}
	row := outs[2]
	if row.Likely == nil || row.Likely.BusinessID != enah || row.Likely.Probability < 0.9 || !hasNote(row.Warnings, wantNote) {
		t.Fatalf("dry run row 2: %+v", row)
	}
	if outs[3].Likely != nil || hasNote(outs[3].Warnings, "Kemungkinan sama") {
		t.Errorf("a new business got a likely match: %+v", outs[3])
	}

	imp, outs = runImport(t, st, "pelatihan.csv", []byte(training), importer.Options{Source: "Pelatihan", DryRun: true, LinkLikely: true})
	if imp.Summary.Inserted != 1 || imp.Summary.Updated != 1 || imp.Summary.Likely != 1 {
		t.Fatalf("dry run, linked %+v", imp.Summary)
	}
	if outs[2].BusinessID != enah || outs[2].Outcome != importer.Updated || !hasNote(outs[2].Warnings, "ditautkan") {
		t.Errorf("linked row: %+v", outs[2])
	}

	imp, outs = runImport(t, st, "pelatihan.csv", []byte(training), importer.Options{Source: "Pelatihan"})
	if imp.Summary.Inserted != 2 || imp.Summary.Likely != 1 || outs[2].BusinessID == enah || !hasNote(outs[2].Warnings, wantNote) {
		t.Fatalf("import %+v, row %+v", imp.Summary, outs[2])
	}
	if n, _ := st.CountBusinesses(ctx); n != 5 {
		t.Errorf("%d businesses stored, want 5", n)
	}
	queued, err := st.QueuedPairs(ctx, "36.04.15")
	if err != nil || len(queued) != 1 || queued[0].A != enah || queued[0].B != outs[2].BusinessID ||
		queued[0].ImportID != imp.ID || queued[0].Probability != outs[2].Likely.Probability {
		t.Errorf("queued for review after the import (the dry runs queue nothing): %+v, %v", queued, err)
	}
}

func hasNote(notes []string, part string) bool {
	for _, n := range notes {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}
