package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"naikkelas/internal/demo"
	"naikkelas/internal/store/engine"
)

func TestBackupProducesAnOpenableCopy(t *testing.T) {
	ctx := context.Background()
	db := tempDB(t)
	if r := run(t, "kata-sandi-ok\n", "user", "add", "--db", db, "--username", "admin", "--role", "admin", "--password-stdin"); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	st, err := engine.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.InsertBatch(ctx, demo.Generate(demo.Options{Count: 50})); err != nil {
		t.Fatal(err)
	}
	// The source stays open during the backup, as it would under a running server.
	defer st.Close()

	// A product photo in the folder beside the database.
	if err := os.MkdirAll(db+"-foto", 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(db+"-foto", "p1-ab.jpg"), []byte("jpeg"), 0o640); err != nil {
		t.Fatal(err)
	}

	target := filepath.Join(t.TempDir(), "cadangan.db")
	r := run(t, "", "backup", "--db", db, target)
	if r.code != ExitOK || !strings.Contains(r.stdout, target) {
		t.Fatalf("backup: exit %d, out %q, err %q", r.code, r.stdout, r.stderr)
	}
	if got, err := os.ReadFile(filepath.Join(target+"-foto", "p1-ab.jpg")); err != nil || string(got) != "jpeg" {
		t.Fatalf("backup lacks the product photo: %q, %v", got, err)
	}
	cp, err := engine.Open(ctx, target)
	if err != nil {
		t.Fatalf("opening the backup: %v", err)
	}
	defer cp.Close()
	if n, err := cp.CountBusinesses(ctx); err != nil || n != 50 {
		t.Fatalf("backup holds %d businesses (%v), want 50", n, err)
	}
	if _, err := cp.UserByUsername(ctx, "admin"); err != nil {
		t.Fatalf("backup lacks the admin user: %v", err)
	}

	// FILE before --db works too, and an existing target is refused.
	run(t, "", "backup", target, "--db", db).oneLineErr(t, ExitError, "sudah ada")
}

func TestBackupErrors(t *testing.T) {
	dir := t.TempDir()
	run(t, "", "backup", "--db", "postgres://postgres@127.0.0.1:5432/test", filepath.Join(dir, "x.db")).
		oneLineErr(t, ExitError, "pg_dump")
	run(t, "", "backup", "--db", filepath.Join(dir, "tidak-ada.db"), filepath.Join(dir, "x.db")).
		oneLineErr(t, ExitError, "tidak ditemukan")
	if _, err := os.Stat(filepath.Join(dir, "tidak-ada.db")); err == nil {
		t.Fatal("backup of a missing database created it")
	}
	run(t, "", "backup", "--db", filepath.Join(dir, "a.db")).oneLineErr(t, ExitUsage, "FILE")
}
