// Package messages prepares the WhatsApp messages the office sends to
// businesses without any paid gateway: templates with placeholders that an
// admin edits, and an outbox per officer of the messages due for the
// businesses in its area, each a wa.me link that opens WhatsApp with the
// text filled in. An officer marks a message sent; a message (business,
// kind, subject, due date) is offered until then and never again. Owners who
// asked not to be contacted are left out, and numbers that cannot be
// WhatsApp are flagged. It knows neither HTTP nor SQL.
package messages

import (
	"fmt"
	"time"
)

// Kinds of message, each with its template.
const (
	KindTrainingInvitation = "training_invitation"
	KindSelectionResult    = "selection_result"
	KindSessionReminder    = "session_reminder"
	KindPermitExpiring     = "permit_expiring"
	KindQuotaOpen          = "quota_open"
	KindReferralDecided    = "referral_decided"
	KindFollowUpVisit      = "follow_up_visit"
)

// Template is the text of one kind of message. Placeholders such as
// {usaha} are replaced by the message's values; Placeholders lists those
// the kind knows. Version 0 is the built-in text, never saved.
type Template struct {
	Kind         string    `json:"kind"`
	Label        string    `json:"label"`
	Body         string    `json:"body"`
	Placeholders []string  `json:"placeholders"`
	Version      int64     `json:"version"`
	UpdatedAt    time.Time `json:"updated_at"`
	UpdatedBy    string    `json:"updated_by"`
}

// kind is the built-in definition of a kind of message: its label, the
// placeholders its messages fill, and the text used until an admin edits it.
type kind struct {
	Key, Label   string
	Placeholders []string
	Body         string
}

// common are the placeholders every message fills.
var common = []string{"usaha", "pemilik", "dinas"}

// kinds lists the kinds in the order pages show them.
var kinds = []kind{
	{KindTrainingInvitation, "Undangan pelatihan", []string{"program", "tanggal"},
		"Yth. {pemilik} ({usaha}), Anda diundang mengikuti {program} mulai {tanggal}. Mohon balas pesan ini untuk konfirmasi kehadiran. Salam, {dinas}."},
	{KindSelectionResult, "Hasil seleksi", []string{"program", "hasil"},
		"Yth. {pemilik} ({usaha}), hasil seleksi {program}: {hasil}. Terima kasih telah mendaftar. Salam, {dinas}."},
	{KindSessionReminder, "Pengingat sesi", []string{"program", "sesi", "tanggal"},
		"Yth. {pemilik} ({usaha}), mengingatkan sesi {sesi} {program} pada {tanggal}. Sampai jumpa. Salam, {dinas}."},
	{KindPermitExpiring, "Izin akan berakhir", []string{"izin", "nomor", "tanggal"},
		"Yth. {pemilik} ({usaha}), {izin} nomor {nomor} berlaku sampai {tanggal}. Segera urus perpanjangannya; petugas kami siap membantu. Salam, {dinas}."},
	{KindQuotaOpen, "Kuota halal untuk Anda", []string{"kuota", "tanggal", "pendamping"},
		"Yth. {pemilik} ({usaha}), usaha Anda mendapat kuota sertifikasi halal gratis ({kuota}). Pendamping {pendamping} akan membantu pada {tanggal}; siapkan daftar bahan dan proses produksi. Salam, {dinas}."},
	{KindReferralDecided, "Keputusan bank", []string{"bank", "keputusan", "jumlah"},
		"Yth. {pemilik} ({usaha}), {bank} telah {keputusan} rujukan pembiayaan Anda{jumlah}. Hubungi kami bila perlu bantuan. Salam, {dinas}."},
	{KindFollowUpVisit, "Kunjungan pendampingan", []string{"program", "tanggal"},
		"Yth. {pemilik} ({usaha}), petugas kami akan menghubungi atau mengunjungi Anda sekitar {tanggal} untuk pendampingan sesudah {program}. Salam, {dinas}."},
}

func kindOf(key string) (kind, bool) {
	for _, k := range kinds {
		if k.Key == key {
			return k, true
		}
	}
	return kind{}, false
}

// Kinds lists the kinds of message.
func Kinds() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.Key
	}
	return out
}

// KindLabel is the Indonesian name of a kind.
func KindLabel(key string) string {
	if k, ok := kindOf(key); ok {
		return k.Label
	}
	return key
}

// Candidate is a message some record makes due for a business on a day,
// before its text is written: Values holds what the placeholders need, in
// stored form (dates YYYY-MM-DD, amounts in rupiah, codes).
type Candidate struct {
	BusinessID   int64             `json:"business_id"`
	BusinessName string            `json:"business_name"`
	OwnerName    string            `json:"owner_name"`
	Phone        string            `json:"phone"`
	DistrictCode string            `json:"district_code"`
	VillageCode  string            `json:"village_code"`
	Kind         string            `json:"kind"`
	Subject      string            `json:"subject"` // what it is about, e.g. "permit:12"
	DueOn        string            `json:"due_on"`  // YYYY-MM-DD
	Values       map[string]string `json:"-"`
}

// Key identifies a message: it is offered until marked sent, then never again.
type Key struct {
	BusinessID int64  `json:"business_id"`
	Kind       string `json:"kind"`
	Subject    string `json:"subject"`
	DueOn      string `json:"due_on"`
}

// Key returns the candidate's key.
func (c *Candidate) Key() Key {
	return Key{BusinessID: c.BusinessID, Kind: c.Kind, Subject: c.Subject, DueOn: c.DueOn}
}

func (k Key) String() string {
	return fmt.Sprintf("%d|%s|%s|%s", k.BusinessID, k.Kind, k.Subject, k.DueOn)
}

// Message is one message of an outbox: the text written from the template,
// and the wa.me link that opens WhatsApp with it, or why there is none.
type Message struct {
	Candidate
	Text    string `json:"text"`
	Link    string `json:"link"`    // https://wa.me/628…?text=…; "" when Problem says why
	Problem string `json:"problem"` // e.g. a landline number
}

// Sent records who marked a message sent and when.
type Sent struct {
	Key
	SentAt time.Time `json:"sent_at"`
	SentBy string    `json:"sent_by"`
}
