package importer

import (
	"strings"

	"naikkelas/internal/idfmt"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/sheet"
)

// ExportColumns are the columns of an export, with Indonesian headers that
// the importer recognises, so that an exported file imports back unchanged.
var ExportColumns = []string{
	"ID", "Nama Usaha", "Merek", "Nama Pemilik", "NIK", "Jenis Kelamin", "Tanggal Lahir", "No HP", "Email",
	"Kode Desa", "Desa", "Kecamatan", "Alamat", "Lintang", "Bujur", "KBLI", "Sektor", "Nama Sektor", "Tahun Berdiri",
	"Tenaga Kerja", "Omzet per Tahun", "Modal", "Kelas Usaha", "Dasar Kelas", "NIB", "No PIRT",
	"PIRT Berlaku Sampai", "Status Halal", "No Sertifikat Halal", "Halal Berlaku Sampai", "No BPOM", "No HKI",
	"Produk", "Keterangan", "Diperbarui",
}

// Each streams businesses to an export writer; registry.Service.Each,
// bound to an actor and a filter, is one (it masks personal data as the
// actor's role requires).
type Each func(fn func(*registry.Business) error) error

// exportRow returns a business's cells in ExportColumns order. Money is
// sheet.Money and dates sheet.Date (a rupiah number and a date cell in
// XLSX), counts are numbers grouped by thousands, the ID, the year and the
// coordinates numbers shown as they are (sheet.Plain), codes are written as the
// words the office uses ("Perempuan", the sector's name beside its
// letter); everything else is text, which the sheet writers neutralise
// against formula injection. Every cell imports back to the same value.
func exportRow(dir *region.Directory, b *registry.Business) []any {
	num := func(n int64) any { return sheet.Money(n) }
	year := func(n int) any {
		if n == 0 {
			return ""
		}
		return sheet.Plain(n)
	}
	coord := func(f *float64) any {
		if f == nil {
			return ""
		}
		return sheet.Plain(*f)
	}
	products := make([]string, len(b.Products))
	for i, p := range b.Products {
		products[i] = p.Name
	}
	return []any{
		sheet.Plain(b.ID), b.Name, b.Brand, b.OwnerName, b.NIK, genderLabel(b.OwnerGender), sheet.Date(b.OwnerBirthDate),
		localPhone(b.Phone), b.Email, b.VillageCode, dir.Name(b.VillageCode), dir.Name(b.DistrictCode), b.Address,
		coord(b.Latitude), coord(b.Longitude), b.KBLI, b.Sector, sectorName(b.Sector), year(b.FoundedYear),
		int64(b.Employees), num(b.AnnualRevenue), num(b.Capital), registry.ClassOrUnknown(b.SizeClass), basisLabel(b.SizeBasis),
		b.NIB, b.PIRTNumber, sheet.Date(b.PIRTExpiresOn), halalLabel(b.HalalStatus), b.HalalNumber,
		sheet.Date(b.HalalExpiresOn), b.BPOMNumber, b.HKINumber, strings.Join(products, "; "), b.Notes,
		b.UpdatedAt.In(idfmt.WIB).Format("2006-01-02 15:04"),
	}
}

// localPhone writes +628… as 08… (what officers type; it imports back to
// the same number, and needs no formula guard).
func localPhone(p string) string {
	if strings.HasPrefix(p, "+62") {
		return "0" + p[3:]
	}
	return p
}

// genderLabel writes L and P as words; the importer reads both.
func genderLabel(g string) string { return idfmt.Label(genderLabels, g) }

var genderLabels = map[string]string{"L": "Laki-laki", "P": "Perempuan"}

func sectorName(letter string) string {
	if letter == "" {
		return ""
	}
	return region.SectorName(letter)
}

func halalLabel(s string) string {
	switch s {
	case registry.HalalCertified:
		return "Sudah"
	case registry.HalalInProcess:
		return "Proses"
	}
	return "Belum"
}

func basisLabel(s string) string {
	switch s {
	case registry.BasisRevenue:
		return "omzet"
	case registry.BasisCapital:
		return "modal"
	}
	return ""
}
