package indicators_test

import (
	"errors"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/indicators"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
	"naikkelas/internal/store/storetest"
)

// TestStockTrends: the leaders' trends carry the register's stocks that
// have data, in the actor's reach, each explained; a class nobody is in,
// halal and retail without data are left out; a partner may not ask.
func TestStockTrends(t *testing.T) {
	ctx, st := t.Context(), storetest.OpenSQLite(t)
	set := services.New(st, "36.04")
	add := func(name, village string, revenue int64) {
		t.Helper()
		class, basis := registry.Classify(revenue, 0)
		b := &registry.Business{Name: name, OwnerName: "Pemilik " + name, VillageCode: village, Sector: "C", OwnerGender: "P",
			HalalStatus: registry.HalalNone, Status: registry.StatusActive, AnnualRevenue: revenue, SizeClass: class, SizeBasis: basis}
		m := &registry.Measurement{Year: set.Indicators.Now().Year(), AnnualRevenue: registry.Known(revenue),
			Source: registry.SourceOfficerVerified, SizeClass: class, SizeBasis: basis}
		if err := st.CreateBusiness(ctx, b, m, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "business"}); err != nil {
			t.Fatal(err)
		}
	}
	add("Emping", "36.04.15.2001", 500_000_000)    // Cikande, mikro
	add("Gerabah", "36.04.15.2002", 3_000_000_000) // Cikande, kecil
	add("Bandeng", "36.04.05.2001", 800_000_000)   // Kramatwatu, mikro
	add("Kopi", "36.04.05.2001", 1_200_000_000)    // Kramatwatu, mikro
	year := set.Indicators.Now().Year()
	cases := []struct {
		who  auth.Actor
		want map[string]int // this year's value of each stock trend shown
	}{
		{auth.Actor{Role: auth.Pimpinan}, map[string]int{"businesses": 4, "class_mikro": 3, "class_kecil": 1}},
		{auth.Actor{Role: auth.Admin}, map[string]int{"businesses": 4, "class_mikro": 3, "class_kecil": 1}},
		{auth.Actor{Role: auth.Operator, Regions: []string{"36.04.05"}}, map[string]int{"businesses": 2, "class_mikro": 2}},
	}
	for _, tc := range cases {
		trends, err := set.Indicators.Trends(ctx, tc.who)
		if err != nil {
			t.Fatalf("%s: %v", tc.who.Role, err)
		}
		got := map[string]int{}
		for _, tr := range trends {
			if !tr.Stock {
				continue
			}
			if len(tr.Years) != indicators.TrendYears || tr.Current().Year != year || tr.Note == "" {
				t.Errorf("%s: %s = %+v", tc.who.Role, tr.Key, tr)
			}
			got[tr.Key] = tr.Current().Value
			if tr.Previous().Value != 0 {
				t.Errorf("%s: %s last year = %d, want 0 (everything was created this year)", tc.who.Role, tr.Key, tr.Previous().Value)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: stock trends %v, want %v", tc.who.Role, got, tc.want)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%s: %s this year = %d, want %d", tc.who.Role, k, got[k], v)
			}
		}
	}
	_, err := set.Indicators.Trends(ctx, auth.Actor{Role: auth.Mitra, PartnerID: 1})
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.Forbidden {
		t.Errorf("a partner's trends: %v, want forbidden", err)
	}
}
