package market

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// TestEncodePhotoOrientation: a phone photo stored sideways with
// orientation 6 and a GPS location comes out turned upright (portrait,
// the sensor's top-left corner at the top right) and without EXIF.
func TestEncodePhotoOrientation(t *testing.T) {
	in := jpegWithExif(t, phoneExif(6))
	if got := exifOrientation(in); got != 6 {
		t.Fatalf("orientation read from the test picture = %d, want 6", got)
	}
	enc, err := EncodePhoto(in)
	if err != nil {
		t.Fatal(err)
	}
	if enc.Width != 800 || enc.Height != 1600 {
		t.Errorf("stored photo %d×%d, want 800×1600 (turned upright)", enc.Width, enc.Height)
	}
	for name, out := range map[string][]byte{"photo": enc.Photo, "thumbnail": enc.Thumb} {
		if bytes.Contains(out, []byte("Exif")) || bytes.Contains(out, []byte{0xFF, 0xE1}) {
			t.Errorf("%s still holds an EXIF (APP1) segment", name)
		}
		img, err := jpeg.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if b.Dx() >= b.Dy() {
			t.Errorf("%s is %v, want portrait", name, b)
		}
		if !reddish(img.At(b.Max.X-b.Dx()/8, b.Dy()/8)) || reddish(img.At(b.Dx()/8, b.Dy()/8)) || reddish(img.At(b.Max.X-b.Dx()/8, b.Max.Y-b.Dy()/8)) {
			t.Errorf("%s: the red corner is not at the top right", name)
		}
	}
}

func reddish(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r > 0xC000 && g < 0x6000 && b < 0x6000
}

// TestOriented turns a 3×2 picture every way EXIF names and checks where
// its top-left pixel lands and the size.
func TestOriented(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 3, 2))
	src.Set(0, 0, color.RGBA{255, 0, 0, 255})
	for o, want := range map[int]struct{ w, h, x, y int }{
		1: {3, 2, 0, 0}, 2: {3, 2, 2, 0}, 3: {3, 2, 2, 1}, 4: {3, 2, 0, 1},
		5: {2, 3, 0, 0}, 6: {2, 3, 1, 0}, 7: {2, 3, 1, 2}, 8: {2, 3, 0, 2},
	} {
		got := oriented(src, o)
		if got.Bounds().Dx() != want.w || got.Bounds().Dy() != want.h || got.RGBAAt(want.x, want.y).R != 255 {
			t.Errorf("orientation %d: %v, red at (%d,%d) = %v", o, got.Bounds(), want.x, want.y, got.RGBAAt(want.x, want.y))
		}
	}
}

// TestExifOrientation reads the tag in both byte orders and ignores what
// is not a valid orientation.
func TestExifOrientation(t *testing.T) {
	little := func(o uint16) []byte {
		var t bytes.Buffer
		t.WriteString("II\x2a\x00")
		_ = binary.Write(&t, binary.LittleEndian, uint32(8))
		_ = binary.Write(&t, binary.LittleEndian, uint16(1))
		_ = binary.Write(&t, binary.LittleEndian, [6]uint16{orientationTag, tiffShort, 1, 0, o, 0})
		return app1(t.Bytes())
	}
	soi := []byte{0xFF, 0xD8}
	for name, c := range map[string]struct {
		data []byte
		want int
	}{
		"big-endian 6":   {append(append(soi, phoneExif(6)...), 0xFF, 0xD9), 6},
		"little 8":       {append(append(soi, little(8)...), 0xFF, 0xD9), 8},
		"out of range":   {append(append(soi, little(9)...), 0xFF, 0xD9), 1},
		"no orientation": {append(append(soi, phoneExif(0)...), 0xFF, 0xD9), 1},
		"not a JPEG":     {[]byte("\x89PNG\r\n\x1a\n"), 1},
		"truncated":      {append(soi, phoneExif(6)[:20]...), 1},
	} {
		if got := exifOrientation(c.data); got != c.want {
			t.Errorf("%s: %d, want %d", name, got, c.want)
		}
	}
}

func FuzzExifOrientation(f *testing.F) {
	soi := []byte{0xFF, 0xD8}
	f.Add(append(append(soi, phoneExif(6)...), 0xFF, 0xD9))
	f.Add(append(soi, phoneExif(3)[:30]...))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 2})
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xFF, 0xFF, 0xE1, 0, 14, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0xFF, 0xFF, 0xFF, 0xF0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := exifOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d out of 1–8", o)
		}
	})
}
