package market

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"naikkelas/internal/apperr"
)

// tinyWebP is a 1×1 lossless WebP picture.
const tinyWebP = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="

// gpsExif is an APP1 segment holding an EXIF block whose GPS IFD places the
// picture at 6°7'S 106°9'E (a house in Serang), the way a phone writes it.
func gpsExif() []byte {
	be := binary.BigEndian
	var t bytes.Buffer
	t.WriteString("MM\x00\x2a")
	_ = binary.Write(&t, be, uint32(8)) // IFD0 at 8
	// IFD0: one entry, GPSInfo (0x8825) → GPS IFD at 26.
	_ = binary.Write(&t, be, uint16(1))
	_ = binary.Write(&t, be, [6]uint16{0x8825, 4, 0, 1, 0, 26})
	_ = binary.Write(&t, be, uint32(0))
	// GPS IFD: latitude ref "S", latitude (3 rationals at 80), longitude ref "E", longitude (at 104).
	_ = binary.Write(&t, be, uint16(4))
	for _, e := range [][6]uint16{{1, 2, 0, 2, 'S' << 8, 0}, {2, 5, 0, 3, 0, 80}, {3, 2, 0, 2, 'E' << 8, 0}, {4, 5, 0, 3, 0, 104}} {
		_ = binary.Write(&t, be, e)
	}
	_ = binary.Write(&t, be, uint32(0))
	for t.Len() < 80 {
		t.WriteByte(0)
	}
	_ = binary.Write(&t, be, [6]uint32{6, 1, 7, 1, 0, 1})
	_ = binary.Write(&t, be, [6]uint32{106, 1, 9, 1, 0, 1})
	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// jpegWithGPS is a 2000×1000 JPEG carrying gpsExif right after its SOI marker.
func jpegWithGPS(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2000, 1000))
	for x := range 2000 {
		img.Set(x, x/2, color.RGBA{10, 120, 40, 255})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	out := append([]byte{}, raw[:2]...)
	out = append(out, gpsExif()...)
	return append(out, raw[2:]...)
}

func TestEncodePhotoStripsLocation(t *testing.T) {
	in := jpegWithGPS(t)
	if !bytes.Contains(in, []byte("Exif\x00\x00MM")) {
		t.Fatal("the test picture carries no EXIF")
	}
	if _, err := jpeg.Decode(bytes.NewReader(in)); err != nil {
		t.Fatalf("the test picture is no valid JPEG: %v", err)
	}
	enc, err := EncodePhoto(in)
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string][]byte{"photo": enc.Photo, "thumbnail": enc.Thumb} {
		if bytes.Contains(out, []byte("Exif")) || bytes.Contains(out, []byte{0xFF, 0xE1}) {
			t.Errorf("%s still holds an EXIF (APP1) segment", name)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s is not a JPEG: %v", name, err)
		}
		if max(cfg.Width, cfg.Height) > photoEdge {
			t.Errorf("%s is %d×%d", name, cfg.Width, cfg.Height)
		}
	}
	if enc.Width != 1600 || enc.Height != 800 {
		t.Errorf("stored photo %d×%d, want 1600×800", enc.Width, enc.Height)
	}
	if cfg, _ := jpeg.DecodeConfig(bytes.NewReader(enc.Thumb)); cfg.Width != thumbEdge || cfg.Height != 160 {
		t.Errorf("thumbnail %d×%d, want 320×160", cfg.Width, cfg.Height)
	}
}

func TestEncodePhotoFormats(t *testing.T) {
	webp, _ := base64.StdEncoding.DecodeString(tinyWebP)
	if enc, err := EncodePhoto(webp); err != nil || enc.Width != 1 {
		t.Errorf("WebP: %+v, %v", enc, err)
	}
	for name, data := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("bukan gambar"),
		"truncated": jpegWithGPS(t)[:600],
		// A PNG header claiming 100,000 × 100,000 pixels: refused before decoding.
		"pixel bomb": append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x02\x00\x00\x00"),
			make([]byte, 16)...),
	} {
		_, err := EncodePhoto(data)
		if !apperr.Is(err, apperr.Invalid) || apperr.FieldsOf(err)["photo"] == "" {
			t.Errorf("%s: error %v, want Invalid on field photo", name, err)
		}
	}
}

func FuzzEncodePhoto(f *testing.F) {
	webp, _ := base64.StdEncoding.DecodeString(tinyWebP)
	f.Add(webp)
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 4, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		enc, err := EncodePhoto(data)
		if err == nil && (enc.Width < 1 || len(enc.Photo) == 0 || len(enc.Thumb) == 0) {
			t.Fatalf("accepted without a picture: %+v", enc)
		}
	})
}
