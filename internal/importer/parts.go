package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// AllSheets as Options.Sheet reads every sheet that has a header.
const AllSheets = "all"

// part is one table an import reads: a CSV file or one sheet of a workbook.
type part struct {
	sheet  string // "" for CSV
	index  int    // position in the summary's Sheets; -1 for CSV
	t      Table
	h      Header
	first  [][]string // rows read after the header while looking for it
	interp *Interpreter
	place  placeDefaults // the kecamatan a sheet's name supplies
}

// parts are the tables of one file, in reading order.
type parts []*part

func (ps parts) Close() {
	for _, p := range ps {
		p.t.Close()
	}
}

// openParts opens the tables the import reads and describes every sheet
// of a workbook. A CSV is one table. Of a workbook it reads the sheet
// named by opt.Sheet, every sheet with a header (AllSheets), or by default
// the first sheet with a header and every other visible sheet whose
// columns are the same; every sheet it leaves is named with the reason.
// When no sheet can be read, the first sheet's error is returned.
func (im *Importer) openParts(ctx context.Context, in Input, opt Options) (parts, []SheetSummary, error) {
	lim := opt.Limits.withDefaults()
	head := make([]byte, 4)
	n, _ := in.R.ReadAt(head, 0)
	if in.Size == 0 || !bytes.HasPrefix(head[:n], []byte("PK\x03\x04")) {
		t, err := OpenTable(ctx, in.Name, in.R, in.Size, ReadOptions{Limits: lim})
		if err != nil {
			return nil, nil, err
		}
		h, first, err := findHeader(t, opt.Mapping, opt.Header)
		if err != nil {
			t.Close()
			return nil, nil, err
		}
		return parts{im.newPart("", -1, t, h, first, lim)}, nil, nil
	}
	b, err := openBook(ctx, in.R, in.Size, lim)
	if err != nil {
		return nil, nil, err
	}
	if opt.Sheet != "" && !strings.EqualFold(opt.Sheet, AllSheets) {
		if _, err := b.sheet(opt.Sheet); err != nil {
			return nil, nil, err
		}
	}
	var (
		out      parts
		sums     = make([]SheetSummary, len(b.sheets))
		firstErr error
	)
	fail := func(err error) error {
		out.Close()
		return err
	}
	for i := range b.sheets {
		ref := &b.sheets[i]
		sums[i] = SheetSummary{Name: ref.Name}
		why := im.sheetWanted(ref, opt.Sheet, len(out) > 0)
		var p *part
		if why == "" {
			t, err := b.openSheet(ref)
			if err != nil {
				return nil, nil, fail(err)
			}
			choice := opt.Header
			if len(out) > 0 {
				choice = HeaderChoice{} // the officer corrected the first sheet read
			}
			h, first, err := findHeader(t, opt.Mapping, choice)
			switch {
			case isReadError(err):
				t.Close()
				return nil, nil, fail(err)
			case err != nil:
				t.Close()
				if firstErr == nil {
					firstErr = err
				}
				why = Message(err)
			case len(out) > 0 && !strings.EqualFold(opt.Sheet, AllSheets) && !sameColumns(out[0].h, h):
				t.Close()
				why = fmt.Sprintf("kolomnya berbeda dengan lembar %q; pilih lembar ini, atau semua lembar, untuk mengimpornya", out[0].sheet)
			default:
				p = im.newPart(ref.Name, i, t, h, first, lim)
			}
		}
		if p != nil {
			sums[i].Read = true
			out = append(out, p)
			continue
		}
		sums[i].Reason = why
		if sums[i].Rows, err = b.countRows(ref); err != nil {
			return nil, nil, fail(err)
		}
	}
	if len(out) == 0 {
		if firstErr == nil {
			firstErr = ErrNoData
		}
		return nil, nil, firstErr
	}
	return out, sums, nil
}

// sheetWanted returns "" when the sheet is to be tried, or why not.
func (im *Importer) sheetWanted(ref *xlsxSheetRef, choice string, haveOne bool) string {
	switch {
	case strings.EqualFold(choice, AllSheets):
		return ""
	case choice != "":
		if strings.EqualFold(strings.TrimSpace(ref.Name), strings.TrimSpace(choice)) {
			return ""
		}
		return "tidak dipilih"
	case ref.Hidden:
		return "lembar tersembunyi"
	}
	return ""
}

// isReadError reports whether err means the file itself cannot be read,
// not that one sheet lacks a header.
func isReadError(err error) bool {
	var he headerError
	switch {
	case err == nil, errors.Is(err, ErrNoData), errors.Is(err, ErrNoColumns), errors.As(err, &he):
		return false
	}
	var fe *FormatError
	return !errors.As(err, &fe) || !strings.HasPrefix(fe.Msg, "Judul kolom")
}

// sameColumns reports whether two sheets' columns feed the same fields in
// the same places, so that one mapping and one report header fit both.
func sameColumns(a, b Header) bool {
	fields := func(h Header) []Field {
		var out []Field
		for _, c := range h.Columns {
			out = append(out, c.Field)
		}
		for len(out) > 0 && out[len(out)-1] == "" {
			out = out[:len(out)-1]
		}
		return out
	}
	return slices.Equal(fields(a), fields(b))
}

func (im *Importer) newPart(sheet string, index int, t Table, h Header, first [][]string, lim Limits) *part {
	p := &part{sheet: sheet, index: index, t: t, h: h, first: first,
		interp: &Interpreter{Header: h, Regions: im.regionMatcher(), Now: im.Now(), MaxCellBytes: lim.MaxCellBytes}}
	if name, ok := im.regionMatcher().DistrictNamed(sheet); ok && !h.has(FVillageCode) {
		p.place = placeDefaults{kec: name, kecFrom: fmt.Sprintf("nama lembar %q", sheet)}
	}
	return p
}

// countRows counts a sheet's non-empty rows, for a sheet not read.
func (b *xlsxBook) countRows(ref *xlsxSheetRef) (int, error) {
	t, err := b.openSheet(ref)
	if err != nil {
		return 0, err
	}
	defer t.Close()
	n := 0
	for {
		r, err := t.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		if !blankRow(r) {
			n++
		}
	}
}
