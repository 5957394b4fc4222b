// Package office keeps the identity of the office that runs naikkelas: its
// regional government, the agency, its address and logo, and the official
// who signs its certificates. Certificates, public pages and reports print
// it, so that a province or another regency can run the program under its
// own name. It knows neither HTTP nor SQL; storage is the Store below.
package office

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
)

// Identity is how the office names itself. Version guards against two
// admins saving at once.
type Identity struct {
	Government     string    `json:"government"`      // "Pemerintah Kabupaten Serang"
	Agency         string    `json:"agency"`          // "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan"
	Address        string    `json:"address"`         // street, town, postcode
	SignatoryName  string    `json:"signatory_name"`  // who signs certificates
	SignatoryTitle string    `json:"signatory_title"` // "Kepala Dinas"
	SignatoryNIP   string    `json:"signatory_nip"`   // 18 digits, or empty
	LogoType       string    `json:"logo_type"`       // "image/png", "image/jpeg"; "" = no logo
	LogoHash       string    `json:"logo_hash"`       // first 12 hex digits of the logo's SHA-256, for cache-safe URLs
	Version        int64     `json:"version"`         // 0 = never saved (the defaults)
	UpdatedAt      time.Time `json:"updated_at"`
	UpdatedBy      string    `json:"updated_by"`
}

// Logo is the office's logo image.
type Logo struct {
	Type string
	Data []byte
}

// Store persists the identity: one row.
type Store interface {
	// GetOffice returns the saved identity (without the logo's bytes), or
	// NotFound before the first save.
	GetOffice(ctx context.Context) (*Identity, error)
	// SaveOffice saves id when the stored version equals id.Version (0 for
	// the first save) and increments it; Conflict otherwise. logo replaces
	// the stored logo when not nil; dropLogo removes it. a is written in the
	// same transaction.
	SaveOffice(ctx context.Context, id *Identity, logo *Logo, dropLogo bool, a *audit.Entry) error
	// OfficeLogo returns the logo, or NotFound when there is none.
	OfficeLogo(ctx context.Context) (*Logo, error)
}

// Limits of a logo: small enough for every page and PDF, large enough to
// print sharp on a certificate.
const (
	MaxLogoBytes = 512 << 10
	MaxLogoSide  = 2000
	MinLogoSide  = 32
)

// DefaultAgency is the agency named until the admin saves the identity.
const DefaultAgency = "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan"

// Service reads and changes the identity. Reads are cached: every page
// prints the identity, and only an admin changes it.
type Service struct {
	Store        Store
	Jurisdiction string
	Regions      *region.Directory
	Now          func() time.Time

	mu     sync.Mutex
	cached *Identity
	at     time.Time
}

// cacheFor bounds how long another server process may print an identity
// that an admin has just changed.
const cacheFor = time.Minute

// NewService returns a Service for the instance's jurisdiction.
func NewService(st Store, jurisdiction string) *Service {
	return &Service{Store: st, Jurisdiction: jurisdiction, Regions: region.All(), Now: time.Now}
}

// Defaults is the identity before any save: the government of the
// jurisdiction ("Pemerintah Kabupaten Serang") and the usual agency.
func (s *Service) Defaults() *Identity {
	gov := "Pemerintah Republik Indonesia"
	if r, ok := s.Regions.Get(s.Jurisdiction); ok {
		switch r.Level {
		case region.Province:
			gov = "Pemerintah Provinsi " + r.Name
		default:
			gov = "Pemerintah " + r.Name
		}
	}
	return &Identity{Government: gov, Agency: DefaultAgency}
}

// Get returns the identity: the saved one, or the defaults.
func (s *Service) Get(ctx context.Context) (*Identity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached != nil && s.Now().Sub(s.at) < cacheFor {
		c := *s.cached
		return &c, nil
	}
	id, err := s.Store.GetOffice(ctx)
	if apperr.Is(err, apperr.NotFound) {
		id, err = s.Defaults(), nil
	}
	if err != nil {
		return nil, err
	}
	s.cached, s.at = id, s.Now()
	c := *id
	return &c, nil
}

// Jurisdiction is the region the office serves, as the page header names
// it: "Pemerintah Kabupaten Serang" → "Kabupaten Serang".
func (id *Identity) Jurisdiction() string {
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(id.Government), "Pemerintah "))
}

// Logo returns the logo, or NotFound.
func (s *Service) Logo(ctx context.Context) (*Logo, error) { return s.Store.OfficeLogo(ctx) }

// Update saves the identity (admin only). in.Version must be the version
// read. logo, when not nil, replaces the logo; dropLogo removes it. Bad
// fields are Invalid with a message per field.
func (s *Service) Update(ctx context.Context, a auth.Actor, in *Identity, logo *Logo, dropLogo bool) (*Identity, error) {
	if a.Role != auth.Admin {
		return nil, apperr.New(apperr.Forbidden, "Hanya admin yang boleh mengubah identitas kantor")
	}
	before, err := s.Get(ctx)
	if err != nil {
		return nil, err
	}
	id := *in
	id.normalize()
	f := id.validate()
	if logo != nil {
		if msg := checkLogo(logo); msg != "" {
			f["logo"] = msg
		}
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	id.LogoType, id.LogoHash = before.LogoType, before.LogoHash
	switch {
	case logo != nil:
		sum := sha256.Sum256(logo.Data)
		id.LogoType, id.LogoHash = logo.Type, hex.EncodeToString(sum[:])[:12]
	case dropLogo:
		id.LogoType, id.LogoHash = "", ""
	}
	id.UpdatedAt, id.UpdatedBy = s.Now().UTC(), a.Username
	b, af := audit.Diff(before, &id)
	ent := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Update, Entity: "office", EntityID: 1, Before: b, After: af}
	if err := s.Store.SaveOffice(ctx, &id, logo, dropLogo, ent); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.cached = nil
	s.mu.Unlock()
	return &id, nil
}

func (id *Identity) normalize() {
	for _, p := range []*string{&id.Government, &id.Agency, &id.Address, &id.SignatoryName, &id.SignatoryTitle} {
		*p = strings.Join(strings.Fields(*p), " ")
	}
	id.SignatoryNIP = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, id.SignatoryNIP)
}

// validate returns the Indonesian message of every bad field.
func (id *Identity) validate() map[string]string {
	f := map[string]string{}
	for _, c := range []struct {
		field, label, value string
		max                 int
		required            bool
	}{
		{"government", "Nama pemerintah daerah", id.Government, 120, true},
		{"agency", "Nama dinas", id.Agency, 160, true},
		{"address", "Alamat", id.Address, 300, false},
		{"signatory_name", "Nama penanda tangan", id.SignatoryName, 120, false},
		{"signatory_title", "Jabatan penanda tangan", id.SignatoryTitle, 120, false},
	} {
		switch n := utf8.RuneCountInString(c.value); {
		case c.required && n == 0:
			f[c.field] = c.label + " wajib diisi"
		case n > c.max:
			f[c.field] = fmt.Sprintf("%s terlalu panjang (maks. %d karakter)", c.label, c.max)
		}
	}
	if nip := id.SignatoryNIP; nip != "" && (len(nip) != 18 || strings.Trim(nip, "0123456789") != "") {
		f["signatory_nip"] = "NIP terdiri dari 18 angka"
	}
	return f
}

// checkLogo returns why a logo is refused, or "". The type is read from the
// bytes, not from what the browser claimed. An accepted logo is rewritten
// as an 8-bit PNG of at most logoSide pixels a side, which every page and
// the PDF library read (it refuses interlaced and 16-bit PNGs).
func checkLogo(l *Logo) string {
	if len(l.Data) == 0 {
		return "Berkas logo kosong"
	}
	if len(l.Data) > MaxLogoBytes {
		return fmt.Sprintf("Logo terlalu besar (maks. %d KB)", MaxLogoBytes>>10)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(l.Data))
	if err != nil || (format != "png" && format != "jpeg") {
		return "Logo harus gambar PNG atau JPEG"
	}
	if cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide || cfg.Width < MinLogoSide || cfg.Height < MinLogoSide {
		return fmt.Sprintf("Ukuran logo %d×%d piksel; harus antara %d dan %d piksel per sisi", cfg.Width, cfg.Height, MinLogoSide, MaxLogoSide)
	}
	img, _, err := image.Decode(bytes.NewReader(l.Data))
	if err != nil {
		return "Logo rusak atau tidak dapat dibaca"
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, shrink(img, logoSide)); err != nil {
		return "Logo tidak dapat diolah"
	}
	l.Type, l.Data = "image/png", out.Bytes()
	return ""
}

// logoSide is the longest side a stored logo keeps: sharp at 20 mm on a
// printed certificate, light on every page.
const logoSide = 600

// shrink returns img as 8-bit NRGBA, scaled down by averaging so that its
// longest side is at most side pixels.
func shrink(img image.Image, side int) *image.NRGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	scale := max(float64(w), float64(h)) / float64(side)
	if scale < 1 {
		scale = 1
	}
	nw, nh := max(1, int(float64(w)/scale)), max(1, int(float64(h)/scale))
	out := image.NewNRGBA(image.Rect(0, 0, nw, nh))
	for y := range nh {
		y0, y1 := b.Min.Y+int(float64(y)*scale), b.Min.Y+max(int(float64(y+1)*scale), int(float64(y)*scale)+1)
		for x := range nw {
			x0, x1 := b.Min.X+int(float64(x)*scale), b.Min.X+max(int(float64(x+1)*scale), int(float64(x)*scale)+1)
			var r, g, bl, a, n uint64
			for sy := y0; sy < min(y1, b.Max.Y); sy++ {
				for sx := x0; sx < min(x1, b.Max.X); sx++ {
					c := color.NRGBA64Model.Convert(img.At(sx, sy)).(color.NRGBA64)
					r, g, bl, a, n = r+uint64(c.R), g+uint64(c.G), bl+uint64(c.B), a+uint64(c.A), n+1
				}
			}
			if n > 0 {
				out.SetNRGBA(x, y, color.NRGBA{R: uint8(r / n >> 8), G: uint8(g / n >> 8), B: uint8(bl / n >> 8), A: uint8(a / n >> 8)})
			}
		}
	}
	return out
}

// Signature is what a certificate prints under its date: the signatory of
// the office at the time of issue.
type Signature struct {
	Government string `json:"government"`
	Agency     string `json:"agency"`
	Name       string `json:"name"`
	Title      string `json:"title"`
	NIP        string `json:"nip"`
}

// Signature returns the identity's signature block.
func (id *Identity) Signature() Signature {
	return Signature{Government: id.Government, Agency: id.Agency, Name: id.SignatoryName, Title: id.SignatoryTitle,
		NIP: id.SignatoryNIP}
}
