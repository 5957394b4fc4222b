package demo

import (
	"fmt"
	"math"
	"strings"
	"time"

	"naikkelas/internal/registry"
)

// owner fills the owner's identity: a NIK issued in the business's
// kecamatan whose date part matches birth date and gender, a mobile number
// and, for some, an email address.
func (g *generator) owner(b *registry.Business, district, class string, female bool) {
	b.OwnerGender = "L"
	if female {
		b.OwnerGender = "P"
	}
	start := time.Date(1958, 1, 1, 0, 0, 0, 0, time.UTC)
	birth := start.AddDate(0, 0, g.rng.IntN(46*365)) // 1958 … 2003
	b.OwnerBirthDate = birth.Format(time.DateOnly)
	if g.rng.Float64() < 0.97 {
		b.NIK = g.nik(district, birth, female)
	}
	if g.rng.Float64() < 0.92 {
		b.Phone = g.phone()
	}
	if g.rng.Float64() < emailShare[class] {
		local := strings.ToLower(strings.NewReplacer(" ", ".", "Tb.", "tb").Replace(b.OwnerName))
		b.Email = fmt.Sprintf("%s%d@%s", local, g.rng.IntN(100), g.pick(emailDomains))
	}
}

var emailShare = map[string]float64{registry.Mikro: 0.2, registry.Kecil: 0.6, registry.Menengah: 0.95}

// nik builds a unique NIK: digits 1–6 the kecamatan, 7–12 DDMMYY (DD+40
// for women), 13–16 a serial that is never 0000.
func (g *generator) nik(district string, birth time.Time, female bool) string {
	dd := birth.Day()
	if female {
		dd += 40
	}
	prefix := strings.ReplaceAll(district, ".", "") + fmt.Sprintf("%02d%02d%02d", dd, int(birth.Month()), birth.Year()%100)
	serial := 1 + g.rng.IntN(9999)
	for {
		n := fmt.Sprintf("%s%04d", prefix, serial)
		if !g.usedNIK[n] {
			g.usedNIK[n] = true
			return n
		}
		serial = serial%9999 + 1
	}
}

func (g *generator) phone() string {
	for {
		p := fmt.Sprintf("+62%s%08d", g.pick(phonePrefix), g.rng.IntN(100_000_000))
		if !g.usedPhone[p] {
			g.usedPhone[p] = true
			return p
		}
	}
}

// Document shares per class: a realistic minority hold each document.
var (
	nibShare   = map[string]float64{registry.Mikro: 0.30, registry.Kecil: 0.75, registry.Menengah: 0.98}
	pirtShare  = map[string]float64{registry.Mikro: 0.22, registry.Kecil: 0.55, registry.Menengah: 0.30}
	bpomShare  = map[string]float64{registry.Mikro: 0.005, registry.Kecil: 0.15, registry.Menengah: 0.80}
	halalShare = map[string]float64{registry.Mikro: 0.10, registry.Kecil: 0.40, registry.Menengah: 0.80}
	inProcess  = map[string]float64{registry.Mikro: 0.06, registry.Kecil: 0.10, registry.Menengah: 0.05}
)

// documents gives a business its NIB, P-IRT, halal, BPOM and HKI numbers by
// the shares above. P-IRT lasts 5 years and halal certificates 4, so those
// issued long before RefDate have expired.
func (g *generator) documents(b *registry.Business, k *kind, class string) {
	g.seq++
	if g.rng.Float64() < nibShare[class] {
		for b.NIB == "" || g.usedNIB[b.NIB] {
			b.NIB = fmt.Sprintf("%d%012d", 1+g.rng.IntN(9), g.rng.Int64N(1_000_000_000_000))
		}
		g.usedNIB[b.NIB] = true
	}
	if k.produced && k.food && g.rng.Float64() < pirtShare[class] {
		issued := RefDate.Year() - int(math.Pow(g.rng.Float64(), 1.4)*7)
		exp := time.Date(issued+5, time.Month(1+g.rng.IntN(12)), 1+g.rng.IntN(28), 0, 0, 0, 0, time.UTC)
		b.PIRTExpiresOn = exp.Format(time.DateOnly)
		// packaging, food type, 3604, product number, producer number, expiry year.
		b.PIRTNumber = fmt.Sprintf("%d%02d3604%02d%04d%02d", 1+g.rng.IntN(5), 1+g.rng.IntN(15), 1+g.rng.IntN(3), g.seq%10000, exp.Year()%100)
	}
	if k.food {
		switch u := g.rng.Float64(); {
		case u < halalShare[class]:
			issued := time.Date(RefDate.Year()-int(math.Pow(g.rng.Float64(), 1.3)*7), time.Month(1+g.rng.IntN(12)), 1+g.rng.IntN(28), 0, 0, 0, 0, time.UTC)
			if issued.After(RefDate) {
				issued = issued.AddDate(-1, 0, 0)
			}
			b.HalalStatus = registry.HalalCertified
			b.HalalNumber = fmt.Sprintf("ID36110%08d%02d%02d", g.seq, int(issued.Month()), issued.Year()%100)
			b.HalalExpiresOn = issued.AddDate(4, 0, 0).Format(time.DateOnly)
		case u < halalShare[class]+inProcess[class]:
			b.HalalStatus = registry.HalalInProcess
		}
		if k.produced && g.rng.Float64() < bpomShare[class] {
			b.BPOMNumber = fmt.Sprintf("MD%03d%09d", 200+g.rng.IntN(100), g.seq)
		}
	}
	if g.rng.Float64() < hkiShare[class] {
		b.HKINumber = fmt.Sprintf("IDM000%06d", g.seq)
	}
}

var hkiShare = map[string]float64{registry.Mikro: 0.01, registry.Kecil: 0.08, registry.Menengah: 0.3}
