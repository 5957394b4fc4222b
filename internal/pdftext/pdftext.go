// Package pdftext reads back the text a PDF shows, so that tests can check
// the figures of a generated report. It knows the PDFs naikkelas writes
// (fpdf: text shown with Tj, streams Flate-compressed or plain), not PDF at
// large.
package pdftext

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
)

var (
	// fpdf ends every stream with "\nendstream"; a compressed stream may itself end in \r, which
	// must stay part of it.
	stream = regexp.MustCompile(`(?s)stream\r?\n(.*?)\nendstream`)
	show   = regexp.MustCompile(`\(((?:\\.|[^\\)])*)\) ?Tj`)
	unesc  = strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`)
)

// Text returns the strings of the Tj operators of every content stream, in
// order, one per line, cp1252 bytes as they are.
func Text(raw []byte) string {
	var out strings.Builder
	for _, m := range stream.FindAllSubmatch(raw, -1) {
		content := m[1]
		if r, err := zlib.NewReader(bytes.NewReader(content)); err == nil {
			if b, err := io.ReadAll(io.LimitReader(r, 64<<20)); err == nil {
				content = b
			}
		}
		for _, s := range show.FindAllSubmatch(content, -1) {
			out.WriteString(unesc.Replace(string(s[1])))
			out.WriteByte('\n')
		}
	}
	return out.String()
}
