package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/funding"
	"naikkelas/internal/registry"
)

func (s *Server) apiStatsDistricts(r *http.Request) (any, error) {
	rows, err := s.Registry.DistrictStats(r.Context(), actor(r), registry.Filter{})
	if err != nil {
		return nil, err
	}
	out := countedList[registry.DistrictCount]{Items: rows}
	if out.Items == nil {
		out.Items = []registry.DistrictCount{}
	}
	for _, d := range rows {
		out.Total += d.Businesses
	}
	return out, nil
}

// apiStatsFunding answers the funding ledger's figures per partner and year.
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

// auditFilter reads entity, entity_id, page and per_page (at most 500).
func auditFilter(r *http.Request, perPage int) (audit.Filter, error) {
	f := audit.Filter{Entity: r.URL.Query().Get("entity")}
	var err error
	if f.Page, err = queryInt(r, "page", 1); err != nil {
		return f, err
	}
	if f.PerPage, err = queryInt(r, "per_page", perPage); err != nil {
		return f, err
	}
	f.PerPage = min(f.PerPage, registry.MaxPerPage)
	if r.URL.Query().Get("entity_id") != "" {
		id, err := queryInt(r, "entity_id", 0)
		if err != nil {
			return f, err
		}
		f.EntityID = int64(id)
	}
	return f, nil
}

func (s *Server) apiAuditList(r *http.Request) (any, error) { return s.listAudit(r) }

// listAudit reads the audit filter from the URL (50 a page by default) and
// loads that page of the log; Items is never nil.
func (s *Server) listAudit(r *http.Request) (itemPage[audit.Entry], error) {
	f, err := auditFilter(r, 50)
	if err != nil {
		return itemPage[audit.Entry]{}, err
	}
	items, total, err := s.Store.ListAudit(r.Context(), f)
	if err != nil {
		return itemPage[audit.Entry]{}, err
	}
	if items == nil {
		items = []audit.Entry{}
	}
	return itemPage[audit.Entry]{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage}, nil
}

func (s *Server) healthShow(w http.ResponseWriter, r *http.Request) {
	if err := s.Store.Ping(r.Context()); err != nil {
		s.Logger.Error("health check failed", "error", err.Error())
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
