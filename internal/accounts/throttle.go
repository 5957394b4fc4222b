package accounts

import (
	"strings"
	"sync"
	"time"
)

// Login throttling. Each (username, address) pair has its own count of
// failed sign-ins: after freeFailures, every further failure makes the pair
// wait longer before it may try again (1 s, 2 s, 4 s, … up to maxDelay).
// A flood against one account from one address therefore slows that pair
// only: the same person from another address, and every other user behind
// the same address (an office behind one proxy), still sign in. After the
// wait, the right password always works and clears the count.
const (
	freeFailures = 3
	firstDelay   = time.Second
	maxDelay     = 15 * time.Minute
	// forgetAfter is how long a pair's count survives without a new failure.
	forgetAfter = 2 * maxDelay
	// maxPairs bounds memory under a spray of usernames or addresses.
	maxPairs = 100_000
)

// Throttle counts failed sign-ins in memory. Losing the counts on a restart
// only lets guessing resume at bcrypt's pace.
type Throttle struct {
	mu    sync.Mutex
	now   func() time.Time
	pairs map[string]*failures
}

type failures struct {
	count int
	last  time.Time // latest failure
	until time.Time // no attempt before this
}

// NewThrottle returns an empty Throttle on the clock now.
func NewThrottle(now func() time.Time) *Throttle {
	return &Throttle{now: now, pairs: map[string]*failures{}}
}

func pairKey(username, address string) string {
	return strings.ToLower(username) + "\x00" + address
}

// Wait returns how long the pair must still wait before its next attempt;
// 0 means it may try now.
func (t *Throttle) Wait(username, address string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.pairs[pairKey(username, address)]
	if f == nil {
		return 0
	}
	return max(0, f.until.Sub(t.now()))
}

// Failed records a failed attempt of the pair and returns the wait it now has.
func (t *Throttle) Failed(username, address string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	k := pairKey(username, address)
	f := t.pairs[k]
	if f == nil || now.Sub(f.last) > forgetAfter {
		if len(t.pairs) >= maxPairs {
			t.prune(now)
		}
		f = &failures{}
		t.pairs[k] = f
	}
	f.count++
	f.last = now
	f.until = now.Add(delayAfter(f.count))
	return f.until.Sub(now)
}

// Succeeded clears the pair's count.
func (t *Throttle) Succeeded(username, address string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.pairs, pairKey(username, address))
}

// delayAfter is the wait after n failures in a row.
func delayAfter(n int) time.Duration {
	if n <= freeFailures {
		return 0
	}
	shift := n - freeFailures - 1
	if shift >= 20 {
		return maxDelay
	}
	return min(firstDelay<<shift, maxDelay)
}

// prune drops forgotten pairs, then, if still full, the pairs that have no
// wait yet: a spray of one guess per username never earns a delay anyway.
func (t *Throttle) prune(now time.Time) {
	for k, f := range t.pairs {
		if now.Sub(f.last) > forgetAfter {
			delete(t.pairs, k)
		}
	}
	if len(t.pairs) < maxPairs {
		return
	}
	for k, f := range t.pairs {
		if !f.until.After(now) {
			delete(t.pairs, k)
		}
	}
}
