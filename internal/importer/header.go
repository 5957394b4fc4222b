package importer

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Column is one column of an import file and the field it feeds.
type Column struct {
	Index  int    `json:"index"`
	Letter string `json:"letter"` // A, B, … AA as Excel shows it
	Header string `json:"header"`
	Field  Field  `json:"field"` // "" when unknown
	Label  string `json:"label"` // Indonesian name of Field
}

// Header is a file's header row and its mapping.
type Header struct {
	Row     int      `json:"row"` // 1-based row number of the header in the file
	Columns []Column `json:"columns"`
	Cells   []string `json:"-"`
}

// Unknown returns the columns that map to no field. They are reported to
// the officer, never dropped silently.
func (h Header) Unknown() []Column {
	var out []Column
	for _, c := range h.Columns {
		if c.Field == "" && strings.TrimSpace(c.Header) != "" {
			out = append(out, c)
		}
	}
	return out
}

// has reports whether some column feeds f.
func (h Header) has(f Field) bool {
	for _, c := range h.Columns {
		if c.Field == f {
			return true
		}
	}
	return false
}

// ErrNoColumns is returned when no header row names a known field.
var ErrNoColumns = errors.New("Tidak ada kolom yang dikenali. Baris judul harus memuat nama kolom seperti " +
	"Nama Usaha, Nama Pemilik, NIK, NIB, Desa, Kecamatan, Omzet")

// ErrHeaderOnly is returned for a file with a header but no data rows.
var ErrHeaderOnly = errors.New("Berkas hanya berisi baris judul; tidak ada baris data untuk diimpor")

// MapHeader maps header cells to fields. override (column index → field,
// FIgnore to ignore on purpose) wins over the built-in names. A field fed by
// two columns keeps the first; the later one is reported as unknown.
func MapHeader(cells []string, override map[int]Field) Header {
	h := Header{Cells: make([]string, len(cells))}
	used := map[Field]bool{}
	for i, c := range cells {
		h.Cells[i] = headerText(c)
		col := Column{Index: i, Letter: columnLetter(i), Header: strings.TrimSpace(h.Cells[i])}
		f, ok := override[i]
		if !ok {
			f, ok = LookupHeader(c)
		}
		if ok && (f == FInfo || f == FIgnore || !used[f]) {
			col.Field, col.Label = f, f.Label()
			used[f] = true
		}
		h.Columns = append(h.Columns, col)
	}
	return h
}

// maxHeaderBytes is how much of a column's name is kept: names are shown
// and stored with the import, and no real header is longer.
const maxHeaderBytes = 200

// headerText is a header cell as kept: at most maxHeaderBytes, marked "…"
// when shortened.
func headerText(s string) string {
	s = strings.TrimSuffix(s, cutMark)
	if len(s) <= maxHeaderBytes {
		return s
	}
	return string(shorten([]byte(s), maxHeaderBytes)) + "…"
}

// recognised counts the columns that feed a real field.
func (h Header) recognised() int {
	n := 0
	for _, c := range h.Columns {
		if c.Field != "" && c.Field != FInfo && c.Field != FIgnore {
			n++
		}
	}
	return n
}

// headerScan is how many leading rows may hold a title above the header.
const headerScan = 10

// findHeader reads up to headerScan rows and picks the first with the most
// recognised column names (files often start with a title such as "DATA
// UMKM KECAMATAN CIKANDE"). It returns the header and the rows read after
// it, which the caller processes before reading on.
func findHeader(t Table, override map[int]Field) (Header, [][]string, error) {
	var rows [][]string
	for len(rows) < headerScan {
		r, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Header{}, nil, err
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 || allBlank(rows) {
		return Header{}, nil, ErrNoData
	}
	best, bestN := -1, 0
	for i, r := range rows {
		if n := MapHeader(r, nil).recognised(); n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		if len(override) > 0 {
			best = firstNonBlank(rows)
		} else {
			return Header{}, nil, ErrNoColumns
		}
	}
	for i, c := range rows[best] {
		if isCut(c) {
			return Header{}, nil, &FormatError{fmt.Sprintf("Judul kolom %s di baris %d terlalu panjang untuk sebuah judul. "+
				"Periksa baris judul berkas ini.", columnLetter(i), best+1)}
		}
		if isUnreadable(c) {
			return Header{}, nil, &FormatError{fmt.Sprintf("Judul kolom %s di baris %d berisi karakter yang tidak terbaca "+
				"(bukan teks UTF-8, atau karakter NUL). Simpan ulang berkas sebagai CSV UTF-8.", columnLetter(i), best+1)}
		}
	}
	h := MapHeader(rows[best], override)
	h.Row = best + 1
	if h.recognised() == 0 {
		return Header{}, nil, ErrNoColumns
	}
	if !h.has(FName) && !h.has(FOwnerName) {
		return h, nil, headerError{fmt.Sprintf("Kolom Nama Usaha atau Nama Pemilik tidak ditemukan (kolom yang ada: %s)", strings.Join(rows[best], ", "))}
	}
	return h, rows[best+1:], nil
}

// FindHeader reads a file's header as an import does (the first of the
// leading rows with the most recognised column names) and returns it with
// the rows already read after it, for other readers of the office's lists.
func FindHeader(t Table) (Header, [][]string, error) { return findHeader(t, nil) }

func allBlank(rows [][]string) bool {
	for _, r := range rows {
		if !blankRow(r) {
			return false
		}
	}
	return true
}

func firstNonBlank(rows [][]string) int {
	for i, r := range rows {
		if !blankRow(r) {
			return i
		}
	}
	return 0
}

func blankRow(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// columnLetter returns Excel's name of a 0-based column index.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
