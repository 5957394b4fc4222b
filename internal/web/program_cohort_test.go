package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// cohortOf builds a running programme with the given dates whose
// participants are the given businesses (all selected).
func (f *fixture) cohortOf(t *testing.T, starts, ends string, ids ...int64) *programs.Program {
	t.Helper()
	ctx, svc, sys := context.Background(), f.srv.Programs, auth.System
	p := &programs.Program{Name: "Pelatihan Pemasaran " + starts, Kind: programs.KindPelatihan, Topics: []string{"pemasaran"},
		StartsOn: starts, EndsOn: ends, Capacity: len(ids), MinDistricts: 1}
	steps := []func() error{
		func() error { _, err := svc.Create(ctx, sys, p); return err },
		func() error { _, err := svc.Move(ctx, sys, p.ID, programs.StatusOpen); return err },
		func() error {
			for _, id := range ids {
				if _, err := svc.Apply(ctx, sys, p.ID, id); err != nil {
					return err
				}
			}
			return nil
		},
		func() error { _, err := svc.RunSelection(ctx, sys, p.ID, nil); return err },
		func() error { _, err := svc.LockSelection(ctx, sys, p.ID); return err },
		func() error { _, err := svc.Move(ctx, sys, p.ID, programs.StatusRunning); return err },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("cohort step %d: %v", i, err)
		}
	}
	return p
}

// TestScoreGridAllOrNothing posts the whole grid: a decimal comma is read,
// a blank cell clears, and one wrong cell saves nothing and comes back on
// its row naming its participant, with what was typed.
func TestScoreGridAllOrNothing(t *testing.T) {
	f := newFixture(t)
	b2 := f.createBusiness("Gipang Cikande", cikandeVillage)
	p := f.cohortOf(t, "2026-12-01", "2026-12-03", f.In.ID, b2.ID)
	path := fmt.Sprintf("/program/%d/nilai", p.ID)
	grid := func(cells map[string]string) string {
		v := url.Values{"business_id": {itoa64(f.In.ID), itoa64(b2.ID)}}
		for k, x := range cells {
			v.Set(k, x)
		}
		return v.Encode()
	}
	in, two := itoa64(f.In.ID), itoa64(b2.ID)
	w := f.do(request{Method: "POST", Path: path, Role: "operator", Body: grid(map[string]string{
		"pre." + in: "40,5", "post." + in: "82", "pre." + two: "35", "post." + two: "70"})})
	if w.Code != s303 || !strings.Contains(w.Header().Get("Location"), url.QueryEscape("Nilai 2 peserta disimpan.")) {
		t.Fatalf("a good grid: %d %s", w.Code, w.Header().Get("Location"))
	}
	scores := func() map[int64]programs.Scores {
		list, err := f.st.ListScores(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]programs.Scores{}
		for _, s := range list {
			out[s.BusinessID] = s
		}
		return out
	}
	if s := scores()[f.In.ID]; s.PreTest == nil || *s.PreTest != 40.5 || *s.PostTest != 82 {
		t.Fatalf("decimal comma: stored %+v", s)
	}
	w = f.do(request{Method: "POST", Path: path, Role: "operator", Body: grid(map[string]string{
		"pre." + in: "41", "post." + in: "", "pre." + two: "35", "post." + two: "170"})})
	body := w.Body.String()
	if w.Code != s422 || !strings.Contains(body, "Gipang Cikande: nilai post-test harus angka 0–100") ||
		!strings.Contains(body, `value="170"`) || !strings.Contains(body, "Belum ada nilai yang disimpan") {
		t.Fatalf("one wrong cell: %d, want 422 naming Gipang Cikande and keeping 170; %.500s", w.Code, body)
	}
	if !strings.Contains(body, `id="row-`+two+`" class="invalid"`) {
		t.Errorf("the error is not on its row")
	}
	if s := scores()[f.In.ID]; *s.PreTest != 40.5 || s.PostTest == nil {
		t.Fatalf("a refused grid changed another row: %+v", s)
	}
	w = f.do(request{Method: "POST", Path: path, Role: "operator", Body: grid(map[string]string{
		"pre." + in: "41", "post." + in: "", "pre." + two: "35", "post." + two: "70"})})
	if s := scores()[f.In.ID]; w.Code != s303 || *s.PreTest != 41 || s.PostTest != nil {
		t.Fatalf("a blank cell clears its score: %d %+v", w.Code, s)
	}
	// The API takes the same grid as JSON, all or nothing.
	w = f.do(request{Method: "PUT", Path: fmt.Sprintf("/api/v1/programs/%d/scores", p.ID), Role: "admin",
		Body: `{"items":[{"business_id":` + in + `,"pre_test":50},{"business_id":` + two + `,"pre_test":-1}]}`})
	if w.Code != s422 || !strings.Contains(w.Body.String(), two+".pre_test") || *scores()[f.In.ID].PreTest != 41 {
		t.Fatalf("API grid with one wrong row: %d %s", w.Code, w.Body)
	}
}

func TestParseScoreCell(t *testing.T) {
	for in, want := range map[string]string{"": "nil", "  ": "nil", "72": "72", "72,5": "72.5", "72.5": "72.5", " 8 ": "8",
		"100": "100", "1e2": "NaN", "7,2,1": "NaN", "-3": "NaN", "abc": "NaN", ",5": "NaN", "Inf": "NaN", "72\u00a0": "72"} {
		got := "nil"
		if v := parseScoreCell(in); v != nil {
			got = fmt.Sprint(*v)
		}
		if got != want {
			t.Errorf("parseScoreCell(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestAttendanceWholeSession marks a session in one go, refuses a session
// that has not happened, and judges attendance by the programme's rule.
func TestAttendanceWholeSession(t *testing.T) {
	f := newFixture(t)
	b2 := f.createBusiness("Gipang Cikande", cikandeVillage)
	// The programmes' clock says 5 December 2026: sessions 1–2 happened, 3–5 not yet.
	p := f.cohortOf(t, "2026-12-04", "2026-12-08", f.In.ID, b2.ID, f.Out.ID)
	ctx := context.Background()
	w := f.do(request{Method: "POST", Path: fmt.Sprintf("/program/%d/kehadiran/semua", p.ID), Role: "operator", Body: "session=1"})
	if w.Code != s303 || !strings.Contains(w.Header().Get("Location"), "pesan=2+peserta+ditandai+hadir") {
		t.Fatalf("semua hadir: %d %s", w.Code, w.Header().Get("Location"))
	}
	att, _ := f.st.ListAttendance(ctx, p.ID)
	present := map[int64]bool{}
	for _, a := range att {
		present[a.BusinessID] = a.Present && a.Session == 1
	}
	if !present[f.In.ID] || !present[b2.ID] || present[f.Out.ID] {
		t.Fatalf("the Cikande operator marks its own area only: %+v", att)
	}
	if ap, _ := f.st.GetApplication(ctx, p.ID, b2.ID); ap.Status != programs.AppAttended {
		t.Fatalf("a first presence moves the participant on: %s", ap.Status)
	}
	if _, err := f.srv.Programs.SetAttendance(ctx, auth.System, p.ID, b2.ID, 1, false); err != nil {
		t.Fatal(err) // untick the one who did not come
	}
	_, err := f.srv.Programs.SetSessionAttendance(ctx, auth.System, p.ID, 3, true)
	if err == nil || !strings.Contains(err.Error(), "Sesi 3 dijadwalkan 6 Desember 2026") {
		t.Fatalf("a future session: %v", err)
	}
	w = f.do(request{Method: "POST", Path: fmt.Sprintf("/api/v1/programs/%d/attendance", p.ID), Role: "admin",
		Body: `{"business_id":` + itoa64(f.In.ID) + `,"session":5,"present":true}`})
	if w.Code != 409 || !strings.Contains(w.Body.String(), "baru dapat dicatat pada hari itu") {
		t.Fatalf("one mark for a future session: %d %s", w.Code, w.Body)
	}
	// In at 1 of 5 sessions (20%): not "Hadir", and told it is short of 75%.
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/kehadiran?sesi=2", p.ID), Role: "operator"})
	body := w.Body.String()
	if !strings.Contains(body, "1 dari 5 sesi (20%), <span class=\"short\">kurang dari 75%</span>") {
		t.Errorf("attendance against the rule not shown: %.2000s", body)
	}
	if strings.Contains(body, "Tidak hadir") || !strings.Contains(body, ">Belum<") {
		t.Errorf("today's session calls the unmarked absent instead of \"Belum\"")
	}
	// Session 1 is over: the one who was unticked did not come.
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/kehadiran?sesi=1", p.ID), Role: "operator"})
	if body := w.Body.String(); !strings.Contains(body, `<span class="tap-state">Tidak hadir</span>`) || strings.Contains(body, ">Belum<") {
		t.Errorf("an absence at a past session does not read \"Tidak hadir\": %.3000s", body)
	}
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/pendaftar", p.ID), Role: "operator"})
	if strings.Contains(w.Body.String(), ">Hadir<") || !strings.Contains(w.Body.String(), "Sedang mengikuti") {
		t.Errorf("a participant at 20%% is labelled Hadir on the applicant list")
	}
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/kehadiran?sesi=4", p.ID), Role: "operator"})
	if body := w.Body.String(); !strings.Contains(body, "kehadirannya baru dapat dicatat pada hari itu") || strings.Contains(body, `id="semua-hadir"`) {
		t.Errorf("a future session's page offers marking")
	}
}

// TestCertificateDates: no certificate and no finish before the last
// session; the certificate's day is the Jakarta day; a code typed with
// spaces and in lower case verifies.
func TestCertificateDates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p := f.cohortOf(t, "2026-12-04", "2026-12-08", f.In.ID)
	for s := 1; s <= 2; s++ {
		if _, err := f.srv.Programs.SetAttendance(ctx, auth.System, p.ID, f.In.ID, s, true); err != nil {
			t.Fatal(err)
		}
	}
	w := f.do(request{Method: "GET", Path: fmt.Sprintf("/api/v1/programs/%d/certificates/%d.pdf", p.ID, f.In.ID), Role: "admin"})
	if w.Code != 409 || !strings.Contains(w.Body.String(), "mulai hari sesi terakhir, 8 Desember 2026") {
		t.Fatalf("certificate before the last session: %d %s", w.Code, w.Body)
	}
	if _, err := f.srv.Programs.Move(ctx, auth.System, p.ID, programs.StatusFinished); err == nil ||
		!strings.Contains(err.Error(), "sesi terakhirnya, 8 Desember 2026") {
		t.Fatalf("finishing before the last session: %v", err)
	}

	// A programme that ended: issued at 21.38 UTC on 4 December, which is 5 December in Serang.
	done := f.stage("running")
	f.srv.Programs.Now = func() time.Time { return time.Date(2026, 12, 4, 21, 38, 0, 0, time.UTC) }
	defer func() { f.srv.Programs.Now = programClock }()
	c, prog, err := f.srv.Programs.Certificate(ctx, auth.System, done, f.In.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := f.srv.certificateData(httptest.NewRequest("GET", "/", nil), c, prog); d.IssuedOn != "5 Desember 2026" {
		t.Errorf("certificate issued at %v says %q, want the WIB day 5 Desember 2026", c.IssuedAt, d.IssuedOn)
	}
	typed := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(c.Code, "NK-"), "-", " "))
	w = f.do(request{Method: "GET", Path: "/verifikasi?kode=" + url.QueryEscape("nk "+typed), Role: "anon"})
	if w.Code != s200 || !strings.Contains(w.Body.String(), "Sertifikat asli") || !strings.Contains(w.Body.String(), "5 Desember 2026 04.38 WIB") {
		t.Fatalf("typed code %q: %d %.400s", "nk "+typed, w.Code, w.Body)
	}
}

// TestBulkAddEligibleInProgrammeDistricts: a bulk addition takes the
// programme's kecamatan only, adds the eligible and counts the others.
func TestBulkAddEligibleInProgrammeDistricts(t *testing.T) {
	f := newFixture(t)
	ctx, svc, sys := context.Background(), f.srv.Programs, auth.System
	noNIB := f.createBusiness("Kerupuk Tanpa NIB", cikandeVillage)
	noNIB.NIB = ""
	if _, err := f.srv.Registry.Update(ctx, sys, noNIB); err != nil {
		t.Fatal(err)
	}
	p := &programs.Program{Name: "Pelatihan Cikande", Kind: programs.KindPelatihan, Topics: []string{"pemasaran"},
		StartsOn: "2026-12-10", EndsOn: "2026-12-11", Capacity: 10, MinDistricts: 1, Districts: []string{cikande},
		Eligibility: programs.Eligibility{RequireNIB: true}}
	if _, err := svc.Create(ctx, sys, p); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Move(ctx, sys, p.ID, programs.StatusOpen); err != nil {
		t.Fatal(err)
	}
	w := f.do(request{Method: "POST", Path: fmt.Sprintf("/program/%d/pendaftar/massal", p.ID), Role: "admin", Body: "district="})
	loc, _ := url.QueryUnescape(w.Header().Get("Location"))
	if w.Code != s303 || !strings.Contains(loc, "1 usaha ditambahkan; 1 tidak memenuhi syarat.") || !strings.Contains(loc, "massal=") {
		t.Fatalf("bulk add: %d %s", w.Code, loc)
	}
	apps, _ := f.st.ListApplications(ctx, p.ID)
	if len(apps) != 1 || apps[0].BusinessID != f.In.ID {
		t.Fatalf("added %+v, want only the eligible Cikande business", apps)
	}
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/pendaftar/massal?district=", p.ID), Role: "admin"})
	if body := w.Body.String(); !strings.Contains(body, "belum memiliki NIB") || !strings.Contains(body, "Kerupuk Tanpa NIB") {
		t.Fatalf("the reasons page: %.600s", body)
	}
	w = f.do(request{Method: "POST", Path: fmt.Sprintf("/api/v1/programs/%d/applications/bulk?district=36.04.05", p.ID), Role: "admin"})
	if w.Code != s422 || !strings.Contains(w.Body.String(), "di luar sasaran program") {
		t.Fatalf("a kecamatan outside the programme: %d %s", w.Code, w.Body)
	}
	// Nominate by search, not by ID; an ineligible row offers no "Mundur".
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/pendaftar?cari=kerupuk", p.ID), Role: "operator"})
	if body := w.Body.String(); !strings.Contains(body, "Kerupuk Tanpa NIB") || !strings.Contains(body, "Tidak memenuhi syarat: belum memiliki NIB") {
		i := strings.Index(body, "nominasi-hasil")
		t.Fatalf("nomination search: %.600s", body[max(i, 0):])
	}
	if _, err := svc.Apply(ctx, sys, p.ID, noNIB.ID); err != nil {
		t.Fatal(err)
	}
	w = f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d/pendaftar?status=ineligible", p.ID), Role: "admin"})
	if body := w.Body.String(); !strings.Contains(body, "Kerupuk Tanpa NIB") || strings.Contains(body, "/mundur") {
		t.Fatalf("an ineligible row offers Mundur or is missing: %.800s", body)
	}
	if _, err := svc.Withdraw(ctx, sys, p.ID, noNIB.ID); err == nil {
		t.Fatal("an ineligible application was withdrawn")
	}
}

// TestOwnerReadsReason: the owner of a business that was not selected reads
// on the programme's page the same reason the office reads, in a sentence.
func TestOwnerReadsReason(t *testing.T) {
	f := newFixture(t)
	ctx, svc, sys := context.Background(), f.srv.Programs, auth.System
	rival := f.createBusiness("Gipang Cikande Jaya", cikandeVillage)
	p := &programs.Program{Name: "Pelatihan Satu Tempat", Kind: programs.KindPelatihan, Topics: []string{"pemasaran"},
		StartsOn: "2026-12-10", EndsOn: "2026-12-11", Capacity: 1, MinDistricts: 1}
	if _, err := svc.Create(ctx, sys, p); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Move(ctx, sys, p.ID, programs.StatusOpen); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{rival.ID, f.In.ID} { // same score: the one that applied first wins
		if _, err := svc.Apply(ctx, sys, p.ID, id); err != nil {
			t.Fatal(err)
		}
		f.srv.Programs.Now = func() time.Time { return programClock().Add(time.Hour) }
	}
	defer func() { f.srv.Programs.Now = programClock }()
	res, err := svc.RunSelection(ctx, sys, p.ID, nil)
	if err != nil || len(res.Reserve) != 1 || res.Reserve[0].BusinessID != f.In.ID {
		t.Fatalf("selection: %+v %v", res, err)
	}
	office := res.Reserve[0].Reason
	body := f.do(request{Method: "GET", Path: fmt.Sprintf("/program/%d", p.ID), Role: "owner"}).Body.String()
	want := "Usaha Anda masuk daftar cadangan: " + office + "."
	if !strings.Contains(body, want) || !strings.Contains(office, "mendaftar lebih lambat") {
		t.Fatalf("the owner reads %.2000s; want %q", body, want)
	}
}
