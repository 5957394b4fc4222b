package web

import (
	"fmt"
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

// attendanceRow is one participant's tap target for one session.
type attendanceRow struct {
	ProgramID int64
	Session   int
	Sessions  int     // sessions of the programme, for "2 dari 5 sesi"
	MinPct    float64 // the programme's attendance threshold
	Progress  programs.Progress
	Present   bool
	Past      bool // the session's day is over: not present means absent
	CanEdit   bool
}

type attendanceView struct {
	P       *programs.Program
	Session programs.Session
	Rows    []attendanceRow
	Present int
	CanEdit bool // the programme takes attendance and the caller may mark it
	Future  bool // the session has not happened yet
	notice
}

// programAttendance is the phone-friendly attendance page: pick a session
// (the latest one that has happened is the default), mark everyone present
// with one button, then tap the few who did not come.
func (s *Server) programAttendance(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	p, prog, err := s.pathProgress(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	n, _ := strconv.Atoi(q.Get("sesi"))
	if n < 1 || n > len(p.Sessions) {
		n = currentSession(p, idfmt.Day(s.Programs.Now()))
	}
	v := attendanceView{P: p, notice: noticeOf(r),
		CanEdit: a.IsOfficer() && (p.Status == programs.StatusSelected || p.Status == programs.StatusRunning)}
	if len(p.Sessions) > 0 {
		v.Session = p.Sessions[n-1]
		v.Future = v.Session.Date > idfmt.Day(s.Programs.Now())
	}
	for _, pr := range prog {
		row := attendanceRow{ProgramID: p.ID, Session: n, Sessions: len(p.Sessions), MinPct: p.Completion.MinAttendancePct,
			Progress: pr, Present: containsInt(pr.Present, n), Past: sessionPast(p, n, idfmt.Day(s.Programs.Now())),
			CanEdit: v.CanEdit && !v.Future}
		if row.Present {
			v.Present++
		}
		v.Rows = append(v.Rows, row)
	}
	s.render(w, r, http.StatusOK, "program_attendance", page{Title: "Kehadiran " + p.Name, Active: "programs", Data: v})
	return nil
}

// attendanceSwap is the answer to one tap: the redrawn row and the
// session's new head count.
type attendanceSwap struct {
	Row   attendanceRow
	Count int
}

// currentSession is the number of the latest session dated today or
// earlier, or 1 before the programme starts.
func currentSession(p *programs.Program, today string) int {
	n := 1
	for _, ss := range p.Sessions {
		if ss.Date <= today {
			n = ss.Number
		}
	}
	return n
}

// sessionPast tells whether session n's day is over.
func sessionPast(p *programs.Program, n int, today string) bool {
	return n >= 1 && n <= len(p.Sessions) && p.Sessions[n-1].Date < today
}

// programAttendanceSet records one tap. An htmx request gets the redrawn
// row back; a plain form post returns to the session's list.
func (s *Server) programAttendanceSet(w http.ResponseWriter, r *http.Request, id int64) error {
	bid, _ := strconv.ParseInt(r.FormValue("business_id"), 10, 64)
	session, _ := strconv.Atoi(r.FormValue("session"))
	present := r.FormValue("present") == "1"
	a := actor(r)
	back := fmt.Sprintf("/program/%d/kehadiran?sesi=%d", id, session)
	if _, err := s.Programs.SetAttendance(r.Context(), a, id, bid, session, present); err != nil {
		if r.Header.Get("HX-Request") == "true" && apperr.CodeOf(err) != apperr.Internal {
			w.Header().Set("HX-Reswap", "none")
			return err
		}
		return s.back(w, r, back, "", err)
	}
	if r.Header.Get("HX-Request") != "true" {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return nil
	}
	p, prog, err := s.Programs.Progress(r.Context(), a, id)
	if err != nil {
		return err
	}
	var swap *attendanceSwap
	count := 0
	for _, pr := range prog {
		if containsInt(pr.Present, session) {
			count++
		}
		if pr.BusinessID == bid {
			swap = &attendanceSwap{Row: attendanceRow{ProgramID: id, Session: session, Sessions: len(p.Sessions),
				MinPct: p.Completion.MinAttendancePct, Progress: pr, Present: containsInt(pr.Present, session),
				Past: sessionPast(p, session, idfmt.Day(s.Programs.Now())), CanEdit: true}}
		}
	}
	if swap == nil {
		return apperr.New(apperr.NotFound, "Peserta tidak ditemukan")
	}
	swap.Count = count
	s.renderPartial(w, r, http.StatusOK, "program_attendance", "attendance_swap", swap)
	return nil
}

// programAttendanceAll marks every participant of the caller's area
// present at one session ("Semua hadir").
func (s *Server) programAttendanceAll(w http.ResponseWriter, r *http.Request, id int64) error {
	session, _ := strconv.Atoi(r.FormValue("session"))
	n, err := s.Programs.SetSessionAttendance(r.Context(), actor(r), id, session, true)
	msg := fmt.Sprintf("%s peserta ditandai hadir di sesi %d. Ketuk peserta yang tidak datang.", idfmt.Number(int64(n)), session)
	if n == 0 {
		msg = fmt.Sprintf("Semua peserta sudah ditandai hadir di sesi %d.", session)
	}
	return s.back(w, r, fmt.Sprintf("/program/%d/kehadiran?sesi=%d", id, session), msg, err)
}
