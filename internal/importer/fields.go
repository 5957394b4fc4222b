package importer

import (
	"strings"
	"unicode"
)

// Field names a business attribute an import column can carry. Values equal
// the API's JSON names where one exists.
type Field string

// Fields an import column can map to.
const (
	FName           Field = "name"
	FBrand          Field = "brand"
	FOwnerName      Field = "owner_name"
	FNIK            Field = "nik"
	FOwnerGender    Field = "owner_gender"
	FOwnerBirthDate Field = "owner_birth_date"
	FPhone          Field = "phone"
	FEmail          Field = "email"
	FVillage        Field = "village"      // desa: code or name
	FVillageCode    Field = "village_code" // desa code column of an export
	FDistrict       Field = "district"     // kecamatan: code or name
	FAddress        Field = "address"
	FLatitude       Field = "latitude"
	FLongitude      Field = "longitude"
	FKBLI           Field = "kbli"
	FSector         Field = "sector"
	FBusinessType   Field = "business_type" // "Jenis Usaha": KBLI, sector letter or words
	FFoundedYear    Field = "founded_year"
	FEmployees      Field = "employees"
	FRevenue        Field = "annual_revenue"
	FMonthlyRevenue Field = "monthly_revenue" // multiplied by 12
	FCapital        Field = "capital"
	FYear           Field = "measurement_year" // the year the money figures belong to
	FNIB            Field = "nib"
	FPIRT           Field = "pirt_number"
	FPIRTExpires    Field = "pirt_expires_on"
	FHalalStatus    Field = "halal_status"
	FHalalNumber    Field = "halal_number"
	FHalalExpires   Field = "halal_expires_on"
	FBPOM           Field = "bpom_number"
	FHKI            Field = "hki_number"
	FProducts       Field = "products"
	// FInfo marks a known column that is never imported: an export's ID,
	// size class, timestamps, or a rejection report's reasons. It is
	// recognised so that such files import without "unknown column" noise.
	FInfo Field = "info"
	// FIgnore marks a column the officer chose to ignore.
	FIgnore Field = "ignore"
)

// FieldLabels are the Indonesian names of the fields, in the order used by
// exports, templates and mapping dropdowns.
var FieldLabels = []struct {
	Field Field
	Label string
}{
	{FName, "Nama Usaha"}, {FBrand, "Merek"}, {FOwnerName, "Nama Pemilik"}, {FNIK, "NIK"},
	{FOwnerGender, "Jenis Kelamin"}, {FOwnerBirthDate, "Tanggal Lahir"}, {FPhone, "No HP"},
	{FEmail, "Email"}, {FVillageCode, "Kode Desa"}, {FVillage, "Desa"}, {FDistrict, "Kecamatan"},
	{FAddress, "Alamat"}, {FLatitude, "Lintang"}, {FLongitude, "Bujur"}, {FKBLI, "KBLI"},
	{FSector, "Sektor"}, {FBusinessType, "Jenis Usaha"}, {FFoundedYear, "Tahun Berdiri"},
	{FEmployees, "Tenaga Kerja"}, {FRevenue, "Omzet per Tahun"}, {FMonthlyRevenue, "Omzet per Bulan"},
	{FCapital, "Modal"}, {FYear, "Tahun Data"}, {FNIB, "NIB"}, {FPIRT, "No PIRT"},
	{FPIRTExpires, "PIRT Berlaku Sampai"}, {FHalalStatus, "Status Halal"},
	{FHalalNumber, "No Sertifikat Halal"}, {FHalalExpires, "Halal Berlaku Sampai"},
	{FBPOM, "No BPOM"}, {FHKI, "No HKI"}, {FProducts, "Produk"},
	{FInfo, "Informasi (tidak diimpor)"}, {FIgnore, "Abaikan"},
}

// Label returns the Indonesian name of a field.
func (f Field) Label() string {
	for _, l := range FieldLabels {
		if l.Field == f {
			return l.Label
		}
	}
	return string(f)
}

// ValidField reports whether f is a field a column may be mapped to.
func ValidField(f Field) bool {
	for _, l := range FieldLabels {
		if l.Field == f {
			return true
		}
	}
	return false
}

// aliases maps a normalised header (see NormalizeHeader) to its field.
// English API names are added by init.
var aliases = map[string]Field{}

func init() {
	add := func(f Field, names ...string) {
		for _, n := range names {
			aliases[NormalizeHeader(n)] = f
		}
	}
	add(FName, "Nama Usaha", "Nama UMKM", "Nama UKM", "Nama Perusahaan", "Nama Unit Usaha", "Usaha", "Nama Toko", "Nama Pelaku Usaha")
	add(FBrand, "Merek", "Merk", "Brand", "Merek Dagang", "Nama Merek")
	add(FOwnerName, "Nama Pemilik", "Pemilik", "Nama Pemilik Usaha", "Nama", "Nama Lengkap", "Nama Penanggung Jawab", "Owner")
	add(FNIK, "NIK", "No NIK", "NIK Pemilik", "No KTP", "Nomor KTP", "Nomor Induk Kependudukan")
	add(FOwnerGender, "Jenis Kelamin", "JK", "L/P", "Gender", "Kelamin")
	add(FOwnerBirthDate, "Tanggal Lahir", "Tgl Lahir", "Tanggal Lahir Pemilik")
	add(FPhone, "No HP", "No. HP", "Nomor HP", "HP", "No WA", "No. WA", "Nomor WA", "WA", "WhatsApp", "No Telepon", "Telepon", "Telp", "No Telp", "No HP/WA", "Kontak")
	add(FEmail, "Email", "E-mail", "Surel", "Alamat Email")
	add(FVillageCode, "Kode Desa", "Kode Kelurahan", "Kode Desa/Kel")
	add(FVillage, "Desa", "Kelurahan", "Desa/Kel", "Desa/Kelurahan", "Kel/Desa", "Kelurahan/Desa", "Nama Desa")
	add(FDistrict, "Kecamatan", "Kec", "Nama Kecamatan", "Kode Kecamatan")
	add(FAddress, "Alamat", "Alamat Usaha", "Alamat Lengkap", "Alamat Tempat Usaha")
	add(FLatitude, "Lintang", "Latitude", "Lat")
	add(FLongitude, "Bujur", "Longitude", "Long", "Lng", "Lon")
	add(FKBLI, "KBLI", "Kode KBLI", "KBLI 2020")
	add(FSector, "Sektor", "Sektor Usaha", "Kategori KBLI", "Bidang Usaha")
	add(FBusinessType, "Jenis Usaha", "Jenis", "Kegiatan Usaha")
	add(FFoundedYear, "Tahun Berdiri", "Thn Berdiri", "Tahun Mulai Usaha", "Tahun Usaha", "Berdiri Sejak")
	add(FEmployees, "Tenaga Kerja", "Jumlah Tenaga Kerja", "Jumlah Karyawan", "Karyawan", "TK", "Jml TK", "Pekerja")
	add(FRevenue, "Omzet", "Omset", "Omzet per Tahun", "Omset per Tahun", "Omzet Tahunan", "Omset Tahunan", "Hasil Penjualan Tahunan", "Penjualan per Tahun", "Omzet (Rp)", "Omzet/Tahun", "Omset/Tahun")
	add(FMonthlyRevenue, "Omzet per Bulan", "Omset per Bulan", "Omzet Bulanan", "Omset Bulanan", "Omzet/Bulan", "Omset/Bulan", "Penjualan per Bulan")
	add(FCapital, "Modal", "Modal Usaha", "Aset", "Modal (Rp)", "Kekayaan Bersih")
	add(FYear, "Tahun Data", "Tahun Omzet", "Tahun Pendataan", "Tahun Laporan")
	add(FNIB, "NIB", "No NIB", "Nomor NIB", "Nomor Induk Berusaha")
	add(FPIRT, "No PIRT", "PIRT", "P-IRT", "No P-IRT", "Nomor PIRT", "SPP-IRT", "No SPP-IRT")
	add(FPIRTExpires, "PIRT Berlaku Sampai", "Masa Berlaku PIRT", "Tgl Kedaluwarsa PIRT")
	add(FHalalStatus, "Status Halal", "Halal", "Sertifikat Halal")
	add(FHalalNumber, "No Sertifikat Halal", "Nomor Sertifikat Halal", "No Halal", "Nomor Halal", "ID Halal")
	add(FHalalExpires, "Halal Berlaku Sampai", "Masa Berlaku Halal")
	add(FBPOM, "No BPOM", "BPOM", "Nomor BPOM", "BPOM MD", "No MD")
	add(FHKI, "No HKI", "HKI", "Nomor HKI", "Merek Terdaftar HKI")
	add(FProducts, "Produk", "Nama Produk", "Produk Utama", "Jenis Produk", "Products")
	add(FInfo, "ID", "No", "No.", "Nomor", "No Urut", "Kelas Usaha", "Dasar Kelas", "Versi", "Status Data",
		"Dibuat", "Diperbarui", "Baris Asal", "Alasan Ditolak", "Nama Sektor")
	for _, l := range FieldLabels {
		if l.Field != FIgnore {
			add(l.Field, string(l.Field))
		}
	}
	add(FVillage, "village_name")
	add(FDistrict, "district_code", "district_name")
	add(FInfo, "id", "size_class", "size_basis", "version", "status", "created_at", "updated_at")
}

// NormalizeHeader folds a header for lookup: lower case, letters and digits
// only, so "No. HP", "NO HP" and "no_hp" are the same key.
func NormalizeHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LookupHeader returns the field a header names, if any: an exact alias
// first, then a few telling words ("Omzet … Bulan", "Kecamatan …").
func LookupHeader(h string) (Field, bool) {
	n := NormalizeHeader(h)
	if f, ok := aliases[n]; ok {
		return f, true
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	switch {
	case n == "":
		return "", false
	case has("omzet", "omset", "penjualan") && has("bulan"):
		return FMonthlyRevenue, true
	case has("omzet", "omset"):
		return FRevenue, true
	case has("modal"):
		return FCapital, true
	case has("kecamatan"):
		return FDistrict, true
	case has("desa", "kelurahan"):
		return FVillage, true
	case strings.HasPrefix(n, "nib"):
		return FNIB, true
	case strings.HasPrefix(n, "nik"):
		return FNIK, true
	case has("pirt"):
		return FPIRT, true
	case has("karyawan", "tenagakerja"):
		return FEmployees, true
	}
	return "", false
}
