// Package programs runs the office's pembinaan: programmes and cohorts, who
// may apply, a fair and explainable selection, attendance, pre/post tests,
// completion, certificates and follow-up. It knows neither HTTP nor SQL; it
// talks to storage through the Store interface in store.go.
package programs

import (
	"slices"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
)

// Kinds of programme.
const (
	KindPelatihan    = "pelatihan"
	KindPendampingan = "pendampingan"
	KindPameran      = "pameran"
	KindKurasi       = "kurasi"
	KindFasilitasi   = "fasilitasi_sertifikasi"
)

// Kinds lists every programme kind.
var Kinds = []string{KindPelatihan, KindPendampingan, KindPameran, KindKurasi, KindFasilitasi}

// Topics a programme covers; they are also the assessment dimensions that
// "need" scoring reads.
// "halal" and "izin_edar" (P-IRT or BPOM) are parts of legalitas coached
// on their own, so that a halal programme is not offered for an SPP-IRT.
var Topics = []string{"produksi", "pemasaran", "kemasan_label", "keuangan", "legalitas", "halal", "izin_edar", "digital"}

// TopicLabel is the Indonesian name of a topic.
func TopicLabel(t string) string { return idfmt.Label(topicLabels, t) }

var topicLabels = map[string]string{"produksi": "Kapasitas produksi", "pemasaran": "Strategi pemasaran",
	"kemasan_label": "Kemasan dan label", "keuangan": "Keuangan", "legalitas": "Legalitas usaha (NIB, merek)",
	"halal": "Sertifikasi halal", "izin_edar": "Izin edar (P-IRT, BPOM)", "digital": "Pemasaran digital"}

// Programme statuses, in life-cycle order.
const (
	StatusDraft    = "draft"
	StatusOpen     = "open"
	StatusSelected = "selected"
	StatusRunning  = "running"
	StatusFinished = "finished"
)

// Statuses lists the programme statuses in life-cycle order.
var Statuses = []string{StatusDraft, StatusOpen, StatusSelected, StatusRunning, StatusFinished}

// moves lists the life-cycle moves a programme may make. Open may go back to
// draft (to fix the setup before anyone is selected); nothing else goes back.
var moves = map[string][]string{
	StatusDraft:    {StatusOpen},
	StatusOpen:     {StatusDraft, StatusSelected},
	StatusSelected: {StatusRunning},
	StatusRunning:  {StatusFinished},
}

// CanMove reports whether the life cycle allows from → to.
func CanMove(from, to string) bool { return slices.Contains(moves[from], to) }

// StatusLabel is the Indonesian name of a programme status.
func StatusLabel(s string) string { return idfmt.Label(statusLabels, s) }

var statusLabels = map[string]string{StatusDraft: "Draf", StatusOpen: "Pendaftaran dibuka",
	StatusSelected: "Peserta terpilih", StatusRunning: "Berjalan", StatusFinished: "Selesai"}

// Program is one programme or cohort. Dates are "YYYY-MM-DD"; money is
// whole rupiah.
type Program struct {
	ID             int64         `json:"id"`
	Name           string        `json:"name"`
	Kind           string        `json:"kind"`
	Topics         []string      `json:"topics"`
	StartsOn       string        `json:"starts_on"`
	EndsOn         string        `json:"ends_on"`
	Venue          string        `json:"venue"`
	Sessions       []Session     `json:"sessions"`
	Capacity       int           `json:"capacity"`
	MaxPerDistrict int           `json:"max_per_district"` // 0 = no limit
	MinDistricts   int           `json:"min_districts"`
	Districts      []string      `json:"districts"` // kecamatan codes; empty = all
	Eligibility    Eligibility   `json:"eligibility"`
	Weights        Weights       `json:"weights"`
	Completion     Completion    `json:"completion"`
	Budget         int64         `json:"budget"`
	Funding        []FundingLine `json:"funding"`
	Status         string        `json:"status"`
	Version        int64         `json:"version"`
	CreatedBy      string        `json:"created_by"`
	CreatedAt      time.Time     `json:"created_at"`
	UpdatedAt      time.Time     `json:"updated_at"`
}

// Session is one dated meeting of a programme, numbered from 1.
type Session struct {
	Number int    `json:"number"`
	Date   string `json:"date"`
	Title  string `json:"title"`
}

// LastDay is the date of the programme's last session (its end date when
// it has no sessions): before it, nobody has finished the programme.
func (p *Program) LastDay() string {
	last := p.EndsOn
	for _, ss := range p.Sessions {
		if ss.Date > last || last == "" {
			last = ss.Date
		}
	}
	return last
}

// Eligibility says who may take part. Empty lists and zero numbers mean "no
// restriction".
type Eligibility struct {
	SizeClasses                []string `json:"size_classes"`
	Sectors                    []string `json:"sectors"`
	RequireNIB                 bool     `json:"require_nib"`
	ExcludeTrainedWithinMonths int      `json:"exclude_trained_within_months"`
	MaxAnnualRevenue           int64    `json:"max_annual_revenue"`
}

// Weights give each scoring criterion its maximum points. The total score is
// the sum over criteria of weight × (0…1).
type Weights struct {
	Need         float64 `json:"need"`
	Readiness    float64 `json:"readiness"`
	NeverTrained float64 `json:"never_trained"`
	WomanOwned   float64 `json:"woman_owned"`
	Waiting      float64 `json:"waiting"`
}

// DefaultWeights favour need and first-timers; they sum to 100.
var DefaultWeights = Weights{Need: 35, Readiness: 20, NeverTrained: 25, WomanOwned: 10, Waiting: 10}

// IsZero reports whether no weight is set.
func (w Weights) IsZero() bool { return w == Weights{} }

// Completion holds the rules a participant must meet to complete.
type Completion struct {
	MinAttendancePct float64 `json:"min_attendance_pct"`
	MinPostTest      float64 `json:"min_post_test"`
}

// DefaultCompletion is attendance ≥ 75% and a post-test of at least 60.
var DefaultCompletion = Completion{MinAttendancePct: 75, MinPostTest: 60}

// Funding kinds.
var FundingKinds = []string{"apbd", "csr", "bank", "ritel", "bumn", "lainnya"}

// FundingKindLabel is the Indonesian name of a funding kind, for pages and
// exports (the codes stay in the API).
func FundingKindLabel(k string) string { return idfmt.Label(fundingKindLabels, k) }

var fundingKindLabels = map[string]string{"apbd": "APBD", "csr": "CSR perusahaan", "bank": "Bank", "ritel": "Ritel",
	"bumn": "BUMN", "lainnya": "Lainnya"}

// FundingLine is one contribution to a programme's cost.
type FundingLine struct {
	PartnerID         int64  `json:"partner_id"`
	Kind              string `json:"kind"`
	Amount            int64  `json:"amount"`
	InKindDescription string `json:"in_kind_description"`
}

// Partner is a funder or collaborator (retailer, bank, CSR fund, …).
type Partner struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"` // one of FundingKinds
	Contact string `json:"contact"`
	// Requirements are what a retailer (kind ritel) asks of a product in
	// its curation; nil for other kinds. Only an admin changes them.
	Requirements *market.Requirements `json:"requirements,omitempty"`
	CreatedAt    time.Time            `json:"created_at"`
	UpdatedAt    time.Time            `json:"updated_at"`
}
