// Package importer reads the office's Excel and CSV files into the UMKM
// register and writes the register back out to Excel and CSV.
//
// An import reads a table (XLSX or CSV, any of the encodings and separators
// Indonesian offices produce), maps its header to business fields, parses
// every cell into a typed value or an Indonesian reason, and turns each row
// into exactly one outcome: inserted, updated, unchanged or rejected. Rows
// are matched to existing businesses by NIB, else by NIK together with the
// normalised business name, so that importing the same file twice changes
// nothing the second time. The whole import is applied in one transaction
// through the Store interface: all or nothing.
//
// An empty cell means "not known here": it never clears a stored value.
//
// The package knows neither HTTP nor SQL.
package importer
