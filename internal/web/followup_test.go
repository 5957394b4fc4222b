package web

import (
	"context"
	"testing"

	"naikkelas/internal/programs"
)

// The pendampingan list marks overdue tasks and gives the owner's phone as a
// tel: and a WhatsApp link to the roles that see the phone; pimpinan sees it
// masked, without links.
func TestFollowUpOverdueAndContact(t *testing.T) {
	f := newFixture(t)
	pid := f.stage("finished")
	late := []programs.FollowUp{{ProgramID: pid, BusinessID: f.In.ID, BusinessName: f.In.Name, DistrictCode: f.In.DistrictCode,
		VillageCode: f.In.VillageCode, Month: 12, DueOn: "2026-11-01"}}
	if err := f.st.AddFollowUps(context.Background(), late); err != nil {
		t.Fatal(err)
	}
	get := func(role string) request {
		return request{Method: "GET", Path: "/pendampingan?status=open&due_before=2027-12-31", Role: role}
	}
	runScenarios(t, f, []scenario{
		{name: "operator sees overdue and links", rq: get("operator"), status: 200, contains: []string{
			"Terlambat 34 hari", "1 terlambat", `href="tel:&#43;6281234567890"`, `href="https://wa.me/6281234567890"`}},
		{name: "pimpinan sees the phone masked, no links", rq: get("pimpinan"), status: 200, contains: []string{"Terlambat 34 hari", "Telepon: &#43;6281*******90"},
			absent: []string{"tel:", "wa.me"}},
		{name: "API says overdue and gives the phone", rq: request{Method: "GET", Path: "/api/v1/follow-ups?status=open&due_before=2026-12-01", Role: "operator"},
			status: 200, contains: []string{`"overdue":true`, `"overdue_days":34`, `"phone":"+6281234567890"`}},
		{name: "API masks the phone for pimpinan", rq: request{Method: "GET", Path: "/api/v1/follow-ups?status=open&due_before=2026-12-01", Role: "pimpinan"},
			status: 200, contains: []string{`"phone":"+6281*******90"`}, absent: []string{"+6281234567890"}},
	})
}
