package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
	"naikkelas/internal/messages"
	"naikkelas/internal/registry"
)

type showView struct {
	B            *registry.Business
	Measurements []measurementRow
	MaxRevenue   int64
	CanEdit      bool
	CanArchive   bool
	Officer      bool
	Saved        bool                // the previous request saved (shows "Tersimpan")
	Proposals    []registry.Proposal // changes of this business waiting for an officer
	Form         measurementForm
	Products     []market.Product
	Listings     []market.Listing // on retailers' shelves, with what they owe
	LabelFixes   []market.LabelFixes
	Consent      *market.Consent // the catalogue consent, nil when none
	Contact      *messages.ContactPreference
}

type measurementRow struct {
	registry.Measurement
	BarPct int64
}

// measurementForm is the add-measurement form's state.
type measurementForm struct {
	Values  map[string]string
	Errors  map[string]string
	General string
}

// businessShow is the detail page: the record (masked per role), the
// measurement ledger and the size class over time.
func (s *Server) businessShow(w http.ResponseWriter, r *http.Request, id int64) error {
	form := measurementForm{Values: map[string]string{"year": strconv.Itoa(idfmt.Year(s.Now()))}, Errors: map[string]string{}}
	return s.showBusiness(w, r, id, http.StatusOK, form)
}

func (s *Server) showBusiness(w http.ResponseWriter, r *http.Request, id int64, status int, form measurementForm) error {
	a := actor(r)
	b, err := s.Registry.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	ms, err := s.Registry.Measurements(r.Context(), a, id)
	if err != nil {
		return err
	}
	products, err := s.Market.Products(r.Context(), a, id)
	if err != nil {
		return err
	}
	fixes, err := s.Market.BusinessLabelFixes(r.Context(), a, id)
	if err != nil {
		return err
	}
	listings, err := s.Market.BusinessListings(r.Context(), a, id)
	if err != nil {
		return err
	}
	consent, err := s.Market.Consent(r.Context(), a, id)
	if err != nil {
		return err
	}
	contact, err := s.Messages.ContactPreferenceOf(r.Context(), a, id)
	if err != nil {
		return err
	}
	v := showView{B: b, Products: products, Listings: listings, LabelFixes: fixes, Consent: consent, Contact: contact, CanEdit: a.CanWrite() && b.Status == registry.StatusActive,
		CanArchive: a.IsOfficer() && b.Status == registry.StatusActive, Officer: a.IsOfficer(), Form: form}
	v.Saved = r.URL.Query().Get("pesan") == "tersimpan" && status == http.StatusOK
	if v.Proposals, err = s.Registry.PendingProposals(r.Context(), a, id); err != nil {
		return err
	}
	for _, m := range ms {
		v.MaxRevenue = max(v.MaxRevenue, registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital))
	}
	for _, m := range ms {
		size := max(registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital))
		v.Measurements = append(v.Measurements, measurementRow{m, pct(size, v.MaxRevenue)})
	}
	s.render(w, r, status, "business_show", page{Title: b.Name, Active: "list", Data: v})
	return nil
}

// pathBusiness loads the business named by the {id} path value, as the
// request's actor may see it: a bad id or one out of reach is NotFound.
func (s *Server) pathBusiness(r *http.Request) (*registry.Business, error) {
	return callByPathID(r, s.Registry.Get)
}

// pathBusinessIf is pathBusiness for a page whose role rule allowed says
// yes; otherwise the answer is refused, before the business is looked up.
func (s *Server) pathBusinessIf(r *http.Request, allowed bool, refused error) (*registry.Business, error) {
	if !allowed {
		return nil, refused
	}
	return s.pathBusiness(r)
}
