package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
)

// auditRow is one audit entry as the audit page shows it: what changed,
// named in Indonesian, with each field's value before and after in words.
type auditRow struct {
	audit.Entry
	What    string // "Usaha", "Pendaftaran program", …
	Link    string // page of the changed record, "" when it has none
	Note    string // a line that explains the entry, e.g. "dibuat oleh impor #12, baris 7"
	Changes []auditChange
}

// auditChange is one field of an entry.
type auditChange struct {
	Field, Before, After string
}

// entityLabels name the audited records; an entity not listed shows its code
// with spaces, so a new one is still readable.
var entityLabels = map[string]string{
	"business": "Usaha", "user": "Pengguna", "program": "Program", "application": "Pendaftaran program",
	"assessment": "Penilaian kematangan", "attendance": "Kehadiran", "certificate": "Sertifikat",
	"measurement": "Ukuran usaha", "office": "Identitas kantor", "partner": "Mitra", "permit": "Izin usaha",
	"selection": "Seleksi", "test_scores": "Nilai tes", "token": "Token API", "follow_up": "Pendampingan",
}

// actionLabels name what was done.
var actionLabels = map[string]string{audit.Create: "Tambah", audit.Update: "Ubah", audit.Archive: "Arsip"}

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
}

// bookkeepingFields say nothing to a reader of the log.
var bookkeepingFields = map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true}

// moneyFields hold rupiah.
var moneyFields = map[string]bool{"annual_revenue": true, "capital": true, "budget": true, "amount": true,
	"price": true, "max_annual_revenue": true}

// codeLabels turn a field's code value into its label.
var codeLabels = map[string]func(string) string{
	"size_class": classLabel, "halal_status": halalLabel, "role": func(s string) string { return auth.RoleLabel(auth.Role(s)) },
	"sector": region.SectorName, "topics": programs.TopicLabel, "source": assessment.SourceLabel, "kind": kindLabel,
	"village_code": region.All().Name, "district_code": region.All().Name, "districts": region.All().Name,
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

// statusLabels read a status by the record it belongs to.
var statusLabels = map[string]func(string) string{
	"application": programs.AppStatusLabel, "program": programs.StatusLabel,
	"business": func(s string) string {
		switch s {
		case "active":
			return "Aktif"
		case "archived":
			return "Diarsipkan"
		}
		return s
	},
}

// newAuditRow reads an entry for the page.
func newAuditRow(e audit.Entry) auditRow {
	row := auditRow{Entry: e, What: entityLabels[e.Entity]}
	if row.What == "" {
		row.What = strings.ReplaceAll(e.Entity, "_", " ")
	}
	before, after := jsonObject(e.Before), jsonObject(e.After)
	switch e.Entity {
	case "business":
		row.Link = fmt.Sprintf("/usaha/%d", e.EntityID)
	case "program", "selection":
		row.Link = fmt.Sprintf("/program/%d", e.EntityID)
	}
	if row.Link == "" { // a programme's record of one business: its programme, else the business
		if id, ok := after["program_id"].(float64); ok {
			row.Link = fmt.Sprintf("/program/%d", int64(id))
		} else if id, ok := after["business_id"].(float64); ok {
			row.Link = fmt.Sprintf("/usaha/%d", int64(id))
		}
	}
	// an imported creation is recorded by reference to its import and row
	if id, ok := after["import_id"].(float64); ok && len(after) <= 2 {
		row.Note = fmt.Sprintf("dibuat oleh impor #%d", int64(id))
		if r, ok := after["row"].(float64); ok {
			row.Note += fmt.Sprintf(", baris %d", int64(r))
		}
		return row
	}
	keys := map[string]bool{}
	for k := range before {
		keys[k] = !bookkeepingFields[k]
	}
	for k := range after {
		keys[k] = !bookkeepingFields[k]
	}
	sorted := make([]string, 0, len(keys))
	for k, show := range keys {
		if show {
			sorted = append(sorted, k)
		}
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		c := auditChange{Field: fieldLabel(k), Before: "—", After: "—"}
		if v, ok := before[k]; ok {
			c.Before = auditValue(e.Entity, k, v)
		}
		if v, ok := after[k]; ok {
			c.After = auditValue(e.Entity, k, v)
		}
		if before == nil {
			c.Before = ""
		}
		row.Changes = append(row.Changes, c)
	}
	return row
}

func fieldLabel(k string) string {
	if l, ok := fieldLabels[k]; ok {
		return l
	}
	return strings.ReplaceAll(k, "_", " ")
}

// jsonObject reads a JSON object; null or anything else is nil.
func jsonObject(raw json.RawMessage) map[string]any {
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	if d.Decode(&m) != nil {
		return nil
	}
	return m
}

var (
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	isoTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T`)
)

// auditValue writes one field's value in words: labels for codes, rupiah
// for money, Indonesian dates and numbers, "—" for nothing.
func auditValue(entity, key string, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return "ya"
		}
		return "tidak"
	case float64:
		switch {
		case moneyFields[key]:
			return idfmt.Rupiah(int64(x))
		case strings.HasSuffix(key, "_id") || key == "id" || key == "year" || key == "founded_year" || key == "seed":
			return fmt.Sprintf("%d", int64(x))
		}
		return idfmt.Decimal(x, 2)
	case string:
		if x == "" {
			return "—"
		}
		if key == "status" {
			if f, ok := statusLabels[entity]; ok {
				return f(x)
			}
		}
		if f, ok := codeLabels[key]; ok {
			if l := f(x); l != "" {
				return l
			}
		}
		if isoDate.MatchString(x) {
			return idfmt.DateString(x)
		}
		if isoTime.MatchString(x) {
			if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
				return idfmt.DateTime(t)
			}
		}
		return x
	case []any:
		if len(x) == 0 {
			return "—"
		}
		parts := make([]string, len(x))
		for i, item := range x {
			if m, ok := item.(map[string]any); ok {
				parts[i] = auditObject(entity, m)
				continue
			}
			parts[i] = auditValue(entity, key, item)
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		return auditObject(entity, x)
	}
	return fmt.Sprint(v)
}

// auditObject writes a nested record: its name when it has one (a product),
// else its fields.
func auditObject(entity string, m map[string]any) string {
	if name, ok := m["name"].(string); ok && name != "" {
		return name
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fieldLabel(k)+" "+auditValue(entity, k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// ActionLabel is what was done, in Indonesian.
func (r auditRow) ActionLabel() string {
	if l, ok := actionLabels[r.Action]; ok {
		return l
	}
	return r.Action
}
