package importer

import (
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

type nowFunc func() time.Time

// applyAttrs copies the attributes the row filled onto b and returns the
// API names of those whose value changed.
func applyAttrs(b *registry.Business, c *Candidate) []string {
	var changed []string
	for i := range fields {
		s := &fields[i]
		if s.value.apply != nil && c.Has(s.field) && s.value.apply(b, &c.Business) {
			changed = append(changed, s.attrName())
		}
	}
	if b.VillageCode != "" {
		b.DistrictCode = region.DistrictOf(b.VillageCode)
	}
	return changed
}

func sameProductNames(a, b []registry.Product) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if normName(a[i].Name) != normName(b[i].Name) {
			return false
		}
	}
	return true
}

// mergeProducts takes the file's product names and keeps the stored
// category and price of a product whose name is unchanged.
func mergeProducts(old, names []registry.Product) []registry.Product {
	out := make([]registry.Product, len(names))
	for i, n := range names {
		out[i] = n
		for _, o := range old {
			if normName(o.Name) == normName(n.Name) {
				out[i].Category, out[i].Price = o.Category, o.Price
				break
			}
		}
	}
	return out
}
