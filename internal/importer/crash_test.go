package importer_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
)

const crashEnv = "NAIKKELAS_IMPORT_CRASH_CHILD"

// registryDigest hashes everything an import may change.
func registryDigest(t *testing.T, st store.Store) string {
	h := sha256.New()
	n, err := st.CountBusinesses(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(h, n)
	for id := int64(1); id <= int64(n)+5; id++ {
		if b, err := st.GetBusiness(context.Background(), id); err == nil {
			// JSON, not %v: optional figures are pointers, whose %v is an address.
			_ = json.NewEncoder(h).Encode(b)
			ms, _ := st.ListMeasurements(context.Background(), id)
			_ = json.NewEncoder(h).Encode(ms)
		}
	}
	_, total, _ := st.ListAudit(context.Background(), auditFilter())
	fmt.Fprintln(h, "audit", total)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// crashDB is a SQLite database in a temporary folder holding 300 imported
// businesses: the registry a crash test must find unchanged.
func crashDB(t *testing.T) (dir, dbPath string, st store.Store) {
	dir = t.TempDir()
	dbPath = filepath.Join(dir, "crash.db")
	st, err := engine.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var small bytes.Buffer
	if err := writeGenCSV(&small, 300); err != nil {
		t.Fatal(err)
	}
	runImport(t, st, "awal.csv", small.Bytes(), importer.Options{})
	return dir, dbPath, st
}

// TestCrashLeavesRegistryUnchanged runs a large import in a child process
// (this test binary, re-executed), kills it with SIGKILL in the middle, and
// checks that the registry is exactly as before.
func TestCrashLeavesRegistryUnchanged(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		crashChild()
		return
	}
	if testing.Short() {
		t.Skip("-short: crash test (child process killed mid-import) skipped (go test ./... runs it)")
	}
	dir, dbPath, st := crashDB(t)
	before := registryDigest(t, st)
	st.Close()

	big, err := os.Create(filepath.Join(dir, "besar.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// 20,000 rows: the first 300 are the stored ones with changed figures.
	if err := writeGenCSV(big, 20000); err != nil {
		t.Fatal(err)
	}
	big.Close()
	raw, _ := os.ReadFile(big.Name())
	_ = os.WriteFile(big.Name(), bytes.ReplaceAll(raw, []byte("Kp. Sukamaju"), []byte("Kp. Sukamulya")), 0o644)

	killImportAfter(t, dbPath, big.Name(), 5000)

	st, err = engine.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if after := registryDigest(t, st); after != before {
		t.Fatal("the registry changed after the import was killed")
	}
	imps, _, _ := st.ListImports(context.Background(), 1, 10)
	if len(imps) != 2 || imps[0].Status != importer.StatusRunning || imps[1].Status != importer.StatusDone {
		t.Errorf("imports after the crash: %+v", imps)
	}
}

func crashChild() {
	parts := strings.SplitN(os.Getenv(crashEnv), "|", 2)
	st, err := engine.Open(context.Background(), parts[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	f, _ := os.Open(parts[1])
	info, _ := f.Stat()
	im := importer.New(st, "36.04")
	opt := importer.Options{Actor: auth.Actor{Username: "admin", Role: auth.Admin}, OnProgress: func(p importer.Progress) {
		fmt.Printf("ROWS %d\n", p.Rows)
		time.Sleep(20 * time.Millisecond)
	}}
	imp, err := im.Begin(context.Background(), "besar.csv", opt)
	if err != nil {
		os.Exit(3)
	}
	_ = im.Run(context.Background(), imp, importer.Input{Name: "besar.csv", R: f, Size: info.Size()}, opt)
	fmt.Println("DONE")
	os.Exit(0)
}

func auditFilter() audit.Filter { return audit.Filter{Page: 1, PerPage: 1} }

// killImportAfter re-runs this test binary as a child that imports csvPath
// into dbPath, and kills it with SIGKILL once it reports at least minRows
// rows read: the state a power cut or kill -9 leaves behind.
func killImportAfter(t *testing.T, dbPath, csvPath string, minRows int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashLeavesRegistryUnchanged$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dbPath+"|"+csvPath)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	rows := 0
	for sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "ROWS %d", &rows); err == nil && rows >= minRows {
			break
		}
	}
	if rows < minRows {
		t.Fatalf("child ended before the kill (read %d rows)", rows)
	}
	_ = cmd.Process.Kill() // SIGKILL
	_ = cmd.Wait()
	t.Logf("killed the importing process after %d rows", rows)
}
