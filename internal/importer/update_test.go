package importer_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"naikkelas/internal/audit"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// TestUpdateFieldByFieldAndLedger checks the update plan: only the fields a
// row fills change, an empty cell clears nothing, figures become a
// measurement with the import's source, an older year's figures enter the
// ledger without replacing the current ones, and every re-import is a no-op.
func TestUpdateFieldByFieldAndLedger(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	first := "NIB;Nama Usaha;Nama Pemilik;Desa;Kecamatan;No HP;Alamat;Omzet\n" +
		"1112223334445;Emping Bu Siti;Siti;Julang;Cikande;0812-1111-2222;Kp. Julang RT 01;100 jt\n"
	imp, outs := runImport(t, st, "oss.csv", []byte(first), importer.Options{Source: "OSS 2026"})
	if imp.Summary.Inserted != 1 {
		t.Fatalf("%+v", imp.Summary)
	}
	id := outs[2].BusinessID

	// OSS again with a new phone and new figures; the address cell is empty.
	second := "NIB;Nama Usaha;No HP;Alamat;Omzet;Modal\n" +
		"1112223334445;Emping Bu Siti;0813-3333-4444;;250 jt;20 jt\n"
	imp, outs = runImport(t, st, "oss-2.csv", []byte(second), importer.Options{Source: "OSS 2026 revisi"})
	if imp.Summary.Updated != 1 {
		t.Fatalf("second import %+v %+v", imp.Summary, outs)
	}
	for _, f := range []string{"phone", "annual_revenue", "capital"} {
		if !slices.Contains(outs[2].Changed, f) {
			t.Errorf("changed fields %q lack %s", outs[2].Changed, f)
		}
	}
	if slices.Contains(outs[2].Changed, "address") || slices.Contains(outs[2].Changed, "owner_name") {
		t.Errorf("fields the row did not fill changed: %q", outs[2].Changed)
	}
	b, _ := st.GetBusiness(ctx, id)
	if b.Phone != "+6281333334444" || b.Address != "Kp. Julang RT 01" || b.OwnerName != "Siti" || b.AnnualRevenue != 250_000_000 {
		t.Errorf("after update %+v", b)
	}
	ms, _ := st.ListMeasurements(ctx, id)
	if len(ms) != 2 || ms[1].Source != "OSS 2026 revisi" || registry.Amount(ms[1].AnnualRevenue) != 250_000_000 {
		t.Errorf("ledger %+v", ms)
	}

	// A bank list with last year's figures: a ledger entry, not the current value.
	bank := "NIB;Nama Usaha;Tahun Data;Omzet\n1112223334445;Emping Bu Siti;2025;80 jt\n"
	imp, _ = runImport(t, st, "bank.csv", []byte(bank), importer.Options{Source: "Bank BJB"})
	if imp.Summary.Updated != 1 {
		t.Fatalf("bank %+v", imp.Summary)
	}
	b, _ = st.GetBusiness(ctx, id)
	ms, _ = st.ListMeasurements(ctx, id)
	if b.AnnualRevenue != 250_000_000 || len(ms) != 3 {
		t.Errorf("older year replaced the current figures: %d, ledger %+v", b.AnnualRevenue, ms)
	}
	// Each file imported twice in a row changes nothing the second time.
	for _, data := range []string{bank, second} {
		imp, outs = runImport(t, st, "lagi.csv", []byte(data), importer.Options{Source: "ulang"})
		if imp.Summary.Inserted+imp.Summary.Updated != 0 {
			t.Errorf("importing a file again changed something: %+v %+v", imp.Summary, outs)
		}
	}
	if ms2, _ := st.ListMeasurements(ctx, id); len(ms2) != 3 {
		t.Errorf("re-imports added measurements: %d", len(ms2))
	}
	imps, _ := st.BusinessImports(ctx, id)
	if len(imps) != 5 {
		t.Errorf("business remembers %d imports, want 5", len(imps))
	}
}

// TestTwoRowsOneStoredBusiness checks that two rows with different keys
// that both lead to one stored business (one by its NIB, one by its NIK and
// old name) are the same business twice in the file: the second is a
// duplicate within the file, not a second update of the same version
// (which failed the whole import), whichever chunk each row lands in. On
// PostgreSQL it also checks that the business is linked to the import
// once: the import links go in with COPY there, which has no ON CONFLICT.
func TestTwoRowsOneStoredBusiness(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { twoRowsOneStoredBusiness(t, func() store.Store { return openStore(t) }) })
	t.Run("postgres", func(t *testing.T) {
		pgSchemaStore(t) // skips visibly without NAIKKELAS_TEST_POSTGRES
		twoRowsOneStoredBusiness(t, func() store.Store { return pgSchemaStore(t) })
	})
}

func twoRowsOneStoredBusiness(t *testing.T, open func() store.Store) {
	ctx := context.Background()
	first := "NIB;NIK;Nama Usaha;Nama Pemilik;Desa;Kecamatan\n" +
		"1112223334445;3604014505800001;Emping Bu Siti;Siti;Julang;Cikande\n"
	// Row 2 renames the business (found by NIB); the last row still carries
	// the old name without an NIB (found by NIK + old name). Padding rows put
	// it in a later chunk (1,000 rows) and, on PostgreSQL, a later write
	// batch (10,000 rows).
	for _, pad := range []int{0, 1500, 12000} {
		st := open()
		_, outs := runImport(t, st, "awal.csv", []byte(first), importer.Options{})
		id := outs[2].BusinessID
		var b strings.Builder
		b.WriteString("NIB;NIK;Nama Usaha;Nama Pemilik;Desa;Kecamatan\n")
		b.WriteString("1112223334445;3604014505800001;Emping Siti Jaya;Siti;Julang;Cikande\n")
		for i := range pad {
			fmt.Fprintf(&b, ";;Usaha Isi %d;Pemilik %d;Julang;Cikande\n", i, i)
		}
		b.WriteString(";3604014505800001;Emping Bu Siti;Siti;Julang;Cikande\n")
		imp, outs := runImport(t, st, fmt.Sprintf("ganda-%d.csv", pad), []byte(b.String()), importer.Options{})
		last := outs[3+pad]
		if !last.Duplicate || last.Outcome != importer.Rejected || !strings.Contains(last.Reasons[0], "baris 2") {
			t.Fatalf("pad %d: second row of the same business: %+v (summary %+v)", pad, last, imp.Summary)
		}
		if s := imp.Summary; s.Total != pad+2 || s.Updated != 1 || s.Inserted != pad || s.DuplicatesInFile != 1 {
			t.Errorf("pad %d: summary %+v", pad, s)
		}
		if b, _ := st.GetBusiness(ctx, id); b.Name != "Emping Siti Jaya" {
			t.Errorf("pad %d: business after the file: %q", pad, b.Name)
		}
		if imps, err := st.BusinessImports(ctx, id); err != nil || len(imps) != 2 {
			t.Errorf("pad %d: business remembers %d imports (%v), want 2", pad, len(imps), err)
		}
	}
}

// TestImportedCreationAudit checks that a business an import creates has its
// creation in the audit trail, by reference to the import and the row.
func TestImportedCreationAudit(t *testing.T) {
	st := openStore(t)
	data := "Nama Usaha;Nama Pemilik;Desa;Kecamatan\nKeripik Pak Udin;Udin;Julang;Cikande\n"
	imp, outs := runImport(t, st, "audit.csv", []byte(data), importer.Options{})
	id := outs[2].BusinessID
	es, _, err := st.ListAudit(context.Background(), audit.Filter{Entity: "business", EntityID: id, Page: 1, PerPage: 10})
	if err != nil || len(es) != 1 {
		t.Fatalf("audit of business %d: %+v, %v", id, es, err)
	}
	want := fmt.Sprintf(`{"import_id":%d,"row":2}`, imp.ID)
	if e := es[0]; e.Action != audit.Create || string(e.After) != want || e.Username != "admin" {
		t.Errorf("creation entry %+v after %s, want action create, after %s", e, e.After, want)
	}
}
