// Package registry is the UMKM register: the business record, its dated
// measurements, and the rules that keep both honest (validation, the PP 7/2021
// size class, who may see and change what). It knows neither HTTP nor SQL; it
// talks to storage through the Store interface in store.go.
package registry

import "time"

// Business is one UMKM. Money is whole rupiah. Dates without time are
// "YYYY-MM-DD" strings so that no time zone can shift them.
type Business struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Brand string `json:"brand"`

	OwnerName      string `json:"owner_name"`
	NIK            string `json:"nik"`
	OwnerGender    string `json:"owner_gender"`     // "L" or "P"
	OwnerBirthDate string `json:"owner_birth_date"` // YYYY-MM-DD or ""
	Phone          string `json:"phone"`            // normalised +628…
	Email          string `json:"email"`

	VillageCode  string   `json:"village_code"`
	DistrictCode string   `json:"district_code"` // derived from VillageCode
	Address      string   `json:"address"`
	Latitude     *float64 `json:"latitude"`
	Longitude    *float64 `json:"longitude"`

	KBLI        string `json:"kbli"`
	Sector      string `json:"sector"` // KBLI category A–U
	FoundedYear int    `json:"founded_year"`
	Employees   int    `json:"employees"`

	AnnualRevenue int64  `json:"annual_revenue"`
	Capital       int64  `json:"capital"`
	SizeClass     string `json:"size_class"` // computed, never input
	SizeBasis     string `json:"size_basis"` // "revenue" or "capital"

	NIB            string `json:"nib"`
	PIRTNumber     string `json:"pirt_number"`
	PIRTExpiresOn  string `json:"pirt_expires_on"`
	HalalStatus    string `json:"halal_status"` // none | in_process | certified
	HalalNumber    string `json:"halal_number"`
	HalalExpiresOn string `json:"halal_expires_on"`
	BPOMNumber     string `json:"bpom_number"`
	HKINumber      string `json:"hki_number"`

	Products []Product `json:"products"`
	Notes    string    `json:"notes"` // the office's remarks ("Keterangan"), as typed

	Status    string    `json:"status"` // active | archived
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Product is one thing a business sells.
type Product struct {
	Name     string `json:"name"`
	Category string `json:"category"`
	Price    int64  `json:"price"`
}

// Measurement is one dated entry of a business's size ledger. Entries are
// appended, never overwritten: "naik kelas" is computed from this history.
type Measurement struct {
	ID            int64  `json:"id"`
	BusinessID    int64  `json:"business_id"`
	Year          int    `json:"year"`
	AnnualRevenue *int64 `json:"annual_revenue"` // nil when not known: a blank is never Rp0
	Capital       *int64 `json:"capital"`        // nil when not known
	Employees     int    `json:"employees"`
	Source        string `json:"source"` // self_report | officer_verified | an import's name
	Note          string `json:"note"`   // how a figure was derived, e.g. from monthly revenue

	// MonthlyRevenue, when given on input instead of AnnualRevenue, becomes
	// AnnualRevenue × 12 with a Note; it is never stored.
	MonthlyRevenue *int64    `json:"monthly_revenue,omitempty"`
	SizeClass      string    `json:"size_class"`
	SizeBasis      string    `json:"size_basis"`
	RecordedBy     string    `json:"recorded_by"`
	CreatedAt      time.Time `json:"created_at"`
}

// Amount is an optional figure's value, 0 when it is not known (for
// arithmetic and classing, where unknown and zero count alike).
func Amount(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// Known is v as an optional figure that is known.
func Known(v int64) *int64 { return &v }

// NonZero is v as an optional figure, nil when v is 0: for figures that
// come from a business record, where 0 has always meant "not known".
func NonZero(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}

// Classify classes the measurement by its own figures (PP 7/2021).
func (m *Measurement) Classify() {
	m.SizeClass, m.SizeBasis = Classify(Amount(m.AnnualRevenue), Amount(m.Capital))
}

// Status values.
const (
	StatusActive   = "active"
	StatusArchived = "archived"
)

// Measurement sources that are not import names.
const (
	SourceSelfReport      = "self_report"
	SourceOfficerVerified = "officer_verified"
)

// Halal statuses.
const (
	HalalNone      = "none"
	HalalInProcess = "in_process"
	HalalCertified = "certified"
)

// Document filter values for lists: has a document, lacks it, or holds an expired one.
const (
	DocNIB          = "nib"
	DocNoNIB        = "no_nib"
	DocPIRT         = "pirt"
	DocPIRTExpired  = "pirt_expired"
	DocHalal        = "halal"
	DocHalalExpired = "halal_expired"
	DocNoHalal      = "no_halal"
)
