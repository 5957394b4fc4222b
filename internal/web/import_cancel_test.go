package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/importer"
	"naikkelas/internal/services"
	"naikkelas/internal/store"
)

// gatedStore holds every import's transaction open after its first write
// until the import's context ends, as a long import would.
type gatedStore struct {
	store.Store
	applied chan int64 // receives the import's id after its first write
}

func (g *gatedStore) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	return g.Store.RunImport(ctx, imp, commit, func(tx importer.Tx) error {
		return fn(gatedTx{Tx: tx, ctx: ctx, id: imp.ID, applied: g.applied})
	})
}

type gatedTx struct {
	importer.Tx
	ctx     context.Context
	id      int64
	applied chan int64
}

func (t gatedTx) Apply(ctx context.Context, importID int64, changes []importer.Change) error {
	if err := t.Tx.Apply(ctx, importID, changes); err != nil {
		return err
	}
	t.applied <- t.id
	<-t.ctx.Done()
	return t.ctx.Err()
}

// gatedServer replaces the fixture's server with one on a gatedStore whose
// uploads go to dir.
func gatedServer(t *testing.T, f *fixture, timeout time.Duration, dir string) *gatedStore {
	g := &gatedStore{Store: f.st, applied: make(chan int64, 4)}
	srv, err := New(Deps{Store: g, Set: services.New(g, "36.04"), Jurisdiction: "36.04", ImportTimeout: timeout, UploadDir: dir,
		Logger: quietLogger})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	return g
}

var quietLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

const cancelCSV = "Nama Usaha;Nama Pemilik;Desa;Kecamatan\nKopi Batal;Asep;Julang;Cikande\n"

func (f *fixture) startAPIImport(t *testing.T, name, csv string, fields map[string]string) int64 {
	t.Helper()
	w := f.upload(t, f.srv, "operator", name, []byte(csv), fields)
	var created struct{ ID int64 }
	if err := json.Unmarshal(w.Body.Bytes(), &created); w.Code != http.StatusAccepted || err != nil {
		t.Fatalf("POST imports: %d %s", w.Code, w.Body)
	}
	return created.ID
}

// TestImportCancel cancels an import in the middle of its transaction while
// a second one waits for it (on SQLite, to record its start): the first
// writes nothing and ends failed, saying it was cancelled; the second then
// runs; both uploads are deleted.
func TestImportCancel(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	g := gatedServer(t, f, time.Minute, dir)
	first := f.startAPIImport(t, "batal.csv", cancelCSV, nil)
	if id := <-g.applied; id != first {
		t.Fatalf("first write of import %d", id)
	}
	second := make(chan *httptest.ResponseRecorder, 1)
	go func() {
		second <- f.upload(t, f.srv, "operator", "antre.csv", []byte(strings.Replace(cancelCSV, "Kopi Batal", "Kopi Antre", 1)), nil)
	}()
	// others may not cancel it
	for role, code := range map[string]int{"pimpinan": s403, "owner": s403} {
		if w := f.do(request{Method: "POST", Path: "/api/v1/imports/" + itoa64(first) + "/cancel", Role: role}); w.Code != code {
			t.Errorf("%s cancels: %d", role, w.Code)
		}
	}
	start := time.Now()
	w := f.do(request{Method: "POST", Path: "/api/v1/imports/" + itoa64(first) + "/cancel", Role: "operator"})
	var v map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &v); w.Code != 200 || err != nil || v["status"] != "failed" ||
		v["message"] != "Impor dibatalkan; tidak ada data yang diubah" || time.Since(start) > 30*time.Second {
		t.Fatalf("cancel: %d %s", w.Code, w.Body)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/businesses?q=Kopi+Batal", Role: "admin"}); strings.Contains(w.Body.String(), "Kopi Batal") {
		t.Errorf("a cancelled import wrote its row: %s", w.Body)
	}
	if w := f.do(request{Method: "POST", Path: "/api/v1/imports/" + itoa64(first) + "/cancel", Role: "operator"}); w.Code != http.StatusConflict {
		t.Errorf("cancel twice: %d %s", w.Code, w.Body)
	}
	// the way is free: the second import writes, then is cancelled too
	var created struct{ ID int64 }
	if w := <-second; w.Code != http.StatusAccepted || json.Unmarshal(w.Body.Bytes(), &created) != nil {
		t.Fatalf("second import: %d %s", w.Code, w.Body)
	}
	id2 := created.ID
	if id := <-g.applied; id != id2 {
		t.Fatalf("second import did not start (%d)", id)
	}
	f.do(request{Method: "POST", Path: "/api/v1/imports/" + itoa64(id2) + "/cancel", Role: "operator"})
	if files := uploadFiles(t, dir, 0); len(files) != 0 {
		t.Errorf("uploads left after cancel: %v", files)
	}
}

// TestImportTimeLimit: an import past its time limit stops, writes nothing
// (its first chunk was already applied inside the transaction), says why,
// deletes its upload and frees the queue for the next one.
func TestImportTimeLimit(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	g := gatedServer(t, f, 300*time.Millisecond, dir)
	id := f.startAPIImport(t, "lama.csv", cancelCSV, nil)
	<-g.applied
	v := f.waitImport(t, "operator", id)
	if v["status"] != "failed" || !strings.Contains(v["message"].(string), "melewati batas waktu; tidak ada data yang diubah") {
		t.Fatalf("timed out import: %v", v)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/businesses?q=Kopi+Batal", Role: "admin"}); strings.Contains(w.Body.String(), "Kopi Batal") {
		t.Errorf("a timed-out import wrote its row: %s", w.Body)
	}
	if files := uploadFiles(t, dir, 0); len(files) != 0 {
		t.Errorf("uploads left after the time limit: %v", files)
	}
	next := f.startAPIImport(t, "lagi.csv", cancelCSV, nil)
	if got := <-g.applied; got != next {
		t.Fatalf("next import did not run (%d)", got)
	}
}

// TestImportCancelButton: the page's button cancels and shows the import.
func TestImportCancelButton(t *testing.T) {
	f := newFixture(t)
	g := gatedServer(t, f, time.Minute, t.TempDir())
	id := f.startAPIImport(t, "batal.csv", cancelCSV, nil)
	<-g.applied
	page := f.do(request{Method: "GET", Path: "/impor/" + itoa64(id), Role: "operator"})
	if !strings.Contains(page.Body.String(), `action="/impor/batal/`+itoa64(id)+`"`) {
		t.Fatalf("no cancel button on the running import's page")
	}
	w := f.do(request{Method: "POST", Path: "/impor/batal/" + itoa64(id), Role: "operator"})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/impor/"+itoa64(id) {
		t.Fatalf("cancel button: %d %v", w.Code, w.Header())
	}
	page = f.do(request{Method: "GET", Path: "/impor/" + itoa64(id), Role: "operator"})
	if !strings.Contains(page.Body.String(), "Impor dibatalkan; tidak ada data yang diubah") || strings.Contains(page.Body.String(), "btn-batal") {
		t.Errorf("page after cancel:\n%s", page.Body)
	}
}

// TestUploadsDeleted: an upload is deleted when its import ends (API dry
// run, failure, import), a page's dry run keeps it for the commit that
// follows, an upload left alone expires, and a new server deletes what a
// stopped one left.
func TestUploadsDeleted(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "naikkelas-impor-123.csv"), []byte("NIK\n3604"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "catatan.txt"), []byte("bukan unggahan"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Deps{Store: f.st, Set: services.New(f.st, "36.04"), Jurisdiction: "36.04", UploadDir: dir, Logger: quietLogger})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	if files := uploadFiles(t, dir, 0); len(files) != 0 {
		t.Fatalf("leftover upload not swept at start: %v", files)
	}
	if _, err := os.Stat(filepath.Join(dir, "catatan.txt")); err != nil {
		t.Errorf("the sweep deleted a file that is no upload: %v", err)
	}
	for name, fields := range map[string]map[string]string{"dry run": {"dry_run": "1"}, "import": nil} {
		f.waitImport(t, "operator", f.startAPIImport(t, "a.csv", cancelCSV, fields))
		if files := uploadFiles(t, dir, 0); len(files) != 0 {
			t.Errorf("%s: upload left: %v", name, files)
		}
	}
	f.waitImport(t, "operator", f.startAPIImport(t, "rusak.xlsx", "PK\x03\x04 rusak", nil))
	if files := uploadFiles(t, dir, 0); len(files) != 0 {
		t.Errorf("failed import: upload left: %v", files)
	}
	// the page: upload, dry run (kept), commit (deleted)
	token := f.pageUpload(t, "halaman.csv", strings.Replace(cancelCSV, "Kopi Batal", "Kopi Halaman", 1))
	dry := f.do(request{Method: "POST", Path: "/impor/unggahan/" + token, Role: "operator", Body: "action=dry"})
	f.waitImport(t, "operator", idFromLocation(t, dry))
	if files := uploadFiles(t, dir, 1); len(files) != 1 {
		t.Fatalf("after the page's dry run: %v", files)
	}
	commit := f.do(request{Method: "POST", Path: "/impor/unggahan/" + token, Role: "operator", Body: "action=commit"})
	if v := f.waitImport(t, "operator", idFromLocation(t, commit)); v["status"] != "done" {
		t.Fatalf("commit: %v", v)
	}
	if files := uploadFiles(t, dir, 0); len(files) != 0 {
		t.Errorf("after commit: %v", files)
	}
	// an upload nobody continues expires
	f.srv.imports.idle = 50 * time.Millisecond
	f.pageUpload(t, "lupa.csv", cancelCSV)
	if files := uploadFiles(t, dir, 0); len(files) != 0 {
		t.Errorf("idle upload not deleted: %v", files)
	}
}

// pageUpload posts a file to the upload page and returns the preview's token.
func (f *fixture) pageUpload(t *testing.T, name, csv string) string {
	t.Helper()
	body, ctype := multipartBody(t, name, []byte(csv), nil)
	r := httptest.NewRequest(http.MethodPost, "/impor", body)
	r.Header.Set("Content-Type", ctype)
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: f.cookies["operator"]})
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	m := regexp.MustCompile(`/impor/unggahan/([0-9a-f]+)`).FindStringSubmatch(w.Body.String())
	if w.Code != 200 || m == nil {
		t.Fatalf("upload page: %d %s", w.Code, w.Body)
	}
	return m[1]
}

func idFromLocation(t *testing.T, w *httptest.ResponseRecorder) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscanf(w.Header().Get("Location"), "/impor/%d", &id); err != nil || w.Code != http.StatusSeeOther {
		t.Fatalf("redirect %d %q", w.Code, w.Header().Get("Location"))
	}
	return id
}

// uploadFiles lists the uploads in dir once no more than want remain, or
// after a few seconds: a job deletes its upload just after the import's
// status is saved.
func uploadFiles(t *testing.T, dir string, want int) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		files, err := filepath.Glob(filepath.Join(dir, uploadPattern))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) <= want || time.Now().After(deadline) {
			return files
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// importJSON is GET /api/v1/imports/{id} as role.
func (f *fixture) importJSON(t *testing.T, role string, id int64) map[string]any {
	t.Helper()
	w := f.do(request{Method: "GET", Path: "/api/v1/imports/" + itoa64(id), Role: role})
	var v map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil || w.Code != 200 {
		t.Fatalf("GET import %d: %d %s", id, w.Code, w.Body)
	}
	return v
}
