package permits

import (
	"context"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// ExpiryCount counts one kecamatan's issued permits that have expired or
// expire by the list's end.
type ExpiryCount struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Expired  int    `json:"expired"`
	Expiring int    `json:"expiring"`
}

// Expiry is the list of permits to renew: expired, or expiring within a
// number of days, counted per kecamatan, with one page of the permits
// themselves (soonest first).
type Expiry struct {
	Date      string        `json:"date"`
	Until     string        `json:"until"`
	Districts []ExpiryCount `json:"districts"`
	Items     []Permit      `json:"items"`
	Total     int           `json:"total"`
	Page      int           `json:"page"`
	PerPage   int           `json:"per_page"`
}

// Bounds of the expiry horizon in days.
const maxExpiryDays = 730

// Expiry lists, within the actor's reach, the issued permits that expired or
// expire within days (90 by default).
func (s *Service) Expiry(ctx context.Context, a auth.Actor, days int, f Filter) (*Expiry, error) {
	if days < 1 || days > maxExpiryDays {
		return nil, apperr.Validation(map[string]string{"days": "Jangka harus 1–730 hari"})
	}
	today := s.today()
	t, _ := time.Parse(time.DateOnly, today)
	f.ExpiresBefore = t.AddDate(0, 0, days).Format(time.DateOnly)
	f.Status = ""
	f.SkipTotal = true
	items, _, err := s.List(ctx, a, f)
	if err != nil {
		return nil, err
	}
	f.Scope, f.Today = registry.ScopeOf(a), today
	counts, err := s.Store.ExpiryCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	dir := region.All()
	total := 0
	for i := range counts {
		counts[i].Name = dir.Name(counts[i].Code)
		total += counts[i].Expired + counts[i].Expiring
	}
	return &Expiry{Date: today, Until: f.ExpiresBefore, Districts: counts, Items: items, Total: total, Page: f.Page,
		PerPage: f.PerPage}, nil
}
