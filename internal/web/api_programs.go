package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/programs"
)

// The programme API. Handlers parse, call programs.Service with the
// caller's actor, and answer (api_answer.go); the rules live in the service.

func (s *Server) apiProgramList(r *http.Request) (any, error) {
	page, err := queryInt(r, "page", 1)
	if err != nil {
		return nil, err
	}
	per, err := queryInt(r, "per_page", 50)
	if err != nil {
		return nil, err
	}
	f := programs.ProgramFilter{Status: r.URL.Query().Get("status"), Page: page, PerPage: per}
	items, total, err := s.Programs.List(r.Context(), actor(r), f)
	return itemPage[programs.Program]{Items: items, Total: total, Page: page, PerPage: min(per, 500)}, err
}

func (s *Server) apiProgramUpdate(r *http.Request, id int64, p *programs.Program) (any, error) {
	p.ID = id
	return s.Programs.Update(r.Context(), actor(r), p)
}

// programStatus is the body of PATCH /api/v1/programs/{id}: {"status":"open"}.
type programStatus struct {
	Status string `json:"status"`
}

// apiProgramPatch moves a programme along its life cycle.
func (s *Server) apiProgramPatch(r *http.Request, id int64, body *programStatus) (any, error) {
	if body.Status == "" {
		return nil, apperr.Validation(map[string]string{"status": "Status tujuan wajib diisi"})
	}
	return s.Programs.Move(r.Context(), actor(r), id, body.Status)
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
func programAndBusiness(r *http.Request) (int64, int64, error) { return pathIDAnd(r, "business_id") }

// pathIDAnd reads {id} and the second path ID called name.
func pathIDAnd(r *http.Request, name string) (int64, int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, 0, err
	}
	second, err := pathInt(r, name)
	return id, second, err
}
