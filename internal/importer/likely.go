package importer

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"sync"

	"naikkelas/internal/auth"
	"naikkelas/internal/linkage"
	"naikkelas/internal/region"
)

// Likely is the stored business a new row probably is, though no
// identifier matched it exactly (record linkage, internal/linkage).
// District is set when that business lies in another kecamatan than the
// row (found by its NIK or phone). An officer is told of a business
// outside its area only that it exists (OutsideArea): no number, no
// probability, nothing of the business.
type Likely struct {
	BusinessID  int64   `json:"business_id,omitempty"`
	Probability float64 `json:"probability,omitempty"`
	District    string  `json:"district,omitempty"`
	OutsideArea bool    `json:"outside_area,omitempty"`
}

// Text is the row's note: "Kemungkinan sama dengan usaha #12 (93%)".
func (l *Likely) Text() string {
	switch {
	case l.OutsideArea:
		return "Kemungkinan sama dengan usaha di kecamatan lain di luar wilayah Anda; hubungi admin"
	case l.District != "":
		return fmt.Sprintf("Kemungkinan sama dengan usaha #%d di kecamatan lain (%.0f%%)", l.BusinessID, l.Probability*100)
	}
	return fmt.Sprintf("Kemungkinan sama dengan usaha #%d (%.0f%%)", l.BusinessID, l.Probability*100)
}

// shownTo is l as the actor may be told it.
func (l *Likely) shownTo(a auth.Actor) *Likely {
	if l == nil || l.District == "" || a.InArea(l.District) {
		return l
	}
	return &Likely{OutsideArea: true}
}

// likelyMatchers holds one linkage matcher per kecamatan, over its active
// stored businesses, built the first time a new row of that kecamatan
// needs it: a row is compared only with the stored businesses that share
// a blocking key with it (its NIK, phone, name keys within the desa or
// kecamatan), never with all. Businesses this import inserts are not
// among them, as for exact matching.
type likelyMatchers map[string]*linkage.Matcher

// maxOtherDistricts bounds the other kecamatans a row is compared with,
// when its NIK or phone is found there.
const maxOtherDistricts = 3

// likely returns the stored business a row without an exact match most
// probably is, when its probability reaches the linkage threshold: first
// among the businesses of the row's kecamatan, then among those of the
// kecamatans where a business has the row's NIK or phone (a kecamatan
// mistyped, or a business that moved).
func (r *runner) likely(ctx context.Context, tx Tx, txMu *sync.Mutex, c *Candidate) (*Likely, error) {
	b := &c.Business
	district := region.DistrictOf(b.VillageCode)
	if district == "" {
		district = b.DistrictCode
	}
	values := linkageValues(b.Name, b.OwnerName, b.NIK, b.NIB, b.Phone, b.VillageCode, b.Address)
	best, err := r.likelyIn(ctx, tx, txMu, district, values)
	if best != nil || err != nil {
		return best, err
	}
	if r.identifiers == nil {
		txMu.Lock()
		r.identifiers, err = loadIdentifiers(ctx, tx)
		txMu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	others := r.identifiers.districtsOf(b.NIK, b.Phone, district)
	if len(others) == 0 {
		return nil, nil
	}
	// The row's desa says nothing here: it is what was mistyped, or what
	// changed. A model estimated within one kecamatan never saw two of
	// its businesses in different kecamatans, and would count that heavily.
	values[linkage.PlaceField] = ""
	for _, d := range others[:min(len(others), maxOtherDistricts)] {
		l, err := r.likelyIn(ctx, tx, txMu, d, values)
		if err != nil {
			return nil, err
		}
		if l != nil && (best == nil || l.Probability > best.Probability) {
			l.District = d
			best = l
		}
	}
	return best, nil
}

// likelyIn returns the stored business of district the row with these
// linkage values most probably is, when its probability reaches the
// threshold.
func (r *runner) likelyIn(ctx context.Context, tx Tx, txMu *sync.Mutex, district string, values []string) (*Likely, error) {
	if district == "" {
		return nil, nil
	}
	m, built := r.matchers[district]
	if !built {
		txMu.Lock()
		keys, err := tx.ActiveIn(ctx, district)
		txMu.Unlock()
		if err != nil {
			return nil, err
		}
		records := make([]linkage.Record, len(keys))
		for i, k := range keys {
			records[i] = linkage.Record{ID: strconv.FormatInt(k.ID, 10), Values: linkageValues(k.Name, k.Owner, k.NIK, k.NIB,
				k.Phone, k.VillageCode, k.Address)}
		}
		if len(records) > 0 {
			if m, err = linkage.NewMatcher(records, linkage.BusinessConfig()); err != nil {
				return nil, err
			}
		}
		r.matchers[district] = m
	}
	if m == nil {
		return nil, nil
	}
	best, ok := m.Best(values)
	if !ok || best.Probability < m.Threshold() {
		return nil, nil
	}
	id, err := strconv.ParseInt(best.ID, 10, 64)
	if err != nil {
		return nil, err
	}
	return &Likely{BusinessID: id, Probability: math.Round(best.Probability*1000) / 1000}, nil
}

func linkageValues(name, owner, nik, nib, phone, place, address string) []string {
	return linkage.Business{Name: name, OwnerName: owner, NIK: nik, NIB: nib, Phone: phone, Place: place, Address: address}.Values()
}
