package importer

import (
	"errors"
	"fmt"
	"io"
)

// start makes part i the one read.
func (r *runner) start(i int) {
	r.cur = i
	p := r.parts[i]
	r.pending, r.row, r.blanks, r.group = p.first, p.h.Last(), nil, placeDefaults{}
}

// nextRow returns the next row of the parts, blank ones included.
func (r *runner) nextRow() ([]string, error) {
	for {
		if len(r.pending) > 0 {
			var cells []string
			cells, r.pending = r.pending[0], r.pending[1:]
			r.row++
			return cells, nil
		}
		p := r.parts[r.cur]
		cells, err := p.t.Next()
		if errors.Is(err, io.EOF) && r.cur+1 < len(r.parts) {
			_, total := p.t.Progress()
			r.doneSize += total
			r.start(r.cur + 1)
			continue
		}
		if err != nil {
			return nil, err
		}
		r.row++
		return cells, nil
	}
}

// next returns the candidates of the next rows: a data row interpreted,
// or a row that holds no business, to be skipped with its kind. Blank rows
// are reported once a later row shows they lie inside the table (blank
// rows at the end of a sheet are no rows); a part's first row after them
// ends them unreported.
func (r *runner) next() ([]*Candidate, error) {
	for {
		cur := r.cur
		cells, err := r.nextRow()
		if err != nil {
			return nil, err
		}
		if r.cur != cur {
			r.blanks = r.blanks[:0]
		}
		p := r.parts[r.cur]
		kind, level, name, label := rowKind(cells)
		if kind == SkipBlank {
			r.blanks = append(r.blanks, r.row)
			continue
		}
		out := make([]*Candidate, 0, len(r.blanks)+1)
		for _, b := range r.blanks {
			out = append(out, &Candidate{Row: b, Skip: SkipBlank, part: p})
		}
		r.blanks = r.blanks[:0]
		if kind != "" {
			if kind == SkipGroup {
				r.setGroup(level, name)
			}
			return append(out, &Candidate{Row: r.row, Cells: cells, Skip: kind, Label: label, part: p}), nil
		}
		c := p.interp.interpretIn(r.row, cells, r.places())
		c.part = p
		return append(out, c), nil
	}
}

// setGroup makes a group row's region the default of the rows below it: a
// kecamatan ends the desa of the group before.
func (r *runner) setGroup(level, name string) {
	from := fmt.Sprintf("baris kelompok %d", r.row)
	if level == GroupDistrict {
		r.group = placeDefaults{kec: name, kecFrom: from}
		return
	}
	r.group.desa, r.group.desaFrom = name, from
}

// places are the defaults of the current row: its group's, else the sheet's.
func (r *runner) places() placeDefaults {
	d := r.group
	if d.kec == "" {
		p := r.parts[r.cur].place
		d.kec, d.kecFrom = p.kec, p.kecFrom
	}
	return d
}

// progress is how far reading has come over all parts.
func (r *runner) progress() (int64, int64) {
	done, _ := r.parts[r.cur].t.Progress()
	var total int64
	for _, p := range r.parts {
		_, t := p.t.Progress()
		total += t
	}
	return r.doneSize + done, total
}
