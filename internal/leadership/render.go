package leadership

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"naikkelas/internal/geo"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
	"naikkelas/internal/office"
)

// page geometry, A4 portrait in millimetres.
const (
	pageW, margin = 210.0, 15.0
	textW         = pageW - 2*margin
)

// doc wraps fpdf with the report's habits: cp1252 text, sections, tables.
type doc struct {
	*fpdf.Fpdf
	tr func(string) string
}

// Render writes the report as an A4 PDF.
func Render(w io.Writer, d *Data) error {
	p := newDoc(d.Office, "Laporan Pimpinan "+d.Scope, d.GeneratedAt)
	if err := p.letterhead(d.Office, d.Logo, "Laporan Pimpinan", d.Scope+", periode "+idfmt.DateRange(d.From, d.To)); err != nil {
		return err
	}
	p.keyFigures(d)
	p.choropleth(d)
	p.districtTable(d)
	p.programmes(d)
	p.market(d)
	p.fundingTable(d)
	p.outlook(d)
	return p.output(w)
}

// newDoc starts an A4 document of the office titled title, with a footer
// naming the office, the title, when it was made and the page.
func newDoc(id office.Identity, title string, at time.Time) *doc {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle(title, true)
	pdf.SetAuthor(id.Agency, true)
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	p := &doc{Fpdf: pdf, tr: pdf.UnicodeTranslatorFromDescriptor("")}
	pdf.SetFooterFunc(func() {
		footer := p.tr(fmt.Sprintf("%s  |  %s  |  dibuat %s  |  halaman %d", id.Agency, title, idfmt.DateTime(at), pdf.PageNo()))
		pdf.SetY(-11)
		pdf.SetTextColor(90, 90, 90)
		p.fitFont(footer, textW-2, 8, 6) // a long title (a partner's name) shrinks the line
		pdf.CellFormat(textW, 5, footer, "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	return p
}

// fitFont sets Helvetica at the largest size from most down to least, in
// half points, at which the (translated) line s fits width mm.
func (p *doc) fitFont(s string, width, most, least float64) {
	for size := most; ; size -= 0.5 {
		p.SetFont("Helvetica", "", size)
		if size-0.5 < least || p.GetStringWidth(s) <= width {
			return
		}
	}
}

// output writes the document, or the first error met while drawing it.
func (p *doc) output(w io.Writer) error {
	if err := p.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return p.Output(w)
}

func (p *doc) text(style string, size, h float64, s string) {
	p.SetFont("Helvetica", style, size)
	p.MultiCell(textW, h, p.tr(s), "", "L", false)
}

func (p *doc) heading(s string) {
	if p.GetY() > 250 {
		p.AddPage()
	}
	p.Ln(3)
	p.SetTextColor(22, 101, 52)
	p.text("B", 12, 7, s)
	p.SetTextColor(0, 0, 0)
}

// letterhead prints the office's kop (logo, government, agency, address),
// a rule, the document's title and its subtitle.
func (p *doc) letterhead(id office.Identity, logo []byte, title, subtitle string) error {
	x := margin
	if len(logo) > 0 {
		p.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
		if err := p.Error(); err != nil {
			return fmt.Errorf("leadership report: logo: %w", err)
		}
		p.ImageOptions("logo", margin, margin, 0, 20, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		x += 25
	}
	p.SetXY(x, margin)
	p.SetFont("Helvetica", "B", 12)
	p.CellFormat(0, 6, p.tr(strings.ToUpper(id.Government)), "", 2, "L", false, 0, "")
	p.SetFont("Helvetica", "", 11)
	p.CellFormat(0, 6, p.tr(id.Agency), "", 2, "L", false, 0, "")
	p.SetFont("Helvetica", "", 9)
	p.CellFormat(0, 5, p.tr(id.Address), "", 2, "L", false, 0, "")
	p.SetY(margin + 23)
	p.SetLineWidth(0.6)
	p.Line(margin, p.GetY(), pageW-margin, p.GetY())
	p.Ln(4)
	p.text("B", 16, 8, title)
	p.text("", 11, 6, subtitle)
	return nil
}

func (p *doc) keyFigures(d *Data) {
	t := d.Total
	nk := d.NaikKelas
	measured := nk.SizeUp + nk.SizeDown + nk.SizeUnchanged
	figs := [][2]string{
		{"Usaha terdaftar", idfmt.Number(int64(t.Businesses))},
		{"Mikro / kecil / menengah", fmt.Sprintf("%s / %s / %s", idfmt.Number(int64(t.Mikro)), idfmt.Number(int64(t.Kecil)), idfmt.Number(int64(t.Menengah)))},
		{"Pernah dilatih", idfmt.Number(int64(t.Trained)) + " (" + idfmt.Percent(t.TrainedShare()) + ")"},
		{"Naik kelas dalam periode", fmt.Sprintf("%s dari %s terukur", idfmt.Number(int64(nk.SizeUp)), idfmt.Number(int64(measured)))},
		{"Memiliki NIB", idfmt.Number(int64(t.NIB)) + " (" + idfmt.Percent(t.NIBShare()) + ")"},
		{"Bersertifikat halal", idfmt.Number(int64(t.Halal)) + " (" + idfmt.Percent(t.HalalShare()) + ")"},
	}
	p.heading("Angka kunci")
	p.figureBoxes(figs)
	p.classChart(t)
}

// figureBoxes prints figures (label, value) in boxes, three to a row.
func (p *doc) figureBoxes(figs [][2]string) {
	boxW, boxH := textW/3, 16.0
	y0 := p.GetY()
	for i, f := range figs {
		x, y := margin+float64(i%3)*boxW, y0+float64(i/3)*(boxH+2)
		p.SetFillColor(240, 246, 241)
		p.Rect(x+1, y, boxW-2, boxH, "F")
		p.SetXY(x+3, y+2)
		p.SetFont("Helvetica", "B", 12)
		p.CellFormat(boxW-6, 6, p.tr(f[1]), "", 2, "L", false, 0, "")
		p.SetX(x + 3)
		p.SetFont("Helvetica", "", 8)
		p.CellFormat(boxW-6, 5, p.tr(f[0]), "", 0, "L", false, 0, "")
	}
	p.SetY(y0 + float64((len(figs)+2)/3)*(boxH+2))
}

// classChart draws the businesses by size class as horizontal bars.
func (p *doc) classChart(t indicators.District) {
	rows := []struct {
		label string
		n     int
	}{{"Mikro", t.Mikro}, {"Kecil", t.Kecil}, {"Menengah", t.Menengah}, {"Besar", t.Besar}, {"Belum diketahui", t.Unknown()}}
	top := 1
	for _, r := range rows {
		top = max(top, r.n)
	}
	p.Ln(2)
	p.SetFont("Helvetica", "", 8)
	for _, r := range rows {
		y := p.GetY()
		p.SetX(margin)
		p.CellFormat(30, 5, p.tr(r.label), "", 0, "L", false, 0, "")
		barW := (textW - 60) * float64(r.n) / float64(top)
		p.SetFillColor(49, 130, 189)
		if barW > 0 {
			p.Rect(margin+30, y+0.8, barW, 3.4, "F")
		}
		p.SetXY(margin+32+barW, y)
		p.CellFormat(25, 5, p.tr(idfmt.Number(int64(r.n))), "", 1, "L", false, 0, "")
	}
}

// choropleth draws the kecamatan coloured by the share ever trained.
func (p *doc) choropleth(d *Data) {
	m, err := geo.Serang()
	if err != nil || len(d.Districts) == 0 {
		return
	}
	p.heading("Peta: usaha yang pernah dilatih (%)")
	mapW := textW * 0.75
	scale := mapW / geo.Width
	if m.Height*scale > 110 {
		scale = 110 / m.Height
	}
	if p.GetY()+m.Height*scale > 280 {
		p.AddPage()
	}
	y0 := p.GetY()
	by := map[string]indicators.District{}
	top := 0.0
	for _, x := range d.Districts {
		by[x.Code] = x
		top = math.Max(top, x.TrainedShare())
	}
	palette := [][3]int{{239, 243, 255}, {189, 215, 231}, {107, 174, 214}, {49, 130, 189}, {8, 81, 156}}
	p.SetDrawColor(255, 255, 255)
	p.SetLineWidth(0.2)
	for _, s := range m.Shapes {
		c := [3]int{208, 215, 222}
		if x, ok := by[s.Code]; ok {
			i := len(palette) - 1
			if top > 0 {
				i = min(int(x.TrainedShare()/top*float64(len(palette))), len(palette)-1)
			}
			c = palette[i]
		}
		p.SetFillColor(c[0], c[1], c[2])
		for _, ring := range s.Rings {
			pts := make([]fpdf.PointType, len(ring))
			for i, pt := range ring {
				pts[i] = fpdf.PointType{X: margin + pt.X*scale, Y: y0 + pt.Y*scale}
			}
			p.Polygon(pts, "FD")
		}
	}
	p.SetDrawColor(0, 0, 0)
	p.mapLegend(margin+mapW+4, y0, mapLegend(d.Districts, top, palette))
	p.SetY(y0 + m.Height*scale + 3)
}

type legendEntry struct {
	fill  [3]int
	label string
}

// mapLegend is the key of the trained-share map: five equal steps up to
// the top share, or, on the report of one kecamatan, that kecamatan with
// its share beside the grey of the others (steps of one value would read
// "0–0%").
func mapLegend(ds []indicators.District, top float64, palette [][3]int) []legendEntry {
	if len(ds) == 1 {
		return []legendEntry{{palette[len(palette)-1], ds[0].Name + ": " + idfmt.Percent(ds[0].TrainedShare())},
			{[3]int{208, 215, 222}, "kecamatan lain"}}
	}
	out := make([]legendEntry, len(palette))
	for i, c := range palette {
		lo, hi := top*float64(i)/5, top*float64(i+1)/5
		out[i] = legendEntry{c, idfmt.Decimal(lo, 1) + "–" + idfmt.Decimal(hi, 1) + "%"}
	}
	return out
}

// mapLegend draws the entries from (x, y) down.
func (p *doc) mapLegend(x, y float64, entries []legendEntry) {
	p.SetFont("Helvetica", "", 7)
	for i, e := range entries {
		yi := y + float64(i)*6
		p.SetFillColor(e.fill[0], e.fill[1], e.fill[2])
		p.Rect(x, yi, 5, 4, "F")
		p.SetXY(x+6, yi)
		p.CellFormat(30, 4, p.tr(e.label), "", 0, "L", false, 0, "")
	}
}

// table draws a table; widths in mm, the first column left-aligned. A
// heading or cell too wide for its column wraps onto more lines, and its
// row grows to hold them, so no text runs into the next column.
func (p *doc) table(head []string, widths []float64, rows [][]string) {
	p.SetFont("Helvetica", "B", 8)
	p.SetFillColor(230, 236, 232)
	p.tableRow(head, widths, 6, true)
	p.SetFont("Helvetica", "", 8)
	for _, r := range rows {
		p.tableRow(r, widths, 5, false)
	}
}

// tableRow draws one row of cells h mm high, or lines 4 mm high when a
// cell wraps; a heading row is filled and ruled below. A row that would
// cross the bottom margin starts a new page.
func (p *doc) tableRow(cells []string, widths []float64, h float64, heading bool) {
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		lines[i] = p.SplitText(c, widths[i]) // measured before the cp1252 translation, which SplitText would garble
		n = max(n, len(lines[i]))
	}
	lineH := h
	if n > 1 {
		lineH = 4
	}
	rowH, below := float64(n)*lineH, 0.0
	if heading {
		below = 5 // keep the first row with its heading
	}
	if _, pageH := p.GetPageSize(); p.GetY()+rowH+below > pageH-margin-2 {
		p.AddPage()
	}
	x, y := margin, p.GetY()
	for i := range cells {
		if heading {
			p.Rect(x, y, widths[i], rowH, "F")
		}
		for j, l := range lines[i] {
			p.SetXY(x, y+float64(j)*lineH)
			p.CellFormat(widths[i], lineH, p.tr(l), "", 0, columnAlign(i), false, 0, "")
		}
		x += widths[i]
	}
	if heading {
		p.Line(margin, y+rowH, x, y+rowH)
	}
	p.SetXY(margin, y+rowH)
}

// columnAlign aligns a table's first column (names) left and its figures right.
func columnAlign(i int) string {
	if i == 0 {
		return "L"
	}
	return "R"
}

func (p *doc) districtTable(d *Data) {
	p.heading("Per kecamatan")
	var rows [][]string
	for _, x := range append(d.Districts, d.Total) {
		rows = append(rows, []string{x.Name, idfmt.Number(int64(x.Businesses)), idfmt.Number(int64(x.Mikro)), idfmt.Number(int64(x.Kecil)),
			idfmt.Percent(x.TrainedShare()), idfmt.Percent(x.NaikKelasRate()), idfmt.Percent(x.HalalShare())})
	}
	p.table([]string{"Kecamatan", "Usaha", "Mikro", "Kecil", "Dilatih", "Naik kelas 12 bln", "Halal"},
		[]float64{44, 22, 22, 20, 22, 28, 22}, rows)
}

func rate(r *float64, base int) string {
	if r == nil {
		return "—"
	}
	return idfmt.Percent(*r) + " dari " + idfmt.Number(int64(base))
}

// section starts a section with its heading; a section of no rows says
// none instead, and the caller leaves it there.
func (p *doc) section(heading string, rows int, none string) bool {
	p.heading(heading)
	if rows == 0 {
		p.text("", 9, 5, none)
		return false
	}
	return true
}

func (p *doc) programmes(d *Data) {
	if !p.section("Program dan hasilnya; naik kelas dibanding kelompok pembanding", len(d.Programs), "Tidak ada program dalam periode ini.") {
		return
	}
	var rows [][]string
	for _, r := range d.Programs {
		rows = append(rows, []string{r.Name, idfmt.Number(int64(r.Participants)), idfmt.Number(int64(r.Completers)),
			idfmt.Rupiah(r.Cost), rate(r.CompletersRate, r.CompletersBase), rate(r.ComparisonRate, r.ComparisonBase)})
	}
	p.table([]string{"Program", "Peserta", "Lulus", "Biaya (alokasi)", "Naik kelas lulusan", "Pembanding"},
		[]float64{56, 16, 14, 30, 32, 32}, rows)
	p.text("I", 7, 4, "Naik kelas = kelas usaha (omzet/modal) naik sejak program dimulai; pembanding = usaha sekecamatan, sektor dan kelas yang sama yang tidak ikut.")
}

func (p *doc) fundingTable(d *Data) {
	if !p.section("Dana mitra", len(d.Funding), "Belum ada komitmen mitra untuk tahun dalam periode ini.") {
		return
	}
	var rows [][]string
	for _, r := range append(d.Funding, d.FundingSum) {
		name := r.PartnerName
		if name == "" {
			name = "Jumlah"
		} else {
			name = fmt.Sprintf("%s %d", name, r.Year)
		}
		if r.Lagging {
			name += " (tertinggal)"
		}
		rows = append(rows, []string{name, idfmt.Rupiah(r.Committed), idfmt.Rupiah(r.Realised), idfmt.Rupiah(r.Allocated), idfmt.Rupiah(r.Unspent)})
	}
	p.table([]string{"Mitra", "Komitmen", "Realisasi", "Dialokasikan", "Sisa"}, []float64{56, 31, 31, 31, 31}, rows)
	if d.District != "" {
		p.text("I", 7, 4, "Dana mitra dicatat untuk seluruh kabupaten, tidak per kecamatan.")
	}
}

func (p *doc) outlook(d *Data) {
	pl := d.Plan
	if pl == nil {
		return
	}
	p.heading("Proyeksi cakupan")
	s := fmt.Sprintf("Dengan dana %s per tahun dan biaya %s per peserta (angkatan %d), %s usaha dapat dilatih per tahun. ",
		idfmt.Rupiah(pl.Budget), idfmt.Rupiah(pl.CostPerParticipant), pl.CohortSize, idfmt.Number(int64(pl.PlacesPerYear)))
	if pl.Years != nil {
		s += fmt.Sprintf("Seluruh %s usaha yang belum pernah dilatih terjangkau dalam %d tahun (sampai %d).",
			idfmt.Number(int64(pl.Remaining)), *pl.Years, *pl.FinishYear)
	} else {
		s += fmt.Sprintf("Dengan dana ini %s usaha yang belum pernah dilatih tidak terjangkau dalam 100 tahun.", idfmt.Number(int64(pl.Remaining)))
	}
	p.text("", 9, 5, s)
	for _, a := range pl.Districts {
		if d.District != "" && a.Code != d.District {
			continue
		}
		if d.District == "" && !a.Behind {
			continue
		}
		years := "lebih dari 100 tahun"
		if a.Years != nil {
			years = fmt.Sprintf("%d tahun", *a.Years)
		}
		p.text("", 9, 5, fmt.Sprintf("- %s: %s belum dilatih, porsi kuota %s, %s%s", a.Name,
			idfmt.Number(int64(a.Remaining)), idfmt.Percent(a.Pace), years, map[bool]string{true: " (tertinggal)"}[a.Behind]))
	}
}
