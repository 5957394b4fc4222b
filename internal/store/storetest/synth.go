package storetest

import (
	"fmt"
	"math/rand/v2"

	"naikkelas/internal/audit"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Word lists of the synthetic benchmark data (Serang products and names).
var (
	products = []string{"Emping Melinjo", "Sate Bandeng", "Rabeg", "Gipang", "Jojorong", "Kerupuk Ikan", "Keripik Singkong",
		"Kopi Robusta", "Gula Aren", "Bandeng Presto", "Gerabah", "Batik Banten", "Anyaman Bambu", "Golok", "Warung Sembako",
		"Toko Kelontong", "Jahit Pakaian", "Bengkel Motor", "Laundry", "Warung Nasi", "Kue Basah", "Olahan Ikan",
		"Sambal Roa", "Tahu Sumedang", "Madu Hutan"}
	firstNames = []string{"Ujang", "Asep", "Dedi", "Entis", "Jaya", "Sari", "Siti", "Neneng", "Euis", "Iwan", "Agus",
		"Budi", "Slamet", "Sugeng", "Wahyu", "Tubagus", "Ratu", "Encep", "Nining", "Yati", "Rohman", "Sukma", "Lilis",
		"Cecep", "Dadang", "Endang", "Maman", "Odah", "Imas", "Rahmat"}
	lastNames = []string{"Suryana", "Sutisna", "Hidayat", "Rahayu", "Wulandari", "Saputra", "Permana", "Kurniawan",
		"Setiawan", "Hermawan", "Santoso", "Wibowo", "Nurhayati", "Mulyana", "Sumitra", "Fauzi", "Ruhiyat", "Syarifudin",
		"Maulana", "Hasanah"}
	sectors = []string{"C", "C", "C", "G", "G", "G", "I", "I", "S", "S", "A", "F"}
)

// synthKBLI gives each sector two KBLI codes (without drawing from the
// generator, so the rest of the data stays as it was): half of C and all of I
// are food or drink, which the halal benchmarks count.
var synthKBLI = map[string][2]string{"C": {"10794", "13134"}, "G": {"47112", "47711"}, "I": {"56102", "56303"},
	"S": {"96111", "95120"}, "A": {"03221", "01135"}, "F": {"41011", "43301"}}

// Synth returns n deterministic businesses spread over Kabupaten Serang,
// each with 2–3 measurements and an audit entry. nibFrom keeps NIBs unique.
func Synth(n, nibFrom int, rng *rand.Rand, villages []region.Region) []registry.NewBusiness {
	items := make([]registry.NewBusiness, n)
	for i := range items {
		k := nibFrom + i
		v := villages[rng.IntN(len(villages))]
		owner := firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))]
		b := &registry.Business{
			Name:        fmt.Sprintf("%s %s", products[rng.IntN(len(products))], firstNames[rng.IntN(len(firstNames))]),
			OwnerName:   owner,
			NIK:         fmt.Sprintf("3604%02d%02d%02d%02d%04d", 1+rng.IntN(29), 1+rng.IntN(28), 1+rng.IntN(12), 60+rng.IntN(40), 1+rng.IntN(9999)),
			OwnerGender: "L", Phone: fmt.Sprintf("+628%02d%08d", 11+rng.IntN(88), rng.IntN(100_000_000)),
			VillageCode: v.Code, Address: "Kp. " + v.Name, Sector: sectors[rng.IntN(len(sectors))],
			FoundedYear: 1990 + rng.IntN(35), HalalStatus: registry.HalalNone,
		}
		b.KBLI = synthKBLI[b.Sector][k%2]
		if rng.IntN(5) == 0 {
			b.NIB = fmt.Sprintf("9%012d", k)
		}
		if rng.IntN(6) == 0 {
			b.PIRTNumber, b.PIRTExpiresOn = fmt.Sprintf("2063604%08d", k), fmt.Sprintf("%d-06-01", 2023+rng.IntN(6))
		}
		switch rng.IntN(10) {
		case 0:
			b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, fmt.Sprintf("ID36%010d", k), fmt.Sprintf("%d-01-01", 2025+rng.IntN(5))
		case 1:
			b.HalalStatus = registry.HalalInProcess
		}
		base := int64(50_000_000 + rng.IntN(1_500_000_000))
		switch r := rng.IntN(1000); {
		case r < 15:
			base = int64(16_000_000_000 + rng.IntN(30_000_000_000))
		case r < 175:
			base = int64(2_100_000_000 + rng.IntN(12_000_000_000))
		}
		var ms []registry.Measurement
		for y := 2023 + rng.IntN(2); y <= 2025; y++ {
			rev := base * int64(90+rng.IntN(25)) / 100
			ms = append(ms, registry.Measurement{Year: y, AnnualRevenue: registry.Known(rev), Employees: 1 + rng.IntN(20), Source: "survei"})
		}
		items[i] = registry.NewBusiness{Business: b, Measurements: ms,
			Audit: &audit.Entry{Username: "sistem", Action: audit.Create, Entity: "business"}}
	}
	return items
}
