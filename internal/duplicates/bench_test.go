//go:build unix

package duplicates_test

import (
	"hash/fnv"
	"syscall"
	"testing"

	"naikkelas/internal/duplicates"
	"naikkelas/internal/linkage/linktest"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/storetest"
)

// BenchmarkList48000 lists the likely duplicates of one kecamatan, as the
// review page and GET /api/v1/duplicates do for an admin, in a register of
// 48,000 businesses (a generated list with its copies, see
// linktest.Generate): spread over Kabupaten Serang as generated
// ("regency"), or all moved into Cikande's desa ("one-kecamatan"). Figures
// in bench/README.md.
func BenchmarkList48000(b *testing.B) {
	b.Run("regency", func(b *testing.B) { benchmarkList(b, false) })
	b.Run("one-kecamatan", func(b *testing.B) { benchmarkList(b, true) })
}

func benchmarkList(b *testing.B, oneDistrict bool) {
	st := storetest.OpenSQLite(b)
	d := linktest.Generate(48_000, 3)
	villages := region.All().Children(cikande)
	villageOf := func(code string, i int) string {
		if !oneDistrict && code != "" {
			return code
		}
		h := fnv.New32a()
		h.Write([]byte(code))
		if code == "" {
			return villages[i%len(villages)].Code
		}
		return villages[int(h.Sum32())%len(villages)].Code
	}
	nibs := map[string]bool{}
	batch := make([]registry.NewBusiness, 0, 1000)
	for i, r := range d.Records {
		nb := &registry.Business{Name: r.Name, OwnerName: r.OwnerName, NIK: r.NIK, Phone: r.Phone, Address: r.Address,
			VillageCode: villageOf(r.Place, i), Sector: "C", OwnerGender: "P", HalalStatus: registry.HalalNone,
			Status: registry.StatusActive}
		if r.NIB != "" && !nibs[r.NIB] {
			nb.NIB, nibs[r.NIB] = r.NIB, true
		}
		batch = append(batch, registry.NewBusiness{Business: nb})
		if len(batch) == cap(batch) || i == len(d.Records)-1 {
			if err := st.InsertBatch(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	svc := duplicates.NewService(registry.NewService(st, "36.04"), st)
	_, inDistrict, err := svc.Registry.List(ctx, admin, registry.Filter{District: cikande, PerPage: 1})
	if err != nil {
		b.Fatal(err)
	}
	var pairs []duplicates.Pair
	cpu0 := cpuSeconds()
	for b.Loop() {
		if pairs, err = svc.List(ctx, admin, cikande, 0.5); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(inDistrict), "businesses")
	b.ReportMetric(float64(len(pairs)), "pairs")
}

// cpuSeconds is the process's CPU time so far (user and system, all
// threads): a figure that depends less on how loaded the machine is.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

const cikande = "36.04.15"
