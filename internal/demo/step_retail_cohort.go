package demo

import (
	"context"
	"fmt"

	"naikkelas/internal/auth"
	"naikkelas/internal/market"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

// After the October 2025 training the office brought its applicants'
// products to the retailers' curation rounds, the completers' and those of
// applicants who did not take part alike, so that the naik-kelas report
// compares the two groups' curation pass rates, shelves and sales.

// cohortRetailPer is how many completers, and how many other applicants,
// of each of the cohort's kecamatan bring a product to a round.
const cohortRetailPer = 3

// curationPick is a product entered in a demo round, with what its
// business says it can supply a month.
type curationPick struct {
	product market.Product
	supply  int
	cohort  bool // an applicant of the October 2025 cohort
	trained bool // … who completed it
}

// officePicks are the Cikande products of retailProducts as round entries.
func officePicks(ps []market.Product) []curationPick {
	out := make([]curationPick, len(ps))
	for i, p := range ps {
		out[i] = curationPick{product: p, supply: supplyOf(i)}
	}
	return out
}

// decide is the round's verdict on an entry whose pre-check found unmet,
// the i-th of its round: a product short of a requirement is sent back
// for fixes, or (every fourth) refused; one meeting them all passes,
// unless the tasting panel or the buyer turns it down, which happens to
// the untrained more often.
func (p curationPick) decide(unmet []string, i int) *market.Decision {
	switch {
	case len(unmet) > 0 && i%4 == 3:
		return &market.Decision{Decision: market.DecisionFail, Note: "Rasa dan kemasan belum sesuai pasar ritel"}
	case len(unmet) > 0:
		return &market.Decision{Decision: market.DecisionFix, Fixes: unmet}
	case p.cohort && !p.trained && i%3 == 0:
		return &market.Decision{Decision: market.DecisionFail, Note: "Rasa belum konsisten antar-produksi pada uji panel"}
	case p.trained && i%9 == 8:
		return &market.Decision{Decision: market.DecisionFail, Note: "Harga di atas produk sejenis di rak"}
	}
	return &market.Decision{Decision: market.DecisionPass}
}

// cohortRetail picks, kecamatan by kecamatan in the cohort's order of
// application, the first products of up to cohortRetailPer completers
// (those with a brand first: the training's marketing session named them)
// and of as many food-producing applicants who did not complete, leaving
// out the businesses of skip, and gives the products their papers:
// completers mostly have P-IRT, halal, a barcode and a long shelf life,
// the others less often.
func cohortRetail(ctx context.Context, l *Loader, mk *market.Service, admin auth.Actor, skip []market.Product) ([]curationPick, error) {
	c := l.cohort
	if c == nil {
		return nil, nil
	}
	taken := map[int64]bool{}
	for _, p := range skip {
		taken[p.BusinessID] = true
	}
	completed := map[int64]bool{}
	for _, it := range c.completers {
		completed[it.Business.ID] = true
	}
	var out []curationPick
	for _, d := range c.districts {
		var branded, plain, others []registry.NewBusiness
		for _, it := range c.applicants {
			b := it.Business
			food, produced := permits.Food(b.KBLI)
			switch {
			case b.DistrictCode != d || !food || !produced || taken[b.ID]:
			case !completed[b.ID]:
				others = append(others, it)
			case b.Brand != "":
				branded = append(branded, it)
			default:
				plain = append(plain, it)
			}
		}
		trained := append(branded, plain...)
		for _, group := range [][]registry.NewBusiness{trained, others} {
			for _, it := range group[:min(cohortRetailPer, len(group))] {
				ps, err := l.Store.ListProducts(ctx, it.Business.ID)
				if err != nil {
					return nil, err
				}
				if len(ps) == 0 {
					continue
				}
				p := curationPick{product: ps[0], cohort: true, trained: completed[it.Business.ID]}
				p.supply = arrangePapers(&p.product, p.trained, len(out))
				if _, err := mk.Update(ctx, admin, &p.product); err != nil {
					return nil, fmt.Errorf("produk demo %d: %w", p.product.ID, err)
				}
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// arrangePapers gives the n-th cohort product its permits, barcode and
// shelf life, and returns the supply its business promises a month.
func arrangePapers(p *market.Product, trained bool, n int) int {
	pirt, halal, barcode := n%3 != 2, n%2 == 0, n%3 == 0
	shelf, supply := []int{90, 60, 120, 30}[n%4], supplyOf(n)
	if trained {
		pirt, halal, barcode = n%7 != 6, n%5 != 4, n%6 != 5
		shelf, supply = []int{180, 120, 90, 150, 60}[n%5], []int{400, 600, 300, 250}[n%4]
	}
	if pirt {
		p.PIRTNumber, p.PIRTVerified = fmt.Sprintf("2063604%06d28", 201+n), true
	}
	if halal {
		p.HalalNumber, p.HalalVerified = fmt.Sprintf("ID3604%011d25", 6001+n), true
	}
	if barcode {
		p.Barcode = market.GTIN13(fmt.Sprintf("899%09d", 361000+n))
	}
	p.ShelfLifeDays = shelf
	if p.Price == 0 {
		p.Price = 15_000
	}
	return supply
}
