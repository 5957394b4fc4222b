package web

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// Programme stages a matrix row can ask for, each built once per fixture:
// draft; empty (open, no applicant); open (In and Out applied); ran
// (selection run); locked; selected (published); running (both attended
// every session, post-test 80); finished (follow-up tasks planned).
var stages builtOnce[fixtureStage, int64]

type fixtureStage struct {
	f    *fixture
	name string
}

func (f *fixture) stage(name string) int64 {
	return stages.get(fixtureStage{f, name}, func() int64 { return f.buildStage(name) })
}

// builtOnce keeps what a fixture built under its key, so that the rows of
// a matrix share it.
type builtOnce[K comparable, T any] struct {
	mu    sync.Mutex
	built map[K]T
}

func (o *builtOnce[K, T]) get(key K, build func() T) T {
	o.mu.Lock()
	defer o.mu.Unlock()
	if v, ok := o.built[key]; ok {
		return v
	}
	if o.built == nil {
		o.built = map[K]T{}
	}
	v := build()
	o.built[key] = v
	return v
}

func (f *fixture) buildStage(stage string) int64 {
	t, ctx, svc, sys := f.t, context.Background(), f.srv.Programs, auth.System
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("stage %s: %v", stage, err)
		}
	}
	// "running@a" is the stage running of a programme partner a funds.
	name, funder, _ := strings.Cut(stage, "@")
	p := &programs.Program{Name: "Program " + stage, Kind: programs.KindPelatihan, Topics: []string{"pemasaran"},
		StartsOn: "2026-12-01", EndsOn: "2026-12-03", Capacity: 2, MaxPerDistrict: 1, MinDistricts: 1}
	if funder != "" {
		p.Funding = []programs.FundingLine{{PartnerID: f.partner[funder], Kind: "bank", Amount: 25_000_000}}
	}
	_, err := svc.Create(ctx, sys, p)
	must(err)
	if name == "draft" {
		return p.ID
	}
	_, err = svc.Move(ctx, sys, p.ID, programs.StatusOpen)
	must(err)
	if name == "empty" {
		return p.ID
	}
	for _, b := range []int64{f.In.ID, f.Out.ID} {
		_, err = svc.Apply(ctx, sys, p.ID, b)
		must(err)
	}
	steps := []struct {
		stage string
		do    func() error
	}{
		{"ran", func() error { _, err := svc.RunSelection(ctx, sys, p.ID, nil); return err }},
		{"locked", func() error { _, err := svc.LockSelection(ctx, sys, p.ID); return err }},
		{"selected", func() error { _, err := svc.PublishSelection(ctx, sys, p.ID); return err }},
		{"running", func() error {
			if _, err := svc.Move(ctx, sys, p.ID, programs.StatusRunning); err != nil {
				return err
			}
			post := 80.0
			for _, b := range []int64{f.In.ID, f.Out.ID} {
				for s := 1; s <= 3; s++ {
					if _, err := svc.SetAttendance(ctx, sys, p.ID, b, s, true); err != nil {
						return err
					}
				}
				if _, err := svc.SetScores(ctx, sys, &programs.Scores{ProgramID: p.ID, BusinessID: b, PostTest: &post}); err != nil {
					return err
				}
			}
			return nil
		}},
		{"finished", func() error { _, err := svc.Move(ctx, sys, p.ID, programs.StatusFinished); return err }},
	}
	for _, st := range steps {
		if name == "open" {
			break
		}
		must(st.do())
		if st.stage == name {
			break
		}
	}
	return p.ID
}

// funded builds a path for a running programme that the mitra's partner
// funds (the row's in-area case) or that the other partner funds (out):
// {p} is the programme.
func funded(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		stage := "running@a"
		if id != f.In.ID {
			stage = "running@b"
		}
		return strings.ReplaceAll(format, "{p}", itoa64(f.stage(stage)))
	}
}

// inStage builds a path for a programme in a stage: {p} is the programme,
// {id} the business of the row.
func inStage(stage, format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		return strings.NewReplacer("{p}", itoa64(f.stage(stage)), "{id}", itoa64(id)).Replace(format)
	}
}

func body(s string) func(*fixture, int64, string) string {
	return func(_ *fixture, id int64, _ string) string { return strings.ReplaceAll(s, "{id}", itoa64(id)) }
}

// followUpOf returns the first follow-up task of a business in a finished programme.
func followUpOf(prefix string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		pid := f.stage("finished")
		tasks, _, err := f.st.ListFollowUps(context.Background(), programs.FollowUpFilter{ProgramID: pid, PerPage: 100})
		if err != nil {
			f.t.Fatal(err)
		}
		for _, t := range tasks {
			if t.BusinessID == id {
				return prefix + itoa64(t.ID)
			}
		}
		f.t.Fatalf("no follow-up for business %d", id)
		return ""
	}
}

// partnerPath creates a partner (a bank) and returns its path.
func partnerPath(prefix, suffix string) func(*fixture, int64, string) string {
	return partnerOfKind("Bank BJB", "bank", prefix, suffix)
}

// partnerOfKind creates a partner of kind and returns its path.
func partnerOfKind(name, kind, prefix, suffix string) func(*fixture, int64, string) string {
	return func(f *fixture, _ int64, _ string) string {
		pt, err := f.srv.Programs.SavePartner(context.Background(), auth.System, &programs.Partner{Name: name, Kind: kind})
		if err != nil {
			f.t.Fatal(err)
		}
		return prefix + itoa64(pt.ID) + suffix
	}
}

// certificateCode issues the certificate of the row's business and returns
// the verification path.
func certificateCode(f *fixture, id int64, _ string) string {
	c, _, err := f.srv.Programs.Certificate(context.Background(), auth.System, f.stage("running"), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return "/verifikasi/" + c.Code
}

func programFormBody(*fixture, int64, string) string {
	return url.Values{"name": {"Pelatihan Pemasaran Digital"}, "kind": {"pelatihan"}, "topics": {"digital"},
		"starts_on": {"2026-12-01"}, "ends_on": {"2026-12-02"}, "capacity": {"30"}, "max_per_district": {"3"},
		"min_districts": {"2"}, "version": {"1"}, "budget": {"15.000.000"}, "funding.0.kind": {"apbd"},
		"funding.0.amount": {"15.000.000"}}.Encode()
}

var (
	officeStaff = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, ok}, pimpinan: [2]int{ok, ok}, owner: [2]int{s403, s403}, mitra: refused}
	}
	officerWide = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, ok}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	}
	ownOrArea = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, s404}, pimpinan: [2]int{s403, s403}, owner: [2]int{ok, s404}, mitra: refused}
	}
	readersOne = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, s404}, pimpinan: [2]int{ok, ok}, owner: [2]int{ok, s404}, mitra: refused}
	}
)

// programMatrix is the authorisation matrix of the programme, partner and
// follow-up routes.
func programMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"GET /api/v1/programs": {path: fixed("/api/v1/programs"), want: all(s200)},
		"GET /api/v1/businesses/{id}/applications": {path: func(f *fixture, id int64, _ string) string {
			f.stage("open")
			return "/api/v1/businesses/" + itoa64(id) + "/applications"
		}, want: readOne},
		"POST /api/v1/programs":                  {path: fixed("/api/v1/programs"), body: body(programJSON), want: officerWide(s201)},
		"GET /api/v1/programs/{id}":              {path: inStage("open", "/api/v1/programs/{p}"), want: all(s200)},
		"PUT /api/v1/programs/{id}":              {path: inStage("draft", "/api/v1/programs/{p}"), body: body(strings.Replace(programJSON, "{", `{"version":1,`, 1)), want: officerWide(s200)},
		"PATCH /api/v1/programs/{id}":            {path: inStage("draft", "/api/v1/programs/{p}"), body: body(`{"status":"open"}`), want: officerWide(s200)},
		"DELETE /api/v1/programs/{id}":           {path: inStage("draft", "/api/v1/programs/{p}"), want: officerWide(s204)},
		"GET /api/v1/programs/{id}/applications": {path: inStage("open", "/api/v1/programs/{p}/applications"), want: all(s200)},
		"POST /api/v1/programs/{id}/applications": {path: inStage("empty", "/api/v1/programs/{p}/applications"),
			body: body(`{"business_id":{id},"channel":"nominasi"}`),
			want: want{admin: [2]int{s201, s201}, operator: [2]int{s201, s404}, pimpinan: [2]int{s403, s403}, owner: [2]int{s201, s403}, mitra: refused}},
		"POST /api/v1/programs/{id}/applications/bulk":                     {path: inStage("empty", "/api/v1/programs/{p}/applications/bulk"), want: officerWide(s201)},
		"POST /api/v1/programs/{id}/applications/{business_id}/withdrawal": {path: inStage("selected", "/api/v1/programs/{p}/applications/{id}/withdrawal"), want: ownOrArea(s200)},
		"GET /api/v1/programs/{id}/applications/{business_id}/history":     {path: inStage("open", "/api/v1/programs/{p}/applications/{id}/history"), want: readersOne(s200)},
		"POST /api/v1/programs/{id}/selection":                             {path: inStage("open", "/api/v1/programs/{p}/selection"), want: officerWide(s200)},
		"GET /api/v1/programs/{id}/selection":                              {path: inStage("selected", "/api/v1/programs/{p}/selection"), want: officeStaff(s200)},
		"POST /api/v1/programs/{id}/selection/lock":                        {path: inStage("ran", "/api/v1/programs/{p}/selection/lock"), want: officerWide(s200)},
		"POST /api/v1/programs/{id}/selection/publish":                     {path: inStage("locked", "/api/v1/programs/{p}/selection/publish"), want: officerWide(s200)},
		"GET /api/v1/programs/{id}/attendance":                             {path: inStage("running", "/api/v1/programs/{p}/attendance"), want: officeStaff(s200)},
		"POST /api/v1/programs/{id}/attendance":                            {path: inStage("running", "/api/v1/programs/{p}/attendance"), body: body(`{"business_id":{id},"session":1,"present":false}`), want: officers(s200)},
		"POST /api/v1/programs/{id}/attendance/session":                    {path: inStage("running", "/api/v1/programs/{p}/attendance/session"), body: body(`{"session":1,"present":true}`), want: officerWide(s200)},
		"PUT /api/v1/programs/{id}/scores": {path: inStage("running", "/api/v1/programs/{p}/scores"),
			body: body(`{"items":[{"business_id":{id},"pre_test":30,"post_test":70.5}]}`), want: officers(s200)},
		"GET /api/v1/programs/{id}/scores":                     {path: inStage("running", "/api/v1/programs/{p}/scores"), want: officeStaff(s200)},
		"POST /api/v1/programs/{id}/scores":                    {path: inStage("running", "/api/v1/programs/{p}/scores"), body: body(`{"business_id":{id},"pre_test":30,"post_test":70}`), want: officers(s200)},
		"GET /api/v1/programs/{id}/certificates/{business_id}": {path: inStage("running", "/api/v1/programs/{p}/certificates/{id}.pdf"), want: readersOne(s200)},
		"GET /api/v1/programs/{id}/certificates.zip":           {path: inStage("running", "/api/v1/programs/{p}/certificates.zip"), want: officeStaff(s200)},
		"GET /api/v1/programs/{id}/report":                     {path: inStage("running", "/api/v1/programs/{p}/report"), want: officeStaff(s200)},
		"GET /api/v1/programs/{id}/report.xlsx":                {path: inStage("running", "/api/v1/programs/{p}/report.xlsx"), want: officeStaff(s200)},
		"GET /api/v1/coverage":                                 {path: fixed("/api/v1/coverage"), want: officeStaff(s200)},
		"GET /api/v1/follow-ups":                               {path: fixed("/api/v1/follow-ups?status=all&due_before="), want: officeStaff(s200)},
		"POST /api/v1/follow-ups/{id}":                         {path: followUpOf("/api/v1/follow-ups/"), body: body(`{"method":"telepon","notes":"omzet naik"}`), want: officers(s200)},
		"GET /api/v1/partners":                                 {path: fixed("/api/v1/partners"), want: officeStaff(s200)},
		"POST /api/v1/partners":                                {path: fixed("/api/v1/partners"), body: body(`{"name":"Indomaret","kind":"ritel"}`), want: officerWide(s201)},
		"GET /api/v1/partners/{id}":                            {path: partnerPath("/api/v1/partners/", ""), want: officeStaff(s200)},
		"PUT /api/v1/partners/{id}":                            {path: partnerPath("/api/v1/partners/", ""), body: body(`{"name":"Bank Banten","kind":"bank"}`), want: officerWide(s200)},
		"DELETE /api/v1/partners/{id}":                         {path: partnerPath("/api/v1/partners/", ""), want: officerWide(s204)},
		"GET /seleksi/{id}":                                    {path: inStage("selected", "/seleksi/{p}"), want: withAnon(everyone(s200), s200)},
		"GET /verifikasi":                                      {path: fixed("/verifikasi"), want: withAnon(everyone(s200), s200)},
		"GET /verifikasi/{code}":                               {path: certificateCode, want: withAnon(everyone(s200), s200)},
		"GET /program":                                         {path: fixed("/program"), want: all(s200)},
		"GET /program/baru":                                    {path: fixed("/program/baru"), want: officerWide(s200)},
		"POST /program":                                        {path: fixed("/program"), body: programFormBody, want: officerWide(s303)},
		"GET /program/{id}":                                    {path: inStage("open", "/program/{p}"), want: all(s200)},
		"GET /program/{id}/ubah":                               {path: inStage("draft", "/program/{p}/ubah"), want: officerWide(s200)},
		"POST /program/{id}":                                   {path: inStage("draft", "/program/{p}"), body: programFormBody, want: officerWide(s303)},
		"POST /program/{id}/status":                            {path: inStage("draft", "/program/{p}/status"), body: body("status=open"), want: officerWide(s303)},
		"POST /program/{id}/daftar": {path: inStage("empty", "/program/{p}/daftar"),
			want: want{admin: [2]int{s403, s403}, operator: [2]int{s403, s403}, pimpinan: [2]int{s403, s403}, owner: [2]int{s303, s303}, mitra: refused}},
		"GET /program/{id}/pendaftar": {path: inStage("open", "/program/{p}/pendaftar"), want: officeStaff(s200)},
		"POST /program/{id}/pendaftar": {path: inStage("empty", "/program/{p}/pendaftar"), body: body("business_id={id}"),
			want: want{admin: [2]int{s303, s303}, operator: [2]int{s303, s404}, pimpinan: [2]int{s403, s403}, owner: [2]int{s303, s403}, mitra: refused}},
		"GET /program/{id}/pendaftar/massal":                {path: inStage("empty", "/program/{p}/pendaftar/massal?size_class=mikro"), want: officerWide(s200)},
		"POST /program/{id}/pendaftar/massal":               {path: inStage("empty", "/program/{p}/pendaftar/massal"), body: body("size_class=mikro"), want: officerWide(s303)},
		"POST /program/{id}/pendaftar/{business_id}/mundur": {path: inStage("selected", "/program/{p}/pendaftar/{id}/mundur"), want: ownOrArea(s303)},
		"GET /program/{id}/seleksi":                         {path: inStage("selected", "/program/{p}/seleksi"), want: officeStaff(s200)},
		"GET /program/{id}/seleksi/penjelasan":              {path: inStage("selected", "/program/{p}/seleksi/penjelasan?q=emping"), want: officeStaff(s200)},
		"POST /program/{id}/seleksi":                        {path: inStage("open", "/program/{p}/seleksi"), want: officerWide(s303)},
		"POST /program/{id}/seleksi/kunci":                  {path: inStage("ran", "/program/{p}/seleksi/kunci"), want: officerWide(s303)},
		"POST /program/{id}/seleksi/umumkan":                {path: inStage("locked", "/program/{p}/seleksi/umumkan"), want: officerWide(s303)},
		"GET /program/{id}/kehadiran":                       {path: inStage("running", "/program/{p}/kehadiran?sesi=2"), want: officeStaff(s200)},
		"POST /program/{id}/kehadiran":                      {path: inStage("running", "/program/{p}/kehadiran"), body: body("business_id={id}&session=1&present=0"), want: officers(s303)},
		"POST /program/{id}/kehadiran/semua":                {path: inStage("running", "/program/{p}/kehadiran/semua"), body: body("session=2"), want: officerWide(s303)},
		"GET /program/{id}/nilai":                           {path: inStage("running", "/program/{p}/nilai"), want: officeStaff(s200)},
		"POST /program/{id}/nilai":                          {path: inStage("running", "/program/{p}/nilai"), body: body("business_id={id}&pre.{id}=35&post.{id}=75,5"), want: officers(s303)},
		"GET /program/{id}/sertifikat":                      {path: inStage("running", "/program/{p}/sertifikat"), want: officeStaff(s200)},
		"GET /program/{id}/laporan":                         {path: inStage("running", "/program/{p}/laporan"), want: officeStaff(s200)},
		"GET /pendampingan":                                 {path: fixed("/pendampingan?status=all&due_before="), want: officeStaff(s200)},
		"POST /pendampingan/{id}":                           {path: followUpOf("/pendampingan/"), body: body("method=kunjungan&notes=sudah+dikunjungi&annual_revenue=300.000.000"), want: officers(s303)},
		"GET /cakupan":                                      {path: fixed("/cakupan"), want: officeStaff(s200)},
		"GET /mitra":                                        {path: fixed("/mitra"), want: officeStaff(s200)},
		"POST /mitra":                                       {path: fixed("/mitra"), body: body("name=Bank+BJB&kind=bank&contact=0254"), want: officerWide(s303)},
		"POST /mitra/{id}/hapus":                            {path: partnerPath("/mitra/", "/hapus"), want: officerWide(s303)},
		"GET /portal":                                       {path: fixed("/portal"), want: mitraOnly(s200, s200)},
		"GET /portal/program/{id}":                          {path: funded("/portal/program/{p}"), want: mitraOnly(s200, s404)},
		"GET /api/v1/partner-programs":                      {path: fixed("/api/v1/partner-programs"), want: mitraOnly(s200, s200)},
		"GET /api/v1/partner-programs/{id}":                 {path: funded("/api/v1/partner-programs/{p}"), want: mitraOnly(s200, s404)},
	}
}

// mitraOnly: the partner's routes answer a mitra (in: a programme its
// partner funds, out: one another partner funds) and refuse everyone else.
func mitraOnly(in, out int) want {
	w := all(s403)
	w.mitra = [2]int{in, out}
	return w
}

// TestProgramStagesBuild makes sure every stage the matrix relies on builds.
func TestProgramStagesBuild(t *testing.T) {
	f := newFixture(t)
	for _, st := range []string{"draft", "empty", "open", "ran", "locked", "selected", "running", "finished"} {
		if id := f.stage(st); id == 0 {
			t.Fatalf("stage %s", st)
		}
	}
	p, err := f.srv.Programs.Get(context.Background(), auth.System, f.stage("finished"))
	if err != nil || p.Status != programs.StatusFinished {
		t.Fatalf("finished stage: %+v %v", p, err)
	}
}
