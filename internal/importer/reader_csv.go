package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

type csvTable struct {
	r       *csv.Reader
	counted *countingReader
	size    int64
	limit   cellCounter
}

// Encoding names reported by DetectEncoding.
const (
	EncUTF8    = "UTF-8"
	EncUTF8BOM = "UTF-8 (BOM)"
	EncUTF16   = "UTF-16"
	EncCP1252  = "Windows-1252"
)

// DetectEncoding tells the encoding of a CSV from its first bytes: a UTF-8
// or UTF-16 byte-order mark, valid UTF-8, or else Windows-1252 (what Excel
// on Windows writes when it saves "CSV").
func DetectEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return EncUTF8BOM
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return EncUTF16
	}
	// a multi-byte rune may be cut at the end of the sample
	for i := 0; i < utf8.UTFMax && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	if utf8.Valid(head) {
		return EncUTF8
	}
	return EncCP1252
}

// DetectDelimiter picks ';', ',' or tab from the first line: the one that
// occurs most often outside quotes. Indonesian Excel writes ';'.
func DetectDelimiter(firstLine []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range firstLine {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ';' || c == ',' || c == '\t'):
			counts[c]++
		}
	}
	best, n := byte(','), counts[',']
	for _, c := range []byte{';', '\t'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return rune(best)
}

func openCSV(ctx context.Context, src io.Reader, size int64, opt ReadOptions) (Table, error) {
	counted := &countingReader{ctx: ctx, r: src}
	br := bufio.NewReaderSize(counted, 1<<20)
	head, err := br.Peek(1 << 20)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}))) == 0 {
		return nil, ErrNoData
	}
	var text io.Reader = br
	switch DetectEncoding(head) {
	case EncUTF8BOM:
		_, _ = br.Discard(3)
	case EncUTF16:
		text = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case EncCP1252:
		text = charmap.Windows1252.NewDecoder().Reader(br)
	}
	tb := bufio.NewReaderSize(text, 64<<10)
	first, _ := tb.Peek(64 << 10)
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	r := csv.NewReader(tb)
	r.Comma = DetectDelimiter(first)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	return &csvTable{r: r, counted: counted, size: size, limit: cellCounter{limits: opt.Limits}}, nil
}

func (t *csvTable) Next() ([]string, error) {
	rec, err := t.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &FormatError{"CSV rusak di baris " + itoa(pe.Line) + ": tanda kutip tidak berpasangan atau tidak pada tempatnya."}
		}
		return nil, err
	}
	if err := t.limit.add(rec); err != nil {
		return nil, err
	}
	for i, v := range rec {
		switch {
		case len(v) > t.limit.limits.MaxCellBytes:
			rec[i] = string(shorten([]byte(v), longCellShown)) + cutMark
		case !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0:
			rec[i] = markUnreadable(v)
		}
	}
	return rec, nil
}

// unreadableMark ends a cell that held NUL bytes or bytes that are not
// UTF-8 (a file whose encoding changes after the part DetectEncoding saw):
// such text is refused by PostgreSQL and by every form of naikkelas, so the
// row is rejected (see Interpreter) instead of the whole import failing. Like
// cutMark it is a Unicode noncharacter, which no spreadsheet program writes.
// An XLSX needs no such mark: its XML decoder refuses both.
const unreadableMark = "\uFDD1"

// markUnreadable replaces the offending bytes with U+FFFD, so that the cell
// is valid text for the report, and marks it.
func markUnreadable(v string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(v, "\uFFFD"), "\x00", "\uFFFD") + unreadableMark
}

// isUnreadable reports whether s is a cell markUnreadable marked.
func isUnreadable(s string) bool { return strings.HasSuffix(s, unreadableMark) }

func (t *csvTable) Progress() (int64, int64) { return t.counted.n, t.size }
func (t *csvTable) Close() error             { return nil }

// countingReader counts the bytes read, and stops once ctx is done.
type countingReader struct {
	ctx context.Context
	r   io.Reader
	n   int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
