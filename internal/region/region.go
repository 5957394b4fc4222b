// Package region holds the embedded Kemendagri 2025 hierarchy of Indonesian
// regions (province › regency › district › village) and the KBLI 2020
// categories. It is loaded once and read-only afterwards, so it is safe for
// concurrent use.
package region

import (
	_ "embed"
	"encoding/csv"
	"sort"
	"strings"
	"sync"
)

//go:embed data/wilayah_indonesia.csv
var wilayahCSV string

//go:embed data/kbli2020_kategori.csv
var kbliCSV string

//go:embed data/serang_kecamatan.geojson
var serangGeoJSON []byte

// Level names used by the API.
const (
	Province = "province"
	Regency  = "regency"
	District = "district"
	Village  = "village"
)

// Region is one administrative area.
type Region struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Level  string `json:"level"`
	Parent string `json:"parent"`
}

// Directory is the loaded hierarchy.
type Directory struct {
	byCode   map[string]Region
	children map[string][]Region // parent code ("" for top) → children, sorted by code
}

var (
	once sync.Once
	dir  *Directory
)

var levelOf = map[string]string{"provinsi": Province, "kabupaten": Regency, "kecamatan": District, "desa": Village}

// All returns the embedded directory, parsing it on first use.
func All() *Directory {
	once.Do(func() { dir = parse(wilayahCSV) })
	return dir
}

func parse(src string) *Directory {
	r := csv.NewReader(strings.NewReader(src))
	recs, err := r.ReadAll()
	if err != nil {
		panic("region: embedded CSV is corrupt: " + err.Error())
	}
	d := &Directory{byCode: make(map[string]Region, len(recs)), children: map[string][]Region{}}
	for _, rec := range recs[1:] {
		lv, ok := levelOf[rec[2]]
		if !ok {
			continue
		}
		reg := Region{Code: rec[0], Name: rec[1], Level: lv, Parent: rec[3]}
		d.byCode[reg.Code] = reg
		d.children[reg.Parent] = append(d.children[reg.Parent], reg)
	}
	for _, c := range d.children {
		sort.Slice(c, func(i, j int) bool { return c[i].Code < c[j].Code })
	}
	return d
}

// Get returns the region with the given code.
func (d *Directory) Get(code string) (Region, bool) {
	r, ok := d.byCode[code]
	return r, ok
}

// Name returns the region's name, or the code itself when unknown.
func (d *Directory) Name(code string) string {
	if r, ok := d.byCode[code]; ok {
		return r.Name
	}
	return code
}

// Children returns the direct children of parent ("" for provinces).
func (d *Directory) Children(parent string) []Region { return d.children[parent] }

// Within reports whether code lies inside (or equals) area. An empty area is
// all of Indonesia. Codes are dotted, so prefix matching on "area." is exact.
func Within(code, area string) bool {
	if area == "" {
		return true
	}
	return code == area || strings.HasPrefix(code, area+".")
}

// DistrictOf returns the district (kecamatan) code of a village or district code.
func DistrictOf(code string) string {
	parts := strings.Split(code, ".")
	if len(parts) < 3 {
		return ""
	}
	return strings.Join(parts[:3], ".")
}

// Districts returns all districts inside area (a regency, a province, or "" for all).
func (d *Directory) Districts(area string) []Region { return d.within(area, District) }

// Villages returns all villages inside area.
func (d *Directory) Villages(area string) []Region { return d.within(area, Village) }

// within returns the regions of one level inside area, in walk order.
func (d *Directory) within(area, level string) []Region {
	var out []Region
	d.walk(area, func(r Region) {
		if r.Level == level {
			out = append(out, r)
		}
	})
	return out
}

func (d *Directory) walk(area string, fn func(Region)) {
	for _, c := range d.children[area] {
		fn(c)
		d.walk(c.Code, fn)
	}
}

// Sector is a KBLI 2020 top-level category.
type Sector struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

var (
	sectorsOnce sync.Once
	sectors     []Sector
)

// Sectors returns the 21 KBLI categories A–U.
func Sectors() []Sector {
	sectorsOnce.Do(func() {
		recs, err := csv.NewReader(strings.NewReader(kbliCSV)).ReadAll()
		if err != nil {
			panic("region: embedded KBLI CSV is corrupt: " + err.Error())
		}
		for _, r := range recs[1:] {
			sectors = append(sectors, Sector{Code: r[0], Name: r[1]})
		}
	})
	return sectors
}

// SectorName returns the name of a KBLI category, or "" when unknown.
func SectorName(code string) string {
	for _, s := range Sectors() {
		if s.Code == code {
			return s.Name
		}
	}
	return ""
}

// SerangGeoJSON returns the simplified kecamatan boundaries of Kabupaten Serang.
func SerangGeoJSON() []byte { return serangGeoJSON }
