package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Table is a stream of rows read from an uploaded file, header included.
type Table interface {
	// Next returns the next row's cells, or io.EOF after the last row.
	Next() ([]string, error)
	// Progress reports how far reading has come, as done out of total units
	// (bytes for CSV, rows for XLSX); total is 0 when unknown.
	Progress() (done, total int64)
	// Close releases the file.
	Close() error
}

// Limits protect the server from files that would exhaust it.
type Limits struct {
	// MaxUncompressed caps the total uncompressed size of an XLSX's parts,
	// read from the zip directory before anything is unpacked (zip bombs).
	MaxUncompressed int64
	// MaxCells caps the number of non-empty cells read from one file.
	MaxCells int64
	// MaxColumns caps the width of a row.
	MaxColumns int
}

// DefaultLimits suit the office's files (48,000 rows × 40 columns fit many
// times over) while refusing decompression bombs.
var DefaultLimits = Limits{MaxUncompressed: 2 << 30, MaxCells: 60_000_000, MaxColumns: 500}

// ReadOptions choose what to read.
type ReadOptions struct {
	Sheet  string // XLSX sheet; "" = the first
	Limits Limits
}

// ErrNoData is returned for an empty file.
var ErrNoData = errors.New("Berkas kosong: tidak ada baris yang bisa dibaca")

// FormatError is a file that cannot be read at all; its message is Indonesian.
type FormatError struct{ Msg string }

func (e *FormatError) Error() string { return e.Msg }

// OpenTable recognises the file's format by its content (XLSX is a zip,
// everything else is read as CSV) and opens it for streaming. name is only
// used for messages.
func OpenTable(name string, r io.ReaderAt, size int64, opt ReadOptions) (Table, error) {
	if opt.Limits == (Limits{}) {
		opt.Limits = DefaultLimits
	}
	if size == 0 {
		return nil, ErrNoData
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return openXLSX(r, size, opt)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, &FormatError{"Format Excel lama (.xls) belum didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV."}
	case strings.HasSuffix(strings.ToLower(name), ".xlsx"):
		return nil, &FormatError{fmt.Sprintf("Berkas %s bukan XLSX yang sah (rusak atau bukan berkas Excel).", name)}
	}
	return openCSV(io.NewSectionReader(r, 0, size), size, opt)
}

// cellCounter enforces MaxCells and MaxColumns while rows stream in.
type cellCounter struct {
	limits Limits
	cells  int64
}

func (c *cellCounter) add(row []string) error {
	if len(row) > c.limits.MaxColumns {
		return &FormatError{fmt.Sprintf("Baris terlalu lebar: %d kolom (batas %d).", len(row), c.limits.MaxColumns)}
	}
	for _, v := range row {
		if v != "" {
			c.cells++
		}
	}
	if c.cells > c.limits.MaxCells {
		return &FormatError{fmt.Sprintf("Berkas terlalu besar: lebih dari %d sel berisi. Bagi berkas menjadi beberapa bagian.", c.limits.MaxCells)}
	}
	return nil
}
