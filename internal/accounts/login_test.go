package accounts_test

import (
	"context"
	"testing"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

// clock is a settable time for the throttle.
type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }

func TestLoginThrottlesPerUsernameAndAddress(t *testing.T) {
	svc, _, _ := newService(t)
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	svc.Now = clk.now
	for _, name := range []string{"budi", "siti"} {
		if _, err := svc.Create(ctx, auth.System, accounts.NewAccount{Username: name, Password: goodPW, Role: auth.Pimpinan}); err != nil {
			t.Fatal(err)
		}
	}
	const office, home = "203.0.113.5", "198.51.100.7"
	// Three free failures, then growing waits: 1 s, 2 s, 4 s, 8 s.
	for i, wantWait := range []time.Duration{0, 0, 0, 1, 2, 4, 8} {
		if _, err := svc.Login(ctx, "budi", "salah-sekali", office); !apperr.Is(err, apperr.Unauthorized) {
			t.Fatalf("failure %d: %v", i+1, err)
		}
		if got := svc.Throttle.Wait("budi", office); got != wantWait*time.Second {
			t.Fatalf("after failure %d: wait %v, want %v s", i+1, got, wantWait)
		}
		// During the wait even the right password is turned away, with the wait in the message.
		if wantWait > 0 {
			_, err := svc.Login(ctx, "budi", goodPW, office)
			if !apperr.Is(err, apperr.TooManyRequests) || apperr.MessageOf(err) == "" {
				t.Fatalf("right password during the wait: %v", err)
			}
			clk.add(wantWait * time.Second)
		}
	}
	// The same account from another address, and another account from the
	// same address, are not held up by the flood.
	if _, err := svc.Login(ctx, "budi", "salah-lagi", office); !apperr.Is(err, apperr.Unauthorized) {
		t.Fatal(err)
	}
	if u, err := svc.Login(ctx, "budi", goodPW, home); err != nil || u.Username != "budi" {
		t.Fatalf("budi from home: %v", err)
	}
	if u, err := svc.Login(ctx, "SITI", goodPW, office); err != nil || u.Username != "siti" {
		t.Fatalf("siti from the office: %v", err)
	}
	// After the wait the right password works and clears the count.
	wait := svc.Throttle.Wait("budi", office)
	if wait != 16*time.Second {
		t.Fatalf("wait after eight failures %v, want 16 s", wait)
	}
	clk.add(wait)
	if _, err := svc.Login(ctx, "budi", goodPW, office); err != nil {
		t.Fatalf("right password after the wait: %v", err)
	}
	if svc.Throttle.Wait("budi", office) != 0 {
		t.Fatal("success did not clear the count")
	}
}

func TestLoginRefusesUnknownAndDisabledAlike(t *testing.T) {
	svc, _, _ := newService(t)
	ctx := context.Background()
	admin, _ := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "admin", Password: goodPW, Role: auth.Admin})
	off, _ := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "pensiun", Password: goodPW, Role: auth.Pimpinan})
	if _, err := svc.Disable(ctx, auth.ActorOf(admin), off.ID); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, c := range []struct{ user, pw string }{{"tidak.ada", goodPW}, {"pensiun", goodPW}, {"admin", "salah-sekali"}} {
		_, err := svc.Login(ctx, c.user, c.pw, "192.0.2.1")
		if !apperr.Is(err, apperr.Unauthorized) {
			t.Fatalf("%s: %v", c.user, err)
		}
		msgs = append(msgs, apperr.MessageOf(err))
	}
	if msgs[0] != msgs[1] || msgs[1] != msgs[2] {
		t.Errorf("messages differ and tell which part was wrong: %q", msgs)
	}
}

func TestThrottleForgetsAndIsBounded(t *testing.T) {
	clk := &clock{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	th := accounts.NewThrottle(clk.now)
	for range 29 {
		clk.add(th.Failed("budi", "192.0.2.1"))
	}
	th.Failed("budi", "192.0.2.1")
	if w := th.Wait("budi", "192.0.2.1"); w != 15*time.Minute {
		t.Fatalf("wait after 30 failures %v, want the 15 min cap", w)
	}
	clk.add(31 * time.Minute)
	if w := th.Failed("budi", "192.0.2.1"); w != 0 {
		t.Fatalf("a failure half an hour after the last one waits %v, want a fresh count", w)
	}
}
