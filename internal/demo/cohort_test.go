package demo

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
)

// midSize is the demo size of the cohort tests: enough businesses for the
// October 2025 programme's selection, cohort and comparison group.
const midSize = 12000

// shared is the mid-size demo that tests which only read it share: a load
// takes seconds, so it is loaded once per test binary (TestMain removes it).
var shared struct {
	once sync.Once
	dir  string
	st   store.Store
	err  error
}

// sharedDemo returns the shared mid-size demo, loading it on first use.
// Callers must not change it.
func sharedDemo(t *testing.T) store.Store {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "naikkelas-demo-"); shared.err != nil {
			return
		}
		if shared.st, shared.err = engine.Open(context.Background(), filepath.Join(shared.dir, "demo.db")); shared.err != nil {
			return
		}
		_, shared.err = Load(context.Background(), shared.st, Options{Count: midSize})
	})
	if shared.err != nil {
		t.Fatalf("loading the shared demo: %v", shared.err)
	}
	return shared.st
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.st != nil {
		shared.st.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// loadCohort loads a mid-size demo of its own and returns its store and the
// October 2025 programme, failing unless there is exactly one of it.
func loadCohort(t *testing.T) (store.Store, *programs.Program) {
	t.Helper()
	st := openTemp(t)
	if _, err := Load(context.Background(), st, Options{Count: midSize}); err != nil {
		t.Fatal(err)
	}
	return st, cohortOf(t, st)
}

// cohortOf returns the October 2025 programme of a loaded demo, failing
// unless there is exactly one of it.
func cohortOf(t *testing.T, st store.Store) *programs.Program {
	t.Helper()
	list, _, err := st.ListPrograms(context.Background(), programs.ProgramFilter{PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	var found []programs.Program
	for _, p := range list {
		if p.Name == cohortName {
			found = append(found, p)
		}
	}
	if len(found) != 1 || found[0].Status != programs.StatusFinished {
		t.Fatalf("want exactly one finished %q, got %+v", cohortName, found)
	}
	return &found[0]
}

// TestDemoCohortLifeCycle checks that the October 2025 programme is a
// faithful record of the life cycle: applications, a published selection
// with its seed, attendance, tests, completion, certificates, follow-up.
func TestDemoCohortLifeCycle(t *testing.T) {
	ctx := context.Background()
	st := sharedDemo(t)
	p := cohortOf(t, st)
	svc := programs.NewService(st, st, st, Jurisdiction)
	count := map[string]int{}
	channels := map[string]int{}
	apps, err := st.ListApplications(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, ap := range apps {
		count[ap.Status]++
		channels[ap.Channel]++
		if d := ap.AppliedAt.Format("2006-01"); d != "2025-09" {
			t.Errorf("application %d dated %s, want September 2025", ap.ID, ap.AppliedAt)
		}
	}
	want := map[string]int{programs.AppCompleted: cohortSize - cohortDropouts, programs.AppDroppedOut: cohortDropouts,
		programs.AppIneligible: cohortIneligible, programs.AppWithdrawn: 1}
	for s, n := range want {
		if count[s] != n {
			t.Errorf("%d applications %s, want %d (all: %v)", count[s], s, n, count)
		}
	}
	if len(apps) != cohortDistrict*cohortApplyPer || channels[programs.ChannelOnline] < 20 || channels[programs.ChannelNominasi] < 20 {
		t.Errorf("%d applications by channel %v", len(apps), channels)
	}
	res, rec, err := svc.Selection(ctx, auth.System, p.ID)
	if err != nil || rec.Seed != cohortSeed || !rec.Locked || !rec.Published || rec.RunAt.Format("2006-01-02") != "2025-09-22" {
		t.Fatalf("selection %+v, %v", rec, err)
	}
	if len(res.Selected) != cohortSize || len(res.Withdrawn) != 1 {
		t.Errorf("selection: %d selected, %d withdrawn", len(res.Selected), len(res.Withdrawn))
	}
	pub, err := svc.Public(ctx, p.ID)
	if err != nil || len(pub.Selected) != cohortSize || pub.Seed != cohortSeed {
		t.Fatalf("public page: %+v %v", pub, err)
	}
	att, err := st.ListAttendance(ctx, p.ID)
	if err != nil || len(att) != cohortSize*len(p.Sessions) {
		t.Errorf("%d attendance marks (%v), want %d", len(att), err, cohortSize*len(p.Sessions))
	}
	_, progress, err := svc.Progress(ctx, auth.System, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range progress {
		if pr.Completed != (pr.Status == programs.AppCompleted) {
			t.Errorf("business %d: status %s but the rules say completed=%v %v", pr.BusinessID, pr.Status, pr.Completed, pr.Unmet)
		}
	}
	certs, err := st.ListCertificates(ctx, p.ID)
	if err != nil || len(certs) != cohortSize-cohortDropouts {
		t.Fatalf("%d certificates (%v)", len(certs), err)
	}
	code := regexp.MustCompile(`^NK(-[` + codeAlphabet + `]{4}){3}$`)
	for _, c := range certs {
		if got, _, err := svc.Verify(ctx, c.Code); err != nil || !code.MatchString(c.Code) || got.BusinessID != c.BusinessID {
			t.Errorf("certificate %q does not verify: %v", c.Code, err)
		}
	}
	tasks, total, err := st.ListFollowUps(ctx, programs.FollowUpFilter{ProgramID: p.ID, PerPage: 500})
	if err != nil || total != cohortSize*len(programs.FollowUpMonths) {
		t.Fatalf("%d follow-up tasks (%v)", total, err)
	}
	for _, f := range tasks {
		if (f.Status == programs.TaskDone) != (f.Month <= 3) || (f.Month <= 3 && f.Notes == "") {
			t.Errorf("follow-up month %d: status %s notes %q", f.Month, f.Status, f.Notes)
		}
	}
	st2, p2 := loadCohort(t)
	if a, b := cohortRecord(t, st, p.ID), cohortRecord(t, st2, p2.ID); a != b {
		t.Errorf("two loads differ:\n%s\n%s", a, b)
	}
}

// cohortRecord renders what must be identical between two demo loads: the
// selection with its seed and times, statuses, certificate codes, follow-up.
func cohortRecord(t *testing.T, st store.Store, id int64) string {
	ctx := context.Background()
	rec, err := st.GetSelection(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	apps, _ := st.ListApplications(ctx, id)
	certs, _ := st.ListCertificates(ctx, id)
	tasks, _, _ := st.ListFollowUps(ctx, programs.FollowUpFilter{ProgramID: id, PerPage: 500})
	for i := range tasks {
		tasks[i].ID = 0
	}
	for i := range apps {
		apps[i].UpdatedAt = apps[i].AppliedAt // stored at load time
	}
	for i := range certs {
		certs[i].ID = 0
	}
	out, _ := json.Marshal([]any{rec.Seed, string(rec.Result), rec.LockedAt, rec.PublishedAt, apps, certs, tasks})
	return string(out)
}

// TestDemoOpenPrograms checks the current programmes the recommendations
// name: open for applications, with a few applicants, the demo owner among them.
func TestDemoOpenPrograms(t *testing.T) {
	ctx := context.Background()
	st := openTemp(t)
	accounts := loadDemo(t, st, 2000)
	open, _, err := st.ListPrograms(ctx, programs.ProgramFilter{Status: programs.StatusOpen, PerPage: 100})
	if err != nil || len(open) != 2 {
		t.Fatalf("%d open programmes (%v)", len(open), err)
	}
	var owner int64
	for _, a := range accounts {
		if a.Role == auth.Owner {
			owner = a.BusinessID
		}
	}
	ownerApplied := 0
	for _, p := range open {
		apps, err := st.ListApplications(ctx, p.ID)
		if err != nil || len(apps) < 5 {
			t.Errorf("%s: %d applications (%v)", p.Name, len(apps), err)
		}
		if ap, err := st.GetApplication(ctx, p.ID, owner); err == nil && ap.Channel == programs.ChannelOnline {
			ownerApplied++
		}
	}
	if ownerApplied != 1 {
		t.Errorf("the demo owner's business %d applied online to %d open programmes, want 1", owner, ownerApplied)
	}
	// The halal step names the halal programme, the label step the
	// packaging course; the SPP-IRT and marketing steps name neither.
	recs := []assessment.Recommendation{{Question: "leg_halal"}, {Question: "leg_izin_edar"}, {Topic: "kemasan_label"},
		{Question: "pas_saluran"}}
	svc := assessment.NewService(st, st, registry.NewService(st, Jurisdiction), st)
	if err := svc.AttachPrograms(ctx, assessment.Current(), recs); err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		named := len(r.Programs) == 1 && r.Programs[0].Status == programs.StatusOpen
		if want := i == 0 || i == 2; named != want || len(r.Programs) > 1 {
			t.Errorf("step %s (%s) names %+v", r.Question, r.Topic, r.Programs)
		}
	}
}
