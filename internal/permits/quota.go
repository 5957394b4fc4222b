package permits

import (
	"time"

	"naikkelas/internal/idfmt"
)

// Quota is a window of free halal self-declare places (SEHATI): a provider
// offers Total places between OpensOn and ClosesOn. A provincial quota
// lapses at its close (the national pool takes over), so places left then
// are lost to the regency.
type Quota struct {
	ID        int64     `json:"id"`
	Provider  string    `json:"provider"`
	Scope     string    `json:"scope"` // provinsi | nasional | kabupaten | lainnya
	Total     int       `json:"total"`
	OpensOn   string    `json:"opens_on"`
	ClosesOn  string    `json:"closes_on"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`

	// Computed on reading, for the date asked.
	Allocated int    `json:"allocated"`
	Remaining int    `json:"remaining"`
	DaysLeft  int    `json:"days_left"` // calendar days until it closes, 0 once closed
	Open      bool   `json:"open"`
	Warning   string `json:"warning"`
}

// Quota scopes.
var QuotaScopes = []string{"provinsi", "nasional", "kabupaten", "lainnya"}

// Allocation is one business placed in a quota, with its assistant and day.
type Allocation struct {
	ID           int64     `json:"id"`
	QuotaID      int64     `json:"quota_id"`
	BusinessID   int64     `json:"business_id"`
	BusinessName string    `json:"business_name"`
	DistrictCode string    `json:"district_code"`
	Assistant    string    `json:"assistant"`
	PlannedOn    string    `json:"planned_on"`
	CreatedAt    time.Time `json:"created_at"`
	CreatedBy    string    `json:"created_by"`
}

// lapseWarnDays is how close to its end a quota with places left draws a
// warning: about the time a batch of applications takes to prepare.
const lapseWarnDays = 30

// status fills the computed fields of q for day.
func (q *Quota) status(day string) {
	q.Remaining = q.Total - q.Allocated
	d, _ := time.Parse(time.DateOnly, day)
	c, _ := time.Parse(time.DateOnly, q.ClosesOn)
	q.Open = q.OpensOn <= day && day <= q.ClosesOn
	if day <= q.ClosesOn {
		q.DaysLeft = int(c.Sub(d).Hours()/24) + 1 // the closing day counts
	}
	switch {
	case q.Remaining <= 0:
	case day > q.ClosesOn && q.Scope == "provinsi":
		q.Warning = "Kuota provinsi sudah ditutup dengan tempat tersisa; tempat itu hangus ke kuota nasional"
	case day > q.ClosesOn:
		q.Warning = "Kuota sudah ditutup dengan tempat tersisa"
	case q.DaysLeft <= lapseWarnDays && q.Scope == "provinsi":
		q.Warning = "Kuota provinsi akan hangus: " + idfmt.Number(int64(q.Remaining)) + " tempat belum terpakai, " + idfmt.Number(int64(q.DaysLeft)) +
			" hari lagi ditutup"
	case q.DaysLeft <= lapseWarnDays:
		q.Warning = idfmt.Number(int64(q.Remaining)) + " tempat belum terpakai, " + idfmt.Number(int64(q.DaysLeft)) + " hari lagi ditutup"
	}
}
