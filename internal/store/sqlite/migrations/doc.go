// Package migrations holds the sqlite engine's own numbered .sql migrations,
// embedded by its store package; a number here is not also in
// sqlstore/migrations. This file lets the Go tools treat the folder as a
// package, as the landing script's tests of changed folders need.
package migrations
