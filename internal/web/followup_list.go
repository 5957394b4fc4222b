package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

type followUpView struct {
	Items     []programs.FollowUp
	Total     int
	DueBefore string
	Status    string
	Officer   bool
	SeesPhone bool // tel: and WhatsApp links only for roles that see the phone
	Overdue   int  // open tasks on this page past their due day
	notice
}

// followUpList shows the pendampingan tasks due in the caller's area.
func (s *Server) followUpList(w http.ResponseWriter, r *http.Request) error {
	f, err := s.followUpFilter(r)
	if err != nil {
		return err
	}
	a := actor(r)
	items, total, err := s.Programs.FollowUps(r.Context(), a, f)
	if err != nil {
		return err
	}
	v := followUpView{Items: items, Total: total, DueBefore: f.DueBefore, Status: f.Status, Officer: a.IsOfficer(),
		SeesPhone: a.SeesPersonalData(),
		notice:    noticeOf(r)}
	for _, t := range items {
		if t.Overdue {
			v.Overdue++
		}
	}
	s.render(w, r, http.StatusOK, "followup_list", page{Title: "Pendampingan", Active: "programs", Data: v})
	return nil
}

// followUpComplete logs a visit or call, with an optional new measurement.
func (s *Server) followUpComplete(w http.ResponseWriter, r *http.Request, id int64) error {
	rep := programs.FollowUpReport{Method: r.FormValue("method"), Notes: r.FormValue("notes")}
	var bad error
	if v := strings.TrimSpace(r.FormValue("annual_revenue")); v != "" {
		n, ok := idfmt.ParseRupiah(v)
		if !ok {
			bad = apperr.New(apperr.Invalid, "Omzet harus jumlah rupiah, mis. 250.000.000")
		}
		rep.AnnualRevenue = &n
	}
	if v := strings.TrimSpace(r.FormValue("employees")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			bad = apperr.New(apperr.Invalid, "Tenaga kerja harus bilangan bulat")
		}
		rep.Employees = &n
	}
	var t *programs.FollowUp
	if bad == nil {
		t, bad = s.Programs.CompleteFollowUp(r.Context(), actor(r), id, rep)
	}
	if apperr.Is(bad, apperr.Forbidden) {
		return bad
	}
	if fe := apperr.FieldsOf(bad); len(fe) > 0 {
		var msgs []string
		for _, m := range fe {
			msgs = append(msgs, m)
		}
		bad = apperr.New(apperr.Invalid, "%s", strings.Join(msgs, "; "))
	}
	msg := ""
	if t != nil {
		msg = fmt.Sprintf("Pendampingan %s (bulan ke-%d) dicatat.", t.BusinessName, t.Month)
	}
	return s.back(w, r, "/pendampingan", msg, bad)
}
