package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// BatchSize is how many businesses go into one InsertBatch transaction: all
// of the demo's, so that SQLite builds the secondary indexes once at the end
// (see sqlite.Store.InsertBatch) instead of keeping them up to date row by
// row, which made this step markedly slower (bench/README.md).
const BatchSize = 50_000

// Account is a demo login. The passwords are public by design: they are
// printed at start and written in the README, so a demo database must never
// hold real data.
type Account struct {
	Username   string
	Password   string
	Role       auth.Role
	Regions    []string
	BusinessID int64
	PartnerID  int64
	Note       string // what the account shows, in Indonesian
}

// Loader carries the state the steps share.
type Loader struct {
	Store      store.Store
	Options    Options
	Businesses []registry.NewBusiness // set by the businesses step, with IDs after insert
	Accounts   []Account              // set by the accounts step
	userIDs    []int64                // the accounts' IDs, for the demo's audit entry
	partners   map[string]int64       // partner kind → ID (the first of each), set by the partners step
	retailers  []int64                // the partners of kind ritel, set by the partners step
	cohort     *cohort                // the October 2025 programme, set by the assessments step
}

// Step is one stage of the demo load. Each step may use what earlier steps
// left in the Loader; a new feature adds its step to the list in Steps.
type Step struct {
	Name string
	Run  func(ctx context.Context, l *Loader) error
}

// Steps is the demo load, in running order. Later steps rely on the
// businesses and accounts existing: the assessments and the October 2025
// cohort (step_assessments.go) give the naik-kelas report something to
// show, and the programmes open now (step_programs.go) give the programme
// list and the recommendations something current to name.
var Steps = []Step{
	{Name: "usaha", Run: stepBusinesses},
	{Name: "akun", Run: stepAccounts},
	{Name: "mitra", Run: stepPartners},
	{Name: "audit", Run: stepAudit},
	{Name: "penilaian", Run: stepAssessments},
	{Name: "program", Run: stepOpenPrograms},
	{Name: "izin", Run: stepPermits},
	{Name: "label", Run: stepLabels},
	{Name: "ritel", Run: stepRetail},
	{Name: "modal", Run: stepCapital},
	{Name: "dana", Run: stepFunding},
}

// Load runs every step against st, which must hold no user and no
// business (see Inspect), and returns the demo accounts.
func Load(ctx context.Context, st store.Store, opt Options) ([]Account, error) {
	if p, err := Inspect(ctx, st); err != nil {
		return nil, err
	} else if !p.Empty {
		return nil, fmt.Errorf("data demo hanya dimuat ke basis data tanpa pengguna dan tanpa usaha")
	}
	if opt.Seed == 0 {
		opt.Seed = DefaultSeed
	}
	l := &Loader{Store: st, Options: opt}
	for _, s := range Steps {
		start := time.Now()
		if err := s.Run(ctx, l); err != nil {
			return nil, fmt.Errorf("demo, langkah %s: %w", s.Name, err)
		}
		if opt.StepDone != nil {
			opt.StepDone(s.Name, time.Since(start))
		}
	}
	return l.Accounts, nil
}

func stepBusinesses(ctx context.Context, l *Loader) error {
	l.Businesses = Generate(l.Options)
	for i := 0; i < len(l.Businesses); i += BatchSize {
		if err := l.Store.InsertBatch(ctx, l.Businesses[i:min(i+BatchSize, len(l.Businesses))]); err != nil {
			return err
		}
	}
	return nil
}

// Demo passwords (demo only; see Account).
const (
	AdminPassword    = "admin-demo-2025"
	OperatorPassword = "operator-demo-2025"
	PimpinanPassword = "pimpinan-demo-2025"
	OwnerPassword    = "pemilik-demo-2025"
)

// OperatorRegion is the kecamatan of the demo operator: Cikande.
const OperatorRegion = "36.04.15"

// demoAccounts lists the accounts; ownerID is the owner's business.
func demoAccounts(ownerID int64) []Account {
	return []Account{
		{Username: "admin", Password: AdminPassword, Role: auth.Admin, Note: "semua data, pengguna, log audit"},
		{Username: "operator.cikande", Password: OperatorPassword, Role: auth.Operator, Regions: []string{OperatorRegion},
			Note: "hanya Kecamatan Cikande"},
		{Username: "pimpinan", Password: PimpinanPassword, Role: auth.Pimpinan, Note: "baca saja, data pribadi disamarkan"},
		{Username: "pemilik.demo", Password: OwnerPassword, Role: auth.Owner, BusinessID: ownerID,
			Note: fmt.Sprintf("hanya usaha #%d", ownerID)},
	}
}

// ownerBusiness picks the owner account's business: the first generated
// food producer in Cikande, so the operator sees it too.
func ownerBusiness(items []registry.NewBusiness) int64 {
	for _, it := range items {
		b := it.Business
		if b.DistrictCode == OperatorRegion && b.PIRTNumber != "" {
			return b.ID
		}
	}
	if len(items) > 0 {
		return items[0].Business.ID
	}
	return 0
}

func stepAccounts(ctx context.Context, l *Loader) error {
	svc := accounts.NewService(l.Store, Jurisdiction)
	for _, a := range demoAccounts(ownerBusiness(l.Businesses)) {
		if a.Role == auth.Owner && a.BusinessID == 0 {
			continue
		}
		u, err := svc.Create(ctx, auth.System, accounts.NewAccount{Username: a.Username, Password: a.Password,
			Role: a.Role, Regions: a.Regions, BusinessID: a.BusinessID})
		if err != nil {
			return fmt.Errorf("akun demo %s: %w", a.Username, err)
		}
		l.Accounts = append(l.Accounts, a)
		l.userIDs = append(l.userIDs, u.ID)
	}
	return nil
}

// markerEntity names the demo's audit entry, which Inspect reads back.
const markerEntity = "demo"

// stepAudit records the load itself, once, rather than 48,000 create
// entries: how many businesses and which users the demo made.
func stepAudit(ctx context.Context, l *Loader) error {
	after, _ := json.Marshal(marker{Businesses: len(l.Businesses), Users: l.userIDs, Seed: l.Options.Seed,
		RefDate: RefDate.Format("2006-01-02")})
	return l.Store.AppendAudit(ctx, &audit.Entry{
		Username: auth.System.Username, Action: audit.Create, Entity: markerEntity, After: after,
	})
}

// PrintAccounts writes the demo accounts as a table, with a warning that
// they are for demonstration only.
func PrintAccounts(w io.Writer, accounts []Account) {
	fmt.Fprintln(w, "Data demo dimuat. Akun demo (HANYA untuk demo, jangan dipakai untuk data sungguhan):")
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  PENGGUNA\tKATA SANDI\tPERAN\tKETERANGAN")
	for _, a := range accounts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", a.Username, a.Password, auth.RoleLabel(a.Role), a.Note)
	}
	tw.Flush()
}

// Districts returns the kecamatan the demo covers, for tests and docs.
func Districts() []region.Region { return region.All().Districts(Jurisdiction) }
