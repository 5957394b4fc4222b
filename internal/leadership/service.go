// Package leadership builds "Laporan Pimpinan", the printable report for
// the Bupati and the heads of office: for a chosen period, the office's
// identity, the key figures, the map, programmes and their results, naik
// kelas against the comparison group, funding by partner and the coverage
// outlook; for the regency or one kecamatan (for its camat). It gathers
// what the other services compute and draws it; it knows neither HTTP nor
// SQL.
package leadership

import (
	"context"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
	"naikkelas/internal/market"
	"naikkelas/internal/office"
	"naikkelas/internal/partners"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Query chooses the period (YYYY-MM-DD, both inclusive) and, optionally,
// one kecamatan.
type Query struct {
	From, To string
	District string
}

// ProgramRow is one programme that ran in the period.
type ProgramRow struct {
	Name         string
	Dates        string
	Status       string
	Participants int
	Completers   int
	Cost         int64 // from the ledger's allocations
	// Naik kelas (size class up) of completers and of the comparison group.
	CompletersRate, ComparisonRate *float64
	CompletersBase, ComparisonBase int
	// Market steps and measures of completers and comparison group, when
	// there is market data.
	Market        []assessment.MarketShare
	MarketFigures []assessment.MarketFigure
}

// Data is everything the report prints.
type Data struct {
	Office      office.Identity
	Logo        []byte // PNG or nil
	Scope       string // "Kabupaten Serang" or "Kecamatan Cikande"
	From, To    string // YYYY-MM-DD
	GeneratedAt time.Time
	Districts   []indicators.District // the kecamatan reported on
	Total       indicators.District
	NaikKelas   assessment.Counts // the period's size and level changes
	Programs    []ProgramRow
	Funding     []funding.PartnerYear
	FundingSum  funding.PartnerYear
	Plan        *planner.Plan
	Market      *market.Outcomes // products, labels, curation and retail per kecamatan; nil without a market service
	District    string           // the kecamatan code when the report is for one
}

// Service gathers the report's data.
type Service struct {
	Office      *office.Service
	Indicators  *indicators.Service
	Programs    *programs.Service
	Assessments *assessment.Service
	Funding     *funding.Service
	Planner     *planner.Service
	Partners    *partners.Service
	Market      *market.Service // may be nil: the report then has no market section
	Regions     *region.Directory
	Now         func() time.Time
}

var errLeaders = apperr.New(apperr.Forbidden, "Laporan Pimpinan hanya untuk admin dan pimpinan")

// Build gathers the report for admin and pimpinan.
func (s *Service) Build(ctx context.Context, a auth.Actor, q Query) (*Data, error) {
	if a.Role != auth.Admin && a.Role != auth.Pimpinan {
		return nil, errLeaders
	}
	q, err := s.resolve(q)
	if err != nil {
		return nil, err
	}
	d := &Data{From: q.From, To: q.To, GeneratedAt: s.Now(), District: q.District, Scope: "Seluruh wilayah"}
	if d.Office, d.Logo, err = s.identity(ctx); err != nil {
		return nil, err
	}
	all, err := s.Indicators.Districts(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, x := range all {
		if q.District == "" || x.Code == q.District {
			d.Districts = append(d.Districts, x)
		}
	}
	if q.District != "" {
		d.Scope = "Kecamatan " + s.Regions.Name(q.District)
	} else if r, ok := s.Regions.Get(s.Indicators.Jurisdiction); ok {
		d.Scope = r.Name
	}
	d.Total = indicators.Totals(d.Districts)
	st, err := s.Assessments.Stats(ctx, a, assessment.StatsQuery{From: q.From, To: q.To, District: q.District})
	if err != nil {
		return nil, err
	}
	d.NaikKelas = st.Counts
	if d.Programs, err = s.programs(ctx, a, q); err != nil {
		return nil, err
	}
	fs, err := s.Funding.Stats(ctx, a, 0)
	if err != nil {
		return nil, err
	}
	for _, r := range fs.Partners {
		if yearOf(q.From) <= r.Year && r.Year <= yearOf(q.To) {
			d.Funding = append(d.Funding, r)
		}
	}
	d.FundingSum = funding.Total(d.Funding)
	if d.Plan, err = s.Planner.Plan(ctx, a, planner.Params{}); err != nil {
		return nil, err
	}
	if d.Market, err = s.market(ctx, a, q.District); err != nil {
		return nil, err
	}
	return d, nil
}

// identity returns the office's identity and its logo when it is a PNG
// (the only kind the PDF draws).
func (s *Service) identity(ctx context.Context) (office.Identity, []byte, error) {
	id, err := s.Office.Get(ctx)
	if err != nil {
		return office.Identity{}, nil, err
	}
	if id.LogoType == "image/png" {
		if logo, err := s.Office.Logo(ctx); err == nil && logo != nil {
			return *id, logo.Data, nil
		}
	}
	return *id, nil, nil
}

func yearOf(day string) int {
	t, _ := time.Parse(time.DateOnly, day)
	return t.Year()
}

// resolve fills the period's defaults (this calendar year up to today) and
// checks the query.
func (s *Service) resolve(q Query) (Query, error) {
	today := idfmt.Day(s.Now())
	if q.To == "" {
		q.To = today
	}
	if q.From == "" {
		q.From = q.To[:4] + "-01-01"
	}
	f := map[string]string{}
	from, errFrom := registry.ParseDate(q.From)
	to, errTo := registry.ParseDate(q.To)
	switch {
	case errFrom != nil:
		f["from"] = "Tanggal awal harus berformat TTTT-BB-HH"
	case errTo != nil:
		f["to"] = "Tanggal akhir harus berformat TTTT-BB-HH"
	case to.Before(from):
		f["from"] = "Tanggal awal harus sebelum tanggal akhir"
	case to.Sub(from) > 10*366*24*time.Hour:
		f["from"] = "Periode laporan paling panjang 10 tahun"
	}
	if q.District != "" {
		if r, ok := s.Regions.Get(q.District); !ok || r.Level != region.District {
			f["district"] = "Kode kecamatan tidak dikenal"
		}
	}
	return q, apperr.Validation(f)
}

// programs lists the programmes whose dates meet the period, with their
// participants (in the kecamatan, for a camat's report), cost and naik
// kelas against the comparison group.
func (s *Service) programs(ctx context.Context, a auth.Actor, q Query) ([]ProgramRow, error) {
	list, _, err := s.Programs.List(ctx, a, programs.ProgramFilter{PerPage: 500})
	if err != nil {
		return nil, err
	}
	var out []ProgramRow
	for _, p := range list {
		if p.Status == programs.StatusDraft || p.EndsOn < q.From || p.StartsOn > q.To {
			continue
		}
		_, rep, err := s.Programs.Report(ctx, a, p.ID)
		if err != nil {
			return nil, err
		}
		row := ProgramRow{Name: p.Name, Dates: idfmt.DateRange(p.StartsOn, p.EndsOn), Status: programs.StatusLabel(p.Status),
			Participants: rep.Totals.Selected, Completers: rep.Totals.Completed}
		if q.District != "" {
			row.Participants, row.Completers = 0, 0
			for _, d := range rep.Districts {
				if d.Code == q.District {
					row.Participants, row.Completers = d.Selected, d.Completed
				}
			}
			if row.Participants == 0 {
				continue
			}
		}
		if pc, err := s.Funding.ProgramCost(ctx, a, p.ID); err == nil {
			row.Cost = pc.Cost
		}
		if row.Completers > 0 {
			st, err := s.Assessments.Stats(ctx, a, assessment.StatsQuery{ProgramID: p.ID, District: q.District})
			if err != nil {
				return nil, err
			}
			if c := st.Program; c != nil {
				row.CompletersRate, row.CompletersBase = c.CompletersGroup.SizeUpRate, c.CompletersGroup.SizeRateBase
				row.ComparisonRate, row.ComparisonBase = c.ComparisonGroup.SizeUpRate, c.ComparisonGroup.SizeRateBase
				row.Market, row.MarketFigures = c.Market, c.MarketFigures
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// market counts the market outcomes of every active business per
// kecamatan, of one kecamatan for a camat's report.
func (s *Service) market(ctx context.Context, a auth.Actor, district string) (*market.Outcomes, error) {
	if s.Market == nil {
		return nil, nil
	}
	out, err := s.Market.MarketOutcomes(ctx, a, 0)
	if err != nil || district == "" {
		return out, err
	}
	for _, o := range out.Districts {
		if o.Code == district {
			out.Districts, out.Total = []market.DistrictOutcome{o}, o
			return out, nil
		}
	}
	out.Districts, out.Total = nil, market.DistrictOutcome{Name: "Jumlah"}
	return out, nil
}
