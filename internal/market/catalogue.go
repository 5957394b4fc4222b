package market

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// The public catalogue shows the products of businesses whose owner agreed
// to it. What it shows is chosen here, field by field, so that nothing
// personal can slip in: the business's name and brand, its kecamatan, the
// WhatsApp number the owner chose to publish, and the products with their
// photos and verified permit numbers. Never a NIK, the private phone, the
// owner's name or the address.

// Consent is a business's agreement to appear in the public catalogue.
type Consent struct {
	BusinessID int64     `json:"business_id"`
	WhatsApp   string    `json:"whatsapp"` // +628…, published for orders
	ConsentBy  string    `json:"consent_by"`
	ConsentAt  time.Time `json:"consent_at"`
}

// CatalogueItem is one product as the public sees it.
type CatalogueItem struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Category     string   `json:"category"`
	NetContent   string   `json:"net_content"`
	Price        int64    `json:"price"`
	Business     string   `json:"business"`
	Brand        string   `json:"brand"`
	DistrictCode string   `json:"district_code"`
	District     string   `json:"district"`
	Permits      []string `json:"permits"` // verified numbers only, e.g. "P-IRT 206360401011226"
	Halal        bool     `json:"halal"`   // a verified halal certificate number
	Photos       []Photo  `json:"photos"`
	OrderURL     string   `json:"order_url"` // wa.me link with a prefilled message
	InRetail     bool     `json:"in_retail"` // on a modern retailer's shelf today
}

// CatalogueFilter selects catalogue items.
type CatalogueFilter struct {
	Q        string // product name, business name or brand
	Category string
	District string
	Halal    bool
	InRetail bool   // on a retailer's shelves today (an active listing)
	Today    string // YYYY-MM-DD, set by the service for InRetail
	Page     int
	PerPage  int
	// CountUpTo, when above zero, lets the store stop counting once more
	// than this many products match; it then returns CountUpTo+1.
	CountUpTo int
}

// CataloguePerPage is a catalogue page.
const CataloguePerPage = 24

// CatalogueCountCap is how many products past the start of a page the
// catalogue counts exactly; beyond it the total is a lower bound.
const CatalogueCountCap = 1000

// CataloguePage is one page of the catalogue and how many products match.
type CataloguePage struct {
	Items []CatalogueItem
	Total int
	// TotalIsLowerBound says that more than Total products match.
	TotalIsLowerBound bool
}

// CatalogueRow is what the store reads for an item; the service turns it
// into a CatalogueItem.
type CatalogueRow struct {
	Product
	BusinessName, Brand, DistrictCode, WhatsApp string
	OnShelf                                     bool // an active listing today
}

// catalogueItem builds the public view of a row: verified permits only,
// the order link to the published number.
func (s *Service) catalogueItem(r *CatalogueRow) CatalogueItem {
	it := CatalogueItem{ID: r.ID, Name: r.Name, Category: r.Category, NetContent: r.NetContentText(), Price: r.Price,
		Business: r.BusinessName, Brand: r.Brand, DistrictCode: r.DistrictCode, District: s.DistrictName(r.DistrictCode),
		Permits: []string{}, Halal: r.HalalVerified && r.HalalNumber != "", Photos: []Photo{}, InRetail: r.OnShelf}
	if r.PIRTVerified && r.PIRTNumber != "" {
		it.Permits = append(it.Permits, "P-IRT "+r.PIRTNumber)
	}
	if r.BPOMVerified && r.BPOMNumber != "" {
		it.Permits = append(it.Permits, "BPOM RI "+r.BPOMNumber)
	}
	if it.Halal {
		it.Permits = append(it.Permits, "Halal "+r.HalalNumber)
	}
	for _, ph := range r.Photos {
		it.Photos = append(it.Photos, Photo{ID: ph.ID, Width: ph.Width, Height: ph.Height,
			URL: "/katalog/foto/" + itoa(ph.ID), ThumbURL: "/katalog/foto/" + itoa(ph.ID) + "?ukuran=kecil"})
	}
	msg := "Halo, saya ingin memesan " + r.Name
	if r.BusinessName != "" {
		msg += " dari " + r.BusinessName
	}
	msg += " (dilihat di katalog UMKM Kabupaten Serang)."
	it.OrderURL = "https://wa.me/" + strings.TrimPrefix(r.WhatsApp, "+") + "?text=" + url.QueryEscape(msg)
	return it
}

// Catalogue returns one page of the public catalogue.
func (s *Service) Catalogue(ctx context.Context, f CatalogueFilter) (*CataloguePage, error) {
	if f.Page < 1 {
		f.Page = 1
	}
	f.PerPage = CataloguePerPage
	f.Q = strings.TrimSpace(f.Q)
	f.Today = s.today().Format(time.DateOnly)
	f.CountUpTo = (f.Page-1)*CataloguePerPage + CatalogueCountCap
	rows, total, err := s.Store.CatalogueRows(ctx, f)
	if err != nil {
		return nil, err
	}
	p := &CataloguePage{Items: make([]CatalogueItem, len(rows)), Total: total}
	if total > f.CountUpTo {
		p.Total, p.TotalIsLowerBound = f.CountUpTo, true
	}
	for i := range rows {
		p.Items[i] = s.catalogueItem(&rows[i])
	}
	return p, nil
}

// CatalogueProduct returns one product of the catalogue, or NotFound when
// it is not (or no longer) in it.
func (s *Service) CatalogueProduct(ctx context.Context, id int64) (*CatalogueItem, error) {
	r, err := s.Store.CatalogueRow(ctx, id, s.today().Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	it := s.catalogueItem(r)
	return &it, nil
}

// CataloguePhoto returns the file of a photo of a catalogue product.
func (s *Service) CataloguePhoto(ctx context.Context, id int64, thumb bool) (string, error) {
	ph, err := s.Store.GetPhoto(ctx, id)
	if err != nil {
		return "", err
	}
	if _, err := s.Store.CatalogueRow(ctx, ph.ProductID, s.today().Format(time.DateOnly)); err != nil || s.Photos == nil {
		return "", apperr.New(apperr.NotFound, "Foto tidak ditemukan")
	}
	return s.Photos.Path(ph, thumb), nil
}

// Consent returns a business's catalogue consent, or nil when it has none.
func (s *Service) Consent(ctx context.Context, a auth.Actor, businessID int64) (*Consent, error) {
	if _, err := s.Businesses.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	return s.Store.GetConsent(ctx, businessID)
}

// SetConsent records that the business agreed to the catalogue, with the
// WhatsApp number to publish: its owner, or an officer in its area who
// records the owner's agreement.
func (s *Service) SetConsent(ctx context.Context, a auth.Actor, businessID int64, whatsapp string) (*Consent, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda tidak boleh mengubah persetujuan katalog")
	}
	if _, err := s.Businesses.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	wa, err := registry.NormalizePhone(whatsapp)
	if err != nil {
		return nil, apperr.Validation(map[string]string{"whatsapp": upperFirst(err.Error())})
	}
	c := &Consent{BusinessID: businessID, WhatsApp: wa, ConsentBy: a.Username, ConsentAt: s.Now().UTC()}
	if err := s.Store.SetConsent(ctx, c, &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "catalogue_consent",
		Entity: "business", EntityID: businessID}); err != nil {
		return nil, err
	}
	return c, nil
}

// WithdrawConsent takes a business out of the catalogue.
func (s *Service) WithdrawConsent(ctx context.Context, a auth.Actor, businessID int64) error {
	if !a.CanWrite() {
		return apperr.New(apperr.Forbidden, "Peran Anda tidak boleh mengubah persetujuan katalog")
	}
	if _, err := s.Businesses.Get(ctx, a, businessID); err != nil {
		return err
	}
	return s.Store.DeleteConsent(ctx, businessID, &audit.Entry{UserID: a.UserID, Username: a.Username,
		Action: "catalogue_withdraw", Entity: "business", EntityID: businessID})
}

// DistrictName is the name of a kecamatan code.
func (s *Service) DistrictName(code string) string { return region.All().Name(code) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Categories are the catalogue's category filter. Products carry free
// text; the filter matches it without regard to case.
var Categories = []string{"Makanan", "Minuman", "Kerajinan", "Pakaian", "Mebel", "Kelontong", "Jasa", "Lainnya"}
