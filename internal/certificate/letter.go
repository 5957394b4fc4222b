package certificate

import (
	"fmt"
	"io"
	"time"
)

// Letter is a surat rekomendasi: the office recommends a business to a bank
// for credit. Amounts and dates are already written the Indonesian way by
// the caller; the checklist says which of the bank's requirements the
// office's record shows as met.
type Letter struct {
	Number    string // the letter's number, e.g. "SR-12/2026"
	Place     string // where it is signed, e.g. "Serang"
	IssuedOn  string // "20 Oktober 2026"
	IssuedAt  time.Time
	Bank      string
	Business  string
	Owner     string
	Address   string // street, desa, kecamatan
	NIB       string
	Activity  string // what the business does (KBLI and its name)
	Since     string // "berdiri 2019"
	Scheme    string // "KUR Mikro"
	Amount    string // "Rp25.000.000"
	Purpose   string // "modal kerja"
	Checklist []CheckLine
	Code      string
	VerifyURL string
	Issuer
}

// CheckLine is one requirement of the bank and whether the record meets it.
type CheckLine struct {
	Label  string
	Met    bool
	Detail string
}

// RenderLetter writes the letter as an A4 portrait PDF with a QR code to
// its verification page.
func RenderLetter(w io.Writer, l Letter) error {
	pdf := newA4("P", "Surat rekomendasi "+l.Number, l.Agency, l.IssuedAt)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetMargins(22, 16, 22)
	pdf.SetAutoPageBreak(true, 16)
	pdf.AddPage()
	w0, _ := pdf.GetPageSize()
	if err := l.Issuer.letterhead(pdf, tr, 14); err != nil {
		return err
	}
	y := pdf.GetY() + 2
	pdf.SetLineWidth(0.6)
	pdf.Line(22, y, w0-22, y)
	pdf.SetTextColor(30, 30, 30)
	pdf.SetY(y + 5)
	text := func(style string, size, h float64, s string) {
		pdf.SetFont("Helvetica", style, size)
		pdf.SetX(22)
		pdf.MultiCell(w0-44, h, tr(s), "", "L", false)
	}
	pdf.SetFont("Helvetica", "B", 13)
	pdf.CellFormat(w0-44, 7, tr("SURAT REKOMENDASI"), "", 1, "C", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	pdf.CellFormat(w0-44, 5, tr("Nomor: "+l.Number), "", 1, "C", false, 0, "")
	pdf.Ln(4)
	text("", 11, 5.5, "Kepada Yth.\nPimpinan "+l.Bank+"\ndi tempat")
	pdf.Ln(3)
	text("", 11, 5.5, fmt.Sprintf("Dengan hormat, %s merekomendasikan usaha berikut untuk memperoleh pembiayaan %s "+
		"sebesar %s untuk %s:", orDefault(l.Agency, "Dinas"), l.Scheme, l.Amount, l.Purpose))
	pdf.Ln(2)
	for _, row := range [][2]string{{"Nama usaha", l.Business}, {"Pemilik", l.Owner}, {"Alamat", l.Address},
		{"NIB", orDefault(l.NIB, "belum ada")}, {"Kegiatan usaha", orDefault(l.Activity, "-")}, {"Lama usaha", orDefault(l.Since, "-")}} {
		pdf.SetFont("Helvetica", "", 11)
		pdf.SetX(28)
		pdf.CellFormat(40, 5.5, tr(row[0]), "", 0, "L", false, 0, "")
		pdf.MultiCell(w0-28-40-22, 5.5, tr(": "+row[1]), "", "L", false)
	}
	pdf.Ln(3)
	text("B", 11, 5.5, "Persyaratan bank menurut data kami:")
	for _, c := range l.Checklist {
		mark := "[v] "
		if !c.Met {
			mark = "[  ] "
		}
		line := mark + c.Label
		if c.Detail != "" {
			line += " - " + c.Detail
		}
		pdf.SetFont("Helvetica", "", 10)
		pdf.SetX(28)
		pdf.MultiCell(w0-28-22, 5, tr(line), "", "L", false)
	}
	pdf.Ln(3)
	text("", 11, 5.5, "Pemilik usaha telah menyetujui data usahanya diteruskan kepada bank untuk keperluan ini. "+
		"Keputusan pembiayaan sepenuhnya wewenang bank. Demikian rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.")
	y = pdf.GetY() + 6
	if err := drawQR(pdf, l.VerifyURL, 22, y, 30); err != nil {
		return err
	}
	pdf.SetFont("Helvetica", "", 8)
	pdf.SetXY(22, y+31)
	pdf.MultiCell(70, 4, tr("Kode verifikasi: "+l.Code+"\n"+l.VerifyURL), "", "L", false)
	dated := l.IssuedOn
	if l.Place != "" {
		dated = l.Place + ", " + l.IssuedOn
	}
	l.Issuer.signature(pdf, tr, w0-22-96, y, dated)
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("certificate: letter PDF: %w", err)
	}
	return nil
}
