package demo

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

var (
	fullOnce sync.Once
	full     []registry.NewBusiness
)

func fullDemo() []registry.NewBusiness {
	fullOnce.Do(func() { full = Generate(Options{}) })
	return full
}

func TestGenerateIsDeterministic(t *testing.T) {
	a := fullDemo()
	b := Generate(Options{})
	if len(a) != DefaultCount || len(b) != DefaultCount {
		t.Fatalf("got %d and %d businesses, want %d", len(a), len(b), DefaultCount)
	}
	if !reflect.DeepEqual(a, b) {
		for i := range a {
			if !reflect.DeepEqual(a[i], b[i]) {
				t.Fatalf("item %d differs:\n%+v\n%+v", i, a[i].Business, b[i].Business)
			}
		}
	}
	c := Generate(Options{Count: 100, Seed: 7})
	if reflect.DeepEqual(a[:100], c) {
		t.Fatal("a different seed gave the same data")
	}
}

func TestEveryBusinessIsValid(t *testing.T) {
	dir := region.All()
	for i, it := range fullDemo() {
		b := *it.Business
		b.Products = append([]registry.Product(nil), b.Products...)
		b.Normalize()
		if f := b.Validate(dir, Jurisdiction, RefDate); len(f) > 0 {
			t.Fatalf("business %d (%s) invalid: %v", i, b.Name, f)
		}
		if b.NIK != "" {
			info, err := registry.ParseNIK(b.NIK)
			if err != nil {
				t.Fatalf("business %d: NIK %s: %v", i, b.NIK, err)
			}
			if info.Gender != b.OwnerGender || info.BirthDate.Format(time.DateOnly) != b.OwnerBirthDate {
				t.Fatalf("business %d: NIK %s does not match %s %s", i, b.NIK, b.OwnerGender, b.OwnerBirthDate)
			}
			if info.Region != strings.ReplaceAll(b.DistrictCode, ".", "") {
				t.Fatalf("business %d: NIK region %s is not kecamatan %s", i, info.Region, b.DistrictCode)
			}
		}
		if b.Phone != "" && !strings.HasPrefix(b.Phone, "+628") {
			t.Fatalf("business %d: phone %s", i, b.Phone)
		}
		if b.PIRTNumber != "" && (len(b.PIRTNumber) < 15 || b.PIRTNumber[3:7] != "3604" || b.PIRTNumber[13:15] != b.PIRTExpiresOn[2:4]) {
			t.Fatalf("business %d: P-IRT %s expiring %s", i, b.PIRTNumber, b.PIRTExpiresOn)
		}
		if len(b.Products) == 0 {
			t.Fatalf("business %d has no products", i)
		}
	}
}

func TestDistribution(t *testing.T) {
	items := fullDemo()
	n := float64(len(items))
	classes := map[string]int{}
	sectors := map[string]int{}
	perDistrict := map[string]int{}
	villages := map[string]bool{}
	var movers, nib, pirt, pirtExpired, halal, halalExpired, halalProcess int
	nik := map[string]bool{}
	ref := RefDate.Format(time.DateOnly)
	for _, it := range items {
		b := it.Business
		classes[b.SizeClass]++
		sectors[b.Sector]++
		perDistrict[b.DistrictCode]++
		villages[b.VillageCode] = true
		ms := it.Measurements
		if len(ms) < 2 || len(ms) > 3 || ms[len(ms)-1].Year != 2025 || ms[0].Year < 2023 {
			t.Fatalf("%s: bad measurement years %+v", b.Name, ms)
		}
		if ms[len(ms)-1].SizeClass != b.SizeClass || registry.Amount(ms[len(ms)-1].AnnualRevenue) != b.AnnualRevenue {
			t.Fatalf("%s: business does not mirror its latest measurement", b.Name)
		}
		for _, m := range ms {
			if c, _ := registry.Classify(registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital)); c != m.SizeClass {
				t.Fatalf("%s: measurement class %s, computed %s", b.Name, m.SizeClass, c)
			}
		}
		if registry.ClassRank(ms[len(ms)-1].SizeClass) > registry.ClassRank(ms[0].SizeClass) {
			movers++
		}
		if b.NIK != "" {
			if nik[b.NIK] {
				t.Fatalf("duplicate NIK %s", b.NIK)
			}
			nik[b.NIK] = true
		}
		if b.NIB != "" {
			nib++
		}
		if b.PIRTNumber != "" {
			pirt++
			if b.PIRTExpiresOn < ref {
				pirtExpired++
			}
		}
		switch b.HalalStatus {
		case registry.HalalCertified:
			halal++
			if b.HalalExpiresOn < ref {
				halalExpired++
			}
		case registry.HalalInProcess:
			halalProcess++
		}
	}
	share := func(c int) float64 { return float64(c) / n }
	within := func(what string, got, lo, hi float64) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s = %.4f, want within [%.3f, %.3f]", what, got, lo, hi)
		}
	}
	within("mikro share", share(classes[registry.Mikro]), 0.80, 0.86)
	within("kecil share", share(classes[registry.Kecil]), 0.14, 0.18)
	within("menengah share", share(classes[registry.Menengah]), 0.01, 0.02)
	if classes[registry.Besar] != 0 || classes[""] != 0 {
		t.Errorf("unexpected classes %v", classes)
	}
	within("C+G+I+S share", share(sectors["C"]+sectors["G"]+sectors["I"]+sectors["S"]), 0.9, 1)
	if movers < 200 || movers > 800 {
		t.Errorf("%d businesses moved up a class, want a few hundred", movers)
	}
	within("NIB share", share(nib), 0.2, 0.5)
	within("P-IRT share", share(pirt), 0.03, 0.2)
	within("halal share", share(halal), 0.03, 0.15)
	if pirtExpired == 0 || pirtExpired > pirt/2 || halalExpired == 0 || halalExpired > halal/2 || halalProcess == 0 {
		t.Errorf("expired P-IRT %d/%d, expired halal %d/%d, in process %d", pirtExpired, pirt, halalExpired, halal, halalProcess)
	}

	districts := Districts()
	if len(districts) != 29 || len(perDistrict) != 29 {
		t.Fatalf("%d kecamatan in the region list, %d covered; want 29", len(districts), len(perDistrict))
	}
	if len(villages) != 326 || len(region.All().Villages(Jurisdiction)) != 326 {
		t.Fatalf("%d desa covered, want all 326", len(villages))
	}
	for _, big := range []string{"36.04.15", "36.04.05", "36.04.11", "36.04.09", "36.04.16"} {
		for _, d := range districts {
			if _, heavy := districtWeight[d.Code]; !heavy || districtWeight[d.Code] < 2 {
				if perDistrict[big] <= perDistrict[d.Code] {
					t.Errorf("%s (%d) should have more businesses than %s (%d)", big, perDistrict[big], d.Name, perDistrict[d.Code])
				}
			}
		}
	}
}

func TestLocalSpecialities(t *testing.T) {
	count := map[string]map[string]int{} // district → label prefix → n
	for _, it := range fullDemo() {
		b := it.Business
		if count[b.DistrictCode] == nil {
			count[b.DistrictCode] = map[string]int{}
		}
		for _, l := range []string{"Gerabah", "Golok", "Bandeng Presto", "Sate Bandeng", "Olahan Ikan"} {
			if strings.HasPrefix(b.Name, l+" ") {
				count[b.DistrictCode][l]++
			}
		}
	}
	if count["36.04.09"]["Gerabah"] < 5*count["36.04.05"]["Gerabah"] || count["36.04.09"]["Gerabah"] < 50 {
		t.Errorf("Ciruas should dominate gerabah: %v vs Kramatwatu %v", count["36.04.09"], count["36.04.05"])
	}
	if count["36.04.27"]["Golok"] < 50 {
		t.Errorf("Ciomas should have golok smiths: %v", count["36.04.27"])
	}
	fish := func(d string) int {
		return count[d]["Bandeng Presto"] + count[d]["Sate Bandeng"] + count[d]["Olahan Ikan"]
	}
	if fish("36.04.13") < 3*fish("36.04.22") {
		t.Errorf("coastal Tirtayasa (%d) should have far more fish products than Baros (%d)", fish("36.04.13"), fish("36.04.22"))
	}
}

// BenchmarkGenerate measures generating the 48,000 businesses without storage.
func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		if items := Generate(Options{}); len(items) != DefaultCount {
			b.Fatal(len(items))
		}
	}
}
