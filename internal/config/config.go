// Package config holds the one typed configuration of naikkelas. Values come
// from defaults, then NAIKKELAS_* environment variables, then command-line
// flags (a flag wins over the environment). Nothing else reads os.Getenv.
package config

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"naikkelas/internal/region"
)

// Environment variable names. Outside scripts rely on them.
const (
	EnvAddr         = "NAIKKELAS_ADDR"
	EnvDB           = "NAIKKELAS_DB"
	EnvJurisdiction = "NAIKKELAS_JURISDICTION"
	EnvPublicURL    = "NAIKKELAS_PUBLIC_URL"
	EnvTLSCert      = "NAIKKELAS_TLS_CERT"
	EnvTLSKey       = "NAIKKELAS_TLS_KEY"
	EnvTrustedProxy = "NAIKKELAS_TRUSTED_PROXY"
	EnvPhotoDir     = "NAIKKELAS_PHOTO_DIR"
)

// Defaults.
const (
	DefaultAddr         = "127.0.0.1:8080"
	DefaultDB           = "naikkelas.db"
	DefaultJurisdiction = "36.04" // Kabupaten Serang
)

// Config is everything a naikkelas process needs to start.
type Config struct {
	Addr         string // listen address of the HTTP server
	DB           string // SQLite file path or postgres:// URL
	Jurisdiction string // region code the instance serves; "" = all Indonesia
	Demo         bool   // load the demo data into an empty database
	// PublicURL is the address users reach naikkelas at ("https://umkm.serangkab.go.id"):
	// certificates and other absolute links use it, never the request's Host header.
	// When it is https, cookies are Secure and responses carry HSTS. "" = not set.
	PublicURL string
	// TLSCert and TLSKey, both set, make naikkelas serve https itself with
	// this PEM certificate and key (for an office without a reverse proxy).
	TLSCert, TLSKey string
	// TrustedProxy lists the reverse proxies (addresses or CIDR ranges,
	// comma-separated) whose X-Forwarded-For header names the client; from
	// anyone else the header is ignored. "" = trust no one.
	TrustedProxy string

	MaxBodyBytes   int64 // limit of an ordinary request body
	MaxUploadBytes int64 // limit of an uploaded file (imports)
	// ImportTimeout stops an import of an uploaded file that runs longer.
	ImportTimeout time.Duration
	// UploadDir keeps uploaded files between an import's steps; leftovers
	// are deleted at start. "" = UploadFolder's choice.
	UploadDir string
	// PhotoDir keeps product photos. "" = PhotoFolder's choice.
	PhotoDir string

	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	ShutdownTimeout   time.Duration // how long in-flight requests may finish on shutdown
}

// Default returns the configuration with built-in defaults only.
func Default() Config {
	return Config{
		Addr:              DefaultAddr,
		DB:                DefaultDB,
		Jurisdiction:      DefaultJurisdiction,
		MaxBodyBytes:      1 << 20,
		MaxUploadBytes:    50 << 20,
		ImportTimeout:     30 * time.Minute,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ShutdownTimeout:   15 * time.Second,
	}
}

// FromEnv returns the defaults overridden by the NAIKKELAS_* variables that
// getenv reports as set (pass os.LookupEnv). An empty NAIKKELAS_JURISDICTION
// means all of Indonesia, so presence, not emptiness, decides.
func FromEnv(getenv func(string) (string, bool)) Config {
	c := Default()
	if getenv == nil {
		getenv = os.LookupEnv
	}
	if v, ok := getenv(EnvAddr); ok && v != "" {
		c.Addr = v
	}
	if v, ok := getenv(EnvDB); ok && v != "" {
		c.DB = v
	}
	for name, dst := range map[string]*string{EnvJurisdiction: &c.Jurisdiction, EnvPublicURL: &c.PublicURL,
		EnvTLSCert: &c.TLSCert, EnvTLSKey: &c.TLSKey, EnvTrustedProxy: &c.TrustedProxy, EnvPhotoDir: &c.PhotoDir} {
		if v, ok := getenv(name); ok {
			*dst = strings.TrimSpace(v)
		}
	}
	return c
}

// BindDB registers --db on fs, defaulting to the current value.
func (c *Config) BindDB(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "berkas SQLite atau URL postgres:// (env "+EnvDB+")")
}

// BindJurisdiction registers --jurisdiction on fs.
func (c *Config) BindJurisdiction(fs *flag.FlagSet) {
	fs.StringVar(&c.Jurisdiction, "jurisdiction", c.Jurisdiction,
		"kode wilayah yang dilayani: kabupaten, provinsi, atau kosong untuk seluruh Indonesia (env "+EnvJurisdiction+")")
}

// BindServe registers every flag of `naikkelas serve` on fs. Call it on a
// Config from FromEnv so that the environment supplies the flag defaults.
func (c *Config) BindServe(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "alamat server HTTP (env "+EnvAddr+")")
	c.BindDB(fs)
	c.BindJurisdiction(fs)
	fs.BoolVar(&c.Demo, "demo", c.Demo, "muat data demo ke basis data kosong (hanya pada alamat loopback)")
	fs.StringVar(&c.TLSCert, "tls-cert", c.TLSCert, "berkas sertifikat TLS (PEM) untuk melayani https sendiri (env "+EnvTLSCert+")")
	fs.StringVar(&c.TLSKey, "tls-key", c.TLSKey, "berkas kunci privat TLS (PEM), bersama --tls-cert (env "+EnvTLSKey+")")
	fs.StringVar(&c.TrustedProxy, "trusted-proxy", c.TrustedProxy,
		"alamat reverse proxy (atau rentang CIDR, dipisah koma) yang header X-Forwarded-For-nya dipercaya (env "+EnvTrustedProxy+")")
	fs.StringVar(&c.PublicURL, "public-url", c.PublicURL,
		"alamat publik, mis. https://umkm.serangkab.go.id: dipakai tautan sertifikat; https = cookie Secure dan HSTS (env "+EnvPublicURL+")")
	fs.DurationVar(&c.ImportTimeout, "import-timeout", c.ImportTimeout, "batas waktu satu impor dari halaman atau API, mis. 30m")
	fs.StringVar(&c.UploadDir, "upload-dir", c.UploadDir,
		"folder berkas unggahan impor (berisi data pribadi; dihapus setelah impor); bawaan: <db>-unggahan di samping berkas SQLite")
	c.BindPhotoDir(fs)
}

// BindPhotoDir registers --photo-dir on fs.
func (c *Config) BindPhotoDir(fs *flag.FlagSet) {
	fs.StringVar(&c.PhotoDir, "photo-dir", c.PhotoDir,
		"folder foto produk; bawaan: <db>-foto di samping berkas SQLite, wajib diisi untuk PostgreSQL (env "+EnvPhotoDir+")")
}

// PhotoFolder is where product photos are kept: PhotoDir, or a folder
// beside the SQLite file. PostgreSQL has no file beside which to keep them,
// so there it is PhotoDir or "" (photo uploads are refused).
func (c *Config) PhotoFolder() string {
	switch {
	case c.PhotoDir != "":
		return c.PhotoDir
	case strings.HasPrefix(c.DB, "postgres://"), strings.HasPrefix(c.DB, "postgresql://"):
		return ""
	}
	return c.DB + "-foto"
}

// UploadFolder is where uploads wait between an import's steps: UploadDir,
// or a folder beside the SQLite file, or one per database in the system's
// temporary folder for PostgreSQL. It belongs to this database alone,
// because leftovers in it are deleted at start.
func (c *Config) UploadFolder() string {
	switch {
	case c.UploadDir != "":
		return c.UploadDir
	case strings.HasPrefix(c.DB, "postgres://"), strings.HasPrefix(c.DB, "postgresql://"):
		sum := sha256.Sum256([]byte(c.DB))
		return filepath.Join(os.TempDir(), fmt.Sprintf("naikkelas-unggahan-%x", sum[:8]))
	}
	return c.DB + "-unggahan"
}

// Validate reports the first problem with c as a one-line message.
func (c *Config) Validate() error {
	if strings.TrimSpace(c.DB) == "" {
		return fmt.Errorf("--db tidak boleh kosong")
	}
	if c.Addr == "" {
		return fmt.Errorf("--addr tidak boleh kosong")
	}
	if i := strings.LastIndexByte(c.Addr, ':'); i < 0 {
		return fmt.Errorf("--addr %q harus berbentuk host:port, mis. 127.0.0.1:8080", c.Addr)
	} else if _, err := strconv.ParseUint(c.Addr[i+1:], 10, 16); err != nil {
		return fmt.Errorf("--addr %q: port tidak valid", c.Addr)
	}
	if err := ValidateJurisdiction(c.Jurisdiction); err != nil {
		return err
	}
	if err := c.validatePublicURL(); err != nil {
		return err
	}
	if err := c.validateNetwork(); err != nil {
		return err
	}
	if c.MaxBodyBytes <= 0 || c.MaxUploadBytes <= 0 {
		return fmt.Errorf("batas ukuran request harus positif")
	}
	if c.ImportTimeout <= 0 {
		return fmt.Errorf("--import-timeout harus positif, mis. 30m")
	}
	if c.ShutdownTimeout < 0 {
		return fmt.Errorf("shutdown timeout tidak boleh negatif")
	}
	return nil
}

// ValidateJurisdiction accepts "" (all Indonesia) or the code of a known
// province or regency.
func ValidateJurisdiction(code string) error {
	if code == "" {
		return nil
	}
	r, ok := region.All().Get(code)
	if !ok {
		return fmt.Errorf("--jurisdiction %q bukan kode wilayah Kemendagri yang dikenal (contoh: 36.04)", code)
	}
	if r.Level != region.Province && r.Level != region.Regency {
		return fmt.Errorf("--jurisdiction %q adalah %s; gunakan kode provinsi atau kabupaten/kota, atau kosong untuk seluruh Indonesia", code, r.Level)
	}
	return nil
}
