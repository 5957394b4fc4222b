package importer

import (
	"bytes"
	"context"
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

// Limits protect the server from files that would exhaust it. A zero
// field takes its value from DefaultLimits.
type Limits struct {
	// MaxUncompressed caps the total uncompressed size of an XLSX's parts,
	// read from the zip directory before anything is unpacked (zip bombs).
	MaxUncompressed int64
	// MaxSheetBytes caps the uncompressed size of the sheet read.
	MaxSheetBytes int64
	// MaxSharedStrings caps the uncompressed size of an XLSX's shared
	// strings, which are held in memory while the sheet is read.
	MaxSharedStrings int64
	// MaxCellBytes caps one cell's text. A longer cell rejects its row (or
	// the file, in the header); it is never held in memory whole.
	MaxCellBytes int
	// MaxCells caps the number of non-empty cells read from one file.
	MaxCells int64
	// MaxColumns caps the width of a row.
	MaxColumns int
}

// DefaultLimits suit the office's files (48,000 rows × 40 columns fit many
// times over) while refusing decompression bombs: a 1 MB upload can hold a
// gigabyte of repeated characters.
var DefaultLimits = Limits{MaxUncompressed: 2 << 30, MaxSheetBytes: 1 << 30, MaxSharedStrings: 256 << 20,
	MaxCellBytes: 32 << 10, MaxCells: 60_000_000, MaxColumns: 500}

// withDefaults fills the zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	setIfPositive(&d.MaxUncompressed, l.MaxUncompressed)
	setIfPositive(&d.MaxSheetBytes, l.MaxSheetBytes)
	setIfPositive(&d.MaxSharedStrings, l.MaxSharedStrings)
	setIfPositive(&d.MaxCellBytes, l.MaxCellBytes)
	setIfPositive(&d.MaxCells, l.MaxCells)
	setIfPositive(&d.MaxColumns, l.MaxColumns)
	return d
}

func setIfPositive[T int | int64](dst *T, v T) {
	if v > 0 {
		*dst = v
	}
}

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
// used for messages. Reading stops with ctx's error once ctx is done.
func OpenTable(ctx context.Context, name string, r io.ReaderAt, size int64, opt ReadOptions) (Table, error) {
	opt.Limits = opt.Limits.withDefaults()
	if size == 0 {
		return nil, ErrNoData
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return openXLSX(ctx, r, size, opt)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		// Excel's old format, and also an .xlsx saved with a password
		// (encrypted inside the same container)
		return nil, &FormatError{"Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; keduanya belum didukung. " +
			"Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai .xlsx atau CSV."}
	case strings.HasSuffix(strings.ToLower(name), ".xlsx"):
		return nil, &FormatError{fmt.Sprintf("Berkas %s bukan XLSX yang sah (rusak atau bukan berkas Excel).", name)}
	}
	return openCSV(ctx, io.NewSectionReader(r, 0, size), size, opt)
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
