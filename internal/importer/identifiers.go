package importer

import (
	"context"
	"slices"

	"naikkelas/internal/linkage"
)

// identifierIndex tells in which kecamatans the register's active
// businesses hold a NIK or a phone number, so that a row whose kecamatan
// was mistyped, or whose business moved, is still compared with its stored
// record. Each identifier is one number (its hash and the kecamatan), so a
// register of a million businesses costs some 16 MB; it is read the first
// time a row needs it.
type identifierIndex struct {
	entries   []uint64 // identifierHash | kecamatan's index in districts, sorted
	districts []string
}

// districtBits is how many low bits of an entry name its kecamatan.
const districtBits = 16

// loadIdentifiers reads the identifiers of the stored active businesses.
func loadIdentifiers(ctx context.Context, tx Tx) (*identifierIndex, error) {
	ix := &identifierIndex{}
	index := map[string]uint64{}
	err := tx.EachIdentifier(ctx, func(district, nik, phone string) error {
		d, ok := index[district]
		if !ok {
			if district == "" || len(ix.districts) == 1<<districtBits {
				return nil
			}
			d = uint64(len(ix.districts))
			index[district] = d
			ix.districts = append(ix.districts, district)
		}
		for _, h := range identifierHashes(nik, phone) {
			ix.entries = append(ix.entries, h|d)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(ix.entries)
	ix.entries = slices.Compact(ix.entries)
	return ix, nil
}

// districtsOf returns the kecamatans other than own where a stored business
// has this NIK or phone, in code order.
func (ix *identifierIndex) districtsOf(nik, phone, own string) []string {
	if len(ix.entries) == 0 {
		return nil
	}
	var out []string
	for _, h := range identifierHashes(nik, phone) {
		i, _ := slices.BinarySearch(ix.entries, h)
		for ; i < len(ix.entries) && ix.entries[i]>>districtBits == h>>districtBits; i++ {
			if d := ix.districts[ix.entries[i]&(1<<districtBits-1)]; d != own && !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	slices.Sort(out)
	return out
}

// identifierHashes returns the hashes of a NIK and of a phone's last eight
// digits (as linkage blocks phones), their low districtBits bits clear.
func identifierHashes(nik, phone string) []uint64 {
	var out []uint64
	if n := linkage.NormalizeNIK(nik); n != "" {
		out = append(out, identifierHash("nik", n))
	}
	if p := linkage.NormalizePhone(phone); len(p) >= 8 {
		out = append(out, identifierHash("hp", p[len(p)-8:]))
	}
	return out
}

// identifierHash is FNV-1a of kind, a zero byte and value, written out so
// that a million rows allocate nothing for it.
func identifierHash(kind, value string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, s := range [...]string{kind, "\x00", value} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= prime
		}
	}
	return h &^ (1<<districtBits - 1)
}
