// Package market is the path from a product to a shelf: product records with
// their permits and photos, the label and packaging clinic, retailers'
// curation and listings, and the public catalogue. It knows neither HTTP nor
// SQL; storage goes through the Store interface in store.go.
package market

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Product is one thing a business sells, with what a retailer and a label
// inspector ask about it. Money is whole rupiah.
type Product struct {
	ID         int64  `json:"id"`
	BusinessID int64  `json:"business_id"`
	Name       string `json:"name"`
	Category   string `json:"category"`

	NetContent float64 `json:"net_content"` // in NetUnit; 0 = not stated
	NetUnit    string  `json:"net_unit"`    // one of Units
	Price      int64   `json:"price"`

	ShelfLifeDays        int    `json:"shelf_life_days"`
	Barcode              string `json:"barcode"`                // GTIN-8/13, check digit validated
	ProductionCodeFormat string `json:"production_code_format"` // e.g. "DDMMYY-batch"

	// Permits covering the product. A number is "verified" once an officer
	// has seen the document; only verified numbers are shown publicly.
	PIRTNumber    string `json:"pirt_number"`
	PIRTVerified  bool   `json:"pirt_verified"`
	HalalNumber   string `json:"halal_number"`
	HalalVerified bool   `json:"halal_verified"`
	BPOMNumber    string `json:"bpom_number"`
	BPOMVerified  bool   `json:"bpom_verified"`

	Photos []Photo `json:"photos"`

	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Photo is one stored picture of a product, re-encoded without metadata.
type Photo struct {
	ID        int64     `json:"id"`
	ProductID int64     `json:"product_id"`
	File      string    `json:"-"` // name in the photo folder
	Thumb     string    `json:"-"`
	Width     int       `json:"width"`
	Height    int       `json:"height"`
	URL       string    `json:"url"`
	ThumbURL  string    `json:"thumb_url"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
}

// Units are the units of net content a label states (BPOM: metric units).
var Units = []string{"g", "kg", "ml", "l", "pcs"}

// Limits of a product's fields.
const (
	maxName         = 120
	maxText         = 200
	maxPrice        = 1_000_000_000_000
	maxShelfLife    = 3650
	maxNetContent   = 1_000_000
	MaxPhotos       = 8 // per product
	maxProductsEach = 500
)

// Normalize trims text and puts permit numbers and barcodes in their
// canonical form when they parse (Validate reports those that do not).
func (p *Product) Normalize() {
	for _, s := range []*string{&p.Name, &p.Category, &p.NetUnit, &p.Barcode, &p.ProductionCodeFormat,
		&p.PIRTNumber, &p.HalalNumber, &p.BPOMNumber} {
		*s = strings.TrimSpace(*s)
	}
	p.NetUnit = strings.ToLower(p.NetUnit)
	if v, err := ParseGTIN(p.Barcode); err == nil {
		p.Barcode = v
	}
	for _, k := range permitKinds {
		if num := p.permitField(k.field); *num != "" {
			*num, _ = checkPermit(k.kind, *num)
		}
	}
}

// permitField returns the number field of a permit by its JSON name.
func (p *Product) permitField(field string) *string {
	switch field {
	case "pirt_number":
		return &p.PIRTNumber
	case "halal_number":
		return &p.HalalNumber
	}
	return &p.BPOMNumber
}

// Validate returns an Indonesian message per bad field (empty = valid).
func (p *Product) Validate() map[string]string {
	f := map[string]string{}
	switch n := utf8.RuneCountInString(p.Name); {
	case n == 0:
		f["name"] = "Nama produk wajib diisi"
	case n > maxName:
		f["name"] = fmt.Sprintf("Nama produk paling panjang %d karakter", maxName)
	}
	for field, v := range map[string]string{"category": p.Category, "production_code_format": p.ProductionCodeFormat} {
		if utf8.RuneCountInString(v) > maxText {
			f[field] = fmt.Sprintf("Paling panjang %d karakter", maxText)
		}
	}
	switch {
	case math.IsNaN(p.NetContent) || p.NetContent < 0 || p.NetContent > maxNetContent:
		f["net_content"] = "Isi bersih harus angka positif yang wajar, mis. 250"
	case p.NetContent > 0 && !slices.Contains(Units, p.NetUnit):
		f["net_unit"] = "Satuan isi bersih: g, kg, ml, l, atau pcs"
	case p.NetContent == 0 && p.NetUnit != "" && !slices.Contains(Units, p.NetUnit):
		f["net_unit"] = "Satuan isi bersih: g, kg, ml, l, atau pcs"
	}
	if p.Price < 0 || p.Price > maxPrice {
		f["price"] = "Harga harus rupiah utuh yang wajar, mis. 15000"
	}
	if p.ShelfLifeDays < 0 || p.ShelfLifeDays > maxShelfLife {
		f["shelf_life_days"] = "Umur simpan dalam hari, 0 sampai 3650"
	}
	if p.Barcode != "" {
		if _, err := ParseGTIN(p.Barcode); err != nil {
			f["barcode"] = upperFirst(err.Error())
		}
	}
	for _, k := range permitKinds {
		if num := *p.permitField(k.field); num != "" {
			if _, msg := checkPermit(k.kind, num); msg != "" {
				f[k.field] = msg
			}
		}
	}
	return f
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// NetContentText is the net content as a label writes it ("250 g").
func (p Product) NetContentText() string {
	if p.NetContent == 0 {
		return ""
	}
	return strings.Replace(fmt.Sprintf("%g %s", p.NetContent, p.NetUnit), ".", ",", 1)
}
