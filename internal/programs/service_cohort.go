package programs

import (
	"context"
	"fmt"
	"math"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
)

// cohort is what a write to the running cohort needs: the programme and the
// participants the officer may reach, by business.
type cohort struct {
	p     *Program
	apps  map[int64]*Application
	order []int64 // business IDs in the store's order
}

// runningCohort loads a programme that takes attendance and tests, and its
// participants in the officer's area.
func (s *Service) runningCohort(ctx context.Context, a auth.Actor, programID int64) (*cohort, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	p, err := s.Store.GetProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	if p.Status != StatusSelected && p.Status != StatusRunning {
		return nil, apperr.New(apperr.Conflict, "Kehadiran dan nilai hanya dicatat saat program berjalan (status: %s)", StatusLabel(p.Status))
	}
	apps, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return nil, err
	}
	c := &cohort{p: p, apps: map[int64]*Application{}}
	for i := range apps {
		ap := &apps[i]
		if a.Reaches(ap.BusinessID, ap.VillageCode) {
			c.apps[ap.BusinessID] = ap
			c.order = append(c.order, ap.BusinessID)
		}
	}
	return c, nil
}

// participant returns the application of a participant of the cohort.
func (c *cohort) participant(businessID int64) (*Application, error) {
	ap := c.apps[businessID]
	if ap == nil {
		return nil, apperr.New(apperr.NotFound, "Peserta tidak ditemukan")
	}
	if !IsParticipant(ap.Status) {
		return nil, apperr.New(apperr.Conflict, "Usaha ini bukan peserta program (status: %s)", AppStatusLabel(ap.Status))
	}
	return ap, nil
}

// sessionOpen returns the session numbered n when attendance may be taken
// for it today: a session dated in the future has not happened yet.
func (s *Service) sessionOpen(p *Program, n int) (Session, error) {
	if n < 1 || n > len(p.Sessions) {
		return Session{}, apperr.Validation(map[string]string{"session": "Sesi tidak ada di program ini"})
	}
	ss := p.Sessions[n-1]
	if ss.Date > idfmt.Day(s.Now()) {
		return ss, apperr.New(apperr.Conflict, "Sesi %d dijadwalkan %s: kehadirannya baru dapat dicatat pada hari itu",
			n, idfmt.DateString(ss.Date))
	}
	return ss, nil
}

// SetAttendance records whether one participant came to a session. The
// first presence moves a selected participant to attended.
func (s *Service) SetAttendance(ctx context.Context, a auth.Actor, programID, businessID int64, session int, present bool) (*Attendance, error) {
	c, err := s.runningCohort(ctx, a, programID)
	if err != nil {
		return nil, err
	}
	ap, err := c.participant(businessID)
	if err != nil {
		return nil, err
	}
	marks, err := s.mark(ctx, a, c, session, present, []*Application{ap}, false)
	if err != nil {
		return nil, err
	}
	return &marks[0], nil
}

// SetSessionAttendance marks every participant in the officer's area
// present (or absent) at one session in one transaction: "semua hadir",
// after which the officer unticks the few who did not come. Participants
// already marked so are left alone. It returns how many marks changed.
func (s *Service) SetSessionAttendance(ctx context.Context, a auth.Actor, programID int64, session int, present bool) (int, error) {
	c, err := s.runningCohort(ctx, a, programID)
	if err != nil {
		return 0, err
	}
	var who []*Application
	for _, id := range c.order {
		if ap := c.apps[id]; IsParticipant(ap.Status) {
			who = append(who, ap)
		}
	}
	marks, err := s.mark(ctx, a, c, session, present, who, true)
	return len(marks), err
}

// mark writes presence marks for a session, with the status moves they
// cause. unchangedOnly skips participants whose stored mark already says
// present.
func (s *Service) mark(ctx context.Context, a auth.Actor, c *cohort, session int, present bool, apps []*Application,
	unchangedOnly bool) ([]Attendance, error) {
	if _, err := s.sessionOpen(c.p, session); err != nil {
		return nil, err
	}
	stored := map[int64]bool{} // business → present at this session, when marked
	if unchangedOnly {
		att, err := s.Store.ListAttendance(ctx, c.p.ID)
		if err != nil {
			return nil, err
		}
		for _, at := range att {
			if at.Session == session {
				stored[at.BusinessID] = at.Present
			}
		}
	}
	now := s.Now().UTC()
	var marks []Attendance
	var changes []StatusChange
	for _, ap := range apps {
		if was, ok := stored[ap.BusinessID]; unchangedOnly && ok && was == present {
			continue
		}
		marks = append(marks, Attendance{ProgramID: c.p.ID, BusinessID: ap.BusinessID, Session: session, Present: present,
			RecordedBy: a.Username, RecordedAt: now})
		if present && ap.Status == AppSelected {
			changes = append(changes, StatusChange{ApplicationID: ap.ID, ProgramID: ap.ProgramID, BusinessID: ap.BusinessID, From: ap.Status,
				To: AppAttended, Reason: "hadir", At: now, By: a.Username})
		}
	}
	if len(marks) == 0 {
		return marks, nil
	}
	return marks, s.Store.SetAttendance(ctx, marks, changes, who(a))
}

// ScoreRow is one participant's line of the cohort's score grid. A nil
// score is a test not taken (or cleared). NaN stands for text that could
// not be read as a number and is refused like any value outside 0–100.
type ScoreRow struct {
	BusinessID int64    `json:"business_id"`
	PreTest    *float64 `json:"pre_test"`
	PostTest   *float64 `json:"post_test"`
}

// ScoreField is the key of a score grid error: "<business_id>.pre_test"
// or "<business_id>.post_test".
func ScoreField(businessID int64, test string) string { return fmt.Sprintf("%d.%s", businessID, test) }

// SetCohortScores records the pre-tests and post-tests of the cohort in one
// transaction. Every row is checked first; one wrong row saves nothing, and
// each error is keyed by ScoreField and names its participant. Rows that
// change nothing are not written. It returns how many participants' scores
// changed.
func (s *Service) SetCohortScores(ctx context.Context, a auth.Actor, programID int64, rows []ScoreRow) (int, error) {
	c, err := s.runningCohort(ctx, a, programID)
	if err != nil {
		return 0, err
	}
	all, err := s.Store.ListScores(ctx, programID)
	if err != nil {
		return 0, err
	}
	stored := map[int64]*Scores{}
	for i := range all {
		stored[all[i].BusinessID] = &all[i]
	}
	bad := map[string]string{}
	seen := map[int64]bool{}
	now := s.Now().UTC()
	var write []Scores
	var entries []*audit.Entry
	for _, row := range rows {
		ap, err := c.participant(row.BusinessID)
		if err != nil {
			return 0, err
		}
		if seen[row.BusinessID] {
			return 0, apperr.New(apperr.Invalid, "%s tercantum dua kali", ap.BusinessName)
		}
		seen[row.BusinessID] = true
		for test, v := range map[string]*float64{"pre_test": row.PreTest, "post_test": row.PostTest} {
			if v != nil && !(*v >= 0 && *v <= 100) { // NaN fails both comparisons
				bad[ScoreField(row.BusinessID, test)] = fmt.Sprintf("%s: nilai %s harus angka 0–100, mis. 72,5",
					ap.BusinessName, testLabel(test))
			}
		}
		before := stored[row.BusinessID]
		if before != nil && sameScore(before.PreTest, row.PreTest) && sameScore(before.PostTest, row.PostTest) ||
			before == nil && row.PreTest == nil && row.PostTest == nil {
			continue
		}
		sc := Scores{ProgramID: programID, BusinessID: row.BusinessID, PreTest: row.PreTest, PostTest: row.PostTest,
			RecordedBy: a.Username, RecordedAt: now}
		write = append(write, sc)
		entries = append(entries, entry(a, audit.Update, "test_scores", row.BusinessID, before, sc))
	}
	if err := apperr.Validation(bad); err != nil {
		return 0, err
	}
	if len(write) == 0 {
		return 0, nil
	}
	return len(write), s.Store.SetScores(ctx, write, entries)
}

func testLabel(test string) string {
	if test == "pre_test" {
		return "pre-test"
	}
	return "post-test"
}

func sameScore(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b || math.IsNaN(*a) && math.IsNaN(*b)
}

// SetScores records one participant's pre-test and post-test (0–100). A
// test left out (nil) keeps its stored score: the pre-test is entered on
// the first day and the post-test on the last, each on its own.
func (s *Service) SetScores(ctx context.Context, a auth.Actor, sc *Scores) (*Scores, error) {
	if sc.PreTest == nil || sc.PostTest == nil {
		all, err := s.Store.ListScores(ctx, sc.ProgramID)
		if err != nil {
			return nil, err
		}
		for _, old := range all {
			if old.BusinessID == sc.BusinessID {
				sc.PreTest, sc.PostTest = cmpOr(sc.PreTest, old.PreTest), cmpOr(sc.PostTest, old.PostTest)
			}
		}
	}
	_, err := s.SetCohortScores(ctx, a, sc.ProgramID, []ScoreRow{{BusinessID: sc.BusinessID, PreTest: sc.PreTest, PostTest: sc.PostTest}})
	if fields := apperr.FieldsOf(err); len(fields) > 0 { // one participant: the API's fields are pre_test and post_test
		plain := map[string]string{}
		for _, test := range []string{"pre_test", "post_test"} {
			if m, ok := fields[ScoreField(sc.BusinessID, test)]; ok {
				plain[test] = m
			}
		}
		return nil, apperr.Validation(plain)
	}
	if err != nil {
		return nil, err
	}
	sc.RecordedBy, sc.RecordedAt = a.Username, s.Now().UTC()
	return sc, nil
}

func cmpOr(v, def *float64) *float64 {
	if v != nil {
		return v
	}
	return def
}
