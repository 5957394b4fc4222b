package programs

import (
	"math"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Breakdown is an applicant's score per criterion, in points (each at most
// its weight). Total is their sum; all are rounded to hundredths so that the
// parts always add up to the total shown.
type Breakdown struct {
	Need         float64 `json:"need"`
	Readiness    float64 `json:"readiness"`
	NeverTrained float64 `json:"never_trained"`
	WomanOwned   float64 `json:"woman_owned"`
	Waiting      float64 `json:"waiting"`
}

// Total sums the criteria.
func (b Breakdown) Total() float64 { return float64(b.centi()) / 100 }

func (b Breakdown) centi() int64 {
	return toCenti(b.Need) + toCenti(b.Readiness) + toCenti(b.NeverTrained) + toCenti(b.WomanOwned) + toCenti(b.Waiting)
}

func toCenti(v float64) int64 { return int64(math.Round(v * 100)) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// needBySize is the need assumed from the size class when a business has
// never been assessed: the smaller the business, the greater the need.
var needBySize = map[string]float64{registry.Mikro: 0.8, registry.Kecil: 0.5, registry.Menengah: 0.2, registry.Besar: 0, "": 0.6}

// maxWaitDays is the wait after which the waiting criterion is full.
const maxWaitDays = 365

// Score rates one applicant for one programme at time now.
//
//   - need: 1 − (mean assessment score over the programme's topics)/100; when
//     none of its topics was assessed, the weakest assessed dimension counts;
//     with no assessment, the size class (mikro 0.8, kecil 0.5, menengah 0.2).
//   - readiness: documents held (NIB 0.25, valid P-IRT 0.15, halal 0.15 or in
//     process 0.07, BPOM or HKI 0.05) plus years in business (0.4 × years/5).
//   - never trained: full when it has never completed a programme.
//   - woman-owned: full when the owner is a woman.
//   - waiting: days since its earliest unsuccessful application, over a year.
func Score(p *Program, f *Facts, now time.Time) Breakdown {
	w := p.Weights
	b := f.Business
	br := Breakdown{
		Need:      round2(w.Need * need(p, f)),
		Readiness: round2(w.Readiness * readiness(b, now)),
	}
	if f.LastCompletedOn == "" {
		br.NeverTrained = round2(w.NeverTrained)
	}
	if b.OwnerGender == "P" {
		br.WomanOwned = round2(w.WomanOwned)
	}
	since := f.WaitingSince
	if since.IsZero() || (!f.AppliedAt.IsZero() && f.AppliedAt.Before(since)) {
		since = f.AppliedAt
	}
	if !since.IsZero() {
		days := now.Sub(since).Hours() / 24
		br.Waiting = round2(w.Waiting * math.Max(0, math.Min(1, days/maxWaitDays)))
	}
	return br
}

func need(p *Program, f *Facts) float64 {
	if len(f.Dimensions) == 0 {
		return needBySize[f.Business.SizeClass]
	}
	sum, n := 0.0, 0
	for _, t := range p.Topics {
		if v, ok := f.Dimensions[t]; ok {
			sum += clamp100(v)
			n++
		}
	}
	if n == 0 {
		weakest := 100.0
		for _, v := range f.Dimensions {
			weakest = math.Min(weakest, clamp100(v))
		}
		return 1 - weakest/100
	}
	return 1 - sum/float64(n)/100
}

func clamp100(v float64) float64 { return math.Max(0, math.Min(100, v)) }

func readiness(b *registry.Business, now time.Time) float64 {
	today := idfmt.Day(now)
	r := 0.0
	if b.NIB != "" {
		r += 0.25
	}
	if b.PIRTNumber != "" && (b.PIRTExpiresOn == "" || b.PIRTExpiresOn >= today) {
		r += 0.15
	}
	switch b.HalalStatus {
	case registry.HalalCertified:
		if b.HalalExpiresOn == "" || b.HalalExpiresOn >= today {
			r += 0.15
		}
	case registry.HalalInProcess:
		r += 0.07
	}
	if b.BPOMNumber != "" || b.HKINumber != "" {
		r += 0.05
	}
	if year := idfmt.Year(now); b.FoundedYear > 0 && b.FoundedYear <= year {
		years := float64(year - b.FoundedYear)
		r += 0.4 * math.Min(years, 5) / 5
	}
	return math.Min(r, 1)
}
