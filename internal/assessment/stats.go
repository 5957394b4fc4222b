package assessment

import "sort"

// Counts are the naik-kelas totals of a set of businesses over a period.
type Counts struct {
	SizeUp         int `json:"size_up"`
	SizeDown       int `json:"size_down"`
	SizeUnchanged  int `json:"size_unchanged"`
	SizeNoData     int `json:"size_no_data"`
	LevelUp        int `json:"level_up"`
	LevelDown      int `json:"level_down"`
	LevelUnchanged int `json:"level_unchanged"`
	LevelNoData    int `json:"level_no_data"`
}

// Kinds of naik kelas.
const (
	KindSize  = "size"
	KindLevel = "level"
)

// Add counts one business's change of one kind.
func (c *Counts) Add(kind string, ch Change) { c.addN(kind, ch, 1) }

// addN counts n businesses with the same change of one kind.
func (c *Counts) addN(kind string, ch Change, n int) {
	size := kind == KindSize
	switch {
	case ch == Up && size:
		c.SizeUp += n
	case ch == Up:
		c.LevelUp += n
	case ch == Down && size:
		c.SizeDown += n
	case ch == Down:
		c.LevelDown += n
	case ch == Unchanged && size:
		c.SizeUnchanged += n
	case ch == Unchanged:
		c.LevelUnchanged += n
	case size:
		c.SizeNoData += n
	default:
		c.LevelNoData += n
	}
}

// Split counts the changes that rest on evidence, by its source. A change is
// verified when the point it ends on (the latest in the period) is verified
// evidence, self-reported otherwise. No-data has no evidence to split and
// appears only in Counts.
type Split struct {
	SizeUp         int `json:"size_up"`
	SizeDown       int `json:"size_down"`
	SizeUnchanged  int `json:"size_unchanged"`
	LevelUp        int `json:"level_up"`
	LevelDown      int `json:"level_down"`
	LevelUnchanged int `json:"level_unchanged"`
}

// BySource holds the Split for each kind of evidence.
type BySource struct {
	Verified     Split `json:"verified"`
	SelfReported Split `json:"self_reported"`
}

func (b *BySource) add(kind string, ch Change, verified bool, n int) {
	s := &b.SelfReported
	if verified {
		s = &b.Verified
	}
	var c Counts
	c.addN(kind, ch, n)
	s.SizeUp += c.SizeUp
	s.SizeDown += c.SizeDown
	s.SizeUnchanged += c.SizeUnchanged
	s.LevelUp += c.LevelUp
	s.LevelDown += c.LevelDown
	s.LevelUnchanged += c.LevelUnchanged
}

// DistrictStats are the counts of one kecamatan.
type DistrictStats struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Counts
	BySource BySource `json:"by_source"`
}

// SeriesPoint is one period of the chart over time.
type SeriesPoint struct {
	Period
	Counts
}

// Baselines counts the judged businesses (every change but no data) by what
// their change was measured from: the latest evidence before the period, or,
// for a business without any, its first evidence in the period. Level
// counts are those of the maturity level, the others of the size class.
type Baselines struct {
	BeforeFrom         int `json:"before_from"`
	FirstInWindow      int `json:"first_in_window"`
	LevelBeforeFrom    int `json:"level_before_from"`
	LevelFirstInWindow int `json:"level_first_in_window"`
}

func (b *Baselines) add(kind, baseline string, n int) {
	size := kind == KindSize
	switch {
	case baseline == BaselineBeforeFrom && size:
		b.BeforeFrom += n
	case baseline == BaselineBeforeFrom:
		b.LevelBeforeFrom += n
	case baseline == BaselineFirstInWindow && size:
		b.FirstInWindow += n
	case baseline == BaselineFirstInWindow:
		b.LevelFirstInWindow += n
	}
}

// Stats is the answer of GET /api/v1/stats/naik-kelas.
type Stats struct {
	Period
	Counts
	Baseline  Baselines          `json:"baseline"`
	BySource  BySource           `json:"by_source"`
	Districts []DistrictStats    `json:"districts"`
	Series    []SeriesPoint      `json:"series,omitempty"`
	Program   *ProgramComparison `json:"program,omitempty"`
}

// Cell names one number of the statistics, so that the businesses behind it
// can be listed. Empty fields mean "any".
type Cell struct {
	District string // kecamatan code
	Group    string // "", GroupCompleters or GroupComparison
	Kind     string // KindSize or KindLevel
	Change   Change
	Source   string // "", "verified" or "self_reported"
}

// Aggregator computes Stats from the facts of one business at a time, so
// that a store can stream them without holding them all.
type Aggregator struct {
	period    Period
	names     func(code string) string
	series    []SeriesPoint
	total     Counts
	baseline  Baselines
	bySource  BySource
	districts map[string]*DistrictStats
	cmp       *comparison
	want      *Cell
	ids       []int64
}

// NewAggregator prepares an aggregation over p. names gives a kecamatan's
// name from its code (may be nil); series are extra periods for the chart;
// cohort (may be nil) adds the programme comparison; want (may be nil)
// collects the ids of the businesses behind one number.
func NewAggregator(p Period, names func(string) string, series []Period, cohort *Cohort, want *Cell) *Aggregator {
	g := &Aggregator{period: p, names: names, districts: map[string]*DistrictStats{}, want: want}
	for _, s := range series {
		g.series = append(g.series, SeriesPoint{Period: s})
	}
	if cohort != nil {
		g.cmp = newComparison(cohort)
	}
	return g
}

// Add counts one business.
func (g *Aggregator) Add(f *BusinessFacts) {
	d := g.district(f.District)
	for _, kind := range []string{KindSize, KindLevel} {
		points := f.Sizes
		if kind == KindLevel {
			points = f.Levels
		}
		j := Judge(points, g.period)
		g.addJudged(d, kind, j, 1)
		g.collect(f, "", kind, j.Change, j.Verified)
		for i := range g.series {
			c, _ := Compare(points, g.series[i].Period)
			g.series[i].Counts.Add(kind, c)
		}
	}
	if g.cmp != nil {
		g.cmp.add(f, g.period)
	}
}

// AddJudged counts n businesses of a kecamatan whose verdicts over the
// period are already known (a store's tally by year); n may be 0, which
// still lists the kecamatan.
func (g *Aggregator) AddJudged(district string, size, level Judgement, n int) {
	d := g.district(district)
	g.addJudged(d, KindSize, size, n)
	g.addJudged(d, KindLevel, level, n)
}

// AddSeriesJudged counts n businesses in the i-th period of the series.
func (g *Aggregator) AddSeriesJudged(i int, size, level Change, n int) {
	g.series[i].Counts.addN(KindSize, size, n)
	g.series[i].Counts.addN(KindLevel, level, n)
}

// Series returns the periods of the chart, in order.
func (g *Aggregator) Series() []Period {
	out := make([]Period, len(g.series))
	for i, s := range g.series {
		out[i] = s.Period
	}
	return out
}

func (g *Aggregator) district(code string) *DistrictStats {
	d := g.districts[code]
	if d == nil {
		d = &DistrictStats{Code: code}
		if g.names != nil {
			d.Name = g.names(code)
		}
		g.districts[code] = d
	}
	return d
}

func (g *Aggregator) addJudged(d *DistrictStats, kind string, j Judgement, n int) {
	g.total.addN(kind, j.Change, n)
	g.baseline.add(kind, j.Baseline, n)
	d.Counts.addN(kind, j.Change, n)
	if j.Change != NoData {
		g.bySource.add(kind, j.Change, j.Verified, n)
		d.BySource.add(kind, j.Change, j.Verified, n)
	}
}

func (g *Aggregator) collect(f *BusinessFacts, group, kind string, ch Change, verified bool) {
	w := g.want
	if w == nil || w.Group != group || (w.District != "" && w.District != f.District) ||
		(w.Kind != "" && w.Kind != kind) || (w.Change != "" && w.Change != ch) {
		return
	}
	if (w.Source == "verified" && (!verified || ch == NoData)) || (w.Source == "self_reported" && (verified || ch == NoData)) {
		return
	}
	g.ids = append(g.ids, f.BusinessID)
}

// Result returns the statistics, kecamatan sorted by code.
func (g *Aggregator) Result() *Stats {
	st := &Stats{Period: g.period, Counts: g.total, Baseline: g.baseline, BySource: g.bySource, Districts: []DistrictStats{}, Series: g.series}
	for _, d := range g.districts {
		st.Districts = append(st.Districts, *d)
	}
	sort.Slice(st.Districts, func(i, j int) bool { return st.Districts[i].Code < st.Districts[j].Code })
	if g.cmp != nil {
		st.Program = g.cmp.result()
		if g.want != nil && g.want.Group != "" {
			g.ids = append(g.ids, g.cmp.ids(g.want)...)
		}
	}
	return st
}

// IDs returns the businesses behind the wanted cell, in id order. Call after Result.
func (g *Aggregator) IDs() []int64 {
	sort.Slice(g.ids, func(i, j int) bool { return g.ids[i] < g.ids[j] })
	return g.ids
}
