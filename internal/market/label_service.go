package market

import (
	"context"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// CheckLabel records an officer's inspection of a product's label and
// returns it with its score, fixes and flags.
func (s *Service) CheckLabel(ctx context.Context, a auth.Actor, productID int64, c *LabelCheck) (*LabelCheck, error) {
	if !a.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Pemeriksaan label dicatat oleh petugas dinas")
	}
	p, err := s.Product(ctx, a, productID)
	if err != nil {
		return nil, err
	}
	if c.Items == nil {
		c.Items = map[string]string{}
	}
	if c.Notes == nil {
		c.Notes = map[string]string{}
	}
	if err := apperr.Validation(Elements().Evaluate(c, p)); err != nil {
		return nil, err
	}
	c.ID, c.ProductID, c.CheckedBy, c.CheckedAt = 0, p.ID, a.Username, s.Now().UTC()
	if err := s.Store.AddLabelCheck(ctx, c, &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "label_check",
		Entity: "product", EntityID: p.ID}); err != nil {
		return nil, err
	}
	return c, nil
}

// LabelChecks lists a product's label checks, oldest first.
func (s *Service) LabelChecks(ctx context.Context, a auth.Actor, productID int64) ([]LabelCheck, error) {
	if _, err := s.Product(ctx, a, productID); err != nil {
		return nil, err
	}
	out, err := s.Store.LabelChecks(ctx, productID)
	if out == nil {
		out = []LabelCheck{}
	}
	return out, err
}

// LabelFixes are the open fixes of one product: those of its latest check.
type LabelFixes struct {
	Product Product    `json:"product"`
	Check   LabelCheck `json:"check"`
}

// BusinessLabelFixes returns, for each product of a business whose latest
// label check asks for fixes or raised flags, that check. The business
// page, the owner's home and the assessment's next steps show them.
func (s *Service) BusinessLabelFixes(ctx context.Context, a auth.Actor, businessID int64) ([]LabelFixes, error) {
	products, err := s.Products(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	latest, err := s.Store.LatestLabelChecks(ctx, businessID)
	if err != nil {
		return nil, err
	}
	var out []LabelFixes
	for _, p := range products {
		if c, ok := latest[p.ID]; ok && (len(c.Fixes) > 0 || len(c.Flags) > 0) {
			out = append(out, LabelFixes{Product: p, Check: c})
		}
	}
	return out, nil
}
