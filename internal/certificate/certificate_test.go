package certificate

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func sample() Data {
	return Data{BusinessName: "Emping Melinjo Bu Siti", OwnerName: "Siti Rohmah", ProgramName: "Pelatihan Kemasan dan Label 2025",
		ProgramKind: "Pelatihan", Dates: "20–22 Oktober 2025", Venue: "Aula Dinas", Topics: []string{"Kemasan dan label", "Strategi pemasaran"},
		Code: "NK-7QX4-M2PA-9HZ3", VerifyURL: "https://naikkelas.serangkab.go.id/verifikasi/NK-7QX4-M2PA-9HZ3",
		IssuedOn: "31 Oktober 2025", IssuedAt: time.Date(2025, 10, 31, 0, 0, 0, 0, time.UTC),
		Issuer: sampleIssuer()}
}

func sampleIssuer() Issuer {
	return Issuer{Government: "Pemerintah Kabupaten Serang", Agency: "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan",
		Address: "Jl. Veteran No. 1, Serang", SignatoryName: "Dr. H. Ahmad Fauzi, M.Si.", SignatoryTitle: "Kepala Dinas",
		SignatoryNIP: "19700101 199001 1 001"}
}

// checkPDF parses the file's structure: header, trailer, and a cross-reference
// table whose every offset points at the object it names.
func checkPDF(t *testing.T, raw []byte) {
	t.Helper()
	if !bytes.HasPrefix(raw, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(raw), []byte("%%EOF")) {
		t.Fatal("no PDF header or trailer")
	}
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("no startxref")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(raw[off:], []byte("xref")) {
		t.Fatalf("startxref %d does not point at the xref table", off)
	}
	lines := strings.Split(string(raw[off:]), "\n")
	hdr := strings.Fields(lines[1])
	n, _ := strconv.Atoi(hdr[1])
	if n < 5 {
		t.Fatalf("only %d objects", n)
	}
	for i := 1; i < n; i++ {
		f := strings.Fields(lines[2+i])
		o, _ := strconv.Atoi(f[0])
		if want := strconv.Itoa(i) + " 0 obj"; !bytes.HasPrefix(raw[o:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q", i, raw[o:o+10])
		}
	}
}

func TestRenderContainsNames(t *testing.T) {
	compress = false
	defer func() { compress = true }()
	var buf bytes.Buffer
	if err := Render(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	checkPDF(t, raw)
	for _, s := range []string{"(Emping Melinjo Bu Siti)", "(Pemilik: Siti Rohmah)", "(Pelatihan Kemasan dan Label 2025)",
		"Kode verifikasi: NK-7QX4-M2PA-9HZ3", "(Materi: Kemasan dan label; Strategi pemasaran)", "/Subtype /Image",
		"(PEMERINTAH KABUPATEN SERANG)", "(Dinas Koperasi, UMKM, Perindustrian dan Perdagangan)", "(Jl. Veteran No. 1, Serang)",
		"(Diterbitkan 31 Oktober 2025)", "(Kepala Dinas)", "(Dr. H. Ahmad Fauzi, M.Si.)", "(NIP 19700101 199001 1 001)"} {
		if !bytes.Contains(raw, []byte(s)) {
			t.Errorf("PDF lacks %q", s)
		}
	}
	// The en dash survives as cp1252 0x96.
	if !bytes.Contains(raw, []byte("(20\x9622 Oktober 2025, Aula Dinas)")) {
		t.Error("dates not written")
	}
}

// TestRenderLogo: the office's logo is drawn above its name; a file the
// PDF library cannot read is an error, not a certificate without a header.
func TestRenderLogo(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 60))
	for i := range img.Pix {
		img.Pix[i] = 0xc0
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, img); err != nil {
		t.Fatal(err)
	}
	d := sample()
	d.Logo = logo.Bytes()
	var with, without bytes.Buffer
	if err := Render(&with, d); err != nil {
		t.Fatal(err)
	}
	if err := Render(&without, sample()); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, with.Bytes())
	if n, m := bytes.Count(with.Bytes(), []byte("/Subtype /Image")), bytes.Count(without.Bytes(), []byte("/Subtype /Image")); n <= m {
		t.Fatalf("%d images with a logo, %d without; want more", n, m)
	}
	d.Logo = []byte("not a png")
	if err := Render(&bytes.Buffer{}, d); err == nil {
		t.Fatal("a broken logo was drawn")
	}
}

func TestWriteZIP(t *testing.T) {
	a, b := sample(), sample()
	b.BusinessName, b.Code = "Gerabah Bumijaya", "NK-AAAA-BBBB-CCCC"
	var buf bytes.Buffer
	if err := WriteZIP(&buf, []Data{a, b}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 2 || zr.File[1].Name != "sertifikat-gerabah-bumijaya-NK-AAAA-BBBB-CCCC.pdf" {
		t.Fatalf("files %v", zr.File)
	}
	f, _ := zr.File[0].Open()
	var pdf bytes.Buffer
	pdf.ReadFrom(f)
	checkPDF(t, pdf.Bytes())
}
