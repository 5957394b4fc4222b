package config

import (
	"fmt"
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
