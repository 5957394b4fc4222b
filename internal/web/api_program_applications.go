package web

import (
	"net/http"
	"slices"

	"naikkelas/internal/apperr"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

type applicationList struct {
	Items []programs.Application `json:"items"`
	Total int                    `json:"total"`
}

func (s *Server) apiApplicationList(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st := r.URL.Query().Get("status"); st != "" && !slices.Contains(programs.AppStatuses, st) {
		s.fail(w, r, apperr.Validation(map[string]string{"status": "Status pendaftaran tidak dikenal"}))
		return
	}
	apps, err := s.Programs.Applications(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st := r.URL.Query().Get("status"); st != "" {
		out := apps[:0]
		for _, ap := range apps {
			if ap.Status == st {
				out = append(out, ap)
			}
		}
		apps = out
	}
	writeJSON(w, http.StatusOK, applicationList{Items: apps, Total: len(apps)})
}

// applicationInput is the body of an application or nomination.
type applicationInput struct {
	BusinessID int64  `json:"business_id"`
	Channel    string `json:"channel"` // online (owner) | nominasi (officer); informative, the role decides
}

func (s *Server) apiApplicationCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in applicationInput
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	if in.BusinessID <= 0 {
		s.fail(w, r, apperr.Validation(map[string]string{"business_id": "ID usaha wajib diisi"}))
		return
	}
	if in.Channel != "" && in.Channel != programs.ChannelOnline && in.Channel != programs.ChannelNominasi {
		s.fail(w, r, apperr.Validation(map[string]string{"channel": "Saluran harus online atau nominasi"}))
		return
	}
	ap, err := s.Programs.Apply(r.Context(), actor(r), id, in.BusinessID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, ap)
}

// apiApplicationBulk adds every eligible business matching the registry
// filter in the query (the same parameters as GET /api/v1/businesses)
// within the programme's kecamatan; dry_run=1 only counts.
func (s *Server) apiApplicationBulk(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := parseFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dry := r.URL.Query().Get("dry_run") == "1"
	res, err := s.Programs.AddBulk(r.Context(), actor(r), id, registry.Filter{Q: f.Q, District: f.District,
		Village: f.Village, SizeClass: f.SizeClass, Sector: f.Sector, Doc: f.Doc}, dry)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	writeJSON(w, status, res)
}

func (s *Server) apiApplicationWithdraw(w http.ResponseWriter, r *http.Request) {
	id, bid, err := programAndBusiness(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Programs.Withdraw(r.Context(), actor(r), id, bid)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

type historyList struct {
	Items []programs.StatusChange `json:"items"`
}

func (s *Server) apiApplicationHistory(w http.ResponseWriter, r *http.Request) {
	id, bid, err := programAndBusiness(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, err := s.Programs.ApplicationHistory(r.Context(), actor(r), id, bid)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, historyList{Items: items})
}

// apiBusinessApplications lists one business's applications across
// programmes (its owner, or the office within its area).
func (s *Server) apiBusinessApplications(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	apps, err := s.Programs.BusinessApplications(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, applicationList{Items: apps, Total: len(apps)})
}
