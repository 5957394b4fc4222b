package importer

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sharedStrings are the workbook's texts that cells refer to by index. A
// text longer than Limits.MaxCellBytes is kept as its beginning followed by
// cutMark, so that the rows using it are rejected with a reason.
type sharedStrings []string

// longCellShown is how much of a cut text is kept to show the officer.
const longCellShown = 80

// readShared streams the shared strings part, which Limits.MaxSharedStrings
// caps: they are held in memory while the sheet is read.
func (b *xlsxBook) readShared(name string) error {
	f := b.file(name)
	if f == nil {
		return nil // a workbook without texts
	}
	tooBig := fmt.Sprintf("Berkas XLSX terlalu besar: teks di dalamnya lebih dari %d MB setelah diurai. "+
		"Bagi berkas menjadi beberapa bagian atau simpan sebagai CSV.", b.limits.MaxSharedStrings>>20)
	rc, d, err := b.open(f, b.limits.MaxSharedStrings, tooBig)
	if err != nil {
		return err
	}
	defer rc.Close()
	var (
		cur      cellText
		inSI     bool
		inT      bool
		phonetic int // depth inside <rPh>, whose text is a reading aid, not content
	)
	return b.eachToken(d, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, cur = true, cellText{limit: b.limits.MaxCellBytes}
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				b.shared = append(b.shared, cur.String())
				inSI = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.add(t)
			}
		}
	})
}

// cellText collects a cell's text up to limit bytes; beyond, it keeps only
// a short beginning and remembers the text was too long.
type cellText struct {
	b     []byte
	limit int
	long  bool
}

func (c *cellText) add(p []byte) {
	if c.long {
		return
	}
	if i := bytes.Index(p, []byte(cutMark)); i >= 0 {
		p, c.long = p[:i], true
	}
	c.b = append(c.b, p...)
	if len(c.b) > c.limit {
		c.long = true
	}
	if c.long {
		c.b = append(shorten(c.b, longCellShown), cutMark...)
	}
}

func (c *cellText) String() string { return string(c.b) }

// shorten cuts b to at most n bytes at a character boundary.
func shorten(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return b[:n]
}

// dateStyles tells which cell styles (by index) show numbers as dates.
type dateStyles []bool

func (d dateStyles) isDate(style int) bool { return style >= 0 && style < len(d) && d[style] }

// readStyles reads the cell formats and marks those whose number format
// is a date.
func (b *xlsxBook) readStyles(name string) error {
	f := b.file(name)
	if f == nil {
		return nil
	}
	custom := map[int]string{}
	inCellXfs := false
	return b.eachElement(f, func(se xml.StartElement) {
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil {
				custom[id] = attr(se, "formatCode")
			}
		case "cellStyleXfs":
			inCellXfs = false
		case "cellXfs":
			inCellXfs = true
		case "xf":
			if inCellXfs && len(b.dates) < 1<<16 {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				b.dates = append(b.dates, isDateFormat(id, custom))
			}
		}
	})
}

// isDateFormat reports whether a number format shows a date: one of
// Excel's built-in date formats, or a format code with a day or year part
// (a month "m" alone may be minutes; a time is not a date).
func isDateFormat(id int, custom map[int]string) bool {
	if code, ok := custom[id]; ok {
		return dateCode(code)
	}
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

func dateCode(code string) bool {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the positive section decides
	}
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal or padding
		default:
			b.WriteByte(c | 0x20) // lower case for letters
		}
	}
	s := b.String()
	return strings.ContainsAny(s, "dy") || strings.Contains(s, "mmmm") && !strings.Contains(s, "h")
}
