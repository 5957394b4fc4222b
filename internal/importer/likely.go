package importer

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"sync"

	"naikkelas/internal/linkage"
	"naikkelas/internal/region"
)

// Likely is the stored business a new row probably is, though no
// identifier matched it exactly (record linkage, internal/linkage).
type Likely struct {
	BusinessID  int64   `json:"business_id"`
	Probability float64 `json:"probability"`
}

// Text is the row's note: "Kemungkinan sama dengan usaha #12 (93%)".
func (l *Likely) Text() string {
	return fmt.Sprintf("Kemungkinan sama dengan usaha #%d (%.0f%%)", l.BusinessID, l.Probability*100)
}

// likelyMatchers holds one linkage matcher per kecamatan, over its active
// stored businesses, built the first time a new row of that kecamatan
// needs it: a row is compared only with the stored businesses that share
// a blocking key with it (its NIK, phone, name keys within the desa or
// kecamatan), never with all. Businesses this import inserts are not
// among them, as for exact matching.
type likelyMatchers map[string]*linkage.Matcher

// likely returns the stored business a row without an exact match most
// probably is, when its probability reaches the linkage threshold.
func (r *runner) likely(ctx context.Context, tx Tx, txMu *sync.Mutex, c *Candidate) (*Likely, error) {
	district := region.DistrictOf(c.Business.VillageCode)
	if district == "" {
		district = c.Business.DistrictCode
	}
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
	b := &c.Business
	best, ok := m.Best(linkageValues(b.Name, b.OwnerName, b.NIK, b.NIB, b.Phone, b.VillageCode, b.Address))
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
