// Package importer reads the office's Excel and CSV files into the UMKM
// register and writes the register back out to Excel and CSV.
//
// An import reads a table (XLSX or CSV, any of the encodings and separators
// Indonesian offices produce), maps its header to business fields, parses
// every cell into a typed value or an Indonesian reason, and turns each row
// into exactly one outcome: inserted, updated, unchanged, rejected or
// skipped.
//
// Layouts. The header may span one to three rows with merged parent
// cells ("OMZET (Rp)" over "PER BULAN"): each column is named parent /
// child and read in its parent's context; title rows above it are skipped.
// Rows that hold no business are skipped with their kind, never rejected:
// blank rows inside the table, group rows ("KECAMATAN CIKANDE", "DESA
// NAMBO UDIK"), which give their region to the rows below that lack one,
// subtotals and totals. Of a workbook, every sheet is read or named as not
// read; a sheet named after a kecamatan supplies it. Merged areas come
// from the sheet's <mergeCells>; hidden columns are ignored unless mapped.
//
// Matching. A row is an existing business when its NIB matches; else when
// its NIK and normalised business name match; a row with neither NIB nor
// NIK matches on normalised name, owner and village, so that lists without
// identifiers still re-import without duplicates. Two rows of one file that
// share a key are duplicates: the later one is rejected and counted in
// duplicates_in_file.
//
// Updates change only the fields the row fills: an empty cell means "not
// known here" and never clears a stored value. Money becomes a measurement
// (source = the import's name): without a year column only when it differs
// from the business's current figures; with one only when the ledger has no
// entry of that year with the same figures. So importing a file twice in a
// row changes nothing the second time.
//
// Atomicity. The whole import runs in one transaction of the Store (dry
// runs roll it back), so a crash leaves the register as it was. Inserts and
// updates write audit entries; every business the import saw is linked to
// it (import_businesses).
//
// Fields. Every business field an import can carry is one entry of the
// fields table (fields.go): its Indonesian label, the headers that name it,
// how a cell is read and how the value applies to a stored business.
//
// Export. Spreadsheets are written by package sheet: XLSX streamed, CSV as
// Excel in an Indonesian locale opens it, text cells neutralised against
// formula injection (the importer strips the apostrophe again).
// Export headers are import headers, so an export imports back unchanged.
//
// The package knows neither HTTP nor SQL.
package importer
