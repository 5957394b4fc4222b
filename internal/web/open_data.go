package web

import (
	"net/http"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
	"naikkelas/internal/sheet"
)

type openDataView struct {
	*indicators.OpenData
	MinCount int
}

// openData is the public open data page: counts per kecamatan, small
// counts suppressed, with CSV downloads.
func (s *Server) openData(w http.ResponseWriter, r *http.Request) error {
	d, err := s.Indicators.Open(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "open_data", page{Title: "Data terbuka UMKM", Data: openDataView{OpenData: d, MinCount: indicators.MinCount}})
	return nil
}

// cellValue is a published count for a CSV: empty when suppressed.
func cellValue(c indicators.Cell) any {
	if c.Suppressed {
		return nil
	}
	return c.Value
}

// openDataDistrictsCSV downloads the per-kecamatan counts.
func (s *Server) openDataDistrictsCSV(w http.ResponseWriter, r *http.Request) error {
	d, err := s.Indicators.Open(r.Context())
	if err != nil {
		return err
	}
	csvHeaders(w, "umkm-per-kecamatan-"+idfmt.Day(d.AsOf)+".csv")
	c, err := sheet.NewCSV(w, []string{"kode_kecamatan", "kecamatan", "jumlah_desa", "jumlah_usaha", "mikro", "kecil", "menengah",
		"besar", "kelas_belum_diketahui", "memiliki_nib", "bersertifikat_halal", "pernah_dilatih"})
	if err != nil {
		return nil
	}
	for _, o := range d.Districts {
		row := []any{o.Code, o.Name, o.Villages, cellValue(o.Businesses)}
		for _, cl := range o.Classes {
			row = append(row, cellValue(cl))
		}
		row = append(row, cellValue(o.NIB), cellValue(o.Halal), cellValue(o.Trained))
		if c.Row(row) != nil {
			return nil
		}
	}
	_ = c.Flush()
	return nil
}

// openDataSectorsCSV downloads the kecamatan × KBLI category counts.
func (s *Server) openDataSectorsCSV(w http.ResponseWriter, r *http.Request) error {
	d, err := s.Indicators.Open(r.Context())
	if err != nil {
		return err
	}
	csvHeaders(w, "umkm-per-kecamatan-sektor-"+idfmt.Day(d.AsOf)+".csv")
	c, err := sheet.NewCSV(w, []string{"kode_kecamatan", "kecamatan", "kategori_kbli", "sektor", "jumlah_usaha"})
	if err != nil {
		return nil
	}
	for _, o := range d.Sectors {
		if c.Row([]any{o.Code, o.Name, o.Sector, o.Label, cellValue(o.Businesses)}) != nil {
			return nil
		}
	}
	_ = c.Flush()
	return nil
}

func csvHeaders(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "public, max-age=600")
}
