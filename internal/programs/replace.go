package programs

// Slot is a business holding or waiting for a place, with its kecamatan.
type Slot struct {
	BusinessID int64
	District   string
}

// Replacement picks who takes the place of a participant that withdrew.
// holders are the businesses that keep their places (the one that withdrew
// already removed), reserve is the reserve list in order, and target is the
// number of kecamatan the selection had to cover. It returns the index in
// reserve of the best reserve that keeps every constraint: the per-kecamatan
// quota and, when the withdrawal uncovered a kecamatan, the minimum number
// of kecamatan. When no reserve keeps the minimum, the best one within its
// quota is taken and covered reports false. It returns -1 when no reserve
// fits at all.
func Replacement(holders, reserve []Slot, r Rules, target int) (idx int, covered bool) {
	count := map[string]int{}
	for _, h := range holders {
		count[h.District]++
	}
	fits := func(s Slot) bool { return r.MaxPerDistrict <= 0 || count[s.District] < r.MaxPerDistrict }
	needNew := len(count) < target
	for i, s := range reserve {
		if fits(s) && (!needNew || count[s.District] == 0) {
			return i, true
		}
	}
	for i, s := range reserve {
		if fits(s) {
			return i, false
		}
	}
	return -1, false
}
