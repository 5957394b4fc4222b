package accounts

import (
	"testing"

	"golang.org/x/crypto/bcrypt"

	"naikkelas/internal/auth"
)

// An unknown or disabled username is compared against dummyHash: it must
// cost the same bcrypt work as a real account's hash, or the timing of a
// refusal tells which usernames exist. Login compares every sign-in against
// a hash, this one when there is no account, so equal cost is equal time.
func TestDummyHashCostsAsMuchAsARealOne(t *testing.T) {
	real, err := auth.HashPassword("Kopi-Tubruk-2025")
	if err != nil {
		t.Fatal(err)
	}
	dc, err1 := bcrypt.Cost([]byte(dummyHash()))
	rc, err2 := bcrypt.Cost([]byte(real))
	if err1 != nil || err2 != nil || dc != rc || dc < bcrypt.DefaultCost {
		t.Fatalf("dummy hash cost %d (%v), a real hash %d (%v)", dc, err1, rc, err2)
	}
}
