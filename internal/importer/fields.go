package importer

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
	FNotes          Field = "notes" // "Keterangan": the office's remarks, kept as typed
	// FInfo marks a known column that is never imported: an export's ID,
	// size class, timestamps, or a rejection report's reasons. It is
	// recognised so that such files import without "unknown column" noise.
	FInfo Field = "info"
	// FIgnore marks a column the officer chose to ignore.
	FIgnore Field = "ignore"
)

// fieldSpec is everything the importer knows about one field: its
// Indonesian label, the headers that name it, how a cell is read and how
// the value is applied to a stored business. The label and the field's own
// name are headers too (FInfo's label is not; FIgnore has none).
type fieldSpec struct {
	field   Field
	label   string
	aliases []string
	value   fieldValue
	// attr is the business's JSON name the field sets, when it is not the
	// field's own name (a desa name sets village_code).
	attr string
}

// fields is the one table of import fields, in the order of the officer's
// mapping dropdown. Field, label, aliases, parser and how the value applies
// to a business are all here; FieldLabels, the header lookup, Interpret and
// applyAttrs are derived from it.
var fields = []fieldSpec{
	{field: FName, label: "Nama Usaha", value: text(func(b *business) *string { return &b.Name }),
		aliases: []string{"Nama UMKM", "Nama UKM", "Nama Perusahaan", "Nama Unit Usaha", "Usaha", "Nama Toko", "Nama Pelaku Usaha"}},
	{field: FBrand, label: "Merek", value: text(func(b *business) *string { return &b.Brand }),
		aliases: []string{"Merk", "Brand", "Merek Dagang", "Nama Merek"}},
	{field: FOwnerName, label: "Nama Pemilik", value: text(func(b *business) *string { return &b.OwnerName }),
		aliases: []string{"Pemilik", "Nama Pemilik Usaha", "Nama", "Nama Lengkap", "Nama Penanggung Jawab", "Owner"}},
	{field: FNIK, label: "NIK", value: parsed(ParseNIK, func(b *business) *string { return &b.NIK }),
		aliases: []string{"No NIK", "NIK Pemilik", "No KTP", "Nomor KTP", "Nomor Induk Kependudukan"}},
	{field: FOwnerGender, label: "Jenis Kelamin", value: parsed(ParseGender, func(b *business) *string { return &b.OwnerGender }),
		aliases: []string{"JK", "L/P", "Gender", "Kelamin"}},
	{field: FOwnerBirthDate, label: "Tanggal Lahir", value: parsed(ParseDate, func(b *business) *string { return &b.OwnerBirthDate }),
		aliases: []string{"Tgl Lahir", "Tanggal Lahir Pemilik"}},
	{field: FPhone, label: "No HP", value: parsed(ParsePhone, func(b *business) *string { return &b.Phone }),
		aliases: []string{"No. HP", "Nomor HP", "HP", "No WA", "No. WA", "Nomor WA", "WA", "WhatsApp", "No Telepon",
			"Telepon", "Telp", "No Telp", "No HP/WA", "Kontak"}},
	{field: FEmail, label: "Email", value: parsed(lowerCase, func(b *business) *string { return &b.Email }),
		aliases: []string{"E-mail", "Surel", "Alamat Email"}},
	{field: FVillageCode, label: "Kode Desa", value: placePart(func(r *rowValues) *string { return &r.villageCode }),
		aliases: []string{"Kode Kelurahan", "Kode Desa/Kel"}},
	{field: FVillage, label: "Desa", attr: "village_code",
		value: fieldValue{read: placePart(func(r *rowValues) *string { return &r.desa }).read,
			apply: same(func(b *business) *string { return &b.VillageCode })},
		aliases: []string{"Kelurahan", "Desa/Kel", "Desa/Kelurahan", "Kel/Desa", "Kelurahan/Desa", "Nama Desa", "village_name"}},
	{field: FDistrict, label: "Kecamatan", value: placePart(func(r *rowValues) *string { return &r.kec }),
		aliases: []string{"Kec", "Nama Kecamatan", "Kode Kecamatan", "district_code", "district_name"}},
	{field: FAddress, label: "Alamat", value: text(func(b *business) *string { return &b.Address }),
		aliases: []string{"Alamat Usaha", "Alamat Lengkap", "Alamat Tempat Usaha"}},
	{field: FLatitude, label: "Lintang", value: coordinate(func(b *business) **float64 { return &b.Latitude }),
		aliases: []string{"Latitude", "Lat"}},
	{field: FLongitude, label: "Bujur", value: coordinate(func(b *business) **float64 { return &b.Longitude }),
		aliases: []string{"Longitude", "Long", "Lng", "Lon"}},
	{field: FKBLI, label: "KBLI", value: parsed(ParseKBLI, func(b *business) *string { return &b.KBLI }),
		aliases: []string{"Kode KBLI", "KBLI 2020"}},
	{field: FSector, label: "Sektor", value: parsed(ParseSector, func(b *business) *string { return &b.Sector }),
		aliases: []string{"Sektor Usaha", "Kategori KBLI", "Bidang Usaha"}},
	{field: FBusinessType, label: "Jenis Usaha", value: fieldValue{read: readBusinessType},
		aliases: []string{"Jenis", "Kegiatan Usaha"}},
	{field: FFoundedYear, label: "Tahun Berdiri", value: whole(parseYear, func(b *business) *int { return &b.FoundedYear }),
		aliases: []string{"Thn Berdiri", "Tahun Mulai Usaha", "Tahun Usaha", "Berdiri Sejak"}},
	{field: FEmployees, label: "Tenaga Kerja", value: whole(parseCount, func(b *business) *int { return &b.Employees }),
		aliases: []string{"Jumlah Tenaga Kerja", "Jumlah Karyawan", "Karyawan", "TK", "Jml TK", "Pekerja"}},
	{field: FRevenue, label: "Omzet per Tahun", value: money(func(r *rowValues, n int64) { r.c.money().setRevenue(n) }),
		aliases: []string{"Omzet", "Omset", "Omset per Tahun", "Omzet Tahunan", "Omset Tahunan", "Hasil Penjualan Tahunan",
			"Penjualan per Tahun", "Omzet (Rp)", "Omzet/Tahun", "Omset/Tahun"}},
	{field: FMonthlyRevenue, label: "Omzet per Bulan", value: money(func(r *rowValues, n int64) { r.monthly, r.hasMonthly = n, true }),
		aliases: []string{"Omset per Bulan", "Omzet Bulanan", "Omset Bulanan", "Omzet/Bulan", "Omset/Bulan", "Penjualan per Bulan"}},
	{field: FCapital, label: "Modal", value: money(func(r *rowValues, n int64) { r.c.money().setCapital(n) }),
		aliases: []string{"Modal Usaha", "Aset", "Modal (Rp)", "Kekayaan Bersih"}},
	{field: FYear, label: "Tahun Data", value: fieldValue{read: readMeasurementYear},
		aliases: []string{"Tahun Omzet", "Tahun Pendataan", "Tahun Laporan"}},
	{field: FNIB, label: "NIB", value: parsed(ParseNIB, func(b *business) *string { return &b.NIB }),
		aliases: []string{"No NIB", "Nomor NIB", "Nomor Induk Berusaha"}},
	{field: FPIRT, label: "No PIRT", value: parsed(pirtNumber, func(b *business) *string { return &b.PIRTNumber }),
		aliases: []string{"PIRT", "P-IRT", "No P-IRT", "Nomor PIRT", "SPP-IRT", "No SPP-IRT"}},
	{field: FPIRTExpires, label: "PIRT Berlaku Sampai", value: parsed(ParseDate, func(b *business) *string { return &b.PIRTExpiresOn }),
		aliases: []string{"Masa Berlaku PIRT", "Tgl Kedaluwarsa PIRT"}},
	{field: FHalalStatus, label: "Status Halal", value: parsed(ParseHalalStatus, func(b *business) *string { return &b.HalalStatus }),
		aliases: []string{"Halal", "Sertifikat Halal"}},
	{field: FHalalNumber, label: "No Sertifikat Halal", value: text(func(b *business) *string { return &b.HalalNumber }),
		aliases: []string{"Nomor Sertifikat Halal", "No Halal", "Nomor Halal", "ID Halal"}},
	{field: FHalalExpires, label: "Halal Berlaku Sampai", value: parsed(ParseDate, func(b *business) *string { return &b.HalalExpiresOn }),
		aliases: []string{"Masa Berlaku Halal"}},
	{field: FBPOM, label: "No BPOM", value: text(func(b *business) *string { return &b.BPOMNumber }),
		aliases: []string{"BPOM", "Nomor BPOM", "BPOM MD", "No MD"}},
	{field: FHKI, label: "No HKI", value: text(func(b *business) *string { return &b.HKINumber }),
		aliases: []string{"HKI", "Nomor HKI", "Merek Terdaftar HKI"}},
	{field: FProducts, label: "Produk", value: productList,
		aliases: []string{"Nama Produk", "Produk Utama", "Jenis Produk", "Products"}},
	{field: FNotes, label: "Keterangan", value: text(func(b *business) *string { return &b.Notes }),
		aliases: []string{"Ket", "Ket.", "Catatan", "Keterangan Usaha", "Catatan Petugas"}},
	{field: FInfo, label: "Informasi (tidak diimpor)",
		aliases: []string{"ID", "No", "No.", "Nomor", "No Urut", "Kelas Usaha", "Dasar Kelas", "Versi", "Status Data",
			"Dibuat", "Diperbarui", "Baris Asal", "Alasan Ditolak", "Nama Sektor",
			"id", "size_class", "size_basis", "version", "status", "created_at", "updated_at"}},
	{field: FIgnore, label: "Abaikan"},
}

// FieldLabels are the Indonesian names of the fields, in the order used by
// mapping dropdowns.
var FieldLabels = fieldLabels()

func fieldLabels() []FieldLabel {
	out := make([]FieldLabel, len(fields))
	for i, s := range fields {
		out[i] = FieldLabel{Field: s.field, Label: s.label}
	}
	return out
}

// FieldLabel pairs a field with its Indonesian name.
type FieldLabel struct {
	Field Field
	Label string
}

// fieldIndex is each field's position in fields (its bit in a fieldSet).
var fieldIndex = func() map[Field]int {
	m := make(map[Field]int, len(fields))
	for i, s := range fields {
		m[s.field] = i
	}
	return m
}()

// spec returns the table entry of f, or nil for an unknown field.
func spec(f Field) *fieldSpec {
	if i, ok := fieldIndex[f]; ok {
		return &fields[i]
	}
	return nil
}

// Label returns the Indonesian name of a field.
func (f Field) Label() string {
	if s := spec(f); s != nil {
		return s.label
	}
	return string(f)
}

// ValidField reports whether f is a field a column may be mapped to.
func ValidField(f Field) bool { return spec(f) != nil }

// attrName is the business's JSON name the field sets.
func (s *fieldSpec) attrName() string {
	if s.attr != "" {
		return s.attr
	}
	return string(s.field)
}
