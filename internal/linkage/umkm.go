package linkage

import "strings"

// Business is a row of one of the office's lists, as far as linkage reads
// it. Place is the desa's Kemendagri code, or the kecamatan's when only that
// is known, or "" (the caller resolves names to codes with the importer's
// region matching).
type Business struct {
	ID                        string
	Name, OwnerName, NIK, NIB string
	Phone, Place, Address     string
}

// The fields of the business configuration, in order.
const (
	BusinessName = iota
	OwnerName
	NIKField
	NIBField
	PhoneField
	PlaceField
	AddressField
)

// BusinessConfig compares the office's business records: names after
// Indonesian normalisation (with term frequencies, so that "Siti" or
// "Warung Berkah" count for little), NIK with its Excel and typing faults,
// NIB, phone, desa or kecamatan code and address. The blocking rules are
// the identifiers, the phone, and name keys within a desa or kecamatan or
// whole names, each with an initial of the other name; a block of common
// names larger than its MaxBlock is a sorted neighbourhood in an order that
// tells its records apart. The work grows with the number of records, not
// with its square.
func BusinessConfig() Config {
	return Config{
		Fields: []Field{
			BusinessName: {Name: "nama_usaha", Kind: Trade, TermFrequency: true},
			OwnerName:    {Name: "nama_pemilik", Kind: Name, TermFrequency: true},
			NIKField:     {Name: "nik", Kind: NIK},
			NIBField:     {Name: "nib", Kind: Identifier, Normalize: Digits},
			PhoneField:   {Name: "no_hp", Kind: Phone},
			PlaceField:   {Name: "wilayah", Kind: Region},
			AddressField: {Name: "alamat", Kind: Address},
		},
		Blocks: []BlockRule{
			{Name: "nik", Key: func(v []string) string { return Prefix(v[NIKField], minTruncated) }},
			{Name: "nik akhir", Key: func(v []string) string { return suffix(v[NIKField], 10) }},
			{Name: "nib", Key: func(v []string) string { return v[NIBField] }},
			{Name: "no hp", Key: func(v []string) string { return suffix(v[PhoneField], 8) }},
			{Name: "wilayah+usaha", Key: func(v []string) string {
				return Key(v[PlaceField], Prefix(FirstWord(v[BusinessName]), 4), Prefix(lastWord(v[BusinessName]), 3),
					Prefix(v[OwnerName], 1))
			}, MaxBlock: commonNameBlock, Order: byOwner},
			{Name: "wilayah+pemilik", Key: func(v []string) string {
				return Key(v[PlaceField], Prefix(FirstWord(v[OwnerName]), 4), Prefix(lastWord(v[OwnerName]), 2),
					Prefix(v[BusinessName], 1))
			}, MaxBlock: commonNameBlock},
			{Name: "kecamatan+pemilik", Key: func(v []string) string {
				return Key(district(v[PlaceField]), v[OwnerName], Prefix(v[BusinessName], 1))
			}, MaxBlock: commonNameBlock},
			{Name: "kecamatan+usaha+pemilik", Key: func(v []string) string {
				return Key(district(v[PlaceField]), Prefix(FirstWord(v[BusinessName]), 4),
					Prefix(FirstWord(v[OwnerName]), 4), Prefix(lastWord(v[OwnerName]), 2))
			}, MaxBlock: commonNameBlock, Order: byOwner},
			{Name: "usaha+pemilik", Key: func(v []string) string {
				return Key(tokenSort(v[BusinessName]), FirstWord(v[OwnerName]))
			}, MaxBlock: ownerWindow, Order: byOwner},
		},
		// A business name that is plainly different, without the same NIB,
		// is another business, even of the same owner with the same NIK
		// and phone.
		Distinct: func(lv []int8) bool { return lv[BusinessName] == 0 && lv[NIBField] != 2 },
	}
}

// commonNameBlock bounds the blocks of the rules on names alone: a
// common name in a kecamatan, or across the regency, is shared by more
// businesses the longer the list, and comparing all of them buries the
// duplicates among pairs that only share the name.
const commonNameBlock = 10

// ownerWindow is the sorted neighbourhood of a business name across the
// regency: in the order of the owners' names, the same owner's records
// are side by side.
const ownerWindow = 5

// byOwner orders a block of one business name by its owners' names, then
// place: the same owner's records side by side.
func byOwner(v []string) string { return v[OwnerName] + "\x1f" + v[PlaceField] }

// Values gives b's values in the order of BusinessConfig's fields.
func (b Business) Values() []string {
	return []string{BusinessName: b.Name, OwnerName: b.OwnerName, NIKField: b.NIK, NIBField: b.NIB,
		PhoneField: b.Phone, PlaceField: b.Place, AddressField: b.Address}
}

// district is the kecamatan's code of a desa or kecamatan code.
func district(code string) string {
	if strings.Count(code, ".") == 3 {
		return parent(code)
	}
	return code
}

func suffix(v string, n int) string {
	if len(v) < n {
		return ""
	}
	return v[len(v)-n:]
}

func lastWord(v string) string {
	for i := len(v) - 1; i >= 0; i-- {
		if v[i] == ' ' {
			return v[i+1:]
		}
	}
	return v
}
