package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/market"
)

func (s *Server) apiProductUpdate(r *http.Request, id int64, p *market.Product) (any, error) {
	p.ID = id
	return s.Market.Update(r.Context(), actor(r), p)
}

// apiProductPhoto stores the multipart part "photo" as a product photo.
func (s *Server) apiProductPhoto(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	data, err := readPhotoPart(r)
	if err != nil {
		return nil, err
	}
	return s.Market.AddPhoto(r.Context(), actor(r), id, data)
}

// readPhotoPart reads the first multipart part named "photo", refusing one
// over market.MaxPhotoBytes with 413.
func readPhotoPart(r *http.Request) ([]byte, error) {
	missing := apperr.Validation(map[string]string{"photo": "Kirim foto sebagai multipart/form-data dengan bagian \"photo\""})
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, missing
	}
	for {
		part, err := mr.NextPart()
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return nil, apperr.New(apperr.TooLarge, "Foto terlalu besar (maks. %d MB)", market.MaxPhotoBytes>>20)
		case err != nil:
			return nil, missing
		}
		if part.FormName() != "photo" {
			part.Close()
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, market.MaxPhotoBytes+1))
		part.Close()
		if errors.As(err, &tooBig) || len(data) > market.MaxPhotoBytes {
			return nil, apperr.New(apperr.TooLarge, "Foto terlalu besar (maks. %d MB)", market.MaxPhotoBytes>>20)
		}
		if err != nil {
			return nil, apperr.Wrap(apperr.Invalid, err, "Foto tidak terbaca utuh")
		}
		return data, nil
	}
}

// photoServe sends a product photo (?ukuran=kecil: its thumbnail) to whoever
// may see the product.
func (s *Server) photoServe(w http.ResponseWriter, r *http.Request) error {
	return servePhoto(w, r, "private, max-age=86400", func(id int64, small bool) (string, error) {
		return s.Market.PhotoFile(r.Context(), actor(r), id, small)
	})
}

// servePhoto sends the JPEG of the photo {id} (?ukuran=kecil: its
// thumbnail) that file finds, with the cache rule given; a bad id is a
// plain 404.
func servePhoto(w http.ResponseWriter, r *http.Request, cache string, file func(id int64, small bool) (string, error)) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return nil
	}
	path, err := file(id, r.URL.Query().Get("ukuran") == "kecil")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/jpeg")
	w.Header().Set("Cache-Control", cache)
	http.ServeFile(w, r, path)
	return nil
}
