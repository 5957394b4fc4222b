package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
)

// retailPicks is how many Cikande food producers the demo's curation
// rounds take: the first ones with a brand get their papers in order.
const retailPicks = 12

// stepRetail gives the two demo retailers their curation: a round of the
// minimarket chain in November 2025 and one of the souvenir shop in June
// 2026, each with products of Cikande food producers and of the October
// 2025 cohort's applicants (cohortRetail), pre-checked against the
// retailer's requirements and decided (lolos, perbaikan with the fixes,
// tidak lolos) by its mitra or the office on the day of the round; the
// products that passed are listed, and their sales are reported month by
// month up to now, the older months paid (some late), the latest still owed.
func stepRetail(ctx context.Context, l *Loader) error {
	if len(l.retailers) < 2 {
		return nil
	}
	mk := services.New(l.Store, Jurisdiction).Market
	held := services.New(l.Store, Jurisdiction).Market // dated on the day of the round
	clk := &clock{}
	held.Now = clk.now
	admin := officeActor(ctx, l)
	picks, err := retailProducts(ctx, l)
	if err != nil || len(picks) < 4 {
		return err // a small demo may have too few
	}
	for i := range picks {
		if err := prepareProduct(ctx, mk, admin, &picks[i], i); err != nil {
			return err
		}
	}
	cohortPicks, err := cohortRetail(ctx, l, mk, admin, picks)
	if err != nil {
		return err
	}
	half := len(picks) / 2
	rounds := []struct {
		partner int64
		mitra   string
		heldOn  string
		place   string
		picks   []curationPick
		listing market.Listing
		outlet  string // the shelf of a cohort product: the chain's outlet in its kecamatan, or the one shop
	}{
		{l.retailers[0], "mitra.ritel", "2025-11-20", "Aula Diskoumperindag Kabupaten Serang", officePicks(picks[:half]),
			market.Listing{Outlets: []string{"Minimarket Cikande", "Minimarket Kibin", "Minimarket Kragilan"}, StartsOn: "2025-12-01",
				Mode: market.ModeConsignment, PaymentTermsDays: 14}, "Minimarket %s"},
		{l.retailers[1], "mitra.swalayan", "2026-06-10", "Pojok UMKM Swalayan Oleh-oleh, Cikande", officePicks(picks[half:]),
			market.Listing{Outlets: []string{"Swalayan Oleh-oleh Cikande"}, StartsOn: "2026-07-01", Mode: market.ModePurchase,
				PaymentTermsDays: 30}, "Swalayan Oleh-oleh Cikande"},
	}
	for j, p := range cohortPicks {
		rounds[j%2].picks = append(rounds[j%2].picks, p)
	}
	for k, r := range rounds {
		u, err := l.Store.UserByUsername(ctx, r.mitra)
		if err != nil {
			return fmt.Errorf("akun %s: %w", r.mitra, err)
		}
		mitra := auth.ActorOf(u)
		clk.at(r.heldOn, 9, 0)
		c, err := held.CreateCuration(ctx, admin, &market.Curation{PartnerID: r.partner, HeldOn: r.heldOn, Place: r.place, Capacity: 40})
		if err != nil {
			return fmt.Errorf("kurasi demo: %w", err)
		}
		for i, p := range r.picks {
			clk.at(r.heldOn, 9+i/8, 7*(i%8))
			e, err := held.AddEntry(ctx, admin, c.ID, p.product.ID, p.supply)
			if err != nil {
				return fmt.Errorf("produk kurasi %d: %w", p.product.ID, err)
			}
			decider := mitra
			if i%2 == 1 {
				decider = admin
			}
			clk.at(r.heldOn, 13+i/12, 5*(i%12))
			d := p.decide(e.Unmet, i)
			if _, err := held.Decide(ctx, decider, c.ID, e.ID, d); err != nil {
				return fmt.Errorf("keputusan kurasi %d: %w", e.ID, err)
			}
			if d.Decision != market.DecisionPass {
				continue
			}
			ls := r.listing
			if p.cohort {
				ls.Outlets = []string{strings.ReplaceAll(r.outlet, "%s", e.District)}
			}
			ls.ProductID, ls.PartnerID = p.product.ID, r.partner
			if _, err := mk.CreateListing(ctx, mitra, &ls); err != nil {
				return fmt.Errorf("produk di ritel %d: %w", p.product.ID, err)
			}
			if err := reportSales(ctx, mk, mitra, &ls, p.product.Price, i+k); err != nil {
				return err
			}
		}
	}
	return nil
}

// retailProducts returns the first product of Cikande's active food
// producers, those with a brand first.
func retailProducts(ctx context.Context, l *Loader) ([]market.Product, error) {
	var branded, plain []market.Product
	for _, it := range l.Businesses {
		b := it.Business
		if food, produced := permits.Food(b.KBLI); !food || !produced || b.DistrictCode != OperatorRegion ||
			b.Status != registry.StatusActive {
			continue
		}
		ps, err := l.Store.ListProducts(ctx, b.ID)
		if err != nil {
			return nil, err
		}
		switch {
		case len(ps) == 0:
		case b.Brand != "" && len(branded) < retailPicks*2/3:
			branded = append(branded, ps[0])
		case len(plain) < retailPicks/3:
			plain = append(plain, ps[0])
		}
		if len(branded)+len(plain) == retailPicks {
			break
		}
	}
	// Interleave, so that each round gets branded and unbranded products.
	var out []market.Product
	for i := 0; i < max(len(branded), len(plain)); i++ {
		if i < len(branded) {
			out = append(out, branded[i])
		}
		if i < len(plain) {
			out = append(out, plain[i])
		}
	}
	return out, nil
}

// prepareProduct gives a picked product its papers and a label check: most
// have P-IRT, halal and a barcode, verified, and a long shelf life; the
// rest fall short in one way or another, as the pre-check will say.
func prepareProduct(ctx context.Context, mk *market.Service, admin auth.Actor, p *market.Product, i int) error {
	p.ShelfLifeDays = []int{180, 120, 60, 180, 30, 150}[i%6]
	if i%5 != 4 {
		p.PIRTNumber, p.PIRTVerified = fmt.Sprintf("2063604%06d28", 101+i), true
	}
	if i%3 != 2 {
		p.HalalNumber, p.HalalVerified = fmt.Sprintf("ID3604%011d25", 5001+i), true
	}
	if i%4 != 3 {
		p.Barcode = market.GTIN13(fmt.Sprintf("899%09d", 360400+i))
	}
	if p.Price == 0 {
		p.Price = 15_000
	}
	if _, err := mk.Update(ctx, admin, p); err != nil {
		return fmt.Errorf("produk demo %d: %w", p.ID, err)
	}
	items := map[string]string{}
	for j, el := range market.Elements().Elements {
		items[el.ID] = market.LabelOK
		if i%6 == 5 && j%3 == 0 {
			items[el.ID] = market.LabelMissing
		}
	}
	_, err := mk.CheckLabel(ctx, admin, p.ID, &market.LabelCheck{Items: items})
	return err
}

// supplyOf is what the i-th business says it can deliver a month.
func supplyOf(i int) int { return []int{600, 300, 1200, 150, 400}[i%5] }

// reportSales reports a listing's months from its start to the current
// one: paid a few days before the due date, every third listing three
// weeks late, the last two months still owed (the one before last past its
// terms for every other listing).
func reportSales(ctx context.Context, mk *market.Service, mitra auth.Actor, ls *market.Listing, price int64, seed int) error {
	today, _ := time.Parse(time.DateOnly, idfmt.Day(time.Now()))
	month, _ := time.Parse(time.DateOnly, ls.StartsOn)
	current := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	for k := 0; !month.After(current); k, month = k+1, month.AddDate(0, 1, 0) {
		units := int64(40 + (seed*7+k*13)%60)
		s := &market.Sale{Month: month.Format("2006-01"), Units: units, Revenue: units * price * 8 / 10}
		due := month.AddDate(0, 1, -1).AddDate(0, 0, ls.PaymentTermsDays)
		age := int(current.Sub(month).Hours() / 24 / 28)
		paid := due.AddDate(0, 0, -3)
		if seed%3 == 1 {
			paid = due.AddDate(0, 0, 21)
		}
		if age >= 2 && !paid.After(today) && !(age == 2 && seed%2 == 0) {
			s.PaidOn = paid.Format(time.DateOnly)
		}
		if _, err := mk.ReportSale(ctx, mitra, ls.ID, s); err != nil {
			return fmt.Errorf("penjualan %s: %w", s.Month, err)
		}
	}
	return nil
}
