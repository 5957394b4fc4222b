package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
)

func runImport(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fset := dbFlags(env, c)
	cfg.BindJurisdiction(fset)
	source := fset.String("source", "", "nama sumber data (dicatat sebagai sumber pengukuran); bawaan: nama berkas")
	sheet := fset.String("sheet", "", "nama lembar XLSX, atau \"all\" untuk semua lembar; bawaan: lembar pertama yang berjudul "+
		"kolom dan lembar lain yang kolomnya sama")
	dry := fset.Bool("dry-run", false, "hitung hasilnya tanpa menulis apa pun")
	linkLikely := fset.Bool("link-likely", false, "tautkan baris yang kemungkinan sama dengan usaha terdaftar ke usaha itu; "+
		"bawaan: tambahkan dan masukkan ke tinjauan duplikat")
	reportPath := fset.String("report", "", "tulis baris yang ditolak (XLSX) ke berkas ini")
	asJSON := fset.Bool("json", false, "cetak ringkasan sebagai satu objek JSON")
	pos, err := parse(env, c, fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("sebutkan satu berkas: naikkelas import --db DB FILE")
	}
	f, size, err := openInput(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	if _, set := env.Getenv("GOMEMLIMIT"); !set {
		// a soft limit keeps a million-row import's memory bounded: the
		// collector runs more often instead of the heap growing
		// (bench/README.md)
		debug.SetMemoryLimit(importMemoryLimit)
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	name := filepath.Base(pos[0])
	opt := importer.Options{Source: *source, Sheet: *sheet, DryRun: *dry, Actor: auth.System, LinkLikely: *linkLikely}
	var bar *progressBar
	if isTerminal(env.Stderr) {
		bar = &progressBar{w: env.Stderr}
		opt.OnProgress = bar.update
	}
	im := importer.New(st, cfg.Jurisdiction)
	imp, err := im.Begin(ctx, name, opt)
	if err != nil {
		return err
	}
	var rejected, likely []importer.RowOutcome
	opt.OnRow = func(o importer.RowOutcome) {
		if o.Outcome == importer.Rejected && len(rejected) < 20 {
			rejected = append(rejected, o)
		}
		if o.Outcome != importer.Rejected && o.Likely != nil && len(likely) < 20 {
			likely = append(likely, o)
		}
	}
	err = im.Run(ctx, imp, importer.Input{Name: name, R: f, Size: size}, opt)
	bar.done()
	if err != nil {
		if msg := imp.Message; msg != "" && !strings.HasPrefix(msg, "Impor gagal karena") {
			return errors.New(msg)
		}
		return err
	}
	if *reportPath != "" && imp.Report != nil {
		if err := os.WriteFile(*reportPath, imp.Report, 0o644); err != nil {
			return fmt.Errorf("menulis laporan: %w", err)
		}
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(imp.Summary)
	}
	printSummary(env.Stdout, imp, rejected, likely, *reportPath)
	return nil
}

// importMemoryLimit is the Go heap's soft limit during a command-line import.
const importMemoryLimit = 160 << 20

func printSummary(w io.Writer, imp *importer.Import, rejected, likely []importer.RowOutcome, reportPath string) {
	s := imp.Summary
	mode := "Impor selesai"
	if imp.DryRun {
		mode = "Uji coba (dry run) selesai; tidak ada yang ditulis"
	}
	fmt.Fprintf(w, "%s: %s (impor #%d, sumber %q)\n", mode, imp.FileName, imp.ID, imp.Source)
	fmt.Fprintf(w, "  baris dibaca   %d\n  ditambahkan    %d\n  diperbarui     %d\n  tidak berubah  %d\n  ditolak        %d (duplikat dalam berkas: %d)\n",
		s.Total, s.Inserted, s.Updated, s.Unchanged, s.Rejected, s.DuplicatesInFile)
	if s.Skipped > 0 {
		k := s.SkippedKinds
		fmt.Fprintf(w, "  dilewati       %d (kelompok wilayah %d, subtotal %d, jumlah %d, kosong %d)\n",
			s.Skipped, k.Group, k.Subtotal, k.Total, k.Blank)
	}
	for _, sh := range s.Sheets {
		if sh.Read {
			fmt.Fprintf(w, "Lembar %q: dibaca, %d baris\n", sh.Name, sh.Rows)
		} else {
			fmt.Fprintf(w, "Lembar %q: TIDAK dibaca (%d baris): %s\n", sh.Name, sh.Rows, sh.Reason)
		}
	}
	if len(imp.UnknownColumns) > 0 {
		fmt.Fprintf(w, "Kolom tidak dikenal (diabaikan): %s\n", strings.Join(imp.UnknownColumns, ", "))
	}
	if s.Likely > 0 {
		fmt.Fprintf(w, "  kemungkinan sama dengan usaha terdaftar  %d\n", s.Likely)
	}
	for _, o := range likely {
		fmt.Fprintf(w, "  baris %d: %s\n", o.Row, strings.Join(o.Warnings, "; "))
	}
	for _, o := range rejected {
		fmt.Fprintf(w, "  baris %d: %s\n", o.Row, strings.Join(o.Reasons, "; "))
	}
	if s.Rejected > len(rejected) {
		fmt.Fprintf(w, "  … dan %d baris ditolak lainnya\n", s.Rejected-len(rejected))
	}
	switch {
	case reportPath != "" && imp.Report != nil:
		fmt.Fprintf(w, "Laporan baris ditolak: %s (perbaiki lalu impor ulang berkas itu apa adanya)\n", reportPath)
	case reportPath != "":
		fmt.Fprintln(w, "Tidak ada baris ditolak; laporan tidak dibuat.")
	}
}

// progressBar draws "[#####     ]  45%  12345 baris" on a terminal.
type progressBar struct {
	w    io.Writer
	last int
}

func (p *progressBar) update(pr importer.Progress) {
	pct := -1
	if pr.Total > 0 {
		pct = int(pr.Done * 100 / pr.Total)
	}
	if pct == p.last && pct >= 0 {
		return
	}
	p.last = pct
	if pct < 0 {
		fmt.Fprintf(p.w, "\r%d baris", pr.Rows)
		return
	}
	bar := strings.Repeat("#", pct/4) + strings.Repeat(" ", 25-pct/4)
	fmt.Fprintf(p.w, "\r[%s] %3d%%  %d baris", bar, min(pct, 100), pr.Rows)
}

func (p *progressBar) done() {
	if p != nil {
		fmt.Fprintln(p.w)
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
