package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// The result page and the API name what the business lacks for the next
// level, and link a legal next step only to an open programme of its topic:
// the SPP-IRT step to the P-IRT clinic, not to the halal programme.
func TestAssessmentNextLevelAndProgrammes(t *testing.T) {
	f := newFixture(t)
	ctx, svc := context.Background(), f.srv.Programs
	open := func(name string, topics ...string) int64 {
		p := &programs.Program{Name: name, Kind: programs.KindPelatihan, Topics: topics,
			StartsOn: "2026-12-20", EndsOn: "2026-12-22", Capacity: 10, MaxPerDistrict: 5, MinDistricts: 1}
		if _, err := svc.Create(ctx, auth.System, p); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Move(ctx, auth.System, p.ID, programs.StatusOpen); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	halal := open("Fasilitasi Halal Self-Declare", "halal")
	pirt := open("Klinik SPP-IRT", "izin_edar")
	raw, _ := json.Marshal(answersWith(true, map[string]string{"leg_izin_edar": "tidak", "leg_nib": "tidak"}))
	base := "/api/v1/businesses/" + itoa64(f.In.ID) + "/assessments"
	w := f.do(request{Method: "POST", Path: base, Role: "operator", Body: `{"answers":` + string(raw) + `}`})
	if w.Code != 201 || !strings.Contains(w.Body.String(), `"next_level":{"level":4,"name":"Siap Pasar Modern","missing":["skor Legalitas 42, perlu minimal 70"]}`) {
		t.Fatalf("created: %d %s", w.Code, w.Body.String())
	}
	page := f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID) + "/penilaian", Role: "owner"}).Body.String()
	for _, want := range []string{`id="naik-level"`, "Menuju level 4 · Siap Pasar Modern", "skor Legalitas", `href="/program/` + itoa64(pirt) + `">Klinik SPP-IRT`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `href="/program/`+itoa64(halal)+`"`) {
		t.Errorf("a halal programme is offered though halal is no next step")
	}
}
