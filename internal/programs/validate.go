package programs

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// maxSessions bounds the sessions a programme may have, so that a year-long
// programme without explicit sessions does not become hundreds of them.
const maxSessions = 366

// Bounds of a programme's counts: more kecamatan than Indonesia has, and
// few enough funding lines of at most registry.MaxRupiah each that their
// total cannot overflow.
const (
	maxDistricts    = 10000
	maxFundingLines = 100
)

// Normalize trims text, fills defaults (weights, completion rules, one
// session per day from starts_on to ends_on) and renumbers sessions from 1.
func (p *Program) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Venue = strings.TrimSpace(p.Venue)
	p.Kind = strings.TrimSpace(p.Kind)
	if p.Weights.IsZero() {
		p.Weights = DefaultWeights
	}
	if p.Completion == (Completion{}) {
		p.Completion = DefaultCompletion
	}
	if p.Topics == nil {
		p.Topics = []string{}
	}
	if p.Districts == nil {
		p.Districts = []string{}
	}
	if p.Funding == nil {
		p.Funding = []FundingLine{}
	}
	for i := range p.Eligibility.Sectors {
		p.Eligibility.Sectors[i] = strings.ToUpper(strings.TrimSpace(p.Eligibility.Sectors[i]))
	}
	if p.Eligibility.SizeClasses == nil {
		p.Eligibility.SizeClasses = []string{}
	}
	if p.Eligibility.Sectors == nil {
		p.Eligibility.Sectors = []string{}
	}
	if len(p.Sessions) == 0 {
		p.Sessions = dailySessions(p.StartsOn, p.EndsOn)
	}
	slices.SortStableFunc(p.Sessions, func(a, b Session) int { return strings.Compare(a.Date, b.Date) })
	for i := range p.Sessions {
		p.Sessions[i].Number = i + 1
		p.Sessions[i].Title = strings.TrimSpace(p.Sessions[i].Title)
	}
}

func dailySessions(start, end string) []Session {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil || e.Before(s) {
		return []Session{}
	}
	out := []Session{}
	for d := s; !d.After(e) && len(out) < maxSessions; d = d.AddDate(0, 0, 1) {
		out = append(out, Session{Number: len(out) + 1, Date: d.Format(time.DateOnly)})
	}
	return out
}

// Validate checks a programme and returns per-field Indonesian messages
// (empty when valid). jurisdiction limits the kecamatan it may target.
func (p *Program) Validate(dir *region.Directory, jurisdiction string) map[string]string {
	f := map[string]string{}
	if p.Name == "" {
		f["name"] = "Nama program wajib diisi"
	} else if len(p.Name) > 200 {
		f["name"] = "Nama program terlalu panjang (maks. 200 karakter)"
	}
	if !slices.Contains(Kinds, p.Kind) {
		f["kind"] = "Jenis program harus salah satu dari: " + strings.Join(Kinds, ", ")
	}
	if len(p.Topics) == 0 {
		f["topics"] = "Pilih minimal satu materi"
	}
	for _, t := range p.Topics {
		if !slices.Contains(Topics, t) {
			f["topics"] = fmt.Sprintf("Materi %q tidak dikenal", t)
		}
	}
	s, err1 := time.Parse(time.DateOnly, p.StartsOn)
	e, err2 := time.Parse(time.DateOnly, p.EndsOn)
	switch {
	case err1 != nil:
		f["starts_on"] = "Tanggal mulai wajib diisi (TTTT-BB-HH)"
	case err2 != nil:
		f["ends_on"] = "Tanggal selesai wajib diisi (TTTT-BB-HH)"
	case e.Before(s):
		f["ends_on"] = "Tanggal selesai tidak boleh sebelum tanggal mulai"
	case e.Sub(s) > 366*24*time.Hour:
		f["ends_on"] = "Program paling lama satu tahun"
	}
	for _, ss := range p.Sessions {
		d, err := time.Parse(time.DateOnly, ss.Date)
		if err != nil || (err1 == nil && err2 == nil && (d.Before(s) || d.After(e))) {
			f["sessions"] = fmt.Sprintf("Tanggal sesi %d harus di antara tanggal mulai dan selesai", ss.Number)
			break
		}
	}
	if len(p.Sessions) > maxSessions {
		f["sessions"] = "Terlalu banyak sesi"
	}
	p.validateSelection(f, dir, jurisdiction)
	p.validateMoney(f)
	return f
}

func (p *Program) validateSelection(f map[string]string, dir *region.Directory, jurisdiction string) {
	if p.Capacity < 1 || p.Capacity > 100000 {
		f["capacity"] = "Kapasitas harus antara 1 dan 100.000"
	}
	if p.MaxPerDistrict < 0 || p.MaxPerDistrict > 100000 {
		f["max_per_district"] = "Kuota per kecamatan harus antara 0 dan 100.000"
	}
	if p.MinDistricts < 0 || p.MinDistricts > maxDistricts {
		f["min_districts"] = "Minimal kecamatan harus antara 0 dan 10.000"
	}
	if len(p.Districts) > 0 && p.MinDistricts > len(p.Districts) {
		f["min_districts"] = "Minimal kecamatan melebihi jumlah kecamatan sasaran"
	}
	for _, d := range p.Districts {
		r, ok := dir.Get(d)
		if !ok || r.Level != region.District || !region.Within(d, jurisdiction) {
			f["districts"] = fmt.Sprintf("Kode kecamatan %q tidak dikenal atau di luar wilayah", d)
		}
	}
	for _, c := range p.Eligibility.SizeClasses {
		if !slices.Contains(registry.SizeClasses, c) {
			f["eligibility.size_classes"] = fmt.Sprintf("Kelas usaha %q tidak dikenal", c)
		}
	}
	for _, sct := range p.Eligibility.Sectors {
		if region.SectorName(sct) == "" {
			f["eligibility.sectors"] = fmt.Sprintf("Sektor %q tidak dikenal (KBLI A–U)", sct)
		}
	}
	if m := p.Eligibility.ExcludeTrainedWithinMonths; m < 0 || m > 1200 {
		f["eligibility.exclude_trained_within_months"] = "Harus antara 0 dan 1.200 bulan"
	}
	if m := p.Eligibility.MaxAnnualRevenue; m < 0 || m > registry.MaxRupiah {
		f["eligibility.max_annual_revenue"] = "Harus antara 0 dan Rp1.000 triliun"
	}
	w := p.Weights
	if w.Need < 0 || w.Readiness < 0 || w.NeverTrained < 0 || w.WomanOwned < 0 || w.Waiting < 0 {
		f["weights"] = "Bobot tidak boleh negatif"
	}
	if w.Need+w.Readiness+w.NeverTrained+w.WomanOwned+w.Waiting > 1000 {
		f["weights"] = "Jumlah bobot terlalu besar (maks. 1000)"
	}
	c := p.Completion
	if c.MinAttendancePct < 0 || c.MinAttendancePct > 100 {
		f["completion.min_attendance_pct"] = "Harus antara 0 dan 100"
	}
	if c.MinPostTest < 0 || c.MinPostTest > 100 {
		f["completion.min_post_test"] = "Harus antara 0 dan 100"
	}
}

func (p *Program) validateMoney(f map[string]string) {
	if p.Budget < 0 || p.Budget > registry.MaxRupiah {
		f["budget"] = "Anggaran harus antara 0 dan Rp1.000 triliun"
	}
	if len(p.Funding) > maxFundingLines {
		f["funding"] = "Terlalu banyak baris pendanaan (maks. 100)"
	}
	for i, l := range p.Funding {
		switch {
		case !slices.Contains(FundingKinds, l.Kind):
			f["funding"] = fmt.Sprintf("Baris pendanaan %d: jenis harus salah satu dari %s", i+1, strings.Join(FundingKinds, ", "))
		case l.Amount < 0 || l.Amount > registry.MaxRupiah:
			f["funding"] = fmt.Sprintf("Baris pendanaan %d: jumlah harus antara 0 dan Rp1.000 triliun", i+1)
		}
	}
}

// FundingTotal sums the money of the funding lines.
func (p *Program) FundingTotal() int64 {
	var t int64
	for _, l := range p.Funding {
		t += l.Amount
	}
	return t
}

// Cost is the programme's cost: its budget, or the funding total when no
// budget is set.
func (p *Program) Cost() int64 {
	if p.Budget > 0 {
		return p.Budget
	}
	return p.FundingTotal()
}

// CostPerParticipant divides the cost over the capacity (before selection)
// or over n participants; 0 when there is nobody.
func (p *Program) CostPerParticipant(n int) int64 {
	if n <= 0 {
		n = p.Capacity
	}
	if n <= 0 {
		return 0
	}
	return p.Cost() / int64(n)
}

// Validate checks a partner and returns per-field messages.
func (pt *Partner) Validate() map[string]string {
	pt.Name, pt.Contact, pt.Kind = strings.TrimSpace(pt.Name), strings.TrimSpace(pt.Contact), strings.TrimSpace(pt.Kind)
	f := map[string]string{}
	if pt.Name == "" {
		f["name"] = "Nama mitra wajib diisi"
	}
	if !slices.Contains(FundingKinds, pt.Kind) {
		f["kind"] = "Jenis mitra harus salah satu dari: " + strings.Join(FundingKinds, ", ")
	}
	switch {
	case pt.Requirements.IsZero():
		pt.Requirements = nil
	case pt.Kind != "ritel":
		f["requirements"] = "Syarat kurasi hanya untuk mitra berjenis ritel"
	default:
		maps.Copy(f, pt.Requirements.Validate())
	}
	return f
}
