package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
	"naikkelas/internal/store/sqlite"
)

// indexNames lists the indexes of an SQLite registry with their statements.
func indexNames(t *testing.T, st store.Store) string {
	t.Helper()
	rows, err := st.(*sqlite.Store).Write.QueryContext(context.Background(),
		`SELECT name || ':' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b bytes.Buffer
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, s)
	}
	return b.String()
}

// TestCrashAfterIndexDrop kills a large SQLite import after it has dropped
// its secondary indexes for speed (past 20,000 new businesses), and checks
// that the registry and every index are exactly as before.
func TestCrashAfterIndexDrop(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 40,000-row crash test skipped (go test ./... runs it)")
	}
	dir, dbPath, st := crashDB(t)
	before, indexes := registryDigest(t, st), indexNames(t, st)
	st.Close()

	var big bytes.Buffer
	if err := writeGenCSV(&big, 40000); err != nil {
		t.Fatal(err)
	}
	bigPath := filepath.Join(dir, "besar.csv")
	if err := os.WriteFile(bigPath, big.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	killImportAfter(t, dbPath, bigPath, 30000)

	st, err := engine.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if after := registryDigest(t, st); after != before {
		t.Fatal("the registry changed after the import was killed")
	}
	if after := indexNames(t, st); after != indexes {
		t.Fatalf("indexes after the crash:\n%s\nwant:\n%s", after, indexes)
	}
}
