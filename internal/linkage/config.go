package linkage

import "strings"

// Kind is how a field is compared; it fixes the field's comparison levels.
// Level 0 is always "different"; higher levels are closer agreement.
type Kind int

// Field kinds.
const (
	// Name: Jaro–Winkler on the normalised text and on its words sorted,
	// the better of the two; levels <0.80, ≥0.80, ≥0.88, ≥0.94, equal.
	Name Kind = iota
	// Trade: a business name, compared as Name, but two names that begin
	// with the same word (the product: "Emping Melinjo Berkah", "Emping Bu
	// Enah") are at least level 1.
	Trade
	// Identifier: different, one edit apart (a typed digit wrong, missing,
	// extra or swapped), equal. NIB, postcodes, dates.
	Identifier
	// NIK: different, Excel-truncated (one ends in zeros where the other
	// has digits), one digit off, equal.
	NIK
	// Phone: different, one digit off, the last eight digits equal, equal.
	Phone
	// Region: dotted Kemendagri codes; different, same parent (the same
	// kecamatan for two desa), equal.
	Region
	// Address: share of the shorter address's words in the other; <0.5,
	// ≥0.5, ≥0.8, equal.
	Address
	// Exact: different or equal.
	Exact
)

// levels is the number of comparison levels of each kind.
func (k Kind) levels() int {
	switch k {
	case Name, Trade:
		return 5
	case NIK, Phone, Address:
		return 4
	case Identifier, Region:
		return 3
	}
	return 2
}

// repeats reports whether values of kind k recur across records (names,
// places, addresses), unlike identifiers and phones.
func (k Kind) repeats() bool {
	switch k {
	case Name, Trade, Region, Address:
		return true
	}
	return false
}

// guardedLevels is how many of kind k's closest levels (equal, and the one
// below: one digit off, the last digits equal, nearly the same name) must
// never count against a match: those of names and identifiers.
func (k Kind) guardedLevels() int {
	switch k {
	case Name, Trade, Identifier, NIK, Phone:
		return 2
	}
	return 0
}

// LevelName describes level l of kind k in Indonesian, for the pairs file
// and the review page.
func (k Kind) LevelName(l int) string {
	if l < 0 {
		return "kosong"
	}
	names := map[Kind][]string{
		Name:       {"berbeda", "agak mirip", "mirip", "sangat mirip", "sama"},
		Trade:      {"berbeda", "agak mirip", "mirip", "sangat mirip", "sama"},
		Identifier: {"berbeda", "beda 1 digit", "sama"},
		NIK:        {"berbeda", "terpotong Excel", "beda 1 digit", "sama"},
		Phone:      {"berbeda", "beda 1 digit", "8 digit akhir sama", "sama"},
		Region:     {"berbeda", "kecamatan sama", "sama"},
		Address:    {"berbeda", "sebagian sama", "hampir sama", "sama"},
		Exact:      {"berbeda", "sama"},
	}[k]
	if l >= len(names) {
		return "?"
	}
	return names[l]
}

// Field is one compared field.
type Field struct {
	Name string
	Kind Kind
	// Normalize prepares a raw value; nil takes the kind's default (names
	// folded and stripped of honorifics, phones and NIKs to digits, …).
	Normalize func(string) string
	// TermFrequency adjusts agreement on this field by how common the value
	// is: two records both called "Siti" say less than two called "Enah".
	TermFrequency bool
}

func (f Field) normalize(s string) string {
	if f.Normalize != nil {
		return f.Normalize(s)
	}
	switch f.Kind {
	case Name:
		return NormalizePerson(s)
	case Trade:
		return NormalizeBusiness(s)
	case NIK:
		return NormalizeNIK(s)
	case Phone:
		return NormalizePhone(s)
	case Region:
		return strings.TrimSpace(s)
	}
	return fold(s)
}

// BlockRule makes one key per record; records with equal keys are compared.
// An empty key puts the record in no block of this rule. The union of all
// rules' pairs is compared, so each rule may be narrow.
type BlockRule struct {
	Name string
	// Key receives the record's normalised values in the order of
	// Config.Fields.
	Key func(values []string) string
	// MaxBlock, when set, bounds this rule's blocks below Config.MaxBlock:
	// a rule on common values whose blocks grow with the list.
	MaxBlock int
	// Order, when set, is the order of the records of a block larger than
	// MaxBlock, each compared with its MaxBlock next (nil: the first
	// field's words sorted). It should tell apart what the key does not: a
	// block of one business name in the order of the owners' names.
	Order func(values []string) string
}

// Config is what Link compares and how.
type Config struct {
	Fields []Field
	Blocks []BlockRule
	// Threshold is the match probability from which a pair is linked
	// (default 0.9).
	Threshold float64
	// MaxBlock bounds the work in one block: in a larger block each record
	// is compared with its MaxBlock neighbours in name order rather than
	// with all (default 200).
	MaxBlock int
	// Distinct, when set, marks pairs that are never linked whatever their
	// score, given their levels (-1 missing) in the order of Fields: one
	// owner's two businesses share NIK, phone and name, and only the
	// business's own name tells them apart. Such pairs score at most 0.5.
	Distinct func(levels []int8) bool
}

func (c Config) withDefaults() Config {
	if c.Threshold <= 0 || c.Threshold >= 1 {
		c.Threshold = 0.9
	}
	if c.MaxBlock <= 0 {
		c.MaxBlock = 200
	}
	return c
}

// Prefix is a block key helper: the first n bytes of v (v itself when
// shorter), "" for an empty value.
func Prefix(v string, n int) string {
	if len(v) <= n {
		return v
	}
	return v[:n]
}

// Key joins block key parts, "" when any part is empty (a rule on desa and
// name puts no record without a desa in a block).
func Key(parts ...string) string {
	for _, p := range parts {
		if p == "" {
			return ""
		}
	}
	return strings.Join(parts, "\x1f")
}

// FirstWord is the first word of a normalised value.
func FirstWord(v string) string {
	w, _, _ := strings.Cut(v, " ")
	return w
}
