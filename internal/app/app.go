// Package app wires naikkelas together: configuration, storage, the
// register's services and the HTTP server. main and the tests use the same
// App, so a test can boot the real program on 127.0.0.1:0.
package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"naikkelas/internal/config"
	"naikkelas/internal/demo"
	"naikkelas/internal/market"
	"naikkelas/internal/region"
	"naikkelas/internal/services"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
	"naikkelas/internal/web"
)

// App is one running naikkelas instance.
type App struct {
	cfg    config.Config
	log    *slog.Logger
	out    io.Writer
	store  store.Store
	srv    *http.Server
	ln     net.Listener
	demo   demo.Options
	loaded bool
}

// Option adjusts New.
type Option func(*App)

// WithLogger sets the structured logger (default: slog text on stderr).
func WithLogger(l *slog.Logger) Option { return func(a *App) { a.log = l } }

// WithOutput sets where human-readable start-up messages (the demo accounts,
// the address to open) are written; default stdout.
func WithOutput(w io.Writer) Option { return func(a *App) { a.out = w } }

// WithDemoOptions changes the demo size or seed (tests load a small demo).
func WithDemoOptions(o demo.Options) Option { return func(a *App) { a.demo = o } }

// New validates cfg, opens and migrates the store, loads the demo when
// cfg.Demo is set and the database holds no businesses, builds every
// service on the store (services.New) and the HTTP server on them. It does
// not listen yet: see Listen and Run.
func New(ctx context.Context, cfg config.Config, opts ...Option) (*App, error) {
	a := &App{cfg: cfg, out: os.Stdout}
	for _, o := range opts {
		o(a)
	}
	if a.log == nil {
		a.log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	st, err := engine.Open(ctx, cfg.DB)
	if err != nil {
		return nil, fmt.Errorf("membuka basis data: %w", err)
	}
	a.store = st
	if n, err := st.FailInterrupted(ctx, interruptedImport); err != nil {
		st.Close()
		return nil, err
	} else if n > 0 {
		a.log.Warn("imports interrupted by an earlier stop marked failed", "count", n)
	}
	if cfg.Demo {
		if err := a.loadDemo(ctx); err != nil {
			st.Close()
			return nil, err
		}
	}
	proxies, _ := cfg.TrustedProxies() // checked by Validate
	set := services.New(st, cfg.Jurisdiction)
	if dir := cfg.PhotoFolder(); dir != "" {
		set.Market.Photos = &market.PhotoFolder{Dir: dir}
	}
	h, err := web.New(web.Deps{
		Store: st, Set: set, Jurisdiction: cfg.Jurisdiction, PublicURL: cfg.PublicURL,
		TrustedProxies: proxies, Logger: a.log,
		MaxBodyBytes: cfg.MaxBodyBytes, MaxUploadBytes: cfg.MaxUploadBytes,
		ImportTimeout: cfg.ImportTimeout, UploadDir: cfg.UploadFolder(),
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	var tlsConfig *tls.Config
	if cfg.TLS() {
		cert, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
		if err != nil {
			st.Close()
			return nil, fmt.Errorf("memuat sertifikat TLS: %w", err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	a.srv = &http.Server{
		Handler:           h,
		TLSConfig:         tlsConfig,
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	return a, nil
}

// interruptedImport is the message of an import whose process stopped before it committed.
const interruptedImport = "Impor terhenti karena aplikasi berhenti sebelum selesai. Tidak ada data yang berubah; ulangi impor."

// loadDemo fills an empty database with the demo and prints its accounts.
// A database the demo already filled is left as it is. Any user or business
// the demo did not make is real data: the demo's public passwords must not
// be added beside it, so New fails.
func (a *App) loadDemo(ctx context.Context) error {
	p, err := demo.Inspect(ctx, a.store)
	if err != nil {
		return fmt.Errorf("memeriksa isi basis data: %w", err)
	}
	if p.Foreign() {
		return fmt.Errorf("--demo ditolak: basis data %s sudah berisi %s yang tidak dibuat oleh demo; akun demo "+
			"berkata sandi umum tidak boleh ditambahkan ke data sungguhan. Jalankan tanpa --demo, atau pakai basis data "+
			"baru untuk demo (mis. --db demo.db)", a.cfg.DB, p.Describe())
	}
	if p.Loaded {
		fmt.Fprintln(a.out, "Basis data ini sudah berisi data demo; data demo tidak dimuat ulang.")
		return nil
	}
	if !region.Within(demo.Jurisdiction, a.cfg.Jurisdiction) {
		return fmt.Errorf("data demo berada di Kabupaten Serang (36.04), di luar --jurisdiction %s", a.cfg.Jurisdiction)
	}
	start := time.Now()
	fmt.Fprintln(a.out, "Memuat data demo (48.000 UMKM Kabupaten Serang)…")
	opt := a.demo
	opt.StepDone = func(step string, took time.Duration) {
		a.log.Info("demo step", "step", step, "duration", took.Round(time.Millisecond))
	}
	accounts, err := demo.Load(ctx, a.store, opt)
	if err != nil {
		what := "hapus berkas " + a.cfg.DB
		if engine.IsPostgres(a.cfg.DB) {
			what = "kosongkan basis data"
		}
		return fmt.Errorf("memuat data demo gagal (%w); data demo mungkin tidak lengkap: %s lalu jalankan lagi", err, what)
	}
	a.loaded = true
	a.log.Info("demo loaded", "duration", time.Since(start).Round(time.Millisecond))
	demo.PrintAccounts(a.out, accounts)
	return nil
}

// DemoLoaded reports whether New loaded the demo data.
func (a *App) DemoLoaded() bool { return a.loaded }

// Store returns the opened store (for tests and commands).
func (a *App) Store() store.Store { return a.store }

// Handler returns the HTTP handler.
func (a *App) Handler() http.Handler { return a.srv.Handler }

// Listen binds the configured address. Run calls it when needed; tests call
// it first to learn the port of 127.0.0.1:0 from Addr.
func (a *App) Listen() error {
	if a.ln != nil {
		return nil
	}
	ln, err := net.Listen("tcp", a.cfg.Addr)
	if err != nil {
		return fmt.Errorf("tidak dapat membuka alamat %s: %w", a.cfg.Addr, err)
	}
	a.ln = ln
	return nil
}

// Addr returns the address being listened on, or "" before Listen.
func (a *App) Addr() string {
	if a.ln == nil {
		return ""
	}
	return a.ln.Addr().String()
}

// Run serves HTTP until ctx is cancelled, then shuts down gracefully,
// letting in-flight requests finish within cfg.ShutdownTimeout.
func (a *App) Run(ctx context.Context) error {
	if err := a.Listen(); err != nil {
		return err
	}
	a.log.Info("listening", "addr", a.Addr(), "engine", a.store.Engine(), "jurisdiction", a.cfg.Jurisdiction, "tls", a.cfg.TLS())
	a.warnPlainNetwork()
	scheme := "http"
	if a.cfg.TLS() {
		scheme = "https"
	}
	fmt.Fprintf(a.out, "naikkelas berjalan: buka %s://%s\n", scheme, a.Addr())
	errc := make(chan error, 1)
	go func() {
		if a.cfg.TLS() {
			errc <- a.srv.ServeTLS(a.ln, "", "")
			return
		}
		errc <- a.srv.Serve(a.ln)
	}()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	if err := a.srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("penghentian server: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// warnPlainNetwork says so, on the start-up output and in the log, when
// naikkelas listens beyond this computer without TLS.
func (a *App) warnPlainNetwork() {
	if a.cfg.TLS() || config.IsLoopback(a.Addr()) {
		return
	}
	a.log.Warn("serving plain http on the network", "addr", a.Addr())
	fmt.Fprintf(a.out, "PERINGATAN: naikkelas melayani %s tanpa TLS. Kata sandi, cookie sesi, token API dan data pribadi "+
		"(NIK, nomor HP) melewati jaringan tanpa enkripsi dan dapat disadap atau diubah orang lain di jaringan yang sama. "+
		"Pasang reverse proxy TLS di depannya dan dengarkan di 127.0.0.1 (README, bagian Keamanan), atau pakai --tls-cert dan --tls-key.\n", a.Addr())
}

// Close releases the store. Call it after Run returns.
func (a *App) Close() error {
	if a.ln != nil {
		a.ln.Close() // already closed after Run; this covers Listen without Run
	}
	return a.store.Close()
}
