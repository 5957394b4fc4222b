package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/funding"
)

// The funding ledger's API is answered straight from funding.Service in the
// route table (api_answer.go), but for the yearly statistics.

func (s *Server) apiStatsFunding(r *http.Request) (any, error) {
	year, err := yearParam(r)
	if err != nil {
		return nil, err
	}
	return s.Funding.Stats(r.Context(), actor(r), year)
}

// yearParam reads ?year= (absent or empty = 0, every year).
func yearParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("year")
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < funding.MinYear || y > funding.MaxYear {
		return 0, apperr.Validation(map[string]string{"year": "Tahun harus angka antara 2000 dan 2100"})
	}
	return y, nil
}
