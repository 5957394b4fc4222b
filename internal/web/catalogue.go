package web

import (
	"net/http"
	"net/url"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/market"
	"naikkelas/internal/region"
)

// catalogueView is the public catalogue page.
type catalogueView struct {
	*market.CataloguePage
	Filter    market.CatalogueFilter
	Districts []region.Region
	Query     url.Values
	Pages     int
	Page      int
}

type catalogueJSON struct {
	Items             []market.CatalogueItem `json:"items"`
	Total             int                    `json:"total"`
	TotalIsLowerBound bool                   `json:"total_is_lower_bound"`
	Page              int                    `json:"page"`
	PerPage           int                    `json:"per_page"`
}

func catalogueFilter(r *http.Request) market.CatalogueFilter {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	return market.CatalogueFilter{Q: q.Get("q"), Category: q.Get("kategori"), District: q.Get("kecamatan"),
		Halal: q.Get("halal") == "1", InRetail: q.Get("ritel") == "1", Page: max(1, min(page, 1_000_000))}
}

// catalogueList is the public catalogue: products of businesses that agreed
// to appear, searchable by name and filtered by category, kecamatan and halal.
func (s *Server) catalogueList(w http.ResponseWriter, r *http.Request) error {
	f := catalogueFilter(r)
	p, err := s.Market.Catalogue(r.Context(), f)
	if err != nil {
		return err
	}
	v := catalogueView{CataloguePage: p, Filter: f, Districts: s.districtsFor(actor(r)), Query: r.URL.Query(),
		Page: f.Page, Pages: (p.Total + market.CataloguePerPage - 1) / market.CataloguePerPage}
	w.Header().Set("Cache-Control", "public, max-age=300")
	s.render(w, r, http.StatusOK, "catalogue", page{Title: "Katalog produk UMKM", Data: v})
	return nil
}

// catalogueFeed is the catalogue as JSON, with the same filters.
func (s *Server) catalogueFeed(w http.ResponseWriter, r *http.Request) error {
	f := catalogueFilter(r)
	p, err := s.Market.Catalogue(r.Context(), f)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	writeJSON(w, http.StatusOK, catalogueJSON{Items: p.Items, Total: p.Total, TotalIsLowerBound: p.TotalIsLowerBound,
		Page: f.Page, PerPage: market.CataloguePerPage})
	return nil
}

// catalogueShow is one product of the catalogue.
func (s *Server) catalogueShow(w http.ResponseWriter, r *http.Request, id int64) error {
	it, err := s.Market.CatalogueProduct(r.Context(), id)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "catalogue_show", page{Title: it.Name + " · Katalog", Data: it})
	return nil
}

// cataloguePhoto serves a photo of a catalogue product to anyone.
func (s *Server) cataloguePhoto(w http.ResponseWriter, r *http.Request) error {
	return servePhoto(w, r, "public, max-age=86400", func(id int64, small bool) (string, error) {
		return s.Market.CataloguePhoto(r.Context(), id, small)
	})
}

type consentInput struct {
	WhatsApp string `json:"whatsapp"`
}

func (s *Server) apiConsentGet(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	c, err := s.Market.Consent(r.Context(), actor(r), id)
	if err == nil && c == nil {
		err = apperr.New(apperr.NotFound, "Usaha ini belum setuju tampil di katalog")
	}
	return c, err
}

func (s *Server) apiConsentPut(r *http.Request, id int64, in *consentInput) (any, error) {
	return s.Market.SetConsent(r.Context(), actor(r), id, in.WhatsApp)
}

// consentSave records the catalogue consent from the business page.
func (s *Server) consentSave(w http.ResponseWriter, r *http.Request, id int64) error {
	var err error
	if r.PostFormValue("withdraw") == "1" {
		err = s.Market.WithdrawConsent(r.Context(), actor(r), id)
	} else {
		_, err = s.Market.SetConsent(r.Context(), actor(r), id, r.PostFormValue("whatsapp"))
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/usaha/"+itoa64(id)+"#katalog", http.StatusSeeOther)
	return nil
}
