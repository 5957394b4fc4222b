package importer

import (
	"context"
	"errors"
	"io"
	"strings"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
)

// PreviewRow is how the importer reads one of the first rows of a file.
type PreviewRow struct {
	Row      int               `json:"row"`
	Values   map[string]string `json:"values"` // field label → value as understood
	Reasons  []string          `json:"reasons"`
	Warnings []string          `json:"warnings"`
	Skip     string            `json:"skip,omitempty"`  // the kind of a row that holds no business
	Label    string            `json:"label,omitempty"` // its label ("KECAMATAN CIKANDE")
}

// PreviewResult is the column mapping and the first rows' interpretation,
// shown to the officer before a dry run, with the sheets of a workbook.
type PreviewResult struct {
	Header Header         `json:"header"`
	Rows   []PreviewRow   `json:"rows"`
	Sheets []SheetSummary `json:"sheets,omitempty"`
	Sheet  string         `json:"sheet,omitempty"` // the sheet shown
}

// Preview reads the header and up to n rows of the first sheet read
// without touching the register: parsing and region matching only
// (matching against stored businesses happens in the dry run).
func (im *Importer) Preview(ctx context.Context, in Input, opt Options, n int) (*PreviewResult, error) {
	ps, sheets, err := im.openParts(ctx, in, opt)
	if err != nil {
		var he headerError
		if !errors.As(err, &he) {
			return nil, err
		}
		// the header lacks a name column: show it so the officer can map one
		return im.previewHeaderOnly(ctx, in, opt)
	}
	defer ps.Close()
	ps = ps[:1]
	res := &PreviewResult{Header: ps[0].h, Sheets: sheets, Sheet: ps[0].sheet}
	r := &runner{parts: ps}
	r.start(0)
	for len(res.Rows) < n {
		cs, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if len(res.Rows) < n {
				res.Rows = append(res.Rows, PreviewRow{Row: c.Row, Values: im.describe(c), Reasons: c.Reasons,
					Warnings: c.Warnings, Skip: c.Skip, Label: c.Label})
			}
		}
	}
	return res, nil
}

// previewHeaderOnly shows the header of a file whose header names no
// business or owner column.
func (im *Importer) previewHeaderOnly(ctx context.Context, in Input, opt Options) (*PreviewResult, error) {
	sheet := opt.Sheet
	if strings.EqualFold(sheet, AllSheets) {
		sheet = ""
	}
	t, err := OpenTable(ctx, in.Name, in.R, in.Size, ReadOptions{Sheet: sheet, Limits: opt.Limits})
	if err != nil {
		return nil, err
	}
	defer t.Close()
	h, _, err := findHeader(t, opt.Mapping, opt.Header)
	if err != nil && h.Columns == nil {
		return nil, err
	}
	return &PreviewResult{Header: h}, nil
}

// describe renders a candidate's understood values for the preview.
func (im *Importer) describe(c *Candidate) map[string]string {
	b := &c.Business
	v := map[string]string{}
	put := func(k, val string) {
		if strings.TrimSpace(val) != "" {
			v[k] = val
		}
	}
	put("Nama Usaha", b.Name)
	put("Nama Pemilik", b.OwnerName)
	put("NIK", b.NIK)
	put("NIB", b.NIB)
	put("No HP", b.Phone)
	if b.VillageCode != "" {
		put("Desa", im.Regions.Name(b.VillageCode)+", Kec. "+im.Regions.Name(region.DistrictOf(b.VillageCode))+" ("+b.VillageCode+")")
	}
	put("Sektor", b.Sector)
	put("KBLI", b.KBLI)
	if c.Money != nil {
		if c.Money.HasRevenue {
			put("Omzet per Tahun", idfmt.Rupiah(c.Money.Revenue))
		}
		if c.Money.HasCapital {
			put("Modal", idfmt.Rupiah(c.Money.Capital))
		}
	}
	return v
}
