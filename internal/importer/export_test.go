package importer_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// seed creates a few varied businesses through the registry service.
func seed(t *testing.T, svc *registry.Service) {
	lat, lng := -6.1234567, 106.3456789
	bs := []registry.Business{
		{Name: "=HYPERLINK(\"http://x\")", OwnerName: "@Rudi", VillageCode: "36.04.15.2007", NIK: "3604051203900001",
			Phone: "0812-3456-7890", Email: "Rudi@Example.com", AnnualRevenue: 120_000_000, Capital: 20_000_000, Employees: 2,
			Sector: "C", KBLI: "10792", FoundedYear: 2015, NIB: "1112223334445", HalalStatus: registry.HalalCertified,
			HalalNumber: "ID3611", HalalExpiresOn: "2028-01-31", PIRTNumber: "2063604010123-28", Latitude: &lat, Longitude: &lng,
			Products: []registry.Product{{Name: "Emping", Category: "makanan", Price: 25000}, {Name: "Keripik"}}},
		{Name: "Warung Bu Ela", OwnerName: "Ela", VillageCode: "36.04.35.2003", OwnerGender: "P", OwnerBirthDate: "1985-05-05",
			NIK: "3604054505850002", Address: "-Kp. Cilaku RT 01", HalalStatus: registry.HalalInProcess},
		{Name: "Gerabah Bumijaya", OwnerName: "Sarta", VillageCode: "36.04.05.2001", Capital: 6_000_000_000},
	}
	for i := range bs {
		bs[i].PIRTNumber = strings.ReplaceAll(bs[i].PIRTNumber, "-", "")
		if _, err := svc.Create(context.Background(), auth.System, &bs[i]); err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			st := openStore(t)
			svc := registry.NewService(st, "36.04")
			seed(t, svc)
			var buf bytes.Buffer
			each := func(fn func(*registry.Business) error) error {
				return svc.Each(context.Background(), auth.System, registry.Filter{}, fn)
			}
			write := importer.WriteXLSX
			if format == "csv" {
				write = importer.WriteCSV
			}
			if err := write(&buf, region.All(), each); err != nil {
				t.Fatal(err)
			}
			imp, outs := runImport(t, st, "export."+format, buf.Bytes(), importer.Options{})
			if s := imp.Summary; s.Total != 3 || s.Unchanged != 3 {
				t.Fatalf("round trip %+v, want 3 unchanged; rows %+v", s, outs)
			}
			if len(imp.UnknownColumns) != 0 {
				t.Errorf("export has columns the importer does not know: %q", imp.UnknownColumns)
			}
			n, _ := st.CountBusinesses(context.Background())
			if n != 3 {
				t.Errorf("%d businesses", n)
			}
		})
	}
}

func TestExportNeutralisesFormulasAndMasks(t *testing.T) {
	st := openStore(t)
	svc := registry.NewService(st, "36.04")
	seed(t, svc)
	pimpinan := auth.Actor{Username: "p", Role: auth.Pimpinan}
	var buf bytes.Buffer
	err := importer.WriteCSV(&buf, region.All(), func(fn func(*registry.Business) error) error {
		return svc.Each(context.Background(), pimpinan, registry.Filter{}, fn)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")) {
		t.Error("CSV lacks the UTF-8 BOM")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var sawFormula bool
	for _, rec := range recs[1:] {
		for _, v := range rec {
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				continue // a number (a negative latitude) is not a formula
			}
			if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
				t.Errorf("cell %q starts with a formula character", v)
			}
		}
		if rec[col["Nama Usaha"]] == `'=HYPERLINK("http://x")` {
			sawFormula = true
			if rec[col["NIK"]] != "3604**********01" || !strings.Contains(rec[col["No HP"]], "*") {
				t.Errorf("personal data not masked for pimpinan: NIK %q HP %q", rec[col["NIK"]], rec[col["No HP"]])
			}
		}
	}
	if !sawFormula {
		t.Error("neutralised formula cell not found")
	}
}

func TestTemplate(t *testing.T) {
	var buf bytes.Buffer
	if err := importer.WriteTemplate(&buf, region.All(), "36.04"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Data" || got[1] != "Daftar" || got[2] != "Petunjuk" {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetSheetVisible("Daftar"); v {
		t.Error("list sheet is visible")
	}
	hdr, _ := f.GetRows("Data")
	if len(hdr) == 0 || len(hdr[0]) != len(importer.TemplateColumns) {
		t.Fatalf("header %q", hdr)
	}
	h := importer.MapHeader(hdr[0], nil)
	if u := h.Unknown(); len(u) != 0 {
		t.Errorf("template headers unknown to the importer: %+v", u)
	}
	dvs, _ := f.GetDataValidations("Data")
	lists := map[string]bool{}
	for _, dv := range dvs {
		lists[dv.Formula1] = true
	}
	for _, want := range []string{"Daftar!$A$2:$A$30", "Daftar!$C$2:$C$22"} {
		if !lists[want] {
			t.Errorf("no dropdown referring to %s; have %v", want, lists)
		}
	}
	kec, _ := f.GetRows("Daftar")
	if len(kec) < 30 || kec[1][0] != "Anyar" {
		t.Errorf("kecamatan list: %d rows, first %q", len(kec), kec[1])
	}
	if ins, _ := f.GetCellValue("Petunjuk", "A1"); !strings.Contains(ins, "PETUNJUK") {
		t.Errorf("instructions: %q", ins)
	}
}
