package auth

import "testing"

func TestActorReach(t *testing.T) {
	op := Actor{Role: Operator, Regions: []string{"36.04.15", "36.04.16.2003"}}
	cases := []struct {
		a       Actor
		id      int64
		village string
		want    bool
	}{
		{op, 1, "36.04.15.2001", true},
		{op, 1, "36.04.16.2003", true},
		{op, 1, "36.04.16.2004", false},
		{op, 1, "36.04.05.2001", false},
		{Actor{Role: Operator}, 1, "36.04.15.2001", false}, // no regions: nothing
		{Actor{Role: Admin}, 1, "36.01.01.2001", true},
		{Actor{Role: Pimpinan}, 1, "36.04.15.2001", true},
		{Actor{Role: Owner, BusinessID: 7}, 7, "36.04.15.2001", true},
		{Actor{Role: Owner, BusinessID: 7}, 8, "36.04.15.2001", false},
		{Actor{Role: Owner}, 0, "36.04.15.2001", false},
	}
	for i, c := range cases {
		if got := c.a.Reaches(c.id, c.village); got != c.want {
			t.Errorf("case %d: Reaches = %v, want %v", i, got, c.want)
		}
	}
	if (Actor{Role: Pimpinan}).CanWrite() || !(Actor{Role: Owner}).CanWrite() || (Actor{Role: Pimpinan}).SeesPersonalData() {
		t.Fatal("role permissions wrong")
	}
	// Personal data is for the roles named; nobody else, a role added
	// later or no role at all, sees it unmasked or searches by it.
	for role, want := range map[Role]bool{Admin: true, Operator: true, Owner: true, Pimpinan: false, "": false, "mitra": false} {
		if got := (Actor{Role: role}).SeesPersonalData(); got != want {
			t.Errorf("SeesPersonalData(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestPasswordsAndSecrets(t *testing.T) {
	h, err := HashPassword("rahasia-sekali")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "rahasia-sekali") || CheckPassword(h, "rahasia-sekalI") {
		t.Fatal("password check wrong")
	}
	p1, h1 := NewSecret()
	p2, _ := NewSecret()
	if p1 == p2 || HashSecret(p1) != h1 || h1 == p1 || len(p1) < 40 {
		t.Fatal("secrets are not random or not hashed")
	}
	if got := ParseRegions(" 36.04.15, ,36.04.16 "); len(got) != 2 || got[1] != "36.04.16" {
		t.Fatalf("ParseRegions = %v", got)
	}
}
