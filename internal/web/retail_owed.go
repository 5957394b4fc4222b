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
	Unpaid    []market.UnpaidSale
	Listings  []market.Listing
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
	v := retailOwedView{Listings: list, Reports: a.IsOfficer() || a.IsMitra(), notice: noticeOf(r),
		Today: idfmt.Day(s.Market.Now())}
	v.Retailers, v.Unpaid = market.OwedByRetailer(list)
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
		return s.back(w, r, "/ritel", "", apperr.New(apperr.Invalid, "Nilai penjualan dalam rupiah, mis. 1.500.000"))
	}
	if strings.TrimSpace(r.FormValue("units")) == "" || units < 0 {
		return s.back(w, r, "/ritel", "", apperr.New(apperr.Invalid, "Jumlah terjual: bilangan bulat 0 atau lebih"))
	}
	sale := &market.Sale{Month: r.FormValue("month"), Units: units, Revenue: revenue, PaidOn: r.FormValue("paid_on")}
	if _, err := s.Market.ReportSale(r.Context(), actor(r), id, sale); err != nil {
		return s.back(w, r, "/ritel", "", firstFieldError(err))
	}
	return s.back(w, r, "/ritel", "Penjualan "+sale.Month+" tersimpan.", nil)
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
		return s.back(w, r, "/ritel", "", firstFieldError(err))
	}
	return s.back(w, r, "/ritel", l.ProductName+" diturunkan dari rak "+l.PartnerName+"; hari terakhir dipajang "+idfmt.DateString(l.EndsOn)+".", nil)
}
