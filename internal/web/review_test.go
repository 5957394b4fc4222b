package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// Defects found in review, each pinned by a test that failed before its fix.

// selectionIDs decodes a selection result and returns every business it names.
func selectionIDs(t *testing.T, body []byte) map[int64]bool {
	t.Helper()
	type entry struct {
		BusinessID int64 `json:"business_id"`
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatalf("selection JSON: %v; %s", err, body)
	}
	ids := map[int64]bool{}
	for _, k := range []string{"selected", "reserve", "not_selected", "ineligible", "withdrawn"} {
		var list []entry
		if v, ok := raw[k]; ok {
			if err := json.Unmarshal(v, &list); err != nil {
				t.Fatalf("%s: %v", k, err)
			}
		}
		for _, e := range list {
			ids[e.BusinessID] = true
		}
	}
	return ids
}

// An operator reads the explained selection of its own area only: the
// business IDs, scores and reasons of applicants elsewhere are not its to
// read. Admin and pimpinan see every applicant.
func TestSelectionScopedToOperatorArea(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/programs/" + itoa64(f.stage("selected")) + "/selection"
	for role, wantOut := range map[string]bool{"admin": true, "pimpinan": true, "operator": false} {
		w := f.do(request{Method: "GET", Path: path, Role: role})
		if w.Code != s200 {
			t.Fatalf("%s: status %d %s", role, w.Code, w.Body)
		}
		ids := selectionIDs(t, w.Body.Bytes())
		if !ids[f.In.ID] || ids[f.Out.ID] != wantOut {
			t.Errorf("%s sees %v; want in-area %d, out-of-area %d shown=%v", role, ids, f.In.ID, f.Out.ID, wantOut)
		}
	}
	// Running the selection answers with the same scoped view.
	w := f.do(request{Method: "POST", Path: "/api/v1/programs/" + itoa64(f.stage("open")) + "/selection", Role: "operator"})
	if w.Code != s200 {
		t.Fatalf("run: %d %s", w.Code, w.Body)
	}
	if ids := selectionIDs(t, w.Body.Bytes()); !ids[f.In.ID] || ids[f.Out.ID] {
		t.Errorf("operator's run answer names %v; want only %d", ids, f.In.ID)
	}
}

// A huge ?page= on the list behind a naik-kelas number overflowed the
// offset and panicked (500); it is an empty page.
func TestNaikKelasBusinessesHugePage(t *testing.T) {
	f := newFixture(t)
	for _, pg := range []string{"184467440737095518", "9223372036854775807", "2"} {
		w := f.do(request{Method: "GET", Path: "/naik-kelas/usaha?kind=size&change=no_data&page=" + pg, Role: "admin"})
		if w.Code != s200 {
			t.Errorf("page %s: status %d", pg, w.Code)
		}
	}
}

// The login form's next must stay on this site: browsers strip tabs and
// newlines from a Location and treat a backslash as a slash.
func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/usaha?q=emping":      "/usaha?q=emping",
		"/":                    "/",
		"":                     "",
		"https://evil.example": "",
		"//evil.example":       "",
		"/\\evil.example":      "",
		"/\t/evil.example":     "",
		"/\n/evil.example":     "",
		"/\r/evil.example":     "",
		"/usaha\\..\\x":        "",
		"/\x7f/evil.example":   "",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
	f := newFixture(t)
	form := url.Values{"username": {f.users["admin"].Username}, "password": {testPassword}, "next": {"/\t/evil.example"}}
	w := f.do(request{Method: "POST", Path: "/masuk", Body: form.Encode()})
	if w.Code != s303 || w.Header().Get("Location") != "/" {
		t.Errorf("login with a tab in next: %d to %q, want 303 to /", w.Code, w.Header().Get("Location"))
	}
}

// Coverage for an operator of some desa counts the trained businesses of
// those desa only: before, the whole kecamatan's completers were set
// against the desa's registered businesses (a share above 100% and a count
// from outside the operator's area).
func TestCoverageScopedToOperatorVillages(t *testing.T) {
	f := newFixture(t)
	f.stage("finished") // In (Desa Cikande) completed
	f.createBusiness("Warung Leuwi Limus", "36.04.15.2002")
	op := auth.Actor{UserID: 99, Username: "operator.leuwilimus", Role: auth.Operator, Regions: []string{"36.04.15.2002"}}
	cov, err := f.srv.Programs.Coverage(context.Background(), op)
	if err != nil {
		t.Fatal(err)
	}
	if len(cov) != 1 || cov[0].Code != cikande || cov[0].Businesses != 1 || cov[0].Trained != 0 || cov[0].Share != 0 {
		t.Errorf("coverage for a desa operator = %+v; want Cikande with 1 business, 0 trained", cov)
	}
	all, err := f.srv.Programs.Coverage(context.Background(), auth.System)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		if c.Code == cikande && (c.Businesses != 2 || c.Trained != 1) {
			t.Errorf("admin coverage of Cikande = %+v; want 2 businesses, 1 trained", c)
		}
	}
}

// A draft programme does not exist for an owner, on its applications list too.
func TestOwnerCannotListDraftApplications(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/programs/" + itoa64(f.stage("draft")) + "/applications"
	if w := f.do(request{Method: "GET", Path: path, Role: "owner"}); w.Code != s404 {
		t.Errorf("owner on a draft's applications: %d, want 404", w.Code)
	}
	if w := f.do(request{Method: "GET", Path: path, Role: "pimpinan"}); w.Code != s200 {
		t.Errorf("pimpinan on a draft's applications: %d, want 200", w.Code)
	}
}

// An archived business is visible to admin only, its applications too.
func TestArchivedBusinessApplicationsAdminOnly(t *testing.T) {
	f := newFixture(t)
	f.stage("open") // In has applied
	if err := f.srv.Registry.Archive(context.Background(), auth.System, f.In.ID); err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/businesses/" + itoa64(f.In.ID) + "/applications"
	for role, want := range map[string]int{"admin": s200, "operator": s404, "pimpinan": s404, "owner": s404} {
		if w := f.do(request{Method: "GET", Path: path, Role: role}); w.Code != want {
			t.Errorf("%s on an archived business's applications: %d, want %d", role, w.Code, want)
		}
	}
}

// An operator's programme report counts its own area's participants, but
// the cost per participant and per completer are the whole programme's:
// before, the full budget was divided by the operator's share alone.
func TestOperatorReportCostIsProgrammeWide(t *testing.T) {
	f := newFixture(t)
	ctx, svc, sys := context.Background(), f.srv.Programs, auth.System
	p := &programs.Program{Name: "Pelatihan Kemasan", Kind: programs.KindPelatihan, Topics: []string{"kemasan_label"},
		StartsOn: "2026-12-01", EndsOn: "2026-12-03", Capacity: 2, MaxPerDistrict: 1, MinDistricts: 1, Budget: 10_000_000}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(svc.Create(ctx, sys, p))
	must(svc.Move(ctx, sys, p.ID, programs.StatusOpen))
	for _, b := range []int64{f.In.ID, f.Out.ID} {
		must(svc.Apply(ctx, sys, p.ID, b))
	}
	must(svc.RunSelection(ctx, sys, p.ID, nil))
	must(svc.LockSelection(ctx, sys, p.ID))
	must(svc.Move(ctx, sys, p.ID, programs.StatusRunning))
	post := 80.0
	for _, b := range []int64{f.In.ID, f.Out.ID} {
		for s := 1; s <= 3; s++ {
			must(svc.SetAttendance(ctx, sys, p.ID, b, s, true))
		}
		must(svc.SetScores(ctx, sys, &programs.Scores{ProgramID: p.ID, BusinessID: b, PostTest: &post}))
	}
	for _, role := range []string{"admin", "operator"} {
		w := f.do(request{Method: "GET", Path: "/api/v1/programs/" + itoa64(p.ID) + "/report", Role: role})
		var rep programs.Report
		if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil || w.Code != s200 {
			t.Fatalf("%s: %d %v %s", role, w.Code, err, w.Body)
		}
		if rep.CostPerParticipant != 5_000_000 || rep.CostPerCompleter != 5_000_000 {
			t.Errorf("%s: cost per participant %d, per completer %d; want 5.000.000 each (2 participants)",
				role, rep.CostPerParticipant, rep.CostPerCompleter)
		}
	}
}

// Pre-test and post-test are entered on different days: posting one must
// not erase the other. A form value "NaN" is not a score between 0 and 100.
func TestScoresKeepTheOtherTestAndRejectNaN(t *testing.T) {
	f := newFixture(t)
	run := itoa64(f.stage("running")) // post-test 80 recorded for both
	in := itoa64(f.In.ID)
	w := f.do(request{Method: "POST", Path: "/api/v1/programs/" + run + "/scores", Role: "admin", Body: `{"business_id":` + in + `,"pre_test":40}`})
	if w.Code != s200 {
		t.Fatalf("pre-test: %d %s", w.Code, w.Body)
	}
	w = f.do(request{Method: "POST", Path: "/program/" + run + "/nilai", Role: "admin", Body: "business_id=" + in + "&pre." + in + "=NaN"})
	if w.Code != s422 || !strings.Contains(w.Body.String(), f.In.Name+": nilai pre-test harus angka 0–100") {
		t.Errorf("NaN pre-test: %d, want 422 with the error naming the participant; %.300s", w.Code, w.Body)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/programs/" + run + "/scores", Role: "admin"})
	var list struct {
		Items []programs.Progress `json:"items"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil {
		t.Fatalf("scores: %v %s", err, w.Body)
	}
	for _, it := range list.Items {
		if it.BusinessID != f.In.ID {
			continue
		}
		if it.PreTest == nil || *it.PreTest != 40 || it.PostTest == nil || *it.PostTest != 80 || !it.Completed {
			t.Errorf("after posting the pre-test alone: pre %v post %v completed %v; want 40, 80, true", it.PreTest, it.PostTest, it.Completed)
		}
		return
	}
	t.Fatalf("business %s not in %s", in, w.Body)
}

// PATCH with a status that does not exist is bad input (422); a real
// status the life cycle does not allow stays 409.
func TestProgramPatchUnknownStatus(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/programs/" + itoa64(f.stage("open"))
	for body, want := range map[string]int{`{"status":"zzz"}`: s422, `{"status":"finished"}`: http.StatusConflict} {
		if w := f.do(request{Method: "PATCH", Path: path, Role: "admin", Body: body}); w.Code != want {
			t.Errorf("PATCH %s: %d, want %d (%s)", body, w.Code, want, w.Body)
		}
	}
}

// Logging in again from a browser that still holds a session ends that
// session: only the new cookie works afterwards.
func TestLoginEndsThePreviousSession(t *testing.T) {
	f := newFixture(t)
	login := func(cookie *http.Cookie) *http.Cookie {
		t.Helper()
		form := url.Values{"username": {f.users["admin"].Username}, "password": {testPassword}}.Encode()
		r := httptest.NewRequest("POST", "/masuk", strings.NewReader(form))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if cookie != nil {
			r.AddCookie(cookie)
		}
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, r)
		for _, c := range w.Result().Cookies() {
			if c.Name == sessionCookie && c.Value != "" {
				return c
			}
		}
		t.Fatalf("login gave no session cookie (status %d)", w.Code)
		return nil
	}
	home := func(c *http.Cookie) int {
		r := httptest.NewRequest("GET", "/", nil)
		r.AddCookie(c)
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, r)
		return w.Code
	}
	first := login(nil)
	if code := home(first); code != http.StatusOK {
		t.Fatalf("first session: home = %d", code)
	}
	second := login(first)
	if code := home(second); code != http.StatusOK {
		t.Fatalf("second session: home = %d", code)
	}
	if code := home(first); code == http.StatusOK {
		t.Fatal("the first session still works after logging in again")
	}
}
