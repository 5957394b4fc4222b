package importer

import (
	"fmt"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Candidate is one data row read into a business, before it is matched
// against the register.
type Candidate struct {
	Row      int      // 1-based row number in the file
	Cells    []string // the original cells
	Business registry.Business
	has      fieldSet // the attributes the row filled
	Money    *MoneyIn
	Reasons  []string // Indonesian; the row is rejected when any
	Warnings []string
	Skip     string // the kind of a row that holds no business (SkipBlank, …); "" for a data row
	Label    string // a skipped row's label ("KECAMATAN CIKANDE", "JUMLAH")
	part     *part  // the sheet the row comes from
}

// MoneyIn is the measurement a row carries.
type MoneyIn struct {
	Year                   int // 0 = not given: the current year
	Revenue, Capital       int64
	HasRevenue, HasCapital bool
	Note                   string // how Revenue was derived (from a monthly figure)
}

// revenue is the row's revenue as an optional figure: a blank cell is not
// known, never Rp0.
func (m *MoneyIn) revenue() *int64 {
	if !m.HasRevenue {
		return nil
	}
	return &m.Revenue
}

// capital is the row's capital as an optional figure.
func (m *MoneyIn) capital() *int64 {
	if !m.HasCapital {
		return nil
	}
	return &m.Capital
}

// fieldSet holds one bit per entry of fields.
type fieldSet uint64

func (c *Candidate) set(f Field) { c.has |= 1 << fieldIndex[f] }

// Has reports whether the row filled the business attribute of f.
func (c *Candidate) Has(f Field) bool { return c.has&(1<<fieldIndex[f]) != 0 }

func (c *Candidate) reject(format string, args ...any) {
	c.Reasons = append(c.Reasons, fmt.Sprintf(format, args...))
}

func (c *Candidate) warn(format string, args ...any) {
	c.Warnings = append(c.Warnings, fmt.Sprintf(format, args...))
}

func (m *MoneyIn) setRevenue(n int64) { m.Revenue, m.HasRevenue = n, true }
func (m *MoneyIn) setCapital(n int64) { m.Capital, m.HasCapital = n, true }

// Interpreter turns rows into Candidates.
type Interpreter struct {
	Header  Header
	Regions *RegionMatcher
	Now     time.Time
	// MaxCellBytes is the cell length the reader cut at (for messages);
	// 0 means DefaultLimits.
	MaxCellBytes int
}

// placeDefaults are the kecamatan and desa that rows without their own
// take: from a group row above them, or the sheet's name. The "from"
// texts say where they came from, for the reasons of a row that differs.
type placeDefaults struct {
	kec, kecFrom   string
	desa, desaFrom string
}

// Interpret reads one data row. Every unreadable cell adds a reason naming
// its column; nothing panics on odd input.
func (in *Interpreter) Interpret(row int, cells []string) *Candidate {
	return in.interpretIn(row, cells, placeDefaults{})
}

// interpretIn reads one data row below a group row or in a named sheet.
func (in *Interpreter) interpretIn(row int, cells []string, d placeDefaults) *Candidate {
	c := &Candidate{Row: row, Cells: cells}
	r := rowValues{c: c, now: in.Now}
	in.rejectUnreadableCells(c)
	for _, col := range in.Header.Columns {
		s := spec(col.Field)
		if col.Index >= len(cells) || s == nil || s.value.read == nil || isCut(cells[col.Index]) || isUnreadable(cells[col.Index]) {
			continue
		}
		v := cleanText(cells[col.Index])
		if v == "" {
			continue
		}
		filled, err := s.value.read(&r, s.field, v)
		if err != nil {
			c.reject("Kolom %s (%s): %s", col.Header, col.Letter, err.Error())
		} else if filled != "" {
			c.set(filled)
		}
	}
	if r.hasMonthly {
		m := c.money()
		if m.HasRevenue {
			c.warn("Omzet per tahun dan per bulan sama-sama diisi; dipakai omzet per tahun")
		} else if r.monthly > (1<<63-1)/12 {
			c.reject("Omzet per bulan terlalu besar")
		} else {
			m.setRevenue(r.monthly * 12)
			m.Note = registry.MonthlyNote(r.monthly)
		}
	}
	if c.Money != nil && !c.Money.HasRevenue && !c.Money.HasCapital {
		c.Money = nil // a year without figures carries no measurement
	}
	if c.Has(FHalalNumber) && !c.Has(FHalalStatus) {
		c.Business.HalalStatus = registry.HalalCertified
		c.set(FHalalStatus)
	}
	in.place(c, r.villageCode, r.desa, r.kec, d)
	return c
}

// rejectUnreadableCells gives a reason for every cell of the row, in a
// known column or not, that was too long to read or held bytes that are no
// text.
func (in *Interpreter) rejectUnreadableCells(c *Candidate) {
	for i, v := range c.Cells {
		if !isCut(v) && !isUnreadable(v) {
			continue
		}
		col := columnLetter(i)
		if i < len(in.Header.Columns) && in.Header.Columns[i].Header != "" {
			col = in.Header.Columns[i].Header + " (" + col + ")"
		}
		if isCut(v) {
			c.reject("Kolom %s: isi sel terlalu panjang (lebih dari %s KB); periksa sel ini di berkas",
				col, idfmt.Number(int64(in.cellLimit()>>10)))
			continue
		}
		c.reject("Kolom %s: ada karakter yang tidak terbaca (bukan teks UTF-8, atau karakter NUL); "+
			"periksa sel ini, atau simpan ulang berkas sebagai CSV UTF-8", col)
	}
}

func (in *Interpreter) cellLimit() int {
	if in.MaxCellBytes > 0 {
		return in.MaxCellBytes
	}
	return DefaultLimits.MaxCellBytes
}

func (c *Candidate) money() *MoneyIn {
	if c.Money == nil {
		c.Money = &MoneyIn{}
	}
	return c.Money
}

// place resolves the village from a code column, or the desa and kecamatan
// names. A row without any may still update a business found by its NIB.
func (in *Interpreter) place(c *Candidate, code, desa, kec string, d placeDefaults) {
	if code == "" {
		switch {
		case kec == "":
			kec = d.kec
		case d.kec != "" && in.Regions.differentDistricts(kec, d.kec):
			c.reject("Kecamatan %q berbeda dengan %s (Kecamatan %s)", kec, d.kecFrom, d.kec)
		}
		switch {
		case desa == "":
			desa = d.desa
		case d.desa != "" && normPlace(desa) != normPlace(d.desa):
			if a, err1 := in.Regions.Match(desa, kec); err1 == nil {
				if b, err2 := in.Regions.Match(d.desa, kec); err2 == nil && a != b {
					c.reject("Desa %q berbeda dengan %s (Desa %s)", desa, d.desaFrom, d.desa)
				}
			}
		}
	}
	var err error
	note := ""
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
		c.Business.VillageCode, note, err = in.Regions.MatchNote(desa, kec)
	default:
		return // no place given: fine for an update; a new business fails validation ("Desa wajib diisi")
	}
	if err != nil {
		c.reject("%s", err.Error())
		return
	}
	if note != "" {
		c.warn("%s", note)
	}
	c.set(FVillage)
}
