// Package certificate draws the PDF certificate a participant receives on
// completing a programme, with a verification code and a QR code that
// points at the public /verifikasi/{code} page, and packs a programme's
// certificates into one ZIP. It knows nothing of storage or HTTP.
package certificate

import (
	"archive/zip"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Data is what one certificate says. Dates are already written the
// Indonesian way by the caller ("20–22 Oktober 2025").
type Data struct {
	BusinessName string
	OwnerName    string
	ProgramName  string
	ProgramKind  string // e.g. "Pelatihan"
	Dates        string
	Venue        string
	Topics       []string // Indonesian topic names
	Code         string
	VerifyURL    string // absolute or relative URL of /verifikasi/{code}
	IssuedOn     string // "31 Oktober 2025", the day in WIB
	IssuedAt     time.Time
	Issuer
}

// Issuer is the office that issues a document and who signs for it; every
// document of this package prints it the same way.
type Issuer struct {
	Government     string // "Pemerintah Kabupaten Serang"
	Agency         string // "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan"
	Address        string
	Logo           []byte // PNG; nil = none
	SignatoryName  string
	SignatoryTitle string // "Kepala Dinas"
	SignatoryNIP   string // as printed: "19700101 199001 1 001"
}

// compress is switched off by tests so that the text can be read back.
var compress = true

// newA4 starts an A4 document ("L" landscape, "P" portrait) with its
// title and author, dated when issued (the zero time leaves it undated).
func newA4(orientation, title, author string, issued time.Time) *fpdf.Fpdf {
	pdf := fpdf.New(orientation, "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(author, true)
	if !issued.IsZero() {
		pdf.SetCreationDate(issued)
		pdf.SetModificationDate(issued)
	}
	return pdf
}

// Render writes one certificate as an A4 landscape PDF.
func Render(w io.Writer, d Data) error {
	pdf := newA4("L", "Sertifikat "+d.ProgramName, d.Agency, d.IssuedAt)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: keeps "–" and accented names
	pdf.SetMargins(20, 18, 20)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	w0, h0 := pdf.GetPageSize()

	pdf.SetDrawColor(22, 101, 52)
	pdf.SetLineWidth(1.5)
	pdf.Rect(8, 8, w0-16, h0-16, "D")
	pdf.SetLineWidth(0.4)
	pdf.Rect(11, 11, w0-22, h0-22, "D")

	center := func(font string, style string, size float64, h float64, text string) {
		pdf.SetFont(font, style, size)
		pdf.SetX(20)
		pdf.MultiCell(w0-40, h, tr(text), "", "C", false)
	}
	if err := d.Issuer.letterhead(pdf, tr, 16); err != nil {
		return err
	}
	pdf.SetTextColor(22, 101, 52)
	pdf.Ln(2)
	center("Helvetica", "B", 30, 14, "SERTIFIKAT")
	pdf.SetTextColor(30, 30, 30)
	center("Helvetica", "", 12, 7, "diberikan kepada")
	pdf.Ln(2)
	center("Helvetica", "B", 22, 11, d.BusinessName)
	center("Helvetica", "", 13, 7, "Pemilik: "+d.OwnerName)
	pdf.Ln(4)
	center("Helvetica", "", 12, 7, fmt.Sprintf("yang telah menyelesaikan %s", strings.ToLower(orDefault(d.ProgramKind, "program"))))
	center("Helvetica", "B", 16, 9, d.ProgramName)
	place := d.Dates
	if d.Venue != "" {
		place += ", " + d.Venue
	}
	center("Helvetica", "", 12, 7, place)
	if len(d.Topics) > 0 {
		pdf.Ln(2)
		center("Helvetica", "I", 11, 6, "Materi: "+strings.Join(d.Topics, "; "))
	}

	if err := drawQR(pdf, d.VerifyURL, 24, h0-62, 36); err != nil {
		return err
	}
	pdf.SetFont("Helvetica", "", 9)
	pdf.SetXY(62, h0-50)
	pdf.MultiCell(120, 5, tr("Kode verifikasi: "+d.Code+"\nPeriksa keaslian di "+d.VerifyURL), "", "L", false)

	d.Issuer.signature(pdf, tr, w0-120, h0-60, "Diterbitkan "+d.IssuedOn)
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("certificate: PDF: %w", err)
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// FileName is the file name of a certificate inside a ZIP: the business
// name made safe, and the code, so that names never collide.
func FileName(d Data) string {
	slug := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(d.BusinessName), "-"), "-")
	if len(slug) > 60 {
		slug = slug[:60]
	}
	return fmt.Sprintf("sertifikat-%s-%s.pdf", slug, d.Code)
}

// WriteZIP writes every certificate into one ZIP archive.
func WriteZIP(w io.Writer, items []Data) error {
	zw := zip.NewWriter(w)
	for _, d := range items {
		hdr := &zip.FileHeader{Name: FileName(d), Method: zip.Store} // PDFs are already compressed
		if !d.IssuedAt.IsZero() {
			hdr.Modified = d.IssuedAt
		}
		f, err := zw.CreateHeader(hdr)
		if err != nil {
			return fmt.Errorf("certificate: zip: %w", err)
		}
		if err := Render(f, d); err != nil {
			return err
		}
	}
	return zw.Close()
}
