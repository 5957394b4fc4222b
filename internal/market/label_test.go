package market

import (
	"strings"
	"testing"
)

func allOK() map[string]string {
	m := map[string]string{}
	for _, el := range Elements().Elements {
		m[el.ID] = LabelOK
	}
	return m
}

func TestLabelElementsData(t *testing.T) {
	e := Elements()
	sum, seen := 0, map[string]bool{}
	for _, el := range e.Elements {
		if seen[el.ID] || el.Weight <= 0 || el.Label == "" || el.FixMissing == "" || el.FixWrong == "" {
			t.Errorf("element %+v: duplicate, weightless or without text", el)
		}
		seen[el.ID] = true
		sum += el.Weight
	}
	if sum != 100 {
		t.Errorf("weights sum to %d, want 100", sum)
	}
}

func TestLabelEvaluate(t *testing.T) {
	certified := &Product{HalalNumber: "ID36110000123450825", PIRTNumber: "206360401011226", Barcode: "4006381333931"}
	for _, c := range []struct {
		name    string
		items   map[string]string
		pirt    string
		product *Product
		score   int
		fixes   []string
		flags   []string
	}{
		{"all ok", nil, "206360401011226", certified, 100, nil, nil},
		{"net weight missing, gizi wrong, asal bahan n/a", map[string]string{"berat_bersih": "missing", "gizi": "wrong", "asal_bahan": "na"},
			"", certified, 85, []string{"berat_bersih", "gizi"}, nil},
		{"halal logo without certificate", nil, "", &Product{PIRTNumber: "206360401011226", Barcode: "4006381333931"}, 100, nil,
			[]string{"logo halal"}},
		{"halal logo wrong without certificate", map[string]string{"logo_halal": "wrong"}, "", &Product{Barcode: "4006381333931"}, 92,
			[]string{"logo_halal"}, []string{"logo halal"}},
		{"no halal logo, no certificate", map[string]string{"logo_halal": "na"}, "", &Product{Barcode: "4006381333931"}, 100, nil, nil},
		{"P-IRT on the label differs", nil, "2063604010112-27", certified, 100, nil, []string{"berbeda dengan nomor produk (206360401011226)"}},
		{"barcode printed but not recorded", nil, "", &Product{HalalNumber: "ID36110000123450825"}, 100, nil, []string{"Barcode tercetak"}},
	} {
		items := allOK()
		for k, v := range c.items {
			items[k] = v
		}
		lc := &LabelCheck{Items: items, LabelPIRT: c.pirt}
		if bad := Elements().Evaluate(lc, c.product); len(bad) > 0 {
			t.Fatalf("%s: %v", c.name, bad)
		}
		if lc.Score != c.score {
			t.Errorf("%s: score %d, want %d", c.name, lc.Score, c.score)
		}
		var fixes []string
		for _, f := range lc.Fixes {
			fixes = append(fixes, f.Element)
		}
		if strings.Join(fixes, ",") != strings.Join(c.fixes, ",") {
			t.Errorf("%s: fixes %v, want %v", c.name, fixes, c.fixes)
		}
		if len(lc.Flags) != len(c.flags) {
			t.Errorf("%s: flags %q, want %q", c.name, lc.Flags, c.flags)
			continue
		}
		for i, f := range c.flags {
			if !strings.Contains(lc.Flags[i], f) {
				t.Errorf("%s: flag %q lacks %q", c.name, lc.Flags[i], f)
			}
		}
	}
}

func TestLabelEvaluateRefuses(t *testing.T) {
	items := allOK()
	delete(items, "komposisi")
	items["bahasa"] = LabelNA
	items["gizi"] = "bagus"
	items["merek"] = LabelOK
	bad := Elements().Evaluate(&LabelCheck{Items: items, LabelPIRT: "123"}, &Product{})
	for _, field := range []string{"items.komposisi", "items.bahasa", "items.gizi", "items.merek", "label_pirt"} {
		if bad[field] == "" {
			t.Errorf("no message for %s: %v", field, bad)
		}
	}
}
