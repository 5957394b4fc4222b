package web

import (
	"strings"

	"naikkelas/internal/market"
)

// labelCheckJSON marks every element ok except the net weight (missing)
// and the halal logo (present on a product without a certificate).
func labelCheckJSON() string {
	var b strings.Builder
	b.WriteString(`{"items":{`)
	for i, el := range labelElementIDs() {
		if i > 0 {
			b.WriteByte(',')
		}
		st := "ok"
		if el == "berat_bersih" {
			st = "missing"
		}
		b.WriteString(`"` + el + `":"` + st + `"`)
	}
	b.WriteString(`},"notes":{"berat_bersih":"hanya tertulis 1/4"},"label_pirt":"206360401011299"}`)
	return b.String()
}

// labelCheckForm is labelCheckJSON as the product page's form.
func labelCheckForm() string {
	var b strings.Builder
	for _, el := range labelElementIDs() {
		b.WriteString("items." + el + "=ok&")
	}
	return b.String() + "label_pirt="
}

func labelMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"GET /api/v1/label-elements":              {path: fixed("/api/v1/label-elements"), want: all(s200)},
		"GET /api/v1/products/{id}/label-checks":  {path: firstProduct("/api/v1/products/{p}/label-checks"), want: readOne},
		"POST /api/v1/products/{id}/label-checks": {path: firstProduct("/api/v1/products/{p}/label-checks"), body: body(labelCheckJSON()), want: officers(s201)},
		"POST /produk/{id}/label":                 {path: firstProduct("/produk/{p}/label"), body: body(labelCheckForm()), want: officers(s303)},
	}
}

func labelElementIDs() []string {
	var ids []string
	for _, el := range market.Elements().Elements {
		ids = append(ids, el.ID)
	}
	return ids
}
