// Package funding is the ledger of gotong royong: what partners commit to
// the office (money, or help in kind valued in rupiah), what they deliver
// against each commitment, and how delivered value is allocated to
// programmes. From it come each programme's cost per participant, completer
// and outcome, and per partner and year what was committed, realised,
// allocated and is still unspent. It knows neither HTTP nor SQL.
package funding

import (
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Kinds of commitment.
const (
	KindMoney  = "money"
	KindInKind = "in_kind"
)

// KindLabel is the Indonesian name of a commitment kind.
func KindLabel(k string) string { return idfmt.Label(kindLabels, k) }

var kindLabels = map[string]string{KindMoney: "Uang", KindInKind: "Natura (barang/jasa)"}

// Commitment is a partner's promise for one budget year, under an agreement
// (MoU or PKS). In-kind help (trainers, venue, shelf space, packaging design,
// equipment) is valued in rupiah so that it can be realised and allocated
// like money; Description says what it is.
type Commitment struct {
	ID          int64     `json:"id"`
	PartnerID   int64     `json:"partner_id"`
	PartnerName string    `json:"partner_name"`
	Kind        string    `json:"kind"`
	Amount      int64     `json:"amount"`
	Year        int       `json:"year"`
	Reference   string    `json:"reference"`   // MoU/PKS number
	Description string    `json:"description"` // what in-kind help consists of
	StartsOn    string    `json:"starts_on"`   // agreement in force from (YYYY-MM-DD, optional)
	EndsOn      string    `json:"ends_on"`     // and until (optional)
	Realised    int64     `json:"realised"`    // sum of its realisations
	Allocated   int64     `json:"allocated"`   // sum of its allocations
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// Available is what was delivered and not yet allocated to a programme.
func (c *Commitment) Available() int64 { return c.Realised - c.Allocated }

// Realisation is value actually received or delivered against a commitment.
type Realisation struct {
	ID           int64     `json:"id"`
	CommitmentID int64     `json:"commitment_id"`
	Amount       int64     `json:"amount"`
	Date         string    `json:"date"` // YYYY-MM-DD
	Note         string    `json:"note"`
	CreatedBy    string    `json:"created_by"`
	CreatedAt    time.Time `json:"created_at"`
}

// Allocation gives part of a commitment's realised value to a programme.
type Allocation struct {
	ID           int64     `json:"id"`
	CommitmentID int64     `json:"commitment_id"`
	ProgramID    int64     `json:"program_id"`
	PartnerID    int64     `json:"partner_id"`
	PartnerName  string    `json:"partner_name"`
	Kind         string    `json:"kind"`
	Amount       int64     `json:"amount"`
	Note         string    `json:"note"`
	CreatedBy    string    `json:"created_by"`
	CreatedAt    time.Time `json:"created_at"`
}

// Years the ledger accepts: agreements of the regional office, not history.
const (
	MinYear = 2000
	MaxYear = 2100
)

// Validate normalises c and returns per-field Indonesian messages.
func (c *Commitment) Validate() map[string]string {
	c.Kind, c.Reference, c.Description = strings.TrimSpace(c.Kind), strings.TrimSpace(c.Reference), strings.TrimSpace(c.Description)
	c.StartsOn, c.EndsOn = strings.TrimSpace(c.StartsOn), strings.TrimSpace(c.EndsOn)
	f := map[string]string{}
	if c.Kind != KindMoney && c.Kind != KindInKind {
		f["kind"] = "Jenis komitmen harus money (uang) atau in_kind (natura)"
	}
	if msg := amountMessage(c.Amount); msg != "" {
		f["amount"] = msg
	}
	if c.Year < MinYear || c.Year > MaxYear {
		f["year"] = fmt.Sprintf("Tahun anggaran harus antara %d dan %d", MinYear, MaxYear)
	}
	if c.Kind == KindInKind && c.Description == "" {
		f["description"] = "Uraikan bantuan natura (mis. pelatih, tempat, rak ritel, desain kemasan, peralatan)"
	}
	if len(c.Reference) > 200 {
		f["reference"] = "Nomor MoU/PKS paling panjang 200 karakter"
	}
	if len(c.Description) > 2000 {
		f["description"] = "Uraian paling panjang 2.000 karakter"
	}
	for field, d := range map[string]string{"starts_on": c.StartsOn, "ends_on": c.EndsOn} {
		if d == "" {
			continue
		}
		if _, err := registry.ParseDate(d); err != nil {
			f[field] = "Tanggal harus berformat TTTT-BB-HH"
		}
	}
	if f["starts_on"] == "" && f["ends_on"] == "" && c.StartsOn != "" && c.EndsOn != "" && c.EndsOn < c.StartsOn {
		f["ends_on"] = "Tanggal berakhir harus sesudah tanggal mulai"
	}
	return f
}

// Validate normalises r and returns per-field Indonesian messages.
func (r *Realisation) Validate(today string) map[string]string {
	r.Date, r.Note = strings.TrimSpace(r.Date), strings.TrimSpace(r.Note)
	f := map[string]string{}
	if msg := amountMessage(r.Amount); msg != "" {
		f["amount"] = msg
	}
	if _, err := registry.ParseDate(r.Date); err != nil {
		f["date"] = "Tanggal penerimaan harus berformat TTTT-BB-HH"
	} else if r.Date > today {
		f["date"] = "Tanggal penerimaan tidak boleh di masa depan"
	}
	if len(r.Note) > 2000 {
		f["note"] = "Catatan paling panjang 2.000 karakter"
	}
	return f
}

// Validate normalises al and returns per-field Indonesian messages.
func (al *Allocation) Validate() map[string]string {
	al.Note = strings.TrimSpace(al.Note)
	f := map[string]string{}
	if al.CommitmentID <= 0 {
		f["commitment_id"] = "Pilih komitmen mitra yang dialokasikan"
	}
	if msg := amountMessage(al.Amount); msg != "" {
		f["amount"] = msg
	}
	if len(al.Note) > 2000 {
		f["note"] = "Catatan paling panjang 2.000 karakter"
	}
	return f
}

func amountMessage(n int64) string {
	switch {
	case n <= 0:
		return "Nilai harus lebih dari nol rupiah"
	case n > registry.MaxRupiah:
		return "Nilai paling besar " + idfmt.Rupiah(registry.MaxRupiah)
	}
	return ""
}

// ErrOverRealised is the refusal of a realisation that would take a
// commitment past its promised amount; remaining is what may still arrive.
func ErrOverRealised(remaining int64) error {
	return apperr.Validation(map[string]string{"amount": "Realisasi melebihi komitmen: sisa yang belum terealisasi " +
		idfmt.Rupiah(remaining)})
}

// ErrOverAllocated is the refusal of an allocation larger than what the
// commitment has delivered and not yet allocated.
func ErrOverAllocated(available int64) error {
	return apperr.Validation(map[string]string{"amount": "Alokasi melebihi dana yang sudah diterima dan belum dialokasikan: tersedia " +
		idfmt.Rupiah(available)})
}
