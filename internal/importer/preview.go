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
}

// PreviewResult is the column mapping and the first rows' interpretation,
// shown to the officer before a dry run.
type PreviewResult struct {
	Header Header       `json:"header"`
	Rows   []PreviewRow `json:"rows"`
}

// Preview reads the header and up to n data rows without touching the
// register: parsing and region matching only (matching against stored
// businesses happens in the dry run).
func (im *Importer) Preview(ctx context.Context, in Input, opt Options, n int) (*PreviewResult, error) {
	t, err := OpenTable(ctx, in.Name, in.R, in.Size, ReadOptions{Sheet: opt.Sheet, Limits: opt.Limits})
	if err != nil {
		return nil, err
	}
	defer t.Close()
	h, first, err := findHeader(t, opt.Mapping)
	if err != nil && h.Columns == nil {
		return nil, err
	}
	res := &PreviewResult{Header: h}
	if err != nil { // header found but lacks a name column: show it so the officer can map one
		return res, nil
	}
	r := &runner{t: t, pending: first, row: h.Row}
	interp := &Interpreter{Header: h, Regions: im.regionMatcher(), Now: im.Now(), MaxCellBytes: opt.Limits.withDefaults().MaxCellBytes}
	for len(res.Rows) < n {
		cells, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		c := interp.Interpret(r.row, cells)
		res.Rows = append(res.Rows, PreviewRow{Row: c.Row, Values: im.describe(c), Reasons: c.Reasons, Warnings: c.Warnings})
	}
	return res, nil
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
