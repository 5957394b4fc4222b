package market

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/jpeg"
	_ "image/png" // decoders for image.Decode: uploads may be PNG
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // and WebP

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// Photo limits. An upload is decoded and drawn anew as JPEG, so nothing of
// the original file survives but its pixels: EXIF, GPS location, comments
// and any payload hidden after the image data are dropped.
const (
	MaxPhotoBytes  = 8 << 20 // an upload
	maxPhotoPixels = 40_000_000
	photoEdge      = 1600 // longest edge of the stored photo
	thumbEdge      = 320  // longest edge of the thumbnail
)

// PhotoFolder is where product photos live: a folder beside the SQLite file,
// or a configured folder for PostgreSQL. backup copies it.
type PhotoFolder struct{ Dir string }

// Path is the file of a photo (thumb: its thumbnail).
func (f *PhotoFolder) Path(ph *Photo, thumb bool) string {
	if thumb {
		return filepath.Join(f.Dir, filepath.Base(ph.Thumb))
	}
	return filepath.Join(f.Dir, filepath.Base(ph.File))
}

// Remove deletes a photo's files; a file already gone is no error.
func (f *PhotoFolder) Remove(ph Photo) {
	_ = os.Remove(f.Path(&ph, false))
	_ = os.Remove(f.Path(&ph, true))
}

// Encoded is a photo ready to be written: the re-encoded picture and its thumbnail.
type Encoded struct {
	Photo, Thumb  []byte
	Width, Height int
}

// EncodePhoto decodes a JPEG, PNG or WebP upload and re-encodes it as a JPEG
// of at most photoEdge pixels a side, turned upright as a JPEG's EXIF
// orientation asks (the tag itself is dropped with the rest), with a
// thumbnail. The header is read
// first, so that a small file claiming huge dimensions is refused before
// any pixel memory is taken.
func EncodePhoto(data []byte) (*Encoded, error) {
	bad := apperr.New(apperr.Invalid, "Foto harus berkas JPEG, PNG, atau WebP yang utuh")
	bad.Fields = map[string]string{"photo": bad.Message}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, bad
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPhotoPixels {
		e := apperr.New(apperr.Invalid, "Foto terlalu besar (%d×%d piksel); paling banyak 40 megapiksel", cfg.Width, cfg.Height)
		e.Fields = map[string]string{"photo": e.Message}
		return nil, e
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, bad
	}
	full := oriented(scaled(img, photoEdge), exifOrientation(data))
	out := &Encoded{Width: full.Bounds().Dx(), Height: full.Bounds().Dy()}
	if out.Photo, err = encodeJPEG(full, 85); err != nil {
		return nil, err
	}
	if out.Thumb, err = encodeJPEG(scaled(full, thumbEdge), 75); err != nil {
		return nil, err
	}
	return out, nil
}

// scaled draws img on a fresh white RGBA canvas (flattening transparency)
// no larger than edge on its longest side.
func scaled(img image.Image, edge int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > edge || h > edge {
		if w >= h {
			w, h = edge, max(1, h*edge/w)
		} else {
			w, h = max(1, w*edge/h), edge
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	stddraw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, stddraw.Src)
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	return dst
}

func encodeJPEG(img image.Image, quality int) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, fmt.Errorf("encode photo: %w", err)
	}
	return buf.Bytes(), nil
}

// write stores an encoded photo under fresh random names.
func (f *PhotoFolder) write(productID int64, e *Encoded) (file, thumb string, err error) {
	if err := os.MkdirAll(f.Dir, 0o750); err != nil {
		return "", "", fmt.Errorf("photo folder: %w", err)
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	base := fmt.Sprintf("p%d-%s", productID, hex.EncodeToString(rnd[:]))
	file, thumb = base+".jpg", base+"-kecil.jpg"
	if err := os.WriteFile(filepath.Join(f.Dir, file), e.Photo, 0o640); err != nil {
		return "", "", fmt.Errorf("write photo: %w", err)
	}
	if err := os.WriteFile(filepath.Join(f.Dir, thumb), e.Thumb, 0o640); err != nil {
		_ = os.Remove(filepath.Join(f.Dir, file))
		return "", "", fmt.Errorf("write thumbnail: %w", err)
	}
	return file, thumb, nil
}

// AddPhoto re-encodes an upload and stores it as a photo of the product.
func (s *Service) AddPhoto(ctx context.Context, a auth.Actor, productID int64, data []byte) (*Photo, error) {
	p, err := s.writable(ctx, a, productID)
	if err != nil {
		return nil, err
	}
	if s.Photos == nil {
		return nil, apperr.New(apperr.Conflict, "Folder foto belum diatur di server ini")
	}
	if n, err := s.Store.CountPhotos(ctx, p.ID); err != nil {
		return nil, err
	} else if n >= MaxPhotos {
		return nil, apperr.New(apperr.Conflict, "Produk sudah punya %d foto; hapus salah satu dulu", MaxPhotos)
	}
	enc, err := EncodePhoto(data)
	if err != nil {
		return nil, err
	}
	file, thumb, err := s.Photos.write(p.ID, enc)
	if err != nil {
		return nil, err
	}
	ph := &Photo{ProductID: p.ID, File: file, Thumb: thumb, Width: enc.Width, Height: enc.Height, CreatedBy: a.Username}
	if err := s.Store.AddPhoto(ctx, ph, &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "photo",
		Entity: "product", EntityID: p.ID}); err != nil {
		s.Photos.Remove(*ph)
		return nil, err
	}
	ph.SetURLs()
	return ph, nil
}

// PhotoFile returns the file of a photo the actor may see.
func (s *Service) PhotoFile(ctx context.Context, a auth.Actor, id int64, thumb bool) (string, error) {
	ph, err := s.Store.GetPhoto(ctx, id)
	if err != nil {
		return "", err
	}
	if _, err := s.Product(ctx, a, ph.ProductID); err != nil {
		return "", apperr.New(apperr.NotFound, "Foto tidak ditemukan")
	}
	if s.Photos == nil {
		return "", apperr.New(apperr.NotFound, "Foto tidak ditemukan")
	}
	return s.Photos.Path(ph, thumb), nil
}
