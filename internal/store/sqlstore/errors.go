package sqlstore

import (
	"context"
	"errors"
	"strings"

	"naikkelas/internal/apperr"
)

// constraint is a named constraint of the schema with its Indonesian message.
// Names are identical in both engines' migrations; SQLite reports a unique
// violation as "table.column", so match holds both spellings.
type constraint struct {
	match []string
	field string
	code  apperr.Code
	msg   string
}

var constraints = []constraint{
	{[]string{"ux_businesses_nib", "businesses.nib"}, "nib", apperr.Conflict, "NIB sudah terdaftar untuk usaha lain"},
	{[]string{"ux_users_username", "users.username"}, "username", apperr.Conflict, "Nama pengguna sudah dipakai"},
	{[]string{"ux_api_tokens_hash", "api_tokens.hash"}, "", apperr.Conflict, "Token sudah ada"},
	{[]string{"ux_sessions_hash", "sessions.hash"}, "", apperr.Conflict, "Sesi sudah ada"},
	{[]string{"ck_businesses_money"}, "annual_revenue", apperr.Invalid, "Omzet dan modal tidak boleh negatif"},
	{[]string{"ck_businesses_status"}, "status", apperr.Invalid, "Status usaha tidak dikenal"},
	{[]string{"ck_businesses_employees"}, "employees", apperr.Invalid, "Jumlah tenaga kerja tidak boleh negatif"},
	{[]string{"ck_businesses_halal"}, "halal_status", apperr.Invalid, "Status halal tidak dikenal"},
	{[]string{"ck_measurements_money"}, "annual_revenue", apperr.Invalid, "Omzet dan modal tidak boleh negatif"},
	{[]string{"ck_measurements_year"}, "year", apperr.Invalid, "Tahun pengukuran tidak wajar"},
	{[]string{"ux_business_proposals_pending", "business_proposals.business_id"}, "", apperr.Conflict, "Masih ada usulan perubahan yang menunggu verifikasi petugas"},
	{[]string{"ck_users_role"}, "role", apperr.Invalid, "Peran pengguna tidak dikenal"},
	{[]string{"ux_assessments_client_ref", "assessments.business_id, assessments.client_ref"}, "", apperr.Conflict, "Penilaian ini sudah tersimpan"},
	{[]string{"ux_assessments_verified_from", "assessments.verified_from"}, "verified_from", apperr.Conflict, "Penilaian mandiri ini sudah diverifikasi"},
	{[]string{"ck_assessments_append_only"}, "", apperr.Conflict, "Penilaian tidak dapat diubah atau dihapus; buat penilaian baru"},
	{[]string{"ck_assessments_source"}, "source", apperr.Invalid, "Sumber penilaian tidak dikenal"},
	{[]string{"ck_assessments_level"}, "level", apperr.Invalid, "Level harus 1 sampai 5"},
	{[]string{"ux_halal_allocations_business", "halal_allocations.quota_id, halal_allocations.business_id"}, "business_ids", apperr.Conflict, "Usaha sudah dialokasikan ke kuota ini"},
	{[]string{"ck_halal_quotas_total"}, "total", apperr.Invalid, "Jumlah tempat kuota harus lebih dari 0"},
	{[]string{"ck_halal_quotas_dates"}, "closes_on", apperr.Invalid, "Tanggal tutup harus sesudah tanggal buka"},
	{[]string{"ck_permits_kind"}, "kind", apperr.Invalid, "Jenis izin tidak dikenal"},
	{[]string{"ck_permits_status"}, "status", apperr.Invalid, "Status izin tidak dikenal"},
	{[]string{"ux_messages_sent_key", "messages_sent.business_id, messages_sent.kind"}, "", apperr.Conflict, "Pesan ini sudah ditandai terkirim"},
	{[]string{"ux_capital_referrals_need_partner", "capital_referrals.need_id, capital_referrals.partner_id"}, "partner_id", apperr.Conflict, "Kebutuhan modal ini sudah dirujuk ke bank tersebut"},
	{[]string{"ck_capital_needs_amount"}, "amount", apperr.Invalid, "Jumlah kebutuhan modal harus lebih dari Rp0"},
	{[]string{"ux_curation_entries_product", "curation_entries.curation_id, curation_entries.product_id"}, "product_id", apperr.Conflict, "Produk ini sudah masuk kurasi tersebut"},
	{[]string{"ux_listings_active", "listings.product_id, listings.partner_id"}, "product_id", apperr.Conflict, "Produk ini sudah dipajang di ritel tersebut"},
	{[]string{"ck_listing_sales_amounts"}, "units", apperr.Invalid, "Jumlah dan nilai penjualan tidak boleh negatif"},
	{[]string{"ck_curations_capacity"}, "capacity", apperr.Invalid, "Kapasitas kurasi harus lebih dari 0"},
	{[]string{"ck_assessments_verification"}, "visit_date", apperr.Invalid, "Verifikasi butuh penilaian mandiri yang diverifikasi dan tanggal kunjungan"},
}

// MapError turns a driver error into an apperr error: constraint violations
// become Conflict or Invalid with an Indonesian message, a busy database a
// Conflict asking to retry. apperr errors, nil and context errors pass
// unchanged; anything else stays internal (logged, never shown).
func (db *DB) MapError(err error) error { return MapError(db.Dialect, err) }

// MapError is DB.MapError for code holding only a Dialect.
func MapError(d Dialect, err error) error {
	if err == nil {
		return nil
	}
	var ae *apperr.Error
	if errors.As(err, &ae) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if v, ok := d.Classify(err); ok {
		for _, c := range constraints {
			for _, m := range c.match {
				if strings.Contains(v.Name, m) {
					e := apperr.Wrap(c.code, err, c.msg)
					if c.field != "" {
						e.Fields = map[string]string{c.field: c.msg}
					}
					return e
				}
			}
		}
		switch v.Kind {
		case "unique":
			return apperr.Wrap(apperr.Conflict, err, "Data yang sama sudah ada")
		case "foreign_key":
			return apperr.Wrap(apperr.Invalid, err, "Data yang dirujuk tidak ditemukan atau masih dipakai")
		case "not_null":
			return apperr.Wrap(apperr.Invalid, err, "Ada isian wajib yang kosong")
		default:
			return apperr.Wrap(apperr.Invalid, err, "Data ditolak oleh aturan basis data")
		}
	}
	if d.Busy(err) {
		return apperr.Wrap(apperr.Conflict, err, "Basis data sedang sibuk. Silakan coba lagi.")
	}
	return err
}

// errBusinessNotFound is the error for an absent business.
var errBusinessNotFound = apperr.New(apperr.NotFound, "Data usaha tidak ditemukan")

// staleVersion is the Conflict of an update carrying an outdated version.
func staleVersion() error {
	return apperr.New(apperr.Conflict, "Data ini sudah diubah orang lain. Muat ulang lalu ulangi perubahan Anda.")
}
