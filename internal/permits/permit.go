// Package permits keeps a business's permits as records with a life cycle:
// NIB, P-IRT, halal (self-declare or regular), BPOM MD, merek and SNI, each
// with its status, number (checked per kind), dates, products, documents
// and the dated history of its status. It also judges which permits a
// business needs and whether it qualifies for halal self-declare under the
// rule in force on a date (readiness.go, rules.go). It knows neither HTTP
// nor SQL; storage is behind the Store interface in store.go.
package permits

import (
	"slices"
	"time"

	"naikkelas/internal/idfmt"
)

// Permit is one permit of one business.
type Permit struct {
	ID         int64  `json:"id"`
	BusinessID int64  `json:"business_id"`
	Kind       string `json:"kind"`
	Status     string `json:"status"`
	Number     string `json:"number"`
	IssuedOn   string `json:"issued_on"`  // YYYY-MM-DD or ""
	ExpiresOn  string `json:"expires_on"` // YYYY-MM-DD or ""
	// Expired tells that an issued permit's expiry date has passed (WIB),
	// whether or not anyone has moved it to kedaluwarsa yet.
	Expired   bool       `json:"expired"`
	Products  []string   `json:"products"`
	Documents []Document `json:"documents"`
	Note      string     `json:"note"`
	// Source is "register" for a permit that came from the business's
	// fields (the migration, a form, an import), "" for one recorded here.
	Source    string    `json:"source"`
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`

	// Filled in lists, for the reader's orientation.
	BusinessName string `json:"business_name,omitempty"`
	DistrictCode string `json:"district_code,omitempty"`
	VillageCode  string `json:"village_code,omitempty"`
}

// Document is one paper a permit application needs, and when it came in.
type Document struct {
	Name       string `json:"name"`
	ReceivedOn string `json:"received_on"` // YYYY-MM-DD, "" while missing
}

// Change is one entry of a permit's status history.
type Change struct {
	FromStatus string    `json:"from_status"` // "" when the permit was recorded
	ToStatus   string    `json:"to_status"`
	Number     string    `json:"number"`
	ChangedAt  time.Time `json:"changed_at"`
	ChangedBy  string    `json:"changed_by"`
	Note       string    `json:"note"`
}

// Permit kinds.
const (
	KindNIB              = "nib"
	KindPIRT             = "pirt"
	KindHalalSelfDeclare = "halal_self_declare"
	KindHalalReguler     = "halal_reguler"
	KindBPOM             = "bpom_md"
	KindMerek            = "merek"
	KindSNI              = "sni"
)

// Kinds lists the permit kinds in the order pages show them.
var Kinds = []string{KindNIB, KindPIRT, KindBPOM, KindHalalSelfDeclare, KindHalalReguler, KindMerek, KindSNI}

// IsHalal reports whether a kind is a halal certificate (either route).
func IsHalal(kind string) bool { return kind == KindHalalSelfDeclare || kind == KindHalalReguler }

// KindLabel is the Indonesian name of a permit kind.
func KindLabel(k string) string { return idfmt.Label(kindLabels, k) }

var kindLabels = map[string]string{KindNIB: "NIB", KindPIRT: "P-IRT", KindHalalSelfDeclare: "Halal (self declare)",
	KindHalalReguler: "Halal (reguler)", KindBPOM: "BPOM MD", KindMerek: "Merek", KindSNI: "SNI"}

// Permit statuses, in life-cycle order.
const (
	StatusBelum       = "belum"
	StatusPersiapan   = "persiapan"
	StatusDiajukan    = "diajukan"
	StatusTerbit      = "terbit"
	StatusDitolak     = "ditolak"
	StatusKedaluwarsa = "kedaluwarsa"
)

// Statuses lists the statuses in life-cycle order.
var Statuses = []string{StatusBelum, StatusPersiapan, StatusDiajukan, StatusTerbit, StatusDitolak, StatusKedaluwarsa}

// moves are the steps a permit may take. A refused application is prepared
// again; an expired permit stays as it was, and its renewal is a new permit,
// so that the old number and dates remain on record.
var moves = map[string][]string{
	StatusBelum:     {StatusPersiapan},
	StatusPersiapan: {StatusDiajukan, StatusBelum},
	StatusDiajukan:  {StatusTerbit, StatusDitolak},
	StatusDitolak:   {StatusPersiapan},
	StatusTerbit:    {StatusKedaluwarsa},
}

// CanMove reports whether the life cycle allows from → to.
func CanMove(from, to string) bool { return slices.Contains(moves[from], to) }

// Issued reports whether a status means the permit was granted.
func Issued(status string) bool { return status == StatusTerbit || status == StatusKedaluwarsa }

// StatusLabel is the Indonesian name of a status.
func StatusLabel(s string) string { return idfmt.Label(statusLabels, s) }

var statusLabels = map[string]string{StatusBelum: "Belum diurus", StatusPersiapan: "Persiapan berkas",
	StatusDiajukan: "Diajukan", StatusTerbit: "Terbit", StatusDitolak: "Ditolak", StatusKedaluwarsa: "Kedaluwarsa"}

// markExpired sets Expired from the expiry date and today's date (WIB).
func (p *Permit) markExpired(today string) {
	p.Expired = p.Status == StatusKedaluwarsa || (p.Status == StatusTerbit && p.ExpiresOn != "" && p.ExpiresOn < today)
}
