package config

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// validatePublicURL accepts "" or an absolute http(s) URL naming a host and
// nothing after it: every link of naikkelas starts at the root, so a path
// would not be honoured. A trailing slash is dropped.
func (c *Config) validatePublicURL() error {
	if c.PublicURL == "" {
		return nil
	}
	u, err := url.Parse(c.PublicURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--public-url %q harus berupa alamat lengkap, mis. https://umkm.serangkab.go.id", c.PublicURL)
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("--public-url %q: cukup skema dan nama host (dengan port bila perlu), tanpa path atau parameter", c.PublicURL)
	}
	c.PublicURL = strings.TrimSuffix(u.Scheme+"://"+u.Host, "/")
	return nil
}

// PublicHTTPS reports whether users reach naikkelas over https.
func (c *Config) PublicHTTPS() bool { return strings.HasPrefix(c.PublicURL, "https://") }

// validateNetwork checks the TLS pair and keeps the demo off the network:
// its accounts have public passwords.
func (c *Config) validateNetwork() error {
	if (c.TLSCert == "") != (c.TLSKey == "") {
		return fmt.Errorf("--tls-cert dan --tls-key harus diberikan berdua")
	}
	if _, err := c.TrustedProxies(); err != nil {
		return err
	}
	if c.Demo && !IsLoopback(c.Addr) {
		return fmt.Errorf("--demo hanya boleh pada alamat loopback (127.0.0.1:PORT atau localhost:PORT), bukan %s: "+
			"akun demo berkata sandi umum akan terbuka bagi seluruh jaringan", c.Addr)
	}
	return nil
}

// TLS reports whether naikkelas serves https itself.
func (c *Config) TLS() bool { return c.TLSCert != "" }

// IsLoopback reports whether the listen address addr (host:port) accepts
// connections from this computer only. An empty host ("":8080) or 0.0.0.0
// listens on every network.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// TrustedProxies parses TrustedProxy: each entry an address (one host) or
// a CIDR range.
func (c *Config) TrustedProxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(c.TrustedProxy, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if p, err := netip.ParsePrefix(part); err == nil {
			out = append(out, p.Masked())
			continue
		}
		ip, err := netip.ParseAddr(part)
		if err != nil {
			return nil, fmt.Errorf("--trusted-proxy: %q bukan alamat IP atau rentang CIDR (mis. 127.0.0.1 atau 10.0.0.0/8)", part)
		}
		ip = ip.Unmap()
		out = append(out, netip.PrefixFrom(ip, ip.BitLen()))
	}
	return out, nil
}
