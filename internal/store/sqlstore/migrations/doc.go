// Package migrations holds the numbered .sql migrations both engines share
// but for column types (text/template files), embedded by package
// sqlstore; a number here is in neither engine's own migrations. This file
// lets the Go tools treat the folder as a package, as the landing script's
// tests of changed folders need.
package migrations
