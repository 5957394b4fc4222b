package registry

// profileItem is one part of a business's profile an owner can fill in.
type profileItem struct {
	Label  string
	filled func(b *Business) bool
}

// profileItems are what a complete profile holds: who owns it, where it
// is, what it does and sells, its size and its documents. They are what
// programmes' eligibility, the size class and retailers' curation read.
var profileItems = []profileItem{
	{"Nama pemilik", func(b *Business) bool { return b.OwnerName != "" }},
	{"NIK", func(b *Business) bool { return b.NIK != "" }},
	{"Jenis kelamin pemilik", func(b *Business) bool { return b.OwnerGender != "" }},
	{"Tanggal lahir pemilik", func(b *Business) bool { return b.OwnerBirthDate != "" }},
	{"Nomor HP", func(b *Business) bool { return b.Phone != "" }},
	{"Desa", func(b *Business) bool { return b.VillageCode != "" }},
	{"Alamat", func(b *Business) bool { return b.Address != "" }},
	{"Merek", func(b *Business) bool { return b.Brand != "" }},
	{"Sektor atau KBLI", func(b *Business) bool { return b.Sector != "" || b.KBLI != "" }},
	{"Tahun berdiri", func(b *Business) bool { return b.FoundedYear > 0 }},
	{"Tenaga kerja", func(b *Business) bool { return b.Employees > 0 }},
	{"Omzet atau modal", func(b *Business) bool { return b.AnnualRevenue > 0 || b.Capital > 0 }},
	{"Produk", func(b *Business) bool { return len(b.Products) > 0 }},
	{"NIB", func(b *Business) bool { return b.NIB != "" }},
	{"Izin edar (P-IRT atau BPOM)", func(b *Business) bool { return b.PIRTNumber != "" || b.BPOMNumber != "" }},
	{"Sertifikat halal", func(b *Business) bool { return b.HalalStatus == HalalCertified }},
}

// Completeness is how much of the profile is filled in, as a whole
// percentage, and the labels of what is missing, in profile order.
func (b *Business) Completeness() (percent int, missing []string) {
	missing = []string{}
	for _, it := range profileItems {
		if !it.filled(b) {
			missing = append(missing, it.Label)
		}
	}
	n := len(profileItems)
	return 100 * (n - len(missing)) / n, missing
}
