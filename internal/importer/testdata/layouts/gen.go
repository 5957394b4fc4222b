// Command gen writes the office layouts as flat ODS (.fods) and converts
// them to XLSX with LibreOffice, so that the importer's tests read files
// written by a real spreadsheet program, not only by excelize. Run it from
// this directory after changing a layout:
//
//	go run gen.go            # needs soffice (Debian: libreoffice-calc-nogui)
//	go run gen.go -fods-only # writes the .fods files only
//
// Both the .fods and the .xlsx files are committed; the tests need no
// LibreOffice.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strings"
)

// cell is one spreadsheet cell: text (s), a number (n), a date (d,
// YYYY-MM-DD) or a cell covered by a merge (c). span and down merge it
// across columns and rows.
type cell struct {
	kind, v     string
	span, down  int
	dateShownAs string
}

func s(v string) cell { return cell{kind: "s", v: v} }
func n(v string) cell { return cell{kind: "n", v: v} }
func d(iso, shown string) cell {
	return cell{kind: "d", v: iso, dateShownAs: shown}
}
func covered() cell                    { return cell{kind: "c"} }
func wide(c cell, span, down int) cell { c.span, c.down = span, down; return c }
func blank() cell                      { return cell{} }

type sheet struct {
	name   string
	hidden []int // 0-based columns hidden
	width  int
	rows   [][]cell
}

func layouts() map[string][]sheet {
	return map[string][]sheet{
		// A title merged across, a blank row, a header in two rows with
		// merged parents, founding dates in every form, and a hidden
		// column holding stale values.
		"header-bertingkat": {{name: "Data UMKM", width: 11, hidden: []int{10}, rows: [][]cell{
			{wide(s("DATA UMKM BINAAN DISKOUMPERINDAG KABUPATEN SERANG TAHUN 2025"), 11, 1)},
			{},
			{wide(s("NO"), 1, 2), wide(s("NAMA USAHA"), 1, 2), wide(s("IDENTITAS PEMILIK"), 2, 1), covered(),
				wide(s("ALAMAT"), 2, 1), covered(), wide(s("OMZET (Rp)"), 2, 1), covered(),
				wide(s("TANGGAL BERDIRI"), 1, 2), wide(s("KET"), 1, 2), wide(s("NIB"), 1, 2)},
			{covered(), covered(), s("NAMA"), s("NIK"), s("DESA"), s("KECAMATAN"), s("PER BULAN"), s("PER TAHUN"),
				covered(), covered(), covered()},
			{n("1"), s("Keripik Singkong Bu Eti"), s("Eti Rohaeti"), s("3604154107800001"), s("Nambo Udik"), s("Cikande"),
				n("5000000"), blank(), d("2015-03-15", "15/03/2015"), s("binaan 2024"), s("12345")},
			{n("2"), s("Emping Melinjo Pak Dul"), s("Abdul Somad"), s("3604151505850002"), s("Julang"), s("Cikande"),
				blank(), n("90000000"), s("15 Maret 2015"), blank(), s("lama")},
			{n("3"), s("Sate Bandeng Ceu Iis"), s("Iis Aisyah"), s("3604165506900003"), s("Ketos"), s("Kibin"),
				s("Rp 2.500.000"), blank(), s("15/03/2015"), blank(), blank()},
			{n("4"), s("Kerupuk Kulit Mang Ade"), s("Ade Supriatna"), s("3604161212750004"), s("Tambak"), s("Kibin"),
				n("3500000"), blank(), n("2010"), blank(), blank()},
			{n("5"), s("Gipang Hj. Omah"), s("Omah"), blank(), s("Nambo Udk"), s("Cikande"),
				n("4000000"), blank(), n("42078"), s("desa salah ketik"), blank()},
			{n("6"), s("Kopi Robusta Kang Jaja"), s("Jaja Sudrajat"), blank(), s("Kibin"), s("Kibin"),
				blank(), n("120000000"), d("2018-07-01", "01/07/2018"), blank(), blank()},
		}}},
		// Group rows merged across the table set the kecamatan (and desa)
		// of the rows below; blank spacers, subtotals and a grand total.
		"baris-kelompok": {{name: "Rekap", width: 8, rows: [][]cell{
			{wide(s("REKAPITULASI DATA UMKM PER KECAMATAN"), 8, 1)},
			{s("NO"), s("NAMA USAHA"), s("NAMA PEMILIK"), s("DESA"), s("KECAMATAN"), s("OMZET PER TAHUN"), s("TAHUN BERDIRI"), s("KETERANGAN")},
			{wide(s("KECAMATAN CIKANDE"), 8, 1)},
			{n("1"), s("Dodol Cikande Bu Siti"), s("Siti Maesaroh"), s("Cikande"), blank(), n("60000000"), n("2012"), blank()},
			{n("2"), s("Opak Julang"), s("Nani Suryani"), s("Julang"), s("Cikande"), n("48000000"), n("2016"), s("ikut pameran")},
			{wide(s("DESA NAMBO UDIK"), 8, 1)},
			{n("3"), s("Rengginang Bu Enok"), s("Enok Nurhayati"), blank(), blank(), n("24000000"), n("2019"), blank()},
			{n("4"), s("Kue Satu Teh Lilis"), s("Lilis Lisnawati"), blank(), blank(), n("36000000"), n("2020"), blank()},
			{},
			{wide(s("JUMLAH KEC. CIKANDE"), 5, 1), covered(), covered(), covered(), covered(), n("168000000")},
			{},
			{wide(s("KEC. KIBIN"), 8, 1)},
			{n("5"), s("Keripik Tempe Kibin"), s("Yayat Hidayat"), s("Nagara"), blank(), n("30000000"), n("2014"), blank()},
			{n("6"), s("Sale Pisang Barengkok"), s("Euis Komariah"), s("Barengkok"), blank(), n("42000000"), n("2011"), blank()},
			{},
			{wide(s("JUMLAH KEC. KIBIN"), 5, 1), covered(), covered(), covered(), covered(), n("72000000")},
			{},
			{wide(s("JUMLAH"), 5, 1), covered(), covered(), covered(), covered(), n("240000000")},
		}}},
		// One sheet per kecamatan without a kecamatan column (Kaserangan
		// and Sukamaju are desa of two kecamatan each), and a summary
		// sheet that is not a list of businesses.
		"lembar-per-kecamatan": {
			perKecamatan("Cikande", [][2]string{{"Bakung", "Keripik Pisang Bakung"}, {"Koper", "Jamu Gendong Koper"}}),
			perKecamatan("Kibin", [][2]string{{"Sukamaju", "Tahu Sumedang Sukamaju"}, {"Ketos", "Bakso Ikan Ketos"}}),
			perKecamatan("Ciruas", [][2]string{{"Kaserangan", "Kecap Kaserangan"}, {"Pelawad", "Batik Pelawad"}}),
			{name: "Rekap", width: 2, rows: [][]cell{
				{s("KECAMATAN"), s("JUMLAH UMKM")},
				{s("Cikande"), n("2")}, {s("Kibin"), n("2")}, {s("Ciruas"), n("2")},
			}},
		},
	}
}

func perKecamatan(kec string, rows [][2]string) sheet {
	sh := sheet{name: kec, width: 6, rows: [][]cell{
		{wide(s("DATA UMKM KECAMATAN "+strings.ToUpper(kec)), 6, 1)},
		{s("NO"), s("NAMA USAHA"), s("NAMA PEMILIK"), s("DESA"), s("OMZET PER BULAN"), s("TANGGAL BERDIRI")},
	}}
	for i, r := range rows {
		sh.rows = append(sh.rows, []cell{n(fmt.Sprint(i + 1)), s(r[1]), s("Pemilik " + r[1]), s(r[0]),
			n(fmt.Sprint(1500000 * (i + 1))), d(fmt.Sprintf("201%d-0%d-1%d", i+3, i+2, i), "")})
	}
	return sh
}

func main() {
	fodsOnly := flag.Bool("fods-only", false, "write the .fods files without converting them")
	flag.Parse()
	for name, sheets := range layouts() {
		if err := os.WriteFile(name+".fods", []byte(fods(sheets)), 0o644); err != nil {
			log.Fatal(err)
		}
		if *fodsOnly {
			continue
		}
		cmd := exec.Command("soffice", "--headless", "--convert-to", "xlsx", name+".fods")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("soffice %s: %v", name, err)
		}
	}
}

const head = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
  <style:style style:name="date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
`

// fods writes a workbook as flat ODS.
func fods(sheets []sheet) string {
	var b strings.Builder
	b.WriteString(head)
	for _, sh := range sheets {
		fmt.Fprintf(&b, "   <table:table table:name=%q>\n", sh.name)
		for c := 0; c < sh.width; c++ {
			vis := ""
			for _, h := range sh.hidden {
				if h == c {
					vis = ` table:visibility="collapse"`
				}
			}
			fmt.Fprintf(&b, "    <table:table-column%s/>\n", vis)
		}
		for _, row := range sh.rows {
			b.WriteString("    <table:table-row>")
			for _, c := range row {
				b.WriteString(cellXML(c))
			}
			if len(row) == 0 {
				b.WriteString("<table:table-cell/>")
			}
			b.WriteString("</table:table-row>\n")
		}
		b.WriteString("   </table:table>\n")
	}
	b.WriteString("  </office:spreadsheet>\n </office:body>\n</office:document>\n")
	return b.String()
}

func cellXML(c cell) string {
	span := ""
	if c.span > 0 || c.down > 0 {
		span = fmt.Sprintf(` table:number-columns-spanned="%d" table:number-rows-spanned="%d"`, max(c.span, 1), max(c.down, 1))
	}
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	switch c.kind {
	case "s":
		return fmt.Sprintf(`<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>`, span, esc(c.v))
	case "n":
		return fmt.Sprintf(`<table:table-cell office:value-type="float" office:value=%q%s><text:p>%s</text:p></table:table-cell>`, c.v, span, c.v)
	case "d":
		shown := c.dateShownAs
		if shown == "" {
			shown = c.v
		}
		return fmt.Sprintf(`<table:table-cell table:style-name="date" office:value-type="date" office:date-value=%q%s><text:p>%s</text:p></table:table-cell>`, c.v, span, shown)
	case "c":
		return `<table:covered-table-cell/>`
	}
	return `<table:table-cell/>`
}
