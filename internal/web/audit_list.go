package web

import (
	"encoding/json"
	"net/http"
	"net/url"
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
	v := auditView{Items: rows, Total: p.Total, Page: p.Page, Pages: (p.Total + p.PerPage - 1) / p.PerPage, Query: r.URL.Query()}
	s.render(w, r, http.StatusOK, "audit", page{Title: "Jejak audit", Active: "audit", Data: v})
	return nil
}
