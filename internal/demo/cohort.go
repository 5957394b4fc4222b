package demo

import (
	"math/rand/v2"
	"sort"

	"naikkelas/internal/registry"
)

// The October 2025 training of DOMAIN.md: 50 places for businesses from 10
// of the 29 kecamatan, in production capacity, marketing strategy and
// packaging. It is loaded through the programmes service as it would have
// happened: applications, eligibility checks, a seeded selection, lock and
// publication, attendance, tests, completion, certificates and follow-up.
const (
	cohortName     = "Pelatihan Manajemen Produk: Produksi, Pemasaran dan Kemasan (Oktober 2025)"
	cohortStartsOn = "2025-10-13"
	cohortEndsOn   = "2025-10-16"
	cohortSize     = 50 // places
	cohortPerDist  = 5  // max_per_district
	cohortDistrict = 10 // kecamatan targeted, = min_districts
	cohortApplyPer = 10 // applications per kecamatan (100 in all)
	// cohortSeed is the recorded lottery seed of the selection run.
	cohortSeed int64 = 20250922
	// cohortDropouts is how many participants fell short of the attendance
	// rule and did not complete: the demo has 50 participants, 48 completers.
	cohortDropouts = 2
	// cohortIneligible is how many applications came from outside the target
	// sector (a warung, a laundry) and were marked ineligible on arrival.
	cohortIneligible = 3
)

// cohort is the October 2025 programme: who applied and, once it has run,
// who completed.
type cohort struct {
	programID  int64
	startsOn   string
	districts  []string
	applicants []registry.NewBusiness // in the order they applied
	completers []registry.NewBusiness
}

// pickCohort chooses the 10 kecamatan and the 100 applicants: in each
// kecamatan the 10 mikro food producers (sector C) with the highest sales,
// the ones the office knew as ready to grow, except that in the first
// kecamatan a few of them are replaced by mikro businesses of other
// sectors that applied anyway. A demo too small for it gets none (nil).
func pickCohort(items []registry.NewBusiness, rng *rand.Rand) *cohort {
	food := map[string][]registry.NewBusiness{}
	other := map[string][]registry.NewBusiness{}
	for _, it := range items {
		b := it.Business
		switch {
		case b.SizeClass != registry.Mikro || len(it.Measurements) < 2:
		case b.Sector == "C":
			food[b.DistrictCode] = append(food[b.DistrictCode], it)
		case b.Sector != "":
			other[b.DistrictCode] = append(other[b.DistrictCode], it)
		}
	}
	var districts []string
	for d, list := range food {
		if len(list) >= cohortApplyPer {
			districts = append(districts, d)
		}
	}
	sort.Strings(districts)
	rng.Shuffle(len(districts), func(i, j int) { districts[i], districts[j] = districts[j], districts[i] })
	if len(districts) < cohortDistrict {
		return nil // a small demo: too few kecamatan for the cohort
	}
	districts = districts[:cohortDistrict]
	sort.Strings(districts)
	c := &cohort{startsOn: cohortStartsOn, districts: districts}
	for i, d := range districts {
		list := food[d]
		sort.Slice(list, func(i, j int) bool {
			if list[i].Business.AnnualRevenue != list[j].Business.AnnualRevenue {
				return list[i].Business.AnnualRevenue > list[j].Business.AnnualRevenue
			}
			return list[i].Business.ID < list[j].Business.ID
		})
		take := list[:cohortApplyPer]
		if i == 0 && len(other[d]) >= cohortIneligible {
			take = append(take[:cohortApplyPer-cohortIneligible:cohortApplyPer-cohortIneligible], other[d][:cohortIneligible]...)
		}
		c.applicants = append(c.applicants, take...)
	}
	rng.Shuffle(len(c.applicants), func(i, j int) { c.applicants[i], c.applicants[j] = c.applicants[j], c.applicants[i] })
	return c
}

// isApplicant reports, by business ID, who applied to the cohort.
func (c *cohort) isApplicant() map[int64]bool {
	out := map[int64]bool{}
	if c != nil {
		for _, it := range c.applicants {
			out[it.Business.ID] = true
		}
	}
	return out
}
