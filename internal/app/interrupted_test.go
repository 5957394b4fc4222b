package app

import (
	"context"
	"io"
	"testing"

	"naikkelas/internal/importer"
	"naikkelas/internal/store/engine"
)

// An import whose process was killed stays "running" in its record (its
// changes were rolled back with the transaction). The next start marks it
// failed, so the history does not show a job that will never finish.
func TestStartMarksInterruptedImportsFailed(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	st, err := engine.Open(ctx, cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	stale := &importer.Import{Source: "daftar-kecamatan", FileName: "a.xlsx", Username: "admin", Status: importer.StatusRunning}
	if err := st.CreateImport(ctx, stale); err != nil {
		t.Fatal(err)
	}
	done := &importer.Import{Source: "lama", FileName: "b.csv", Username: "admin", Status: importer.StatusRunning}
	if err := st.CreateImport(ctx, done); err != nil {
		t.Fatal(err)
	}
	done.Status = importer.StatusDone
	if err := st.SaveImport(ctx, done); err != nil {
		t.Fatal(err)
	}
	st.Close()

	a, err := New(ctx, cfg, quiet(), WithOutput(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	got, err := a.store.GetImport(ctx, stale.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != importer.StatusFailed || got.Message != interruptedImport || got.FinishedAt.IsZero() {
		t.Fatalf("interrupted import = %+v, want failed with a message", got)
	}
	if kept, _ := a.store.GetImport(ctx, done.ID); kept.Status != importer.StatusDone {
		t.Fatalf("a finished import changed to %q", kept.Status)
	}
}
