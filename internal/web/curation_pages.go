package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
)

// The curation board: rounds of retailers' curation for the office, its
// leadership and the retailer's own mitra, entries as cards that read on
// a phone.

type curationListView struct {
	Items     []market.Curation
	Retailers []programs.Partner // officers: the retailers a round may be for
	Officer   bool
	notice
}

func (s *Server) curationList(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	items, err := s.Market.Curations(r.Context(), a)
	if err != nil {
		return err
	}
	v := curationListView{Items: items, Officer: a.IsOfficer(), notice: noticeOf(r)}
	if v.Officer {
		all, err := s.Programs.Partners(r.Context(), a)
		if err != nil {
			return err
		}
		for _, pt := range all {
			if pt.Kind == "ritel" {
				v.Retailers = append(v.Retailers, pt)
			}
		}
	}
	s.render(w, r, http.StatusOK, "curation_list", page{Title: "Kurasi ritel", Active: "curation", Data: v})
	return nil
}

func (s *Server) curationCreate(w http.ResponseWriter, r *http.Request) error {
	c := &market.Curation{HeldOn: r.FormValue("held_on"), Place: r.FormValue("place")}
	c.PartnerID, _ = strconv.ParseInt(r.FormValue("partner_id"), 10, 64)
	c.Capacity, _ = strconv.Atoi(strings.TrimSpace(r.FormValue("capacity")))
	out, err := s.Market.CreateCuration(r.Context(), actor(r), c)
	if err != nil {
		return s.back(w, r, "/kurasi", "", firstFieldError(err))
	}
	return s.back(w, r, fmt.Sprintf("/kurasi/%d", out.ID), "Kurasi dibuka.", nil)
}

type curationBoardView struct {
	C         *market.Curation
	Officer   bool // may enter products
	Decides   bool // may decide the entries shown
	Decisions []string
	Modes     []string
	Search    string // the product search of the entry form
	Hits      []market.ProductHit
	notice
}

func (s *Server) curationBoard(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	c, err := s.Market.Curation(r.Context(), a, id)
	if err != nil {
		return err
	}
	v := curationBoardView{C: c, Officer: a.IsOfficer(), Decides: a.IsOfficer() || a.IsMitra(), Decisions: market.Decisions, Modes: market.Modes,
		notice: noticeOf(r), Search: strings.TrimSpace(r.URL.Query().Get("cari"))}
	if v.Officer && v.Search != "" {
		if v.Hits, err = s.Market.FindCurationProducts(r.Context(), a, id, v.Search, nomineesShown); err != nil {
			return err
		}
		if s.swapped(w, r, "curation_board", "product_hits", v) {
			return nil
		}
	}
	s.render(w, r, http.StatusOK, "curation_board", page{Title: "Kurasi " + c.PartnerName, Active: "curation", Data: v})
	return nil
}

func (s *Server) curationEntryCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	productID, _ := strconv.ParseInt(strings.TrimSpace(r.FormValue("product_id")), 10, 64)
	supply, _ := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(r.FormValue("monthly_supply")), ".", ""))
	e, err := s.Market.AddEntry(r.Context(), actor(r), id, productID, supply)
	msg := ""
	if err == nil {
		msg = e.ProductName + " masuk kurasi."
		if len(e.Unmet) > 0 {
			msg += " Belum memenuhi: " + strings.Join(e.Unmet, "; ") + "."
		}
	}
	return s.back(w, r, fmt.Sprintf("/kurasi/%d", id), msg, firstFieldError(err))
}

func (s *Server) curationDecide(w http.ResponseWriter, r *http.Request) error {
	id, entryID, err := pathIDAnd(r, "entry_id")
	if err != nil {
		return err
	}
	d := &market.Decision{Decision: r.FormValue("decision"), Fixes: strings.Split(r.FormValue("fixes"), "\n"), Note: r.FormValue("note")}
	e, err := s.Market.Decide(r.Context(), actor(r), id, entryID, d)
	msg := ""
	if err == nil {
		msg = e.ProductName + ": " + market.DecisionLabel(e.Decision) + "."
	}
	return s.back(w, r, fmt.Sprintf("/kurasi/%d", id), msg, firstFieldError(err))
}

// curationListing puts an entry that passed on the retailer's shelves, from
// the form under the entry on the board.
func (s *Server) curationListing(w http.ResponseWriter, r *http.Request) error {
	id, entryID, err := pathIDAnd(r, "entry_id")
	if err != nil {
		return err
	}
	a := actor(r)
	c, err := s.Market.Curation(r.Context(), a, id)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(c.Entries, func(e market.CurationEntry) bool { return e.ID == entryID })
	if i < 0 {
		return apperr.New(apperr.NotFound, "Produk kurasi tidak ditemukan")
	}
	terms, _ := strconv.Atoi(strings.TrimSpace(r.FormValue("payment_terms_days")))
	l := &market.Listing{ProductID: c.Entries[i].ProductID, PartnerID: c.PartnerID, Outlets: strings.Split(r.FormValue("outlets"), "\n"),
		StartsOn: r.FormValue("starts_on"), Mode: r.FormValue("mode"), PaymentTermsDays: terms}
	if _, err := s.Market.CreateListing(r.Context(), a, l); err != nil {
		return s.back(w, r, fmt.Sprintf("/kurasi/%d", id), "", firstFieldError(err))
	}
	return s.back(w, r, "/ritel", c.Entries[i].ProductName+" dipajang di "+c.PartnerName+".", nil)
}
