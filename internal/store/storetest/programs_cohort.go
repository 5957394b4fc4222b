package storetest

import (
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/programs"
	"naikkelas/internal/store"
)

// testCohortMarks checks the whole-cohort writes: one call marks a session
// for several participants with their status moves, and a batch of scores
// with one value the schema refuses stores nothing at all.
func testCohortMarks(t *testing.T, s store.Store, p *programs.Program, apps []*programs.Application) {
	t.Helper()
	now := time.Now()
	var marks []programs.Attendance
	for _, ap := range apps {
		marks = append(marks, programs.Attendance{ProgramID: p.ID, BusinessID: ap.BusinessID, Session: 2, Present: true,
			RecordedBy: "uji", RecordedAt: now})
	}
	moved := apps[1]
	change := programs.StatusChange{ApplicationID: moved.ID, BusinessID: moved.BusinessID, From: moved.Status,
		To: programs.AppSelected, Reason: "uji", At: now, By: "uji"}
	if err := s.SetAttendance(ctx, marks, []programs.StatusChange{change}, who); err != nil {
		t.Fatalf("SetAttendance for a session: %v", err)
	}
	att, err := s.ListAttendance(ctx, p.ID)
	present := 0
	for _, a := range att {
		if a.Session == 2 && a.Present {
			present++
		}
	}
	if err != nil || present != len(apps) {
		t.Fatalf("session 2 after one call: %d present of %d (%+v) %v", present, len(apps), att, err)
	}
	if ap, err := s.GetApplication(ctx, p.ID, moved.BusinessID); err != nil || ap.Status != programs.AppSelected {
		t.Fatalf("the status move of the same call: %+v %v", ap, err)
	}
	moved.Status = programs.AppSelected
	entries, _, err := s.ListAudit(ctx, audit.Filter{Entity: "attendance", EntityID: apps[0].BusinessID})
	if err != nil || len(entries) < 2 {
		t.Fatalf("every mark is audited: %d entries for the first participant, %v", len(entries), err)
	}

	good, bad := 70.0, 150.0
	batch := []programs.Scores{
		{ProgramID: p.ID, BusinessID: apps[0].BusinessID, PreTest: &good, RecordedBy: "uji", RecordedAt: now},
		{ProgramID: p.ID, BusinessID: apps[1].BusinessID, PreTest: &bad, RecordedBy: "uji", RecordedAt: now},
	}
	if err := s.SetScores(ctx, batch, []*audit.Entry{{Entity: "test_scores"}, {Entity: "test_scores"}}); err == nil {
		t.Fatal("a batch with a score of 150 was accepted")
	}
	if sc, err := s.ListScores(ctx, p.ID); err != nil || len(sc) != 0 {
		t.Fatalf("a refused batch left scores behind: %+v %v", sc, err)
	}
}
