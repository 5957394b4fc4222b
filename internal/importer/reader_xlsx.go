package importer

import (
	"context"
	"io"
)

// openXLSX checks the zip directory against the size limits before
// unpacking anything, reads the workbook's shared strings and styles, and
// opens the chosen sheet (the first when opt.Sheet is "") for streaming.
func openXLSX(ctx context.Context, r io.ReaderAt, size int64, opt ReadOptions) (Table, error) {
	b, err := openBook(ctx, r, size, opt.Limits)
	if err != nil {
		return nil, err
	}
	s, err := b.sheet(opt.Sheet)
	if err != nil {
		return nil, err
	}
	return b.openSheet(s)
}
