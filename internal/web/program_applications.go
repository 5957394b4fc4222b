package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// applicationsPerPage bounds the application list on one page.
const applicationsPerPage = 100

// nomineesShown bounds the businesses a nomination search lists.
const nomineesShown = 10

type applicationsView struct {
	P         *programs.Program
	Apps      []programs.Application
	Total     int // applications the caller may see
	Shown     int // of which match the filter
	Filter    programs.ApplicantFilter
	Statuses  []string
	Pager     pagerView
	Counts    map[string]int
	Officer   bool
	Open      bool            // nominations and bulk additions are possible
	Districts []region.Region // kecamatan with applicants, for the filter
	Bulk      []region.Region // kecamatan a bulk addition may take
	Search    string          // the nomination search
	Nominees  []programs.Nominee
	notice
	Reasons string // link to the reasons of a bulk addition's left-outs
}

// programApplications lists a programme's applications in the caller's
// area, searchable by name or ID and filtered by status and kecamatan,
// with the nomination search and the bulk form for officers.
func (s *Server) programApplications(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	if a.Role == auth.Owner {
		return errOfficeOnlyPage
	}
	p, err := s.Programs.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := applicationsView{P: p, Counts: map[string]int{}, Officer: a.IsOfficer(), notice: noticeOf(r),
		Open: a.IsOfficer() && p.Status == programs.StatusOpen, Search: strings.TrimSpace(q.Get("cari")),
		Filter: programs.ApplicantFilter{Q: q.Get("q"), Status: q.Get("status"), District: q.Get("kecamatan")}}
	if m := q.Get("massal"); m != "" {
		v.Reasons = fmt.Sprintf("/program/%d/pendaftar/massal?%s", id, m)
	}
	if v.Open && v.Search != "" {
		if v.Nominees, err = s.Programs.FindNominees(r.Context(), a, id, v.Search, nomineesShown); err != nil {
			return err
		}
		if s.swapped(w, r, "program_applications", "nominees", v) {
			return nil
		}
	}
	apps, err := s.Programs.Applications(r.Context(), a, id)
	if err != nil {
		return err
	}
	v.Total = len(apps)
	seen := map[string]bool{}
	var shown []programs.Application
	for _, ap := range apps {
		v.Counts[ap.Status]++
		seen[ap.DistrictCode] = ap.DistrictCode != ""
		if v.Filter.MatchApplication(ap) {
			shown = append(shown, ap)
		}
	}
	for _, st := range []string{programs.AppApplied, programs.AppSelected, programs.AppReserve, programs.AppNotSelected,
		programs.AppIneligible, programs.AppAttended, programs.AppCompleted, programs.AppDroppedOut, programs.AppWithdrawn} {
		if v.Counts[st] > 0 {
			v.Statuses = append(v.Statuses, st)
		}
	}
	v.Districts, v.Bulk, v.Shown = districtsAmong(seen), s.bulkDistricts(a, p), len(shown)
	v.Apps, v.Pager = pageOf(r, shown, applicationsPerPage)
	s.render(w, r, http.StatusOK, "program_applications", page{Title: "Pendaftar " + p.Name, Active: "programs", Data: v})
	return nil
}

// bulkDistricts are the kecamatan a bulk addition may draw from: the
// programme's own (all when it has none) within the officer's area.
func (s *Server) bulkDistricts(a auth.Actor, p *programs.Program) []region.Region {
	mine := s.districtsFor(a)
	if len(p.Districts) == 0 {
		return mine
	}
	var out []region.Region
	for _, d := range mine {
		if slices.Contains(p.Districts, d.Code) {
			out = append(out, d)
		}
	}
	return out
}

var errOfficeOnlyPage = apperr.New(apperr.Forbidden, "Halaman ini untuk petugas dinas")

// programNominate adds one business (found by the nomination search) to a programme.
func (s *Server) programNominate(w http.ResponseWriter, r *http.Request, id int64) error {
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
	return s.back(w, r, path, msg, err)
}

// bulkFilter reads the registry filter of the bulk form (or its preview link).
func bulkFilter(r *http.Request) registry.Filter {
	return registry.Filter{District: r.FormValue("district"), SizeClass: r.FormValue("size_class"),
		Sector: strings.ToUpper(strings.TrimSpace(r.FormValue("sector"))), Doc: r.FormValue("doc")}
}

// bulkQuery is the query string that repeats a bulk filter (never empty).
func bulkQuery(f registry.Filter) string {
	return url.Values{"district": {f.District}, "size_class": {f.SizeClass}, "sector": {f.Sector}, "doc": {f.Doc}}.Encode()
}

// programBulk adds every eligible business of a registry filter and says
// how many were left out, with a link to why.
func (s *Server) programBulk(w http.ResponseWriter, r *http.Request, id int64) error {
	f := bulkFilter(r)
	res, err := s.Programs.AddBulk(r.Context(), actor(r), id, f, false)
	path := fmt.Sprintf("/program/%d/pendaftar", id)
	if err != nil {
		return s.back(w, r, path, "", err)
	}
	msg := fmt.Sprintf("%s usaha ditambahkan", idfmt.Number(int64(res.Added)))
	if res.Ineligible > 0 {
		msg += fmt.Sprintf("; %s tidak memenuhi syarat", idfmt.Number(int64(res.Ineligible)))
	}
	if res.Already > 0 {
		msg += fmt.Sprintf("; %s sudah terdaftar sebelumnya", idfmt.Number(int64(res.Already)))
	}
	q := url.Values{"pesan": {msg + "."}}
	if res.Ineligible > 0 {
		q.Set("massal", bulkQuery(f))
	}
	http.Redirect(w, r, path+"?"+q.Encode(), http.StatusSeeOther)
	return nil
}

type bulkView struct {
	P      *programs.Program
	Res    *programs.BulkResult
	Filter registry.Filter
	Query  string
	Error  string
}

// programBulkPreview says what a bulk addition with a filter does: how many
// businesses it adds and, rule by rule, why the others are left out.
func (s *Server) programBulkPreview(w http.ResponseWriter, r *http.Request, id int64) error {
	p, err := s.Programs.Get(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	f := bulkFilter(r)
	v := bulkView{P: p, Filter: f, Query: bulkQuery(f)}
	v.Res, err = s.Programs.AddBulk(r.Context(), actor(r), id, f, true)
	if code := apperr.CodeOf(err); err != nil && code != apperr.Invalid && code != apperr.Conflict {
		return err
	}
	if err != nil {
		v.Error = apperr.MessageOf(err)
	}
	s.render(w, r, http.StatusOK, "program_bulk", page{Title: "Tambah massal " + p.Name, Active: "programs", Data: v})
	return nil
}

// programWithdraw records a withdrawal and shows who replaces it.
func (s *Server) programWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, bid, err := programAndBusiness(r)
	if err != nil {
		return err
	}
	out, err := s.Programs.Withdraw(r.Context(), actor(r), id, bid)
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
	return s.back(w, r, fmt.Sprintf("/program/%d/pendaftar", id), msg, err)
}
