package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
)

// apiDuplicateList lists likely duplicate businesses for review.
func (s *Server) apiDuplicateList(r *http.Request) (any, error) {
	q := r.URL.Query()
	minP := 0.5
	if v := q.Get("min_probability"); v != "" {
		p, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, apperr.Validation(map[string]string{"min_probability": "Isi angka 0 sampai 1, mis. 0.9"})
		}
		minP = p
	}
	pairs, err := s.Duplicates.List(r.Context(), actor(r), q.Get("district"), minP)
	return map[string]any{"items": pairs}, err
}

// duplicatePair is the body of a dismissal: the two businesses' ids.
type duplicatePair struct {
	A int64 `json:"a"`
	B int64 `json:"b"`
}

// apiDuplicateDismiss remembers a pair as "bukan duplikat".
func (s *Server) apiDuplicateDismiss(r *http.Request, body *duplicatePair) (any, error) {
	return nil, s.Duplicates.Dismiss(r.Context(), actor(r), body.A, body.B)
}

func duplicateSchemas() map[string]any {
	return map[string]any{
		"DuplicateList": obj(map[string]any{"items": arrayOf("DuplicateCandidate")}, "items"),
		"DuplicateCandidate": obj(map[string]any{"a": ref("Business"), "b": ref("Business"), "probability": number,
			"reasons": arrayOf("DuplicateReason")}, "a", "b", "probability", "reasons"),
		"DuplicateReason": obj(map[string]any{"field": str, "level": str, "weight": number}, "field", "level", "weight"),
		"DuplicatePair":   obj(map[string]any{"a": integer, "b": integer}, "a", "b"),
	}
}
