package web

import (
	"strings"
	"testing"
)

// TestAPIUsers checks that the user API passes input to the account
// service and never shows a password hash; the rules are tested in
// internal/accounts and across channels in internal/app.
func TestAPIUsers(t *testing.T) {
	f := newFixture(t)
	runScenarios(t, f, []scenario{
		{name: "list", rq: request{Method: "GET", Path: "/api/v1/users", Role: "admin"}, status: 200,
			contains: []string{`"username":"operator.cikande"`, `"regions":["36.04.15"]`, `"regions":[]`}, absent: []string{"password", "$2a$"}},
		{name: "create", rq: request{Method: "POST", Path: "/api/v1/users", Role: "admin",
			Body: `{"username":"Petugas.Kibin","password":"Kopi-Tubruk-2025","role":"operator","regions":["36.04.16"]}`}, status: 201,
			contains: []string{`"username":"petugas.kibin"`, `"role":"operator"`}, absent: []string{"Kopi-Tubruk", "$2a$"}},
		{name: "refused fields", rq: request{Method: "POST", Path: "/api/v1/users", Role: "admin",
			Body: `{"username":"x","password":"` + strings.Repeat("kopi", 20) + `","role":"pimpinan","regions":["36.04.15"]}`}, status: 422,
			contains: []string{`"username":`, `"password":"Kata sandi paling panjang 72 byte`, `"regions":"Wilayah tugas hanya untuk peran operator"`}},
		{name: "taken", rq: request{Method: "POST", Path: "/api/v1/users", Role: "admin",
			Body: `{"username":"pimpinan","password":"Kopi-Tubruk-2025","role":"pimpinan"}`}, status: 409, contains: []string{"sudah dipakai"}},
		{name: "bad JSON", rq: request{Method: "POST", Path: "/api/v1/users", Role: "admin", Body: `{"username":`}, status: 422},
	})
}
