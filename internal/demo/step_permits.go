package demo

import (
	"context"
	"fmt"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

// Demo halal assistants (pendamping PPH) of the SEHATI window.
var demoAssistants = []string{"Ahmad Fauzi (PPH)", "Imas Nurhayati (PPH)", "Dadang Suryana (PPH)"}

// stepPermits gives the demo a halal self-declare pipeline: a checked
// profile for part of the micro food producers with an NIB and no halal
// certificate (most of them ready, some not: two outlets, or a product type
// off the list), a provincial SEHATI window that closes in 25 days, and the
// first ready businesses of Cikande allocated to three assistants. The
// permit records themselves came from the businesses' fields (the
// register's triggers). The window follows today's date, so that it is
// open whenever the demo is shown.
func stepPermits(ctx context.Context, l *Loader) error {
	reg := registry.NewService(l.Store, Jurisdiction)
	svc := permits.NewService(l.Store, reg)
	sys := auth.System
	var ready []int64
	n := 0
	for _, it := range l.Businesses {
		b := it.Business
		food, produced := permits.Food(b.KBLI)
		if !food || !produced || b.NIB == "" || b.SizeClass != registry.Mikro || b.HalalStatus != registry.HalalNone {
			continue
		}
		n++
		if n%3 != 0 { // a third of them have been checked
			continue
		}
		one, two, yes := 1, 2, true
		p := permits.Profile{BusinessID: b.ID, Facilities: &one, Outlets: &one, PreservationMethods: &one,
			ProductType: "makanan_ringan", HalalIngredients: &yes, SeparateTools: &yes, SimpleProcess: &yes}
		switch n % 7 {
		case 0:
			p.Outlets = &two
		case 1:
			p.ProductType = "lainnya"
		default:
			if b.DistrictCode == OperatorRegion {
				ready = append(ready, b.ID)
			}
		}
		if _, err := svc.SaveProfile(ctx, sys, p); err != nil {
			return fmt.Errorf("profil halal %d: %w", b.ID, err)
		}
	}
	today, _ := time.Parse(time.DateOnly, idfmt.Day(time.Now()))
	q, err := svc.CreateQuota(ctx, sys, &permits.Quota{Provider: "SEHATI BPJPH – Pemerintah Provinsi Banten", Scope: "provinsi",
		Total: 500, OpensOn: today.AddDate(0, 0, -20).Format(time.DateOnly), ClosesOn: today.AddDate(0, 0, 25).Format(time.DateOnly),
		Note: "Kuota sertifikasi halal gratis jalur self declare untuk Kabupaten Serang"})
	if err != nil {
		return err
	}
	if len(ready) > 45 {
		ready = ready[:45]
	}
	if len(ready) == 0 {
		return nil // a small demo may have none
	}
	_, err = svc.Allocate(ctx, sys, q.ID, permits.AllocationRequest{BusinessIDs: ready, Assistants: demoAssistants})
	return err
}
