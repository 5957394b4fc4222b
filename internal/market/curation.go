package market

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A curation round (kurasi) is a retailer's session, on a date at a place,
// where products are put before its buyers. Officers enter products; each
// entry is pre-checked against the retailer's requirements when entered,
// and decided by an officer of the business's area or by the retailer's
// own mitra account. A mitra sees its own rounds only; an entry names the
// business and the product and holds nothing personal (no field for it).

// Decisions on an entry.
const (
	DecisionPass = "lolos"       // may be listed
	DecisionFix  = "perbaikan"   // may come back after the fixes
	DecisionFail = "tidak_lolos" // not taken
)

// Decisions lists the decisions in the order forms show them.
var Decisions = []string{DecisionPass, DecisionFix, DecisionFail}

// DecisionLabel is the Indonesian name of a decision ("Menunggu" when none).
func DecisionLabel(d string) string {
	switch d {
	case DecisionPass:
		return "Lolos"
	case DecisionFix:
		return "Perbaikan"
	case DecisionFail:
		return "Tidak lolos"
	}
	return "Menunggu"
}

// Retailer is a partner of kind ritel as the market sees it.
type Retailer struct {
	ID           int64
	Name         string
	Kind         string
	Requirements Requirements
}

// Curation is one round.
type Curation struct {
	ID           int64           `json:"id"`
	PartnerID    int64           `json:"partner_id"`
	PartnerName  string          `json:"partner_name"`
	HeldOn       string          `json:"held_on"` // YYYY-MM-DD
	Place        string          `json:"place"`
	Capacity     int             `json:"capacity"`
	EntryCount   int             `json:"entry_count"`
	Passed       int             `json:"passed"`
	Entries      []CurationEntry `json:"entries,omitempty"` // filled for one round
	CreatedBy    string          `json:"created_by"`
	CreatedAt    time.Time       `json:"created_at"`
	Requirements []string        `json:"requirements,omitempty"` // the retailer's, in words, for one round
}

// CurationEntry is one product put before a round.
type CurationEntry struct {
	ID            int64      `json:"id"`
	CurationID    int64      `json:"curation_id"`
	ProductID     int64      `json:"product_id"`
	ProductName   string     `json:"product_name"`
	BusinessID    int64      `json:"business_id"`
	BusinessName  string     `json:"business_name"`
	DistrictCode  string     `json:"district_code"`
	District      string     `json:"district"`
	VillageCode   string     `json:"-"` // for the area check only
	MonthlySupply int        `json:"monthly_supply"`
	Unmet         []string   `json:"unmet"` // the pre-check: every requirement not met, in words
	Decision      string     `json:"decision"`
	Fixes         []string   `json:"fixes"`
	Note          string     `json:"note"`
	DecidedBy     string     `json:"decided_by"`
	DecidedAt     *time.Time `json:"decided_at"`
	CreatedBy     string     `json:"created_by"`
	CreatedAt     time.Time  `json:"created_at"`
}

// Decision is what a decider sends about an entry.
type Decision struct {
	Decision string   `json:"decision"`
	Fixes    []string `json:"fixes"`
	Note     string   `json:"note"`
}

// Limits of a round and a decision.
const (
	maxCapacity = 1000
	maxFixes    = 20
)

// Validate checks a new round's own fields (the retailer is checked by the
// service) and returns an Indonesian message per bad field.
func (c *Curation) Validate() map[string]string {
	c.Place, c.HeldOn = strings.TrimSpace(c.Place), strings.TrimSpace(c.HeldOn)
	f := map[string]string{}
	if c.PartnerID <= 0 {
		f["partner_id"] = "Pilih mitra ritel"
	}
	if _, err := time.Parse(time.DateOnly, c.HeldOn); err != nil {
		f["held_on"] = "Tanggal kurasi dengan format TTTT-BB-HH, mis. 2026-03-12"
	}
	switch n := utf8.RuneCountInString(c.Place); {
	case n == 0:
		f["place"] = "Tempat kurasi wajib diisi"
	case n > maxText:
		f["place"] = fmt.Sprintf("Tempat paling panjang %d karakter", maxText)
	}
	if c.Capacity < 1 || c.Capacity > maxCapacity {
		f["capacity"] = fmt.Sprintf("Kapasitas 1 sampai %d produk", maxCapacity)
	}
	return f
}

// Validate checks a decision and tidies its fixes; a perbaikan needs at
// least one fix, the other decisions carry none.
func (d *Decision) Validate() map[string]string {
	f := map[string]string{}
	d.Note = strings.TrimSpace(d.Note)
	fixes := []string{}
	for _, x := range d.Fixes {
		if x = strings.TrimSpace(x); x != "" {
			fixes = append(fixes, x)
		}
	}
	d.Fixes = fixes
	switch {
	case !slices.Contains(Decisions, d.Decision):
		f["decision"] = "Keputusan harus lolos, perbaikan atau tidak_lolos"
	case d.Decision == DecisionFix && len(d.Fixes) == 0:
		f["fixes"] = "Sebutkan perbaikan yang diminta"
	case d.Decision != DecisionFix:
		d.Fixes = []string{}
	}
	if len(d.Fixes) > maxFixes {
		f["fixes"] = fmt.Sprintf("Paling banyak %d perbaikan", maxFixes)
	}
	for _, x := range d.Fixes {
		if utf8.RuneCountInString(x) > maxText {
			f["fixes"] = fmt.Sprintf("Setiap perbaikan paling panjang %d karakter", maxText)
		}
	}
	if utf8.RuneCountInString(d.Note) > 500 {
		f["note"] = "Catatan paling panjang 500 karakter"
	}
	return f
}
