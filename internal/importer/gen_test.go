package importer_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/region"
)

var genHeader = []string{"Nama Usaha", "Nama Pemilik", "NIK", "NIB", "No HP", "Kode Desa", "Alamat", "Sektor",
	"Tahun Berdiri", "Tenaga Kerja", "Omzet per Tahun", "Modal"}

// genRow returns the cells of generated business i: valid, unique, spread
// over the villages of Kabupaten Serang.
func genRow(i int, villages []region.Region) []string {
	v := villages[i%len(villages)]
	day := 1 + i%28
	if i%2 == 1 {
		day += 40
	}
	nik := fmt.Sprintf("360405%02d%02d%02d%04d", day, 1+i%12, 60+i%40, 1+i%9999)
	nib := ""
	if i%3 == 0 {
		nib = fmt.Sprintf("9%012d", i)
	}
	return []string{fmt.Sprintf("Usaha Maju %d", i), fmt.Sprintf("Pemilik %d", i), nik, nib,
		fmt.Sprintf("0812%08d", i), v.Code, fmt.Sprintf("Kp. Sukamaju RT %02d", i%20), "C",
		fmt.Sprint(1990 + i%30), fmt.Sprint(1 + i%7), fmt.Sprintf("Rp %d.000.000", 10+i%900), fmt.Sprintf("%d jt", 5+i%50)}
}

// writeGenCSV writes n generated rows as a semicolon CSV.
func writeGenCSV(w io.Writer, n int) error {
	villages := region.All().Villages("36.04")
	bw := &bytes.Buffer{}
	line := func(cells []string) {
		for j, c := range cells {
			if j > 0 {
				bw.WriteByte(';')
			}
			bw.WriteString(c)
		}
		bw.WriteString("\r\n")
	}
	line(genHeader)
	for i := 0; i < n; i++ {
		line(genRow(i, villages))
		if bw.Len() > 1<<20 {
			if _, err := w.Write(bw.Bytes()); err != nil {
				return err
			}
			bw.Reset()
		}
	}
	_, err := w.Write(bw.Bytes())
	return err
}

// genXLSX returns an XLSX of n generated rows, written with the stream writer.
func genXLSX(tb testing.TB, n int) []byte {
	villages := region.All().Villages("36.04")
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	row := make([]any, len(genHeader))
	for j, h := range genHeader {
		row[j] = h
	}
	_ = sw.SetRow("A1", row)
	for i := 0; i < n; i++ {
		for j, c := range genRow(i, villages) {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
