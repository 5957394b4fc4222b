package office

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// memStore keeps the identity in memory, as the engines do in one row.
type memStore struct {
	id    *Identity
	logo  *Logo
	saves int
}

func (m *memStore) GetOffice(context.Context) (*Identity, error) {
	if m.id == nil {
		return nil, apperr.New(apperr.NotFound, "none")
	}
	c := *m.id
	return &c, nil
}

func (m *memStore) SaveOffice(_ context.Context, id *Identity, logo *Logo, drop bool, _ *audit.Entry) error {
	cur := int64(0)
	if m.id != nil {
		cur = m.id.Version
	}
	if id.Version != cur {
		return apperr.New(apperr.Conflict, "stale")
	}
	id.Version++
	c := *id
	m.id, m.saves = &c, m.saves+1
	if logo != nil {
		m.logo = logo
	} else if drop {
		m.logo = nil
	}
	return nil
}

func (m *memStore) OfficeLogo(context.Context) (*Logo, error) {
	if m.logo == nil {
		return nil, apperr.New(apperr.NotFound, "none")
	}
	return m.logo, nil
}

var admin = auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}

func picture(t *testing.T, w, h int, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewNRGBA64(image.Rect(0, 0, w, h)) // 16-bit: the PDF library would refuse it as is
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA64{R: uint16(x * 300), G: 0x8000, B: uint16(y * 300), A: 0xffff})
		}
	}
	var b bytes.Buffer
	if err := enc(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngOf(b *bytes.Buffer, img image.Image) error  { return png.Encode(b, img) }
func jpegOf(b *bytes.Buffer, img image.Image) error { return jpeg.Encode(b, img, nil) }
func gifOf(b *bytes.Buffer, img image.Image) error  { return gif.Encode(b, img, nil) }

func TestDefaults(t *testing.T) {
	for jur, want := range map[string]string{"36.04": "Pemerintah Kabupaten Serang", "36": "Pemerintah Provinsi Banten",
		"": "Pemerintah Republik Indonesia"} {
		s := NewService(&memStore{}, jur)
		id, err := s.Get(context.Background())
		if err != nil || id.Government != want || id.Agency != DefaultAgency || id.Version != 0 {
			t.Errorf("defaults for %q: %+v %v, want %s", jur, id, err, want)
		}
	}
}

func TestUpdate(t *testing.T) {
	st := &memStore{}
	s := NewService(st, "36.04")
	ctx := context.Background()
	in := &Identity{Government: " Pemerintah  Kabupaten Serang ", Agency: DefaultAgency, Address: "Jl. Veteran No. 1, Serang",
		SignatoryName: "Dr. H. Ahmad Fauzi, M.Si.", SignatoryTitle: "Kepala Dinas", SignatoryNIP: "19700101 199001 1 001"}
	if _, err := s.Update(ctx, auth.Actor{Role: auth.Operator}, in, nil, false); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("an operator changed the identity: %v", err)
	}
	id, err := s.Update(ctx, admin, in, &Logo{Data: picture(t, 900, 450, pngOf)}, false)
	if err != nil {
		t.Fatal(err)
	}
	if id.Government != "Pemerintah Kabupaten Serang" || id.SignatoryNIP != "197001011990011001" || id.Version != 1 ||
		id.LogoType != "image/png" || len(id.LogoHash) != 12 {
		t.Fatalf("saved %+v", id)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(st.logo.Data))
	if err != nil || format != "png" || cfg.Width != 600 || cfg.Height != 300 || st.logo.Data[24] != 8 { // IHDR bit depth
		t.Fatalf("stored logo %s %+v %v: want an 8-bit PNG scaled to 600×300", format, cfg, err)
	}
	if got, _ := s.Get(ctx); got.Version != 1 || got.SignatoryName != in.SignatoryName {
		t.Fatalf("Get after Update: %+v", got)
	}
	stale := *in
	if _, err := s.Update(ctx, admin, &stale, nil, false); !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("a stale version was saved: %v", err)
	}
	again := *id
	again.Address = "Jl. Veteran No. 2"
	id, err = s.Update(ctx, admin, &again, nil, true)
	if err != nil || id.LogoType != "" || st.logo != nil {
		t.Fatalf("dropping the logo: %+v %v", id, err)
	}
}

func TestValidate(t *testing.T) {
	good := Identity{Government: "Pemerintah Kabupaten Serang", Agency: DefaultAgency}
	tests := []struct {
		name  string
		edit  func(*Identity)
		logo  []byte
		field string
	}{
		{"no government", func(i *Identity) { i.Government = " " }, nil, "government"},
		{"no agency", func(i *Identity) { i.Agency = "" }, nil, "agency"},
		{"long address", func(i *Identity) { i.Address = strings.Repeat("a", 301) }, nil, "address"},
		{"short NIP", func(i *Identity) { i.SignatoryNIP = "1970" }, nil, "signatory_nip"},
		{"NIP with letters", func(i *Identity) { i.SignatoryNIP = "19700101199001100X" }, nil, "signatory_nip"},
		{"GIF logo", nil, picture(t, 64, 64, gifOf), "logo"},
		{"tiny logo", nil, picture(t, 16, 16, pngOf), "logo"},
		{"not an image", nil, []byte("<svg onload=alert(1)>"), "logo"},
		{"logo over 512 KB", nil, bytes.Repeat([]byte{0x89}, MaxLogoBytes+1), "logo"},
	}
	for _, tc := range tests {
		s := NewService(&memStore{}, "36.04")
		in := good
		if tc.edit != nil {
			tc.edit(&in)
		}
		var logo *Logo
		if tc.logo != nil {
			logo = &Logo{Data: tc.logo}
		}
		_, err := s.Update(context.Background(), admin, &in, logo, false)
		if f := apperr.FieldsOf(err); f[tc.field] == "" {
			t.Errorf("%s: %v, want a message for %s", tc.name, err, tc.field)
		}
	}
	s := NewService(&memStore{}, "36.04")
	in := good
	if _, err := s.Update(context.Background(), admin, &in, &Logo{Data: picture(t, 120, 80, jpegOf)}, false); err != nil {
		t.Errorf("a JPEG logo: %v", err)
	}
}

// The cache keeps pages from reading the row on every request, but another
// process's change shows within a minute.
func TestGetCaches(t *testing.T) {
	st := &memStore{}
	now := time.Date(2026, 12, 2, 1, 0, 0, 0, time.UTC)
	s := NewService(st, "36.04")
	s.Now = func() time.Time { return now }
	if _, err := s.Get(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.id = &Identity{Government: "Pemerintah Kota Serang", Agency: "Dinas X", Version: 1}
	if id, _ := s.Get(context.Background()); id.Government != "Pemerintah Kabupaten Serang" {
		t.Fatalf("read the store again at once: %+v", id)
	}
	now = now.Add(2 * time.Minute)
	if id, _ := s.Get(context.Background()); id.Government != "Pemerintah Kota Serang" {
		t.Fatalf("a change elsewhere not seen after the cache time: %+v", id)
	}
}
