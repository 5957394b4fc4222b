package importer

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// identifierSource is a Tx that only streams identifiers.
type identifierSource struct {
	Tx
	rows [][3]string // district, NIK, phone
}

func (s identifierSource) EachIdentifier(_ context.Context, fn func(district, nik, phone string) error) error {
	for _, r := range s.rows {
		if err := fn(r[0], r[1], r[2]); err != nil {
			return err
		}
	}
	return nil
}

// TestIdentifierIndex: a NIK or phone (however written) leads to the other
// kecamatans that hold it, never to the row's own, in code order.
func TestIdentifierIndex(t *testing.T) {
	ix, err := loadIdentifiers(context.Background(), identifierSource{rows: [][3]string{
		{"36.04.05", "3604154203750001", "0812-3456-7001"},
		{"36.04.15", "3604154203750001", ""},
		{"36.04.01", "", "+62 812 3456 7001"},
		{"36.04.02", "3604150505850003", "0877 1212 3434"},
		{"", "3604154203750001", ""},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		nik, phone, own string
		want            []string
	}{
		{"3604154203750001", "", "36.04.15", []string{"36.04.05"}},
		{"'3604154203750001", "081234567001", "36.04.15", []string{"36.04.01", "36.04.05"}},
		{"", "6281234567001", "", []string{"36.04.01", "36.04.05"}},
		{"3604150505850004", "0813 0000 0000", "36.04.15", nil},
		{"", "", "36.04.15", nil},
	} {
		if got := ix.districtsOf(c.nik, c.phone, c.own); !slices.Equal(got, c.want) {
			t.Errorf("districtsOf(%q, %q, %q) = %v, want %v", c.nik, c.phone, c.own, got, c.want)
		}
	}
}

// BenchmarkIdentifierIndex1M: reading the identifiers of a register of a
// million businesses and looking up a million rows, as an import of a
// million new rows into it would.
func BenchmarkIdentifierIndex1M(b *testing.B) {
	const n = 1_000_000
	src := identifierSource{rows: make([][3]string, n)}
	for i := range src.rows {
		src.rows[i] = [3]string{fmt.Sprintf("36.04.%02d", 1+i%29), fmt.Sprintf("36041%011d", i), fmt.Sprintf("08%010d", i)}
	}
	b.ReportAllocs()
	for b.Loop() {
		ix, err := loadIdentifiers(context.Background(), src)
		if err != nil {
			b.Fatal(err)
		}
		found := 0
		for i := range n {
			found += len(ix.districtsOf(fmt.Sprintf("36041%011d", i+n/2), "", "36.04.01"))
		}
		b.ReportMetric(float64(len(ix.entries)*8)/1e6, "index-MB")
		b.ReportMetric(float64(found), "found")
	}
}
