// Package linkfile reads one of the office's lists (CSV or XLSX, headers
// recognised as the import recognises them) for record linkage and writes
// the clusters and the scored pairs back as CSV.
package linkfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"naikkelas/internal/importer"
	"naikkelas/internal/linkage"
	"naikkelas/internal/region"
)

// Options choose how a file is read.
type Options struct {
	// IDColumn names the column of row identifiers; "" looks for ID, then
	// No. Without one, rows are numbered from 1.
	IDColumn     string
	Sheet        string
	Jurisdiction string // where desa and kecamatan names are looked up
}

// List is a file's rows as businesses, in file order.
type List struct {
	Businesses []linkage.Business
	IDColumn   string // the header used for IDs, "" for row numbers
	Unresolved int    // rows whose desa or kecamatan named no known region
}

// Records gives the list's businesses as linkage records.
func (l *List) Records() []linkage.Record {
	out := make([]linkage.Record, len(l.Businesses))
	for i, b := range l.Businesses {
		out[i] = linkage.Record{ID: b.ID, Values: b.Values()}
	}
	return out
}

// Read reads the list in r (name is for messages and the format).
func Read(ctx context.Context, name string, r io.ReaderAt, size int64, opt Options) (*List, error) {
	t, err := importer.OpenTable(ctx, name, r, size, importer.ReadOptions{Sheet: opt.Sheet})
	if err != nil {
		return nil, err
	}
	defer t.Close()
	h, first, err := importer.FindHeader(t)
	if err != nil {
		return nil, err
	}
	cols := map[importer.Field]int{}
	for _, c := range h.Columns {
		if c.Field != "" {
			if _, seen := cols[c.Field]; !seen {
				cols[c.Field] = c.Index
			}
		}
	}
	idCol, idName, err := findID(h, opt.IDColumn)
	if err != nil {
		return nil, err
	}
	l := &List{IDColumn: idName}
	places := importer.NewRegionMatcher(region.All(), opt.Jurisdiction)
	seen := map[string]int{}
	rowNo := h.Row
	add := func(row []string) error {
		rowNo++
		if blank(row) {
			return nil
		}
		cell := func(f importer.Field) string {
			if i, ok := cols[f]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		b := linkage.Business{Name: cell(importer.FName), OwnerName: cell(importer.FOwnerName), NIK: cell(importer.FNIK),
			NIB: cell(importer.FNIB), Phone: cell(importer.FPhone), Address: cell(importer.FAddress)}
		b.ID = strconv.Itoa(len(l.Businesses) + 1)
		if idCol >= 0 {
			if idCol < len(row) {
				b.ID = strings.TrimSpace(row[idCol])
			}
			if b.ID == "" {
				return fmt.Errorf("baris %d: kolom %s kosong", rowNo, idName)
			}
		}
		if prev, dup := seen[b.ID]; dup {
			return fmt.Errorf("baris %d: %s %q sudah dipakai di baris %d; setiap baris perlu ID sendiri", rowNo, idName, b.ID, prev)
		}
		seen[b.ID] = rowNo
		b.Place = resolve(places, cell(importer.FVillageCode), cell(importer.FVillage), cell(importer.FDistrict))
		if b.Place == "" && (cell(importer.FVillage) != "" || cell(importer.FDistrict) != "" || cell(importer.FVillageCode) != "") {
			l.Unresolved++
		}
		l.Businesses = append(l.Businesses, b)
		return nil
	}
	for _, row := range first {
		if err := add(row); err != nil {
			return nil, err
		}
	}
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := add(row); err != nil {
			return nil, err
		}
	}
	if len(l.Businesses) == 0 {
		return nil, importer.ErrHeaderOnly
	}
	return l, nil
}

// findID returns the index and header of the ID column, -1 when there is
// none. A named column that is missing is an error.
func findID(h importer.Header, name string) (int, string, error) {
	want := []string{"id", "no"}
	if name != "" {
		want = []string{importer.NormalizeHeader(name)}
	}
	for _, w := range want {
		for _, c := range h.Columns {
			if importer.NormalizeHeader(c.Header) == w {
				return c.Index, c.Header, nil
			}
		}
	}
	if name != "" {
		return 0, "", fmt.Errorf("kolom ID %q tidak ada di baris judul", name)
	}
	return -1, "", nil
}

// resolve gives the desa's code, else the kecamatan's, else "".
func resolve(m *importer.RegionMatcher, code, desa, kec string) string {
	if code == "" {
		code = desa
	}
	if code != "" {
		if c, err := m.Match(code, kec); err == nil {
			return c
		}
	}
	if kec != "" {
		if c, err := m.District(kec); err == nil {
			return c
		}
	}
	return ""
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
