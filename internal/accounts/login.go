package accounts

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

var errBadLogin = apperr.New(apperr.Unauthorized, "Nama pengguna atau kata sandi salah.")

// dummyHash is compared against when the username is unknown or disabled,
// so that such a sign-in costs the same bcrypt work as a real one and its
// timing does not tell which usernames exist.
var dummyHash = sync.OnceValue(func() string {
	plain, _ := auth.NewSecret()
	h, err := auth.HashPassword(plain[:40])
	if err != nil {
		panic(err) // bcrypt fails only on passwords over 72 bytes
	}
	return h
})

// Login checks a sign-in of username with password from address (the
// client's IP). It returns the user; Unauthorized with one message for
// any wrong username, password or disabled account; or TooManyRequests
// while the (username, address) pair must wait after repeated failures.
func (s *Service) Login(ctx context.Context, username, password, address string) (*auth.User, error) {
	name := strings.ToLower(strings.TrimSpace(username))
	if wait := s.Throttle.Wait(name, address); wait > 0 {
		return nil, tooMany(wait)
	}
	u, err := s.Store.UserByUsername(ctx, name)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return nil, err
	}
	hash := dummyHash()
	if u != nil {
		hash = u.PasswordHash
	}
	ok := auth.CheckPassword(hash, password)
	if u == nil || u.Disabled || !ok {
		s.Throttle.Failed(name, address)
		return nil, errBadLogin
	}
	s.Throttle.Succeeded(name, address)
	return u, nil
}

func tooMany(wait time.Duration) error {
	secs := int((wait + time.Second - 1) / time.Second)
	when := fmt.Sprintf("%d detik", secs)
	if secs >= 60 {
		when = fmt.Sprintf("%d menit", (secs+59)/60)
	}
	return apperr.New(apperr.TooManyRequests,
		"Terlalu banyak percobaan masuk yang gagal untuk akun ini dari alamat ini. Coba lagi dalam %s.", when)
}
