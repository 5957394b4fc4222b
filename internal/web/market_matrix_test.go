package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"strings"

	"naikkelas/internal/auth"
	"naikkelas/internal/market"
)

// firstProduct returns the path of the row's business's first product
// with {p} replaced. Every fixture business is created with one; a test
// that deleted it on a shared fixture gets a new one.
func firstProduct(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		ps, err := f.st.ListProducts(context.Background(), id)
		if err != nil {
			f.t.Fatal(err)
		}
		if len(ps) == 0 {
			p := &market.Product{Name: "Emping melinjo", Category: "makanan", Price: 25_000}
			if _, err := f.srv.Market.Create(context.Background(), auth.System, id, p); err != nil {
				f.t.Fatal(err)
			}
			ps = []market.Product{*p}
		}
		return strings.ReplaceAll(format, "{p}", itoa64(ps[0].ID))
	}
}

// photoPNG is a small PNG picture.
func photoPNG() []byte {
	var pic bytes.Buffer
	_ = png.Encode(&pic, rgbaSample())
	return pic.Bytes()
}

// photoBody is a multipart body with data in the part "photo".
func photoBody(data []byte) (body, contentType string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	part, _ := mw.CreateFormFile("photo", "emping.png")
	_, _ = part.Write(data)
	_ = mw.Close()
	return buf.String(), mw.FormDataContentType()
}

const productJSON = `{"name":"Emping melinjo","category":"makanan","net_content":250,"net_unit":"g","price":25000,` +
	`"shelf_life_days":180,"barcode":"4006381333931","pirt_number":"206 3604 01 0112 26","version":1}`

func marketMatrix() map[string]matrixCase {
	photo, photoType := photoBody(photoPNG())
	return map[string]matrixCase{
		"GET /api/v1/businesses/{id}/products":  {path: byID("/api/v1/businesses/{id}/products"), want: readOne},
		"POST /api/v1/businesses/{id}/products": {path: byID("/api/v1/businesses/{id}/products"), body: body(productJSON), want: writers(s201)},
		"GET /api/v1/products/{id}":             {path: firstProduct("/api/v1/products/{p}"), want: readOne},
		"PUT /api/v1/products/{id}":             {path: firstProduct("/api/v1/products/{p}"), body: body(productJSON), want: writers(s200)},
		"DELETE /api/v1/products/{id}":          {path: firstProduct("/api/v1/products/{p}"), want: writers(s204)},
		"POST /api/v1/products/{id}/photos": {path: firstProduct("/api/v1/products/{p}/photos"), body: body(photo),
			header: map[string]string{"Content-Type": photoType}, want: writers(s201)},
		"GET /foto/{id}": {path: func(f *fixture, id int64, v string) string {
			firstProduct("")(f, id, v)
			ps, _ := f.st.ListProducts(context.Background(), id)
			if len(ps[0].Photos) == 0 {
				if _, err := f.srv.Market.AddPhoto(context.Background(), auth.System, ps[0].ID, photoPNG()); err != nil {
					f.t.Fatal(err)
				}
				ps, _ = f.st.ListProducts(context.Background(), id)
			}
			return "/foto/" + itoa64(ps[0].Photos[0].ID) + "?ukuran=kecil"
		}, want: readOne},

		"GET /usaha/{id}/produk/baru": {path: byID("/usaha/{id}/produk/baru"), want: writers(s200)},
		"POST /usaha/{id}/produk": {path: byID("/usaha/{id}/produk"),
			body: body("name=Kopi+robusta&net_content=250&net_unit=g&price=35.000&barcode=4006381333931"), want: writers(s303)},
		"GET /produk/{id}":        {path: firstProduct("/produk/{p}"), want: readOne},
		"POST /produk/{id}":       {path: firstProduct("/produk/{p}"), body: body("name=Emping+manis&version=1&price=27.000"), want: writers(s303)},
		"POST /produk/{id}/foto":  {path: firstProduct("/produk/{p}/foto"), body: body(photo), header: map[string]string{"Content-Type": photoType}, want: writers(s303)},
		"POST /produk/{id}/hapus": {path: firstProduct("/produk/{p}/hapus"), want: writers(s303)},
	}
}

func rgbaSample() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		img.Set(x, x%30, color.RGBA{200, 30, 30, 255})
	}
	return img
}
