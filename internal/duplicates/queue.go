package duplicates

import (
	"context"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// withQueued adds to out the pairs imports queued for review of which the
// actor may see both businesses and at least one is among businesses (the
// district's, as the actor sees them); a pair linkage found already is
// marked with its import. A role that sees NIK and phone masked gets no
// pair linkage did not find itself: the import found it with them.
func (s *Service) withQueued(ctx context.Context, a auth.Actor, district string, minProbability float64,
	businesses []registry.Business, out []Pair) ([]Pair, error) {
	queued, err := s.Store.QueuedPairs(ctx, district)
	if err != nil || len(queued) == 0 {
		return out, err
	}
	listed := make(map[[2]int64]int, len(out))
	for i, p := range out {
		listed[[2]int64{p.A.ID, p.B.ID}] = i
	}
	in := make(map[int64]*registry.Business, len(businesses))
	for i := range businesses {
		in[businesses[i].ID] = &businesses[i]
	}
	for _, q := range queued {
		if i, ok := listed[[2]int64{q.A, q.B}]; ok {
			out[i].ImportID = q.ImportID
			continue
		}
		x, y := in[q.A], in[q.B]
		if !a.SeesPersonalData() || q.Probability < minProbability || (x == nil && y == nil) {
			continue
		}
		if x == nil {
			x, err = s.reach(ctx, a, q.A)
		} else if y == nil {
			y, err = s.reach(ctx, a, q.B)
		}
		if err != nil {
			return nil, err
		}
		if x != nil && y != nil {
			out = append(out, Pair{A: *x, B: *y, Probability: q.Probability, Reasons: []Reason{}, ImportID: q.ImportID})
		}
	}
	return out, nil
}

// reach returns a business as the actor sees it, or nil when it is outside
// the actor's reach.
func (s *Service) reach(ctx context.Context, a auth.Actor, id int64) (*registry.Business, error) {
	b, err := s.Registry.Get(ctx, a, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		return nil, nil
	}
	return b, err
}
