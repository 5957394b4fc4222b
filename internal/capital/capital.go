// Package capital follows a business's need for capital from the day it is
// recorded to the money paid out: the KUR scheme its amount falls in, the
// referral to a bank partner the owner consented to, the bank's decision and
// the disbursement, and the funnel of all of them per kecamatan and
// programme. A referral comes with a letter (surat rekomendasi) whose code
// is verified like a certificate's. A bank's mitra account sees only the
// referrals addressed to its bank. Like the other domain packages it knows
// neither HTTP nor SQL.
package capital

import (
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/office"
)

// Purposes of a capital need.
const (
	PurposeWorking    = "modal_kerja"
	PurposeInvestment = "investasi"
)

// Purposes lists the purposes in the order forms show them.
var Purposes = []string{PurposeWorking, PurposeInvestment}

// PurposeLabel is the Indonesian name of a purpose.
func PurposeLabel(p string) string { return idfmt.Label(purposeLabels, p) }

var purposeLabels = map[string]string{PurposeWorking: "modal kerja", PurposeInvestment: "investasi"}

// Need is one need for capital of a business, as the owner or an officer
// recorded it. Collateral is what the business offers ("" = none).
type Need struct {
	ID           int64      `json:"id"`
	BusinessID   int64      `json:"business_id"`
	BusinessName string     `json:"business_name"`
	DistrictCode string     `json:"district_code"`
	Amount       int64      `json:"amount"` // rupiah
	Purpose      string     `json:"purpose"`
	Collateral   string     `json:"collateral"`
	Note         string     `json:"note"`
	Scheme       string     `json:"scheme"` // follows from Amount
	RecordedBy   string     `json:"recorded_by"`
	RecordedAt   time.Time  `json:"recorded_at"`
	Referrals    []Referral `json:"referrals"` // filled where a page shows them
}

// Referral statuses. A referral starts referred; the bank approves or
// rejects it, the business may withdraw it until the money is paid out.
const (
	StatusReferred  = "referred"
	StatusApproved  = "approved"
	StatusRejected  = "rejected"
	StatusWithdrawn = "withdrawn"
	StatusDisbursed = "disbursed"
)

// Statuses lists the referral statuses in life-cycle order.
var Statuses = []string{StatusReferred, StatusApproved, StatusRejected, StatusWithdrawn, StatusDisbursed}

// moves are the steps a referral may take.
var moves = map[string][]string{
	StatusReferred: {StatusApproved, StatusRejected, StatusWithdrawn},
	StatusApproved: {StatusDisbursed, StatusWithdrawn},
}

// CanMove reports whether a referral may go from one status to another.
func CanMove(from, to string) bool {
	for _, m := range moves[from] {
		if m == to {
			return true
		}
	}
	return false
}

// StatusLabel is the Indonesian name of a referral status.
func StatusLabel(s string) string { return idfmt.Label(statusLabels, s) }

var statusLabels = map[string]string{StatusReferred: "dirujuk", StatusApproved: "disetujui", StatusRejected: "ditolak",
	StatusWithdrawn: "dibatalkan", StatusDisbursed: "dicairkan"}

// RejectReasons are the reasons a bank gives for a refusal, with their
// Indonesian names; "lainnya" needs a note.
var RejectReasons = []struct{ Key, Label string }{
	{"riwayat_kredit", "Riwayat kredit bermasalah (SLIK)"},
	{"kemampuan_bayar", "Kemampuan membayar belum cukup"},
	{"dokumen", "Dokumen tidak lengkap"},
	{"lama_usaha", "Usaha belum cukup lama berjalan"},
	{"agunan", "Agunan tidak memadai"},
	{"sedang_kredit", "Sedang menerima kredit produktif lain"},
	{"tidak_dapat_dihubungi", "Pemilik tidak dapat dihubungi"},
	{"lainnya", "Lainnya (lihat catatan)"},
}

// ReasonLabel is the Indonesian name of a reject reason.
func ReasonLabel(key string) string {
	for _, r := range RejectReasons {
		if r.Key == key {
			return r.Label
		}
	}
	return key
}

// Referral is a need referred to one bank partner, with the owner's
// consent, the requirements as the record met them on the day of referral,
// the letter's verification code, and the bank's decision.
type Referral struct {
	ID           int64            `json:"id"`
	NeedID       int64            `json:"need_id"`
	BusinessID   int64            `json:"business_id"`
	BusinessName string           `json:"business_name"`
	DistrictCode string           `json:"district_code"`
	PartnerID    int64            `json:"partner_id"`
	PartnerName  string           `json:"partner_name"`
	Amount       int64            `json:"amount"` // asked, from the need
	Purpose      string           `json:"purpose"`
	Collateral   string           `json:"collateral"`
	Scheme       string           `json:"scheme"`
	Status       string           `json:"status"`
	Requirements []Requirement    `json:"requirements"`
	Code         string           `json:"code"` // the letter's verification code
	ConsentAt    time.Time        `json:"consent_at"`
	ConsentBy    string           `json:"consent_by"`
	ReferredAt   time.Time        `json:"referred_at"`
	ReferredBy   string           `json:"referred_by"`
	Signatory    office.Signature `json:"signatory"` // who signs the letter, as on the day of referral

	DecidedAt       time.Time `json:"decided_at"` // zero until approved, rejected or withdrawn
	DecidedBy       string    `json:"decided_by"`
	ApprovedAmount  int64     `json:"approved_amount"`
	TenorMonths     int       `json:"tenor_months"`
	RatePercent     float64   `json:"rate_percent"` // a year
	RejectReason    string    `json:"reject_reason"`
	DecisionNote    string    `json:"decision_note"`
	DisbursedOn     string    `json:"disbursed_on"` // YYYY-MM-DD
	DisbursedAmount int64     `json:"disbursed_amount"`
	Version         int64     `json:"version"`

	// Contact is how the bank reaches the business: given to the bank
	// (the owner consented), the office and the owner; nil for others.
	Contact *Contact `json:"contact,omitempty"`
}

// Unmet returns the requirements the record did not meet.
func (r *Referral) Unmet() []Requirement {
	var out []Requirement
	for _, q := range r.Requirements {
		if !q.Met {
			out = append(out, q)
		}
	}
	return out
}

// Contact is what a bank needs to reach a referred business. It has no
// NIK: the bank asks for the KTP itself.
type Contact struct {
	OwnerName   string `json:"owner_name"`
	Phone       string `json:"phone"`
	Address     string `json:"address"`
	VillageCode string `json:"village_code"`
}

// Decision is what a bank (or, for a withdrawal, the business) records on
// a referral.
type Decision struct {
	Status      string  `json:"status"` // approved|rejected|withdrawn|disbursed
	Amount      int64   `json:"amount"` // approved: granted; disbursed: paid out (default: granted)
	TenorMonths int     `json:"tenor_months"`
	RatePercent float64 `json:"rate_percent"`
	Reason      string  `json:"reason"` // rejected: one of RejectReasons
	Note        string  `json:"note"`
	DisbursedOn string  `json:"disbursed_on"` // disbursed: YYYY-MM-DD (default: today)
	Version     *int64  `json:"version"`
}
