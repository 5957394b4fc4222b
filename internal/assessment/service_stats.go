package assessment

import (
	"context"
	"strconv"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// StatsQuery asks for naik-kelas statistics. Empty dates default to the
// year up to today; with a programme, From defaults to its start.
type StatsQuery struct {
	From      string
	To        string
	District  string
	ProgramID int64
	Series    bool // add one point per calendar year for the chart
}

// Stats computes the naik-kelas statistics within the actor's area.
// Owners get Forbidden: statistics are the office's.
func (s *Service) Stats(ctx context.Context, a auth.Actor, q StatsQuery) (*Stats, error) {
	g, err := s.aggregate(ctx, a, q, nil)
	if err != nil {
		return nil, err
	}
	st := g.Result()
	if st.Program != nil && s.Market != nil {
		reach, err := s.Market(ctx)
		if err != nil {
			return nil, err
		}
		if st.Program.Market = g.MarketShares(reach); st.Program.Market != nil {
			st.Program.MarketFigures = g.MarketFigures(reach)
		}
	}
	return st, nil
}

// StatsIDs lists the businesses behind one number of the statistics.
func (s *Service) StatsIDs(ctx context.Context, a auth.Actor, q StatsQuery, c Cell) ([]int64, error) {
	if c.Group != "" && q.ProgramID == 0 {
		return nil, apperr.Validation(map[string]string{"program": "Pilih program untuk melihat kelompok peserta atau pembanding"})
	}
	g, err := s.aggregate(ctx, a, q, &c)
	if err != nil {
		return nil, err
	}
	g.Result()
	return g.IDs(), nil
}

// Resolve fills the defaults of q and checks it, returning Invalid with
// per-field Indonesian messages.
func (s *Service) Resolve(ctx context.Context, q StatsQuery) (StatsQuery, *Cohort, error) {
	f := map[string]string{}
	if q.To == "" {
		q.To = s.today()
	}
	to, err := registry.ParseDate(q.To)
	if err != nil {
		f["to"] = "Tanggal akhir harus berformat TTTT-BB-HH"
	}
	var cohort *Cohort
	if q.ProgramID != 0 {
		cohort, err = s.Programs.ProgramCohort(ctx, q.ProgramID)
		if apperr.Is(err, apperr.NotFound) {
			f["program"] = "Program tidak ditemukan"
		} else if err != nil {
			return q, nil, err
		}
	}
	if q.From == "" {
		q.From = to.AddDate(-1, 0, 1).Format(time.DateOnly)
		if cohort != nil && cohort.StartsOn != "" {
			q.From = cohort.StartsOn
		}
	}
	if _, err := registry.ParseDate(q.From); err != nil {
		f["from"] = "Tanggal awal harus berformat TTTT-BB-HH"
	} else if q.From > q.To {
		f["from"] = "Tanggal awal harus sebelum tanggal akhir"
	}
	if q.District != "" {
		if r, ok := region.All().Get(q.District); !ok || r.Level != region.District {
			f["district"] = "Kode kecamatan tidak dikenal"
		}
	}
	return q, cohort, apperr.Validation(f)
}

func (s *Service) aggregate(ctx context.Context, a auth.Actor, q StatsQuery, want *Cell) (*Aggregator, error) {
	if a.Role == auth.Owner {
		return nil, apperr.New(apperr.Forbidden, "Statistik naik kelas hanya untuk petugas dan pimpinan")
	}
	q, cohort, err := s.Resolve(ctx, q)
	if err != nil {
		return nil, err
	}
	var series []Period
	if q.Series {
		series = YearSeries(q.To, 3)
	}
	dir := region.All()
	if cohort == nil && want == nil {
		g := NewAggregator(Period{From: q.From, To: q.To}, dir.Name, series, nil, nil)
		if ok, err := s.tallyYears(ctx, g, YearQuery{District: q.District, Scope: registry.ScopeOf(a)}); ok || err != nil {
			return g, err
		}
	}
	g := NewAggregator(Period{From: q.From, To: q.To}, dir.Name, series, cohort, want)
	fq := FactsQuery{District: q.District, Scope: registry.ScopeOf(a), To: q.To}
	err = s.Store.EachFacts(ctx, fq, func(f *BusinessFacts) error {
		g.Add(f)
		return nil
	})
	return g, err
}

// tallyYears fills g from the store's per-year summaries when its period and
// every period of its series are whole calendar years; false means g is
// untouched or must be discarded.
func (s *Service) tallyYears(ctx context.Context, g *Aggregator, yq YearQuery) (bool, error) {
	var ok bool
	if yq.From, yq.To, ok = YearWindow(g.period); !ok {
		return false, nil
	}
	series := g.Series()
	years := make([]int, len(series))
	for i, p := range series {
		from, to, whole := YearWindow(p)
		if !whole || from != to {
			return false, nil
		}
		years[i] = from
	}
	if ok, err := s.Store.TallyYears(ctx, yq, g.AddJudged); !ok || err != nil {
		return false, err
	}
	for i, y := range years {
		yq.From, yq.To = y, y
		ok, err := s.Store.TallyYears(ctx, yq, func(_ string, size, level Judgement, n int) {
			g.AddSeriesJudged(i, size.Change, level.Change, n)
		})
		if !ok || err != nil {
			return false, err
		}
	}
	return true, nil
}

// YearSeries returns the last n calendar years up to the year of to, the
// final one cut at to.
func YearSeries(to string, n int) []Period {
	y := mustYear(to)
	var out []Period
	for year := y - n + 1; year <= y; year++ {
		p := Period{From: strconv.Itoa(year) + "-01-01", To: strconv.Itoa(year) + "-12-31"}
		if p.To > to {
			p.To = to
		}
		out = append(out, p)
	}
	return out
}

// Timeline returns the dated history of a business the actor reaches.
func (s *Service) Timeline(ctx context.Context, a auth.Actor, businessID int64) ([]Event, error) {
	b, err := s.Registry.Get(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	ms, err := s.Registry.Measurements(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	as, err := s.Store.ListAssessments(ctx, businessID)
	if err != nil {
		return nil, err
	}
	pe, err := s.Programs.ProgramEvents(ctx, businessID)
	if err != nil {
		return nil, err
	}
	var entries []audit.Entry
	if s.Audit != nil {
		entries, _, err = s.Audit.ListAudit(ctx, audit.Filter{Entity: "business", EntityID: businessID, Page: 1, PerPage: 500})
		if err != nil {
			return nil, err
		}
	}
	return Timeline(TimelineInput{Business: b, Measurements: ms, Assessments: as, Programs: pe, Audit: entries, Today: s.today()}), nil
}
