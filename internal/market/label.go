package market

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"time"

	"naikkelas/internal/permits"
)

// A label check is an officer's inspection of one product's real label and
// packaging against the elements in label_elements.json (BPOM 31/2018 as
// amended by 20/2021, PP 69/1999, and what retailers' curations ask). The
// elements are data, like the assessment instrument: a new regulation is a
// new version of the file, and a stored check keeps the text of its day.

//go:embed label_elements.json
var labelElementsJSON []byte

// LabelElement is one thing a label or its packaging must have.
type LabelElement struct {
	ID         string `json:"id"`
	Group      string `json:"group"` // "label" or "packaging"
	Weight     int    `json:"weight"`
	Label      string `json:"label"`
	Basis      string `json:"basis"`
	Optional   bool   `json:"optional,omitempty"` // may be "na": it applies only to some products
	FixMissing string `json:"fix_missing"`
	FixWrong   string `json:"fix_wrong"`
}

// LabelElements is the versioned list of elements.
type LabelElements struct {
	Version  int            `json:"version"`
	Sources  []string       `json:"sources"`
	Elements []LabelElement `json:"elements"`
}

// Statuses of an element in a check.
const (
	LabelOK      = "ok"
	LabelMissing = "missing"
	LabelWrong   = "wrong"
	LabelNA      = "na" // does not apply (optional elements only)
)

// Elements returns the current list of label elements. It panics on a
// broken embedded file, which the package's tests load.
func Elements() *LabelElements {
	var e LabelElements
	if err := json.Unmarshal(labelElementsJSON, &e); err != nil {
		panic(fmt.Sprintf("market: label_elements.json: %v", err))
	}
	return &e
}

// LabelCheck is one inspection of a product's label, kept as history.
type LabelCheck struct {
	ID              int64             `json:"id"`
	ProductID       int64             `json:"product_id"`
	ElementsVersion int               `json:"elements_version"`
	Items           map[string]string `json:"items"`
	Notes           map[string]string `json:"notes"`
	LabelPIRT       string            `json:"label_pirt"` // the P-IRT number printed on the label, if any
	Score           int               `json:"score"`
	Fixes           []Fix             `json:"fixes"`
	Flags           []string          `json:"flags"`
	CheckedBy       string            `json:"checked_by"`
	CheckedAt       time.Time         `json:"checked_at"`
}

// Fix is one thing to change on a label, in plain Indonesian.
type Fix struct {
	Element string `json:"element"`
	Status  string `json:"status"` // missing | wrong
	Text    string `json:"text"`
	Note    string `json:"note,omitempty"`
}

// Evaluate checks the statuses of c against the elements and the product
// record, and fills the score, the fixes (heaviest first) and the
// consistency flags. It returns an Indonesian message per bad field.
func (e *LabelElements) Evaluate(c *LabelCheck, p *Product) map[string]string {
	bad := map[string]string{}
	known := map[string]bool{}
	total, got := 0, 0
	c.Fixes, c.Flags = []Fix{}, []string{}
	for _, el := range e.Elements {
		known[el.ID] = true
		st, ok := c.Items[el.ID]
		switch {
		case !ok || st == "":
			bad["items."+el.ID] = "Isi hasil pemeriksaan: " + el.Label
			continue
		case st == LabelNA && !el.Optional:
			bad["items."+el.ID] = el.Label + " wajib ada pada setiap label; pilih ok, missing atau wrong"
			continue
		case st != LabelOK && st != LabelMissing && st != LabelWrong && st != LabelNA:
			bad["items."+el.ID] = "Hasil harus ok, missing, wrong (atau na untuk unsur yang tidak berlaku)"
			continue
		}
		if st == LabelNA {
			continue
		}
		total += el.Weight
		switch st {
		case LabelOK:
			got += el.Weight
		case LabelMissing:
			c.Fixes = append(c.Fixes, Fix{Element: el.ID, Status: st, Text: el.FixMissing, Note: c.Notes[el.ID]})
		case LabelWrong:
			c.Fixes = append(c.Fixes, Fix{Element: el.ID, Status: st, Text: el.FixWrong, Note: c.Notes[el.ID]})
		}
	}
	for id := range c.Items {
		if !known[id] {
			bad["items."+id] = "Unsur label tidak dikenal"
		}
	}
	for id, note := range c.Notes {
		if !known[id] {
			bad["notes."+id] = "Catatan untuk unsur label yang tidak dikenal"
		} else if len([]rune(note)) > 500 {
			bad["notes."+id] = "Catatan paling panjang 500 karakter"
		}
	}
	if c.LabelPIRT != "" {
		n, msg := checkPermit(permits.KindPIRT, c.LabelPIRT)
		if msg != "" {
			bad["label_pirt"] = msg
		}
		c.LabelPIRT = n
	}
	if len(bad) > 0 {
		return bad
	}
	weight := map[string]int{}
	for _, el := range e.Elements {
		weight[el.ID] = el.Weight
	}
	sort.SliceStable(c.Fixes, func(i, j int) bool { return weight[c.Fixes[i].Element] > weight[c.Fixes[j].Element] })
	if total > 0 {
		c.Score = int(math.Round(100 * float64(got) / float64(total)))
	}
	c.Flags = consistencyFlags(c, p)
	c.ElementsVersion = e.Version
	return nil
}

// consistencyFlags compares what the label shows with the product record:
// a label may claim what the record cannot back.
func consistencyFlags(c *LabelCheck, p *Product) []string {
	flags := []string{}
	if st := c.Items["logo_halal"]; (st == LabelOK || st == LabelWrong) && p.HalalNumber == "" {
		flags = append(flags, "Label memakai logo halal, tetapi produk belum punya nomor sertifikat halal")
	}
	switch {
	case c.LabelPIRT != "" && p.PIRTNumber == "":
		flags = append(flags, fmt.Sprintf("Nomor P-IRT di label (%s) belum tercatat di data produk", c.LabelPIRT))
	case c.LabelPIRT != "" && c.LabelPIRT != p.PIRTNumber:
		flags = append(flags, fmt.Sprintf("Nomor P-IRT di label (%s) berbeda dengan nomor produk (%s)", c.LabelPIRT, p.PIRTNumber))
	}
	if c.Items["barcode"] == LabelOK && p.Barcode == "" {
		flags = append(flags, "Barcode tercetak di kemasan, tetapi belum tercatat di data produk")
	}
	return flags
}
