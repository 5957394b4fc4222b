package duplicates

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// Merge is one merge of two records of a business: the merged record's
// linked rows moved to the kept one, which took some of its fields. What
// could not move (the kept record already had the same: an application to
// the same programme, say) stays with the merged record, which is archived
// and answers "not found"; undo restores both exactly as they were.
type Merge struct {
	ID       int64      `json:"id"`
	KeptID   int64      `json:"keep"`
	MergedID int64      `json:"merge"`
	MergedBy string     `json:"merged_by"`
	MergedAt time.Time  `json:"merged_at"`
	UndoneBy string     `json:"undone_by,omitempty"`
	UndoneAt *time.Time `json:"undone_at,omitempty"`
	Detail
}

// Detail is what a merge did: the fields the kept record took from the
// merged one, per table the rows moved and the rows left behind, and the
// programmes both records applied to where the kept record took the merged
// one's application, which went further (its own stays behind).
type Detail struct {
	Fields []string       `json:"fields"`
	Moved  map[string]int `json:"moved"`
	Left   map[string]int `json:"left"`
	Taken  []int64        `json:"applications_taken,omitempty"`
}

// MergeStore keeps merges and their undo.
type MergeStore interface {
	// MergeBusinesses, in one transaction: moves every row linked to
	// business m.MergedID to kept (rows that would break a unique rule stay,
	// counted in m.Left; of a programme both applied to, kept ends with the
	// application that went further and the rows that belong with it, the
	// other stays, and m.Taken names the programmes where it is the merged
	// record's), saves kept as UpdateBusiness does (kept.Version
	// checked), archives the merged record pointing at kept, records the merge
	// with what its undo needs and writes e. Sets m.ID, m.Moved and m.Left.
	MergeBusinesses(ctx context.Context, kept *registry.Business, m *Merge, e *audit.Entry) error
	// UndoMerge, in one transaction, moves the rows back and restores both
	// records as they were before merge id, marks it undone and writes e.
	// Conflict when it was undone already or either record changed since.
	UndoMerge(ctx context.Context, id int64, by string, at time.Time, e *audit.Entry) (*Merge, error)
	// GetMerge returns a merge, or NotFound.
	GetMerge(ctx context.Context, id int64) (*Merge, error)
}

// Choice names a field's source in a merge request.
const (
	FromKept   = "keep"
	FromMerged = "merge"
)

// mergeField is a business field a merge decides. A permit field (NIB,
// P-IRT, halal, BPOM, HKI) follows its permit records, which move: it only
// fills a blank of the kept record and is never chosen over a kept value.
type mergeField struct {
	Name   string
	Label  string
	Permit bool
}

// MergeFields are the fields a merge decides, in the order a page shows them.
// The figures (revenue, capital, employees, size class) are not among them:
// they follow the measurements, which move; so does the product list
// follow the product records.
var MergeFields = []mergeField{
	{"name", "Nama usaha", false},
	{"brand", "Merek", false},
	{"owner_name", "Nama pemilik", false},
	{"nik", "NIK", false},
	{"owner_gender", "Jenis kelamin", false},
	{"owner_birth_date", "Tanggal lahir", false},
	{"phone", "No. HP", false},
	{"email", "Email", false},
	{"village_code", "Desa", false},
	{"address", "Alamat", false},
	{"latitude", "Lintang", false},
	{"longitude", "Bujur", false},
	{"kbli", "KBLI", false},
	{"sector", "Sektor", false},
	{"founded_year", "Tahun berdiri", false},
	{"notes", "Keterangan", false},
	{"nib", "NIB", true},
	{"pirt_number", "Nomor P-IRT", true},
	{"pirt_expires_on", "P-IRT berlaku sampai", true},
	{"halal_status", "Status halal", true},
	{"halal_number", "Nomor sertifikat halal", true},
	{"halal_expires_on", "Halal berlaku sampai", true},
	{"bpom_number", "Nomor BPOM", true},
	{"hki_number", "Nomor HKI", true},
}

// blank is a field value that says nothing: an empty text, list or number,
// or halal status "none".
func blank(raw json.RawMessage) bool {
	switch string(bytes.TrimSpace(raw)) {
	case "", `""`, "null", "0", "[]", `"none"`:
		return true
	}
	return false
}

// combine returns kept with merged's values where choice asks for them or
// where kept is blank, and the names of the fields taken from merged.
func combine(kept, merged *registry.Business, choice map[string]string) (*registry.Business, []string, error) {
	for name, from := range choice {
		i := slices.IndexFunc(MergeFields, func(f mergeField) bool { return f.Name == name })
		switch {
		case i < 0:
			return nil, nil, apperr.Validation(map[string]string{"fields": "Kolom tidak dikenal: " + name})
		case from != FromKept && from != FromMerged:
			return nil, nil, apperr.Validation(map[string]string{"fields": "Pilih \"keep\" atau \"merge\" untuk " + name})
		case from == FromMerged && MergeFields[i].Permit:
			return nil, nil, apperr.Validation(map[string]string{"fields": MergeFields[i].Label +
				" mengikuti catatan izin: hanya mengisi yang kosong"})
		}
	}
	var k, m map[string]json.RawMessage
	if err := roundTrip(kept, &k); err != nil {
		return nil, nil, err
	}
	if err := roundTrip(merged, &m); err != nil {
		return nil, nil, err
	}
	taken := []string{}
	for _, f := range MergeFields {
		from := choice[f.Name]
		if from == "" && blank(k[f.Name]) && !blank(m[f.Name]) {
			from = FromMerged
		}
		if from == FromMerged && !bytes.Equal(k[f.Name], m[f.Name]) {
			k[f.Name] = m[f.Name]
			taken = append(taken, f.Name)
		}
	}
	out := &registry.Business{}
	if err := roundTrip(k, out); err != nil {
		return nil, nil, err
	}
	return out, taken, nil
}

func roundTrip(from, to any) error {
	raw, err := json.Marshal(from)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, to)
}

// MergeRequest is the body of a merge: the business kept, the one merged
// into it, and optionally per field which of the two gives the value.
type MergeRequest struct {
	Keep   int64             `json:"keep"`
	Merge  int64             `json:"merge"`
	Fields map[string]string `json:"fields"`
}

// Merge merges business r.Merge into r.Keep. Only officers, and an
// operator only when both are in the area (else NotFound).
func (s *Service) Merge(ctx context.Context, actor auth.Actor, r MergeRequest) (*Merge, error) {
	if !actor.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat menggabungkan data usaha")
	}
	if r.Keep <= 0 || r.Merge <= 0 {
		return nil, apperr.Validation(map[string]string{"keep": "Isi ID usaha yang dipertahankan dan yang digabung"})
	}
	if r.Keep == r.Merge {
		return nil, apperr.Validation(map[string]string{"merge": "Pilih dua usaha yang berbeda"})
	}
	kept, err := s.Registry.Get(ctx, actor, r.Keep)
	if err != nil {
		return nil, err
	}
	merged, err := s.Registry.Get(ctx, actor, r.Merge)
	if err != nil {
		return nil, err
	}
	for _, b := range []*registry.Business{kept, merged} {
		if b.Status != registry.StatusActive {
			return nil, apperr.New(apperr.Conflict, "Usaha #%d sudah diarsipkan dan tidak dapat digabung", b.ID)
		}
	}
	if !actor.SeesPersonalData() {
		return nil, apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat menggabungkan data usaha")
	}
	next, taken, err := combine(kept, merged, r.Fields)
	if err != nil {
		return nil, err
	}
	next.ID, next.Version, next.Status, next.CreatedAt = kept.ID, kept.Version, kept.Status, kept.CreatedAt
	next.AnnualRevenue, next.Capital, next.Employees = kept.AnnualRevenue, kept.Capital, kept.Employees
	next.SizeClass, next.SizeBasis = kept.SizeClass, kept.SizeBasis
	next.Normalize()
	if err := apperr.Validation(next.Validate(s.Registry.Regions, s.Registry.Jurisdiction, s.Now())); err != nil {
		return nil, err
	}
	m := &Merge{KeptID: kept.ID, MergedID: merged.ID, MergedBy: actor.Username, MergedAt: s.Now().UTC(),
		Detail: Detail{Fields: taken}}
	e := &audit.Entry{UserID: actor.UserID, Username: actor.Username, Entity: "business", EntityID: kept.ID,
		Action: "merge", Before: mustJSON(map[string]any{"keep": kept.ID, "merge": merged.ID}),
		After: mustJSON(map[string]any{"keep": kept.ID, "merge": merged.ID, "fields": taken})}
	if err := s.Store.MergeBusinesses(ctx, next, m, e); err != nil {
		return nil, err
	}
	return m, nil
}

// Undo restores the two records of merge id as they were. Only officers
// who reach the kept business may.
func (s *Service) Undo(ctx context.Context, actor auth.Actor, id int64) (*Merge, error) {
	if !actor.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat membatalkan penggabungan")
	}
	m, err := s.Store.GetMerge(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.Registry.Get(ctx, actor, m.KeptID); err != nil {
		return nil, apperr.New(apperr.NotFound, "Penggabungan tidak ditemukan")
	}
	e := &audit.Entry{UserID: actor.UserID, Username: actor.Username, Entity: "business", EntityID: m.KeptID,
		Action: "merge_undo", After: mustJSON(map[string]any{"merge_id": id, "keep": m.KeptID, "merge": m.MergedID})}
	return s.Store.UndoMerge(ctx, id, actor.Username, s.Now().UTC(), e)
}

func mustJSON(v any) json.RawMessage {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("duplicates: %v", err))
	}
	return raw
}
