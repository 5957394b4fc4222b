package market

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
)

// Requirements are what a retailer (a partner of kind ritel) asks of a
// product before it takes it on its shelves. Each field is one entry of
// RequirementCatalogue; a zero value asks nothing.
type Requirements struct {
	Halal            bool `json:"halal,omitempty"`
	PIRTOrBPOM       bool `json:"pirt_or_bpom,omitempty"`
	Barcode          bool `json:"barcode,omitempty"`
	MinShelfLifeDays int  `json:"min_shelf_life_days,omitempty"`
	MinMonthlySupply int  `json:"min_monthly_supply,omitempty"`
	MinLabelScore    int  `json:"min_label_score,omitempty"`
	Brand            bool `json:"brand,omitempty"`
}

// Requirement is one entry of the catalogue retailers choose from: a yes/no
// requirement (Flag) or a minimum (Min, with its limit and unit).
type Requirement struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Unit  string `json:"unit,omitempty"` // minimums only
	Max   int    `json:"max,omitempty"`  // minimums only: the largest sensible value
	flag  func(*Requirements) *bool
	min   func(*Requirements) *int
	// unmet words why c falls short of the requirement set to min (1
	// for a yes/no one), or "" when it meets it.
	unmet func(min int, c *Candidate) string
}

// RequirementCatalogue lists every requirement a retailer may set, in the
// order forms and pages show them, each with the reason the pre-check of a
// curation gives when a product does not meet it. The JSON names are the IDs.
var RequirementCatalogue = []Requirement{
	{ID: "halal", Label: "Sertifikat halal", flag: func(r *Requirements) *bool { return &r.Halal },
		unmet: func(_ int, c *Candidate) string {
			switch {
			case c.Product.HalalNumber == "":
				return "belum ada sertifikat halal"
			case !c.Product.HalalVerified:
				return "sertifikat halal belum diverifikasi petugas"
			}
			return ""
		}},
	{ID: "pirt_or_bpom", Label: "P-IRT atau BPOM MD", flag: func(r *Requirements) *bool { return &r.PIRTOrBPOM },
		unmet: func(_ int, c *Candidate) string {
			p := c.Product
			switch {
			case p.PIRTNumber == "" && p.BPOMNumber == "":
				return "belum ada P-IRT atau BPOM MD"
			case !(p.PIRTNumber != "" && p.PIRTVerified) && !(p.BPOMNumber != "" && p.BPOMVerified):
				return "nomor P-IRT/BPOM belum diverifikasi petugas"
			}
			return ""
		}},
	{ID: "barcode", Label: "Barcode EAN-8/EAN-13", flag: func(r *Requirements) *bool { return &r.Barcode },
		unmet: func(_ int, c *Candidate) string {
			if c.Product.Barcode == "" {
				return "belum ada barcode EAN-8/EAN-13"
			}
			return ""
		}},
	{ID: "brand", Label: "Merek", flag: func(r *Requirements) *bool { return &r.Brand },
		unmet: func(_ int, c *Candidate) string {
			if strings.TrimSpace(c.Brand) == "" {
				return "belum ada merek"
			}
			return ""
		}},
	{ID: "min_shelf_life_days", Label: "Umur simpan minimal", Unit: "hari", Max: maxShelfLife,
		min: func(r *Requirements) *int { return &r.MinShelfLifeDays },
		unmet: func(min int, c *Candidate) string {
			return below(c.Product.ShelfLifeDays, min, "umur simpan belum diisi (minimal %s hari)", "umur simpan %s hari < %s hari")
		}},
	{ID: "min_monthly_supply", Label: "Pasokan per bulan minimal", Unit: "unit", Max: 10_000_000,
		min: func(r *Requirements) *int { return &r.MinMonthlySupply },
		unmet: func(min int, c *Candidate) string {
			return below(c.MonthlySupply, min, "pasokan per bulan belum diketahui (minimal %s unit)", "pasokan %s unit/bulan < %s unit/bulan")
		}},
	{ID: "min_label_score", Label: "Skor label minimal", Unit: "dari 100", Max: 100,
		min: func(r *Requirements) *int { return &r.MinLabelScore },
		unmet: func(min int, c *Candidate) string {
			if c.LabelScore == nil {
				return fmt.Sprintf("label belum diperiksa (skor minimal %d)", min)
			}
			if *c.LabelScore < min {
				return fmt.Sprintf("skor label %d < %d", *c.LabelScore, min)
			}
			return ""
		}},
}

// Candidate is what the pre-check of a curation knows of a product.
type Candidate struct {
	Product       *Product
	Brand         string // the business's brand
	MonthlySupply int    // units a month the business says it can deliver; 0 = not known
	LabelScore    *int   // the latest label check's score; nil = never checked
}

// Unmet names, in Indonesian, every requirement of r that c does not meet,
// in the catalogue's order; empty when c meets them all.
func (r *Requirements) Unmet(c *Candidate) []string {
	out := []string{}
	if r == nil {
		return out
	}
	for _, q := range RequirementCatalogue {
		if set := q.Value(r); set > 0 {
			if why := q.unmet(set, c); why != "" {
				out = append(out, why)
			}
		}
	}
	return out
}

// below words a value under its minimum: unknown (0) or too small.
func below(have, min int, unknown, less string) string {
	switch {
	case have <= 0:
		return fmt.Sprintf(unknown, idfmt.Number(int64(min)))
	case have < min:
		return fmt.Sprintf(less, idfmt.Number(int64(have)), idfmt.Number(int64(min)))
	}
	return ""
}

// IsMinimum reports whether the requirement is a number rather than yes/no.
func (q Requirement) IsMinimum() bool { return q.min != nil }

// Flag returns the yes/no value of the requirement in r.
func (q Requirement) Flag(r *Requirements) *bool { return q.flag(r) }

// Min returns the minimum of the requirement in r.
func (q Requirement) Min(r *Requirements) *int { return q.min(r) }

// UnmarshalJSON refuses a requirement that is not in the catalogue, so that
// a misspelt one is an error rather than a requirement silently dropped.
func (r *Requirements) UnmarshalJSON(b []byte) error {
	type plain Requirements
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return apperr.Validation(map[string]string{"requirements": fmt.Sprintf("Syarat ritel %s tidak dikenal; pilih dari: %s",
				name, strings.Join(RequirementIDs(), ", "))})
		}
		return err
	}
	*r = Requirements(p)
	return nil
}

// RequirementIDs lists the catalogue's IDs.
func RequirementIDs() []string {
	out := make([]string, len(RequirementCatalogue))
	for i, q := range RequirementCatalogue {
		out[i] = q.ID
	}
	return out
}

// Validate returns an Indonesian message per bad requirement (keyed
// requirements.<id>).
func (r *Requirements) Validate() map[string]string {
	f := map[string]string{}
	for _, q := range RequirementCatalogue {
		if !q.IsMinimum() {
			continue
		}
		if v := *q.Min(r); v < 0 || v > q.Max {
			f["requirements."+q.ID] = fmt.Sprintf("%s: 0 sampai %d %s", q.Label, q.Max, q.Unit)
		}
	}
	return f
}

// IsZero reports whether r asks nothing.
func (r *Requirements) IsZero() bool { return r == nil || *r == Requirements{} }

// Summary lists the requirements r sets, in words ("Sertifikat halal",
// "Umur simpan minimal 90 hari").
func (r *Requirements) Summary() []string {
	var out []string
	if r == nil {
		return out
	}
	for _, q := range RequirementCatalogue {
		switch {
		case q.IsMinimum() && *q.Min(r) > 0:
			out = append(out, fmt.Sprintf("%s %d %s", q.Label, *q.Min(r), q.Unit))
		case !q.IsMinimum() && *q.Flag(r):
			out = append(out, q.Label)
		}
	}
	return out
}

// Value is the requirement's value in r as a number (a yes/no one is 1 or
// 0), for forms; 0 when r is nil.
func (q Requirement) Value(r *Requirements) int {
	switch {
	case r == nil:
		return 0
	case q.IsMinimum():
		return *q.Min(r)
	case *q.Flag(r):
		return 1
	}
	return 0
}
