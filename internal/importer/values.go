package importer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// cleanText trims a cell and removes the apostrophe that Excel users (and
// our own exports, against formula injection) put before text that must not
// be read as a number or a formula.
func cleanText(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if strings.HasPrefix(s, "'") {
		s = strings.TrimSpace(s[1:])
	}
	return s
}

// ParsePhone normalises an Indonesian mobile number to +628…, also when Excel
// dropped its leading 0 ("81234567890") or wrote it as a number in
// scientific notation (refused: digits are lost). A cell holding two numbers
// separated by "/" or "," keeps the first.
func ParsePhone(s string) (string, error) {
	s = cleanText(s)
	if i := strings.IndexAny(s, "/,;"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if sciNumber(s) {
		return "", errors.New("nomor HP tertulis dalam notasi ilmiah: digitnya sudah hilang di Excel")
	}
	s = strings.TrimSuffix(s, ".0")
	p, err := registry.NormalizePhone(s)
	if err != nil {
		return "", fmt.Errorf("%s: %q", capitalise(err.Error()), s)
	}
	return p, nil
}

// ParseNIK reads a NIK as text and checks it (16 digits, plausible birth
// date). A NIK that Excel turned into scientific notation is refused with
// its own reason: its digits are gone and must not be "repaired".
func ParseNIK(s string) (string, error) {
	s = strings.ReplaceAll(cleanText(s), " ", "")
	if sciNumber(s) {
		return "", errors.New(registry.ErrNIKScientific)
	}
	if _, err := registry.ParseNIK(s); err != nil {
		return "", err
	}
	return s, nil
}

// ParseNIB reads a 13-digit NIB as text.
func ParseNIB(s string) (string, error) {
	s = strings.ReplaceAll(cleanText(s), " ", "")
	if sciNumber(s) {
		return "", errors.New("NIB tertulis dalam notasi ilmiah (mis. 1.23457E+12): digitnya sudah hilang di Excel. Ketik ulang NIB sebagai teks.")
	}
	if !registry.ValidNIB(s) {
		return "", fmt.Errorf("NIB harus 13 digit angka (terisi %q)", s)
	}
	return s, nil
}

// sciNumber reports whether s is a number in scientific notation.
func sciNumber(s string) bool {
	s = strings.ToLower(strings.ReplaceAll(s, ",", "."))
	i := strings.IndexByte(s, 'e')
	if i < 1 || i == len(s)-1 {
		return false
	}
	m, e := s[:i], strings.TrimPrefix(strings.TrimPrefix(s[i+1:], "+"), "-")
	return allDigits(strings.Replace(m, ".", "", 1)) && allDigits(e)
}

// ParseGender reads L/P and their spelled-out forms.
func ParseGender(s string) (string, error) {
	switch strings.ToLower(strings.ReplaceAll(cleanText(s), " ", "")) {
	case "l", "lk", "laki-laki", "lakilaki", "laki", "pria", "m", "male", "cowok":
		return "L", nil
	case "p", "pr", "perempuan", "wanita", "w", "f", "female", "cewek":
		return "P", nil
	}
	return "", fmt.Errorf("jenis kelamin %q tidak dikenali (isi L atau P)", cleanText(s))
}

// ParseHalalStatus reads a halal status: "Sudah"/"Ya"/"Bersertifikat",
// "Proses", or "Belum"/"Tidak", and the API's own values.
func ParseHalalStatus(s string) (string, error) {
	switch v := strings.ToLower(cleanText(s)); v {
	case "certified", "ya", "sudah", "ada", "bersertifikat", "bersertifikat halal", "halal", "sudah bersertifikat":
		return registry.HalalCertified, nil
	case "in_process", "proses", "dalam proses", "diproses", "sedang proses", "pengajuan":
		return registry.HalalInProcess, nil
	case "none", "tidak", "belum", "tidak ada", "belum ada", "-", "belum bersertifikat":
		return registry.HalalNone, nil
	}
	return "", fmt.Errorf("status halal %q tidak dikenali (isi Sudah, Proses, atau Belum)", cleanText(s))
}

// ParseSector reads a KBLI category: a letter A–U, "C - Industri
// Pengolahan" as the template's dropdown writes it, or the category's name.
func ParseSector(s string) (string, error) {
	v := cleanText(s)
	if i := strings.Index(v, " - "); i > 0 {
		v = strings.TrimSpace(v[:i])
	}
	if len(v) == 1 {
		if u := strings.ToUpper(v); region.SectorName(u) != "" {
			return u, nil
		}
	}
	for _, sec := range region.Sectors() {
		if strings.EqualFold(sec.Name, v) {
			return sec.Code, nil
		}
	}
	return "", fmt.Errorf("sektor %q bukan kategori KBLI A–U", v)
}

// businessWords guesses a KBLI category from the words officers use in a
// "Jenis Usaha" column. The first matching entry wins, so food stalls come
// before trade.
var businessWords = []struct {
	sector string
	words  []string
}{
	{"I", []string{"warung makan", "rumah makan", "restoran", "resto", "kafe", "cafe", "kedai", "katering", "catering", "angkringan"}},
	{"C", []string{"makanan", "minuman", "kuliner", "olahan", "produksi", "kerajinan", "konveksi", "industri", "batik", "gerabah", "anyaman", "emping", "keripik", "kerupuk", "kue", "roti", "golok", "mebel", "sablon"}},
	{"G", []string{"dagang", "toko", "warung", "kelontong", "sembako", "grosir", "jual", "retail", "pedagang"}},
	{"A", []string{"tani", "pertanian", "ikan", "perikanan", "ternak", "peternakan", "tambak", "kebun"}},
	{"S", []string{"jasa", "salon", "bengkel", "laundry", "penjahit", "servis", "service", "cukur", "reparasi"}},
	{"H", []string{"ojek", "angkutan", "transportasi", "ekspedisi"}},
}

// ParseBusinessType reads a "Jenis Usaha" cell: a 5-digit KBLI code, a KBLI
// category, or everyday words. It returns the KBLI code (maybe "") and the
// sector; an unrecognised description yields neither and no error, because
// the column is descriptive and the sector optional.
func ParseBusinessType(s string) (kbli, sector string) {
	v := cleanText(s)
	if len(v) == 5 && allDigits(v) {
		return v, ""
	}
	if sec, err := ParseSector(v); err == nil {
		return "", sec
	}
	low := strings.ToLower(v)
	for _, bw := range businessWords {
		for _, w := range bw.words {
			if strings.Contains(low, w) {
				return "", bw.sector
			}
		}
	}
	return "", ""
}

// ParseKBLI reads a 5-digit KBLI 2020 code (Excel may have dropped a leading 0).
func ParseKBLI(s string) (string, error) {
	v := strings.TrimSuffix(strings.ReplaceAll(cleanText(s), " ", ""), ".0")
	if len(v) == 4 && allDigits(v) {
		v = "0" + v
	}
	if len(v) != 5 || !allDigits(v) {
		return "", fmt.Errorf("kode KBLI %q harus 5 digit angka", v)
	}
	return v, nil
}

// ParseCount reads a non-negative whole number such as a number of workers.
func ParseCount(s string) (int, error) {
	v := strings.ToLower(strings.ReplaceAll(cleanText(s), ".", ""))
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(v, "orang"), "org"))
	v = strings.TrimSuffix(v, ",0")
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 10_000_000 {
		return 0, fmt.Errorf("%q bukan bilangan bulat yang wajar", cleanText(s))
	}
	return n, nil
}

// ParseYear reads a four-digit year between 1900 and maxYear.
func ParseYear(s string, maxYear int) (int, error) {
	v := strings.TrimSuffix(cleanText(s), ".0")
	n, err := strconv.Atoi(v)
	if err != nil || len(v) != 4 {
		return 0, fmt.Errorf("tahun %q harus empat digit, mis. 2019", cleanText(s))
	}
	if n < 1900 || n > maxYear {
		return 0, fmt.Errorf("tahun %d harus antara 1900 dan %d", n, maxYear)
	}
	return n, nil
}

// ParseFoundedYear reads the year a business was founded: a year, or a
// founding date (an Excel serial, a date cell, "15 Maret 2015",
// "15/03/2015"), of which the year is kept.
func ParseFoundedYear(s string, maxYear int) (int, error) {
	y, err := ParseYear(s, maxYear)
	if err == nil || len(strings.TrimSuffix(cleanText(s), ".0")) == 4 {
		return y, err
	}
	d, derr := ParseDate(s)
	if derr != nil {
		return 0, fmt.Errorf("tahun berdiri %q harus tahun (mis. 2019) atau tanggal (mis. 15/03/2015)", cleanText(s))
	}
	y, _ = strconv.Atoi(d[:4])
	if y < 1900 || y > maxYear {
		return 0, fmt.Errorf("tahun %d harus antara 1900 dan %d", y, maxYear)
	}
	return y, nil
}

// ParseCoordinate reads a latitude or longitude in decimal degrees, with a
// decimal point or comma.
func ParseCoordinate(s string) (float64, error) {
	v := strings.ReplaceAll(cleanText(s), ",", ".")
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, fmt.Errorf("koordinat %q harus angka desimal, mis. -6.1234", cleanText(s))
	}
	return f, nil
}

// ParseProducts splits a cell of product names separated by ";" or ",".
func ParseProducts(s string) []registry.Product {
	var out []registry.Product
	for _, p := range strings.FieldsFunc(cleanText(s), func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, registry.Product{Name: p})
		}
	}
	return out
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func itoa(n int) string { return strconv.Itoa(n) }
