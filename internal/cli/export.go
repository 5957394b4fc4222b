package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
)

func runExport(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fset := dbFlags(env, c)
	cfg.BindJurisdiction(fset)
	format := fset.String("format", "xlsx", "xlsx atau csv")
	out := fset.String("o", "", "berkas tujuan")
	var f registry.Filter
	fset.StringVar(&f.District, "district", "", "hanya kecamatan ini (kode, mis. 36.04.15)")
	fset.StringVar(&f.SizeClass, "size-class", "", "hanya kelas ini: mikro, kecil, menengah, besar")
	if err := parseNoArgs(env, c, fset, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o FILE wajib diisi")
	}
	if *format != "xlsx" && *format != "csv" {
		return usagef("--format harus xlsx atau csv")
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := services.New(st, cfg.Jurisdiction).Registry
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".export-*")
	if err != nil {
		return fmt.Errorf("membuat berkas: %w", err)
	}
	defer os.Remove(tmp.Name())
	n := 0
	each := func(fn func(*registry.Business) error) error {
		return svc.Each(ctx, auth.System, f, func(b *registry.Business) error { n++; return fn(b) })
	}
	write := importer.WriteXLSX
	if *format == "csv" {
		write = importer.WriteCSV
	}
	if err := write(tmp, svc.Regions, each); err != nil {
		tmp.Close()
		return fmt.Errorf("ekspor gagal: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d usaha diekspor ke %s\n", n, *out)
	return nil
}
