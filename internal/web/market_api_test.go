package web

import (
	"bytes"
	"encoding/json"
	"image/jpeg"
	"strings"
	"testing"

	"naikkelas/internal/market"
)

func decodeProduct(t *testing.T, body []byte) market.Product {
	t.Helper()
	var p market.Product
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("not a product: %v: %s", err, body)
	}
	return p
}

// TestProductAPI: formats are checked with their field named, an owner
// cannot verify its own permit while an officer can, and an owner's change
// of a verified number drops the verification.
func TestProductAPI(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/businesses/" + itoa64(f.In.ID) + "/products"
	w := f.do(request{Method: "POST", Path: path, Role: "owner",
		Body: `{"name":"Kopi","barcode":"4006381333932","pirt_number":"12345","halal_number":"halal","bpom_number":"MD 1","net_content":250,"net_unit":"ons"}`})
	if w.Code != s422 {
		t.Fatalf("bad formats: %d %s", w.Code, w.Body)
	}
	for _, field := range []string{"barcode", "pirt_number", "halal_number", "bpom_number", "net_unit"} {
		if !strings.Contains(w.Body.String(), `"`+field+`"`) {
			t.Errorf("422 does not name %s: %s", field, w.Body)
		}
	}
	w = f.do(request{Method: "POST", Path: path, Role: "owner", Body: `{"name":"Kopi robusta","barcode":"4006381333931",` +
		`"pirt_number":"206.3604.01.0112-26","pirt_verified":true,"net_content":250,"net_unit":"g"}`})
	if w.Code != s201 {
		t.Fatalf("owner create: %d %s", w.Code, w.Body)
	}
	p := decodeProduct(t, w.Body.Bytes())
	if p.PIRTVerified || p.PIRTNumber != "206360401011226" {
		t.Fatalf("owner's product: verified %v, number %q", p.PIRTVerified, p.PIRTNumber)
	}
	p.PIRTVerified = true
	raw, _ := json.Marshal(p)
	w = f.do(request{Method: "PUT", Path: "/api/v1/products/" + itoa64(p.ID), Role: "operator", Body: string(raw)})
	if p = decodeProduct(t, w.Body.Bytes()); w.Code != s200 || !p.PIRTVerified {
		t.Fatalf("officer verifies: %d %s", w.Code, w.Body)
	}
	p.Price = 30000
	raw, _ = json.Marshal(p)
	w = f.do(request{Method: "PUT", Path: "/api/v1/products/" + itoa64(p.ID), Role: "owner", Body: string(raw)})
	if p = decodeProduct(t, w.Body.Bytes()); w.Code != s200 || !p.PIRTVerified || p.Price != 30000 {
		t.Fatalf("owner edits the price, verification stays: %d %s", w.Code, w.Body)
	}
	p.PIRTNumber = "206360401011227"
	raw, _ = json.Marshal(p)
	w = f.do(request{Method: "PUT", Path: "/api/v1/products/" + itoa64(p.ID), Role: "owner", Body: string(raw)})
	if p = decodeProduct(t, w.Body.Bytes()); w.Code != s200 || p.PIRTVerified {
		t.Fatalf("owner changes the number, verification drops: %d %s", w.Code, w.Body)
	}
	w = f.do(request{Method: "PUT", Path: "/api/v1/products/" + itoa64(p.ID), Role: "owner", Body: string(raw)})
	if w.Code != 409 {
		t.Fatalf("stale version: %d", w.Code)
	}
	// The business's summary follows the records.
	w = f.do(request{Method: "GET", Path: "/api/v1/businesses/" + itoa64(f.In.ID), Role: "owner"})
	if !strings.Contains(w.Body.String(), `"name":"Kopi robusta"`) {
		t.Errorf("business summary lacks the new product: %s", w.Body)
	}
}

// TestProductPhotoUpload: the stored photo and thumbnail are JPEGs without
// the EXIF location of the upload, an oversized upload is 413, and a photo
// is not served outside the product's readers.
func TestProductPhotoUpload(t *testing.T) {
	f := newFixture(t)
	ps, _ := f.st.ListProducts(t.Context(), f.In.ID)
	path := "/api/v1/products/" + itoa64(ps[0].ID) + "/photos"
	body, ctype := photoBody(jpegWithLocation(t))
	w := f.do(request{Method: "POST", Path: path, Role: "owner", Body: body, Header: map[string]string{"Content-Type": ctype}})
	if w.Code != s201 {
		t.Fatalf("upload: %d %s", w.Code, w.Body)
	}
	var ph market.Photo
	_ = json.Unmarshal(w.Body.Bytes(), &ph)
	for _, url := range []string{ph.URL, ph.ThumbURL} {
		got := f.do(request{Method: "GET", Path: url, Role: "operator"})
		if got.Code != s200 || got.Header().Get("Content-Type") != "image/jpeg" {
			t.Fatalf("GET %s: %d %s", url, got.Code, got.Header())
		}
		if bytes.Contains(got.Body.Bytes(), []byte("Exif")) || bytes.Contains(got.Body.Bytes(), []byte("Serang GPS")) {
			t.Errorf("GET %s still holds the EXIF block", url)
		}
		if _, err := jpeg.Decode(got.Body); err != nil {
			t.Errorf("GET %s: not a JPEG: %v", url, err)
		}
	}
	ops, _ := f.st.ListProducts(t.Context(), f.Out.ID)
	bodyOut, ctypeOut := photoBody(photoPNG())
	w = f.do(request{Method: "POST", Path: "/api/v1/products/" + itoa64(ops[0].ID) + "/photos", Role: "admin", Body: bodyOut,
		Header: map[string]string{"Content-Type": ctypeOut}})
	var outPh market.Photo
	_ = json.Unmarshal(w.Body.Bytes(), &outPh)
	if got := f.do(request{Method: "GET", Path: outPh.URL, Role: "operator"}); got.Code != s404 {
		t.Errorf("photo of an out-of-area product: %d, want 404", got.Code)
	}

	big, bigType := photoBody(bytes.Repeat([]byte{0xFF}, market.MaxPhotoBytes+10))
	w = f.do(request{Method: "POST", Path: path, Role: "owner", Body: big, Header: map[string]string{"Content-Type": bigType}})
	if w.Code != 413 {
		t.Errorf("oversized upload: %d %.200s", w.Code, w.Body)
	}
	w = f.do(request{Method: "POST", Path: path, Role: "owner", Body: `{}`})
	if w.Code != s422 {
		t.Errorf("upload without multipart: %d", w.Code)
	}
}

// jpegWithLocation is a JPEG with an APP1 EXIF segment naming a place.
func jpegWithLocation(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, rgbaSample(), nil); err != nil {
		t.Fatal(err)
	}
	payload := []byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08Serang GPS -6.12 106.15")
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	raw := buf.Bytes()
	return append(append(append([]byte{}, raw[:2]...), append(seg, payload...)...), raw[2:]...)
}

// TestProductPages: the form reports a bad barcode on its field and keeps
// what was typed; a saved product shows on its business's page.
func TestProductPages(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "POST", Path: "/usaha/" + itoa64(f.In.ID) + "/produk", Role: "owner",
		Body: "name=Kopi+robusta&net_content=1,5&net_unit=kg&barcode=4006381333932&price=35.000"})
	if w.Code != s422 || !strings.Contains(w.Body.String(), "seharusnya 1") || !strings.Contains(w.Body.String(), `value="Kopi robusta"`) {
		t.Fatalf("bad barcode: %d %s", w.Code, w.Body)
	}
	w = f.do(request{Method: "POST", Path: "/usaha/" + itoa64(f.In.ID) + "/produk", Role: "owner",
		Body: "name=Kopi+robusta&net_content=1,5&net_unit=kg&barcode=4006381333931&price=35.000"})
	if w.Code != s303 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	page := f.do(request{Method: "GET", Path: w.Header().Get("Location"), Role: "owner"}).Body.String()
	for _, want := range []string{"1,5 kg", "Rp35.000", "4006381333931"} {
		if !strings.Contains(page, want) {
			t.Errorf("product page lacks %q", want)
		}
	}
	biz := f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID), Role: "owner"}).Body.String()
	if !strings.Contains(biz, "Kopi robusta") || !strings.Contains(biz, "/produk/") {
		t.Errorf("business page does not list the product")
	}
}
