package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// capitalView is the office's page of referrals and the funnel.
type capitalView struct {
	Stats     *capital.Stats // nil for owners
	Referrals []capital.Referral
	Total     int
	Status    string
	notice
}

// capitalPage lists the referrals in the actor's reach, and for officers
// and pimpinan the funnel per kecamatan and programme.
func (s *Server) capitalPage(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	v := capitalView{Status: r.URL.Query().Get("status"), notice: noticeOf(r)}
	var err error
	if a.Role != auth.Owner {
		if v.Stats, err = s.Capital.Stats(r.Context(), a); err != nil {
			return err
		}
	}
	if v.Referrals, v.Total, err = s.Capital.List(r.Context(), a, capital.Filter{Status: v.Status, PerPage: 200}); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "capital", page{Title: "Modal usaha", Active: "capital", Data: v})
	return nil
}

// businessCapitalView is one business's needs and referrals.
type businessCapitalView struct {
	B       *registry.Business
	Needs   []capital.Need
	Banks   []programs.Partner
	CanEdit bool
	notice
}

// businessCapital is the page of a business's capital needs, with forms to
// record a need and refer it to a bank.
func (s *Server) businessCapital(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	b, err := s.Registry.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	v := businessCapitalView{B: b, CanEdit: a.CanWrite() && b.Status == registry.StatusActive,
		notice: noticeOf(r)}
	if v.Needs, err = s.Capital.Needs(r.Context(), a, id); err != nil {
		return err
	}
	if v.CanEdit {
		if v.Banks, err = s.Capital.Banks(r.Context(), a); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "business_capital", page{Title: "Modal · " + b.Name, Active: "list", Data: v})
	return nil
}

// formRupiah reads an amount typed the Indonesian way ("25.000.000").
func formRupiah(r *http.Request, name string) (int64, error) {
	n, ok := idfmt.ParseRupiah(r.PostFormValue(name))
	if !ok {
		return 0, apperr.New(apperr.Invalid, "Tulis jumlah rupiah, mis. 25.000.000")
	}
	return n, nil
}

// capitalNeedCreate records a need from the business's capital page.
func (s *Server) capitalNeedCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	back := "/usaha/" + itoa64(id) + "/modal"
	if err := parseForm(r); err != nil {
		return err
	}
	amount, err := formRupiah(r, "amount")
	if err != nil {
		return s.back(w, r, back, "", err)
	}
	n, err := s.Capital.CreateNeed(r.Context(), actor(r), id, &capital.Need{Amount: amount, Purpose: r.PostFormValue("purpose"),
		Collateral: r.PostFormValue("collateral"), Note: r.PostFormValue("note")})
	if err != nil {
		return s.back(w, r, back, "", fieldsMessage(err))
	}
	return s.back(w, r, back, "Kebutuhan modal "+rupiah(n.Amount)+" dicatat: "+capital.SchemeLabel(n.Scheme)+".", nil)
}

// capitalRefer refers a need to a bank from the business's capital page.
func (s *Server) capitalRefer(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	bank, _ := strconv.ParseInt(r.PostFormValue("partner_id"), 10, 64)
	ref, err := s.Capital.Refer(r.Context(), actor(r), id, &capital.ReferralInput{PartnerID: bank, Consent: r.PostFormValue("consent") == "1"})
	if err != nil {
		// The form names its business only to come back to its page.
		bid, _ := strconv.ParseInt(r.PostFormValue("business_id"), 10, 64)
		return s.back(w, r, "/usaha/"+itoa64(bid)+"/modal", "", fieldsMessage(err))
	}
	return s.back(w, r, "/usaha/"+itoa64(ref.BusinessID)+"/modal", "Dirujuk ke "+ref.PartnerName+"; surat rekomendasi siap diunduh.", nil)
}

// referralDecide records a decision from the bank's page, or a withdrawal
// from the business's capital page.
func (s *Server) referralDecide(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	a := actor(r)
	ref, err := s.Capital.Referral(r.Context(), a, id)
	if err != nil {
		return err
	}
	back := "/usaha/" + itoa64(ref.BusinessID) + "/modal"
	if a.IsMitra() {
		back = "/portal/rujukan"
	}
	d := &capital.Decision{Status: r.PostFormValue("status"), Reason: r.PostFormValue("reason"), Note: r.PostFormValue("note"),
		DisbursedOn: r.PostFormValue("disbursed_on")}
	if strings.TrimSpace(r.PostFormValue("amount")) != "" {
		if d.Amount, err = formRupiah(r, "amount"); err != nil {
			return s.back(w, r, back, "", err)
		}
	}
	d.TenorMonths, _ = strconv.Atoi(r.PostFormValue("tenor_months"))
	d.RatePercent, _ = strconv.ParseFloat(strings.ReplaceAll(r.PostFormValue("rate_percent"), ",", "."), 64)
	if v, err := strconv.ParseInt(r.PostFormValue("version"), 10, 64); err == nil {
		d.Version = &v
	}
	if _, err := s.Capital.Decide(r.Context(), a, id, d); err != nil {
		return s.back(w, r, back, "", fieldsMessage(err))
	}
	return s.back(w, r, back, "Rujukan "+ref.BusinessName+" kini "+capital.StatusLabel(d.Status)+".", nil)
}

// portalReferralsView is a bank's page of the referrals addressed to it.
type portalReferralsView struct {
	Referrals []capital.Referral
	Total     int
	Status    string
	Reasons   []struct{ Key, Label string }
	Today     string
	notice
}

// portalReferrals lists a bank's referrals with the businesses' contact
// data and the forms of its decisions.
func (s *Server) portalReferrals(w http.ResponseWriter, r *http.Request) error {
	v := portalReferralsView{Status: r.URL.Query().Get("status"), Reasons: capital.RejectReasons, Today: idfmt.Day(s.Now()),
		notice: noticeOf(r)}
	var err error
	if v.Referrals, v.Total, err = s.Capital.List(r.Context(), actor(r), capital.Filter{Status: v.Status, PerPage: 200}); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal_referrals", page{Title: "Rujukan modal", Active: "referrals", Data: v})
	return nil
}
