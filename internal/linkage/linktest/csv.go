package linktest

import (
	"bufio"
	"encoding/csv"
	"os"
	"strings"

	"naikkelas/internal/region"
)

// WriteCSV writes d as the office's CSV (headers the import recognises),
// the desa and kecamatan by name as people type them, so that reading it
// back goes through region matching.
func WriteCSV(path string, d Data) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	cw := csv.NewWriter(w)
	cw.Write([]string{"ID", "Nama Usaha", "Nama Pemilik", "NIK", "NIB", "No HP", "Desa", "Kecamatan", "Alamat"})
	dir := region.All()
	for _, b := range d.Records {
		desa, kec := "", ""
		if strings.Count(b.Place, ".") == 3 {
			desa = dir.Name(b.Place)
			kec = dir.Name(b.Place[:strings.LastIndexByte(b.Place, '.')])
		} else if b.Place != "" {
			kec = dir.Name(b.Place)
		}
		cw.Write([]string{b.ID, b.Name, b.OwnerName, b.NIK, b.NIB, b.Phone, desa, kec, b.Address})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
