package duplicates_test

import (
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
)

// TestMerge: by default the kept record keeps its values and fills its
// blanks from the merged one; a chosen field comes from the merged one; a
// permit number is never chosen over the kept one; only officers who reach
// both may merge; the merged pair is no longer proposed.
func TestMerge(t *testing.T) {
	svc, ids := setup(t)
	for _, c := range []struct {
		who  string
		err  error
		code apperr.Code
	}{
		{"pimpinan", mergeErr(svc, leader, ids[0], ids[1]), apperr.Forbidden},
		{"owner", mergeErr(svc, owner, ids[0], ids[1]), apperr.Forbidden},
		{"operator of another kecamatan", mergeErr(svc, kramat, ids[0], ids[1]), apperr.NotFound},
		{"operator, one business outside", mergeErr(svc, operator, ids[0], ids[4]), apperr.NotFound},
		{"the same business twice", mergeErr(svc, operator, ids[0], ids[0]), apperr.Invalid},
	} {
		if !apperr.Is(c.err, c.code) {
			t.Errorf("%s: %v, want %s", c.who, c.err, c.code)
		}
	}
	_, err := svc.Merge(ctx, operator, duplicates.MergeRequest{Keep: ids[1], Merge: ids[0], Fields: map[string]string{"nib": "merge"}})
	if !apperr.Is(err, apperr.Invalid) {
		t.Errorf("choosing a permit number: %v", err)
	}
	m, err := svc.Merge(ctx, operator, duplicates.MergeRequest{Keep: ids[1], Merge: ids[0],
		Fields: map[string]string{"owner_name": "merge", "name": "keep"}})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := svc.Registry.Get(ctx, operator, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if kept.Name != "EMPING MLINJO IBU ENAH" || kept.OwnerName != "Enah Suhaena" || kept.NIK != "3604154203750001" ||
		kept.Address != "Kp. Babakan RT 01/02" || kept.Phone != "+6281234567001" {
		t.Errorf("kept after merge: %+v", kept)
	}
	if want := []string{"owner_name", "nik", "address"}; len(m.Fields) != 3 || m.Fields[0] != want[0] || m.Fields[1] != want[1] || m.Fields[2] != want[2] {
		t.Errorf("fields taken = %v, want %v", m.Fields, want)
	}
	if _, err := svc.Registry.Get(ctx, admin, ids[0]); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("the merged business: %v, want not found", err)
	}
	pairs, err := svc.List(ctx, operator, "36.04.15", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		if p.A.ID == ids[0] || p.B.ID == ids[0] {
			t.Errorf("the merged business is still proposed: %d–%d", p.A.ID, p.B.ID)
		}
	}
	if _, err := svc.Undo(ctx, leader, m.ID); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan undoes: %v", err)
	}
	if _, err := svc.Undo(ctx, kramat, m.ID); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("operator of another kecamatan undoes: %v", err)
	}
	if _, err := svc.Undo(ctx, operator, m.ID); err != nil {
		t.Fatal(err)
	}
	if b, err := svc.Registry.Get(ctx, operator, ids[0]); err != nil || b.Name != "Emping Melinjo Bu Enah" {
		t.Errorf("merged business after undo: %+v, %v", b, err)
	}
}

func mergeErr(svc *duplicates.Service, a auth.Actor, keep, merge int64) error {
	_, err := svc.Merge(ctx, a, duplicates.MergeRequest{Keep: keep, Merge: merge})
	return err
}
