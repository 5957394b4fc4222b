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

// phoneExif is an APP1 segment holding an EXIF block the way a phone
// writes it: the orientation tag (when orientation is not 0) and a GPS IFD
// placing the picture at 6°7'S 106°9'E (a house in Serang).
func phoneExif(orientation uint16) []byte {
	be := binary.BigEndian
	entries := [][6]uint16{}
	if orientation != 0 {
		entries = append(entries, [6]uint16{orientationTag, tiffShort, 0, 1, orientation, 0})
	}
	gps := uint16(8 + 2 + 12*(len(entries)+1) + 4)
	entries = append(entries, [6]uint16{0x8825, 4, 0, 1, 0, gps}) // GPSInfo → the GPS IFD
	var t bytes.Buffer
	t.WriteString("MM\x00\x2a")
	_ = binary.Write(&t, be, uint32(8)) // IFD0 at 8
	_ = binary.Write(&t, be, uint16(len(entries)))
	for _, e := range entries {
		_ = binary.Write(&t, be, e)
	}
	_ = binary.Write(&t, be, uint32(0))
	// GPS IFD: latitude ref "S", latitude (3 rationals), longitude ref "E", longitude (3 rationals).
	lat, long := gps+54, gps+78
	_ = binary.Write(&t, be, uint16(4))
	for _, e := range [][6]uint16{{1, 2, 0, 2, 'S' << 8, 0}, {2, 5, 0, 3, 0, lat}, {3, 2, 0, 2, 'E' << 8, 0}, {4, 5, 0, 3, 0, long}} {
		_ = binary.Write(&t, be, e)
	}
	_ = binary.Write(&t, be, uint32(0))
	_ = binary.Write(&t, be, [6]uint32{6, 1, 7, 1, 0, 1})
	_ = binary.Write(&t, be, [6]uint32{106, 1, 9, 1, 0, 1})
	return app1(t.Bytes())
}

// app1 wraps a TIFF structure in a JPEG APP1 "Exif" segment.
func app1(tiff []byte) []byte {
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// jpegWithExif is a 2000×1000 JPEG, white with a red top-left corner
// (500×250), carrying the segment exif right after its SOI marker.
func jpegWithExif(t *testing.T, exif []byte) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2000, 1000))
	for y := range 1000 {
		for x := range 2000 {
			img.Set(x, y, color.White)
			if x < 500 && y < 250 {
				img.Set(x, y, color.RGBA{220, 20, 20, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	out := append([]byte{}, raw[:2]...)
	out = append(out, exif...)
	return append(out, raw[2:]...)
}

// jpegWithGPS is such a JPEG with a location and no orientation.
func jpegWithGPS(t *testing.T) []byte { return jpegWithExif(t, phoneExif(0)) }

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
