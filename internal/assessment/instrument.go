// Package assessment is the maturity yardstick of naikkelas and the way
// "naik kelas" is measured. The instrument (dimensions, questions, scored
// options, level thresholds, recommendations) is data in embedded YAML files,
// one per version; old versions stay loadable so that an old result is always
// read with the instrument it was made with. Pure functions score answers,
// compare dated evidence over a period and assemble a business's timeline.
// The package knows neither HTTP nor SQL: storage implements Store.
package assessment

import (
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed instruments/*.yaml
var instrumentFiles embed.FS

// CurrentVersion is the instrument version new assessments use by default.
const CurrentVersion = "1"

// Instrument is one version of the assessment questionnaire.
type Instrument struct {
	Version    string      `yaml:"version" json:"version"`
	Name       string      `yaml:"name" json:"name"`
	Dimensions []Dimension `yaml:"dimensions" json:"dimensions"`
	Levels     []Level     `yaml:"levels" json:"levels"`
}

// Dimension is one area of maturity, scored 0–100.
type Dimension struct {
	ID        string     `yaml:"id" json:"id"`
	Name      string     `yaml:"name" json:"name"`
	Topic     string     `yaml:"topic" json:"topic"` // programme topic that coaches this dimension
	Questions []Question `yaml:"questions" json:"questions"`
	// LabelRecommendation, with {items}, joins the missing label items of
	// the dimension's questions into one next step.
	LabelRecommendation string `yaml:"label_recommendation" json:"-"`
}

// Question is one item an owner answers by picking one option.
type Question struct {
	ID             string   `yaml:"id" json:"id"`
	Text           string   `yaml:"text" json:"text"`
	Options        []Option `yaml:"options" json:"options"`
	Recommendation string   `yaml:"recommendation" json:"-"`
	Topic          string   `yaml:"topic" json:"-"`      // overrides the dimension's topic
	LabelItem      string   `yaml:"label_item" json:"-"` // name of the label item this question checks
	Rule           string   `yaml:"rule" json:"-"`       // named rule that refines the recommendation
	Prefill        *Prefill `yaml:"prefill" json:"prefill,omitempty"`
}

// Option is one scored answer.
type Option struct {
	ID    string `yaml:"id" json:"id"`
	Text  string `yaml:"text" json:"text"`
	Score int    `yaml:"score" json:"score"`
}

// Prefill says how a registry field answers a question: Field is one of the
// names in PrefillFields, Map takes the field's value to an option id.
type Prefill struct {
	Field string            `yaml:"field" json:"field"`
	Map   map[string]string `yaml:"map" json:"map"`
}

// Level is a maturity level with its thresholds: a business reaches it when
// the average of its dimension scores is at least MinAverage and every
// dimension named in MinScores scores at least that much.
type Level struct {
	Level       int            `yaml:"level" json:"level"`
	Name        string         `yaml:"name" json:"name"`
	Description string         `yaml:"description" json:"description"`
	MinAverage  int            `yaml:"min_average" json:"min_average"`
	MinScores   map[string]int `yaml:"min_scores" json:"min_scores"`
}

var (
	loadOnce    sync.Once
	instruments map[string]*Instrument
	loadErr     error
)

// Load returns the instrument of the given version ("" = current). An
// unknown version is an error that names the known ones.
func Load(version string) (*Instrument, error) {
	loadOnce.Do(func() { instruments, loadErr = loadAll() })
	if loadErr != nil {
		return nil, loadErr
	}
	if version == "" {
		version = CurrentVersion
	}
	in, ok := instruments[version]
	if !ok {
		return nil, fmt.Errorf("versi instrumen %q tidak dikenal (tersedia: %s)", version, strings.Join(Versions(), ", "))
	}
	return in, nil
}

// Current returns the current instrument. It panics only if the embedded
// files are broken, which the package tests catch.
func Current() *Instrument {
	in, err := Load(CurrentVersion)
	if err != nil {
		panic(err)
	}
	return in
}

// Versions lists the embedded instrument versions.
func Versions() []string {
	loadOnce.Do(func() { instruments, loadErr = loadAll() })
	vs := make([]string, 0, len(instruments))
	for v := range instruments {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	return vs
}

func loadAll() (map[string]*Instrument, error) {
	entries, err := instrumentFiles.ReadDir("instruments")
	if err != nil {
		return nil, err
	}
	out := map[string]*Instrument{}
	for _, e := range entries {
		raw, err := instrumentFiles.ReadFile("instruments/" + e.Name())
		if err != nil {
			return nil, err
		}
		in, err := Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		if _, dup := out[in.Version]; dup {
			return nil, fmt.Errorf("%s: versi %q ganda", e.Name(), in.Version)
		}
		out[in.Version] = in
	}
	return out, nil
}

// Parse reads an instrument from YAML and checks it is coherent.
func Parse(raw []byte) (*Instrument, error) {
	var in Instrument
	if err := yaml.Unmarshal(raw, &in); err != nil {
		return nil, err
	}
	return &in, in.check()
}

func (in *Instrument) check() error {
	if in.Version == "" {
		return fmt.Errorf("version kosong")
	}
	seen := map[string]bool{}
	for _, d := range in.Dimensions {
		if d.ID == "" || seen[d.ID] {
			return fmt.Errorf("dimensi %q kosong atau ganda", d.ID)
		}
		seen[d.ID] = true
		if n := len(d.Questions); n < 4 || n > 8 {
			return fmt.Errorf("dimensi %s punya %d pertanyaan (harus 4-8)", d.ID, n)
		}
		for _, q := range d.Questions {
			if q.ID == "" || seen[q.ID] || len(q.Options) < 2 {
				return fmt.Errorf("pertanyaan %q kosong, ganda atau kurang dari 2 opsi", q.ID)
			}
			seen[q.ID] = true
			if q.Prefill != nil && !slices.Contains(PrefillFields, q.Prefill.Field) {
				return fmt.Errorf("pertanyaan %s: prefill field %q tidak dikenal", q.ID, q.Prefill.Field)
			}
			for _, opt := range q.Prefill.options() {
				if q.Option(opt) == nil {
					return fmt.Errorf("pertanyaan %s: prefill ke opsi %q yang tidak ada", q.ID, opt)
				}
			}
		}
	}
	for i, l := range in.Levels {
		if l.Level != i+1 {
			return fmt.Errorf("level harus berurutan dari 1, ditemukan %d", l.Level)
		}
		for dim := range l.MinScores {
			if in.Dimension(dim) == nil {
				return fmt.Errorf("level %d: dimensi kunci %q tidak ada", l.Level, dim)
			}
		}
	}
	if len(in.Levels) == 0 {
		return fmt.Errorf("tidak ada level")
	}
	return nil
}

// Dimension returns the dimension with this id, or nil.
func (in *Instrument) Dimension(id string) *Dimension {
	for i := range in.Dimensions {
		if in.Dimensions[i].ID == id {
			return &in.Dimensions[i]
		}
	}
	return nil
}

// Question returns the question with this id and its dimension, or nils.
func (in *Instrument) Question(id string) (*Dimension, *Question) {
	for i := range in.Dimensions {
		d := &in.Dimensions[i]
		for j := range d.Questions {
			if d.Questions[j].ID == id {
				return d, &d.Questions[j]
			}
		}
	}
	return nil, nil
}

// LevelName returns the Indonesian name of a level, or "" when unknown.
func (in *Instrument) LevelName(level int) string {
	if level >= 1 && level <= len(in.Levels) {
		return in.Levels[level-1].Name
	}
	return ""
}

// Option returns the option with this id, or nil.
func (q *Question) Option(id string) *Option {
	for i := range q.Options {
		if q.Options[i].ID == id {
			return &q.Options[i]
		}
	}
	return nil
}

// MaxScore is the highest score an option of q gives.
func (q *Question) MaxScore() int {
	m := 0
	for _, o := range q.Options {
		m = max(m, o.Score)
	}
	return m
}

// TopicOf is the programme topic that coaches q.
func (d *Dimension) TopicOf(q *Question) string {
	if q.Topic != "" {
		return q.Topic
	}
	return d.Topic
}

func (p *Prefill) options() []string {
	if p == nil {
		return nil
	}
	out := make([]string, 0, len(p.Map))
	for _, v := range p.Map {
		out = append(out, v)
	}
	return out
}
