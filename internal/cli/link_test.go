package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// linkList is a list as the office types it: one business three times
// (honorifics, legal form, Excel-mangled NIK, phone formats, desa names),
// one twice, the rest once.
var linkList = [][]string{
	{"No", "Nama Usaha", "Nama Pemilik", "NIK", "No HP", "Desa", "Kecamatan", "Alamat"},
	{"7", "Emping Melinjo Bu Enah", "Enah Suhaena", "3604154203750001", "081234567001", "Cikande", "Cikande", "Kp. Babakan RT 01/02"},
	{"3", "Kripik Singkong Barokah", "Muhamad Soleh", "3604160101800002", "085711112002", "", "Kibin", ""},
	{"12", "EMPING MLINJO IBU ENAH", "Hj. Enah Suhaena", "", "+62 812-3456-7001", "", "Cikande", ""},
	{"4", "Kopi Jawara", "Ujang Maulana", "", "085244447007", "", "", ""},
	{"5", "UD. Emping Melinjo", "ENAH SUHAENA", "3.60415420375E+15", "", "Cikande", "Kec. Cikande", "KP BABAKAN"},
	{"6", "Keripik Singkong Barokah", "Moh. Soleh", "3604160101800012", "0857 1111 2002", "", "Kibin", ""},
	{"9", "Batik Surosowan", "Neneng Komariah", "3604155808880008", "", "", "", ""},
}

func writeCSV(t *testing.T, rows [][]string) string {
	t.Helper()
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, ";") + "\n")
	}
	path := filepath.Join(t.TempDir(), "daftar.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

func TestLinkCSV(t *testing.T) {
	in := writeCSV(t, linkList)
	out := filepath.Join(t.TempDir(), "clusters.csv")
	pairs := filepath.Join(t.TempDir(), "pairs.csv")
	r := run(t, "", "link", "--json", "--pairs", pairs, "-o", out, in)
	if r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var sum map[string]float64
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("summary %q: %v", r.stdout, err)
	}
	if sum["records"] != 7 || sum["clusters"] != 4 || sum["linked_pairs"] != 4 {
		t.Errorf("summary %v, want 7 records, 4 clusters, 4 linked pairs", sum)
	}
	if _, ok := sum["seconds"]; !ok {
		t.Errorf("summary %v lacks seconds", sum)
	}
	lines := readLines(t, out)
	if lines[0] != "id,cluster,match_probability" || len(lines) != 8 {
		t.Fatalf("clusters file: %q", lines)
	}
	cluster := map[string]string{}
	for i, l := range lines[1:] {
		cells := strings.Split(l, ",")
		if cells[0] != linkList[i+1][0] {
			t.Fatalf("line %d is row %s, want input order (%s)", i+1, cells[0], linkList[i+1][0])
		}
		cluster[cells[0]] = cells[1]
		if single := cells[0] == "4" || cells[0] == "9"; single != (cells[2] == "") {
			t.Errorf("row %s: probability %q", cells[0], cells[2])
		}
	}
	// Clusters are named by their smallest ID, numbers as numbers.
	want := map[string]string{"7": "5", "12": "5", "5": "5", "3": "3", "6": "3", "4": "4", "9": "9"}
	for id, c := range want {
		if cluster[id] != c {
			t.Errorf("row %s in cluster %s, want %s", id, cluster[id], c)
		}
	}
	p := readLines(t, pairs)
	if !strings.HasPrefix(p[0], "id_a,id_b,match_probability,linked,nama_usaha,nama_pemilik,nik,") {
		t.Fatalf("pairs header %q", p[0])
	}
	if !strings.Contains(strings.Join(p, "\n"), "terpotong Excel") {
		t.Errorf("pairs do not show the Excel-truncated NIK: %q", p)
	}
}

func TestLinkXLSXRowNumbersAndIDColumn(t *testing.T) {
	x := excelize.NewFile()
	rows := [][]string{{"DATA UMKM KECAMATAN CIKANDE"}, {"Kode", "Nama UMKM", "Pemilik", "No. HP"},
		{"A1", "Sate Bandeng Sinar", "Asep Hidayat", "087712343003"},
		{"A2", "CV Sate Bandeng Sinar", "Pak Asep Hidayat", "0877 1234 3003"},
		{"A3", "Laundry Amanah", "Iis Nurjanah", "089611110011"}}
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			x.SetCellValue("Sheet1", cell, v)
		}
	}
	in := filepath.Join(t.TempDir(), "daftar.xlsx")
	if err := x.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "c.csv")
	if r := run(t, "", "link", "-o", out, in); r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got := readLines(t, out); len(got) != 4 || !strings.HasPrefix(got[1], "1,1,") || !strings.HasPrefix(got[2], "2,1,") || got[3] != "3,3," {
		t.Errorf("row numbers as IDs: %q", got)
	}
	if r := run(t, "", "link", "--id-column", "Kode", "-o", out, in); r.code != ExitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got := readLines(t, out); !strings.HasPrefix(got[1], "A1,A1,") || !strings.HasPrefix(got[2], "A2,A1,") || got[3] != "A3,A3," {
		t.Errorf("--id-column Kode: %q", got)
	}
	run(t, "", "link", "--id-column", "Nomor Induk", "-o", out, in).oneLineErr(t, ExitError, `kolom ID "Nomor Induk" tidak ada`)
}

func TestLinkErrors(t *testing.T) {
	in := writeCSV(t, linkList)
	out := filepath.Join(t.TempDir(), "c.csv")
	run(t, "", "link", in).oneLineErr(t, ExitUsage, "-o FILE")
	run(t, "", "link", "--threshold", "1.5", "-o", out, in).oneLineErr(t, ExitUsage, "--threshold")
	run(t, "", "link", "-o", out).oneLineErr(t, ExitUsage, "satu berkas")
	dup := append([][]string{}, linkList...)
	dup = append(dup, []string{"7", "Toko Lain", "Siapa", "", "", "", "", ""})
	run(t, "", "link", "-o", out, writeCSV(t, dup)).oneLineErr(t, ExitError, `"7" sudah dipakai di baris 2`)
	run(t, "", "link", "-o", out, writeCSV(t, [][]string{{"Warna", "Rasa"}, {"merah", "manis"}})).oneLineErr(t, ExitError, "Tidak ada kolom yang dikenali")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed link left %s behind", out)
	}
}
