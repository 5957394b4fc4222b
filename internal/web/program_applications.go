package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// applicationsPerPage bounds the application list on one page.
const applicationsPerPage = 100

type applicationsView struct {
	P         *programs.Program
	Apps      []programs.Application
	Total     int
	Status    string
	Pager     pagerView
	Counts    map[string]int
	Officer   bool
	Districts []region.Region
	Message   string
	Error     string
}

// programApplications lists a programme's applications in the caller's
// area, with the nomination and bulk forms for officers.
func (s *Server) programApplications(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a := actor(r)
	if a.Role == auth.Owner {
		s.fail(w, r, errOfficeOnlyPage)
		return
	}
	p, err := s.Programs.Get(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	apps, err := s.Programs.Applications(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q := r.URL.Query()
	v := applicationsView{P: p, Total: len(apps), Status: q.Get("status"), Counts: map[string]int{}, Officer: a.IsOfficer(),
		Districts: s.districtsFor(a), Message: q.Get("pesan"), Error: q.Get("galat")}
	var shown []programs.Application
	for _, ap := range apps {
		v.Counts[ap.Status]++
		if v.Status == "" || ap.Status == v.Status {
			shown = append(shown, ap)
		}
	}
	pg, _ := queryInt(r, "page", 1)
	pages := max(1, (len(shown)+applicationsPerPage-1)/applicationsPerPage)
	pg = min(max(pg, 1), pages)
	v.Apps = shown[(pg-1)*applicationsPerPage : min(len(shown), pg*applicationsPerPage)]
	v.Pager = pagerView{Page: pg, Pages: pages, Query: q}
	s.render(w, r, http.StatusOK, "program_applications", page{Title: "Pendaftar " + p.Name, Active: "programs", Data: v})
}

var errOfficeOnlyPage = apperr.New(apperr.Forbidden, "Halaman ini untuk petugas dinas")

// back redirects to a programme page with a message, or with the error's
// message when the input was refused (Invalid, Conflict). Other errors
// (forbidden, out of area) go to the error page with their status.
func (s *Server) back(w http.ResponseWriter, r *http.Request, path, msg string, err error) {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	if err != nil {
		code := apperr.CodeOf(err)
		if code != apperr.Invalid && code != apperr.Conflict {
			s.fail(w, r, err)
			return
		}
		http.Redirect(w, r, path+sep+"galat="+url.QueryEscape(apperr.MessageOf(err)), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, path+sep+"pesan="+url.QueryEscape(msg), http.StatusSeeOther)
}

// programNominate adds one business (by ID) to a programme.
func (s *Server) programNominate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bid, _ := strconv.ParseInt(r.FormValue("business_id"), 10, 64)
	path := fmt.Sprintf("/program/%d/pendaftar", id)
	ap, err := s.Programs.Apply(r.Context(), actor(r), id, bid)
	msg := ""
	if ap != nil {
		msg = fmt.Sprintf("%s ditambahkan: %s", ap.BusinessName, programs.AppStatusLabel(ap.Status))
		if ap.Reason != "" {
			msg += " (" + ap.Reason + ")"
		}
	}
	s.back(w, r, path, msg, err)
}

// programBulk adds every business of a registry filter.
func (s *Server) programBulk(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := registry.Filter{District: r.FormValue("district"), SizeClass: r.FormValue("size_class"), Sector: r.FormValue("sector"),
		Doc: r.FormValue("doc")}
	added, inel, err := s.Programs.AddBulk(r.Context(), actor(r), id, f)
	if apperr.Is(err, apperr.Forbidden) {
		s.fail(w, r, err)
		return
	}
	s.back(w, r, fmt.Sprintf("/program/%d/pendaftar", id), fmt.Sprintf("%d usaha ditambahkan, %d tidak memenuhi syarat", added, inel), err)
}

// programWithdraw records a withdrawal and shows who replaces it.
func (s *Server) programWithdraw(w http.ResponseWriter, r *http.Request) {
	id, bid, err := programAndBusiness(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Programs.Withdraw(r.Context(), actor(r), id, bid)
	if apperr.Is(err, apperr.Forbidden) {
		s.fail(w, r, err)
		return
	}
	msg := ""
	if out != nil {
		msg = out.Withdrawn.BusinessName + " mengundurkan diri."
		if out.Replacement != nil {
			msg += " Digantikan oleh " + out.Replacement.BusinessName + "."
			if !out.KeepsDistricts {
				msg += " Tidak ada cadangan yang menjaga minimal kecamatan."
			}
		}
	}
	s.back(w, r, fmt.Sprintf("/program/%d/pendaftar", id), msg, err)
}
