package assessment

import (
	"sort"
	"strings"

	"naikkelas/internal/registry"
)

// WeakestDimensions is how many of the lowest-scoring dimensions get next steps.
const WeakestDimensions = 3

// maxStepsPerDimension caps the next steps listed for one dimension.
const maxStepsPerDimension = 3

// Recommendation is one next step for a business, in plain Indonesian, with
// the programme topic that coaches it (so open programmes can be named).
type Recommendation struct {
	Dimension string `json:"dimension"`
	Question  string `json:"question,omitempty"`
	Text      string `json:"text"`
	Topic     string `json:"topic"`
	// Programs are the open programmes coaching Topic, attached when a
	// result is shown (not stored: what is open changes).
	Programs []ProgramRef `json:"programs,omitempty"`
}

// Facts are what the registry knows about a business that a recommendation
// rule needs (the halal self-declare route).
type Facts struct {
	SizeClass     string // PP 7/2021 class, "" when unknown
	AnnualRevenue int64  // whole rupiah, 0 when unknown
	HasNIB        bool
	FoundedYear   int // 0 when unknown
	Year          int // the year of the assessment
}

// FactsOf takes the rule facts from a registry record.
func FactsOf(b *registry.Business, year int) Facts {
	return Facts{SizeClass: b.SizeClass, AnnualRevenue: b.AnnualRevenue, HasNIB: b.NIB != "",
		FoundedYear: b.FoundedYear, Year: year}
}

// halalSelfDeclareMaxSales is the sales ceiling of the self-declare route (Rp500 juta).
const halalSelfDeclareMaxSales int64 = 500_000_000

// HalalSelfDeclare checks the self-declare (SEHATI) conditions the registry
// can see: a micro business, annual sales ≤ Rp500 juta, an NIB, and at least
// one year of production. It returns the unmet conditions in Indonesian;
// none means eligible. (Low-risk product and one production site are checked
// by the halal assistant on the visit.)
func HalalSelfDeclare(f Facts) (unmet []string) {
	if f.SizeClass != registry.Mikro {
		unmet = append(unmet, "bukan usaha mikro atau kelas usaha belum diketahui")
	}
	if f.AnnualRevenue <= 0 {
		unmet = append(unmet, "penjualan tahunan belum tercatat")
	} else if f.AnnualRevenue > halalSelfDeclareMaxSales {
		unmet = append(unmet, "penjualan tahunan di atas Rp500 juta")
	}
	if !f.HasNIB {
		unmet = append(unmet, "belum punya NIB")
	}
	if f.FoundedYear <= 0 || f.Year-f.FoundedYear < 1 {
		unmet = append(unmet, "belum tercatat berproduksi minimal 1 tahun")
	}
	return unmet
}

// Recommend lists next steps for the weakest dimensions: for each, the
// questions whose answer is below the best option, largest gap first. The
// missing label items of a dimension are joined into one step ("Lengkapi
// label: komposisi, …"), and the halal question applies the self-declare rule.
func (in *Instrument) Recommend(answers map[string]string, scores map[string]int, f Facts) []Recommendation {
	if answers["leg_nib"] == "ya" {
		f.HasNIB = true
	}
	out := []Recommendation{}
	for _, dim := range in.weakest(scores, WeakestDimensions) {
		d := in.Dimension(dim)
		type gap struct {
			q   *Question
			gap int
		}
		var gaps []gap
		var labelItems []string
		for i := range d.Questions {
			q := &d.Questions[i]
			o := q.Option(answers[q.ID])
			if o == nil || o.Score >= q.MaxScore() {
				continue
			}
			if q.LabelItem != "" && d.LabelRecommendation != "" {
				labelItems = append(labelItems, q.LabelItem)
				continue
			}
			gaps = append(gaps, gap{q, q.MaxScore() - o.Score})
		}
		sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].gap > gaps[j].gap })
		var steps []Recommendation
		if len(labelItems) > 0 {
			steps = append(steps, Recommendation{Dimension: d.ID, Topic: d.Topic,
				Text: strings.ReplaceAll(d.LabelRecommendation, "{items}", strings.Join(labelItems, ", "))})
		}
		for _, g := range gaps {
			text := g.q.Recommendation
			if g.q.Rule == "halal_self_declare" && answers[g.q.ID] == "tidak" {
				text = halalText(f)
			}
			if text == "" {
				continue
			}
			steps = append(steps, Recommendation{Dimension: d.ID, Question: g.q.ID, Text: text, Topic: d.TopicOf(g.q)})
		}
		if len(steps) > maxStepsPerDimension {
			steps = steps[:maxStepsPerDimension]
		}
		out = append(out, steps...)
	}
	return out
}

func halalText(f Facts) string {
	unmet := HalalSelfDeclare(f)
	if len(unmet) == 0 {
		return "Daftar sertifikasi halal self-declare: memenuhi syarat (usaha mikro, penjualan ≤ Rp500 juta, punya NIB, " +
			"sudah berproduksi ≥ 1 tahun). Ajukan lewat SIHALAL dengan pendamping PPH sebelum kuota habis."
	}
	return "Sertifikasi halal: belum memenuhi syarat self-declare (" + strings.Join(unmet, "; ") +
		"). Lengkapi syaratnya atau ajukan jalur reguler di SIHALAL sebelum 17 Oktober 2026."
}

// Topics returns the distinct programme topics of recommendations, in order.
func Topics(recs []Recommendation) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Topic != "" && !seen[r.Topic] {
			seen[r.Topic] = true
			out = append(out, r.Topic)
		}
	}
	return out
}

// TopicScores turns a result into scores (0–100) per programme topic, for
// the need criterion of programme selection: each dimension's score under
// its own id and its topic, and a question with its own topic (digital
// presence) scored alone under that topic. Where several parts share a
// topic, the lowest counts: need follows the weakest part.
func (in *Instrument) TopicScores(answers map[string]string, scores map[string]int) map[string]float64 {
	out := map[string]float64{}
	put := func(topic string, v float64) {
		if old, ok := out[topic]; !ok || v < old {
			out[topic] = v
		}
	}
	for _, d := range in.Dimensions {
		s, ok := scores[d.ID]
		if !ok {
			continue
		}
		put(d.ID, float64(s))
		if d.Topic != "" && d.Topic != d.ID {
			put(d.Topic, float64(s))
		}
		for i := range d.Questions {
			q := &d.Questions[i]
			o := q.Option(answers[q.ID])
			if q.Topic == "" || o == nil || q.MaxScore() == 0 {
				continue
			}
			put(q.Topic, float64(100*o.Score/q.MaxScore()))
		}
	}
	return out
}
