package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/demo"
	"naikkelas/internal/store/engine"
)

type result struct {
	code           int
	stdout, stderr string
}

// run executes a command line in-process with NAIKKELAS_* unset.
func run(t testing.TB, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) (string, bool) { return "", false },
	})
	return result{code, out.String(), errb.String()}
}

// oneLineErr asserts a failure with exactly one line on stderr containing want.
func (r result) oneLineErr(t *testing.T, code int, want string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("stderr %q: want one line containing %q", r.stderr, want)
	}
	if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, ".go:") {
		t.Fatalf("stderr looks like a stack trace: %q", r.stderr)
	}
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "nk.db") }

func TestHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		r := run(t, "", args...)
		if r.code != ExitOK {
			t.Fatalf("%v: exit %d", args, r.code)
		}
		for _, c := range commands {
			if !strings.Contains(r.stdout, c.Name) {
				t.Errorf("%v: help lacks %q", args, c.Name)
			}
		}
	}
	r := run(t, "", "user", "add", "-h")
	if r.code != ExitOK || !strings.Contains(r.stdout, "-password-stdin") {
		t.Fatalf("user add -h: exit %d, %q", r.code, r.stdout)
	}
	r = run(t, "", "help", "backup")
	if r.code != ExitOK || !strings.Contains(r.stdout, "backup --db DB [--photo-dir DIR] FILE") {
		t.Fatalf("help backup: exit %d, %q", r.code, r.stdout)
	}
	if r := run(t, ""); r.code != ExitUsage || !strings.Contains(r.stderr, "serve") {
		t.Fatalf("no arguments: exit %d, %q", r.code, r.stderr)
	}
}

func TestUnknownCommandsAndFlags(t *testing.T) {
	run(t, "", "frobnicate").oneLineErr(t, ExitUsage, "tidak dikenal")
	run(t, "", "user", "delete").oneLineErr(t, ExitUsage, "tidak dikenal")
	run(t, "", "migrate", "--nope").oneLineErr(t, ExitUsage, "nope")
	run(t, "", "migrate", "extra").oneLineErr(t, ExitUsage, "extra")
	run(t, "", "serve", "--jurisdiction", "99.99", "--db", tempDB(t)).oneLineErr(t, ExitUsage, "99.99")
}

func TestPanicBecomesOneLine(t *testing.T) {
	saved := commands
	t.Cleanup(func() { commands = saved })
	commands = append(commands, Command{Name: "boom", Run: func(context.Context, *Env, *Command, []string) error {
		panic("something\nbroke")
	}})
	run(t, "", "boom").oneLineErr(t, ExitError, "kesalahan internal: something broke")
}

func TestMigrate(t *testing.T) {
	db := tempDB(t)
	r := run(t, "", "migrate", "--db", db)
	if r.code != ExitOK || !strings.Contains(r.stdout, "sqlite") {
		t.Fatalf("exit %d, out %q, err %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "migrate", "--db", db); r.code != ExitOK {
		t.Fatalf("second migrate: exit %d, %q", r.code, r.stderr)
	}
}

func TestUserAddAndTokenCreate(t *testing.T) {
	db := tempDB(t)
	r := run(t, "rahasia-admin-1\n", "user", "add", "--db", db, "--username", "admin", "--role", "admin", "--password-stdin")
	if r.code != ExitOK || !strings.Contains(r.stdout, "admin") {
		t.Fatalf("user add: exit %d, out %q, err %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, "", "token", "create", "--db", db, "--username", "admin")
	if r.code != ExitOK {
		t.Fatalf("token create: exit %d, %q", r.code, r.stderr)
	}
	token := strings.TrimSpace(r.stdout)
	if strings.Count(r.stdout, "\n") != 1 || len(token) < 40 {
		t.Fatalf("token output %q: want the token alone on one line", r.stdout)
	}

	ctx := context.Background()
	st, err := engine.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, u, err := st.TokenByHash(ctx, auth.HashSecret(token))
	if err != nil || u.Username != "admin" || u.Role != auth.Admin {
		t.Fatalf("token does not identify admin: %+v, %v", u, err)
	}
	if _, _, err := st.TokenByHash(ctx, token); err == nil {
		t.Fatal("the plain token must not be stored, only its hash")
	}
	if !auth.CheckPassword(u.PasswordHash, "rahasia-admin-1") {
		t.Fatal("password from stdin was not stored (hashed) as given")
	}
	if u.PasswordHash == "rahasia-admin-1" {
		t.Fatal("password stored in plain text")
	}
}

// TestUserAddPassesRulesThrough checks that `user add` hands its flags to
// the account service and reports its answer in flag names; the rules
// themselves are tested once, in internal/accounts.
func TestUserAddPassesRulesThrough(t *testing.T) {
	db := tempDB(t)
	ctx := context.Background()
	st, err := engine.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	items := demo.Generate(demo.Options{Count: 1})
	if err := st.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	bizID := items[0].Business.ID
	st.Close()
	base := []string{"user", "add", "--db", db, "--password-stdin"}
	ok := "Emping-Melinjo-77\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"no --password-stdin", ok, []string{"--username", "x3", "--role", "admin", "--password-stdin=false"}, ExitUsage, "--password-stdin"},
		{"fields in flag names", "pendek\n", []string{"--username", "ab", "--role", "operator", "--regions", "36.03.01"}, ExitUsage,
			"--username: Nama pengguna wajib: 3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka; " +
				"kata sandi (stdin): Kata sandi minimal 10 karakter; --regions: Kode 36.03.01"},
		{"business in flag names", ok, []string{"--username", "ow", "--role", "owner", "--business", "999999"}, ExitUsage, "--business: Usaha dengan ID 999999 tidak ada"},
		{"operator ok", ok, []string{"--username", "operator.cikande", "--role", "operator", "--regions", "36.04.15,36.04.16.2001"}, ExitOK, ""},
		{"owner ok", ok, []string{"--username", "pemilik", "--role", "owner", "--business", strconv.FormatInt(bizID, 10)}, ExitOK, ""},
		{"duplicate", ok, []string{"--username", "pemilik", "--role", "pimpinan"}, ExitError, "sudah dipakai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, append(append([]string{}, base...), tt.args...)...)
			if tt.code == ExitOK {
				if r.code != ExitOK {
					t.Fatalf("exit %d: %q", r.code, r.stderr)
				}
				return
			}
			r.oneLineErr(t, tt.code, tt.want)
		})
	}
	st, err = engine.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	op, err := st.UserByUsername(ctx, "operator.cikande")
	if err != nil || op.Role != auth.Operator || strings.Join(op.Regions, ",") != "36.04.15,36.04.16.2001" {
		t.Fatalf("operator stored as %+v, %v", op, err)
	}
	ow, err := st.UserByUsername(ctx, "pemilik")
	if err != nil || ow.BusinessID != bizID {
		t.Fatalf("owner stored as %+v, %v", ow, err)
	}
}

func TestTokenCreateErrors(t *testing.T) {
	run(t, "", "token", "create", "--db", tempDB(t), "--username", "siapa").oneLineErr(t, ExitError, "tidak ditemukan")
	db := tempDB(t)
	if r := run(t, "", "migrate", "--db", db); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	run(t, "", "token", "create", "--db", db, "--username", "siapa").oneLineErr(t, ExitError, "siapa")
	run(t, "", "token", "create", "--db", db).oneLineErr(t, ExitUsage, "--username")
}

// `serve --demo` refuses, with one line and exit 1, a database holding a
// real account, and refuses (exit 2) to put the demo on the network.
func TestServeDemoRefusals(t *testing.T) {
	db := tempDB(t)
	if r := run(t, "Kopi-Tubruk-2025\n", "user", "add", "--db", db, "--username", "admin.dinas", "--role", "admin", "--password-stdin"); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	run(t, "", "serve", "--demo", "--addr", "127.0.0.1:0", "--db", db).oneLineErr(t, ExitError, "--demo ditolak: basis data "+db+" sudah berisi 1 pengguna")
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.168.1.10:8080"} {
		run(t, "", "serve", "--demo", "--addr", addr, "--db", tempDB(t)).oneLineErr(t, ExitUsage, "hanya boleh pada alamat loopback")
	}
}

// token create --expires, token list and token revoke.
func TestTokenListAndRevoke(t *testing.T) {
	db := tempDB(t)
	if r := run(t, "Kopi-Tubruk-2025\n", "user", "add", "--db", db, "--username", "budi", "--role", "pimpinan", "--password-stdin"); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	r := run(t, "", "token", "create", "--db", db, "--username", "budi", "--expires", "90d")
	if r.code != ExitOK || !strings.Contains(r.stderr, "berlaku sampai") {
		t.Fatalf("token create --expires: exit %d, %q", r.code, r.stderr)
	}
	secret := strings.TrimSpace(r.stdout)
	if r := run(t, "", "token", "create", "--db", db, "--username", "budi"); r.code != ExitOK || !strings.Contains(r.stderr, "tanpa batas") {
		t.Fatalf("token create: exit %d, %q", r.code, r.stderr)
	}
	run(t, "", "token", "create", "--db", db, "--username", "budi", "--expires", "selamanya").oneLineErr(t, ExitUsage, "--expires")
	list := run(t, "", "token", "list", "--db", db, "--username", "budi")
	if list.code != ExitOK || strings.Count(list.stdout, "\n") != 3 || !strings.Contains(list.stdout, "TERAKHIR DIPAKAI") ||
		!strings.Contains(list.stdout, "tanpa batas") || !strings.Contains(list.stdout, "belum pernah") || strings.Contains(list.stdout, secret) {
		t.Fatalf("token list: exit %d\n%s", list.code, list.stdout)
	}
	r = run(t, "", "token", "revoke", "--db", db, "1")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Token 1 milik budi dicabut") {
		t.Fatalf("token revoke: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if list := run(t, "", "token", "list", "--db", db); !strings.Contains(list.stdout, "dicabut") {
		t.Errorf("list after revoke:\n%s", list.stdout)
	}
	run(t, "", "token", "revoke", "--db", db, "99").oneLineErr(t, ExitError, "Token 99 tidak ada")
	run(t, "", "token", "revoke", "--db", db).oneLineErr(t, ExitUsage, "ID token")
	run(t, "", "token", "list", "--db", db, "--username", "siapa").oneLineErr(t, ExitError, "siapa")
}
