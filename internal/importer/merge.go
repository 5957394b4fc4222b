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

// knownProductNames reports whether every name of names is among have's.
func knownProductNames(have, names []registry.Product) bool {
	for _, n := range names {
		if !hasProduct(have, n.Name) {
			return false
		}
	}
	return true
}

func hasProduct(list []registry.Product, name string) bool {
	for _, p := range list {
		if normName(p.Name) == normName(name) {
			return true
		}
	}
	return false
}

// mergeProducts keeps the stored products as they are and adds the file's
// names that are new.
func mergeProducts(old, names []registry.Product) []registry.Product {
	out := append([]registry.Product{}, old...)
	for _, n := range names {
		if !hasProduct(out, n.Name) {
			out = append(out, n)
		}
	}
	return out
}
