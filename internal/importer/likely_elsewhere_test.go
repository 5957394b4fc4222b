package importer_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/store"
)

// testLikelyElsewhere (run by TestLikelyMatch): a business of Kramatwatu shows up in a list of
// Cikande (its kecamatan mistyped, or it moved) under another spelling but
// with its NIK and phone. The admin is told which business it likely is and
// that it lies in another kecamatan; the operator of Cikande only that a
// business outside its area resembles the row and to ask the admin: no
// number, no probability. Its row is inserted, never linked (the operator
// cannot change that business), and the pair queued for the admin's review.
func testLikelyElsewhere(t *testing.T, st store.Store) {
	register := "NIB;Nama Usaha;Nama Pemilik;NIK;Desa;Kecamatan;No HP;Alamat\n" +
		"1112223334445;Emping Melinjo Bu Enah;Enah Suhaena;3604154203750001;Kramatwatu;Kramatwatu;0812-3456-7001;Kp. Babakan RT 01/02\n" +
		"1112223334446;Bengkel Motor Jaya;Ujang Maulana;3604151001800002;Julang;Cikande;0852-4444-7007;Kp. Julang\n"
	_, outs := runImport(t, st, "oss.csv", []byte(register), importer.Options{Source: "OSS"})
	enah := outs[2].BusinessID
	list := "Nama Usaha;Nama Pemilik;NIK;Desa;Kecamatan;No HP\n" +
		"EMPING MLINJO IBU ENAH;Hj. Enah Suhaena;3604154203750001;Julang;Cikande;+62 812 3456 7001\n"

	_, outs = runImport(t, st, "pelatihan.csv", []byte(list), importer.Options{Source: "Pelatihan", DryRun: true})
	if l := outs[2].Likely; l == nil || l.BusinessID != enah || l.District != "36.04.05" || l.Probability < 0.9 ||
		!hasNote(outs[2].Warnings, "di kecamatan lain") {
		t.Fatalf("admin's dry run: %+v %+v", outs[2], l)
	}

	op := auth.Actor{UserID: 2, Username: "operator.cikande", Role: auth.Operator, Regions: []string{"36.04.15"}}
	imp, outs := runImport(t, st, "pelatihan.csv", []byte(list), importer.Options{Source: "Pelatihan", Actor: op, LinkLikely: true})
	row := outs[2]
	shown, _ := json.Marshal(row)
	if row.Outcome != importer.Inserted || row.Likely == nil || !row.Likely.OutsideArea || row.Likely.BusinessID != 0 ||
		!hasNote(row.Warnings, "hubungi admin") || strings.Contains(string(shown), itoa(int(enah))) ||
		strings.Contains(string(shown), "%") || strings.Contains(strings.ToLower(string(shown)), "kramatwatu") {
		t.Fatalf("operator's import: %s", shown)
	}
	queued, err := st.QueuedPairs(context.Background(), "")
	if err != nil || len(queued) != 1 || queued[0].A != enah || queued[0].B != row.BusinessID || queued[0].ImportID != imp.ID {
		t.Errorf("queued for the admin's review: %+v, %v", queued, err)
	}
}
