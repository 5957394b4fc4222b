package programs

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

func TestNormalizeDefaults(t *testing.T) {
	p := Program{Name: " Pelatihan Kemasan ", Kind: KindPelatihan, Topics: []string{"kemasan_label"},
		StartsOn: "2025-10-20", EndsOn: "2025-10-22", Capacity: 50}
	p.Normalize()
	if p.Name != "Pelatihan Kemasan" || p.Weights != DefaultWeights || p.Completion != DefaultCompletion {
		t.Fatalf("defaults not filled: %+v", p)
	}
	want := []Session{{1, "2025-10-20", ""}, {2, "2025-10-21", ""}, {3, "2025-10-22", ""}}
	if !slices.Equal(p.Sessions, want) {
		t.Fatalf("sessions %+v", p.Sessions)
	}
	if f := p.Validate(region.All(), "36.04"); len(f) != 0 {
		t.Fatalf("valid programme rejected: %v", f)
	}
}

func TestValidateProgram(t *testing.T) {
	base := func() Program {
		return Program{Name: "P", Kind: KindPelatihan, Topics: []string{"produksi"}, StartsOn: "2025-10-20",
			EndsOn: "2025-10-22", Capacity: 50}
	}
	tests := []struct {
		name  string
		edit  func(*Program)
		field string
	}{
		{"no name", func(p *Program) { p.Name = "" }, "name"},
		{"bad kind", func(p *Program) { p.Kind = "seminar" }, "kind"},
		{"bad topic", func(p *Program) { p.Topics = []string{"memasak"} }, "topics"},
		{"end before start", func(p *Program) { p.EndsOn = "2025-10-01" }, "ends_on"},
		{"zero capacity", func(p *Program) { p.Capacity = 0 }, "capacity"},
		{"district outside", func(p *Program) { p.Districts = []string{"32.01.01"} }, "districts"},
		{"min districts above targets", func(p *Program) { p.Districts = []string{"36.04.15"}; p.MinDistricts = 2 }, "min_districts"},
		{"bad class", func(p *Program) { p.Eligibility.SizeClasses = []string{"raksasa"} }, "eligibility.size_classes"},
		{"bad sector", func(p *Program) { p.Eligibility.Sectors = []string{"Z"} }, "eligibility.sectors"},
		{"negative weight", func(p *Program) { p.Weights = Weights{Need: -1} }, "weights"},
		{"attendance over 100", func(p *Program) { p.Completion = Completion{MinAttendancePct: 120} }, "completion.min_attendance_pct"},
		{"bad funding kind", func(p *Program) { p.Funding = []FundingLine{{Kind: "hibah", Amount: 1}} }, "funding"},
		{"session outside dates", func(p *Program) { p.Sessions = []Session{{Date: "2025-11-01"}} }, "sessions"},
		{"budget at int64's end", func(p *Program) { p.Budget = 9223372036854775807 }, "budget"},
		{"funding above Rp10^15", func(p *Program) { p.Funding = []FundingLine{{Kind: "csr", Amount: registry.MaxRupiah + 1}} }, "funding"},
		{"funding lines beyond count", func(p *Program) { p.Funding = make([]FundingLine, 101); fillKinds(p.Funding) }, "funding"},
		{"revenue ceiling above Rp10^15", func(p *Program) { p.Eligibility.MaxAnnualRevenue = registry.MaxRupiah + 1 }, "eligibility.max_annual_revenue"},
		{"months at int's end", func(p *Program) { p.Eligibility.ExcludeTrainedWithinMonths = 1 << 62 }, "eligibility.exclude_trained_within_months"},
		{"quota at int's end", func(p *Program) { p.MaxPerDistrict = 1 << 62 }, "max_per_district"},
		{"min districts at int's end", func(p *Program) { p.MinDistricts = 1 << 62 }, "min_districts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base()
			tc.edit(&p)
			p.Normalize()
			if f := p.Validate(region.All(), "36.04"); f[tc.field] == "" {
				t.Fatalf("want an error on %s, got %v", tc.field, f)
			}
		})
	}
}

func TestLifeCycle(t *testing.T) {
	tests := []struct {
		from, to string
		ok       bool
	}{
		{StatusDraft, StatusOpen, true}, {StatusOpen, StatusSelected, true}, {StatusSelected, StatusRunning, true},
		{StatusRunning, StatusFinished, true}, {StatusOpen, StatusDraft, true},
		{StatusDraft, StatusRunning, false}, {StatusFinished, StatusOpen, false}, {StatusSelected, StatusOpen, false},
		{StatusRunning, StatusSelected, false}, {StatusDraft, "archived", false},
	}
	for _, tc := range tests {
		if got := CanMove(tc.from, tc.to); got != tc.ok {
			t.Errorf("%s → %s: %v, want %v", tc.from, tc.to, got, tc.ok)
		}
	}
}

func eligibleBusiness() *registry.Business {
	return &registry.Business{ID: 1, Name: "Emping Bu Siti", Status: registry.StatusActive, VillageCode: "36.04.15.2001",
		DistrictCode: "36.04.15", SizeClass: registry.Mikro, Sector: "C", NIB: "1234567890123", AnnualRevenue: 300_000_000}
}

func TestEligible(t *testing.T) {
	today := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	p := Program{Districts: []string{"36.04.15"}, Eligibility: Eligibility{SizeClasses: []string{"mikro"},
		Sectors: []string{"C", "I"}, RequireNIB: true, ExcludeTrainedWithinMonths: 12, MaxAnnualRevenue: 500_000_000}}
	tests := []struct {
		name string
		edit func(*Facts)
		want string
	}{
		{"eligible", func(*Facts) {}, ""},
		{"outside district", func(f *Facts) { f.Business.DistrictCode = "36.04.16" }, "kecamatan Kibin di luar sasaran program"},
		{"class", func(f *Facts) { f.Business.SizeClass = "kecil" }, "kelas usaha kecil bukan sasaran (mikro)"},
		{"unknown class", func(f *Facts) { f.Business.SizeClass = "" }, "kelas usaha belum diketahui"},
		{"sector", func(f *Facts) { f.Business.Sector = "G" }, "sektor G bukan sasaran (C, I)"},
		{"no NIB", func(f *Facts) { f.Business.NIB = "" }, "belum memiliki NIB"},
		{"trained recently", func(f *Facts) { f.LastCompletedOn, f.LastCompletedProgram = "2025-03-10", "Kemasan 2025" },
			`sudah menyelesaikan program "Kemasan 2025" pada 10 Maret 2025 (kurang dari 12 bulan)`},
		{"trained long ago", func(f *Facts) { f.LastCompletedOn = "2024-09-30" }, ""},
		{"revenue", func(f *Facts) { f.Business.AnnualRevenue = 750_000_000 }, "omzet tahunan Rp750.000.000 melebihi batas Rp500.000.000"},
		{"archived", func(f *Facts) { f.Business.Status = registry.StatusArchived }, "data usaha sudah diarsipkan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &Facts{Business: eligibleBusiness()}
			tc.edit(f)
			why := strings.Join(Eligible(&p, f, today), "; ")
			if tc.want == "" && why != "" || !strings.Contains(why, tc.want) {
				t.Fatalf("reasons %q, want %q", why, tc.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	now := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	p := &Program{Topics: []string{"pemasaran", "kemasan_label"}, Weights: DefaultWeights}
	b := eligibleBusiness()
	b.OwnerGender, b.FoundedYear = "P", 2015
	f := &Facts{Business: b, AppliedAt: now.AddDate(0, 0, -73)}
	got := Score(p, f, now)
	want := Breakdown{Need: 28, Readiness: 13, NeverTrained: 25, WomanOwned: 10, Waiting: 2}
	if got != want {
		t.Fatalf("no assessment: %+v, want %+v", got, want)
	}
	f.Dimensions = map[string]float64{"pemasaran": 20, "kemasan_label": 40, "produksi": 90}
	f.LastCompletedOn = "2024-01-01"
	f.WaitingSince = now.AddDate(-2, 0, 0)
	got = Score(p, f, now)
	want = Breakdown{Need: 24.5, Readiness: 13, NeverTrained: 0, WomanOwned: 10, Waiting: 10}
	if got != want || got.Total() != 57.5 {
		t.Fatalf("with assessment: %+v (total %v), want %+v", got, got.Total(), want)
	}
}

func TestEvaluateCompletion(t *testing.T) {
	p := &Program{Sessions: []Session{{Number: 1}, {Number: 2}, {Number: 3}, {Number: 4}}, Completion: DefaultCompletion}
	post := func(v float64) *Scores { return &Scores{PostTest: &v} }
	tests := []struct {
		name    string
		present map[int]bool
		sc      *Scores
		want    string
	}{
		{"complete", map[int]bool{1: true, 2: true, 3: true}, post(60), ""},
		{"low attendance", map[int]bool{1: true, 2: true}, post(80), "kehadiran 50% di bawah syarat 75%"},
		{"no post-test", map[int]bool{1: true, 2: true, 3: true, 4: true}, nil, "nilai post-test belum diisi"},
		{"low post-test", map[int]bool{1: true, 2: true, 3: true, 4: true}, post(59.5), "nilai post-test 59,5 di bawah syarat 60"},
	}
	for _, tc := range tests {
		_, unmet := Evaluate(p, tc.present, tc.sc)
		if got := strings.Join(unmet, "; "); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestReplacement(t *testing.T) {
	holders := []Slot{{1, "A"}, {2, "A"}, {3, "B"}}
	reserve := []Slot{{4, "A"}, {5, "B"}, {6, "C"}}
	r := Rules{Capacity: 4, MaxPerDistrict: 2, MinDistricts: 3}
	// C withdrew, so the best reserve that brings a new kecamatan is 6.
	if i, ok := Replacement(holders, reserve, r, 3); i != 2 || !ok {
		t.Fatalf("got %d %v, want 2 true", i, ok)
	}
	// Without the coverage need, A is full (2/2), so B's reserve comes first.
	if i, ok := Replacement(holders, reserve, r, 2); i != 1 || !ok {
		t.Fatalf("got %d %v, want 1 true", i, ok)
	}
	// No reserve keeps the coverage: take the best within quota, say so.
	if i, ok := Replacement(holders, reserve[:2], r, 3); i != 1 || ok {
		t.Fatalf("got %d %v, want 1 false", i, ok)
	}
	if i, _ := Replacement(holders, reserve[:1], r, 2); i != -1 {
		t.Fatalf("got %d, want -1", i)
	}
}

func TestPlanFollowUps(t *testing.T) {
	p := &Program{ID: 9, EndsOn: "2025-10-31"}
	tasks := PlanFollowUps(p, []Application{{BusinessID: 1}})
	var due []string
	for _, tk := range tasks {
		due = append(due, tk.DueOn)
	}
	if !slices.Equal(due, []string{"2025-12-01", "2026-01-31", "2026-05-01"}) {
		t.Fatalf("due %v", due)
	}
}

func TestReportAndXLSX(t *testing.T) {
	p := &Program{ID: 1, Name: "Kemasan", StartsOn: "2025-10-20", EndsOn: "2025-10-21", Budget: 10_000_000,
		Sessions: []Session{{Number: 1}, {Number: 2}}, Completion: DefaultCompletion,
		Funding: []FundingLine{{Kind: "apbd", Amount: 6_000_000}, {Kind: "csr", Amount: 4_000_000}}}
	apps := []Application{
		{BusinessID: 1, DistrictCode: "36.04.15", Status: AppAttended, BusinessName: "A"},
		{BusinessID: 2, DistrictCode: "36.04.15", Status: AppAttended, BusinessName: "B"},
		{BusinessID: 3, DistrictCode: "36.04.16", Status: AppIneligible},
	}
	pre, postA, postB := 40.0, 80.0, 50.0
	att := []Attendance{{BusinessID: 1, Session: 1, Present: true}, {BusinessID: 1, Session: 2, Present: true}, {BusinessID: 2, Session: 1, Present: true}}
	sc := []Scores{{BusinessID: 1, PreTest: &pre, PostTest: &postA}, {BusinessID: 2, PreTest: &pre, PostTest: &postB}}
	prog := BuildProgress(p, apps, att, sc)
	rep := BuildReport(p, apps, prog)
	if rep.Totals.Applicants != 3 || rep.Totals.Eligible != 2 || rep.Totals.Selected != 2 || rep.Totals.Completed != 1 {
		t.Fatalf("totals %+v", rep.Totals)
	}
	if rep.AvgGain != 25 || rep.CostPerCompleter != 10_000_000 || rep.CostPerParticipant != 5_000_000 {
		t.Fatalf("gain %v, cost per completer %d, per participant %d", rep.AvgGain, rep.CostPerCompleter, rep.CostPerParticipant)
	}
	if len(rep.Funding) != 2 || rep.Funding[0].Share != 60 || rep.Funding[1].Kind != "csr" {
		t.Fatalf("funding mix %+v", rep.Funding)
	}
	var buf bytes.Buffer
	if err := WriteReportXLSX(&buf, p, rep, prog, Signatory{Government: "Pemerintah Kabupaten Serang", Agency: "Dinas Koperasi"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Per kecamatan")
	if len(rows) != 4 || rows[1][1] != "Cikande" || rows[1][2] != "2" || rows[3][1] != "Jumlah" {
		t.Fatalf("sheet rows %v", rows)
	}
	sum, _ := f.GetRows("Ringkasan")
	if len(sum) < 2 || sum[0][1] != "Pemerintah Kabupaten Serang" || sum[1][1] != "Dinas Koperasi" {
		t.Fatalf("the summary does not name the office: %v", sum)
	}
	if funding := sum[len(sum)-2]; funding[0] != "APBD" {
		t.Fatalf("funding kind shown as %q, want its label APBD", funding[0])
	}
	// figures rounded as the pages show them; no averages without scores
	if v, _ := f.GetCellValue("Ringkasan", "B7"); v != "" && strings.Contains(v, ".") && len(v[strings.Index(v, ".")+1:]) > 2 {
		t.Errorf("average written as %q, not rounded", v)
	}
	empty := &Report{}
	var eb bytes.Buffer
	if err := WriteReportXLSX(&eb, p, empty, nil, Signatory{}); err != nil {
		t.Fatal(err)
	}
	ef, err := excelize.OpenReader(&eb)
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{"B5", "B6", "B7"} { // pre-test, post-test, gain
		if v, _ := ef.GetCellValue("Ringkasan", cell); v != "" {
			t.Errorf("Ringkasan %s without scores: %q, want an empty cell", cell, v)
		}
	}
	part, _ := f.GetRows("Peserta")
	if len(part) != 3 || part[2][8] != "kehadiran 50% di bawah syarat 75%; nilai post-test 50 di bawah syarat 60" {
		t.Fatalf("participants %v", part)
	}
	// the business ID is shown as it is (6231), a percentage as a number (75)
	for cell, want := range map[string]string{"A2": "", "E2": "#,##0"} {
		id, _ := f.GetCellStyle("Peserta", cell)
		st, _ := f.GetStyle(id)
		got := ""
		if st != nil && st.CustomNumFmt != nil {
			got = *st.CustomNumFmt
		}
		if got != want {
			t.Errorf("Peserta!%s: number format %q, want %q", cell, got, want)
		}
	}
}

func TestApplicationMoves(t *testing.T) {
	tests := []struct {
		from, to string
		ok       bool
	}{
		{AppApplied, AppSelected, true}, {AppApplied, AppIneligible, true}, {AppSelected, AppAttended, true},
		{AppAttended, AppCompleted, true}, {AppAttended, AppDroppedOut, true}, {AppReserve, AppSelected, true},
		{AppSelected, AppWithdrawn, true}, {AppSelected, AppDroppedOut, true},
		{AppApplied, AppCompleted, false}, {AppIneligible, AppAttended, false}, {AppIneligible, AppSelected, true}, {AppWithdrawn, AppSelected, false},
		{AppCompleted, AppApplied, false}, {AppNotSelected, AppAttended, false},
	}
	for _, tc := range tests {
		if got := CanMoveApplication(tc.from, tc.to); got != tc.ok {
			t.Errorf("%s → %s: %v, want %v", tc.from, tc.to, got, tc.ok)
		}
	}
	if err := checkMoves([]StatusChange{{From: AppApplied, To: AppCompleted}}); err == nil {
		t.Error("a disallowed move passed")
	}
}

func fillKinds(lines []FundingLine) {
	for i := range lines {
		lines[i] = FundingLine{Kind: "apbd", Amount: 1}
	}
}
