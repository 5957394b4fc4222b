package importer

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// An XLSX is read here without a spreadsheet library: excelize unpacks the
// shared strings whole and decodes each text in one piece, so a small
// upload holding one gigabyte-long cell took the server to gigabytes of
// memory. This reader streams every part through an xmlGuard and checks
// the zip directory's sizes before it unpacks anything.

// xlsxBook is an opened workbook: its sheets, shared strings and date styles.
type xlsxBook struct {
	ctx    context.Context
	zr     *zip.Reader
	limits Limits
	sheets []xlsxSheetRef
	shared sharedStrings
	dates  dateStyles
}

// xlsxSheetRef is one sheet as the workbook lists it.
type xlsxSheetRef struct {
	Name   string
	Hidden bool
	part   *zip.File
}

// smallPartLimit caps the parts read whole (workbook, relationships, styles).
const smallPartLimit = 16 << 20

var (
	errNotXLSX = &FormatError{"Berkas bukan XLSX yang sah (arsip rusak atau bukan berkas Excel). " +
		"Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx atau CSV."}
	errXLSXBroken = &FormatError{"Berkas XLSX rusak: isinya tidak dapat dibaca. " +
		"Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx atau CSV."}
)

// openBook reads the zip directory, the workbook, its relationships, the
// styles and the shared strings. Nothing of a sheet is read yet.
func openBook(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (*xlsxBook, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, errNotXLSX
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.MaxUncompressed) {
			return nil, &FormatError{fmt.Sprintf("Berkas XLSX terlalu besar setelah diurai (lebih dari %d MB). "+
				"Bagi berkas menjadi beberapa bagian.", lim.MaxUncompressed>>20)}
		}
	}
	b := &xlsxBook{ctx: ctx, zr: zr, limits: lim}
	wbPath := b.officeDocument()
	rels, err := b.relationships(wbPath)
	if err != nil {
		return nil, err
	}
	if err := b.readSheetList(wbPath, rels); err != nil {
		return nil, err
	}
	if p := rels.target("/styles"); p != "" {
		if err := b.readStyles(p); err != nil {
			return nil, err
		}
	}
	if p := rels.target("/sharedStrings"); p != "" {
		if err := b.readShared(p); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (b *xlsxBook) file(name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, f := range b.zr.File {
		if f.Name == name || strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// open opens a part for streaming through an xmlGuard. max caps its size
// as the zip directory declares it; archive/zip refuses to inflate more
// than declared, so a directory that lies makes a broken file, not a bomb.
func (b *xlsxBook) open(f *zip.File, max int64, tooBig string) (io.ReadCloser, *xml.Decoder, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, nil, &FormatError{tooBig}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, errXLSXBroken
	}
	g := newXMLGuard(b.ctx, rc, textRunLimit(b.limits), 64<<10)
	d := xml.NewDecoder(g)
	d.Strict = true
	return rc, d, nil
}

// textRunLimit is how much raw XML text the guard lets through per run: an
// entity such as &amp; is up to six bytes for one character, so a cell at
// the limit still arrives whole, and a longer one is cut.
func textRunLimit(l Limits) int { return 6*l.MaxCellBytes + 16 }

// officeDocument is the workbook's part name, from the package relationships.
func (b *xlsxBook) officeDocument() string {
	if rels, err := b.readRels("_rels/.rels", ""); err == nil {
		if p := rels.target("/officeDocument"); p != "" {
			return p
		}
	}
	return "xl/workbook.xml"
}

// rels maps relationship ids to part names, with their types.
type rels []struct{ id, typ, target string }

// target returns the part of the first relationship whose type ends with suffix.
func (r rels) target(suffix string) string {
	for _, x := range r {
		if strings.HasSuffix(x.typ, suffix) {
			return x.target
		}
	}
	return ""
}

func (b *xlsxBook) relationships(partName string) (rels, error) {
	dir, base := path.Split(partName)
	return b.readRels(dir+"_rels/"+base+".rels", dir)
}

// readRels reads a relationships part; targets are resolved against dir.
func (b *xlsxBook) readRels(name, dir string) (rels, error) {
	f := b.file(name)
	if f == nil {
		return nil, errXLSXBroken
	}
	var out rels
	err := b.eachElement(f, func(se xml.StartElement) {
		if se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
			return
		}
		t := attr(se, "Target")
		if strings.HasPrefix(t, "/") {
			t = t[1:]
		} else {
			t = path.Clean(dir + t)
		}
		out = append(out, struct{ id, typ, target string }{attr(se, "Id"), attr(se, "Type"), t})
	})
	return out, err
}

// readSheetList reads the workbook's sheets in their order.
func (b *xlsxBook) readSheetList(wbPath string, rs rels) error {
	f := b.file(wbPath)
	if f == nil {
		return errXLSXBroken
	}
	err := b.eachElement(f, func(se xml.StartElement) {
		if se.Name.Local != "sheet" {
			return
		}
		ref := xlsxSheetRef{Name: attr(se, "name"), Hidden: attr(se, "state") != "" && attr(se, "state") != "visible"}
		id := attr(se, "id") // r:id, by its local name
		for _, x := range rs {
			if x.id == id && strings.HasSuffix(x.typ, "/worksheet") {
				ref.part = b.file(x.target)
			}
		}
		if ref.part != nil {
			b.sheets = append(b.sheets, ref)
		}
	})
	if err == nil && len(b.sheets) == 0 {
		return &FormatError{"Berkas XLSX tidak berisi lembar kerja yang dapat dibaca."}
	}
	return err
}

// eachElement calls fn for every start element of a small part.
func (b *xlsxBook) eachElement(f *zip.File, fn func(xml.StartElement)) error {
	rc, d, err := b.open(f, smallPartLimit, "Berkas XLSX tidak wajar: bagian "+f.Name+" terlalu besar.")
	if err != nil {
		return err
	}
	defer rc.Close()
	return b.eachToken(d, func(tok xml.Token) {
		if se, ok := tok.(xml.StartElement); ok {
			fn(se)
		}
	})
}

// eachToken hands every token of a part to fn, up to the part's end.
func (b *xlsxBook) eachToken(d *xml.Decoder, fn func(xml.Token)) error {
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return b.partError(err)
		}
		fn(tok)
	}
}

// partError turns a failure while reading a part into an Indonesian error;
// a cancelled import stays a cancellation.
func (b *xlsxBook) partError(err error) error {
	var fe *FormatError
	switch {
	case errors.As(err, &fe):
		return err
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return errXLSXBroken
}

// attr returns the value of the attribute with this local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// sheet returns the named sheet (case-insensitive), or the first one.
func (b *xlsxBook) sheet(name string) (*xlsxSheetRef, error) {
	if name == "" {
		return &b.sheets[0], nil
	}
	for i := range b.sheets {
		if strings.EqualFold(strings.TrimSpace(b.sheets[i].Name), strings.TrimSpace(name)) {
			return &b.sheets[i], nil
		}
	}
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.Name
	}
	return nil, &FormatError{fmt.Sprintf("Lembar %q tidak ada di berkas ini. Lembar yang ada: %s.", name, strings.Join(names, ", "))}
}
