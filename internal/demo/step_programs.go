package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// openProgram is one 2026 programme with registration open.
type openProgram struct {
	program  programs.Program
	sessions []string
	partner  string                          // the kind of partner that co-funds it
	share    int64                           // the partner's share of the budget
	apply    int                             // applications to enter
	fits     func(b *registry.Business) bool // who is likely to apply
	nominate func(r *rand.Rand) bool         // nominated by the office (else online)
}

func openPrograms() []openProgram {
	food := func(b *registry.Business) bool { return b.Sector == "C" && b.Status != registry.StatusArchived }
	return []openProgram{{
		program: programs.Program{Name: "Fasilitasi Sertifikasi Halal Self-Declare 2026", Kind: programs.KindFasilitasi,
			Topics: []string{"halal"}, StartsOn: "2026-12-08", EndsOn: "2026-12-10",
			Venue: "Kantor Diskoumperindag Kabupaten Serang", Capacity: 40, MaxPerDistrict: 4,
			Eligibility: programs.Eligibility{SizeClasses: []string{registry.Mikro, registry.Kecil}, Sectors: []string{"C"}},
			Budget:      60_000_000},
		sessions: []string{"Sosialisasi halal self-declare", "Pendampingan PPH dan pengisian SIHALAL", "Verifikasi dan validasi bahan"},
		partner:  "bank",
		share:    20_000_000,
		apply:    9,
		fits:     func(b *registry.Business) bool { return food(b) && b.HalalStatus != registry.HalalCertified },
		nominate: func(r *rand.Rand) bool { return r.IntN(3) == 0 },
	}, {
		program: programs.Program{Name: "Pelatihan Desain Kemasan dan Label Pangan 2026", Kind: programs.KindPelatihan,
			Topics: []string{"kemasan_label"}, StartsOn: "2026-12-15", EndsOn: "2026-12-17",
			Venue: "Gedung PLUT-KUMKM Kabupaten Serang", Capacity: 30, MaxPerDistrict: 3, MinDistricts: 5,
			Eligibility: programs.Eligibility{SizeClasses: []string{registry.Mikro}, Sectors: []string{"C"},
				ExcludeTrainedWithinMonths: 12},
			Budget: 90_000_000},
		sessions: []string{"Fungsi kemasan dan pilihan bahan", "Label pangan sesuai aturan BPOM", "Praktik desain dan uji pasar"},
		partner:  "ritel",
		share:    30_000_000,
		apply:    12,
		fits:     food,
		nominate: func(r *rand.Rand) bool { return r.IntN(2) == 0 },
	}}
}

// stepOpenPrograms creates the open 2026 programmes (set up in October
// 2026) and the applications that arrived in the first weeks of November;
// the demo owner has applied online to the first one it fits.
func stepOpenPrograms(ctx context.Context, l *Loader) error {
	rng := rand.New(rand.NewPCG(l.Options.Seed, 0x09e2026))
	svc, clk := demoService(l)
	admin := officeActor(ctx, l)
	owner := ownerBusiness(l.Businesses)
	ownerApplied := false
	for i, op := range openPrograms() {
		p := op.program
		p.Funding = l.cofunded(p.Budget, op.partner, op.share)
		for k, title := range op.sessions {
			d, _ := time.Parse(time.DateOnly, p.StartsOn)
			p.Sessions = append(p.Sessions, programs.Session{Number: k + 1, Date: d.AddDate(0, 0, k).Format(time.DateOnly), Title: title})
		}
		clk.at("2026-10-26", 10+i, 0)
		created, err := svc.Create(ctx, admin, &p)
		if err != nil {
			return err
		}
		if _, err := svc.Move(ctx, admin, created.ID, programs.StatusOpen); err != nil {
			return err
		}
		var picks []*registry.Business
		if b, err := l.Store.GetBusiness(ctx, owner); err == nil && !ownerApplied && op.fits(b) {
			picks, ownerApplied = append(picks, b), true
		}
		for _, k := range rng.Perm(len(l.Businesses)) {
			if len(picks) >= op.apply {
				break
			}
			if b := l.Businesses[k].Business; b.ID != owner && op.fits(b) {
				picks = append(picks, b)
			}
		}
		start := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
		for k, b := range picks {
			clk.at(start.AddDate(0, 0, k*3/2).Format(time.DateOnly), 8+rng.IntN(8), rng.IntN(60))
			a := auth.Actor{Username: "pemilik", Role: auth.Owner, BusinessID: b.ID}
			if b.ID != owner && op.nominate(rng) {
				a = admin
			}
			if b.ID == owner {
				a.Username = "pemilik.demo"
				if u, err := l.Store.UserByUsername(ctx, a.Username); err == nil {
					a.UserID = u.ID
				}
			}
			if _, err := svc.Apply(ctx, a, created.ID, b.ID); err != nil {
				return err
			}
		}
	}
	return nil
}
