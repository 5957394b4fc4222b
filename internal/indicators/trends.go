package indicators

import (
	"context"
	"fmt"
	"strconv"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

// TrendYears is how many calendar years a trend covers, this one included.
const TrendYears = 3

// YearValue is one calendar year's figure; the current year's runs to today.
type YearValue struct {
	Year  int `json:"year"`
	Value int `json:"value"`
}

// Trend is a key figure over the last calendar years, oldest first.
type Trend struct {
	Key   string      `json:"key"`
	Label string      `json:"label"`
	Years []YearValue `json:"years"`
	Money bool        `json:"money"` // values are rupiah
	// Stock figures count what stood as each year ended (this year: today);
	// the others count what happened during the year.
	Stock bool   `json:"stock"`
	Note  string `json:"note,omitempty"` // how the figure is counted, in Indonesian
}

// Current and Previous are this year's figure (to date) and last year's.
func (t Trend) Current() YearValue  { return t.Years[len(t.Years)-1] }
func (t Trend) Previous() YearValue { return t.Years[len(t.Years)-2] }

// disbursed sums the credit banks disbursed to businesses in a's reach per
// year of disbursement.
func (s *Service) disbursed(ctx context.Context, a auth.Actor, t *Trend) error {
	first := t.Years[0].Year
	for page := 1; ; page++ {
		list, total, err := s.Capital.List(ctx, a, capital.Filter{Status: capital.StatusDisbursed, Page: page, PerPage: capital.MaxPerPage})
		if err != nil {
			return err
		}
		for _, r := range list {
			if y, err := strconv.Atoi(r.DisbursedOn[:min(4, len(r.DisbursedOn))]); err == nil && y >= first && y < first+len(t.Years) {
				t.Years[y-first].Value += int(r.DisbursedAmount)
			}
		}
		if len(list) == 0 || page*capital.MaxPerPage >= total {
			return nil
		}
	}
}

// Change is this year's figure against last year's in percent; ok is false
// when last year had none.
func (t Trend) Change() (pct float64, ok bool) {
	prev := t.Previous().Value
	if prev == 0 {
		return 0, false
	}
	return float64(t.Current().Value-prev) * 100 / float64(prev), true
}

// Trends returns the key figures that have a history, per calendar year:
// the register's stocks as each year ended (stockTrends), businesses that
// went up a size class (naik kelas), businesses that
// completed a finished programme, counted in the year it ended, and credit
// disbursed through referrals to banks. A figure whose every year is
// zero is left out: it has no data yet.
func (s *Service) Trends(ctx context.Context, a auth.Actor) ([]Trend, error) {
	today := idfmt.Day(s.Now())
	last, _ := strconv.Atoi(today[:4])
	first := last - TrendYears + 1 // the naik-kelas series covers the same years
	naik := Trend{Key: "naik_kelas", Label: "Naik kelas"}
	trained := Trend{Key: "trained", Label: "Lulus program"}
	credit := Trend{Key: "credit", Label: "Kredit dicairkan", Money: true}
	for y := first; y <= last; y++ {
		naik.Years = append(naik.Years, YearValue{Year: y})
		trained.Years = append(trained.Years, YearValue{Year: y})
		credit.Years = append(credit.Years, YearValue{Year: y})
	}
	if s.Capital != nil {
		if err := s.disbursed(ctx, a, &credit); err != nil {
			return nil, err
		}
	}
	// Whole calendar years, this one too (its evidence so far is all it
	// has), so that the statistics read the kept per-year counts.
	st, err := s.Assessments.Stats(ctx, a, assessment.StatsQuery{From: fmt.Sprintf("%d-01-01", first), To: fmt.Sprintf("%d-12-31", last), Series: true})
	if err != nil {
		return nil, err
	}
	for _, p := range st.Series {
		if y, err := strconv.Atoi(p.From[:4]); err == nil && y >= first && y <= last {
			naik.Years[y-first].Value += p.SizeUp
		}
	}
	list, _, err := s.Programs.List(ctx, a, programs.ProgramFilter{PerPage: 500})
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		y, err := strconv.Atoi(p.EndsOn[:min(4, len(p.EndsOn))])
		if err != nil || y < first || y > last || p.Status != programs.StatusFinished {
			continue
		}
		_, rep, err := s.Programs.Report(ctx, a, p.ID)
		if err != nil {
			return nil, err
		}
		trained.Years[y-first].Value += rep.Totals.Completed
	}
	stocks, err := s.stockTrends(ctx, a, first, last, today)
	if err != nil {
		return nil, err
	}
	var out []Trend
	for _, t := range append(stocks, trained, naik, credit) {
		for _, v := range t.Years {
			if v.Value != 0 {
				out = append(out, t)
				break
			}
		}
	}
	return out, nil
}
