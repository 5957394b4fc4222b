package importer_test

import (
	"bytes"
	"context"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// TestPostgresImportRoundTrip runs the messy CSV, the re-import and the
// export round trip on PostgreSQL.
func TestPostgresImportRoundTrip(t *testing.T) {
	st := pgSchemaStore(t)
	imp, outs := runImport(t, st, "kec-cikande.csv", cp1252(t, messyCSV), importer.Options{Source: "Daftar Kec. Cikande 2025"})
	checkRows(t, outs, csvWants)
	if imp.Summary != (importer.Summary{Total: 10, Inserted: 2, Rejected: 8, DuplicatesInFile: 1}) {
		t.Fatalf("summary %+v", imp.Summary)
	}
	again, _ := runImport(t, st, "kec-cikande.csv", cp1252(t, messyCSV), importer.Options{Source: "Daftar Kec. Cikande 2025"})
	if again.Summary.Unchanged != 2 || again.Summary.Inserted+again.Summary.Updated != 0 {
		t.Errorf("re-import %+v", again.Summary)
	}
	svc := registry.NewService(st, "36.04")
	seed(t, svc)
	var buf bytes.Buffer
	if err := importer.WriteXLSX(&buf, region.All(), func(fn func(*registry.Business) error) error {
		return svc.Each(context.Background(), auth.System, registry.Filter{}, fn)
	}); err != nil {
		t.Fatal(err)
	}
	rt, _ := runImport(t, st, "export.xlsx", buf.Bytes(), importer.Options{})
	if rt.Summary.Total != 5 || rt.Summary.Unchanged != 5 {
		t.Errorf("round trip %+v", rt.Summary)
	}
	if rep, err := st.ImportReport(context.Background(), imp.ID); err != nil || len(rep) == 0 {
		t.Errorf("report: %d bytes, %v", len(rep), err)
	}
}
