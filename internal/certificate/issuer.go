package certificate

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/skip2/go-qrcode"
)

// letterhead prints the issuer's logo, government, agency and address
// centred from y down, as a kop surat.
func (iss Issuer) letterhead(pdf *fpdf.Fpdf, tr func(string) string, y float64) error {
	w0, _ := pdf.GetPageSize()
	left, _, right, _ := pdf.GetMargins()
	center := func(style string, size, h float64, text string) {
		pdf.SetFont("Helvetica", style, size)
		pdf.SetX(left)
		pdf.MultiCell(w0-left-right, h, tr(text), "", "C", false)
	}
	if len(iss.Logo) > 0 {
		pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(iss.Logo))
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("certificate: logo: %w", err)
		}
		info := pdf.GetImageInfo("logo")
		h := 18.0
		w := h * info.Width() / info.Height()
		pdf.ImageOptions("logo", (w0-w)/2, y, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		y += h + 2
	}
	pdf.SetTextColor(60, 60, 60)
	pdf.SetY(y)
	if iss.Government != "" {
		center("", 11, 5, strings.ToUpper(iss.Government))
	}
	center("B", 12, 6, iss.Agency)
	if iss.Address != "" {
		center("", 8, 4, iss.Address)
	}
	return nil
}

// signature prints, in a 96 mm column at x, y, the dated line, the
// signatory's title, then name and NIP below the space for the signature.
func (iss Issuer) signature(pdf *fpdf.Fpdf, tr func(string) string, x, y float64, dated string) {
	pdf.SetTextColor(30, 30, 30)
	pdf.SetFont("Helvetica", "", 11)
	pdf.SetXY(x, y)
	pdf.MultiCell(96, 6, tr(dated+"\n"+orDefault(iss.SignatoryTitle, iss.Agency)), "", "C", false)
	if iss.SignatoryName == "" {
		return
	}
	pdf.SetXY(x, y+26)
	pdf.SetFont("Helvetica", "BU", 11)
	pdf.MultiCell(96, 6, tr(iss.SignatoryName), "", "C", false)
	if iss.SignatoryNIP != "" {
		pdf.SetFont("Helvetica", "", 10)
		pdf.SetX(x)
		pdf.MultiCell(96, 5, tr("NIP "+iss.SignatoryNIP), "", "C", false)
	}
}

// drawQR draws a QR code of url, size mm square, at x, y.
func drawQR(pdf *fpdf.Fpdf, url string, x, y, size float64) error {
	png, err := qrcode.Encode(url, qrcode.Medium, 256)
	if err != nil {
		return fmt.Errorf("certificate: QR code: %w", err)
	}
	pdf.RegisterImageOptionsReader("qr", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	pdf.ImageOptions("qr", x, y, size, size, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return nil
}
