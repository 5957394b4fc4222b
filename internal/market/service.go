package market

import (
	"context"
	"strconv"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// Businesses is what the market needs of the register: a business as the
// actor may see it (NotFound outside its reach).
type Businesses interface {
	Get(ctx context.Context, a auth.Actor, id int64) (*registry.Business, error)
}

// Service applies the rules of products: who may see and change them, their
// validation, permit verification and photos.
type Service struct {
	Store      Store
	Businesses Businesses
	Photos     *PhotoFolder // nil: photos cannot be uploaded
	Now        func() time.Time
}

// NewService returns a Service with the real clock.
func NewService(st Store, biz Businesses, photos *PhotoFolder) *Service {
	return &Service{Store: st, Businesses: biz, Photos: photos, Now: time.Now}
}

var errProductNotFound = apperr.New(apperr.NotFound, "Produk tidak ditemukan")

// Products lists the products of a business the actor may see.
func (s *Service) Products(ctx context.Context, a auth.Actor, businessID int64) ([]Product, error) {
	if _, err := s.Businesses.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	items, err := s.Store.ListProducts(ctx, businessID)
	if err != nil {
		return nil, err
	}
	for i := range items {
		present(&items[i])
	}
	return items, nil
}

// Product returns one product the actor may see (NotFound outside its reach).
func (s *Service) Product(ctx context.Context, a auth.Actor, id int64) (*Product, error) {
	p, err := s.Store.GetProduct(ctx, id)
	if apperr.Is(err, apperr.NotFound) {
		return nil, errProductNotFound
	}
	if err != nil {
		return nil, err
	}
	if _, err := s.Businesses.Get(ctx, a, p.BusinessID); err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return nil, errProductNotFound
		}
		return nil, err
	}
	present(p)
	return p, nil
}

// writable returns the product if the actor may change it: its role writes
// (403 otherwise) and the business is in its reach (404 otherwise).
func (s *Service) writable(ctx context.Context, a auth.Actor, id int64) (*Product, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data produk")
	}
	return s.Product(ctx, a, id)
}

// Create adds a product to a business: its owner or an officer in its area.
func (s *Service) Create(ctx context.Context, a auth.Actor, businessID int64, p *Product) (*Product, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data produk")
	}
	b, err := s.Businesses.Get(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	if b.Status == registry.StatusArchived {
		return nil, apperr.New(apperr.Conflict, "Usaha sudah diarsipkan; produk tidak dapat ditambah")
	}
	p.ID, p.BusinessID, p.Version, p.Photos = 0, businessID, 0, nil
	p.Normalize()
	if err := apperr.Validation(p.Validate()); err != nil {
		return nil, err
	}
	verify(a, p, &Product{})
	if err := s.Store.CreateProduct(ctx, p, entry(a, audit.Create, 0, nil, p)); err != nil {
		return nil, err
	}
	present(p)
	return p, nil
}

// Update replaces a product's fields if p.Version is current.
func (s *Service) Update(ctx context.Context, a auth.Actor, p *Product) (*Product, error) {
	old, err := s.writable(ctx, a, p.ID)
	if err != nil {
		return nil, err
	}
	if p.Version != old.Version {
		return nil, apperr.Wrap(apperr.Conflict, nil, "Produk sudah diubah orang lain (versi "+
			strconv.FormatInt(old.Version, 10)+"). Muat ulang lalu ulangi.")
	}
	p.BusinessID, p.CreatedAt, p.Photos = old.BusinessID, old.CreatedAt, nil
	p.Normalize()
	if err := apperr.Validation(p.Validate()); err != nil {
		return nil, err
	}
	verify(a, p, old)
	if err := s.Store.UpdateProduct(ctx, p, entry(a, audit.Update, p.ID, old, p)); err != nil {
		return nil, err
	}
	return s.Product(ctx, a, p.ID)
}

// Delete removes a product with its photos.
func (s *Service) Delete(ctx context.Context, a auth.Actor, id int64) error {
	old, err := s.writable(ctx, a, id)
	if err != nil {
		return err
	}
	photos, err := s.Store.DeleteProduct(ctx, id, entry(a, "delete", id, old, nil))
	if err != nil {
		return err
	}
	if s.Photos != nil {
		for _, ph := range photos {
			s.Photos.Remove(ph)
		}
	}
	return nil
}

// verify sets the verified flags of p's permits: an officer's word counts;
// anyone else keeps the stored flag only for an unchanged number, so that
// an owner cannot verify its own document.
func verify(a auth.Actor, p, old *Product) {
	keep := func(num, oldNum string, want, was bool) bool {
		if num == "" {
			return false
		}
		if a.IsOfficer() {
			return want
		}
		return num == oldNum && was
	}
	p.PIRTVerified = keep(p.PIRTNumber, old.PIRTNumber, p.PIRTVerified, old.PIRTVerified)
	p.HalalVerified = keep(p.HalalNumber, old.HalalNumber, p.HalalVerified, old.HalalVerified)
	p.BPOMVerified = keep(p.BPOMNumber, old.BPOMNumber, p.BPOMVerified, old.BPOMVerified)
}

// present fills the URLs of a product's photos.
func present(p *Product) {
	if p.Photos == nil {
		p.Photos = []Photo{}
	}
	for i := range p.Photos {
		p.Photos[i].SetURLs()
	}
}

// SetURLs fills the photo's URLs from its id.
func (ph *Photo) SetURLs() {
	id := strconv.FormatInt(ph.ID, 10)
	ph.URL = "/foto/" + id
	ph.ThumbURL = "/foto/" + id + "?ukuran=kecil"
}

func entry(a auth.Actor, action string, id int64, before, after any) *audit.Entry {
	b, af := audit.Diff(before, after)
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: action, Entity: "product", EntityID: id, Before: b, After: af}
}
