package storetest

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

func newProgram(t *testing.T, s store.Store) *programs.Program {
	t.Helper()
	p := &programs.Program{Name: "Pelatihan Kemasan 2025", Kind: programs.KindPelatihan, Topics: []string{"kemasan_label"},
		StartsOn: "2025-10-20", EndsOn: "2025-10-22", Capacity: 2, MaxPerDistrict: 1, MinDistricts: 2,
		Districts: []string{cikande}, Funding: []programs.FundingLine{{Kind: "apbd", Amount: 50_000_000}}, Status: programs.StatusDraft}
	p.Normalize()
	if err := s.CreateProgram(ctx, p, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "program"}); err != nil {
		t.Fatalf("CreateProgram: %v", err)
	}
	return p
}

var who = programs.Who{UserID: 1, Username: "uji"}

func testPrograms(t *testing.T, s store.Store) {
	p := newProgram(t, s)
	got, err := s.GetProgram(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != p.Name || len(got.Sessions) != 3 || got.Completion.MinAttendancePct != 75 ||
		got.Districts[0] != cikande || got.Funding[0].Amount != 50_000_000 || got.Version != 1 {
		t.Fatalf("round trip: %+v", got)
	}
	got.Status = programs.StatusOpen
	if err := s.UpdateProgram(ctx, got, &audit.Entry{Action: audit.Update, Entity: "program"}); err != nil {
		t.Fatal(err)
	}
	stale := *p // version 1
	wantCode(t, s.UpdateProgram(ctx, &stale, &audit.Entry{}), apperr.Conflict)
	_, err = s.GetProgram(ctx, 9999)
	wantCode(t, err, apperr.NotFound)
	items, total, err := s.ListPrograms(ctx, programs.ProgramFilter{Status: programs.StatusOpen})
	if err != nil || total != 1 || items[0].ID != p.ID {
		t.Fatalf("ListPrograms: %v %d %v", items, total, err)
	}
	pt := &programs.Partner{Name: "Bank BJB", Kind: "bank", Contact: "cabang Serang"}
	if err := s.CreatePartner(ctx, pt, &audit.Entry{Entity: "partner"}); err != nil {
		t.Fatal(err)
	}
	pt.Contact = "0254-000"
	if err := s.UpdatePartner(ctx, pt, &audit.Entry{Entity: "partner"}); err != nil {
		t.Fatal(err)
	}
	if ps, err := s.ListPartners(ctx); err != nil || len(ps) != 1 || ps[0].Contact != "0254-000" {
		t.Fatalf("ListPartners: %v %v", ps, err)
	}
	if err := s.DeletePartner(ctx, pt.ID, &audit.Entry{Entity: "partner"}); err != nil {
		t.Fatal(err)
	}
	_, err = s.GetPartner(ctx, pt.ID)
	wantCode(t, err, apperr.NotFound)
}

func apply(t *testing.T, s store.Store, p *programs.Program, names ...string) []*programs.Application {
	t.Helper()
	var apps []*programs.Application
	for _, n := range names {
		b := create(t, s, biz(n, cikandeA))
		apps = append(apps, &programs.Application{ProgramID: p.ID, BusinessID: b.ID, BusinessName: b.Name,
			VillageCode: b.VillageCode, DistrictCode: cikande, Channel: programs.ChannelNominasi, Status: programs.AppApplied})
	}
	if err := s.AddApplications(ctx, apps, who); err != nil {
		t.Fatalf("AddApplications: %v", err)
	}
	return apps
}

func testProgramApplications(t *testing.T, s store.Store) {
	p := newProgram(t, s)
	apps := apply(t, s, p, "Emping Bu Siti", "Gerabah Bumijaya")
	dup := *apps[0]
	wantCode(t, s.AddApplications(ctx, []*programs.Application{&dup}, who), apperr.Conflict)
	ch := programs.StatusChange{ApplicationID: apps[0].ID, BusinessID: apps[0].BusinessID, From: programs.AppApplied,
		To: programs.AppSelected, At: time.Now(), By: "uji"}
	rec := &programs.SelectionRecord{ProgramID: p.ID, Seed: 42, Result: []byte(`{"selected":[]}`), RunAt: time.Now(), RunBy: "uji"}
	if err := s.SaveSelection(ctx, rec, []programs.StatusChange{ch}, who); err != nil {
		t.Fatal(err)
	}
	// The same move again finds the application no longer applied.
	wantCode(t, s.ChangeStatuses(ctx, []programs.StatusChange{ch}, who), apperr.Conflict)
	got, err := s.GetApplication(ctx, p.ID, apps[0].BusinessID)
	if err != nil || got.Status != programs.AppSelected {
		t.Fatalf("GetApplication: %+v %v", got, err)
	}
	hist, err := s.ApplicationHistory(ctx, got.ID)
	if err != nil || len(hist) != 2 || hist[0].To != programs.AppApplied || hist[1].To != programs.AppSelected {
		t.Fatalf("history: %+v %v", hist, err)
	}
	sel, err := s.GetSelection(ctx, p.ID)
	if err != nil || sel.Seed != 42 || sel.Locked {
		t.Fatalf("GetSelection: %+v %v", sel, err)
	}
	now := time.Now().UTC()
	sel.Locked, sel.LockedAt, sel.LockedBy = true, &now, "uji"
	if err := s.UpdateSelection(ctx, sel, &audit.Entry{Entity: "selection"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.SaveSelection(ctx, rec, nil, who), apperr.Conflict)
	if sel, _ = s.GetSelection(ctx, p.ID); !sel.Locked || sel.LockedAt == nil {
		t.Fatalf("lock not kept: %+v", sel)
	}
	entries, _, err := s.ListAudit(ctx, audit.Filter{Entity: "application", EntityID: got.ID})
	if err != nil || len(entries) != 2 {
		t.Fatalf("status changes audited: %d entries, %v", len(entries), err)
	}
	// the log names the programme of an application, not only its number
	for _, e := range entries {
		if e.Action == audit.Create && !strings.Contains(string(e.After), `"program_id":`+strconv.FormatInt(p.ID, 10)) {
			t.Errorf("application audited without its programme: %s", e.After)
		}
	}
}

func testProgramRun(t *testing.T, s store.Store) {
	p := newProgram(t, s)
	apps := apply(t, s, p, "Kopi Baros", "Golok Ciomas")
	id := apps[0].BusinessID
	at := &programs.Attendance{ProgramID: p.ID, BusinessID: id, Session: 1, Present: true, RecordedBy: "uji", RecordedAt: time.Now()}
	if err := s.SetAttendance(ctx, []programs.Attendance{*at}, nil, who); err != nil {
		t.Fatal(err)
	}
	at.Present = false
	if err := s.SetAttendance(ctx, []programs.Attendance{*at}, nil, who); err != nil {
		t.Fatal(err)
	}
	if att, err := s.ListAttendance(ctx, p.ID); err != nil || len(att) != 1 || att[0].Present {
		t.Fatalf("attendance: %+v %v", att, err)
	}
	testCohortMarks(t, s, p, apps)
	post := 85.0
	if err := s.SetScores(ctx, []programs.Scores{{ProgramID: p.ID, BusinessID: id, PostTest: &post, RecordedAt: time.Now()}}, []*audit.Entry{{}}); err != nil {
		t.Fatal(err)
	}
	if sc, err := s.ListScores(ctx, p.ID); err != nil || len(sc) != 1 || sc[0].PreTest != nil || *sc[0].PostTest != 85 {
		t.Fatalf("scores: %+v %v", sc, err)
	}
	c := &programs.Certificate{ProgramID: p.ID, BusinessID: id, Code: "NK-AAAA-BBBB-CCCC", BusinessName: "Kopi Baros", OwnerName: "X", IssuedAt: time.Now(),
		Signatory: programs.Signatory{Government: "Pemerintah Kabupaten Serang", Agency: "Dinas", Name: "Ahmad", Title: "Kepala Dinas", NIP: "197001011990011001"}}
	if err := s.IssueCertificate(ctx, c, &audit.Entry{}); err != nil {
		t.Fatal(err)
	}
	again := &programs.Certificate{ProgramID: p.ID, BusinessID: id, Code: "NK-OTHER"}
	if err := s.IssueCertificate(ctx, again, &audit.Entry{}); err != nil || again.Code != c.Code {
		t.Fatalf("second issue gave %q, %v; want the first code", again.Code, err)
	}
	if got, err := s.CertificateByCode(ctx, c.Code); err != nil || got.BusinessID != id || got.Signatory != c.Signatory {
		t.Fatalf("CertificateByCode: %+v %v", got, err)
	}
	tasks := programs.PlanFollowUps(p, []programs.Application{*apps[0]})
	if err := s.AddFollowUps(ctx, append(tasks, tasks...)); err != nil {
		t.Fatal(err)
	}
	due, total, err := s.ListFollowUps(ctx, programs.FollowUpFilter{DueBefore: "2026-01-31", Regions: []string{cikande}})
	if err != nil || total != 2 || len(due) != 2 || due[0].ProgramName != p.Name {
		t.Fatalf("follow-ups: %d %+v %v", total, due, err)
	}
	if _, n, _ := s.ListFollowUps(ctx, programs.FollowUpFilter{Regions: []string{kramatwatu}}); n != 0 {
		t.Fatalf("follow-ups outside the region: %d", n)
	}
	now := time.Now()
	due[0].Status, due[0].Notes, due[0].DoneAt = programs.TaskDone, "omzet naik", &now
	if err := s.CompleteFollowUp(ctx, &due[0], &audit.Entry{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.GetFollowUp(ctx, due[0].ID); got.Status != programs.TaskDone || got.DoneAt == nil {
		t.Fatalf("follow-up not completed: %+v", got)
	}
	ch := programs.StatusChange{ApplicationID: apps[0].ID, From: programs.AppApplied, To: programs.AppCompleted, At: now}
	if err := s.ChangeStatuses(ctx, []programs.StatusChange{ch}, who); err != nil {
		t.Fatal(err)
	}
	if tr, err := s.TrainedPerDistrict(ctx, registry.Scope{}); err != nil || tr[cikande] != 1 {
		t.Fatalf("trained: %v %v", tr, err)
	}
	for _, sc := range []registry.Scope{{Regions: []string{"36.04.05"}}, {Regions: []string{cikande + ".2099"}}, {BusinessID: -1}} {
		if tr, err := s.TrainedPerDistrict(ctx, sc); err != nil || tr[cikande] != 0 {
			t.Fatalf("trained outside scope %+v: %v %v", sc, tr, err)
		}
	}
	other := newProgram(t, s)
	h, err := s.ApplicantHistory(ctx, other.ID, []int64{id, apps[1].BusinessID})
	if err != nil || h[id].LastCompletedOn != "2025-10-22" || h[apps[1].BusinessID].LastCompletedOn != "" {
		t.Fatalf("history: %+v %v", h, err)
	}
}
