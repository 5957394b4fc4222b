package web

import (
	"net/http"

	"naikkelas/internal/permits"
)

// permitDetail is one permit with its status history.
type permitDetail struct {
	*permits.Permit
	History []permits.Change `json:"history"`
}

// permitInput is the POST body; the rest of a Permit is set by the service.
type permitInput struct {
	Kind      string             `json:"kind"`
	Status    string             `json:"status"`
	Number    string             `json:"number"`
	IssuedOn  string             `json:"issued_on"`
	ExpiresOn string             `json:"expires_on"`
	Products  []string           `json:"products"`
	Documents []permits.Document `json:"documents"`
	Note      string             `json:"note"`
}

func (s *Server) apiPermitCreate(r *http.Request, id int64, in *permitInput) (any, error) {
	p := &permits.Permit{Kind: in.Kind, Status: in.Status, Number: in.Number, IssuedOn: in.IssuedOn,
		ExpiresOn: in.ExpiresOn, Products: in.Products, Documents: in.Documents, Note: in.Note}
	return s.Permits.Create(r.Context(), actor(r), id, p)
}

func (s *Server) apiPermitGet(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	p, err := s.Permits.Get(r.Context(), actor(r), id)
	if err != nil {
		return nil, err
	}
	h, err := s.Permits.History(r.Context(), actor(r), id)
	return permitDetail{Permit: p, History: h}, err
}

func (s *Server) apiPermitPatch(r *http.Request, id int64, in *permits.Patch) (any, error) {
	return s.Permits.Update(r.Context(), actor(r), id, *in)
}

func (s *Server) apiPermitList(r *http.Request) (any, error) {
	f, err := permitFilter(r)
	if err != nil {
		return nil, err
	}
	items, total, err := s.Permits.List(r.Context(), actor(r), f)
	return itemPage[permits.Permit]{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage}, err
}

// permitFilter reads the list's query parameters.
func permitFilter(r *http.Request) (permits.Filter, error) {
	q := r.URL.Query()
	f := permits.Filter{Kind: q.Get("kind"), Status: q.Get("status"), District: q.Get("district"),
		ExpiresBefore: q.Get("expires_before")}
	var err error
	if f.Page, f.PerPage, err = queryPage(r, 50); err != nil {
		return f, err
	}
	if f.PerPage > permits.MaxPerPage {
		f.PerPage = permits.MaxPerPage
	}
	return f, nil
}
