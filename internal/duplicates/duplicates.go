// Package duplicates proposes pairs of stored businesses that are likely
// one business, for an officer to review, and remembers the pairs an
// officer judged "bukan duplikat" so they are not proposed again. The
// judgement of likeness is record linkage (internal/linkage) over the
// businesses the caller may see, as the caller sees them.
package duplicates

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/linkage"
	"naikkelas/internal/registry"
)

// Store remembers the pairs judged not to be duplicates, and merges.
type Store interface {
	MergeStore
	// DismissPair records that businesses a < b are two businesses, with
	// its audit entry, in one transaction. Dismissing a pair twice is no
	// error.
	DismissPair(ctx context.Context, a, b int64, by string, at time.Time, e *audit.Entry) error
	// DismissedPairs returns every dismissed pair as {a, b}, a < b.
	DismissedPairs(ctx context.Context) ([][2]int64, error)
	// QueuedPairs returns the pairs imports queued for review of which
	// either business lies in district ("" = anywhere), both active and
	// not merged, and not dismissed, in (a, b) order.
	QueuedPairs(ctx context.Context, district string) ([]Queued, error)
}

// Queued is a pair an import queued for review: the row it inserted and the
// stored business it likely is, with the probability found then.
type Queued struct {
	A, B        int64
	Probability float64
	ImportID    int64
}

// Service lists and dismisses candidate pairs.
type Service struct {
	Registry *registry.Service
	Store    Store
	Now      func() time.Time
}

// NewService returns a Service with the real clock.
func NewService(reg *registry.Service, st Store) *Service {
	return &Service{Registry: reg, Store: st, Now: time.Now}
}

// Reason is one field's comparison in a pair: its level in words and how
// strongly it spoke for (positive) or against (negative) a match.
type Reason struct {
	Field  string  `json:"field"`
	Level  string  `json:"level"`
	Weight float64 `json:"weight"`
}

// Pair is one candidate pair, both businesses masked for the caller.
type Pair struct {
	A           registry.Business `json:"a"`
	B           registry.Business `json:"b"`
	Probability float64           `json:"probability"`
	Reasons     []Reason          `json:"reasons"`
	ImportID    int64             `json:"import_id,omitempty"` // the import that queued the pair for review
}

// MaxPairs bounds one answer; an officer works through the strongest first.
const MaxPairs = 500

var districtCode = regexp.MustCompile(`^\d{2}\.\d{2}\.\d{2}$`)

// List returns the likely duplicates among the businesses the actor may see
// in district ("" = all it may see), strongest first, from minProbability
// up. Owners get Forbidden; a malformed district or probability is Invalid.
// For a role that sees NIK and phone masked, they are left out of the
// comparison, so a probability never reveals a hidden digit.
func (s *Service) List(ctx context.Context, a auth.Actor, district string, minProbability float64) ([]Pair, error) {
	if a.Role == auth.Owner || a.Role == "" {
		return nil, apperr.New(apperr.Forbidden, "Tinjauan duplikat hanya untuk petugas dinas")
	}
	if district != "" && !districtCode.MatchString(district) {
		return nil, apperr.Validation(map[string]string{"district": "Gunakan kode kecamatan, mis. 36.04.15"})
	}
	if !(minProbability >= 0 && minProbability <= 1) {
		return nil, apperr.Validation(map[string]string{"min_probability": "Isi angka 0 sampai 1, mis. 0.9"})
	}
	var businesses []registry.Business
	var records []linkage.Record
	err := s.Registry.Each(ctx, a, registry.Filter{District: district}, func(b *registry.Business) error {
		lb := linkage.Business{ID: strconv.FormatInt(b.ID, 10), Name: b.Name, OwnerName: b.OwnerName, NIK: b.NIK,
			NIB: b.NIB, Phone: b.Phone, Place: b.VillageCode, Address: b.Address}
		if !a.SeesPersonalData() {
			lb.NIK, lb.Phone = "", ""
		}
		businesses = append(businesses, *b)
		records = append(records, linkage.Record{ID: lb.ID, Values: lb.Values()})
		return nil
	})
	if err != nil {
		return nil, err
	}
	out, err := s.linked(ctx, businesses, records, minProbability)
	if err != nil {
		return nil, err
	}
	if out, err = s.withQueued(ctx, a, district, minProbability, businesses, out); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(p, q Pair) int {
		if c := cmp.Compare(q.Probability, p.Probability); c != 0 {
			return c
		}
		if c := cmp.Compare(p.A.ID, q.A.ID); c != 0 {
			return c
		}
		return cmp.Compare(p.B.ID, q.B.ID)
	})
	return out[:min(len(out), MaxPairs)], nil
}

// linked returns the pairs record linkage finds among businesses (records
// in the same order), from minProbability up, dismissed pairs left out.
func (s *Service) linked(ctx context.Context, businesses []registry.Business, records []linkage.Record,
	minProbability float64) ([]Pair, error) {
	if len(records) < 2 {
		return []Pair{}, nil
	}
	res, err := linkage.Link(records, linkage.BusinessConfig())
	if err != nil {
		return nil, fmt.Errorf("link: %w", err)
	}
	dismissed, err := s.dismissed(ctx)
	if err != nil {
		return nil, err
	}
	out := []Pair{}
	fields := res.Fields()
	err = res.Pairs(minProbability, func(p linkage.Pair) error {
		x, y := businesses[p.A], businesses[p.B]
		if x.ID > y.ID {
			x, y = y, x
		}
		if dismissed[[2]int64{x.ID, y.ID}] {
			return nil
		}
		pair := Pair{A: x, B: y, Probability: math.Round(p.Probability*1000) / 1000, Reasons: []Reason{}}
		for f, l := range p.Levels {
			if l >= 0 {
				w := math.Round(res.Model.Weight(f, l)*10) / 10
				pair.Reasons = append(pair.Reasons, Reason{Field: fields[f].Name, Level: fields[f].Kind.LevelName(l), Weight: w})
			}
		}
		out = append(out, pair)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Service) dismissed(ctx context.Context) (map[[2]int64]bool, error) {
	pairs, err := s.Store.DismissedPairs(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[[2]int64]bool, len(pairs))
	for _, p := range pairs {
		m[p] = true
	}
	return m, nil
}

// Dismiss remembers that businesses a and b are not one business. Only an
// officer who reaches both may; anything else is NotFound (unseen) or
// Forbidden (read-only roles).
func (s *Service) Dismiss(ctx context.Context, actor auth.Actor, a, b int64) error {
	if !actor.IsOfficer() {
		return apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat menandai bukan duplikat")
	}
	if a == b {
		return apperr.Validation(map[string]string{"b": "Pilih dua usaha yang berbeda"})
	}
	for _, id := range []int64{a, b} {
		if _, err := s.Registry.Get(ctx, actor, id); err != nil {
			return err
		}
	}
	a, b = min(a, b), max(a, b)
	after, _ := json.Marshal(map[string]int64{"a": a, "b": b})
	e := &audit.Entry{UserID: actor.UserID, Username: actor.Username, Entity: "business", EntityID: a,
		Action: "not_duplicate", After: after}
	return s.Store.DismissPair(ctx, a, b, actor.Username, s.Now().UTC(), e)
}
