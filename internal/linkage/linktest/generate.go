// Package linktest generates lists of businesses with known duplicates, as
// the office's lists have them (honorifics, legal forms, spelling variants,
// typos, Excel-truncated NIKs, phones in every format, missing values), for
// the tests and benchmarks of record linkage.
package linktest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"naikkelas/internal/linkage"
	"naikkelas/internal/region"
)

var (
	products = []string{"Emping Melinjo", "Keripik Singkong", "Kerupuk Ikan", "Sate Bandeng", "Rabeg", "Kue Jojorong",
		"Gipang", "Otak-otak", "Bakso", "Warung Nasi", "Jahit", "Batik", "Kopi", "Sambal", "Dodol", "Ranginang",
		"Keripik Pisang", "Abon Ikan", "Catering", "Bengkel Motor", "Laundry", "Kue Basah", "Tahu", "Tempe", "Madu"}
	brands = []string{"Berkah", "Barokah", "Jaya", "Mandiri", "Sejahtera", "Lestari", "Mulya", "Putra", "Putri",
		"Amanah", "Rizki", "Sinar", "Mekar", "Harapan", "Cahaya", "Bintang", "Sumber", "Anugerah", "Makmur", "Sentosa"}
	given = []string{"Siti", "Enah", "Euis", "Neneng", "Iis", "Imas", "Nurhayati", "Rohaeti", "Ai", "Titin", "Lilis",
		"Muhammad", "Ahmad", "Asep", "Ujang", "Dadang", "Cecep", "Jajang", "Agus", "Budi", "Wawan", "Rohmat",
		"Sarip", "Mulyadi", "Komarudin", "Jubaedah", "Masitoh", "Sukaesih", "Fatimah", "Aisyah", "Usep", "Encep"}
	family = []string{"Suhaena", "Hidayat", "Maulana", "Setiawan", "Rahmawati", "Nurjanah", "Komariah", "Saputra",
		"Hermawan", "Fauzi", "Ramdani", "Lestari", "Handayani", "Sudrajat", "Jaelani", "Sobari", "Permana", "Maesaroh",
		"Kurniasih", "Rosita", "Marlina", "Sumarni", "Gunawan", "Sukmana", "Junaedi", "Mubarok", "Yuliani", "Hasanah"}
	honors = []string{"Bu", "Ibu", "Pak", "Bapak", "H.", "Hj.", "Tb.", "Ceu", "Mang"}
	forms  = []string{"UD.", "UD", "CV.", "CV", "PT."}
	// variants are spellings the lists really use for the same word.
	variants = map[string][]string{"Keripik": {"Kripik", "KRIPIK"}, "Melinjo": {"Mlinjo"}, "Kerupuk": {"Krupuk"},
		"Muhammad": {"Muhamad", "Moh.", "Mohammad"}, "Ranginang": {"Rengginang"}, "Sambal": {"Sambel"}}
	kampungs = []string{"Kp. Babakan", "Kp. Pasir", "Kp. Cibeber", "Kp. Kadu", "Kp. Sawah", "Kp. Kebon", "Kp. Tegal",
		"Perum Griya", "Jl. Raya", "Kp. Pesisir", "Kp. Masjid", "Kp. Leuwi"}
)

// Data is a generated list: the businesses as the lists wrote them and,
// for each, the business it really is.
type Data struct {
	Records []linkage.Business
	Entity  []int
}

type truth struct {
	product, brand, honor, first, last string
	nik, nib, phone, village, address  string
}

// Generate makes about n records (a few more or less) from the seed: every
// business appears one to four times, later appearances spelled as another
// list would, and a few owners run two different businesses with the same
// NIK and phone. The same seed gives the same data.
func Generate(n int, seed uint64) Data {
	rng := rand.New(rand.NewPCG(seed, 0x6c696e6b))
	villages := region.All().Villages("36.04")
	var d Data
	var prev truth
	for e := 0; len(d.Records) < n; e++ {
		t := newTruth(rng, villages)
		if e > 0 && rng.IntN(50) == 0 {
			// The same owner's second business: another entity.
			t.first, t.last, t.nik, t.phone, t.village = prev.first, prev.last, prev.nik, prev.phone, prev.village
		}
		prev = t
		copies := 1
		switch r := rng.IntN(100); {
		case r < 20:
			copies = 2
		case r < 28:
			copies = 3
		case r < 32:
			copies = 4
		}
		for c := 0; c < copies && len(d.Records) < n; c++ {
			b := t.write(rng, c > 0)
			b.ID = fmt.Sprint(len(d.Records) + 1)
			d.Records = append(d.Records, b)
			d.Entity = append(d.Entity, e)
		}
	}
	return d
}

func newTruth(rng *rand.Rand, villages []region.Region) truth {
	v := villages[rng.IntN(len(villages))]
	t := truth{product: products[rng.IntN(len(products))], brand: brands[rng.IntN(len(brands))],
		first: given[rng.IntN(len(given))], last: family[rng.IntN(len(family))], village: v.Code}
	if rng.IntN(2) == 0 {
		t.brand += " " + brands[rng.IntN(len(brands))]
	}
	if rng.IntN(2) == 0 {
		t.last = given[rng.IntN(len(given))] + " " + t.last
	}
	if rng.IntN(3) == 0 {
		t.honor = honors[rng.IntN(len(honors))]
	}
	code := strings.ReplaceAll(v.Parent, ".", "")
	t.nik = fmt.Sprintf("%s%02d%02d%02d%04d", code, 1+rng.IntN(28)+40*rng.IntN(2), 1+rng.IntN(12), (60+rng.IntN(45))%100, 1+rng.IntN(9999))
	if rng.IntN(2) == 0 {
		t.nib = fmt.Sprintf("%013d", 1_000_000_000_000+rng.Int64N(8_999_999_999_999))
	}
	t.phone = fmt.Sprintf("08%d%08d", 11+rng.IntN(88), rng.IntN(100_000_000))
	t.address = fmt.Sprintf("%s RT %03d/%03d", kampungs[rng.IntN(len(kampungs))], 1+rng.IntN(12), 1+rng.IntN(9))
	return t
}

// write is one list's version of t; a copy (not the first appearance) has
// the faults of a list typed elsewhere.
func (t truth) write(rng *rand.Rand, copy bool) linkage.Business {
	owner := t.first + " " + t.last
	name := t.product + " " + t.brand
	if t.honor != "" && rng.IntN(2) == 0 {
		name = t.product + " " + t.honor + " " + t.first
	}
	b := linkage.Business{Name: name, OwnerName: owner, NIK: t.nik, NIB: t.nib, Phone: t.phone, Place: t.village, Address: t.address}
	if !copy {
		return b
	}
	b.Name = messName(rng, b.Name)
	b.OwnerName = messName(rng, b.OwnerName)
	if rng.IntN(3) == 0 {
		b.OwnerName = honors[rng.IntN(len(honors))] + " " + b.OwnerName
	}
	if rng.IntN(4) == 0 {
		b.Name = forms[rng.IntN(len(forms))] + " " + b.Name
	}
	switch r := rng.IntN(10); {
	case r < 6:
		b.NIK = ""
	case r == 6:
		b.NIK = t.nik[:1] + "." + t.nik[1:15] + "E+15" // Excel: 15 digits kept, shown in scientific form
	case r == 7:
		b.NIK = typo(rng, t.nik, "0123456789")
	}
	if rng.IntN(3) > 0 {
		b.NIB = ""
	}
	switch r := rng.IntN(10); {
	case r < 3:
		b.Phone = ""
	case r < 5:
		b.Phone = "+62 " + t.phone[1:4] + "-" + t.phone[4:8] + "-" + t.phone[8:]
	case r == 5:
		b.Phone = fmt.Sprintf("08%d%08d", 11+rng.IntN(88), rng.IntN(100_000_000)) // changed number
	}
	switch r := rng.IntN(10); {
	case r < 2:
		b.Place = ""
	case r < 4:
		b.Place = t.village[:strings.LastIndexByte(t.village, '.')] // kecamatan only
	}
	switch r := rng.IntN(10); {
	case r < 3:
		b.Address = ""
	case r < 6:
		b.Address = strings.ToUpper(t.address[:strings.Index(t.address, " RT")])
	}
	return b
}

// messName applies what typing and other lists do to a name: case, a
// spelling variant, a typo, a dropped honorific.
func messName(rng *rand.Rand, s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if vs, ok := variants[w]; ok && rng.IntN(2) == 0 {
			words[i] = vs[rng.IntN(len(vs))]
		}
	}
	s = strings.Join(words, " ")
	switch rng.IntN(6) {
	case 0:
		s = strings.ToUpper(s)
	case 1:
		s = strings.ToLower(s)
	case 2:
		s = typo(rng, s, "abcdefghijklmnopqrstuvwxyz")
	}
	return s
}

// typo changes one character of s to one from alphabet, or drops one.
func typo(rng *rand.Rand, s, alphabet string) string {
	if len(s) < 4 {
		return s
	}
	i := 1 + rng.IntN(len(s)-2)
	if rng.IntN(3) == 0 && !strings.Contains(alphabet, "0") {
		return s[:i] + s[i+1:]
	}
	return s[:i] + string(alphabet[rng.IntN(len(alphabet))]) + s[i+1:]
}
