package web

import (
	"net/http"
	"slices"

	"naikkelas/internal/apperr"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

func (s *Server) apiApplicationList(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	st := r.URL.Query().Get("status")
	if st != "" && !slices.Contains(programs.AppStatuses, st) {
		return nil, apperr.Validation(map[string]string{"status": "Status pendaftaran tidak dikenal"})
	}
	apps, err := s.Programs.Applications(r.Context(), actor(r), id)
	if err != nil {
		return nil, err
	}
	if st != "" {
		apps = slices.DeleteFunc(apps, func(ap programs.Application) bool { return ap.Status != st })
	}
	return countedList[programs.Application]{Items: apps, Total: len(apps)}, nil
}

// applicationInput is the body of an application or nomination.
type applicationInput struct {
	BusinessID int64  `json:"business_id"`
	Channel    string `json:"channel"` // online (owner) | nominasi (officer); informative, the role decides
}

func (s *Server) apiApplicationCreate(r *http.Request, id int64, in *applicationInput) (any, error) {
	if in.BusinessID <= 0 {
		return nil, apperr.Validation(map[string]string{"business_id": "ID usaha wajib diisi"})
	}
	if in.Channel != "" && in.Channel != programs.ChannelOnline && in.Channel != programs.ChannelNominasi {
		return nil, apperr.Validation(map[string]string{"channel": "Saluran harus online atau nominasi"})
	}
	return s.Programs.Apply(r.Context(), actor(r), id, in.BusinessID)
}

// apiApplicationBulk adds every eligible business matching the registry
// filter in the query (the same parameters as GET /api/v1/businesses)
// within the programme's kecamatan; dry_run=1 only counts (200, not 201).
func (s *Server) apiApplicationBulk(w http.ResponseWriter, r *http.Request) {
	dry := r.URL.Query().Get("dry_run") == "1"
	status := http.StatusCreated
	if dry {
		status = http.StatusOK
	}
	s.api(status, func(r *http.Request) (any, error) {
		id, err := pathID(r)
		if err != nil {
			return nil, err
		}
		f, err := parseFilter(r)
		if err != nil {
			return nil, err
		}
		return s.Programs.AddBulk(r.Context(), actor(r), id, registry.Filter{Q: f.Q, District: f.District,
			Village: f.Village, SizeClass: f.SizeClass, Sector: f.Sector, Doc: f.Doc}, dry)
	})(w, r)
}

func (s *Server) apiApplicationWithdraw(r *http.Request) (any, error) {
	id, bid, err := programAndBusiness(r)
	if err != nil {
		return nil, err
	}
	return s.Programs.Withdraw(r.Context(), actor(r), id, bid)
}

func (s *Server) apiApplicationHistory(r *http.Request) (any, error) {
	id, bid, err := programAndBusiness(r)
	if err != nil {
		return nil, err
	}
	list, err := s.Programs.ApplicationHistory(r.Context(), actor(r), id, bid)
	return itemList[programs.StatusChange]{Items: list}, err
}

// apiBusinessApplications lists one business's applications across
// programmes (its owner, or the office within its area).
func (s *Server) apiBusinessApplications(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	apps, err := s.Programs.BusinessApplications(r.Context(), actor(r), id)
	return countedList[programs.Application]{Items: apps, Total: len(apps)}, err
}
