package demo

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"naikkelas/internal/funding"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
	"naikkelas/internal/services"
)

// demoCommitment is one partner's commitment for a year with what it has
// delivered (in equal parts on the dates) and its allocations to the demo
// programmes, by name.
type demoCommitment struct {
	partner     string // kind of the partner (its first of the kind)
	commitment  funding.Commitment
	deliveries  []string // dates; the realised sum is split evenly over them
	realised    int64
	allocations map[string]int64 // programme name → amount
}

// demoLedger spans 2023–2026: the regional bank and the CSR fund each year,
// the retail chain in kind from 2025; the October 2025 cohort and the two
// programmes open now are each funded by several partners. The 2026 bank
// commitment is behind its schedule, so /dana marks it.
func demoLedger() []demoCommitment {
	halal, kemasan := openPrograms()[0].program.Name, openPrograms()[1].program.Name
	money := func(amount int64, year int, ref string) funding.Commitment {
		return funding.Commitment{Kind: funding.KindMoney, Amount: amount, Year: year, Reference: ref}
	}
	inKind := func(amount int64, year int, ref, what string) funding.Commitment {
		return funding.Commitment{Kind: funding.KindInKind, Amount: amount, Year: year, Reference: ref, Description: what}
	}
	return []demoCommitment{
		{"bank", money(100_000_000, 2023, "PKS/017/BDB-DKUMPP/2023"), []string{"2023-03-20", "2023-09-18"}, 100_000_000, nil},
		{"bank", money(150_000_000, 2024, "PKS/022/BDB-DKUMPP/2024"), []string{"2024-03-18", "2024-09-16"}, 150_000_000, nil},
		{"bank", money(200_000_000, 2025, "PKS/031/BDB-DKUMPP/2025"), []string{"2025-03-17", "2025-09-15"}, 180_000_000,
			map[string]int64{cohortName: 30_000_000}},
		{"bank", money(250_000_000, 2026, "PKS/040/BDB-DKUMPP/2026"), []string{"2026-03-16"}, 60_000_000,
			map[string]int64{halal: 20_000_000}},
		{"csr", money(75_000_000, 2023, "MoU/CSR-KIC/05/2023"), []string{"2023-05-08"}, 75_000_000, nil},
		{"csr", inKind(40_000_000, 2024, "MoU/CSR-KIC/07/2024", "Pelatih pemasaran digital dan ruang pelatihan di kawasan industri"),
			[]string{"2024-06-10", "2024-10-14"}, 40_000_000, nil},
		{"csr", money(120_000_000, 2025, "MoU/CSR-KIC/09/2025"), []string{"2025-04-14", "2025-08-11"}, 120_000_000,
			map[string]int64{cohortName: 50_000_000}},
		{"csr", money(150_000_000, 2026, "MoU/CSR-KIC/12/2026"), []string{"2026-04-13", "2026-08-10"}, 120_000_000,
			map[string]int64{halal: 15_000_000, kemasan: 25_000_000}},
		{"ritel", inKind(30_000_000, 2025, "PKS/MSR/03/2025", "Rak pajang produk lokal dan desain kemasan"),
			[]string{"2025-06-02"}, 30_000_000, map[string]int64{cohortName: 10_000_000}},
		{"ritel", inKind(45_000_000, 2026, "PKS/MSR/06/2026", "Desain kemasan dan label untuk peserta pelatihan"),
			[]string{"2026-05-04"}, 30_000_000, map[string]int64{kemasan: 30_000_000}},
	}
}

// demoScenarios are the saved coverage scenarios.
var demoScenarios = []planner.Scenario{
	{Name: "Tambah mitra Rp250 juta per tahun", Params: planner.Params{ExtraPerYear: 250_000_000, CohortSize: 30}},
	{Name: "Mikro pangan tanpa halal, angkatan 40", Params: planner.Params{CohortSize: 40, Group: "mikro_pangan_tanpa_halal"}},
}

// stepFunding records the partners' commitments, deliveries and
// allocations, and saves the coverage scenarios.
func stepFunding(ctx context.Context, l *Loader) error {
	set := services.New(l.Store, Jurisdiction)
	admin := officeActor(ctx, l)
	list, _, err := set.Programs.List(ctx, admin, programs.ProgramFilter{PerPage: 500})
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, p := range list {
		byName[p.Name] = p.ID
	}
	for _, d := range demoLedger() {
		c := d.commitment
		if _, err := set.Funding.Commit(ctx, admin, l.partners[d.partner], &c); err != nil {
			return fmt.Errorf("komitmen demo %s: %w", c.Reference, err)
		}
		for i, day := range d.deliveries {
			part := d.realised / int64(len(d.deliveries))
			if i == len(d.deliveries)-1 {
				part = d.realised - part*int64(len(d.deliveries)-1)
			}
			if _, err := set.Funding.Realise(ctx, admin, c.ID, &funding.Realisation{Amount: part, Date: day}); err != nil {
				return fmt.Errorf("realisasi demo %s: %w", c.Reference, err)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(d.allocations)) {
			amount := d.allocations[name]
			id, ok := byName[name]
			if !ok {
				continue // a smaller demo may lack the programme
			}
			if _, err := set.Funding.Allocate(ctx, admin, id, &funding.Allocation{CommitmentID: c.ID, Amount: amount}); err != nil {
				return fmt.Errorf("alokasi demo %s: %w", c.Reference, err)
			}
		}
	}
	for _, sc := range demoScenarios {
		if _, err := set.Planner.Save(ctx, admin, &sc); err != nil {
			return fmt.Errorf("skenario demo %s: %w", sc.Name, err)
		}
	}
	return nil
}
