package market

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

// Market outcomes are the path from product to shelf counted per
// kecamatan, for all active businesses or for the completers of one
// programme: how many have a product, how their labels scored at the
// first and the latest check, how their products fared in curation, how
// many are on a retailer's shelves, what those shelves sold last month and
// how much of their money is owed past its terms.

// OutcomeQuery selects what the store counts.
type OutcomeQuery struct {
	ProgramID int64  // 0 = every active business; else the programme's completers
	Today     string // YYYY-MM-DD: listings active on it, sales due before it
	LastMonth string // YYYY-MM: the month whose sales are counted
	// ByBusiness gives one row per business, its id in Code, instead of
	// one per kecamatan.
	ByBusiness bool
}

// DistrictOutcome is one kecamatan's figures.
type DistrictOutcome struct {
	Code           string  `json:"code"`
	Name           string  `json:"name"`
	Businesses     int     `json:"businesses"`
	WithProduct    int     `json:"with_product"`
	LabelProducts  int     `json:"label_products"` // products checked at least twice
	LabelScoreSum  [2]int  `json:"-"`              // first and latest scores, summed over LabelProducts
	LabelBefore    float64 `json:"label_before"`   // average first score
	LabelAfter     float64 `json:"label_after"`    // average latest score
	Decided        int     `json:"curation_decided"`
	Passed         int     `json:"curation_passed"`
	PassRate       float64 `json:"curation_pass_rate"` // passed / decided, 0–1
	Listed         int     `json:"listed_businesses"`
	SalesLastMonth int64   `json:"sales_last_month"`
	OwedPastTerms  int64   `json:"owed_past_terms"`
}

// Outcomes is the answer of the market outcome statistics.
type Outcomes struct {
	ProgramID int64             `json:"program_id"`
	AsOf      string            `json:"as_of"`
	LastMonth string            `json:"last_month"`
	Districts []DistrictOutcome `json:"districts"`
	Total     DistrictOutcome   `json:"total"`
}

// MarketOutcomes counts the market outcomes per kecamatan for the office
// and its leadership (an operator: its area's kecamatan).
func (s *Service) MarketOutcomes(ctx context.Context, a auth.Actor, programID int64) (*Outcomes, error) {
	if !a.IsOfficer() && a.Role != auth.Pimpinan {
		return nil, apperr.New(apperr.Forbidden, "Angka pasar dilihat oleh petugas dinas dan pimpinan")
	}
	q := s.outcomeQuery(programID)
	rows, err := s.Store.MarketOutcomes(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &Outcomes{ProgramID: programID, AsOf: q.Today, LastMonth: q.LastMonth, Districts: []DistrictOutcome{},
		Total: DistrictOutcome{Name: "Jumlah"}}
	for _, d := range rows {
		if !a.InArea(d.Code) {
			continue
		}
		d.Name = s.DistrictName(d.Code)
		d.finish()
		out.Districts = append(out.Districts, d)
		t := &out.Total
		t.Businesses += d.Businesses
		t.WithProduct += d.WithProduct
		t.LabelProducts += d.LabelProducts
		t.LabelScoreSum[0] += d.LabelScoreSum[0]
		t.LabelScoreSum[1] += d.LabelScoreSum[1]
		t.Decided += d.Decided
		t.Passed += d.Passed
		t.Listed += d.Listed
		t.SalesLastMonth += d.SalesLastMonth
		t.OwedPastTerms += d.OwedPastTerms
	}
	out.Total.finish()
	sort.Slice(out.Districts, func(i, j int) bool { return out.Districts[i].Name < out.Districts[j].Name })
	return out, nil
}

func (s *Service) outcomeQuery(programID int64) OutcomeQuery {
	today := s.today()
	return OutcomeQuery{ProgramID: programID, Today: today.Format(time.DateOnly),
		LastMonth: today.AddDate(0, 0, -today.Day()).Format(monthLayout)}
}

// BusinessOutcomes gives the market outcomes of every active business
// that has any, by business id, for comparisons made elsewhere (the
// naik-kelas report sets a programme's completers against its comparison
// group). The caller authorises and keeps to its area.
func (s *Service) BusinessOutcomes(ctx context.Context) (map[int64]DistrictOutcome, error) {
	q := s.outcomeQuery(0)
	q.ByBusiness = true
	rows, err := s.Store.MarketOutcomes(ctx, q)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]DistrictOutcome, len(rows))
	for _, d := range rows {
		id, err := strconv.ParseInt(d.Code, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("market outcomes by business: id %q: %w", d.Code, err)
		}
		d.finish()
		out[id] = d
	}
	return out, nil
}

// finish computes the averages and the rate from the counts.
func (d *DistrictOutcome) finish() {
	if d.LabelProducts > 0 {
		d.LabelBefore = float64(d.LabelScoreSum[0]) / float64(d.LabelProducts)
		d.LabelAfter = float64(d.LabelScoreSum[1]) / float64(d.LabelProducts)
	}
	if d.Decided > 0 {
		d.PassRate = float64(d.Passed) / float64(d.Decided)
	}
}
