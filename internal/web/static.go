package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded static files under /static/{hash}/{file}.
// The hash changes with the content, so a year-long cache is safe.
type staticFiles struct {
	hashes map[string]string // file → first 12 hex digits of sha256
	data   map[string][]byte
}

func loadStatic() (*staticFiles, error) {
	sf := &staticFiles{hashes: map[string]string{}, data: map[string][]byte{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(b)
		sf.hashes[name] = hex.EncodeToString(sum[:])[:12]
		sf.data[name] = b
		return nil
	})
	return sf, err
}

// url returns the versioned URL of a static file; templates call it as {{static "app.css"}}.
func (sf *staticFiles) url(name string) string {
	return "/static/" + sf.hashes[name] + "/" + name
}

// faviconServe answers the address browsers ask for by themselves (pages
// link the PNG through its checksum URL).
func (s *Server) faviconServe(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "image/x-icon")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, _ = w.Write(s.static.data["favicon.ico"])
}

func (s *Server) staticServe(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, ok := s.static.data[name]
	if !ok {
		s.fail(w, r, errNotFoundPage)
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if r.PathValue("version") == s.static.hashes[name] {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	_, _ = w.Write(b)
}
