package web

import (
	"fmt"
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/programs"
)

// attendanceRow is one participant's tap target for one session.
type attendanceRow struct {
	ProgramID int64
	Session   int
	Progress  programs.Progress
	Present   bool
	CanEdit   bool
}

type attendanceView struct {
	P       *programs.Program
	Session programs.Session
	Rows    []attendanceRow
	Present int
	CanEdit bool
}

// programAttendance is the phone-friendly attendance page: pick a session,
// then one tap per participant marks presence.
func (s *Server) programAttendance(w http.ResponseWriter, r *http.Request) {
	a := actor(r)
	p, prog, err := s.pathProgress(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id := p.ID
	n, _ := strconv.Atoi(r.URL.Query().Get("sesi"))
	if n < 1 || n > len(p.Sessions) {
		n = 1
	}
	v := attendanceView{P: p, CanEdit: a.IsOfficer() && (p.Status == programs.StatusSelected || p.Status == programs.StatusRunning)}
	if len(p.Sessions) > 0 {
		v.Session = p.Sessions[n-1]
	}
	for _, pr := range prog {
		row := attendanceRow{ProgramID: id, Session: n, Progress: pr, Present: containsInt(pr.Present, n), CanEdit: v.CanEdit}
		if row.Present {
			v.Present++
		}
		v.Rows = append(v.Rows, row)
	}
	s.render(w, r, http.StatusOK, "program_attendance", page{Title: "Kehadiran " + p.Name, Active: "programs", Data: v})
}

// programAttendanceSet records one tap. An htmx request gets the redrawn
// row back; a plain form post returns to the session's list.
func (s *Server) programAttendanceSet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bid, _ := strconv.ParseInt(r.FormValue("business_id"), 10, 64)
	session, _ := strconv.Atoi(r.FormValue("session"))
	present := r.FormValue("present") == "1"
	a := actor(r)
	if _, err := s.Programs.SetAttendance(r.Context(), a, id, bid, session, present); err != nil {
		if r.Header.Get("HX-Request") == "true" && apperr.CodeOf(err) != apperr.Internal {
			w.Header().Set("HX-Reswap", "none")
		}
		s.fail(w, r, err)
		return
	}
	if r.Header.Get("HX-Request") != "true" {
		http.Redirect(w, r, fmt.Sprintf("/program/%d/kehadiran?sesi=%d", id, session), http.StatusSeeOther)
		return
	}
	_, prog, err := s.Programs.Progress(r.Context(), a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, pr := range prog {
		if pr.BusinessID == bid {
			row := attendanceRow{ProgramID: id, Session: session, Progress: pr, Present: containsInt(pr.Present, session), CanEdit: true}
			s.renderPartial(w, r, http.StatusOK, "program_attendance", "attendance_row", row)
			return
		}
	}
	s.fail(w, r, apperr.New(apperr.NotFound, "Peserta tidak ditemukan"))
}
