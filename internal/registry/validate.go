package registry

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
)

// maxNotes caps the office's remarks on a business, in bytes.
const maxNotes = 2000

// Normalize trims text fields and normalises identifiers in place, before
// validation. It never invents data.
func (b *Business) Normalize() {
	for _, p := range []*string{&b.Name, &b.Brand, &b.OwnerName, &b.NIK, &b.OwnerGender, &b.OwnerBirthDate,
		&b.Phone, &b.Email, &b.VillageCode, &b.Address, &b.KBLI, &b.Sector, &b.NIB, &b.PIRTNumber,
		&b.PIRTExpiresOn, &b.HalalStatus, &b.HalalNumber, &b.HalalExpiresOn, &b.BPOMNumber, &b.HKINumber, &b.Notes} {
		*p = strings.TrimSpace(*p)
	}
	b.OwnerGender = strings.ToUpper(b.OwnerGender)
	b.Sector = strings.ToUpper(b.Sector)
	b.BPOMNumber = strings.ToUpper(strings.ReplaceAll(b.BPOMNumber, " ", ""))
	b.Email = strings.ToLower(b.Email)
	if b.HalalStatus == "" {
		b.HalalStatus = HalalNone
	}
	if b.Phone != "" {
		if p, err := NormalizePhone(b.Phone); err == nil {
			b.Phone = p
		}
	}
	b.DistrictCode = region.DistrictOf(b.VillageCode)
	for i := range b.Products {
		b.Products[i].Name = strings.TrimSpace(b.Products[i].Name)
		b.Products[i].Category = strings.TrimSpace(b.Products[i].Category)
	}
}

// Validate checks b against the rules of the register and returns per-field
// Indonesian messages (empty when valid). jurisdiction is the instance's area
// ("" for all Indonesia); now is used for plausibility of years and dates.
func (b *Business) Validate(dir *region.Directory, jurisdiction string, now time.Time) map[string]string {
	now = now.In(idfmt.WIB) // "this year" is the office's
	f := map[string]string{}
	req := func(field, val, label string) {
		if val == "" {
			f[field] = label + " wajib diisi"
		}
	}
	req("name", b.Name, "Nama usaha")
	req("owner_name", b.OwnerName, "Nama pemilik")
	req("village_code", b.VillageCode, "Desa")
	if len(b.Name) > 200 {
		f["name"] = "Nama usaha terlalu panjang (maks. 200 karakter)"
	}
	if len(b.Notes) > maxNotes {
		f["notes"] = "Keterangan terlalu panjang (maks. 2.000 karakter)"
	}
	if b.VillageCode != "" {
		r, ok := dir.Get(b.VillageCode)
		switch {
		case !ok || r.Level != region.Village:
			f["village_code"] = "Kode desa tidak dikenal"
		case !region.Within(b.VillageCode, jurisdiction):
			f["village_code"] = fmt.Sprintf("Desa berada di luar wilayah instansi ini (%s)", dir.Name(jurisdiction))
		}
	}
	if b.NIK != "" {
		if info, err := ParseNIK(b.NIK); err != nil {
			f["nik"] = err.Error()
		} else {
			if b.OwnerGender != "" && b.OwnerGender != info.Gender {
				f["owner_gender"] = "Jenis kelamin tidak sesuai dengan NIK"
			}
			if b.OwnerBirthDate != "" && b.OwnerBirthDate != info.BirthDate.Format(time.DateOnly) {
				f["owner_birth_date"] = "Tanggal lahir tidak sesuai dengan NIK"
			}
		}
	}
	if b.OwnerGender != "" && b.OwnerGender != "L" && b.OwnerGender != "P" {
		f["owner_gender"] = "Jenis kelamin harus L atau P"
	}
	if b.OwnerBirthDate != "" {
		if d, err := ParseDate(b.OwnerBirthDate); err != nil {
			f["owner_birth_date"] = "Tanggal lahir harus berformat TTTT-BB-HH"
		} else if d.After(now) || now.Year()-d.Year() > 120 {
			f["owner_birth_date"] = "Tanggal lahir tidak wajar"
		}
	}
	if b.Phone != "" {
		if _, err := NormalizePhone(b.Phone); err != nil {
			f["phone"] = strings.ToUpper(err.Error()[:1]) + err.Error()[1:]
		}
	}
	if b.Email != "" && !ValidEmail(b.Email) {
		f["email"] = "Alamat email tidak valid"
	}
	if b.NIB != "" && !ValidNIB(b.NIB) {
		f["nib"] = "NIB harus 13 digit angka"
	}
	if b.KBLI != "" && (len(b.KBLI) != 5 || !allDigits(b.KBLI)) {
		f["kbli"] = "Kode KBLI harus 5 digit angka"
	}
	if b.Sector != "" && region.SectorName(b.Sector) == "" {
		f["sector"] = "Sektor harus kategori KBLI A–U"
	}
	if b.FoundedYear != 0 && (b.FoundedYear < 1900 || b.FoundedYear > now.Year()) {
		f["founded_year"] = fmt.Sprintf("Tahun berdiri harus antara 1900 dan %d", now.Year())
	}
	checkAmounts(f, b.Employees, b.AnnualRevenue, b.Capital)
	if b.Latitude != nil && (*b.Latitude < -11 || *b.Latitude > 6) {
		f["latitude"] = "Lintang di luar wilayah Indonesia"
	}
	if b.Longitude != nil && (*b.Longitude < 94 || *b.Longitude > 142) {
		f["longitude"] = "Bujur di luar wilayah Indonesia"
	}
	switch b.HalalStatus {
	case HalalNone, HalalInProcess, HalalCertified:
	default:
		f["halal_status"] = "Status halal harus none, in_process, atau certified"
	}
	for field, v := range map[string]string{"pirt_expires_on": b.PIRTExpiresOn, "halal_expires_on": b.HalalExpiresOn} {
		if v != "" {
			if _, err := ParseDate(v); err != nil {
				f[field] = "Tanggal harus berformat TTTT-BB-HH"
			}
		}
	}
	if b.PIRTNumber != "" && (len(b.PIRTNumber) < 15 || !allDigits(b.PIRTNumber)) {
		f["pirt_number"] = "Nomor P-IRT minimal 15 digit angka"
	}
	if b.BPOMNumber != "" && !validBPOM(b.BPOMNumber) {
		f["bpom_number"] = "Nomor BPOM harus MD atau ML diikuti 12 digit"
	}
	for i, p := range b.Products {
		if p.Name == "" {
			f[fmt.Sprintf("products.%d.name", i)] = "Nama produk wajib diisi"
		}
		checkRupiah(f, fmt.Sprintf("products.%d.price", i), "Harga", p.Price)
	}
	return f
}

func validBPOM(s string) bool {
	return len(s) == 14 && (strings.HasPrefix(s, "MD") || strings.HasPrefix(s, "ML")) && allDigits(s[2:])
}

// Validate checks a measurement entered by hand.
func (m *Measurement) Validate(now time.Time) map[string]string {
	now = now.In(idfmt.WIB) // "this year" is the office's
	f := map[string]string{}
	if m.Year < 1990 || m.Year > now.Year() {
		f["year"] = fmt.Sprintf("Tahun harus antara 1990 dan %d", now.Year())
	}
	checkAmounts(f, m.Employees, Amount(m.AnnualRevenue), Amount(m.Capital))
	if Amount(m.AnnualRevenue) == 0 && Amount(m.Capital) == 0 {
		f["annual_revenue"] = "Isi omzet atau modal"
	}
	if !slices.Contains(MeasurementSources, m.Source) {
		f["source"] = "Sumber data harus self_report atau officer_verified"
	}
	return f
}

// MeasurementSources are the sources of a measurement entered by hand (the
// web, the API, a follow-up visit). An import records its own name as the
// source, through the importer, not through Validate.
var MeasurementSources = []string{SourceSelfReport, SourceOfficerVerified}

// Upper bounds of the size figures a person may enter: far above any
// business the register serves (PP 7/2021's "besar" begins at Rp50 miliar
// of revenue) and far below what would overflow a sum of them in a report.
const (
	MaxRupiah    int64 = 1_000_000_000_000_000 // Rp10^15, 1.000 triliun
	MaxEmployees       = 1_000_000
)

// checkAmounts adds to f an error for each of the size figures shared by a
// business and a measurement that is negative or above its bound.
func checkAmounts(f map[string]string, employees int, revenue, capital int64) {
	switch {
	case employees < 0:
		f["employees"] = "Jumlah tenaga kerja tidak boleh negatif"
	case employees > MaxEmployees:
		f["employees"] = "Jumlah tenaga kerja tidak wajar (maks. 1.000.000)"
	}
	checkRupiah(f, "annual_revenue", "Omzet", revenue)
	checkRupiah(f, "capital", "Modal", capital)
}

// checkRupiah adds to f an error when an amount is negative or above MaxRupiah.
func checkRupiah(f map[string]string, field, label string, v int64) {
	switch {
	case v < 0:
		f[field] = label + " tidak boleh negatif"
	case v > MaxRupiah:
		f[field] = label + " tidak wajar (maks. Rp1.000 triliun)"
	}
}
