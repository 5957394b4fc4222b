package partners

import (
	"context"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
)

// Ledger is a funding partner's own page of the ledger: per year what it
// committed, delivered (realised), what the office allocated to programmes
// and what is still unspent, and each commitment with its history.
type Ledger struct {
	PartnerID   int64                 `json:"partner_id"`
	PartnerName string                `json:"partner_name"`
	Years       []funding.PartnerYear `json:"years"`
	Totals      funding.PartnerYear   `json:"totals"`
	Commitments []Commitment          `json:"commitments"`
}

// Commitment is one of the partner's commitments as the partner sees it:
// what it promised, what it delivered when, and which programmes received
// how much of it.
type Commitment struct {
	ID           int64     `json:"id"`
	Kind         string    `json:"kind"`
	Amount       int64     `json:"amount"`
	Year         int       `json:"year"`
	Reference    string    `json:"reference"`
	Description  string    `json:"description"`
	StartsOn     string    `json:"starts_on"`
	EndsOn       string    `json:"ends_on"`
	Realised     int64     `json:"realised"`
	Allocated    int64     `json:"allocated"`
	Unspent      int64     `json:"unspent"` // realised, not yet allocated
	Realisations []Receipt `json:"realisations"`
	Allocations  []Grant   `json:"allocations"`
}

// Receipt is one delivery against a commitment.
type Receipt struct {
	Date   string `json:"date"`
	Amount int64  `json:"amount"`
}

// Grant is the part of a commitment allocated to one programme.
type Grant struct {
	ProgramID   int64  `json:"program_id"`
	ProgramName string `json:"program_name"`
	Amount      int64  `json:"amount"`
}

// Ledger returns the actor's partner's ledger, for every year or one
// (year 0 = every year). Forbidden unless a is a mitra.
func (s *Service) Ledger(ctx context.Context, a auth.Actor, year int) (*Ledger, error) {
	if !a.IsMitra() {
		return nil, errMitraOnly
	}
	if year != 0 && (year < funding.MinYear || year > funding.MaxYear) {
		return nil, apperr.Validation(map[string]string{"year": "Tahun harus antara 2000 dan 2100"})
	}
	pt, err := s.Programs.Partner(ctx, office, a.PartnerID)
	if err != nil {
		return nil, err
	}
	cs, err := s.Funding.Commitments(ctx, a, a.PartnerID)
	if err != nil {
		return nil, err
	}
	out := &Ledger{PartnerID: pt.ID, PartnerName: pt.Name, Years: []funding.PartnerYear{}, Commitments: []Commitment{}}
	var mine []funding.Commitment
	for _, c := range cs {
		if year != 0 && c.Year != year {
			continue
		}
		mine = append(mine, c)
		cm, err := s.Commitment(ctx, a, c.ID)
		if err != nil {
			return nil, err
		}
		out.Commitments = append(out.Commitments, *cm)
	}
	out.Years = append(out.Years, funding.Summarise(mine, s.Funding.Now())...)
	out.Totals = funding.Total(out.Years)
	out.Totals.PartnerID, out.Totals.PartnerName = pt.ID, pt.Name
	return out, nil
}

// Commitment returns one of the partner's commitments with its deliveries
// and allocations; another partner's is NotFound.
func (s *Service) Commitment(ctx context.Context, a auth.Actor, id int64) (*Commitment, error) {
	if !a.IsMitra() {
		return nil, errMitraOnly
	}
	d, err := s.Funding.Commitment(ctx, a, id)
	if err != nil {
		return nil, err
	}
	c := &Commitment{ID: d.ID, Kind: d.Kind, Amount: d.Amount, Year: d.Year, Reference: d.Reference, Description: d.Description,
		StartsOn: d.StartsOn, EndsOn: d.EndsOn, Realised: d.Realised, Allocated: d.Allocated, Unspent: d.Available(),
		Realisations: []Receipt{}, Allocations: []Grant{}}
	for _, r := range d.Realisations {
		c.Realisations = append(c.Realisations, Receipt{Date: r.Date, Amount: r.Amount})
	}
	for _, al := range d.Allocations {
		g := Grant{ProgramID: al.ProgramID, Amount: al.Amount}
		if p, err := s.Programs.Get(ctx, office, al.ProgramID); err == nil {
			g.ProgramName = p.Name
		}
		c.Allocations = append(c.Allocations, g)
	}
	return c, nil
}

// allocatedTo sums, per programme, what was allocated to it from the
// partner's commitments.
func (s *Service) allocatedTo(ctx context.Context, a auth.Actor) (map[int64]int64, error) {
	cs, err := s.Funding.Commitments(ctx, a, a.PartnerID)
	if err != nil {
		return nil, err
	}
	out := map[int64]int64{}
	for _, c := range cs {
		if c.Allocated == 0 {
			continue
		}
		d, err := s.Funding.Commitment(ctx, a, c.ID)
		if err != nil {
			return nil, err
		}
		for _, al := range d.Allocations {
			out[al.ProgramID] += al.Amount
		}
	}
	return out, nil
}
