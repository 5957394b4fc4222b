package storetest

import (
	"slices"
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/programs"
	"naikkelas/internal/store"
	"naikkelas/internal/store/sqlstore"
)

// testMergeProgrammesSchema: every table with both program_id and
// business_id holds rows that follow a business's application to a
// programme; a new one fails here until merge handles it.
func testMergeProgrammesSchema(t *testing.T, s store.Store) {
	r := schemaOf(t, s)
	withProgram, err := r.TablesWithColumn(ctx, "program_id")
	if err != nil {
		t.Fatal(err)
	}
	withBusiness, err := r.TablesWithColumn(ctx, "business_id")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range withProgram {
		if slices.Contains(withBusiness, tb) {
			got = append(got, tb)
		}
	}
	if !slices.Equal(got, sqlstore.ProgrammeLinks) {
		t.Errorf("tables with program_id and business_id = %v\nmerge handles %v (sqlstore.ProgrammeLinks, sorted)",
			got, sqlstore.ProgrammeLinks)
	}
}

// testMergeProgrammes: when both records applied to one programme, the
// kept business ends with the application that went further, and its
// attendance, tests and certificate; the other application and its rows
// stay with the merged record. Undo restores every table exactly.
func testMergeProgrammes(t *testing.T, s store.Store) {
	kept := create(t, s, biz("Keripik Talas Bu Ade", cikandeA))
	merged := create(t, s, biz("KRIPIK TALAS IBU ADE", cikandeA))
	var further, behind, onlyMerged programs.Program // merged went further; kept went further; merged alone applied
	for i, p := range []*programs.Program{&further, &behind, &onlyMerged} {
		*p = programs.Program{Name: []string{"Kemasan", "Pemasaran", "Keuangan"}[i], Kind: "pelatihan",
			Topics: []string{"kemasan_label"}, StartsOn: "2025-10-13", EndsOn: "2025-10-16", Capacity: 10, Status: programs.StatusOpen}
		if err := s.CreateProgram(ctx, p, createAudit("program")); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2025, 9, 1, 3, 0, 0, 0, time.UTC)
	who := programs.Who{Username: "uji"}
	apply := func(program, business int64, status string) {
		app := &programs.Application{ProgramID: program, BusinessID: business, BusinessName: "x", VillageCode: cikandeA,
			DistrictCode: cikande, Channel: programs.ChannelNominasi, Status: programs.AppApplied, AppliedAt: at}
		if err := s.AddApplications(ctx, []*programs.Application{app}, who); err != nil {
			t.Fatal(err)
		}
		from := programs.AppApplied
		for _, to := range map[string][]string{programs.AppApplied: nil, programs.AppSelected: {programs.AppSelected},
			programs.AppCompleted: {programs.AppSelected, programs.AppAttended, programs.AppCompleted}}[status] {
			if err := s.ChangeStatuses(ctx, []programs.StatusChange{{ApplicationID: app.ID, ProgramID: program,
				BusinessID: business, From: from, To: to, At: at, By: "uji"}}, who); err != nil {
				t.Fatal(err)
			}
			from = to
		}
	}
	apply(further.ID, kept.ID, programs.AppApplied)
	apply(further.ID, merged.ID, programs.AppCompleted)
	apply(behind.ID, kept.ID, programs.AppSelected)
	apply(behind.ID, merged.ID, programs.AppApplied)
	apply(onlyMerged.ID, merged.ID, programs.AppApplied)
	marks := []programs.Attendance{
		{ProgramID: further.ID, BusinessID: kept.ID, Session: 1, Present: false},
		{ProgramID: further.ID, BusinessID: merged.ID, Session: 1, Present: true},
		{ProgramID: further.ID, BusinessID: merged.ID, Session: 2, Present: true},
		{ProgramID: behind.ID, BusinessID: merged.ID, Session: 3, Present: true},
	}
	for i := range marks {
		marks[i].RecordedBy, marks[i].RecordedAt = "uji", at
	}
	if err := s.SetAttendance(ctx, marks, nil, who); err != nil {
		t.Fatal(err)
	}
	score := func(v float64) *float64 { return &v }
	if err := s.SetScores(ctx, []programs.Scores{
		{ProgramID: further.ID, BusinessID: kept.ID, PreTest: score(40), RecordedBy: "uji", RecordedAt: at},
		{ProgramID: further.ID, BusinessID: merged.ID, PreTest: score(50), PostTest: score(80), RecordedBy: "uji", RecordedAt: at},
	}, nil); err != nil {
		t.Fatal(err)
	}
	cert := &programs.Certificate{ProgramID: further.ID, BusinessID: merged.ID, Code: "KMS-0001", BusinessName: "x",
		OwnerName: "Ade", IssuedAt: at}
	if err := s.IssueCertificate(ctx, cert, createAudit("certificate")); err != nil {
		t.Fatal(err)
	}
	before := snapshotAll(t, s)

	k, err := s.GetBusiness(ctx, kept.ID)
	if err != nil {
		t.Fatal(err)
	}
	m := &duplicates.Merge{KeptID: kept.ID, MergedID: merged.ID, MergedBy: "uji", MergedAt: at}
	if err := s.MergeBusinesses(ctx, k, m, &audit.Entry{Username: "uji", Action: "merge", Entity: "business",
		EntityID: kept.ID}); err != nil {
		t.Fatalf("MergeBusinesses: %v", err)
	}
	statuses := map[int64]string{}
	apps, err := s.BusinessApplications(ctx, kept.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apps {
		statuses[a.ProgramID] = a.Status
	}
	if statuses[further.ID] != programs.AppCompleted || statuses[behind.ID] != programs.AppSelected ||
		statuses[onlyMerged.ID] != programs.AppApplied || len(statuses) != 3 {
		t.Errorf("the kept business's applications after the merge: %v", statuses)
	}
	if got, err := s.GetApplication(ctx, further.ID, merged.ID); err != nil || got.Status != programs.AppApplied {
		t.Errorf("the application left with the merged record: %+v, %v", got, err)
	}
	sessions := func(program, business int64) []int {
		all, err := s.ListAttendance(ctx, program)
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, a := range all {
			if a.BusinessID == business && a.Present {
				out = append(out, a.Session)
			}
		}
		return out
	}
	if got := sessions(further.ID, kept.ID); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("the kept business's attendance follows the application it took: sessions %v", got)
	}
	if got := sessions(behind.ID, merged.ID); !slices.Equal(got, []int{3}) {
		t.Errorf("the attendance of the application left behind stays with it: sessions %v", got)
	}
	scores, err := s.ListScores(ctx, further.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scores {
		if sc.BusinessID == kept.ID && (sc.PostTest == nil || *sc.PostTest != 80) {
			t.Errorf("the kept business's tests: %+v", sc)
		}
	}
	if c, err := s.CertificateByCode(ctx, "KMS-0001"); err != nil || c.BusinessID != kept.ID {
		t.Errorf("the certificate follows the application: %+v, %v", c, err)
	}
	if !slices.Equal(m.Taken, []int64{further.ID}) || m.Left["applications"] != 2 || m.Left["attendance"] != 2 ||
		m.Left["test_scores"] != 1 || m.Left["certificates"] != 0 {
		t.Errorf("merge detail: taken %v, left %v", m.Taken, m.Left)
	}
	if got, err := s.GetMerge(ctx, m.ID); err != nil || !slices.Equal(got.Taken, m.Taken) {
		t.Errorf("GetMerge = %+v, %v", got, err)
	}

	if _, err := s.UndoMerge(ctx, m.ID, "uji", at.Add(time.Hour), &audit.Entry{Username: "uji", Action: "merge_undo",
		Entity: "business", EntityID: kept.ID}); err != nil {
		t.Fatalf("UndoMerge: %v", err)
	}
	sameSnapshots(t, "after undo", snapshotAll(t, s), before)
}
