package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
)

// apiDuplicateList lists likely duplicate businesses for review.
func (s *Server) apiDuplicateList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	minP := 0.5
	if v := q.Get("min_probability"); v != "" {
		p, err := strconv.ParseFloat(v, 64)
		if err != nil {
			s.fail(w, r, apperr.Validation(map[string]string{"min_probability": "Isi angka 0 sampai 1, mis. 0.9"}))
			return
		}
		minP = p
	}
	pairs, err := s.Duplicates.List(r.Context(), actor(r), q.Get("district"), minP)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": pairs})
}

// apiDuplicateDismiss remembers a pair as "bukan duplikat".
func (s *Server) apiDuplicateDismiss(w http.ResponseWriter, r *http.Request) {
	var body struct {
		A int64 `json:"a"`
		B int64 `json:"b"`
	}
	if err := decodeJSON(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Duplicates.Dismiss(r.Context(), actor(r), body.A, body.B); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
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
