package web

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

func (s *Server) apiProgramReport(r *http.Request) (any, error) {
	_, rep, err := s.pathReport(r)
	return rep, err
}

// apiProgramReportXLSX exports the report, with every participant's progress.
func (s *Server) apiProgramReportXLSX(w http.ResponseWriter, r *http.Request) error {
	p, rep, err := s.pathReport(r)
	if err != nil {
		return err
	}
	id := p.ID
	_, prog, err := s.Programs.Progress(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := programs.WriteReportXLSX(&buf, p, rep, prog, programs.Signatory(s.officeOf(r).Signature())); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="laporan-program-%d.xlsx"`, id))
	_, _ = buf.WriteTo(w)
	return nil
}

type followUpPage struct {
	Items   []programs.FollowUp `json:"items"`
	Total   int                 `json:"total"`
	Page    int                 `json:"page"`
	PerPage int                 `json:"per_page"`
}

// followUpFilter reads ?status=&due_before=&program=&page=; by default the
// open tasks due within the next 30 days.
func (s *Server) followUpFilter(r *http.Request) (programs.FollowUpFilter, error) {
	q := r.URL.Query()
	f := programs.FollowUpFilter{Status: q.Get("status"), DueBefore: q.Get("due_before")}
	if !q.Has("status") {
		f.Status = programs.TaskOpen
	}
	if f.Status == "all" {
		f.Status = ""
	}
	if !q.Has("due_before") {
		f.DueBefore = idfmt.Day(s.Now().AddDate(0, 0, 30))
	} else if f.DueBefore != "" {
		if _, err := time.Parse(time.DateOnly, f.DueBefore); err != nil {
			return f, apperr.Validation(map[string]string{"due_before": "Tanggal harus TTTT-BB-HH"})
		}
	}
	var err error
	if f.Page, f.PerPage, err = queryPage(r, 50); err != nil {
		return f, err
	}
	prog, err := queryInt(r, "program", 0)
	f.ProgramID = int64(prog)
	return f, err
}

func (s *Server) apiFollowUpList(r *http.Request) (any, error) {
	f, err := s.followUpFilter(r)
	if err != nil {
		return nil, err
	}
	items, total, err := s.Programs.FollowUps(r.Context(), actor(r), f)
	return followUpPage{Items: items, Total: total, Page: f.Page, PerPage: min(f.PerPage, 500)}, err
}

func (s *Server) apiFollowUpComplete(r *http.Request, id int64, in *programs.FollowUpReport) (any, error) {
	return s.Programs.CompleteFollowUp(r.Context(), actor(r), id, *in)
}
