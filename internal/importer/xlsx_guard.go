package importer

import (
	"context"
	"io"
	"unicode/utf8"
)

// cutMark replaces the rest of a text run that the guard cut short. It is a
// Unicode noncharacter, which no spreadsheet program writes.
const cutMark = "\uFDD0"

// errMarkupTooLong is a tag (with its attributes), comment or CDATA section
// longer than any spreadsheet program writes.
var errMarkupTooLong = &FormatError{"Berkas XLSX rusak atau tidak wajar: ada penanda XML yang terlalu panjang."}

// xmlGuard sits between a zip part and the XML decoder, so that the decoder
// never holds a long text in memory: a text run (the characters between two
// tags) longer than textLimit bytes is cut at a character boundary and ends
// with cutMark, and markup longer than tagLimit bytes is an error. It also
// stops when ctx is done, so a cancelled import stops inside a large part.
type xmlGuard struct {
	ctx                 context.Context
	r                   io.Reader
	textLimit, tagLimit int
	in                  []byte
	out                 []byte // processed; out[pos:] is not yet returned
	pos                 int
	inTag               bool
	quote               byte // the quote open inside a tag, or 0
	run                 int  // bytes of the current text run or tag
	entity              int  // bytes since an unfinished '&', or 0
	cut                 bool // dropping the rest of this text run
	err                 error
}

func newXMLGuard(ctx context.Context, r io.Reader, textLimit, tagLimit int) *xmlGuard {
	const chunk = 64 << 10
	return &xmlGuard{ctx: ctx, r: r, textLimit: textLimit, tagLimit: tagLimit, in: make([]byte, chunk),
		out: make([]byte, 0, chunk+len(cutMark))}
}

func (g *xmlGuard) Read(p []byte) (int, error) {
	for g.pos == len(g.out) {
		if g.err != nil {
			return 0, g.err
		}
		if err := g.ctx.Err(); err != nil {
			return 0, err
		}
		n, err := g.r.Read(g.in)
		g.filter(g.in[:n])
		if err != nil && g.err == nil {
			g.err = err
		}
	}
	n := copy(p, g.out[g.pos:])
	g.pos += n
	return n, nil
}

func (g *xmlGuard) filter(b []byte) {
	g.pos = 0
	out := g.out[:0]
	for _, c := range b {
		if g.inTag {
			out = append(out, c)
			g.run++
			switch {
			case g.run > g.tagLimit:
				g.err = errMarkupTooLong
				g.out = out
				return
			case g.quote != 0:
				if c == g.quote {
					g.quote = 0
				}
			case c == '"' || c == '\'':
				g.quote = c
			case c == '>':
				g.inTag, g.run = false, 0
			}
			continue
		}
		if c == '<' {
			g.inTag, g.run, g.cut, g.entity = true, 1, false, 0
			out = append(out, c)
			continue
		}
		if g.cut {
			continue
		}
		g.run++
		// cut before a character starts: never inside a UTF-8 sequence or
		// an entity such as &amp;, which the decoder would refuse
		if g.run > g.textLimit && utf8.RuneStart(c) && (g.entity == 0 || g.entity > 12) {
			g.cut = true
			out = append(out, cutMark...)
			continue
		}
		switch {
		case c == '&':
			g.entity = 1
		case g.entity > 0 && c == ';':
			g.entity = 0
		case g.entity > 0:
			g.entity++
		}
		out = append(out, c)
	}
	g.out = out
}

// isCut reports whether s is a text the guard cut short.
func isCut(s string) bool { return len(s) >= len(cutMark) && s[len(s)-len(cutMark):] == cutMark }
