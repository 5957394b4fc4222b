package permits

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// QuotaStore keeps quota windows and their allocations.
type QuotaStore interface {
	// ListQuotas returns every quota, newest closing first, with Allocated counted.
	ListQuotas(ctx context.Context) ([]Quota, error)
	// GetQuota returns a quota with Allocated counted, or NotFound.
	GetQuota(ctx context.Context, id int64) (*Quota, error)
	// CreateQuota inserts q (setting ID and CreatedAt) with its audit entry.
	CreateQuota(ctx context.Context, q *Quota, a *audit.Entry) error
	// QuotaAllocations returns a quota's allocations within scope, by day and assistant.
	QuotaAllocations(ctx context.Context, quotaID int64, scope registry.Scope) ([]Allocation, error)
	// AssistantLoad counts the applications of each named assistant per day from day on, over all quotas.
	AssistantLoad(ctx context.Context, assistants []string, from string) (map[Slot]int, error)
	// Allocate inserts allocs into the quota in one transaction, unless they
	// would exceed its total (Conflict) or a business is in it already (Conflict).
	Allocate(ctx context.Context, quotaID int64, allocs []Allocation, a *audit.Entry) error
}

// AllocationRequest places ready businesses in a quota and plans their checks.
type AllocationRequest struct {
	BusinessIDs []int64  `json:"business_ids"`
	Assistants  []string `json:"assistants"` // the pendamping PPH who will check them
	StartOn     string   `json:"start_on"`   // first day of checks; "" = today, or the opening day if later
}

// AllocationResult is the plan of one allocation request.
type AllocationResult struct {
	Quota       Quota          `json:"quota"`
	Allocations []Allocation   `json:"allocations"`
	PerDay      map[string]int `json:"per_assistant"` // applications per assistant in this batch
	FinishesOn  string         `json:"finishes_on"`
	Warning     string         `json:"warning"`
}

// Bounds of one allocation request.
const (
	maxBatch      = 2000
	maxAssistants = 200
)

func office(a auth.Actor) error {
	if a.IsOfficer() || a.Role == auth.Pimpinan {
		return nil
	}
	return apperr.New(apperr.Forbidden, "Kuota halal hanya untuk petugas dinas dan pimpinan")
}

// Quotas lists the quota windows with their state on date ("" = today).
func (s *Service) Quotas(ctx context.Context, a auth.Actor, date string) ([]Quota, error) {
	if err := office(a); err != nil {
		return nil, err
	}
	day, err := s.day(date)
	if err != nil {
		return nil, err
	}
	qs, err := s.Store.ListQuotas(ctx)
	if err != nil {
		return nil, err
	}
	for i := range qs {
		qs[i].status(day)
	}
	return qs, nil
}

// Quota returns one quota and its allocations within the actor's area.
func (s *Service) Quota(ctx context.Context, a auth.Actor, id int64) (*Quota, []Allocation, error) {
	if err := office(a); err != nil {
		return nil, nil, err
	}
	q, err := s.Store.GetQuota(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	q.status(s.today())
	al, err := s.Store.QuotaAllocations(ctx, id, registry.ScopeOf(a))
	return q, al, err
}

// CreateQuota records a quota window (admin).
func (s *Service) CreateQuota(ctx context.Context, a auth.Actor, q *Quota) (*Quota, error) {
	if a.Role != auth.Admin {
		return nil, apperr.New(apperr.Forbidden, "Hanya admin yang mencatat kuota")
	}
	q.Provider, q.Scope, q.Note = strings.TrimSpace(q.Provider), strings.TrimSpace(q.Scope), strings.TrimSpace(q.Note)
	f := map[string]string{}
	if q.Provider == "" || len(q.Provider) > 200 {
		f["provider"] = "Penyedia kuota wajib diisi (maks. 200 karakter)"
	}
	if !slices.Contains(QuotaScopes, q.Scope) {
		f["scope"] = "Cakupan harus salah satu dari: " + strings.Join(QuotaScopes, ", ")
	}
	if q.Total < 1 || q.Total > 1_000_000 {
		f["total"] = "Jumlah tempat harus 1–1.000.000"
	}
	_, okO := date(f, "opens_on", q.OpensOn)
	_, okC := date(f, "closes_on", q.ClosesOn)
	if q.OpensOn == "" {
		f["opens_on"] = "Tanggal buka wajib diisi"
	}
	if q.ClosesOn == "" {
		f["closes_on"] = "Tanggal tutup wajib diisi"
	}
	if okO && okC && q.ClosesOn < q.OpensOn {
		f["closes_on"] = "Tanggal tutup harus sesudah tanggal buka"
	}
	if len(q.Note) > maxNote {
		f["note"] = "Catatan terlalu panjang (maks. 1.000 karakter)"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	q.ID, q.CreatedBy = 0, a.Username
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "create", Entity: "halal_quota"}
	_, e.After = audit.Diff(nil, q)
	if err := s.Store.CreateQuota(ctx, q, e); err != nil {
		return nil, err
	}
	q.status(s.today())
	return q, nil
}

// Allocate places businesses in a quota: each must be within the officer's
// area, food or drink, without a valid halal certificate, and qualify for
// self-declare under the rule in force on the first day of checks. Then the
// planner spreads them over the assistants (10 a day each, counting what
// they already carry). All or nothing: one business that does not qualify
// stops the batch with its reasons.
func (s *Service) Allocate(ctx context.Context, a auth.Actor, quotaID int64, req AllocationRequest) (*AllocationResult, error) {
	if !a.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Hanya petugas dinas yang mengalokasikan kuota")
	}
	q, err := s.Store.GetQuota(ctx, quotaID)
	if err != nil {
		return nil, err
	}
	today := s.today()
	start := req.StartOn
	if start == "" {
		start = max(today, q.OpensOn)
	}
	f := map[string]string{}
	startDay, _ := date(f, "start_on", start)
	assistants := cleanNames(req.Assistants)
	switch {
	case len(req.BusinessIDs) == 0:
		f["business_ids"] = "Pilih paling sedikit satu usaha"
	case len(req.BusinessIDs) > maxBatch:
		f["business_ids"] = fmt.Sprintf("Paling banyak %d usaha sekali alokasi", maxBatch)
	}
	if len(assistants) == 0 || len(assistants) > maxAssistants {
		f["assistants"] = "Sebutkan 1–200 pendamping PPH"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	if start > q.ClosesOn || start < q.OpensOn {
		return nil, apperr.New(apperr.Conflict, "Pemeriksaan harus mulai dalam masa kuota (%s s.d. %s)", q.OpensOn, q.ClosesOn)
	}
	rule, ok := s.Rules.InForce(start)
	if !ok {
		return nil, apperr.New(apperr.Conflict, "Belum ada aturan self declare yang berlaku pada %s", start)
	}
	allocs := make([]Allocation, 0, len(req.BusinessIDs))
	seen := map[int64]bool{}
	for i, id := range req.BusinessIDs {
		field := fmt.Sprintf("business_ids.%d", i)
		if seen[id] {
			f[field] = "Usaha disebut dua kali"
			continue
		}
		seen[id] = true
		b, err := s.Registry.Get(ctx, a, id)
		if apperr.Is(err, apperr.NotFound) {
			f[field] = "Usaha tidak ditemukan di wilayah Anda"
			continue
		} else if err != nil {
			return nil, err
		}
		prof, err := s.Store.HalalProfile(ctx, id)
		if err != nil {
			return nil, err
		}
		facts := FactsOf(b, prof)
		if food, _ := Food(b.KBLI); !food {
			f[field] = b.Name + ": bukan usaha makanan atau minuman"
		} else if facts.HalalHeld(start) {
			f[field] = b.Name + ": sudah bersertifikat halal"
		} else if unmet := s.Rules.Evaluate(rule, facts, start); len(unmet) > 0 {
			msgs := make([]string, len(unmet))
			for j, u := range unmet {
				msgs[j] = u.Message
			}
			f[field] = b.Name + " belum memenuhi " + rule.Title + ": " + strings.Join(msgs, "; ")
		}
		allocs = append(allocs, Allocation{QuotaID: quotaID, BusinessID: id, BusinessName: b.Name, DistrictCode: b.DistrictCode})
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	load, err := s.Store.AssistantLoad(ctx, assistants, start)
	if err != nil {
		return nil, err
	}
	slots, finish := Plan(len(allocs), assistants, startDay, func(as, d string) int { return load[Slot{as, d}] })
	res := &AllocationResult{Allocations: allocs, PerDay: map[string]int{}, FinishesOn: finish}
	for i := range allocs {
		allocs[i].Assistant, allocs[i].PlannedOn, allocs[i].CreatedBy = slots[i].Assistant, slots[i].Day, a.Username
		res.PerDay[slots[i].Assistant]++
	}
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "allocate", Entity: "halal_quota", EntityID: quotaID}
	_, e.After = audit.Diff(nil, map[string]any{"business_ids": req.BusinessIDs, "assistants": assistants, "finishes_on": finish})
	if err := s.Store.Allocate(ctx, quotaID, allocs, e); err != nil {
		return nil, err
	}
	if finish > q.ClosesOn {
		res.Warning = "Pemeriksaan baru selesai " + finish + ", sesudah kuota ditutup " + q.ClosesOn + ": tambah pendamping PPH"
	}
	q.Allocated += len(allocs)
	q.status(today)
	res.Quota = *q
	return res, nil
}

// cleanNames trims names, drops empty ones and repeats, keeping the order.
func cleanNames(in []string) []string {
	var out []string
	for _, n := range in {
		n = strings.TrimSpace(n)
		if n != "" && len(n) <= maxText && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
