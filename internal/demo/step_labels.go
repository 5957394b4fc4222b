package demo

import (
	"context"
	"fmt"
	"time"

	"naikkelas/internal/market"
	"naikkelas/internal/services"
)

// The label clinic of the October 2025 cohort: the office checked the
// label of every applicant's first product at the intake visits between
// the selection (23 September) and the start (13 October), and again at
// the follow-up visits of November and December. Completers, who had the
// session "Kemasan dan label", fixed most of what was found; the other
// applicants, checked the same way, fixed little. So the label score
// before and after the clinic has real figures per kecamatan, for the
// programme and for its comparison group.

// labelFaults are the elements a first check finds wrong, the heaviest
// first; a business's label shows a run of them.
var labelFaults = []string{"berat_bersih", "kedaluwarsa", "kode_produksi", "izin_edar", "gizi", "bahasa", "segel",
	"asal_bahan", "daya_tarik", "barcode", "komposisi"}

// stepLabels records the cohort's label checks with their own dates.
func stepLabels(ctx context.Context, l *Loader) error {
	c := l.cohort
	if c == nil {
		return nil
	}
	mk := services.New(l.Store, Jurisdiction).Market
	clk := &clock{}
	mk.Now = clk.now
	admin := officeActor(ctx, l)
	completed := map[int64]bool{}
	for _, it := range c.completers {
		completed[it.Business.ID] = true
	}
	for i, it := range c.applicants {
		ps, err := l.Store.ListProducts(ctx, it.Business.ID)
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			continue
		}
		p := &ps[0]
		faults := 3 + i%4 // 3 to 6 faults found at the intake
		left := faults - 1
		if completed[it.Business.ID] {
			left = i % 2 // trained: at most one fault left
		}
		clk.at(time.Date(2025, 9, 24, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%16).Format(time.DateOnly), 9+i%6, 0)
		if _, err := mk.CheckLabel(ctx, admin, p.ID, labelCheck(p, i, faults)); err != nil {
			return fmt.Errorf("pemeriksaan label awal %d: %w", p.ID, err)
		}
		clk.at(time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%26).Format(time.DateOnly), 9+i%6, 30)
		if _, err := mk.CheckLabel(ctx, admin, p.ID, labelCheck(p, i+faults-left, left)); err != nil {
			return fmt.Errorf("pemeriksaan label ulang %d: %w", p.ID, err)
		}
	}
	return nil
}

// labelCheck is a check of p finding n faults of labelFaults, starting at
// the i-th: missing, or wrong every third one (a later check starting
// further on finds the last faults of an earlier one still there). The halal logo is checked
// only on a product with a halal certificate.
func labelCheck(p *market.Product, i, n int) *market.LabelCheck {
	items := map[string]string{}
	for _, el := range market.Elements().Elements {
		items[el.ID] = market.LabelOK
		if el.ID == "logo_halal" && p.HalalNumber == "" {
			items[el.ID] = market.LabelNA
		}
	}
	for k := range n {
		status := market.LabelMissing
		if k%3 == 2 {
			status = market.LabelWrong
		}
		items[labelFaults[(i+k)%len(labelFaults)]] = status
	}
	return &market.LabelCheck{Items: items}
}
