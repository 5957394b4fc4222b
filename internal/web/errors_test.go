package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
	"naikkelas/internal/store"
)

// lockedStore answers every list with an engine error no store method
// mapped, as PostgreSQL's lock timeout does while a bulk import holds the
// registry, and maps it in MapError as the engines do.
type lockedStore struct{ store.Store }

var errLockTimeout = errors.New("ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)")

func (lockedStore) ListBusinesses(context.Context, registry.Filter) ([]registry.Business, int, error) {
	return nil, 0, errLockTimeout
}

func (s lockedStore) MapError(err error) error {
	if errors.Is(err, errLockTimeout) {
		return apperr.Wrap(apperr.Conflict, err, "Basis data sedang sibuk. Silakan coba lagi.")
	}
	return s.Store.MapError(err)
}

// TestUnmappedStoreErrorAskedOfStore checks that an error a store method
// returned unmapped is classified by the store before it becomes a status:
// the user is told the database is busy (409), not shown a server error.
func TestUnmappedStoreErrorAskedOfStore(t *testing.T) {
	f := newFixture(t)
	st := lockedStore{f.st}
	srv, err := New(Deps{Store: st, Set: services.New(st, "36.04"), Jurisdiction: "36.04", Logger: f.srv.Logger})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = srv
	for _, path := range []string{"/api/v1/businesses", "/usaha"} {
		w := f.do(request{Method: "GET", Path: path, Role: "admin"})
		if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "sedang sibuk") {
			t.Errorf("GET %s while locked: %d %.200s", path, w.Code, w.Body.String())
		}
	}
}

// TestAPIErrorOpenedAsPage: the Laporan Pimpinan form sends bad dates to
// the PDF API in a new tab; the person reads an error page listing what is
// wrong (and not told of marked fields the page does not have), while an
// API client still gets JSON with the fields.
func TestAPIErrorOpenedAsPage(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/reports/leadership.pdf?from=2026-05-01&to=2026-01-01"
	w := f.do(request{Method: "GET", Path: path, Role: "pimpinan", Header: map[string]string{"Sec-Fetch-Dest": "document"}})
	if body := w.Body.String(); w.Code != s422 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") ||
		!strings.Contains(body, "Tanggal awal harus sebelum tanggal akhir") || !strings.Contains(body, "Kembali ke Beranda") ||
		!strings.Contains(body, "Perbaiki hal berikut") || strings.Contains(body, "ditandai") {
		t.Errorf("opened as a page: %d %s %.400s", w.Code, w.Header().Get("Content-Type"), body)
	}
	w = f.do(request{Method: "GET", Path: path, Role: "pimpinan"})
	if w.Code != s422 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") || !strings.Contains(w.Body.String(), `"from"`) {
		t.Errorf("API client: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
}
