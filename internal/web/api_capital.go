package web

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"naikkelas/internal/capital"
	"naikkelas/internal/certificate"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/office"
	"naikkelas/internal/region"
)

func (s *Server) apiReferralList(r *http.Request) (any, error) {
	f, err := referralFilter(r)
	if err != nil {
		return nil, err
	}
	items, total, err := s.Capital.List(r.Context(), actor(r), f)
	return itemPage[capital.Referral]{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage}, err
}

// referralFilter reads the referral list's query parameters.
func referralFilter(r *http.Request) (capital.Filter, error) {
	f := capital.Filter{Status: r.URL.Query().Get("status")}
	var err error
	if f.PartnerID, err = queryID(r, "partner_id", "mitra"); err != nil {
		return f, err
	}
	f.Page, f.PerPage, err = queryPage(r, 50)
	return f, err
}

func (s *Server) apiCapitalStats(r *http.Request) (any, error) {
	return s.Capital.Stats(r.Context(), actor(r))
}

// apiReferralLetter serves the surat rekomendasi of a referral as PDF.
func (s *Server) apiReferralLetter(w http.ResponseWriter, r *http.Request, id int64) error {
	ref, b, err := s.Capital.Letter(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	l := certificate.Letter{Number: letterNumber(ref), IssuedOn: idfmt.Date(ref.ReferredAt), IssuedAt: ref.ReferredAt,
		Bank: ref.PartnerName, Business: b.Name, Owner: b.OwnerName, NIB: b.NIB,
		Address: strings.Trim(b.Address+", Desa "+region.All().Name(b.VillageCode)+", Kec. "+region.All().Name(b.DistrictCode), ", "),
		Scheme:  capital.SchemeLabel(ref.Scheme), Amount: rupiah(ref.Amount), Purpose: capital.PurposeLabel(ref.Purpose),
		Code: ref.Code, VerifyURL: s.absoluteURL(r, "/verifikasi/"+ref.Code), Issuer: s.issuer(r, ref.Signatory)}
	if b.KBLI != "" {
		l.Activity = "KBLI " + b.KBLI + " (" + region.SectorName(b.Sector) + ")"
	}
	if b.FoundedYear > 0 {
		l.Since = fmt.Sprintf("sejak %d", b.FoundedYear)
	}
	l.Place = placeOf(l.Government)
	for _, q := range ref.Requirements {
		l.Checklist = append(l.Checklist, certificate.CheckLine{Label: q.Label, Met: q.Met, Detail: q.Detail})
	}
	return servePDF(w, fmt.Sprintf("surat-rekomendasi-%d", ref.ID), func(out io.Writer) error { return certificate.RenderLetter(out, l) })
}

// letterNumber is the number a referral letter carries.
func letterNumber(r *capital.Referral) string {
	return fmt.Sprintf("SR-%d/%s", r.ID, idfmt.Day(r.ReferredAt)[:4])
}

// placeOf is the town a letter is signed in, from the government's name
// ("Pemerintah Kabupaten Serang" → "Serang"); "" when it names none.
func placeOf(government string) string {
	for _, prefix := range []string{"Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi "} {
		if rest, ok := strings.CutPrefix(government, prefix); ok {
			return rest
		}
	}
	return ""
}

// issuer is the office as a document prints it: the signatory kept with
// the document (the office's current one when none was kept), the office's
// address and logo.
func (s *Server) issuer(r *http.Request, sig office.Signature) certificate.Issuer {
	id := s.officeOf(r)
	if sig == (office.Signature{}) {
		sig = id.Signature()
	}
	iss := certificate.Issuer{Government: sig.Government, Agency: sig.Agency, Address: id.Address,
		SignatoryName: sig.Name, SignatoryTitle: sig.Title, SignatoryNIP: nipText(sig.NIP)}
	if id.LogoType != "" && s.Office != nil {
		if l, err := s.Office.Logo(r.Context()); err == nil {
			iss.Logo = l.Data
		}
	}
	return iss
}
