package importer

import (
	"fmt"
	"io"
	"sort"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/region"
)

// TemplateColumns are the columns of the data-entry template, in order.
var TemplateColumns = []string{
	"Nama Usaha", "Merek", "Nama Pemilik", "NIK", "Jenis Kelamin", "Tanggal Lahir", "No HP", "Email",
	"Kecamatan", "Desa", "Alamat", "KBLI", "Sektor", "Tahun Berdiri", "Tenaga Kerja", "Omzet per Tahun", "Modal",
	"NIB", "No PIRT", "PIRT Berlaku Sampai", "Status Halal", "No Sertifikat Halal", "Halal Berlaku Sampai",
	"No BPOM", "No HKI", "Produk",
}

// templateRows is how many rows carry dropdowns and text formats.
const templateRows = 5000

var instructions = []string{
	"PETUNJUK PENGISIAN DATA UMKM",
	"",
	"1. Isi satu usaha per baris di lembar \"Data\", mulai baris 2. Jangan mengubah baris judul.",
	"2. Wajib diisi: Nama Usaha, Nama Pemilik, Desa (pilih dari daftar), dan sebaiknya Kecamatan.",
	"3. Pilih Kecamatan, Desa, Sektor, Jenis Kelamin dan Status Halal dari daftar pilihan (panah di sel).",
	"   Nama desa yang sama ada di beberapa kecamatan: isi Kecamatan agar tidak tertukar.",
	"4. NIK (16 digit), NIB (13 digit) dan No HP sudah berformat teks. Jangan ubah menjadi angka:",
	"   Excel akan mengubah NIK menjadi 3,60405E+15 dan digitnya hilang; baris seperti itu ditolak.",
	"5. Uang dalam rupiah: 1500000, 1.500.000, Rp 1.500.000, 1,5 jt, 750 rb atau 2 M semuanya diterima.",
	"   Omzet adalah hasil penjualan per tahun. Jika yang diketahui omzet per bulan, ganti judul kolom",
	"   menjadi \"Omzet per Bulan\"; sistem mengalikannya 12.",
	"6. Tanggal: 20/10/2025, 20-10-2025, 2025-10-20 atau 20 Oktober 2025.",
	"7. Kelas usaha (mikro/kecil/menengah) dihitung otomatis dari omzet, atau dari modal bila omzet kosong",
	"   (PP 7/2021). Tidak perlu diisi.",
	"8. Usaha yang sudah terdaftar dikenali dari NIB, atau dari NIK + nama usaha. Mengimpor berkas yang sama",
	"   dua kali tidak membuat data ganda; sel kosong tidak menghapus data yang sudah ada.",
	"9. Baris yang ditolak dapat diunduh sebagai laporan, diperbaiki di Excel, lalu diimpor ulang apa adanya.",
	"10. Produk: tulis beberapa nama produk dipisah titik koma, mis. Emping; Keripik pisang.",
}

// WriteTemplate writes the data-entry template: a "Data" sheet with the
// headers, text format for identifiers and dropdowns for kecamatan, desa,
// sector, gender and halal status (lists on a hidden "Daftar" sheet, named
// ranges), and a "Petunjuk" sheet with instructions in Indonesian.
func WriteTemplate(w io.Writer, dir *region.Directory, jurisdiction string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Data"); err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	col := map[string]string{}
	for i, h := range TemplateColumns {
		c, _ := excelize.ColumnNumberToName(i + 1)
		col[h] = c
		_ = f.SetCellStr("Data", c+"1", h)
		_ = f.SetColWidth("Data", c, c, max(12, float64(len(h))+2))
	}
	last, _ := excelize.ColumnNumberToName(len(TemplateColumns))
	_ = f.SetCellStyle("Data", "A1", last+"1", bold)
	_ = f.SetPanes("Data", &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	for _, h := range []string{"NIK", "No HP", "NIB", "No PIRT", "KBLI", "No Sertifikat Halal"} {
		_ = f.SetCellStyle("Data", col[h]+"2", fmt.Sprintf("%s%d", col[h], templateRows), text)
	}
	n, err := writeLists(f, dir, jurisdiction)
	if err != nil {
		return err
	}
	for _, dv := range []struct{ col, ref string }{
		{"Kecamatan", fmt.Sprintf("Daftar!$A$2:$A$%d", n[0]+1)},
		{"Desa", fmt.Sprintf("Daftar!$B$2:$B$%d", n[1]+1)},
		{"Sektor", fmt.Sprintf("Daftar!$C$2:$C$%d", n[2]+1)},
	} {
		v := excelize.NewDataValidation(true)
		v.Sqref = fmt.Sprintf("%s2:%s%d", col[dv.col], col[dv.col], templateRows)
		v.SetSqrefDropList(dv.ref)
		if err := f.AddDataValidation("Data", v); err != nil {
			return err
		}
	}
	for _, dv := range []struct {
		col  string
		list []string
	}{{"Jenis Kelamin", []string{"L", "P"}}, {"Status Halal", []string{"Belum", "Proses", "Sudah"}}} {
		v := excelize.NewDataValidation(true)
		v.Sqref = fmt.Sprintf("%s2:%s%d", col[dv.col], col[dv.col], templateRows)
		if err := v.SetDropList(dv.list); err != nil {
			return err
		}
		if err := f.AddDataValidation("Data", v); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet("Petunjuk"); err != nil {
		return err
	}
	for i, line := range instructions {
		_ = f.SetCellStr("Petunjuk", fmt.Sprintf("A%d", i+1), line)
	}
	_ = f.SetColWidth("Petunjuk", "A", "A", 110)
	f.SetActiveSheet(0)
	return f.Write(w)
}

// writeLists fills the hidden "Daftar" sheet with the kecamatan, the desa
// names (each once, sorted) and the KBLI categories, and names the ranges.
func writeLists(f *excelize.File, dir *region.Directory, jurisdiction string) ([3]int, error) {
	var n [3]int
	if _, err := f.NewSheet("Daftar"); err != nil {
		return n, err
	}
	var kec, desa, sec []string
	for _, d := range dir.Districts(jurisdiction) {
		kec = append(kec, d.Name)
	}
	seen := map[string]bool{}
	for _, v := range dir.Villages(jurisdiction) {
		if !seen[v.Name] {
			seen[v.Name] = true
			desa = append(desa, v.Name)
		}
	}
	for _, s := range region.Sectors() {
		sec = append(sec, s.Code+" - "+s.Name)
	}
	sort.Strings(kec)
	sort.Strings(desa)
	for i, list := range [][]string{kec, desa, sec} {
		c, _ := excelize.ColumnNumberToName(i + 1)
		_ = f.SetCellStr("Daftar", c+"1", []string{"Kecamatan", "Desa", "Sektor"}[i])
		for j, v := range list {
			_ = f.SetCellStr("Daftar", fmt.Sprintf("%s%d", c, j+2), v)
		}
		n[i] = len(list)
		name := []string{"DaftarKecamatan", "DaftarDesa", "DaftarSektor"}[i]
		if len(list) > 0 {
			_ = f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: fmt.Sprintf("Daftar!$%s$2:$%s$%d", c, c, len(list)+1)})
		}
	}
	return n, f.SetSheetVisible("Daftar", false)
}
