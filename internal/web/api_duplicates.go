package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/duplicates"
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

// apiDuplicateMerge merges one business into another.
func (s *Server) apiDuplicateMerge(r *http.Request, body *duplicates.MergeRequest) (any, error) {
	return s.Duplicates.Merge(r.Context(), actor(r), *body)
}

// apiMergeUndo restores the two businesses of a merge.
func (s *Server) apiMergeUndo(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.Duplicates.Undo(r.Context(), actor(r), id)
}

func duplicateSchemas() map[string]any {
	counts := map[string]any{"type": "object", "additionalProperties": integer,
		"description": "Jumlah baris per tabel"}
	return map[string]any{
		"MergeRequest": obj(map[string]any{"keep": integer, "merge": integer,
			"fields": map[string]any{"type": "object", "additionalProperties": enum(duplicates.FromKept, duplicates.FromMerged),
				"description": "Per kolom (name, owner_name, phone, …): keep = nilai usaha yang dipertahankan, merge = nilai usaha yang digabung. " +
					"Bawaan: nilai yang dipertahankan, yang kosong diisi dari yang digabung. Nomor izin hanya mengisi yang kosong."}},
			"keep", "merge"),
		"Merge": obj(map[string]any{"id": integer, "keep": integer, "merge": integer, "merged_by": str, "merged_at": instant,
			"undone_by": str, "undone_at": instant, "fields": map[string]any{"type": "array", "items": str},
			"moved": counts, "left": counts, "applications_taken": map[string]any{"type": "array", "items": integer,
				"description": "Program yang didaftar keduanya dan pendaftaran usaha yang digabung lebih lanjut (mis. lulus vs. mendaftar): " +
					"usaha yang dipertahankan memakai pendaftaran itu beserta kehadiran, nilai dan sertifikatnya; pendaftarannya sendiri tetap pada usaha yang digabung"}}, "id", "keep", "merge", "merged_by", "merged_at", "fields", "moved", "left"),
		"DuplicateList": obj(map[string]any{"items": arrayOf("DuplicateCandidate")}, "items"),
		"DuplicateCandidate": obj(map[string]any{"a": ref("Business"), "b": ref("Business"), "probability": number,
			"reasons": arrayOf("DuplicateReason"), "import_id": map[string]any{"type": "integer",
				"description": "Impor yang memasukkan pasangan ini ke tinjauan (baris baru yang kemungkinan sama dengan usaha tersimpan); " +
					"tetap diusulkan sampai digabung atau ditandai bukan duplikat"}}, "a", "b", "probability", "reasons"),
		"DuplicateReason": obj(map[string]any{"field": str, "level": str, "weight": number}, "field", "level", "weight"),
		"DuplicatePair":   obj(map[string]any{"a": integer, "b": integer}, "a", "b"),
	}
}
