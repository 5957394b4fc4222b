package permits

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Bounds of what one permit record holds.
const (
	maxProducts  = 50
	maxDocuments = 30
	maxText      = 200
	maxNote      = 1000
)

// normalize trims the text of p and puts its number in stored form.
func (p *Permit) normalize() {
	p.Kind = strings.TrimSpace(p.Kind)
	p.Status = strings.TrimSpace(p.Status)
	p.Number = NormalizeNumber(p.Kind, p.Number)
	p.IssuedOn = strings.TrimSpace(p.IssuedOn)
	p.ExpiresOn = strings.TrimSpace(p.ExpiresOn)
	p.Note = strings.TrimSpace(p.Note)
	for i := range p.Products {
		p.Products[i] = strings.TrimSpace(p.Products[i])
	}
	for i := range p.Documents {
		p.Documents[i].Name = strings.TrimSpace(p.Documents[i].Name)
		p.Documents[i].ReceivedOn = strings.TrimSpace(p.Documents[i].ReceivedOn)
	}
	if p.Products == nil {
		p.Products = []string{}
	}
	if p.Documents == nil {
		p.Documents = []Document{}
	}
}

// validate returns per-field Indonesian messages for p (empty when valid).
// today is the office's day, YYYY-MM-DD.
func (p *Permit) validate(today string) map[string]string {
	f := map[string]string{}
	if !slices.Contains(Kinds, p.Kind) {
		f["kind"] = "Jenis izin harus salah satu dari: " + strings.Join(Kinds, ", ")
	}
	if !slices.Contains(Statuses, p.Status) {
		f["status"] = "Status izin harus salah satu dari: " + strings.Join(Statuses, ", ")
	}
	if _, bad := f["kind"]; !bad {
		switch {
		case p.Number != "":
			if msg := CheckNumber(p.Kind, p.Number, p.ExpiresOn); msg != "" {
				f["number"] = msg
			}
		case Issued(p.Status):
			f["number"] = "Nomor izin wajib diisi untuk izin yang sudah terbit"
		}
	}
	issued, okI := date(f, "issued_on", p.IssuedOn)
	expires, okE := date(f, "expires_on", p.ExpiresOn)
	if okI && p.IssuedOn > today {
		f["issued_on"] = "Tanggal terbit tidak boleh di masa depan"
	}
	if p.ExpiresOn != "" && !HasExpiry(p.Kind) {
		f["expires_on"] = KindLabel(p.Kind) + " tidak punya masa berlaku; kosongkan tanggal kedaluwarsa"
	}
	if okI && okE {
		switch years := maxYears[p.Kind]; {
		case !expires.After(issued):
			f["expires_on"] = "Tanggal kedaluwarsa harus sesudah tanggal terbit"
		case years > 0 && expires.After(issued.AddDate(years, 0, 0)):
			f["expires_on"] = fmt.Sprintf("%s berlaku paling lama %d tahun sejak terbit", KindLabel(p.Kind), years)
		}
	}
	if len(p.Products) > maxProducts {
		f["products"] = fmt.Sprintf("Paling banyak %d produk per izin", maxProducts)
	}
	for i, name := range p.Products {
		if name == "" || len(name) > maxText {
			f[fmt.Sprintf("products.%d", i)] = "Nama produk wajib diisi (maks. 200 karakter)"
		}
	}
	if len(p.Documents) > maxDocuments {
		f["documents"] = fmt.Sprintf("Paling banyak %d dokumen per izin", maxDocuments)
	}
	for i, d := range p.Documents {
		if d.Name == "" || len(d.Name) > maxText {
			f[fmt.Sprintf("documents.%d.name", i)] = "Nama dokumen wajib diisi (maks. 200 karakter)"
		}
		date(f, fmt.Sprintf("documents.%d.received_on", i), d.ReceivedOn)
	}
	if len(p.Note) > maxNote {
		f["note"] = "Catatan terlalu panjang (maks. 1.000 karakter)"
	}
	return f
}

// date parses an optional YYYY-MM-DD field, adding a message to f when it
// is not one; ok tells that a date was given and read.
func date(f map[string]string, field, s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		f[field] = "Tanggal harus berformat TTTT-BB-HH"
		return time.Time{}, false
	}
	return d, true
}
