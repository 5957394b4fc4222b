package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
)

type retailOwedView struct {
	Retailers []market.RetailerOwed
	Sections  []retailSection
	Listings  int
	Filtered  bool // one retailer chosen with ?partner_id=
	Focused   bool // the notice shows in the listing just acted on
	Total     market.Owed
	Reports   bool   // may report sales and end listings (the retailer's mitra, officers)
	Today     string // YYYY-MM-DD in WIB: the latest end date a form accepts
	notice
}

// retailOwed shows the products on retailers' shelves and the money the
// retailers still owe the businesses for them, and for how long: the
// office and its leadership see every retailer (operators their area), a
// mitra its own.
func (s *Server) retailOwed(w http.ResponseWriter, r *http.Request) error {
	f, err := listingFilter(r)
	if err != nil {
		return err
	}
	list, err := s.Market.Listings(r.Context(), actor(r), f)
	if err != nil {
		return err
	}
	a := actor(r)
	v := retailOwedView{Listings: len(list), Filtered: f.PartnerID != 0, Reports: a.IsOfficer() || a.IsMitra(),
		notice: noticeOf(r), Today: idfmt.Day(s.Market.Now())}
	retailers, unpaid := market.OwedByRetailer(list)
	focus, _ := strconv.ParseInt(r.URL.Query().Get("buka"), 10, 64)
	v.Retailers = retailers
	v.Sections, v.Focused = retailSections(list, retailers, unpaid, focus)
	for _, ro := range v.Retailers {
		v.Total.Add(ro.Owed)
	}
	s.render(w, r, http.StatusOK, "retail_owed", page{Title: "Produk di ritel", Active: "curation", Data: v})
	return nil
}

// saleReport records a month's sales (and payment) of a listing from the
// form on /ritel.
func (s *Server) saleReport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	units, _ := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(r.FormValue("units")), ".", ""), 10, 64)
	revenue, ok := idfmt.ParseRupiah(r.FormValue("revenue"))
	if !ok {
		return s.back(w, r, retailFocus(id), "", apperr.New(apperr.Invalid, "Nilai penjualan dalam rupiah, mis. 1.500.000"))
	}
	if strings.TrimSpace(r.FormValue("units")) == "" || units < 0 {
		return s.back(w, r, retailFocus(id), "", apperr.New(apperr.Invalid, "Jumlah terjual: bilangan bulat 0 atau lebih"))
	}
	sale := &market.Sale{Month: r.FormValue("month"), Units: units, Revenue: revenue, PaidOn: r.FormValue("paid_on")}
	if _, err := s.Market.ReportSale(r.Context(), actor(r), id, sale); err != nil {
		return s.back(w, r, retailFocus(id), "", firstFieldError(err))
	}
	return s.back(w, r, retailFocus(id), "Penjualan "+sale.Month+" tersimpan.", nil)
}

// listingEnd takes a product off a retailer's shelves from the form on /ritel.
func (s *Server) listingEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	end := &market.ListingEnd{EndsOn: r.FormValue("ends_on"), Reason: r.FormValue("reason")}
	l, err := s.Market.EndListing(r.Context(), actor(r), id, end)
	if err != nil {
		return s.back(w, r, retailFocus(id), "", firstFieldError(err))
	}
	return s.back(w, r, retailFocus(id), l.ProductName+" diturunkan dari rak "+l.PartnerName+"; hari terakhir dipajang "+idfmt.DateString(l.EndsOn)+".", nil)
}

// retailFocus is /ritel again after an action on a listing, with that
// listing open and in view.
func retailFocus(id int64) string {
	return "/ritel?buka=" + strconv.FormatInt(id, 10) + "#ritel-" + strconv.FormatInt(id, 10)
}
