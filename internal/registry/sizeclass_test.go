package registry

import "testing"

func TestClassifyBoundaries(t *testing.T) {
	tests := []struct {
		name             string
		revenue, capital int64
		class, basis     string
	}{
		{"nothing known", 0, 0, "", ""},
		{"sales exactly 2 M is mikro", 2 * miliar, 0, Mikro, BasisRevenue},
		{"sales 2 M + 1 is kecil", 2*miliar + 1, 0, Kecil, BasisRevenue},
		{"sales exactly 15 M is kecil", 15 * miliar, 0, Kecil, BasisRevenue},
		{"sales 15 M + 1 is menengah", 15*miliar + 1, 0, Menengah, BasisRevenue},
		{"sales exactly 50 M is menengah", 50 * miliar, 0, Menengah, BasisRevenue},
		{"sales 50 M + 1 is besar", 50*miliar + 1, 0, Besar, BasisRevenue},
		{"sales decide over capital", 100 * juta, 8 * miliar, Mikro, BasisRevenue},
		{"capital exactly 1 M is mikro", 0, 1 * miliar, Mikro, BasisCapital},
		{"capital 1 M + 1 is kecil", 0, 1*miliar + 1, Kecil, BasisCapital},
		{"capital exactly 5 M is kecil", 0, 5 * miliar, Kecil, BasisCapital},
		{"capital 5 M + 1 is menengah", 0, 5*miliar + 1, Menengah, BasisCapital},
		{"capital exactly 10 M is menengah", 0, 10 * miliar, Menengah, BasisCapital},
		{"capital 10 M + 1 is besar", 0, 10*miliar + 1, Besar, BasisCapital},
		{"one rupiah of sales", 1, 0, Mikro, BasisRevenue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, b := Classify(tt.revenue, tt.capital)
			if c != tt.class || b != tt.basis {
				t.Fatalf("Classify(%d, %d) = %q/%q, want %q/%q", tt.revenue, tt.capital, c, b, tt.class, tt.basis)
			}
		})
	}
}

func TestClassRankOrders(t *testing.T) {
	if !(ClassRank(Mikro) < ClassRank(Kecil) && ClassRank(Kecil) < ClassRank(Menengah) && ClassRank(Menengah) < ClassRank(Besar)) {
		t.Fatal("class ranks are not ascending")
	}
	if ClassRank("") != 0 || ClassRank("raksasa") != 0 {
		t.Fatal("unknown class must rank 0")
	}
}
