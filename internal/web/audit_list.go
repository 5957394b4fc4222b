package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"naikkelas/internal/auth"
)

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

type auditView struct {
	Items []auditRow
	Total int
	Page  int
	Pages int
	Query url.Values
}

// auditList pages through the audit log, newest first (admin only).
func (s *Server) auditList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.listAudit(r)
	if err != nil {
		return err
	}
	rows := make([]auditRow, len(p.Items))
	for i, e := range p.Items {
		rows[i] = newAuditRow(e)
	}
	s.nameAuditRows(r.Context(), actor(r), rows)
	v := auditView{Items: rows, Total: p.Total, Page: p.Page, Pages: (p.Total + p.PerPage - 1) / p.PerPage, Query: r.URL.Query()}
	s.render(w, r, http.StatusOK, "audit", page{Title: "Jejak audit", Active: "audit", Data: v})
	return nil
}

// nameAuditRows names the programmes and businesses of a page of entries,
// each looked up once. A record since removed keeps its number.
func (s *Server) nameAuditRows(ctx context.Context, a auth.Actor, rows []auditRow) {
	programs, businesses := map[int64]string{}, map[int64]string{}
	for i := range rows {
		r := &rows[i]
		if r.Entity == "follow_up" && r.BusinessID == 0 { // a task's entry holds only what changed
			if t, err := s.Store.GetFollowUp(ctx, r.EntityID); err == nil {
				r.ProgramID, r.BusinessID = t.ProgramID, t.BusinessID
			}
		}
		if _, ok := programs[r.ProgramID]; !ok && r.ProgramID > 0 {
			if p, err := s.Programs.Get(ctx, a, r.ProgramID); err == nil {
				programs[r.ProgramID] = p.Name
			} else {
				programs[r.ProgramID] = ""
			}
		}
		if _, ok := businesses[r.BusinessID]; !ok && r.BusinessID > 0 {
			if b, err := s.Registry.Get(ctx, a, r.BusinessID); err == nil {
				businesses[r.BusinessID] = b.Name
			} else {
				businesses[r.BusinessID] = ""
			}
		}
		r.named(programs[r.ProgramID], businesses[r.BusinessID])
	}
}
