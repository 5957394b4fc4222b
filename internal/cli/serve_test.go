package cli

import (
	"context"
	"regexp"
	"testing"
	"time"

	"naikkelas/internal/app/apptest"
)

// TestServeStopsCleanlyOnSignal runs `serve` in-process, waits for it to
// answer /healthz, then cancels its context as SIGINT/SIGTERM would.
func TestServeStopsCleanlyOnSignal(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb apptest.SyncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", tempDB(t)}, Env{
			Stdout: &out, Stderr: &errb, Getenv: func(string) (string, bool) { return "", false },
		})
	}()
	re := regexp.MustCompile(`buka (http://127\.0\.0\.1:\d+)`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		t.Fatalf("serve did not report its address; stdout %q stderr %q", out.String(), errb.String())
	}
	apptest.Healthy(t, base)
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Fatalf("serve exited %d after the signal; stderr %q", code, errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after the signal")
	}
}
