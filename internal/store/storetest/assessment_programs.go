package storetest

import (
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/programs"
	"naikkelas/internal/store"
)

// testAssessmentProgramFacts checks what the naik-kelas comparison and the
// timeline read from the programmes' tables, and the batch insert.
func testAssessmentProgramFacts(t *testing.T, s store.Store) {
	pf, ok := s.(assessment.ProgramFacts)
	if !ok {
		t.Fatal("the store must implement assessment.ProgramFacts")
	}
	done := create(t, s, biz("Lulus", cikandeA))
	drop := create(t, s, biz("Berhenti", cikandeA))
	rejected := create(t, s, biz("Tidak Terpilih", cikandeB))
	p := &programs.Program{Name: "Pelatihan Kemasan", Kind: "pelatihan", Topics: []string{"kemasan_label"},
		StartsOn: "2025-10-13", EndsOn: "2025-10-16", Capacity: 10, Status: programs.StatusFinished}
	if err := s.CreateProgram(ctx, p, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "program"}); err != nil {
		t.Fatal(err)
	}
	open := &programs.Program{Name: "Pemasaran Digital", Kind: "pelatihan", Topics: []string{"digital", "pemasaran"},
		StartsOn: "2026-02-01", EndsOn: "2026-02-02", Capacity: 10, Status: programs.StatusOpen}
	if err := s.CreateProgram(ctx, open, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "program"}); err != nil {
		t.Fatal(err)
	}
	applied := time.Date(2025, 9, 1, 3, 0, 0, 0, time.UTC)
	var apps []*programs.Application
	for _, x := range []struct {
		id     int64
		status string
	}{{done.ID, programs.AppCompleted}, {drop.ID, programs.AppDroppedOut}, {rejected.ID, programs.AppNotSelected}} {
		apps = append(apps, &programs.Application{ProgramID: p.ID, BusinessID: x.id, BusinessName: "x", VillageCode: cikandeA,
			DistrictCode: cikande, Channel: programs.ChannelNominasi, Status: x.status, AppliedAt: applied})
	}
	if err := s.AddApplications(ctx, apps, programs.Who{Username: "uji"}); err != nil {
		t.Fatal(err)
	}
	c, err := pf.ProgramCohort(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.StartsOn != "2025-10-13" || len(c.Completers) != 1 || c.Completers[0] != done.ID || len(c.Participants) != 2 {
		t.Errorf("cohort %+v", c)
	}
	_, err = pf.ProgramCohort(ctx, p.ID+100)
	wantCode(t, err, apperr.NotFound)
	ev, err := pf.ProgramEvents(ctx, done.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []assessment.ProgramEvent{{Date: "2025-09-01", Kind: assessment.EventProgramApplied, ProgramID: p.ID, ProgramName: p.Name},
		{Date: "2025-10-13", Kind: assessment.EventProgramSelected, ProgramID: p.ID, ProgramName: p.Name},
		{Date: "2025-10-16", Kind: assessment.EventProgramCompleted, ProgramID: p.ID, ProgramName: p.Name}}
	if len(ev) != 3 || ev[0] != want[0] || ev[1] != want[1] || ev[2] != want[2] {
		t.Errorf("events %+v\nwant %+v", ev, want)
	}
	if ev, _ := pf.ProgramEvents(ctx, rejected.ID); len(ev) != 1 {
		t.Errorf("a business not selected only applied: %+v", ev)
	}
	refs, err := pf.ProgramRefs(ctx, programs.StatusOpen)
	if err != nil || len(refs) != 1 || refs[0].ID != open.ID || len(refs[0].Topics) != 2 {
		t.Errorf("open programmes %+v %v", refs, err)
	}
	if all, _ := pf.ProgramRefs(ctx, ""); len(all) != 2 || all[0].ID != open.ID {
		t.Errorf("all programmes, newest first: %+v", all)
	}

	batch := []*assessment.Assessment{newAssessment(done.ID, "2025-09-01", assessment.SourceOfficer, 1),
		newAssessment(done.ID, "2025-12-01", assessment.SourceOfficer, 3)}
	if err := s.InsertAssessments(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if batch[0].ID == 0 || batch[1].ID <= batch[0].ID {
		t.Errorf("batch ids %d %d", batch[0].ID, batch[1].ID)
	}
	bad := []*assessment.Assessment{newAssessment(done.ID, "2025-12-02", assessment.SourceSelf, 2),
		newAssessment(done.ID+999, "2025-12-02", assessment.SourceSelf, 2)}
	if err := s.InsertAssessments(ctx, bad); err == nil {
		t.Error("a batch with an unknown business must fail")
	}
	if list, _ := s.ListAssessments(ctx, done.ID); len(list) != 2 {
		t.Errorf("a failed batch must leave nothing: %d assessments", len(list))
	}
}
