package web

import (
	"net/http"

	"naikkelas/internal/permits"
)

type permitList struct {
	Items []permits.Permit `json:"items"`
}

type permitPage struct {
	Items   []permits.Permit `json:"items"`
	Total   int              `json:"total"`
	Page    int              `json:"page"`
	PerPage int              `json:"per_page"`
}

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

func (s *Server) apiBusinessPermits(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ps, err := s.Permits.ForBusiness(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, permitList{Items: ps})
}

func (s *Server) apiPermitCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in permitInput
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	p := &permits.Permit{Kind: in.Kind, Status: in.Status, Number: in.Number, IssuedOn: in.IssuedOn,
		ExpiresOn: in.ExpiresOn, Products: in.Products, Documents: in.Documents, Note: in.Note}
	out, err := s.Permits.Create(r.Context(), actor(r), id, p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/permits/"+itoa64(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiPermitGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.Permits.Get(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h, err := s.Permits.History(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, permitDetail{Permit: p, History: h})
}

func (s *Server) apiPermitPatch(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in permits.Patch
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Permits.Update(r.Context(), actor(r), id, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiPermitList(w http.ResponseWriter, r *http.Request) {
	f, err := permitFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, total, err := s.Permits.List(r.Context(), actor(r), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, permitPage{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage})
}

// permitFilter reads the list's query parameters.
func permitFilter(r *http.Request) (permits.Filter, error) {
	q := r.URL.Query()
	f := permits.Filter{Kind: q.Get("kind"), Status: q.Get("status"), District: q.Get("district"),
		ExpiresBefore: q.Get("expires_before")}
	var err error
	if f.Page, err = queryInt(r, "page", 1); err != nil {
		return f, err
	}
	if f.PerPage, err = queryInt(r, "per_page", 50); err != nil {
		return f, err
	}
	if f.PerPage > permits.MaxPerPage {
		f.PerPage = permits.MaxPerPage
	}
	return f, nil
}
