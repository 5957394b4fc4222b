package importer

import (
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/registry"
)

// attr is a business attribute an import can set; a Candidate records which
// ones its row filled so that an update changes only those.
type attr uint

const (
	aName attr = iota
	aBrand
	aOwnerName
	aNIK
	aGender
	aBirthDate
	aPhone
	aEmail
	aVillage
	aAddress
	aLatitude
	aLongitude
	aKBLI
	aSector
	aFounded
	aEmployees
	aNIB
	aPIRT
	aPIRTExpires
	aHalalStatus
	aHalalNumber
	aHalalExpires
	aBPOM
	aHKI
	aProducts
)

// Candidate is one data row read into a business, before it is matched
// against the register.
type Candidate struct {
	Row      int      // 1-based row number in the file
	Cells    []string // the original cells
	Business registry.Business
	has      uint32 // bit per attr the row filled
	Money    *MoneyIn
	Reasons  []string // Indonesian; the row is rejected when any
	Warnings []string
}

// MoneyIn is the measurement a row carries.
type MoneyIn struct {
	Year                   int // 0 = not given: the current year
	Revenue, Capital       int64
	HasRevenue, HasCapital bool
}

func (c *Candidate) set(a attr)      { c.has |= 1 << a }
func (c *Candidate) Has(a attr) bool { return c.has&(1<<a) != 0 }
func (c *Candidate) reject(format string, args ...any) {
	c.Reasons = append(c.Reasons, fmt.Sprintf(format, args...))
}

// Interpreter turns rows into Candidates.
type Interpreter struct {
	Header  Header
	Regions *RegionMatcher
	Now     time.Time
}

// Interpret reads one data row. Every unreadable cell adds a reason naming
// its column; nothing panics on odd input.
func (in *Interpreter) Interpret(row int, cells []string) *Candidate {
	c := &Candidate{Row: row, Cells: cells}
	b := &c.Business
	var desa, kec, villageCode string
	var monthly int64
	hasMonthly := false
	for _, col := range in.Header.Columns {
		if col.Index >= len(cells) || col.Field == "" || col.Field == FInfo || col.Field == FIgnore {
			continue
		}
		raw := cells[col.Index]
		v := cleanText(raw)
		if v == "" {
			continue
		}
		bad := func(err error) { c.reject("Kolom %s (%s): %s", col.Header, col.Letter, err.Error()) }
		text := func(p *string, a attr) { *p = v; c.set(a) }
		switch col.Field {
		case FName:
			text(&b.Name, aName)
		case FBrand:
			text(&b.Brand, aBrand)
		case FOwnerName:
			text(&b.OwnerName, aOwnerName)
		case FAddress:
			text(&b.Address, aAddress)
		case FEmail:
			b.Email = strings.ToLower(v)
			c.set(aEmail)
		case FNIK:
			if s, err := ParseNIK(v); err != nil {
				bad(err)
			} else {
				b.NIK = s
				c.set(aNIK)
			}
		case FNIB:
			if s, err := ParseNIB(v); err != nil {
				bad(err)
			} else {
				b.NIB = s
				c.set(aNIB)
			}
		case FPhone:
			if s, err := ParsePhone(v); err != nil {
				bad(err)
			} else {
				b.Phone = s
				c.set(aPhone)
			}
		case FOwnerGender:
			if s, err := ParseGender(v); err != nil {
				bad(err)
			} else {
				b.OwnerGender = s
				c.set(aGender)
			}
		case FOwnerBirthDate, FPIRTExpires, FHalalExpires:
			d, err := ParseDate(v)
			if err != nil {
				bad(err)
				break
			}
			switch col.Field {
			case FOwnerBirthDate:
				b.OwnerBirthDate = d
				c.set(aBirthDate)
			case FPIRTExpires:
				b.PIRTExpiresOn = d
				c.set(aPIRTExpires)
			default:
				b.HalalExpiresOn = d
				c.set(aHalalExpires)
			}
		case FVillage:
			desa = v
		case FVillageCode:
			villageCode = v
		case FDistrict:
			kec = v
		case FLatitude, FLongitude:
			f, err := ParseCoordinate(v)
			if err != nil {
				bad(err)
			} else if col.Field == FLatitude {
				b.Latitude = &f
				c.set(aLatitude)
			} else {
				b.Longitude = &f
				c.set(aLongitude)
			}
		case FKBLI:
			if s, err := ParseKBLI(v); err != nil {
				bad(err)
			} else {
				b.KBLI = s
				c.set(aKBLI)
			}
		case FSector:
			if s, err := ParseSector(v); err != nil {
				bad(err)
			} else {
				b.Sector = s
				c.set(aSector)
			}
		case FBusinessType:
			if k, s := ParseBusinessType(v); k != "" && !c.Has(aKBLI) {
				b.KBLI = k
				c.set(aKBLI)
			} else if s != "" && !c.Has(aSector) {
				b.Sector = s
				c.set(aSector)
			} else if k == "" && s == "" {
				c.Warnings = append(c.Warnings, fmt.Sprintf("Jenis usaha %q tidak dipetakan ke sektor KBLI", v))
			}
		case FFoundedYear:
			if y, err := ParseYear(v, in.Now.Year()); err != nil {
				bad(err)
			} else {
				b.FoundedYear = y
				c.set(aFounded)
			}
		case FEmployees:
			if n, err := ParseCount(v); err != nil {
				bad(err)
			} else {
				b.Employees = n
				c.set(aEmployees)
			}
		case FRevenue, FMonthlyRevenue, FCapital:
			n, err := ParseMoney(v)
			if err != nil {
				bad(err)
				break
			}
			m := c.money()
			switch col.Field {
			case FRevenue:
				m.Revenue, m.HasRevenue = n, true
			case FMonthlyRevenue:
				monthly, hasMonthly = n, true
			default:
				m.Capital, m.HasCapital = n, true
			}
		case FYear:
			if y, err := ParseYear(v, in.Now.Year()); err != nil {
				bad(err)
			} else {
				c.money().Year = y
			}
		case FPIRT:
			text(&b.PIRTNumber, aPIRT)
			b.PIRTNumber = strings.ReplaceAll(strings.ReplaceAll(b.PIRTNumber, " ", ""), "-", "")
		case FHalalStatus:
			if s, err := ParseHalalStatus(v); err != nil {
				bad(err)
			} else {
				b.HalalStatus = s
				c.set(aHalalStatus)
			}
		case FHalalNumber:
			text(&b.HalalNumber, aHalalNumber)
		case FBPOM:
			text(&b.BPOMNumber, aBPOM)
		case FHKI:
			text(&b.HKINumber, aHKI)
		case FProducts:
			b.Products = ParseProducts(v)
			c.set(aProducts)
		}
	}
	if hasMonthly {
		m := c.money()
		if m.HasRevenue {
			c.Warnings = append(c.Warnings, "Omzet per tahun dan per bulan sama-sama diisi; dipakai omzet per tahun")
		} else if monthly > (1<<63-1)/12 {
			c.reject("Omzet per bulan terlalu besar")
		} else {
			m.Revenue, m.HasRevenue = monthly*12, true
		}
	}
	if c.Money != nil && !c.Money.HasRevenue && !c.Money.HasCapital {
		c.Money = nil // a year without figures carries no measurement
	}
	if c.Has(aHalalNumber) && !c.Has(aHalalStatus) {
		b.HalalStatus = registry.HalalCertified
		c.set(aHalalStatus)
	}
	in.place(c, villageCode, desa, kec)
	return c
}

func (c *Candidate) money() *MoneyIn {
	if c.Money == nil {
		c.Money = &MoneyIn{}
	}
	return c.Money
}

// place resolves the village from a code column, or the desa and kecamatan
// names. A row without any may still update a business found by its NIB.
func (in *Interpreter) place(c *Candidate, code, desa, kec string) {
	var err error
	switch {
	case code != "":
		c.Business.VillageCode, err = in.Regions.Match(code, "")
		if err == nil && (desa != "" || kec != "") {
			// names next to a code must agree with it (exports carry both)
			if byName, err2 := in.Regions.Match(desa, kec); err2 == nil && byName != c.Business.VillageCode && desa != "" {
				c.reject("Kode desa %s tidak sesuai dengan nama desa %q", code, desa)
			}
		}
	case desa != "" || kec != "":
		c.Business.VillageCode, err = in.Regions.Match(desa, kec)
	default:
		return // no place given: fine for an update; a new business fails validation ("Desa wajib diisi")
	}
	if err != nil {
		c.reject("%s", err.Error())
		return
	}
	c.set(aVillage)
}
