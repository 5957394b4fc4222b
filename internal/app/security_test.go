package app

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/app/apptest"
	"naikkelas/internal/auth"
	"naikkelas/internal/config"
	"naikkelas/internal/demo"
	"naikkelas/internal/services"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
)

// `serve --demo` added the public demo accounts beside a real admin,
// because it only checked that no businesses existed. It now refuses any
// database holding a user or a business the demo did not create, and
// changes nothing in it.
func TestDemoRefusesADatabaseWithRealData(t *testing.T) {
	ctx := context.Background()
	small := WithDemoOptions(demo.Options{Count: 200})
	tests := []struct {
		name   string
		before func(t *testing.T, cfg config.Config) // fills the database first
		want   string
	}{
		{"a real admin", func(t *testing.T, cfg config.Config) {
			withServices(t, cfg.DB, func(st store.Store, set services.Set) {
				if _, err := set.Accounts.Create(ctx, auth.System, accounts.NewAccount{Username: "admin.dinas",
					Password: "Kopi-Tubruk-2025", Role: auth.Admin}); err != nil {
					t.Fatal(err)
				}
			})
		}, "1 pengguna yang tidak dibuat oleh demo"},
		{"a real business", func(t *testing.T, cfg config.Config) {
			withServices(t, cfg.DB, func(st store.Store, set services.Set) {
				if err := st.InsertBatch(ctx, demo.Generate(demo.Options{Count: 3})); err != nil {
					t.Fatal(err)
				}
			})
		}, "3 usaha yang tidak dibuat oleh demo"},
		{"a user added to a demo database", func(t *testing.T, cfg config.Config) {
			a, err := New(ctx, cfg, quiet(), WithOutput(io.Discard), small)
			if err != nil {
				t.Fatal(err)
			}
			a.Close()
			withServices(t, cfg.DB, func(st store.Store, set services.Set) {
				if _, err := set.Accounts.Create(ctx, auth.System, accounts.NewAccount{Username: "petugas.baru",
					Password: "Kopi-Tubruk-2025", Role: auth.Pimpinan}); err != nil {
					t.Fatal(err)
				}
			})
		}, "1 pengguna yang tidak dibuat oleh demo"},
		{"a business added to a demo database", func(t *testing.T, cfg config.Config) {
			a, err := New(ctx, cfg, quiet(), WithOutput(io.Discard), small)
			if err != nil {
				t.Fatal(err)
			}
			a.Close()
			withServices(t, cfg.DB, func(st store.Store, set services.Set) {
				b := demo.Generate(demo.Options{Count: 1})[0].Business
				b.ID, b.NIB = 0, ""
				if _, err := set.Registry.Create(ctx, auth.System, b); err != nil {
					t.Fatal(err)
				}
			})
		}, "1 usaha yang tidak dibuat oleh demo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t)
			cfg.Demo = true
			tt.before(t, cfg)
			var usersBefore int
			withServices(t, cfg.DB, func(st store.Store, _ services.Set) {
				us, _ := st.ListUsers(ctx)
				usersBefore = len(us)
			})
			_, err := New(ctx, cfg, quiet(), WithOutput(io.Discard), small)
			if err == nil || !strings.Contains(err.Error(), "--demo ditolak") || !strings.Contains(err.Error(), tt.want) ||
				!strings.Contains(err.Error(), "tanpa --demo") {
				t.Fatalf("New with --demo: %v; want a refusal naming %q", err, tt.want)
			}
			withServices(t, cfg.DB, func(st store.Store, _ services.Set) {
				us, _ := st.ListUsers(ctx)
				if len(us) != usersBefore {
					t.Errorf("refused demo changed the users: %d, was %d", len(us), usersBefore)
				}
			})
		})
	}
}

// withServices opens the database at path, runs fn and closes it.
func withServices(t *testing.T, path string, fn func(st store.Store, set services.Set)) {
	t.Helper()
	st, err := engine.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(st, services.New(st, "36.04"))
}

// A restart on the database the demo filled, and nothing else, keeps going.
func TestDemoRestartOnItsOwnDatabase(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	cfg.Demo = true
	for i := range 2 {
		var out bytes.Buffer
		a, err := New(ctx, cfg, quiet(), WithOutput(&out), WithDemoOptions(demo.Options{Count: 200}))
		if err != nil {
			t.Fatalf("start %d: %v", i+1, err)
		}
		if loaded := a.DemoLoaded(); loaded != (i == 0) {
			t.Errorf("start %d: loaded=%v", i+1, loaded)
		}
		a.Close()
	}
}

// runFor starts a on its address, waits for the start-up line, then stops.
func runFor(t *testing.T, a *App, out *apptest.SyncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), "naikkelas berjalan") && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// `serve` on a network address without TLS said nothing. It now warns,
// naming the risk; on loopback or with TLS it does not.
func TestPlainHTTPOnTheNetworkWarns(t *testing.T) {
	cert, key := selfSigned(t)
	for _, tc := range []struct {
		addr     string
		tls      bool
		warnWant bool
	}{{"0.0.0.0:0", false, true}, {"127.0.0.1:0", false, false}, {"0.0.0.0:0", true, false}} {
		cfg := testConfig(t)
		cfg.Addr = tc.addr
		if tc.tls {
			cfg.TLSCert, cfg.TLSKey = cert, key
		}
		out := &apptest.SyncBuffer{}
		a, err := New(context.Background(), cfg, quiet(), WithOutput(out))
		if err != nil {
			t.Fatal(err)
		}
		runFor(t, a, out)
		a.Close()
		warned := strings.Contains(out.String(), "PERINGATAN") && strings.Contains(out.String(), "tanpa TLS") &&
			strings.Contains(out.String(), "dapat disadap")
		if warned != tc.warnWant {
			t.Errorf("%s tls=%v: warned=%v; output %q", tc.addr, tc.tls, warned, out.String())
		}
	}
}

// With --tls-cert and --tls-key naikkelas serves https itself, with HSTS.
func TestServesTLS(t *testing.T) {
	cert, key := selfSigned(t)
	cfg := testConfig(t)
	cfg.TLSCert, cfg.TLSKey = cert, key
	out := &apptest.SyncBuffer{}
	a, err := New(context.Background(), cfg, quiet(), WithOutput(out))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	go a.Run(ctx)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	var resp *http.Response
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if resp, err = client.Get("https://" + a.Addr() + "/healthz"); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Fatalf("https /healthz: %d, tls %v, HSTS %q", resp.StatusCode, resp.TLS != nil, resp.Header.Get("Strict-Transport-Security"))
	}
	if !strings.Contains(out.String(), "buka https://") {
		t.Errorf("start-up line %q", out.String())
	}
	cfg.TLSKey = filepath.Join(t.TempDir(), "absent.pem")
	if _, err := New(context.Background(), cfg, quiet()); err == nil || !strings.Contains(err.Error(), "sertifikat TLS") {
		t.Errorf("absent key: %v", err)
	}
}

// selfSigned writes a throw-away certificate for 127.0.0.1 and returns the
// paths of its PEM certificate and key.
func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "naikkelas test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}
