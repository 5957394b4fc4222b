package web

import (
	"net/http"

	"naikkelas/internal/permits"
)

func (s *Server) apiPermitReadiness(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Permits.Readiness(r.Context(), actor(r), id, r.URL.Query().Get("date"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiHalalProfilePut(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var p permits.Profile
	if err := decodeJSON(r, &p); err != nil {
		s.fail(w, r, err)
		return
	}
	p.BusinessID = id
	out, err := s.Permits.SaveProfile(r.Context(), actor(r), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiHalalObligation(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	out, err := s.Permits.HalalObligation(r.Context(), actor(r), q.Get("date"), q.Get("district"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiPermitExpiry(w http.ResponseWriter, r *http.Request) {
	out, _, err := s.permitExpiry(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// permitExpiry answers the expiry list for the query of r (days, kind,
// district, page), for the API and the page alike.
func (s *Server) permitExpiry(r *http.Request) (*permits.Expiry, permitQuery, error) {
	f, err := permitFilter(r)
	if err != nil {
		return nil, permitQuery{}, err
	}
	days, err := queryInt(r, "days", 90)
	if err != nil {
		return nil, permitQuery{}, err
	}
	out, err := s.Permits.Expiry(r.Context(), actor(r), days, f)
	return out, permitQuery{Filter: f, Days: days}, err
}

// permitQuery is what the expiry list was asked for.
type permitQuery struct {
	Filter permits.Filter
	Days   int
}

type quotaList struct {
	Items []permits.Quota `json:"items"`
}

type quotaDetail struct {
	permits.Quota
	Allocations []permits.Allocation `json:"allocations"`
}

func (s *Server) apiQuotaList(w http.ResponseWriter, r *http.Request) {
	qs, err := s.Permits.Quotas(r.Context(), actor(r), r.URL.Query().Get("date"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, quotaList{Items: qs})
}

func (s *Server) apiQuotaGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q, al, err := s.Permits.Quota(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, quotaDetail{Quota: *q, Allocations: al})
}

// quotaInput is the POST body of a quota window.
type quotaInput struct {
	Provider string `json:"provider"`
	Scope    string `json:"scope"`
	Total    int    `json:"total"`
	OpensOn  string `json:"opens_on"`
	ClosesOn string `json:"closes_on"`
	Note     string `json:"note"`
}

func (s *Server) apiQuotaCreate(w http.ResponseWriter, r *http.Request) {
	var in quotaInput
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	q := &permits.Quota{Provider: in.Provider, Scope: in.Scope, Total: in.Total, OpensOn: in.OpensOn, ClosesOn: in.ClosesOn, Note: in.Note}
	out, err := s.Permits.CreateQuota(r.Context(), actor(r), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/halal-quotas/"+itoa64(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiQuotaAllocate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in permits.AllocationRequest
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Permits.Allocate(r.Context(), actor(r), id, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}
