package app

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/app/apptest"
	"naikkelas/internal/config"
	"naikkelas/internal/demo"
)

func testConfig(t *testing.T) config.Config {
	cfg := config.Default()
	cfg.Addr = "127.0.0.1:0"
	cfg.DB = filepath.Join(t.TempDir(), "app.db")
	cfg.ShutdownTimeout = 5 * time.Second
	return cfg
}

func quiet() Option { return WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))) }

func TestBootServeHealthzAndShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := New(ctx, testConfig(t), quiet(), WithOutput(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Addr(), "127.0.0.1:") || strings.HasSuffix(a.Addr(), ":0") {
		t.Fatalf("Addr() = %q, want the bound port", a.Addr())
	}
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()

	apptest.Healthy(t, "http://"+a.Addr())
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after the context was cancelled")
	}
	if _, err := http.Get("http://" + a.Addr() + "/healthz"); err == nil {
		t.Fatal("server still answers after shutdown")
	}
}

func TestDemoLoadsOnlyIntoAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	cfg.Demo = true
	var out bytes.Buffer
	a, err := New(ctx, cfg, quiet(), WithOutput(&out), WithDemoOptions(demo.Options{Count: 300}))
	if err != nil {
		t.Fatal(err)
	}
	n, err := a.Store().CountBusinesses(ctx)
	if err != nil || n != 300 || !a.DemoLoaded() {
		t.Fatalf("after demo: %d businesses (%v), loaded=%v", n, err, a.DemoLoaded())
	}
	for _, want := range []string{"admin", "operator.cikande", "pimpinan", "pemilik.demo", demo.AdminPassword, demo.OperatorPassword} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("start-up output lacks %q:\n%s", want, out.String())
		}
	}
	op, err := a.Store().UserByUsername(ctx, "operator.cikande")
	if err != nil || len(op.Regions) != 1 || op.Regions[0] != "36.04.15" {
		t.Fatalf("operator.cikande = %+v, %v", op, err)
	}
	owner, err := a.Store().UserByUsername(ctx, "pemilik.demo")
	if err != nil || owner.BusinessID == 0 {
		t.Fatalf("pemilik.demo = %+v, %v", owner, err)
	}
	a.Close()

	out.Reset()
	b, err := New(ctx, cfg, quiet(), WithOutput(&out), WithDemoOptions(demo.Options{Count: 300}))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n, _ := b.Store().CountBusinesses(ctx); n != 300 || b.DemoLoaded() {
		t.Fatalf("second start: %d businesses, loaded=%v; want the demo left alone", n, b.DemoLoaded())
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	cfg := testConfig(t)
	cfg.Jurisdiction = "12.34.56"
	if _, err := New(context.Background(), cfg, quiet()); err == nil || strings.Contains(err.Error(), "\n") {
		t.Fatalf("want a one-line error, got %v", err)
	}
	cfg = testConfig(t)
	cfg.Demo = true
	cfg.Jurisdiction = "32.01" // Kabupaten Bogor: the Serang demo does not belong there
	if _, err := New(context.Background(), cfg, quiet(), WithOutput(io.Discard)); err == nil || !strings.Contains(err.Error(), "36.04") {
		t.Fatalf("want a jurisdiction error, got %v", err)
	}
}
