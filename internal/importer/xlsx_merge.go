package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// cellRange is a merged area of a sheet: rows are 1-based as Excel shows
// them, columns 0-based; both ends included.
type cellRange struct {
	Row1, Row2 int
	Col1, Col2 int
}

// maxMerges caps the merged areas kept for one sheet; real tables have a
// few hundred (a header, group labels, a kecamatan merged down its rows).
const maxMerges = 200_000

// mergeTag is how a merged area starts in the sheet XML, with or without a
// namespace prefix. Its attributes end within maxMergeTag bytes.
var mergeTags = [][]byte{[]byte("<mergeCell "), []byte(":mergeCell ")}

const maxMergeTag = 1 << 10

// readMerges returns the sheet's merged areas, sorted by first row. They
// are listed after the rows (<mergeCells> follows <sheetData>), so the
// header could not be read right without them before the rows: the sheet
// part is inflated once more and scanned for the tags as bytes, which
// costs a fraction of decoding it as XML. Text in a sheet cannot hold the
// tag (a '<' in text is written &lt;).
func (b *xlsxBook) readMerges(s *xlsxSheetRef) ([]cellRange, error) {
	if s.part.UncompressedSize64 > uint64(b.limits.MaxSheetBytes) {
		return nil, nil // openSheet refuses it with its message
	}
	rc, err := s.part.Open()
	if err != nil {
		return nil, errXLSXBroken
	}
	defer rc.Close()
	var out []cellRange
	chunk := make([]byte, 64<<10)
	var buf []byte
	for {
		if err := b.ctx.Err(); err != nil {
			return nil, err
		}
		n, rerr := rc.Read(chunk)
		buf = append(buf, chunk[:n]...)
		pos := 0
		for {
			i, tag := nextMergeTag(buf[pos:])
			if i < 0 {
				pos = max(pos, len(buf)-len(tag)+1)
				break
			}
			i += pos
			end := bytes.IndexByte(buf[i:], '>')
			if end < 0 {
				if len(buf)-i > maxMergeTag {
					return nil, errMarkupTooLong
				}
				pos = i
				break
			}
			if r, ok := parseRange(attrBytes(buf[i:i+end], "ref")); ok && (r.Row2 > r.Row1 || r.Col2 > r.Col1) {
				if len(out) == maxMerges {
					return nil, &FormatError{fmt.Sprintf("Lembar %q memuat terlalu banyak sel gabungan (lebih dari %d).", s.Name, maxMerges)}
				}
				out = append(out, r)
			}
			pos = i + end + 1
		}
		buf = append(buf[:0], buf[pos:]...)
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			return nil, errXLSXBroken
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Row1 < out[j].Row1 })
	return out, nil
}

// nextMergeTag returns the index of the first merge tag in p (or -1) and
// the tag found (the longest one when none, for the caller's carry).
func nextMergeTag(p []byte) (int, []byte) {
	best, tag := -1, mergeTags[0]
	for _, t := range mergeTags {
		if i := bytes.Index(p, t); i >= 0 && (best < 0 || i < best) {
			best, tag = i, t
		}
	}
	return best, tag
}

// attrBytes returns an attribute's value inside one raw tag.
func attrBytes(tag []byte, name string) string {
	key := []byte(" " + name + "=")
	i := bytes.Index(tag, key)
	if i < 0 || i+len(key) >= len(tag) {
		return ""
	}
	rest := tag[i+len(key):]
	q := rest[0]
	if q != '"' && q != '\'' {
		return ""
	}
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	return string(rest[1 : 1+j])
}

// parseRange reads a reference such as "A1:J2".
func parseRange(ref string) (cellRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return cellRange{}, false
	}
	c1, r1, ok1 := parseCellRef(a)
	c2, r2, ok2 := parseCellRef(b)
	if !ok1 || !ok2 || r2 < r1 || c2 < c1 {
		return cellRange{}, false
	}
	return cellRange{Row1: r1, Row2: r2, Col1: c1, Col2: c2}, true
}

// parseCellRef reads "AB12" as column 27 (0-based) and row 12.
func parseCellRef(ref string) (int, int, bool) {
	col, err := refColumn(ref)
	if err != nil {
		return 0, 0, false
	}
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > maxSheetRows {
		return 0, 0, false
	}
	return col, row, true
}

// mergeFill gives every row of a merged area the value of its top cell, in
// the area's first column: a kecamatan merged down the rows of its group
// then reaches every row. Areas one row high are left to the header, which
// spreads a parent name over the columns it spans.
type mergeFill struct {
	merges []cellRange // sorted by Row1
	next   int         // first merge not yet started
	active []activeMerge
}

type activeMerge struct {
	r   cellRange
	val string
}

// apply fills row n (1-based) in place and returns it, grown as needed.
func (m *mergeFill) apply(n int, row []string) []string {
	keep := m.active[:0]
	for _, a := range m.active {
		if a.r.Row2 >= n {
			keep = append(keep, a)
		}
	}
	m.active = keep
	for i := range m.active {
		a := &m.active[i]
		if a.val == "" || (a.r.Col1 < len(row) && row[a.r.Col1] != "") {
			continue
		}
		for len(row) <= a.r.Col1 {
			row = append(row, "")
		}
		row[a.r.Col1] = a.val
	}
	for ; m.next < len(m.merges) && m.merges[m.next].Row1 <= n; m.next++ {
		r := m.merges[m.next]
		if r.Row1 < n || r.Row2 == r.Row1 {
			continue
		}
		val := ""
		if r.Col1 < len(row) {
			val = row[r.Col1]
		}
		m.active = append(m.active, activeMerge{r: r, val: val})
	}
	return row
}
