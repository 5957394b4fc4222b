package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"naikkelas/internal/config"
	"naikkelas/internal/linkage"
	"naikkelas/internal/linkage/linkfile"
)

// linkSummary is the --json output.
type linkSummary struct {
	Records     int     `json:"records"`
	Clusters    int     `json:"clusters"`
	LinkedPairs int     `json:"linked_pairs"`
	Seconds     float64 `json:"seconds"`
}

// linkMemoryLimit is the heap the garbage collector aims to stay under
// while linking, unless GOMEMLIMIT sets another: a million rows fit in it,
// and without it the heap grows to twice what is live.
const linkMemoryLimit = 1536 << 20

func runLink(ctx context.Context, env *Env, c *Command, args []string) error {
	start := time.Now()
	if debug.SetMemoryLimit(-1) == math.MaxInt64 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(linkMemoryLimit))
	}
	cfg := config.FromEnv(env.Getenv)
	fset := flags(c)
	cfg.BindJurisdiction(fset)
	asJSON := fset.Bool("json", false, "cetak ringkasan sebagai satu objek JSON")
	idColumn := fset.String("id-column", "", "kolom pengenal baris; bawaan: ID atau No, jika tidak ada: nomor baris")
	threshold := fset.Float64("threshold", 0.9, "peluang minimal agar dua baris ditautkan (antara 0 dan 1)")
	pairsPath := fset.String("pairs", "", "tulis pasangan kandidat beserta tingkat kecocokan tiap kolom ke berkas CSV ini")
	sheet := fset.String("sheet", "", "nama lembar XLSX; bawaan: lembar pertama")
	out := fset.String("o", "", "berkas CSV hasil (id,cluster,match_probability)")
	pos, err := parse(env, c, fset, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return usagef("sebutkan satu berkas: naikkelas link -o clusters.csv FILE")
	case *out == "":
		return usagef("-o FILE wajib diisi")
	case !(*threshold > 0 && *threshold < 1):
		return usagef("--threshold harus di antara 0 dan 1, mis. 0.9")
	}
	f, size, err := openInput(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	list, err := linkfile.Read(ctx, filepath.Base(pos[0]), f, size,
		linkfile.Options{IDColumn: *idColumn, Sheet: *sheet, Jurisdiction: cfg.Jurisdiction})
	if err != nil {
		return err
	}
	lc := linkage.BusinessConfig()
	lc.Threshold = *threshold
	res, err := linkage.Link(list.Records(), lc)
	if err != nil {
		return err
	}
	if err := writeAtomic(*out, func(w *bufio.Writer) error { return linkfile.WriteClusters(w, list, res) }); err != nil {
		return err
	}
	if *pairsPath != "" {
		// Pairs far below any threshold are noise to a reader; those from
		// 0.1 up include every near miss.
		err := writeAtomic(*pairsPath, func(w *bufio.Writer) error { return linkfile.WritePairs(w, list, res, 0.1) })
		if err != nil {
			return err
		}
	}
	sum := linkSummary{Records: len(list.Businesses), Clusters: res.Clusters, LinkedPairs: res.Linked,
		Seconds: time.Since(start).Seconds()}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(sum)
	}
	fmt.Fprintf(env.Stdout, "%d baris, %d kelompok usaha, %d pasangan ditautkan (%.1f detik); hasil di %s\n",
		sum.Records, sum.Clusters, sum.LinkedPairs, sum.Seconds, *out)
	if list.Unresolved > 0 {
		fmt.Fprintf(env.Stdout, "%d baris dengan desa/kecamatan yang tidak dikenali dibandingkan tanpa wilayah\n", list.Unresolved)
	}
	return nil
}

// writeAtomic writes path through a temporary file in its folder, renamed
// into place only when complete.
func writeAtomic(path string, write func(*bufio.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".link-*")
	if err != nil {
		return fmt.Errorf("membuat berkas: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
