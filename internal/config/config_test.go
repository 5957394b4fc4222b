package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestPrecedence(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		wantAddr string
		wantDB   string
		wantJur  string
		wantDemo bool
	}{
		{"defaults", nil, nil, DefaultAddr, DefaultDB, DefaultJurisdiction, false},
		{"env", map[string]string{EnvAddr: ":9000", EnvDB: "x.db", EnvJurisdiction: "36"}, nil, ":9000", "x.db", "36", false},
		{"empty env jurisdiction means all Indonesia", map[string]string{EnvJurisdiction: ""}, nil, DefaultAddr, DefaultDB, "", false},
		{"flag wins over env", map[string]string{EnvAddr: ":9000", EnvDB: "x.db"},
			[]string{"--addr", "127.0.0.1:0", "--db", "postgres://h/db", "--jurisdiction", "36.03", "--demo"},
			"127.0.0.1:0", "postgres://h/db", "36.03", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := FromEnv(env(tt.env))
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c.BindServe(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if c.Addr != tt.wantAddr || c.DB != tt.wantDB || c.Jurisdiction != tt.wantJur || c.Demo != tt.wantDemo {
				t.Fatalf("got %q %q %q %v", c.Addr, c.DB, c.Jurisdiction, c.Demo)
			}
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
		})
	}
}

func TestPublicURL(t *testing.T) {
	c := FromEnv(env(map[string]string{EnvPublicURL: " https://umkm.serangkab.go.id/ "}))
	if err := c.Validate(); err != nil || c.PublicURL != "https://umkm.serangkab.go.id" || !c.PublicHTTPS() {
		t.Fatalf("from env: %q https=%v, %v", c.PublicURL, c.PublicHTTPS(), err)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.BindServe(fs)
	if err := fs.Parse([]string{"--public-url", "http://192.168.1.10:8080"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil || c.PublicURL != "http://192.168.1.10:8080" || c.PublicHTTPS() {
		t.Fatalf("flag over env: %q https=%v, %v", c.PublicURL, c.PublicHTTPS(), err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		mod     func(*Config)
		wantErr string
	}{
		{"ok", func(*Config) {}, ""},
		{"province", func(c *Config) { c.Jurisdiction = "36" }, ""},
		{"all indonesia", func(c *Config) { c.Jurisdiction = "" }, ""},
		{"unknown region", func(c *Config) { c.Jurisdiction = "99.99" }, "bukan kode wilayah"},
		{"district is not a jurisdiction", func(c *Config) { c.Jurisdiction = "36.04.15" }, "kabupaten"},
		{"empty db", func(c *Config) { c.DB = " " }, "--db"},
		{"bad addr", func(c *Config) { c.Addr = "localhost" }, "host:port"},
		{"bad port", func(c *Config) { c.Addr = "127.0.0.1:http99" }, "port"},
		{"public url", func(c *Config) { c.PublicURL = "https://umkm.serangkab.go.id/" }, ""},
		{"public url on the LAN", func(c *Config) { c.PublicURL = "http://192.168.1.10:8080" }, ""},
		{"public url without scheme", func(c *Config) { c.PublicURL = "umkm.serangkab.go.id" }, "alamat lengkap"},
		{"public url ftp", func(c *Config) { c.PublicURL = "ftp://umkm.serangkab.go.id" }, "alamat lengkap"},
		{"public url with a path", func(c *Config) { c.PublicURL = "https://serangkab.go.id/umkm" }, "tanpa path"},
		{"public url with a query", func(c *Config) { c.PublicURL = "https://umkm.serangkab.go.id/?a=1" }, "tanpa path"},
		{"trusted proxies", func(c *Config) { c.TrustedProxy = "127.0.0.1, 10.0.0.0/8,::1" }, ""},
		{"trusted proxy not an address", func(c *Config) { c.TrustedProxy = "127.0.0.1,proxy.lan" }, "proxy.lan"},
		{"tls cert without key", func(c *Config) { c.TLSCert = "cert.pem" }, "berdua"},
		{"demo on the network", func(c *Config) { c.Demo, c.Addr = true, "0.0.0.0:8080" }, "loopback"},
		{"demo on localhost", func(c *Config) { c.Demo, c.Addr = true, "localhost:8080" }, ""},
		{"demo on IPv6 loopback", func(c *Config) { c.Demo, c.Addr = true, "[::1]:8080" }, ""},
		{"no import time", func(c *Config) { c.ImportTimeout = 0 }, "--import-timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.mod(&c)
			err := c.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got %v, want %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("message must be one line: %q", err)
			}
		})
	}
}

func TestTrustedProxies(t *testing.T) {
	c := FromEnv(env(map[string]string{EnvTrustedProxy: "127.0.0.1, 10.0.0.0/8, ::ffff:192.168.1.1"}))
	ps, err := c.TrustedProxies()
	if err != nil || len(ps) != 3 || ps[0].String() != "127.0.0.1/32" || ps[1].String() != "10.0.0.0/8" || ps[2].String() != "192.168.1.1/32" {
		t.Fatalf("TrustedProxies = %v, %v", ps, err)
	}
}

// TestUploadFolder: uploads go to a folder of this database alone, since
// the server deletes what it finds there at start.
func TestUploadFolder(t *testing.T) {
	c := Default()
	c.DB = "/data/umkm.db"
	if got := c.UploadFolder(); got != "/data/umkm.db-unggahan" {
		t.Errorf("sqlite: %q", got)
	}
	c.DB = "postgres://u@db/a"
	a := c.UploadFolder()
	c.DB = "postgres://u@db/b"
	if b := c.UploadFolder(); a == b || !strings.Contains(a, "naikkelas-unggahan-") || strings.Contains(a, "db/a") {
		t.Errorf("postgres: %q and %q", a, b)
	}
	c.UploadDir = "/srv/unggahan"
	if got := c.UploadFolder(); got != "/srv/unggahan" {
		t.Errorf("explicit: %q", got)
	}
}
