package web

import (
	"sync"
	"time"
)

// Login throttling limits. A username is locked after maxUserFailures
// failures within throttleWindow; an IP after maxIPFailures (an office may
// share one address, so its limit is higher). The lock lasts throttleWindow.
const (
	maxUserFailures = 5
	maxIPFailures   = 20
	throttleWindow  = 15 * time.Minute
)

// throttle counts failed logins per key in memory. Losing the counts on a
// restart is acceptable: it only slows guessing, bcrypt does the rest.
type throttle struct {
	mu   sync.Mutex
	now  func() time.Time
	fail map[string]*failures
}

type failures struct {
	count int
	first time.Time
}

func newThrottle(now func() time.Time) *throttle {
	return &throttle{now: now, fail: map[string]*failures{}}
}

// blocked reports whether any of the keys has reached its limit.
func (t *throttle) blocked(user, ip string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.over("u:"+user, maxUserFailures) || t.over("ip:"+ip, maxIPFailures)
}

func (t *throttle) over(key string, limit int) bool {
	f := t.fail[key]
	if f == nil {
		return false
	}
	if t.now().Sub(f.first) > throttleWindow {
		delete(t.fail, key)
		return false
	}
	return f.count >= limit
}

// failed records one failed login for the username and the IP.
func (t *throttle) failed(user, ip string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if len(t.fail) > 100_000 { // bound memory under a spray of usernames
		for k, f := range t.fail {
			if now.Sub(f.first) > throttleWindow {
				delete(t.fail, k)
			}
		}
	}
	for _, k := range []string{"u:" + user, "ip:" + ip} {
		f := t.fail[k]
		if f == nil || now.Sub(f.first) > throttleWindow {
			f = &failures{first: now}
			t.fail[k] = f
		}
		f.count++
	}
}

// succeeded clears the username's failures (not the IP's).
func (t *throttle) succeeded(user string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.fail, "u:"+user)
}
