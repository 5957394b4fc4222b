package web

import (
	"strings"
	"sync"

	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/funding"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
	"naikkelas/internal/messages"
	"naikkelas/internal/permits"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// entityLabels name the audited records; an entity not listed shows its code
// with spaces, so a new one is still readable.
var entityLabels = map[string]string{
	"business": "Usaha", "user": "Pengguna", "program": "Program", "application": "Pendaftaran program",
	"assessment": "Penilaian kematangan", "attendance": "Kehadiran", "certificate": "Sertifikat",
	"measurement": "Ukuran usaha", "office": "Identitas kantor", "partner": "Mitra", "permit": "Izin usaha",
	"selection": "Seleksi", "test_scores": "Nilai tes", "token": "Token API", "follow_up": "Pendampingan",
	"halal_profile": "Profil halal", "halal_quota": "Kuota sertifikasi halal", "proposal": "Usulan perubahan data",
	"product": "Produk", "coverage_scenario": "Skenario cakupan", "commitment": "Komitmen dana mitra",
	"realisation": "Realisasi dana mitra", "allocation": "Alokasi dana mitra", "demo": "Data demo",
	"curation": "Kurasi ritel", "curation_entry": "Produk kurasi", "listing": "Produk di ritel",
	"capital_need": "Kebutuhan modal", "capital_referral": "Rujukan modal ke bank", "message": "Pesan WhatsApp",
	"message_template": "Templat pesan", "contact_preference": "Persetujuan dihubungi",
}

// actionLabels name what was done.
var actionLabels = map[string]string{audit.Create: "Tambah", audit.Update: "Ubah", audit.Archive: "Arsip",
	"allocate": "Bagi kuota", "catalogue_consent": "Setuju tampil di katalog", "catalogue_withdraw": "Tarik dari katalog",
	"label_check": "Periksa label", "not_duplicate": "Bukan duplikat", "photo": "Tambah foto",
	"curation_decision": "Putuskan kurasi", "sale_report": "Lapor penjualan", "listing_end": "Turunkan dari rak",
	"merge": "Gabungkan", "merge_undo": "Batalkan penggabungan"}

// fieldLabels name the fields that audit entries carry (JSON names of the
// records). A field not listed shows its name with spaces.
var fieldLabels = map[string]string{
	"name": "Nama", "brand": "Merek", "owner_name": "Nama pemilik", "nik": "NIK", "owner_gender": "Jenis kelamin pemilik",
	"owner_birth_date": "Tanggal lahir pemilik", "phone": "Nomor HP", "email": "Email", "village_code": "Desa",
	"district_code": "Kecamatan", "address": "Alamat", "latitude": "Lintang", "longitude": "Bujur", "kbli": "KBLI",
	"sector": "Sektor", "founded_year": "Tahun berdiri", "employees": "Tenaga kerja", "annual_revenue": "Omzet tahunan",
	"capital": "Modal", "size_class": "Kelas usaha", "size_basis": "Dasar kelas", "nib": "NIB", "pirt_number": "Nomor P-IRT",
	"pirt_expires_on": "P-IRT berlaku sampai", "halal_status": "Status halal", "halal_number": "Nomor sertifikat halal",
	"halal_expires_on": "Halal berlaku sampai", "bpom_number": "Nomor BPOM", "hki_number": "Nomor HKI", "products": "Produk",
	"status": "Status", "year": "Tahun", "source": "Sumber", "recorded_by": "Dicatat oleh", "username": "Nama pengguna",
	"role": "Peran", "regions": "Wilayah tugas", "business_id": "Usaha", "disabled": "Nonaktif", "kind": "Jenis",
	"topics": "Materi", "starts_on": "Mulai", "ends_on": "Selesai", "venue": "Tempat", "sessions": "Sesi",
	"capacity": "Kapasitas", "max_per_district": "Kuota per kecamatan", "min_districts": "Minimal kecamatan",
	"districts": "Kecamatan", "eligibility": "Syarat peserta", "weights": "Bobot", "completion": "Syarat lulus",
	"budget": "Anggaran", "funding": "Pendanaan", "program_id": "Program", "session": "Sesi", "present": "Hadir",
	"reason": "Alasan", "seed": "Kode undian", "changes": "Perubahan status", "pre_test": "Pre-test",
	"post_test": "Post-test", "code": "Kode", "issued_at": "Diterbitkan", "expires_at": "Berlaku sampai",
	"revoked_at": "Dicabut", "government": "Pemerintah daerah", "agency": "Dinas", "signatory_name": "Penanda tangan",
	"signatory_title": "Jabatan penanda tangan", "signatory_nip": "NIP penanda tangan", "logo_hash": "Logo",
	"contact": "Kontak", "number": "Nomor", "issued_on": "Terbit", "expires_on": "Berlaku sampai", "note": "Catatan",
	"level": "Tingkat", "level_name": "Tingkat", "assessed_on": "Tanggal penilaian", "import_id": "Impor", "row": "Baris",
	"amount": "Jumlah", "partner_id": "Mitra", "in_kind_description": "Bantuan barang/jasa", "price": "Harga",
	"category": "Kategori", "max_annual_revenue": "Omzet maksimal", "size_classes": "Kelas usaha", "sectors": "Sektor",
	"require_nib": "Wajib NIB", "exclude_trained_within_months": "Belum dilatih dalam (bulan)",
	"min_attendance_pct": "Kehadiran minimal (%)", "min_post_test": "Post-test minimal", "need": "Kebutuhan",
	"readiness": "Kesiapan", "never_trained": "Belum pernah dilatih", "woman_owned": "Milik perempuan",
	"waiting": "Lama menunggu", "method": "Cara", "notes": "Catatan", "month": "Bulan ke",
	"created_by": "Dibuat oleh", "updated_by": "Diubah oleh", "date": "Tanggal", "title": "Judul",
	// halal readiness and quotas
	"facilities": "Tempat produksi", "halal_ingredients": "Bahan halal", "outlets": "Jumlah gerai",
	"preservation_methods": "Cara pengawetan", "product_type": "Jenis produk", "separate_tools": "Alat terpisah",
	"simple_process": "Proses sederhana", "allocated": "Terbagi", "assistants": "Pendamping", "business_ids": "Usaha",
	"closes_on": "Ditutup", "opens_on": "Dibuka", "finishes_on": "Selesai", "days_left": "Sisa hari", "open": "Sedang dibuka",
	"provider": "Penyelenggara", "remaining": "Sisa kuota", "scope": "Cakupan", "total": "Jumlah kuota", "warning": "Peringatan",
	"quota_id": "Kuota",
	// programmes, selection, pendampingan
	"locked": "Dikunci", "published": "Diumumkan", "withdrawn": "Usaha yang mengundurkan diri", "recorded_at": "Dicatat pada",
	"done_at": "Selesai pada", "done_by": "Diselesaikan oleh", "visit_date": "Tanggal kunjungan", "cohort_size": "Ukuran angkatan",
	"cost": "Biaya", "cost_per_participant": "Biaya per peserta", "places_per_year": "Tempat per tahun", "years": "Tahun",
	"target_districts": "Kecamatan sasaran", "planned_on": "Rencana", "extra_per_year": "Tambahan per tahun",
	"group": "Kelompok sasaran",
	// partners' money
	"commitment_id": "Komitmen", "committed": "Komitmen", "realised": "Realisasi", "received_on": "Diterima pada",
	"description": "Keterangan", "in_kind": "Bantuan barang/jasa", "partner_name": "Mitra", "reference": "Nomor perjanjian",
	// products, labels, catalogue
	"product_id": "Produk", "barcode": "Barcode", "net_content": "Isi bersih", "net_unit": "Satuan",
	"production_code_format": "Format kode produksi", "shelf_life_days": "Masa simpan (hari)", "photos": "Foto",
	"consent_at": "Setuju pada", "consent_by": "Disetujui oleh", "checked_at": "Diperiksa pada", "checked_by": "Diperiksa oleh",
	"elements": "Unsur label", "fixes": "Perbaikan", "whatsapp": "WhatsApp", "order_url": "Tautan pemesanan",
	"monthly_revenue": "Omzet bulanan",
	// proposals, accounts, assessments, the demo
	"proposed_at": "Diusulkan pada", "proposed_by": "Diusulkan oleh", "decided_at": "Diputuskan pada",
	"decided_by": "Diputuskan oleh", "field": "Data", "user_id": "Pengguna", "last_used_at": "Terakhir dipakai",
	"nip": "NIP", "assessor": "Penilai", "answers": "Jawaban", "verified_from": "Verifikasi atas penilaian",
	"score": "Nilai", "businesses": "Usaha", "users": "Pengguna", "ref_date": "Tanggal acuan", "a": "Usaha", "b": "Usaha lain",
	"pirt_verified": "P-IRT terverifikasi", "halal_verified": "Halal terverifikasi", "bpom_verified": "BPOM terverifikasi",
	// retail curation, listings and sales
	"requirements": "Syarat kurasi", "held_on": "Tanggal kurasi", "place": "Tempat", "curation_id": "Kurasi",
	"product_name": "Produk", "business_name": "Usaha", "monthly_supply": "Pasokan per bulan", "unmet": "Syarat belum terpenuhi",
	"decision": "Keputusan", "mode": "Cara kerja sama", "payment_terms_days": "Tempo bayar (hari)", "listing_id": "Produk di ritel",
	"units": "Terjual (unit)", "revenue": "Nilai penjualan", "due_on": "Jatuh tempo", "paid_on": "Dibayar pada",
	"reported_by": "Dilaporkan oleh", "reported_at": "Dilaporkan pada", "end_reason": "Alasan selesai dipajang",
	// capital and WhatsApp messages
	"collateral": "Agunan", "scheme": "Skema", "purpose": "Tujuan", "need_id": "Kebutuhan modal",
	"tenor_months": "Tenor (bulan)", "approved_amount": "Jumlah disetujui",
	"rate_percent": "Bunga (% setahun)", "reject_reason": "Alasan penolakan", "decision_note": "Catatan keputusan",
	"disbursed_on": "Dicairkan pada", "disbursed_amount": "Jumlah dicairkan", "subject": "Perihal",
	"body": "Teks", "opted_out": "Menolak dihubungi",
}

// identifierFields hold numbers that name something, written as they are.
var identifierFields = map[string]bool{"nib": true, "nik": true, "pirt_number": true, "halal_number": true,
	"bpom_number": true, "hki_number": true, "barcode": true, "number": true}

// bookkeepingFields say nothing to a reader of the log.
// Figures a record derives from others (counts, sums, ages) are
// bookkeeping too.
var bookkeepingFields = map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true,
	"entry_count": true, "passed": true, "entries": true, "district": true, "sales": true, "totals": true,
	"days_unpaid": true, "days_overdue": true}

// moneyFields hold rupiah.
var moneyFields = map[string]bool{"annual_revenue": true, "capital": true, "budget": true, "amount": true,
	"price": true, "max_annual_revenue": true, "monthly_revenue": true, "cost": true, "cost_per_participant": true, "extra_per_year": true,
	"committed": true, "realised": true, "revenue": true, "approved_amount": true, "disbursed_amount": true}

// idFields hold record numbers: written "#6231", never grouped like a count.
func idField(key string) bool {
	return key == "id" || key == "a" || key == "b" || key == "withdrawn" || strings.HasSuffix(key, "_id") || strings.HasSuffix(key, "_ids")
}

// codeLabels turn a field's code value into its label.
var codeLabels = map[string]func(string) string{
	"size_class": classLabel, "halal_status": halalLabel, "role": func(s string) string { return auth.RoleLabel(auth.Role(s)) },
	"sector": region.SectorName, "topics": programs.TopicLabel, "source": assessment.SourceLabel, "kind": anyKindLabel,
	"product_type": productTypeLabel, "from_status": programs.AppStatusLabel, "to_status": programs.AppStatusLabel,
	"village_code": region.All().Name, "district_code": region.All().Name, "districts": region.All().Name,
	"decision": market.DecisionLabel, "mode": market.ModeLabel,
	"scheme": capital.SchemeLabel, "purpose": capital.PurposeLabel, "reject_reason": capital.ReasonLabel,
	"group": func(code string) string {
		if g, ok := planner.GroupOf(code); ok {
			return g.Label
		}
		return code
	},
	"owner_gender": func(s string) string {
		switch s {
		case "F", "P", "female":
			return "Perempuan"
		case "M", "L", "male":
			return "Laki-laki"
		}
		return s
	},
}

// anyKindLabel names a kind whatever its record: a programme's, a funding
// line's, a commitment's or a permit's (their codes do not overlap).
func anyKindLabel(k string) string {
	for _, label := range []func(string) string{kindLabel, programs.FundingKindLabel, funding.KindLabel, permits.KindLabel,
		messages.KindLabel} {
		if l := label(k); l != k && l != "" {
			return l
		}
	}
	return k
}

var halalRules = sync.OnceValues(permits.LoadRules)

// productTypeLabel names a product type of the halal rule book.
func productTypeLabel(code string) string {
	r, err := halalRules()
	if err != nil {
		return code
	}
	return r.ProductTypeName(code)
}

// statusLabels read a status by the record it belongs to.
var statusLabels = map[string]func(string) string{
	"application": programs.AppStatusLabel, "program": programs.StatusLabel, "permit": permits.StatusLabel,
	"capital_referral": capital.StatusLabel,
	"follow_up":        labelsOf(map[string]string{programs.TaskOpen: "Belum dikerjakan", programs.TaskDone: "Selesai"}),
	"proposal": labelsOf(map[string]string{registry.ProposalPending: "Menunggu verifikasi", registry.ProposalApproved: "Disetujui",
		registry.ProposalRejected: "Ditolak"}),
	"business": labelsOf(map[string]string{"active": "Aktif", "archived": "Diarsipkan"}),
}

// labelsOf reads a stored code through a table of labels (labelOr).
func labelsOf(labels map[string]string) func(string) string {
	return func(code string) string { return idfmt.Label(labels, code) }
}

func fieldLabel(k string) string {
	if l, ok := fieldLabels[k]; ok {
		return l
	}
	return strings.ReplaceAll(k, "_", " ")
}
