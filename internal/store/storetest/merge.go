package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/sqlstore"
)

// schemaReader reads the schema and whole tables, for the merge tests.
type schemaReader interface {
	Tables(ctx context.Context) ([]string, error)
	TablesWithColumn(ctx context.Context, column string) ([]string, error)
	Snapshot(ctx context.Context, table string) ([]string, error)
}

func schemaOf(t *testing.T, s store.Store) schemaReader {
	t.Helper()
	r, ok := s.(schemaReader)
	if !ok {
		t.Fatal("the store must read its schema (sqlstore.DB)")
	}
	return r
}

// testMergeLinksSchema: every table with a business_id column is one a
// merge moves; a new table fails here until merge handles it.
func testMergeLinksSchema(t *testing.T, s store.Store) {
	got, err := schemaOf(t, s).TablesWithColumn(ctx, "business_id")
	if err != nil {
		t.Fatal(err)
	}
	var handled []string
	for _, l := range sqlstore.BusinessLinks {
		handled = append(handled, l.Table)
	}
	slices.Sort(handled)
	if !slices.Equal(got, handled) {
		t.Errorf("tables with business_id = %v\nmerge handles        %v\n(add the new table to sqlstore.BusinessLinks)", got, handled)
	}
}

// snapshotAll returns every row of every table but the audit trail, the
// merges themselves, the search index and the migrations.
func snapshotAll(t *testing.T, s store.Store) map[string][]string {
	t.Helper()
	r := schemaOf(t, s)
	tables, err := r.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, tb := range tables {
		if tb == "audit_log" || tb == "business_merges" || tb == "schema_migrations" || strings.Contains(tb, "fts") {
			continue
		}
		if out[tb], err = r.Snapshot(ctx, tb); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func sameSnapshots(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	for tb, rows := range want {
		if !slices.Equal(got[tb], rows) {
			t.Errorf("%s: table %s\n got %q\nwant %q", what, tb, got[tb], rows)
		}
	}
}

// testMergeUndo: a merge moves the merged business's records to the kept
// one (an application to a programme both applied to stays behind), the
// merged business is gone, and undo restores every table exactly.
func testMergeUndo(t *testing.T, s store.Store) {
	a := create(t, s, biz("Emping Melinjo Bu Enah", cikandeA))
	nb := biz("EMPING MLINJO IBU ENAH", cikandeA)
	nb.Phone, nb.NIB = "+6281234567890", "9120001234567"
	b := create(t, s, nb)
	other := create(t, s, biz("Sate Bandeng", kramatwatuA))

	both := &programs.Program{Name: "Pelatihan Kemasan", Kind: "pelatihan", Topics: []string{"kemasan_label"},
		StartsOn: "2025-10-13", EndsOn: "2025-10-16", Capacity: 10, Status: programs.StatusOpen}
	only := &programs.Program{Name: "Pemasaran Digital", Kind: "pelatihan", Topics: []string{"digital"},
		StartsOn: "2026-02-01", EndsOn: "2026-02-02", Capacity: 10, Status: programs.StatusOpen}
	for _, p := range []*programs.Program{both, only} {
		if err := s.CreateProgram(ctx, p, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "program"}); err != nil {
			t.Fatal(err)
		}
	}
	applied := time.Date(2025, 9, 1, 3, 0, 0, 0, time.UTC)
	for _, x := range []struct{ program, business int64 }{{both.ID, a.ID}, {both.ID, b.ID}, {only.ID, b.ID}, {only.ID, other.ID}} {
		app := &programs.Application{ProgramID: x.program, BusinessID: x.business, BusinessName: "x",
			VillageCode: cikandeA, DistrictCode: cikande, Channel: programs.ChannelNominasi, Status: programs.AppApplied, AppliedAt: applied}
		if err := s.AddApplications(ctx, []*programs.Application{app}, programs.Who{Username: "uji"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddMeasurement(ctx, measurement(b.ID, 2025, 250_000_000, registry.SourceSelfReport), false, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.InsertAssessments(ctx, []*assessment.Assessment{newAssessment(b.ID, "2025-09-01", assessment.SourceOfficer, 2)}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateProduct(ctx, &market.Product{BusinessID: b.ID, Name: "Emping manis", Category: "makanan", Price: 27000},
		createAudit("product")); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateUser(ctx, &auth.User{Username: "pemilik.enah", Role: auth.Owner, BusinessID: b.ID, PasswordHash: "x"}, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshotAll(t, s)

	kept, err := s.GetBusiness(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	kept.Phone, kept.NIB = b.Phone, b.NIB
	m := &duplicates.Merge{KeptID: a.ID, MergedID: b.ID, MergedBy: "uji", MergedAt: applied,
		Detail: duplicates.Detail{Fields: []string{"phone", "nib"}}}
	e := &audit.Entry{Username: "uji", Action: "merge", Entity: "business", EntityID: a.ID, After: []byte(`{}`)}
	if err := s.MergeBusinesses(ctx, kept, m, e); err != nil {
		t.Fatalf("MergeBusinesses: %v", err)
	}
	_, err = s.GetBusiness(ctx, b.ID)
	wantCode(t, err, apperr.NotFound)
	got, err := s.GetBusiness(ctx, a.ID)
	if err != nil || got.NIB != b.NIB || got.Phone != b.Phone || len(got.Products) != 1 || got.Products[0].Name != "Emping manis" {
		t.Fatalf("kept business after the merge: %+v, %v", got, err)
	}
	for table, n := range map[string]int{"applications": 1, "measurements": 1, "assessments": 1, "products": 1, "permits": 1, "users": 1} {
		if m.Moved[table] != n {
			t.Errorf("moved %s = %d, want %d (%v)", table, m.Moved[table], n, m.Moved)
		}
	}
	if m.Left["applications"] != 1 || len(m.Left) != 1 {
		t.Errorf("left = %v, want the application to the programme both applied to", m.Left)
	}
	if got, err := s.GetMerge(ctx, m.ID); err != nil || got.KeptID != a.ID || got.MergedID != b.ID || got.UndoneAt != nil ||
		got.Moved["measurements"] != 1 || !slices.Equal(got.Fields, []string{"phone", "nib"}) {
		t.Errorf("GetMerge = %+v, %v", got, err)
	}
	again := *kept
	wantCode(t, s.MergeBusinesses(ctx, &again, &duplicates.Merge{KeptID: a.ID, MergedID: b.ID, MergedBy: "uji",
		MergedAt: applied}, e), apperr.Conflict)

	undone, err := s.UndoMerge(ctx, m.ID, "uji", applied.Add(time.Hour), &audit.Entry{Username: "uji", Action: "merge_undo",
		Entity: "business", EntityID: a.ID})
	if err != nil || undone.UndoneAt == nil || undone.UndoneBy != "uji" {
		t.Fatalf("UndoMerge = %+v, %v", undone, err)
	}
	sameSnapshots(t, "after undo", snapshotAll(t, s), before)
	_, err = s.UndoMerge(ctx, m.ID, "uji", applied, &audit.Entry{Username: "uji", Action: "merge_undo", Entity: "business"})
	wantCode(t, err, apperr.Conflict)
	_, err = s.GetMerge(ctx, m.ID+100)
	wantCode(t, err, apperr.NotFound)

	// A kept business changed since its merge cannot be unmerged.
	kept, _ = s.GetBusiness(ctx, a.ID)
	m2 := &duplicates.Merge{KeptID: a.ID, MergedID: b.ID, MergedBy: "uji", MergedAt: applied}
	if err := s.MergeBusinesses(ctx, kept, m2, e); err != nil {
		t.Fatal(err)
	}
	kept, _ = s.GetBusiness(ctx, a.ID)
	kept.Address = "Jl. Raya Cikande"
	if err := s.UpdateBusiness(ctx, kept, nil); err != nil {
		t.Fatal(err)
	}
	_, err = s.UndoMerge(ctx, m2.ID, "uji", applied, &audit.Entry{Username: "uji", Action: "merge_undo", Entity: "business"})
	wantCode(t, err, apperr.Conflict)
}

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
