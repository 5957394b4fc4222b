package importer

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Column is one column of an import file and the field it feeds.
type Column struct {
	Index  int    `json:"index"`
	Letter string `json:"letter"` // A, B, … AA as Excel shows it
	Header string `json:"header"`
	Field  Field  `json:"field"`            // "" when unknown
	Label  string `json:"label"`            // Indonesian name of Field
	Hidden bool   `json:"hidden,omitempty"` // hidden in the sheet: ignored unless mapped
}

// Header is a file's header row and its mapping.
type Header struct {
	Row     int      `json:"row"`  // 1-based row number of the header's first row in the file
	Rows    int      `json:"rows"` // how many rows the header spans (1 to 3)
	Columns []Column `json:"columns"`
	Cells   []string `json:"-"`
}

// Last is the header's last row.
func (h Header) Last() int { return h.Row + max(h.Rows, 1) - 1 }

// Unknown returns the columns that map to no field, and the hidden columns
// left out. They are reported to the officer, never dropped silently.
func (h Header) Unknown() []Column {
	var out []Column
	for _, c := range h.Columns {
		if (c.Field == "" || c.Hidden && c.Field == FIgnore) && strings.TrimSpace(c.Header) != "" {
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
	return mapHeader(cells, override, nil)
}

// mapHeader is MapHeader for a sheet that hides some columns: a hidden
// column is ignored (and named in the summary) unless override maps it.
func mapHeader(cells []string, override map[int]Field, hidden []bool) Header {
	h := Header{Cells: make([]string, len(cells)), Rows: 1}
	used := map[Field]bool{}
	for i, c := range cells {
		h.Cells[i] = headerText(c)
		col := Column{Index: i, Letter: columnLetter(i), Header: strings.TrimSpace(h.Cells[i]), Hidden: i < len(hidden) && hidden[i]}
		f, ok := override[i]
		if !ok && col.Hidden {
			f, ok = FIgnore, true
		}
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

// maxHeaderRows is the deepest header block: a parent name over its
// children ("OMZET (Rp)" over "PER BULAN" and "PER TAHUN"), at most once more.
const maxHeaderRows = 3

// HeaderChoice is the officer's correction of where the header is: its
// first row (1-based) and how many rows it spans. Zero values let the
// importer find it.
type HeaderChoice struct {
	Row  int
	Rows int
}

// sheetLayout is what an XLSX sheet tells beyond its cells.
type sheetLayout interface {
	Merges() []cellRange
	HiddenColumns() []bool
}

// findHeader reads up to headerScan rows and picks the header block of one
// to maxHeaderRows rows that names the most fields (fewer rows, then the
// earlier block, on a tie); files often start with a title such as "DATA
// UMKM KECAMATAN CIKANDE". It returns the header and the rows read after
// it, which the caller processes before reading on.
func findHeader(t Table, override map[int]Field, choice HeaderChoice) (Header, [][]string, error) {
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
	var merges []cellRange
	var hidden []bool
	if l, ok := t.(sheetLayout); ok {
		merges, hidden = l.Merges(), l.HiddenColumns()
	}
	first, n := choice.Row-1, min(max(choice.Rows, 1), maxHeaderRows)
	if choice.Row < 1 || first+n > len(rows) {
		first, n = bestHeaderBlock(rows, merges)
	}
	if first < 0 {
		if len(override) > 0 {
			first, n = firstNonBlank(rows), 1
		} else {
			return Header{}, nil, ErrNoColumns
		}
	}
	names := blockNames(rows, first, n, merges)
	for i, c := range names {
		if isCut(c) {
			return Header{}, nil, &FormatError{fmt.Sprintf("Judul kolom %s di baris %d terlalu panjang untuk sebuah judul. "+
				"Periksa baris judul berkas ini.", columnLetter(i), first+1)}
		}
		if isUnreadable(c) {
			return Header{}, nil, &FormatError{fmt.Sprintf("Judul kolom %s di baris %d berisi karakter yang tidak terbaca "+
				"(bukan teks UTF-8, atau karakter NUL). Simpan ulang berkas sebagai CSV UTF-8.", columnLetter(i), first+1)}
		}
	}
	h := mapHeader(names, override, hidden)
	h.Row, h.Rows = first+1, n
	if h.recognised() == 0 {
		return Header{}, nil, ErrNoColumns
	}
	if !h.has(FName) && !h.has(FOwnerName) {
		return h, nil, headerError{fmt.Sprintf("Kolom Nama Usaha atau Nama Pemilik tidak ditemukan (kolom yang ada: %s)", strings.Join(names, ", "))}
	}
	return h, rows[first+n:], nil
}

// bestHeaderBlock returns the first row index and height of the block
// naming the most fields, or -1 when no block names any.
func bestHeaderBlock(rows [][]string, merges []cellRange) (int, int) {
	best, bestN, bestCount := -1, 0, 0
	for i := range rows {
		for n := 1; n <= maxHeaderRows && i+n <= len(rows); n++ {
			// a row of one cell above a header is its title, not a parent
			if blankRow(rows[i+n-1]) || n == 2 && filledCells(rows[i]) < 2 {
				break
			}
			if c := mapHeader(blockNames(rows, i, n, merges), nil, nil).recognised(); c > bestCount || c == bestCount && c > 0 && n < bestN {
				best, bestN, bestCount = i, n, c
			}
		}
	}
	return best, bestN
}

// blockNames names each column of the header block rows[first:first+n] by
// its names from top to bottom, joined by headerSep ("OMZET (Rp) / PER
// BULAN"); a name repeated below itself (a cell merged down) counts once.
// Merged areas give their name to every cell they cover. A file without
// merge information (CSV) spreads a parent name to the right over empty
// cells that have a child name below, as long as its own column has one.
func blockNames(rows [][]string, first, n int, merges []cellRange) []string {
	grid := make([][]string, n)
	width := 0
	for k := range grid {
		grid[k] = slices.Clone(rows[first+k])
		width = max(width, len(grid[k]))
	}
	for k := range grid {
		for len(grid[k]) < width {
			grid[k] = append(grid[k], "")
		}
	}
	if n > 1 && len(merges) == 0 {
		last := grid[n-1]
		for k := 0; k < n-1; k++ {
			for c := 1; c < width; c++ {
				if grid[k][c] == "" && grid[k][c-1] != "" && last[c] != "" && last[c-1] != "" {
					grid[k][c] = grid[k][c-1]
				}
			}
		}
	}
	for _, m := range merges {
		top, bottom := max(m.Row1, first+1), min(m.Row2, first+n)
		if top > bottom || m.Col1 >= width {
			continue
		}
		val := grid[top-first-1][m.Col1]
		for r := top; r <= bottom; r++ {
			for c := m.Col1; c <= min(m.Col2, width-1); c++ {
				if grid[r-first-1][c] == "" {
					grid[r-first-1][c] = val
				}
			}
		}
	}
	names := make([]string, width)
	for c := range names {
		var parts []string
		for k := range grid {
			v := strings.Join(strings.Fields(grid[k][c]), " ")
			if v != "" && (len(parts) == 0 || !strings.EqualFold(parts[len(parts)-1], v)) {
				parts = append(parts, v)
			}
		}
		names[c] = strings.Join(parts, headerSep)
	}
	return names
}

// FindHeader reads a file's header as an import does (the block of one to
// three leading rows that names the most fields) and returns it with
// the rows already read after it, for other readers of the office's lists.
func FindHeader(t Table) (Header, [][]string, error) { return findHeader(t, nil, HeaderChoice{}) }

func filledCells(r []string) int {
	n := 0
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

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
