package assessment

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

func pt(date string, rank int, verified bool) Point {
	return Point{Date: date, Rank: rank, Verified: verified}
}

func TestCompareAtPeriodBoundaries(t *testing.T) {
	p := Period{From: "2025-01-01", To: "2025-12-31"}
	tests := []struct {
		name     string
		points   []Point
		want     Change
		verified bool
	}{
		{"measured only before the period", []Point{pt("2023-12-31", 1, true), pt("2024-12-31", 2, true)}, NoData, false},
		{"measured only in the period", []Point{pt("2025-12-31", 2, true)}, NoData, false},
		{"measured only after the period", []Point{pt("2024-12-31", 1, true), pt("2026-01-01", 2, true)}, NoData, false},
		{"class goes down", []Point{pt("2024-12-31", 2, true), pt("2025-12-31", 1, true)}, Down, true},
		{"class goes up", []Point{pt("2024-12-31", 1, true), pt("2025-12-31", 2, true)}, Up, true},
		{"same class, ending on verified evidence", []Point{pt("2024-12-31", 1, false), pt("2025-06-30", 1, true)}, Unchanged, true},
		{"point on From is in the period", []Point{pt("2024-12-31", 1, true), pt("2025-01-01", 2, true)}, Up, true},
		{"point on To is in the period", []Point{pt("2024-12-31", 1, true), pt("2025-12-31", 2, true)}, Up, true},
		{"day before From is before", []Point{pt("2024-12-31", 3, true), pt("2025-05-01", 1, true)}, Down, true},
		{"latest before the period counts, not the oldest", []Point{pt("2022-12-31", 1, true), pt("2024-12-31", 2, true), pt("2025-12-31", 2, true)}, Unchanged, true},
		{"latest in the period counts", []Point{pt("2024-12-31", 1, true), pt("2025-03-01", 2, true), pt("2025-09-01", 1, true)}, Unchanged, true},
		{"unknown class is no evidence", []Point{pt("2024-12-31", 0, true), pt("2025-12-31", 2, true)}, NoData, false},
		{"self-reported end is not verified", []Point{pt("2024-12-31", 1, true), pt("2025-12-31", 2, false)}, Up, false},
		{"same-day verification after self-report wins", []Point{pt("2024-12-31", 2, true), pt("2025-06-01", 3, false), pt("2025-06-01", 3, true)}, Up, true},
		{"no points", nil, NoData, false},
	}
	for _, tc := range tests {
		got, ver := Compare(tc.points, p)
		if got != tc.want || ver != tc.verified {
			t.Errorf("%s: %s verified=%v, want %s verified=%v", tc.name, got, ver, tc.want, tc.verified)
		}
	}
}

func TestMeasurementDate(t *testing.T) {
	tests := []struct {
		year     int
		recorded time.Time
		want     string
	}{
		{2024, time.Date(2026, 1, 5, 3, 0, 0, 0, time.UTC), "2024-12-31"},
		{2026, time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC), "2026-03-11"}, // 03:00 WIB next day
		{2025, time.Time{}, "2025-12-31"},
		{2025, time.Date(2025, 12, 31, 1, 0, 0, 0, time.UTC), "2025-12-31"},
	}
	for _, tc := range tests {
		if got := MeasurementDate(tc.year, tc.recorded); got != tc.want {
			t.Errorf("MeasurementDate(%d, %v) = %s, want %s", tc.year, tc.recorded, got, tc.want)
		}
	}
	// A measurement classes by PP 7/2021: Rp2 M is mikro, one rupiah more kecil.
	if p := SizePoint(2025, 2_000_000_001, 0, registry.SourceOfficerVerified, time.Time{}); p.Rank != 2 || !p.Verified {
		t.Errorf("SizePoint = %+v", p)
	}
}

// The hand-made cohort: programme starts 2025-10-01; everyone was mikro at
// the end of 2024; outcomes are read in the period 2025-10-01 … 2026-06-30.
func cohortFacts() ([]BusinessFacts, *Cohort) {
	start := pt("2024-12-31", 1, true)
	up, same := pt("2026-03-01", 2, true), pt("2026-03-01", 1, true)
	bf := func(id int64, district, sector string, sizes ...Point) BusinessFacts {
		return BusinessFacts{BusinessID: id, District: district, Sector: sector, Sizes: sizes}
	}
	facts := []BusinessFacts{
		// Stratum A/C/mikro: completers 1–4 (2 up, 1 same, 1 no data); comparison 11–15 (1 up, 4 same).
		bf(1, "A", "C", start, up), bf(2, "A", "C", start, up), bf(3, "A", "C", start, same), bf(4, "A", "C", start),
		bf(11, "A", "C", start, up), bf(12, "A", "C", start, same), bf(13, "A", "C", start, same),
		bf(14, "A", "C", start, same), bf(15, "A", "C", start, same),
		// Stratum B/C/mikro: completers 5–6 (1 up, 1 same); comparison 16–17 (both same).
		bf(5, "B", "C", start, up), bf(6, "B", "C", start, same), bf(16, "B", "C", start, same), bf(17, "B", "C", start, same),
		// A/G: a completer with nobody alike; B/G: a non-participant with no completer alike.
		bf(7, "A", "G", start, up), bf(18, "B", "G", start, up),
		// A completer with no class at the start, and a participant who dropped out.
		bf(8, "A", "C", up), bf(21, "A", "C", start, up),
	}
	return facts, &Cohort{ProgramID: 9, Name: "Pelatihan Oktober 2025", StartsOn: "2025-10-01",
		Completers: []int64{1, 2, 3, 4, 5, 6, 7, 8}, Participants: []int64{1, 2, 3, 4, 5, 6, 7, 8, 21}}
}

func TestComparisonGroupArithmetic(t *testing.T) {
	facts, cohort := cohortFacts()
	p := Period{From: "2025-10-01", To: "2026-06-30"}
	g := NewAggregator(p, nil, nil, cohort, &Cell{Group: GroupCompleters, Kind: KindSize, Change: Up})
	for i := range facts {
		g.Add(&facts[i])
	}
	r := g.Result().Program
	if r.Completers != 8 || r.Unmatched != 2 {
		t.Errorf("completers %d unmatched %d, want 8 and 2", r.Completers, r.Unmatched)
	}
	if r.CompletersGroup.Businesses != 6 || r.ComparisonGroup.Businesses != 7 {
		t.Errorf("group sizes %d / %d, want 6 / 7", r.CompletersGroup.Businesses, r.ComparisonGroup.Businesses)
	}
	// Completers: 3 up of 5 with data = 60.0%. Comparison weighted to the
	// completers' mix: (3 × 1/5 + 2 × 0/2) / 5 = 12.0% (unweighted would be 1/7 = 14.3%).
	if got := *r.CompletersGroup.SizeUpRate; got != 60.0 {
		t.Errorf("completers rate %v, want 60.0", got)
	}
	if got := *r.ComparisonGroup.SizeUpRate; got != 12.0 {
		t.Errorf("comparison rate %v, want 12.0", got)
	}
	if got := *r.SizeUpDifference; got != 48.0 {
		t.Errorf("difference %v, want 48.0", got)
	}
	if r.CompletersGroup.SizeRateBase != 5 || r.ComparisonGroup.SizeRateBase != 7 {
		t.Errorf("rate bases %d / %d, want 5 / 7", r.CompletersGroup.SizeRateBase, r.ComparisonGroup.SizeRateBase)
	}
	if c := r.CompletersGroup.Counts; c.SizeUp != 3 || c.SizeUnchanged != 2 || c.SizeNoData != 1 || c.LevelNoData != 6 {
		t.Errorf("completers counts %+v", c)
	}
	if c := r.ComparisonGroup.Counts; c.SizeUp != 1 || c.SizeUnchanged != 6 {
		t.Errorf("comparison counts %+v", c)
	}
	if r.CompletersGroup.LevelUpRate != nil || r.LevelUpDifference != nil {
		t.Error("no assessments: level rates must be nil")
	}
	if r.Note == "" {
		t.Error("a 5-business group must carry the small-group note")
	}
	if ids := g.IDs(); !slices.Equal(ids, []int64{1, 2, 5}) {
		t.Errorf("completers behind size_up: %v, want [1 2 5]", ids)
	}
	g = NewAggregator(p, nil, nil, cohort, &Cell{Group: GroupComparison, Kind: KindSize, Change: Up})
	for i := range facts {
		g.Add(&facts[i])
	}
	g.Result()
	if ids := g.IDs(); !slices.Equal(ids, []int64{11}) {
		t.Errorf("comparison behind size_up: %v, want [11]", ids)
	}
}

func TestAggregatorTotalsDistrictsAndSources(t *testing.T) {
	p := Period{From: "2025-01-01", To: "2025-12-31"}
	facts := []BusinessFacts{
		{BusinessID: 1, District: "36.04.15", Sizes: []Point{pt("2024-12-31", 1, true), pt("2025-12-31", 2, true)},
			Levels: []Point{pt("2024-05-01", 1, true), pt("2025-05-01", 2, false)}},
		{BusinessID: 2, District: "36.04.15", Sizes: []Point{pt("2024-12-31", 2, false), pt("2025-12-31", 1, true)}},
		{BusinessID: 3, District: "36.04.05", Sizes: []Point{pt("2024-12-31", 1, true)},
			Levels: []Point{pt("2024-05-01", 2, true), pt("2025-05-01", 2, true)}},
	}
	names := map[string]string{"36.04.15": "Cikande", "36.04.05": "Kramatwatu"}
	g := NewAggregator(p, func(c string) string { return names[c] }, YearSeries("2025-12-31", 2), nil,
		&Cell{Kind: KindLevel, Change: Up, Source: "self_reported"})
	for i := range facts {
		g.Add(&facts[i])
	}
	st := g.Result()
	want := Counts{SizeUp: 1, SizeDown: 1, SizeNoData: 1, LevelUp: 1, LevelUnchanged: 1, LevelNoData: 1}
	if st.Counts != want {
		t.Errorf("totals %+v, want %+v", st.Counts, want)
	}
	if st.BySource.Verified.SizeUp != 1 || st.BySource.Verified.SizeDown != 1 ||
		st.BySource.SelfReported.LevelUp != 1 || st.BySource.Verified.LevelUnchanged != 1 {
		t.Errorf("by source %+v", st.BySource)
	}
	if len(st.Districts) != 2 || st.Districts[0].Name != "Kramatwatu" || st.Districts[1].SizeUp != 1 || st.Districts[1].SizeDown != 1 {
		t.Errorf("districts %+v", st.Districts)
	}
	if len(st.Series) != 2 || st.Series[1].SizeUp != 1 || st.Series[0].SizeUp != 0 {
		t.Errorf("series %+v", st.Series)
	}
	if ids := g.IDs(); !slices.Equal(ids, []int64{1}) {
		t.Errorf("self-reported level-up ids %v", ids)
	}
}

func TestTimelineInDateOrder(t *testing.T) {
	b := &registry.Business{ID: 1, PIRTExpiresOn: "2025-02-01", HalalExpiresOn: "2027-01-01"}
	after, _ := json.Marshal(map[string]any{"nib": "1234567890123", "name": "X"})
	later, _ := json.Marshal(map[string]any{"halal_number": "ID123"})
	in := TimelineInput{
		Business: b, Today: "2025-11-20",
		Measurements: []registry.Measurement{{ID: 5, Year: 2024, AnnualRevenue: registry.Known(300_000_000), Source: "self_report"},
			{ID: 6, Year: 2025, AnnualRevenue: registry.Known(2_500_000_000), CreatedAt: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}},
		Assessments: []Assessment{{ID: 3, AssessedOn: "2025-03-15", Level: 2, LevelName: "Berkembang", Source: SourceSelf}},
		Programs: []ProgramEvent{{Date: "2025-09-01", Kind: EventProgramApplied, ProgramName: "Pelatihan"},
			{Date: "2025-10-25", Kind: EventProgramCompleted, ProgramName: "Pelatihan"}},
		Audit: []audit.Entry{{At: time.Date(2025, 8, 1, 2, 0, 0, 0, time.UTC), Before: json.RawMessage(`{"halal_number":""}`), After: later},
			{At: time.Date(2024, 1, 10, 2, 0, 0, 0, time.UTC), After: after}},
	}
	ev := Timeline(in)
	var kinds []string
	for i, e := range ev {
		kinds = append(kinds, e.Kind)
		if i > 0 && ev[i-1].Date > e.Date {
			t.Errorf("out of order at %d: %s after %s", i, e.Date, ev[i-1].Date)
		}
	}
	want := []string{EventDocumentObtained, EventMeasurement, EventDocumentExpired, EventAssessment, EventMeasurement,
		EventDocumentObtained, EventProgramApplied, EventProgramCompleted}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds %v\nwant  %v", kinds, want)
	}
	if ev[4].SizeClass != registry.Kecil || ev[4].Date != "2025-07-01" {
		t.Errorf("2025 measurement event %+v", ev[4])
	}
}

func TestCompareIgnoresSliceOrderAcrossDates(t *testing.T) {
	p := Period{From: "2025-01-01", To: "2025-12-31"}
	got, _ := Compare([]Point{pt("2025-12-31", 3, true), pt("2025-02-01", 1, true), pt("2024-12-31", 2, true), pt("2023-12-31", 3, true)}, p)
	if got != Up {
		t.Errorf("got %s, want up (2 → 3 by date, whatever the slice order)", got)
	}
}

// With no evidence before the period, the first point in it is the
// baseline when a later one exists; the verdict names the baseline.
func TestJudgeBaseline(t *testing.T) {
	p := Period{From: "2023-01-01", To: "2025-12-31"}
	tests := []struct {
		name     string
		points   []Point
		want     Change
		baseline string
	}{
		{"evidence before the period", []Point{pt("2022-12-31", 1, true), pt("2025-12-31", 2, true)}, Up, BaselineBeforeFrom},
		{"first in the window", []Point{pt("2023-12-31", 1, true), pt("2024-12-31", 1, false), pt("2025-12-31", 2, true)}, Up, BaselineFirstInWindow},
		{"first in the window, going down", []Point{pt("2025-12-31", 1, true), pt("2023-12-31", 2, true)}, Down, BaselineFirstInWindow},
		{"one point in the window", []Point{pt("2024-12-31", 2, true)}, NoData, BaselineNone},
		{"two points of one day", []Point{pt("2024-06-01", 1, false), pt("2024-06-01", 2, true)}, NoData, BaselineNone},
		{"unknown first point is skipped", []Point{pt("2023-06-01", 0, true), pt("2023-12-31", 2, true), pt("2025-12-31", 2, true)}, Unchanged, BaselineFirstInWindow},
		{"only after the window", []Point{pt("2026-01-01", 1, true), pt("2026-06-01", 2, true)}, NoData, BaselineNone},
		{"before but nothing in the window", []Point{pt("2022-12-31", 1, true)}, NoData, BaselineNone},
	}
	for _, tc := range tests {
		j := Judge(tc.points, p)
		if j.Change != tc.want || j.Baseline != tc.baseline {
			t.Errorf("%s: %s from %q, want %s from %q", tc.name, j.Change, j.Baseline, tc.want, tc.baseline)
		}
	}
	g := NewAggregator(p, nil, nil, nil, nil)
	for i, tc := range tests {
		g.Add(&BusinessFacts{BusinessID: int64(i), District: "36.04.15", Sizes: tc.points, Levels: tc.points})
	}
	st := g.Result()
	want := Baselines{BeforeFrom: 1, FirstInWindow: 3, LevelBeforeFrom: 1, LevelFirstInWindow: 3}
	if st.Baseline != want || st.SizeNoData != 4 {
		t.Errorf("baselines %+v (no data %d), want %+v", st.Baseline, st.SizeNoData, want)
	}
}
