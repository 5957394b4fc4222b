package assessment

import (
	"strings"
	"testing"

	"naikkelas/internal/registry"
)

// answersAt answers every question with the option at fraction frac of the
// best score (0 = worst, 1 = best; the nearest option below), then applies overrides.
func answersAt(in *Instrument, frac float64, over map[string]string) map[string]string {
	out := map[string]string{}
	for _, d := range in.Dimensions {
		for _, q := range d.Questions {
			target := frac * float64(q.MaxScore())
			best := q.Options[0]
			for _, o := range q.Options {
				if float64(o.Score) <= target && o.Score >= best.Score {
					best = o
				}
			}
			out[q.ID] = best.ID
		}
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// dimAt answers every question of one dimension with its worst or best option.
func dimAt(in *Instrument, dim string, best bool, out map[string]string) {
	for _, q := range in.Dimension(dim).Questions {
		o := q.Options[0]
		for _, c := range q.Options {
			if (best && c.Score > o.Score) || (!best && c.Score < o.Score) {
				o = c
			}
		}
		out[q.ID] = o.ID
	}
}

func TestInstrumentLoadsEveryVersion(t *testing.T) {
	for _, v := range Versions() {
		in, err := Load(v)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Dimensions) != 6 || len(in.Levels) != 5 {
			t.Errorf("v%s: %d dimensions, %d levels", v, len(in.Dimensions), len(in.Levels))
		}
	}
	if _, err := Load("99"); err == nil || !strings.Contains(err.Error(), "tidak dikenal") {
		t.Errorf("unknown version: %v", err)
	}
	want := []string{"Pemula", "Berkembang", "Mapan", "Siap Pasar Modern", "Siap Ekspor"}
	for i, n := range want {
		if got := Current().LevelName(i + 1); got != n {
			t.Errorf("level %d = %q, want %q", i+1, got, n)
		}
	}
}

func TestScoreAndLevels(t *testing.T) {
	in := Current()
	noLabel := answersAt(in, 1, nil)
	for _, q := range in.Dimension("kemasan_label").Questions {
		if q.LabelItem != "" {
			noLabel[q.ID] = q.Options[0].ID // no label item present
		}
	}
	weakLegal := answersAt(in, 1, nil)
	dimAt(in, "legalitas", false, weakLegal)
	mapan := answersAt(in, 1, nil)
	dimAt(in, "pemasaran", false, mapan)
	dimAt(in, "kemasan_label", false, mapan)
	weakProd := answersAt(in, 0.7, nil)
	dimAt(in, "produksi", false, weakProd)
	tests := []struct {
		name      string
		answers   map[string]string
		wantLevel int
		check     func(t *testing.T, s map[string]int)
	}{
		{"everything worst", answersAt(in, 0, nil), 1, func(t *testing.T, s map[string]int) {
			for d, v := range s {
				if v != 0 {
					t.Errorf("%s = %d, want 0", d, v)
				}
			}
		}},
		{"everything best", answersAt(in, 1, nil), 5, func(t *testing.T, s map[string]int) {
			for d, v := range s {
				if v != 100 {
					t.Errorf("%s = %d, want 100", d, v)
				}
			}
		}},
		{"half everywhere", answersAt(in, 0.5, nil), 2, nil},
		{"strong but no marketing or packaging is Mapan", mapan, 3, nil},
		// Key-dimension rule: best everywhere else, but no label item at all.
		{"no label items cannot be Siap Pasar Modern", noLabel, 3, func(t *testing.T, s map[string]int) {
			if s["kemasan_label"] != 25 {
				t.Errorf("kemasan_label = %d, want 25 (only packaging quality)", s["kemasan_label"])
			}
			if in.Average(s) < in.Levels[3].MinAverage {
				t.Errorf("average %d should be high enough for level 4 on its own", in.Average(s))
			}
		}},
		{"no documents blocks Mapan and above", weakLegal, 2, func(t *testing.T, s map[string]int) {
			if s["legalitas"] != 0 {
				t.Errorf("legalitas = %d", s["legalitas"])
			}
		}},
		{"weak production caps at Pemula despite average", weakProd, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if f := in.ValidateAnswers(tc.answers); len(f) != 0 {
				t.Fatalf("invalid test answers: %v", f)
			}
			scores, level := in.Score(tc.answers)
			if level != tc.wantLevel {
				t.Errorf("level = %d (%s), want %d; scores %v avg %d", level, in.LevelName(level), tc.wantLevel, scores, in.Average(scores))
			}
			if tc.check != nil {
				tc.check(t, scores)
			}
		})
	}
}

func TestLevelThresholdBoundaries(t *testing.T) {
	in := Current()
	full := func(v int) map[string]int {
		s := map[string]int{}
		for _, d := range in.Dimensions {
			s[d.ID] = v
		}
		return s
	}
	with := func(base map[string]int, dim string, v int) map[string]int {
		base[dim] = v
		return base
	}
	tests := []struct {
		name   string
		scores map[string]int
		want   int
	}{
		{"average 34", full(34), 1},
		{"average 35", full(35), 2},
		{"average 55", full(55), 3},
		{"average 54", full(54), 2},
		{"average 75 everywhere", full(75), 4},
		{"average 80 but kemasan_label 74", with(full(80), "kemasan_label", 74), 3},
		{"kemasan_label exactly 75", with(full(80), "kemasan_label", 75), 4},
		{"average 90 but kemasan_label 89", with(full(90), "kemasan_label", 89), 4},
		{"all 90", full(90), 5},
		{"average 60, produksi 49", with(full(60), "produksi", 49), 2},
		{"empty scores", map[string]int{}, 1},
	}
	for _, tc := range tests {
		if got := in.LevelOf(tc.scores); got != tc.want {
			t.Errorf("%s: level %d, want %d (avg %d)", tc.name, got, tc.want, in.Average(tc.scores))
		}
	}
}

func TestValidateAnswers(t *testing.T) {
	in := Current()
	a := answersAt(in, 1, map[string]string{"prod_bahan": "emas", "tidak_ada": "ya"})
	delete(a, "keu_catat")
	f := in.ValidateAnswers(a)
	for k, want := range map[string]string{"prod_bahan": "Pilihan", "tidak_ada": "tidak ada di instrumen", "keu_catat": "belum dijawab"} {
		if !strings.Contains(f[k], want) {
			t.Errorf("%s: %q, want it to mention %q", k, f[k], want)
		}
	}
	if len(f) != 3 {
		t.Errorf("got %d reasons: %v", len(f), f)
	}
	if _, err := in.Evaluate(a, Facts{}); err == nil {
		t.Error("Evaluate accepted invalid answers")
	}
}

func TestRecommendations(t *testing.T) {
	in := Current()
	a := answersAt(in, 1, map[string]string{"lbl_komposisi": "tidak", "lbl_tanggal": "sebagian", "lbl_izin": "tidak",
		"leg_halal": "tidak", "keu_pisah": "tidak"})
	scores, _ := in.Score(a)
	eligible := Facts{SizeClass: registry.Mikro, AnnualRevenue: 300_000_000, HasNIB: true, FoundedYear: 2020, Year: 2025}
	recs := in.Recommend(a, scores, eligible)
	texts := []string{}
	for _, r := range recs {
		texts = append(texts, r.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Lengkapi label: komposisi, tanggal kedaluwarsa dan kode produksi, nomor P-IRT",
		"Daftar sertifikasi halal self-declare: memenuhi syarat", "rekening khusus usaha"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if recs[0].Dimension != "kemasan_label" || recs[0].Topic != "kemasan_label" {
		t.Errorf("weakest dimension first: got %+v", recs[0])
	}
	if got := Topics(recs); len(got) != 3 {
		t.Errorf("topics %v", got)
	}
	big := eligible
	big.AnnualRevenue, big.HasNIB = 900_000_000, false
	recs = in.Recommend(a, scores, big)
	all = ""
	for _, r := range recs {
		all += r.Text + "\n"
	}
	if !strings.Contains(all, "belum memenuhi syarat self-declare") || !strings.Contains(all, "di atas Rp500 juta") {
		t.Errorf("ineligible halal text missing:\n%s", all)
	}
	if got := in.Recommend(answersAt(in, 1, nil), map[string]int{"produksi": 100, "pemasaran": 100, "kemasan_label": 100,
		"legalitas": 100, "keuangan": 100, "manajemen_sdm": 100}, eligible); len(got) != 0 {
		t.Errorf("perfect business got %v", got)
	}
}

func TestHalalSelfDeclare(t *testing.T) {
	ok := Facts{SizeClass: registry.Mikro, AnnualRevenue: 500_000_000, HasNIB: true, FoundedYear: 2024, Year: 2025}
	tests := []struct {
		name  string
		edit  func(*Facts)
		unmet int
	}{
		{"eligible at exactly Rp500 juta and 1 year", func(*Facts) {}, 0},
		{"Rp500 juta + 1", func(f *Facts) { f.AnnualRevenue++ }, 1},
		{"kecil", func(f *Facts) { f.SizeClass = registry.Kecil }, 1},
		{"no NIB", func(f *Facts) { f.HasNIB = false }, 1},
		{"founded this year", func(f *Facts) { f.FoundedYear = 2025 }, 1},
		{"nothing known", func(f *Facts) { *f = Facts{Year: 2025} }, 4},
	}
	for _, tc := range tests {
		f := ok
		tc.edit(&f)
		if got := HalalSelfDeclare(f); len(got) != tc.unmet {
			t.Errorf("%s: unmet %v, want %d", tc.name, got, tc.unmet)
		}
	}
}

func TestPrefill(t *testing.T) {
	in := Current()
	b := &registry.Business{NIB: "1234567890123", PIRTNumber: "206360401234525", PIRTExpiresOn: "2025-01-01",
		HalalStatus: registry.HalalInProcess}
	got := in.Prefill(b, "2025-06-01")
	want := map[string]string{"leg_nib": "ya", "leg_izin_edar": "kedaluwarsa", "leg_halal": "proses", "leg_hki": "tidak"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	b = &registry.Business{BPOMNumber: "MD123456789012", HalalStatus: registry.HalalCertified, HalalExpiresOn: "2030-01-01", HKINumber: "IDM000"}
	got = in.Prefill(b, "2025-06-01")
	for k, v := range map[string]string{"leg_nib": "tidak", "leg_izin_edar": "bpom", "leg_halal": "ya", "leg_hki": "ya"} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestTopicScores(t *testing.T) {
	in := Current()
	a := answersAt(in, 1, map[string]string{"pas_digital": "tidak"})
	scores, _ := in.Score(a)
	ts := in.TopicScores(a, scores)
	if ts["digital"] != 0 || ts["pemasaran"] != float64(scores["pemasaran"]) || ts["legalitas"] != 100 {
		t.Errorf("topic scores %v", ts)
	}
}

func FuzzParseInstrument(f *testing.F) {
	raw, _ := instrumentFiles.ReadFile("instruments/v1.yaml")
	f.Add(raw)
	f.Add([]byte("version: x\nlevels: [{level: 2}]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := Parse(b)
		if err == nil {
			_, _ = in.Score(map[string]string{})
		}
	})
}
