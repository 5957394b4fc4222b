package assessment

import (
	"context"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// Sources of an assessment: who gave the answers.
const (
	SourceSelf            = "self"             // the owner, alone
	SourceOfficer         = "officer"          // an officer, on a visit or call
	SourceOfficerVerified = "officer_verified" // an officer confirmed a self-assessment on a visit
)

// Sources lists the valid sources.
var Sources = []string{SourceSelf, SourceOfficer, SourceOfficerVerified}

// Assessment is one dated, never-overwritten result of the instrument. A
// verification is a new Assessment (source officer_verified) pointing at
// the self-assessment it confirms through VerifiedFrom.
type Assessment struct {
	ID                int64             `json:"id"`
	BusinessID        int64             `json:"business_id"`
	InstrumentVersion string            `json:"instrument_version"`
	AssessedOn        string            `json:"assessed_on"` // YYYY-MM-DD
	Source            string            `json:"source"`
	Answers           map[string]string `json:"answers"`
	Scores            map[string]int    `json:"scores"`
	Level             int               `json:"level"`
	LevelName         string            `json:"level_name"`
	Recommendations   []Recommendation  `json:"recommendations"`
	AssessorID        int64             `json:"assessor_id"`
	Assessor          string            `json:"assessor"`
	VisitDate         string            `json:"visit_date,omitempty"`
	VerifiedFrom      int64             `json:"verified_from,omitempty"`
	ClientRef         string            `json:"client_ref,omitempty"` // the form's id for safe re-sending
	CreatedAt         time.Time         `json:"created_at"`
	// NextLevel is what the result lacks for the level above (nil at the
	// top); computed when shown (Service.Explain), never stored.
	NextLevel *NextLevel `json:"next_level,omitempty"`
}

// Verified reports whether the office stands behind the result (an officer
// assessed or confirmed it), as opposed to a self-report.
func (a *Assessment) Verified() bool { return a.Source != SourceSelf }

// Store persists assessments and reads the facts "naik kelas" is computed
// from. Errors: NotFound for an absent business or assessment; Conflict when
// a self-assessment is already verified.
type Store interface {
	// AddAssessment inserts a (setting ID and CreatedAt) and its audit
	// entry (whose EntityID it sets to the assessment's ID) in one
	// transaction. Returns NotFound for an absent business.
	AddAssessment(ctx context.Context, a *Assessment, e *audit.Entry) error
	// InsertAssessments stores many assessments in one transaction (demo
	// data, bulk imports), setting their IDs and CreatedAt. All or nothing;
	// a verification must come after the assessment it verifies.
	InsertAssessments(ctx context.Context, items []*Assessment) error
	// GetAssessment returns one assessment or NotFound.
	GetAssessment(ctx context.Context, id int64) (*Assessment, error)
	// ListAssessments returns a business's assessments, oldest first
	// (by assessed_on, then id).
	ListAssessments(ctx context.Context, businessID int64) ([]Assessment, error)
	// LatestAssessments returns, for each of the given businesses that has
	// an assessment, its latest one (by assessed_on, then id).
	LatestAssessments(ctx context.Context, businessIDs []int64) (map[int64]*Assessment, error)
	// EachFacts streams the evidence of every active business matching q,
	// one business at a time, in business id order. fn must not keep the
	// *BusinessFacts (its slices are reused).
	EachFacts(ctx context.Context, q FactsQuery, fn func(*BusinessFacts) error) error
	// TallyYears counts the businesses matching q by their pair of
	// verdicts (size, level) over the whole years q.From to q.To, per
	// kecamatan, from per-year summaries kept with every write; a
	// kecamatan with businesses comes at least once, perhaps with n = 0.
	// It returns false, having called nothing, when the summaries cannot
	// give the verdicts EachFacts would give.
	TallyYears(ctx context.Context, q YearQuery, fn func(district string, size, level Judgement, n int)) (bool, error)
}

// YearQuery selects the businesses and the calendar years of TallyYears.
type YearQuery struct {
	District string
	Scope    registry.Scope
	From, To int
}

// ProgramFacts reads what the programmes record about participation (the
// programmes' tables), for the comparison group and the timeline.
type ProgramFacts interface {
	// ProgramCohort returns who completed and who took part in a programme.
	// Returns NotFound for an absent programme.
	ProgramCohort(ctx context.Context, programID int64) (*Cohort, error)
	// ProgramEvents returns a business's programme applications, selections
	// and completions with their dates.
	ProgramEvents(ctx context.Context, businessID int64) ([]ProgramEvent, error)
	// ProgramRefs lists the programmes with the given status ("" = all,
	// newest first; "open" = accepting applications), with their topics.
	ProgramRefs(ctx context.Context, status string) ([]ProgramRef, error)
}

// ProgramRef names a programme and the topics it coaches.
type ProgramRef struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Topics   []string `json:"topics"`
	StartsOn string   `json:"starts_on"`
	Status   string   `json:"status"`
}
