package web

import (
	"net/http"

	"naikkelas/internal/permits"
)

func (s *Server) apiPermitReadiness(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.Permits.Readiness(r.Context(), actor(r), id, r.URL.Query().Get("date"))
}

func (s *Server) apiHalalProfilePut(r *http.Request, id int64, p *permits.Profile) (any, error) {
	p.BusinessID = id
	return s.Permits.SaveProfile(r.Context(), actor(r), *p)
}

func (s *Server) apiHalalObligation(r *http.Request) (any, error) {
	q := r.URL.Query()
	return s.Permits.HalalObligation(r.Context(), actor(r), q.Get("date"), q.Get("district"))
}

func (s *Server) apiPermitExpiry(r *http.Request) (any, error) {
	out, _, err := s.permitExpiry(r)
	return out, err
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

type quotaDetail struct {
	permits.Quota
	Allocations []permits.Allocation `json:"allocations"`
}

func (s *Server) apiQuotaList(r *http.Request) (any, error) {
	qs, err := s.Permits.Quotas(r.Context(), actor(r), r.URL.Query().Get("date"))
	return itemList[permits.Quota]{Items: nonNil(qs)}, err
}

func (s *Server) apiQuotaGet(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	q, al, err := s.Permits.Quota(r.Context(), actor(r), id)
	if err != nil {
		return nil, err
	}
	return quotaDetail{Quota: *q, Allocations: al}, nil
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

func (s *Server) apiQuotaCreate(r *http.Request, in *quotaInput) (any, error) {
	q := &permits.Quota{Provider: in.Provider, Scope: in.Scope, Total: in.Total, OpensOn: in.OpensOn, ClosesOn: in.ClosesOn, Note: in.Note}
	return s.Permits.CreateQuota(r.Context(), actor(r), q)
}

func (s *Server) apiQuotaAllocate(r *http.Request, id int64, in *permits.AllocationRequest) (any, error) {
	return s.Permits.Allocate(r.Context(), actor(r), id, *in)
}
