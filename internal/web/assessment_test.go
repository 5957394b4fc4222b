package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/assessment"
)

// answersWith answers every question of the current instrument with its
// worst option (best=false) or best option, then applies overrides.
func answersWith(best bool, over map[string]string) map[string]string {
	out := map[string]string{}
	for _, d := range assessment.Current().Dimensions {
		for _, q := range d.Questions {
			o := q.Options[0]
			for _, c := range q.Options {
				if (best && c.Score > o.Score) || (!best && c.Score < o.Score) {
					o = c
				}
			}
			out[q.ID] = o.ID
		}
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

func answersJSON(best bool, extra string) string {
	raw, _ := json.Marshal(answersWith(best, nil))
	return `{"answers":` + string(raw) + extra + `}`
}

func answersForm(best bool) string {
	v := url.Values{"instrument_version": {"1"}}
	for q, o := range answersWith(best, nil) {
		v.Set("q_"+q, o)
	}
	return v.Encode()
}

// selfAssessmentPath stores a self-assessment of the business and returns
// the verification path for it.
func selfAssessmentPath(f *fixture, id int64, _ string) string {
	a := &assessment.Assessment{BusinessID: id, InstrumentVersion: "1", AssessedOn: "2025-06-01", Source: assessment.SourceSelf,
		Answers: answersWith(true, nil), Scores: map[string]int{"produksi": 100}, Level: 5}
	if err := f.st.AddAssessment(context.Background(), a, nil); err != nil {
		f.t.Fatal(err)
	}
	return "/api/v1/businesses/" + itoa64(id) + "/assessments/" + itoa64(a.ID) + "/verification"
}

var statsReaders = want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}

// assessmentMatrix is the authorisation matrix of the assessment and
// naik-kelas routes.
func assessmentMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"GET /usaha/{id}/penilaian":      {path: byID("/usaha/{id}/penilaian"), want: readOne},
		"GET /usaha/{id}/penilaian/baru": {path: byID("/usaha/{id}/penilaian/baru"), want: writers(s200)},
		"POST /usaha/{id}/penilaian": {path: byID("/usaha/{id}/penilaian"),
			body: func(*fixture, int64, string) string { return answersForm(false) }, want: writers(s303)},
		"GET /naik-kelas":              {path: fixed("/naik-kelas?from=2025-01-01&to=2025-12-31"), want: statsReaders},
		"GET /naik-kelas/usaha":        {path: fixed("/naik-kelas/usaha?from=2025-01-01&to=2025-12-31&kind=size&change=no_data"), want: statsReaders},
		"GET /naik-kelas/unduh.xlsx":   {path: fixed("/naik-kelas/unduh.xlsx?from=2025-01-01&to=2025-12-31"), want: statsReaders},
		"GET /api/v1/instrument":       {path: fixed("/api/v1/instrument"), want: all(s200)},
		"GET /api/v1/stats/naik-kelas": {path: fixed("/api/v1/stats/naik-kelas?from=2025-01-01&to=2025-12-31"), want: statsReaders},
		"GET /api/v1/stats/naik-kelas/businesses": {path: fixed("/api/v1/stats/naik-kelas/businesses?kind=level&change=no_data"),
			want: statsReaders},
		"GET /api/v1/businesses/{id}/assessments":         {path: byID("/api/v1/businesses/{id}/assessments"), want: readOne},
		"GET /api/v1/businesses/{id}/assessments/prefill": {path: byID("/api/v1/businesses/{id}/assessments/prefill"), want: readOne},
		"GET /api/v1/businesses/{id}/timeline":            {path: byID("/api/v1/businesses/{id}/timeline"), want: readOne},
		"POST /api/v1/businesses/{id}/assessments": {path: byID("/api/v1/businesses/{id}/assessments"),
			body: func(*fixture, int64, string) string { return answersJSON(false, `,"assessed_on":"2025-06-01"`) }, want: writers(s201)},
		"POST /api/v1/businesses/{id}/assessments/{aid}/verification": {path: selfAssessmentPath,
			body: func(*fixture, int64, string) string { return `{"visit_date":"2025-06-10"}` }, want: officers(s201)},
	}
}

// decode fails the test unless the response has status want, then decodes JSON into v.
func decode(t *testing.T, f *fixture, rq request, want int, v any) {
	t.Helper()
	w := f.do(rq)
	if w.Code != want {
		t.Fatalf("%s %s as %s: status %d, want %d; body %s", rq.Method, rq.Path, rq.Role, w.Code, want, w.Body.String())
	}
	if v != nil {
		if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
			t.Fatalf("%s: %v", rq.Path, err)
		}
	}
}

// TestSelfAssessmentVerificationMovesStats is the evidence scenario: an
// owner self-assesses, an officer verifies on a visit, and the naik-kelas
// statistics move the level-up from self-reported to verified evidence.
func TestSelfAssessmentVerificationMovesStats(t *testing.T) {
	f := newFixture(t)
	base := "/api/v1/businesses/" + itoa64(f.In.ID) + "/assessments"
	stats := "/api/v1/stats/naik-kelas?from=2025-01-01&to=2025-12-31"

	// A baseline by an officer before the period: everything weak (Pemula).
	var first assessment.Assessment
	decode(t, f, request{Method: "POST", Path: base, Role: "operator", Body: answersJSON(false, `,"assessed_on":"2024-05-01"`)}, 201, &first)
	if first.Level != 1 || first.Source != assessment.SourceOfficer {
		t.Fatalf("baseline: %+v", first)
	}

	// The owner may not claim officer evidence, and answers are validated.
	decode(t, f, request{Method: "POST", Path: base, Role: "owner", Body: answersJSON(true, `,"source":"officer"`)}, 403, nil)
	var bad struct{ Fields map[string]string }
	decode(t, f, request{Method: "POST", Path: base, Role: "owner", Body: `{"answers":{"prod_bahan":"emas"}}`}, 422, &bad)
	if !strings.Contains(bad.Fields["answers.prod_bahan"], "Pilihan") || bad.Fields["answers.keu_catat"] == "" {
		t.Errorf("validation fields: %v", bad.Fields)
	}

	// The owner's self-assessment in the period: everything strong.
	var self struct {
		assessment.Assessment
		Recommendations []assessment.Recommendation `json:"recommendations"`
	}
	decode(t, f, request{Method: "POST", Path: base, Role: "owner",
		Body: answersJSON(true, `,"assessed_on":"2025-06-01","client_ref":"hp-1"`)}, 201, &self)
	if self.Level != 5 || self.LevelName != "Siap Ekspor" || self.Scores["kemasan_label"] != 100 || self.Source != assessment.SourceSelf {
		t.Fatalf("self-assessment: %+v", self.Assessment)
	}
	// Re-sending the same form (the phone lost the answer) does not save it twice.
	var again assessment.Assessment
	decode(t, f, request{Method: "POST", Path: base, Role: "owner",
		Body: answersJSON(true, `,"assessed_on":"2025-06-01","client_ref":"hp-1"`)}, 201, &again)
	if again.ID != self.ID {
		t.Errorf("re-send saved a second assessment: %d vs %d", again.ID, self.ID)
	}

	var st assessment.Stats
	decode(t, f, request{Method: "GET", Path: stats, Role: "pimpinan"}, 200, &st)
	if st.LevelUp != 1 || st.BySource.SelfReported.LevelUp != 1 || st.BySource.Verified.LevelUp != 0 || st.LevelNoData != 1 {
		t.Fatalf("before verification: %+v", st)
	}

	// Only an officer can verify.
	verify := base + "/" + itoa64(self.ID) + "/verification"
	decode(t, f, request{Method: "POST", Path: verify, Role: "owner", Body: `{"visit_date":"2025-06-10"}`}, 403, nil)
	decode(t, f, request{Method: "POST", Path: verify, Role: "operator", Body: `{}`}, 422, nil)
	var ver assessment.Assessment
	// The officer finds no online shop on the visit and corrects that one answer.
	decode(t, f, request{Method: "POST", Path: verify, Role: "operator",
		Body: `{"visit_date":"2025-06-10","answers":{"pas_digital":"tidak"}}`}, 201, &ver)
	if ver.Source != assessment.SourceOfficerVerified || ver.VerifiedFrom != self.ID || ver.AssessedOn != "2025-06-10" || ver.Level != 5 ||
		ver.Answers["pas_digital"] != "tidak" || ver.Answers["prod_bahan"] != self.Answers["prod_bahan"] || ver.Scores["pemasaran"] != 75 {
		t.Fatalf("verification: %+v", ver)
	}
	decode(t, f, request{Method: "POST", Path: verify, Role: "admin", Body: `{"visit_date":"2025-06-11"}`}, 409, nil)

	decode(t, f, request{Method: "GET", Path: stats, Role: "pimpinan"}, 200, &st)
	if st.LevelUp != 1 || st.BySource.Verified.LevelUp != 1 || st.BySource.SelfReported.LevelUp != 0 {
		t.Fatalf("after verification: %+v", st)
	}
	if len(st.Districts) != 2 || st.Districts[0].Code != "36.04.05" || st.Districts[1].BySource.Verified.LevelUp != 1 {
		t.Errorf("per kecamatan: %+v", st.Districts)
	}
	// Over 2025 the level change is measured from the 2024 baseline; over
	// 2025–2026 there is none before, so from the first assessment in it.
	if st.Baseline.LevelBeforeFrom != 1 || st.Baseline.LevelFirstInWindow != 0 {
		t.Errorf("baseline 2025: %+v", st.Baseline)
	}
	decode(t, f, request{Method: "GET", Path: "/api/v1/stats/naik-kelas?from=2025-01-01&to=2026-12-31", Role: "pimpinan"}, 200, &st)
	if st.Baseline.LevelBeforeFrom != 1 {
		t.Errorf("baseline 2025–2026: %+v", st.Baseline)
	}
	decode(t, f, request{Method: "GET", Path: "/api/v1/stats/naik-kelas?from=2024-06-01&to=2025-12-31", Role: "pimpinan"}, 200, &st)
	if st.Baseline.LevelFirstInWindow != 0 || st.LevelUp != 1 {
		t.Errorf("baseline 2024-06 – 2025: %+v %+v", st.Baseline, st.Counts)
	}
	decode(t, f, request{Method: "GET", Path: "/api/v1/stats/naik-kelas?from=2024-01-01&to=2025-12-31", Role: "pimpinan"}, 200, &st)
	if st.Baseline.LevelFirstInWindow != 1 || st.LevelUp != 1 {
		t.Errorf("baseline 2024–2025 (first assessment 2024-05-01 in the window): %+v %+v", st.Baseline, st.Counts)
	}
	if w := f.do(request{Method: "GET", Path: "/naik-kelas?from=2024-01-01&to=2025-12-31", Role: "pimpinan"}); !strings.Contains(w.Body.String(), `id="pembanding"`) ||
		!strings.Contains(w.Body.String(), "1 dari penilaian pertama dalam periode") {
		t.Errorf("the page does not say which baseline: %.300s", w.Body.String())
	}
	var ids idList
	decode(t, f, request{Method: "GET", Path: "/api/v1/stats/naik-kelas/businesses?from=2025-01-01&to=2025-12-31&kind=level&change=up&source=verified",
		Role: "admin"}, 200, &ids)
	if ids.Total != 1 || ids.Items[0] != f.In.ID {
		t.Errorf("businesses behind verified level-up: %+v", ids)
	}
	// The operator of Cikande sees only its area; the other business is not counted.
	decode(t, f, request{Method: "GET", Path: stats, Role: "operator"}, 200, &st)
	if len(st.Districts) != 1 || st.LevelNoData != 0 {
		t.Errorf("operator scope: %+v", st)
	}

	// History is kept whole, and the timeline lists it in date order.
	var list itemList[assessment.Assessment]
	decode(t, f, request{Method: "GET", Path: base, Role: "owner"}, 200, &list)
	if len(list.Items) != 3 || list.Items[2].ID != ver.ID || list.Items[1].Source != assessment.SourceSelf {
		t.Errorf("history: %+v", list.Items)
	}
	var tl itemList[assessment.Event]
	decode(t, f, request{Method: "GET", Path: "/api/v1/businesses/" + itoa64(f.In.ID) + "/timeline", Role: "owner"}, 200, &tl)
	var levels []int
	for i, e := range tl.Items {
		if i > 0 && tl.Items[i-1].Date > e.Date {
			t.Errorf("timeline out of order at %d", i)
		}
		if e.Kind == assessment.EventAssessment {
			levels = append(levels, e.Level)
		}
	}
	if len(levels) != 3 || levels[0] != 1 || levels[2] != 5 {
		t.Errorf("timeline assessment levels %v in %+v", levels, tl.Items)
	}

	// The pages render: detail section, report, list behind a number, XLSX.
	for _, p := range []string{"/usaha/" + itoa64(f.In.ID) + "/penilaian", "/naik-kelas?from=2025-01-01&to=2025-12-31",
		"/naik-kelas/usaha?from=2025-01-01&to=2025-12-31&kind=level&change=up&source=verified"} {
		w := f.do(request{Method: "GET", Path: p, Role: "admin"})
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", p, w.Code, w.Body.String())
		}
		if strings.Contains(p, "/usaha?") && !strings.Contains(w.Body.String(), f.In.Name) {
			t.Errorf("%s does not list %s", p, f.In.Name)
		}
		if strings.Contains(p, "/penilaian") && (!strings.Contains(w.Body.String(), "Siap Ekspor") || !strings.Contains(w.Body.String(), "<svg")) {
			t.Errorf("assessment page lacks the level or the radar")
		}
	}
	w := f.do(request{Method: "GET", Path: "/naik-kelas/unduh.xlsx?from=2025-01-01&to=2025-12-31", Role: "pimpinan"})
	if w.Code != 200 {
		t.Fatalf("xlsx: %d", w.Code)
	}
	x, err := excelize.OpenReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Per kecamatan")
	total := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 1 && r[1] == "Jumlah" })
	if len(rows) < 6 || rows[2][1] != "Kecamatan" || rows[2][6] != "Level naik" || total < 3 ||
		rows[total][6] != "1" || rows[total][11] != "1" {
		t.Errorf("xlsx rows %q", rows)
	}
	// the period and the baseline in words, counts as numbers grouped by thousands
	if rows[0][1] != "1 Januari – 31 Desember 2025" || !slices.ContainsFunc(rows, func(r []string) bool {
		return len(r) > 1 && r[0] == "Data terakhir sebelum 1 Januari 2025"
	}) {
		t.Errorf("xlsx period or baseline not in words: %q", rows)
	}
	cell, _ := excelize.CoordinatesToCellName(7, total+1)
	if id, _ := x.GetCellStyle("Per kecamatan", cell); id == 0 {
		t.Errorf("count cell %s has no number format", cell)
	} else if st, _ := x.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
		t.Errorf("count cell %s: number format %+v", cell, st)
	}
}

func TestAssessmentFormWithoutJavaScript(t *testing.T) {
	f := newFixture(t)
	path := "/usaha/" + itoa64(f.In.ID) + "/penilaian"
	w := f.do(request{Method: "GET", Path: path + "/baru", Role: "owner"})
	if w.Code != 200 || !strings.Contains(w.Body.String(), `name="q_prod_kapasitas"`) || !strings.Contains(w.Body.String(), "assessment.js") {
		t.Fatalf("form: %d", w.Code)
	}
	body := url.Values{"q_prod_kapasitas": {"rutin"}, "client_ref": {"x1"}}
	w = f.do(request{Method: "POST", Path: path, Role: "owner", Body: body.Encode()})
	if w.Code != 422 || !strings.Contains(w.Body.String(), "belum dijawab") || !strings.Contains(w.Body.String(), `value="rutin" checked`) {
		t.Fatalf("invalid form: %d, want 422 with messages and the answer kept", w.Code)
	}
	w = f.do(request{Method: "POST", Path: path, Role: "owner", Body: answersForm(true)})
	if w.Code != 303 {
		t.Fatalf("valid form: %d %s", w.Code, w.Body.String())
	}
	list, _ := f.st.ListAssessments(context.Background(), f.In.ID)
	if len(list) != 1 || list[0].Source != assessment.SourceSelf || list[0].Assessor != "pemilik" {
		t.Errorf("saved: %+v", list)
	}
	w = f.do(request{Method: "GET", Path: path + "/baru?verifikasi=" + itoa64(list[0].ID), Role: "operator"})
	if w.Code != 200 || !strings.Contains(w.Body.String(), `name="verified_from"`) {
		t.Errorf("verification form: %d", w.Code)
	}
	if w := f.do(request{Method: "GET", Path: path + "/baru?verifikasi=" + itoa64(list[0].ID), Role: "owner"}); w.Code != 403 {
		t.Errorf("owner opening verification: %d, want 403", w.Code)
	}
}

func TestAssessmentSectionFragment(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID) + "/penilaian", Role: "operator",
		Header: map[string]string{"HX-Request": "true"}})
	body := w.Body.String()
	if w.Code != 200 || strings.Contains(body, "<html") || !strings.Contains(body, `id="penilaian"`) || !strings.Contains(body, "Isi penilaian baru") {
		t.Errorf("fragment for the detail page: %d %.300s", w.Code, body)
	}
	w = f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID), Role: "operator"})
	if !strings.Contains(w.Body.String(), `hx-get="/usaha/`+itoa64(f.In.ID)+`/penilaian"`) {
		t.Error("the business detail page does not load the assessment section")
	}
}

func FuzzStatsQuery(f *testing.F) {
	f.Add("from=2025-01-01&to=2025-12-31&program=3&kind=size&change=up&source=verified&group=completers")
	f.Add("program=-1&kind=x&change=%00")
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptest.NewRequest("GET", "/api/v1/stats/naik-kelas", nil)
		r.URL.RawQuery = raw
		q, err := statsQuery(r)
		if err == nil && q.ProgramID < 0 {
			t.Errorf("negative programme accepted: %q", raw)
		}
		if c, err := statsCell(r); err == nil && c.Kind != assessment.KindSize && c.Kind != assessment.KindLevel {
			t.Errorf("kind %q accepted", c.Kind)
		}
	})
}
