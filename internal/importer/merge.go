package importer

import (
	"math"
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

type nowFunc func() time.Time

// applyAttrs copies the attributes the row filled onto b and returns the
// API names of those whose value changed.
func applyAttrs(b *registry.Business, c *Candidate) []string {
	var changed []string
	src := &c.Business
	str := func(a attr, name string, dst *string, v string) {
		if c.Has(a) && *dst != v {
			*dst = v
			changed = append(changed, name)
		}
	}
	str(aName, "name", &b.Name, src.Name)
	str(aBrand, "brand", &b.Brand, src.Brand)
	str(aOwnerName, "owner_name", &b.OwnerName, src.OwnerName)
	str(aNIK, "nik", &b.NIK, src.NIK)
	str(aGender, "owner_gender", &b.OwnerGender, src.OwnerGender)
	str(aBirthDate, "owner_birth_date", &b.OwnerBirthDate, src.OwnerBirthDate)
	str(aPhone, "phone", &b.Phone, src.Phone)
	str(aEmail, "email", &b.Email, src.Email)
	str(aVillage, "village_code", &b.VillageCode, src.VillageCode)
	str(aAddress, "address", &b.Address, src.Address)
	str(aKBLI, "kbli", &b.KBLI, src.KBLI)
	str(aSector, "sector", &b.Sector, src.Sector)
	str(aNIB, "nib", &b.NIB, src.NIB)
	str(aPIRT, "pirt_number", &b.PIRTNumber, src.PIRTNumber)
	str(aPIRTExpires, "pirt_expires_on", &b.PIRTExpiresOn, src.PIRTExpiresOn)
	str(aHalalStatus, "halal_status", &b.HalalStatus, src.HalalStatus)
	str(aHalalNumber, "halal_number", &b.HalalNumber, src.HalalNumber)
	str(aHalalExpires, "halal_expires_on", &b.HalalExpiresOn, src.HalalExpiresOn)
	str(aBPOM, "bpom_number", &b.BPOMNumber, src.BPOMNumber)
	str(aHKI, "hki_number", &b.HKINumber, src.HKINumber)
	num := func(a attr, name string, dst *int, v int) {
		if c.Has(a) && *dst != v {
			*dst = v
			changed = append(changed, name)
		}
	}
	num(aFounded, "founded_year", &b.FoundedYear, src.FoundedYear)
	num(aEmployees, "employees", &b.Employees, src.Employees)
	coord := func(a attr, name string, dst **float64, v *float64) {
		if c.Has(a) && (*dst == nil || math.Abs(**dst-*v) > 1e-7) {
			x := *v
			*dst = &x
			changed = append(changed, name)
		}
	}
	coord(aLatitude, "latitude", &b.Latitude, src.Latitude)
	coord(aLongitude, "longitude", &b.Longitude, src.Longitude)
	if c.Has(aProducts) && !sameProductNames(b.Products, src.Products) {
		b.Products = mergeProducts(b.Products, src.Products)
		changed = append(changed, "products")
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
