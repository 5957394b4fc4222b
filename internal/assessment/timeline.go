package assessment

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Timeline event kinds.
const (
	EventMeasurement      = "measurement"
	EventAssessment       = "assessment"
	EventProgramApplied   = "program_applied"
	EventProgramSelected  = "program_selected"
	EventProgramCompleted = "program_completed"
	EventDocumentObtained = "document_obtained"
	EventDocumentExpired  = "document_expired"
)

// ProgramEvent is a dated step of a business in a programme.
type ProgramEvent struct {
	Date        string // YYYY-MM-DD
	Kind        string // EventProgramApplied, EventProgramSelected or EventProgramCompleted
	ProgramID   int64
	ProgramName string
}

// Event is one entry of a business's timeline.
type Event struct {
	Date      string `json:"date"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	SizeClass string `json:"size_class,omitempty"`
	Level     int    `json:"level,omitempty"`
	LevelName string `json:"level_name,omitempty"`
	Source    string `json:"source,omitempty"`
	ProgramID int64  `json:"program_id,omitempty"`
	Document  string `json:"document,omitempty"` // nib, pirt, halal, bpom, hki
	RefID     int64  `json:"ref_id,omitempty"`   // measurement or assessment id
}

// TimelineInput is everything the registry knows about a business's history.
type TimelineInput struct {
	Business     *registry.Business
	Measurements []registry.Measurement
	Assessments  []Assessment
	Programs     []ProgramEvent
	Audit        []audit.Entry // the business's audit entries, any order
	Today        string        // YYYY-MM-DD; expiry dates after it are not events yet
}

// documents maps a business field to the document it records and its name.
var documents = []struct{ field, doc, name string }{
	{"nib", "nib", "NIB"}, {"pirt_number", "pirt", "P-IRT"}, {"bpom_number", "bpom", "Izin edar BPOM"},
	{"halal_number", "halal", "Sertifikat halal"}, {"hki_number", "hki", "Pendaftaran merek (HKI)"},
}

// Timeline assembles the dated events of a business, oldest first. A
// document counts as obtained on the day the register first recorded it
// (from the audit trail), and as expired on its expiry date once past.
func Timeline(in TimelineInput) []Event {
	ev := []Event{}
	for _, m := range in.Measurements {
		class, _ := registry.Classify(registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital))
		ev = append(ev, Event{Date: MeasurementDate(m.Year, m.CreatedAt), Kind: EventMeasurement, SizeClass: class,
			Source: m.Source, RefID: m.ID,
			Title: fmt.Sprintf("Pengukuran tahun %d: penjualan %s, kelas %s", m.Year, rupiahOrDash(m.AnnualRevenue), registry.ClassOrUnknown(class))})
	}
	for _, a := range in.Assessments {
		ev = append(ev, Event{Date: a.AssessedOn, Kind: EventAssessment, Level: a.Level, LevelName: a.LevelName,
			Source: a.Source, RefID: a.ID, Title: fmt.Sprintf("Penilaian (%s): level %d %s", SourceLabel(a.Source), a.Level, a.LevelName)})
	}
	for _, p := range in.Programs {
		ev = append(ev, Event{Date: p.Date, Kind: p.Kind, ProgramID: p.ProgramID, Title: programTitle(p)})
	}
	ev = append(ev, documentEvents(in)...)
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].Date < ev[j].Date })
	return ev
}

func programTitle(p ProgramEvent) string {
	switch p.Kind {
	case EventProgramApplied:
		return "Mendaftar program " + p.ProgramName
	case EventProgramSelected:
		return "Terpilih sebagai peserta " + p.ProgramName
	}
	return "Menyelesaikan program " + p.ProgramName
}

func documentEvents(in TimelineInput) []Event {
	var ev []Event
	entries := append([]audit.Entry(nil), in.Audit...)
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].At.Before(entries[j].At) })
	had := map[string]bool{}
	for _, e := range entries {
		var before, after map[string]any
		_ = json.Unmarshal(e.Before, &before)
		_ = json.Unmarshal(e.After, &after)
		for _, d := range documents {
			now, set := after[d.field].(string)
			if !set {
				continue
			}
			if old, _ := before[d.field].(string); old == "" && now != "" && !had[d.doc] {
				had[d.doc] = true
				ev = append(ev, Event{Date: e.At.In(wib).Format(time.DateOnly), Kind: EventDocumentObtained, Document: d.doc,
					Title: d.name + " tercatat di register"})
			}
		}
	}
	b := in.Business
	if b == nil {
		return ev
	}
	if b.PIRTExpiresOn != "" && b.PIRTExpiresOn <= in.Today {
		ev = append(ev, Event{Date: b.PIRTExpiresOn, Kind: EventDocumentExpired, Document: "pirt", Title: "P-IRT kedaluwarsa"})
	}
	if b.HalalExpiresOn != "" && b.HalalExpiresOn <= in.Today {
		ev = append(ev, Event{Date: b.HalalExpiresOn, Kind: EventDocumentExpired, Document: "halal", Title: "Sertifikat halal kedaluwarsa"})
	}
	return ev
}

// SourceLabel is the Indonesian name of an assessment source.
func SourceLabel(s string) string { return idfmt.Label(sourceLabels, s) }

var sourceLabels = map[string]string{SourceSelf: "mandiri", SourceOfficer: "petugas",
	SourceOfficerVerified: "diverifikasi petugas"}

// rupiahOrDash writes an optional amount, "—" when it is not known.
func rupiahOrDash(p *int64) string {
	if p == nil {
		return "—"
	}
	return idfmt.Rupiah(*p)
}
