package linkfile

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"naikkelas/internal/linkage"
	"naikkelas/internal/sheet"
)

// WriteClusters writes "id,cluster,match_probability", one line per row in
// file order; the probability is the row's strongest link in its cluster,
// empty for a row alone.
func WriteClusters(w io.Writer, l *List, res *linkage.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "cluster", "match_probability"})
	for i, b := range l.Businesses {
		p := ""
		if !math.IsNaN(res.Probability[i]) {
			p = formatProbability(res.Probability[i])
		}
		if err := cw.Write([]string{sheet.SafeCell(b.ID), sheet.SafeCell(res.Cluster[i]), p}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePairs writes every scored candidate pair at or above min with each
// field's comparison level in words ("sama", "beda 1 digit", "kosong"), so
// that a person can see why two rows were linked.
func WritePairs(w io.Writer, l *List, res *linkage.Result, min float64) error {
	cw := csv.NewWriter(w)
	fields := res.Fields()
	head := []string{"id_a", "id_b", "match_probability", "linked"}
	for _, f := range fields {
		head = append(head, f.Name)
	}
	cw.Write(head)
	err := res.Pairs(min, func(p linkage.Pair) error {
		linked := "tidak"
		if res.Cluster[p.A] == res.Cluster[p.B] && p.Probability >= res.Threshold() {
			linked = "ya"
		}
		rec := []string{sheet.SafeCell(l.Businesses[p.A].ID), sheet.SafeCell(l.Businesses[p.B].ID), formatProbability(p.Probability), linked}
		for f, lv := range p.Levels {
			rec = append(rec, fields[f].Kind.LevelName(lv))
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func formatProbability(p float64) string { return strconv.FormatFloat(p, 'f', 4, 64) }
