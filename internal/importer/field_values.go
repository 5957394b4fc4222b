package importer

import (
	"math"
	"strings"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

type business = registry.Business

// rowValues is one row while its cells are read: the candidate, and the
// values combined after the last cell (the place, monthly revenue).
type rowValues struct {
	c                      *Candidate
	now                    time.Time
	desa, kec, villageCode string
	monthly                int64
	hasMonthly             bool
}

// fieldValue is how a field's cell is read into a row and how the value is
// applied to a stored business.
type fieldValue struct {
	// read parses a cleaned, non-empty cell. It returns the field whose
	// business attribute it filled (self, another field, or "" for none),
	// or an error whose Indonesian text becomes the row's reason.
	read func(r *rowValues, self Field, v string) (Field, error)
	// apply copies the attribute from src to dst and reports whether dst
	// changed; nil when the field fills no attribute of its own.
	apply func(dst, src *business) bool
}

// text is a field kept as typed.
func text(at func(*business) *string) fieldValue {
	return parsed(func(v string) (string, error) { return v, nil }, at)
}

// parsed is a text attribute read by parse.
func parsed(parse func(string) (string, error), at func(*business) *string) fieldValue {
	return fieldValue{
		read: func(r *rowValues, self Field, v string) (Field, error) {
			s, err := parse(v)
			if err != nil {
				return "", err
			}
			*at(&r.c.Business) = s
			return self, nil
		},
		apply: same(at),
	}
}

// same applies a text attribute.
func same(at func(*business) *string) func(dst, src *business) bool {
	return func(dst, src *business) bool {
		d, s := at(dst), at(src)
		if *d == *s {
			return false
		}
		*d = *s
		return true
	}
}

// whole is a whole-number attribute read by parse.
func whole(parse func(v string, now time.Time) (int, error), at func(*business) *int) fieldValue {
	return fieldValue{
		read: func(r *rowValues, self Field, v string) (Field, error) {
			n, err := parse(v, r.now)
			if err != nil {
				return "", err
			}
			*at(&r.c.Business) = n
			return self, nil
		},
		apply: func(dst, src *business) bool {
			d, s := at(dst), at(src)
			if *d == *s {
				return false
			}
			*d = *s
			return true
		},
	}
}

// coordinate is a latitude or longitude; a change below 1e-7 degrees (1 cm)
// is no change.
func coordinate(at func(*business) **float64) fieldValue {
	return fieldValue{
		read: func(r *rowValues, self Field, v string) (Field, error) {
			f, err := ParseCoordinate(v)
			if err != nil {
				return "", err
			}
			*at(&r.c.Business) = &f
			return self, nil
		},
		apply: func(dst, src *business) bool {
			d, s := at(dst), at(src)
			if *d != nil && !(math.Abs(**d-**s) > 1e-7) {
				return false
			}
			x := **s
			*d = &x
			return true
		},
	}
}

// productList is the products cell: names not yet among the business's
// products are added. Products are records of their own (with permits,
// photos, label checks), so a file never deletes one, and a known name
// keeps its category and price.
var productList = fieldValue{
	read: func(r *rowValues, self Field, v string) (Field, error) {
		r.c.Business.Products = ParseProducts(v)
		return self, nil
	},
	apply: func(dst, src *business) bool {
		if knownProductNames(dst.Products, src.Products) {
			return false
		}
		dst.Products = mergeProducts(dst.Products, src.Products)
		return true
	},
}

// placePart keeps a desa, kecamatan or desa code for Interpreter.place,
// which resolves them together after the last cell.
func placePart(at func(*rowValues) *string) fieldValue {
	return fieldValue{read: func(r *rowValues, _ Field, v string) (Field, error) {
		*at(r) = v
		return "", nil
	}}
}

// money is an amount of rupiah kept by set.
func money(set func(r *rowValues, n int64)) fieldValue {
	return fieldValue{read: func(r *rowValues, _ Field, v string) (Field, error) {
		n, err := ParseMoney(v)
		if err != nil {
			return "", err
		}
		set(r, n)
		return "", nil
	}}
}

func readMeasurementYear(r *rowValues, _ Field, v string) (Field, error) {
	y, err := ParseYear(v, idfmt.Year(r.now))
	if err != nil {
		return "", err
	}
	r.c.money().Year = y
	return "", nil
}

// readBusinessType fills the KBLI or, failing that, the sector from a
// "Jenis Usaha" cell, unless a column of their own already did; words it
// cannot place are a warning, not a reason.
func readBusinessType(r *rowValues, _ Field, v string) (Field, error) {
	b := &r.c.Business
	k, s := ParseBusinessType(v)
	switch {
	case k != "" && b.KBLI == "":
		b.KBLI = k
		return FKBLI, nil
	case s != "" && b.Sector == "":
		b.Sector = s
		return FSector, nil
	case k == "" && s == "":
		r.c.warn("Jenis usaha %q tidak dipetakan ke sektor KBLI", v)
	}
	return "", nil
}

func parseYear(v string, now time.Time) (int, error) { return ParseFoundedYear(v, idfmt.Year(now)) }
func parseCount(v string, _ time.Time) (int, error)  { return ParseCount(v) }
func lowerCase(v string) (string, error)             { return strings.ToLower(v), nil }

// pirtNumber drops the spaces and dashes people type inside a P-IRT number.
func pirtNumber(v string) (string, error) {
	return strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), "-", ""), nil
}
