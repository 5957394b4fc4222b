// Package apptest holds what the tests that run the server share: the app's
// own tests and the CLI's test of serve.
package apptest

import (
	"bytes"
	"net/http"
	"sync"
	"testing"
)

// SyncBuffer is a bytes.Buffer safe to read while the server writes to it.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Healthy fails the test unless the server at base (http://host:port)
// answers /healthz with 200.
func Healthy(t testing.TB, base string) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s/healthz = %d, want 200", base, resp.StatusCode)
	}
}
