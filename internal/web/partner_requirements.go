package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/market"
)

// partnerRequirementsSave replaces a retailer's curation requirements from
// the form on the partner page (admin; the service says so to others).
func (s *Server) partnerRequirementsSave(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	pt, err := s.Programs.Partner(r.Context(), a, id)
	if err != nil {
		return err
	}
	req, err := requirementsForm(r)
	if err == nil {
		pt.Requirements = req
		_, err = s.Programs.SavePartner(r.Context(), a, pt)
	}
	return s.back(w, r, "/mitra", "Syarat kurasi "+pt.Name+" disimpan.", firstFieldError(err))
}

// requirementsForm reads the requirement catalogue's fields of a form: a
// checkbox per yes/no requirement, a number per minimum (blank = none).
func requirementsForm(r *http.Request) (*market.Requirements, error) {
	req := &market.Requirements{}
	for _, q := range market.RequirementCatalogue {
		v := strings.TrimSpace(r.FormValue(q.ID))
		if !q.IsMinimum() {
			*q.Flag(req) = v != ""
			continue
		}
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(strings.ReplaceAll(v, ".", ""))
		if err != nil {
			return nil, apperr.New(apperr.Invalid, "%s harus bilangan bulat, mis. 90", q.Label)
		}
		*q.Min(req) = n
	}
	return req, nil
}

// firstFieldError turns a validation error with field messages into one
// error carrying one of them, for a page that shows a single message.
func firstFieldError(err error) error {
	for _, m := range apperr.FieldsOf(err) {
		return apperr.New(apperr.Invalid, "%s", m)
	}
	return err
}
