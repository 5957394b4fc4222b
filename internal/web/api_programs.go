package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/programs"
)

// The programme API. Handlers parse, call programs.Service with the
// caller's actor, and write JSON; the rules live in the service.

type programPage struct {
	Items   []programs.Program `json:"items"`
	Total   int                `json:"total"`
	Page    int                `json:"page"`
	PerPage int                `json:"per_page"`
}

func (s *Server) apiProgramList(w http.ResponseWriter, r *http.Request) {
	page, err := queryInt(r, "page", 1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	per, err := queryInt(r, "per_page", 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := programs.ProgramFilter{Status: r.URL.Query().Get("status"), Page: page, PerPage: per}
	items, total, err := s.Programs.List(r.Context(), actor(r), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, programPage{Items: items, Total: total, Page: page, PerPage: min(per, 500)})
}

func (s *Server) apiProgramCreate(w http.ResponseWriter, r *http.Request) {
	var p programs.Program
	if err := decodeJSON(r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Programs.Create(r.Context(), actor(r), &p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/programs/"+itoa64(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiProgramGet(w http.ResponseWriter, r *http.Request) {
	p, err := s.pathProgram(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *Server) apiProgramUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var p programs.Program
	if err := decodeJSON(r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	p.ID = id
	out, err := s.Programs.Update(r.Context(), actor(r), &p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// apiProgramPatch moves a programme along its life cycle: {"status":"open"}.
func (s *Server) apiProgramPatch(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body struct {
		Status string `json:"status"`
	}
	if err := decodeJSON(r, &body); err != nil {
		s.fail(w, r, err)
		return
	}
	if body.Status == "" {
		s.fail(w, r, apperr.Validation(map[string]string{"status": "Status tujuan wajib diisi"}))
		return
	}
	out, err := s.Programs.Move(r.Context(), actor(r), id, body.Status)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiProgramDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Programs.Delete(r.Context(), actor(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// pathInt reads a positive integer path value; anything else is NotFound.
func pathInt(r *http.Request, name string) (int64, error) {
	v := strings.TrimSuffix(r.PathValue(name), ".pdf")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return 0, apperr.New(apperr.NotFound, "Data tidak ditemukan")
	}
	return n, nil
}

// programAndBusiness reads {id} and {business_id}.
func programAndBusiness(r *http.Request) (int64, int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	bid, err := pathInt(r, "business_id")
	return id, bid, err
}
