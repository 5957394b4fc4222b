package funding

import (
	"context"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

// Programs is what the ledger needs from the programmes: partners and
// programmes exist, and a programme's participants and completers.
type Programs interface {
	Partner(ctx context.Context, a auth.Actor, id int64) (*programs.Partner, error)
	Get(ctx context.Context, a auth.Actor, id int64) (*programs.Program, error)
	Report(ctx context.Context, a auth.Actor, id int64) (*programs.Program, *programs.Report, error)
}

// Outcomes counts a programme's completers who went up a size class since
// it started (naik kelas); ok is false when that cannot be measured yet.
type Outcomes func(ctx context.Context, programID int64) (n int, ok bool, err error)

// Service applies the ledger's rules: who may read and write it, what a
// commitment, realisation and allocation must hold, and the sums.
type Service struct {
	Store    Store
	Programs Programs
	Outcomes Outcomes
	Now      func() time.Time
}

// NewService returns a Service with the real clock.
func NewService(st Store, progs Programs, outcomes Outcomes) *Service {
	return &Service{Store: st, Programs: progs, Outcomes: outcomes, Now: time.Now}
}

var (
	errReaders = apperr.New(apperr.Forbidden, "Buku dana mitra hanya untuk dinas dan pimpinan")
	errAbsent  = apperr.New(apperr.NotFound, "Komitmen tidak ditemukan")
	errWriters = apperr.New(apperr.Forbidden, "Hanya admin dinas yang boleh mencatat komitmen, realisasi dan alokasi dana")
)

// reader allows the office's staff and leadership.
func reader(a auth.Actor) error {
	switch a.Role {
	case auth.Admin, auth.Operator, auth.Pimpinan:
		return nil
	}
	return errReaders
}

// partnerReader allows, besides the office, a mitra for its own partner's
// ledger; to a mitra another partner's ledger does not exist.
func partnerReader(a auth.Actor, partnerID int64) error {
	switch {
	case a.ForPartner(partnerID):
		return nil
	case a.IsMitra():
		return errAbsent
	}
	return reader(a)
}

// writer allows the admin: money is booked centrally, not per kecamatan.
func writer(a auth.Actor) error {
	if a.Role == auth.Admin {
		return nil
	}
	return errWriters
}

func (s *Service) today() time.Time {
	d, _ := time.Parse(time.DateOnly, idfmt.Day(s.Now()))
	return d
}

func entry(a auth.Actor, entity string, after any) *audit.Entry {
	b, af := audit.Diff(nil, after)
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: entity, Before: b, After: af}
}

// Commitments lists a partner's commitments with their sums. NotFound for
// an absent partner.
func (s *Service) Commitments(ctx context.Context, a auth.Actor, partnerID int64) ([]Commitment, error) {
	if err := partnerReader(a, partnerID); err != nil {
		return nil, err
	}
	if _, err := s.Programs.Partner(ctx, auth.System, partnerID); err != nil {
		return nil, err
	}
	return s.Store.ListCommitments(ctx, CommitmentFilter{PartnerID: partnerID})
}

// AllCommitments lists every commitment of a year (0 = all years).
func (s *Service) AllCommitments(ctx context.Context, a auth.Actor, year int) ([]Commitment, error) {
	if err := reader(a); err != nil {
		return nil, err
	}
	return s.Store.ListCommitments(ctx, CommitmentFilter{Year: year})
}

// CommitmentDetail is a commitment with its realisations and allocations.
type CommitmentDetail struct {
	Commitment
	Realisations []Realisation `json:"realisations"`
	Allocations  []Allocation  `json:"allocations"`
}

// Commitment returns one commitment with its history; to a mitra only
// its own partner's (another's is NotFound).
func (s *Service) Commitment(ctx context.Context, a auth.Actor, id int64) (*CommitmentDetail, error) {
	if !a.IsMitra() {
		if err := reader(a); err != nil {
			return nil, err
		}
	}
	c, err := s.Store.GetCommitment(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := partnerReader(a, c.PartnerID); err != nil {
		return nil, err
	}
	d := &CommitmentDetail{Commitment: *c}
	if d.Realisations, err = s.Store.ListRealisations(ctx, id); err != nil {
		return nil, err
	}
	if d.Allocations, err = s.Store.ListAllocations(ctx, 0, id); err != nil {
		return nil, err
	}
	return d, nil
}

// Commit records a partner's commitment.
func (s *Service) Commit(ctx context.Context, a auth.Actor, partnerID int64, c *Commitment) (*Commitment, error) {
	if err := writer(a); err != nil {
		return nil, err
	}
	pt, err := s.Programs.Partner(ctx, auth.System, partnerID)
	if err != nil {
		return nil, err
	}
	if err := apperr.Validation(c.Validate()); err != nil {
		return nil, err
	}
	c.ID, c.PartnerID, c.PartnerName, c.Realised, c.Allocated, c.CreatedBy = 0, pt.ID, pt.Name, 0, 0, a.Username
	if err := s.Store.CreateCommitment(ctx, c, entry(a, "commitment", c)); err != nil {
		return nil, err
	}
	return c, nil
}

// Realise records value received against a commitment; more than the
// commitment still lacks is refused (Invalid on amount).
func (s *Service) Realise(ctx context.Context, a auth.Actor, commitmentID int64, r *Realisation) (*Realisation, error) {
	if err := writer(a); err != nil {
		return nil, err
	}
	if err := apperr.Validation(r.Validate(s.today().Format(time.DateOnly))); err != nil {
		return nil, err
	}
	r.ID, r.CommitmentID, r.CreatedBy = 0, commitmentID, a.Username
	if err := s.Store.AddRealisation(ctx, r, entry(a, "realisation", r)); err != nil {
		return nil, err
	}
	return r, nil
}

// Allocate gives realised value of a commitment to a programme; more than
// was realised and not yet allocated is refused (Invalid on amount).
func (s *Service) Allocate(ctx context.Context, a auth.Actor, programID int64, al *Allocation) (*Allocation, error) {
	if err := writer(a); err != nil {
		return nil, err
	}
	if _, err := s.Programs.Get(ctx, auth.System, programID); err != nil {
		return nil, err
	}
	if err := apperr.Validation(al.Validate()); err != nil {
		return nil, err
	}
	al.ID, al.ProgramID, al.CreatedBy = 0, programID, a.Username
	if err := s.Store.AddAllocation(ctx, al, entry(a, "allocation", al)); err != nil {
		return nil, err
	}
	return al, nil
}

// Stats sums the ledger per partner and year (year 0 = every year).
func (s *Service) Stats(ctx context.Context, a auth.Actor, year int) (*Stats, error) {
	if err := reader(a); err != nil {
		return nil, err
	}
	if year != 0 && (year < MinYear || year > MaxYear) {
		return nil, apperr.Validation(map[string]string{"year": "Tahun harus antara 2000 dan 2100"})
	}
	cs, err := s.Store.ListCommitments(ctx, CommitmentFilter{Year: year})
	if err != nil {
		return nil, err
	}
	today := s.today()
	rows := Summarise(cs, today)
	return &Stats{Year: year, Today: today.Format(time.DateOnly), Partners: rows, Totals: Total(rows)}, nil
}
