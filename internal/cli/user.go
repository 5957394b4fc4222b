package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"naikkelas/internal/accounts"
	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/config"
	"naikkelas/internal/services"
)

type userAddArgs struct {
	username, role, regions string
	business, partner       int64
	passwordStdin           bool
}

// runUserAdd reads the flags and the password and hands them to the
// account service, which holds every rule; this command only translates
// the service's field names back into flag names.
func runUserAdd(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fs := dbFlags(env, c)
	cfg.BindJurisdiction(fs)
	var a userAddArgs
	fs.StringVar(&a.username, "username", "", "nama pengguna (huruf kecil, angka, . _ -)")
	fs.StringVar(&a.role, "role", "", "peran: admin, operator, pimpinan, owner atau mitra")
	fs.StringVar(&a.regions, "regions", "", "operator: kode kecamatan/desa dipisah koma, mis. 36.04.15,36.04.16")
	fs.Int64Var(&a.business, "business", 0, "owner: ID usaha miliknya")
	fs.Int64Var(&a.partner, "partner", 0, "mitra: ID mitra (bank, ritel, CSR…) yang diwakilinya")
	fs.BoolVar(&a.passwordStdin, "password-stdin", false, "baca kata sandi dari baris pertama stdin")
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	if err := config.ValidateJurisdiction(cfg.Jurisdiction); err != nil {
		return usageError{err.Error()}
	}
	if !a.passwordStdin {
		return usagef("kata sandi harus diberikan lewat stdin dengan --password-stdin")
	}
	pw, err := readPassword(env.Stdin)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB, false)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := services.New(st, cfg.Jurisdiction).Accounts
	u, err := svc.Create(ctx, auth.System, accounts.NewAccount{Username: a.username, Password: pw,
		Role: auth.Role(a.role), Regions: auth.ParseRegions(a.regions), BusinessID: a.business, PartnerID: a.partner})
	if err != nil {
		return accountError(err)
	}
	fmt.Fprintf(env.Stdout, "Pengguna %s (%s) dibuat, ID %d.\n", u.Username, auth.RoleLabel(u.Role), u.ID)
	return nil
}

// accountFlags names, for each field of the account service, the flag (or
// input) of `user add` that carries it, in the order of the synopsis.
var accountFlags = []struct{ field, flag string }{
	{"username", "--username"}, {"password", "kata sandi (stdin)"}, {"role", "--role"},
	{"regions", "--regions"}, {"business_id", "--business"}, {"partner_id", "--partner"},
}

// accountError turns the service's per-field messages into one line of
// flag names; a refused input is a usage error (exit 2).
func accountError(err error) error {
	fields := apperr.FieldsOf(err)
	if !apperr.Is(err, apperr.Invalid) || len(fields) == 0 {
		return err
	}
	var parts []string
	for _, f := range accountFlags {
		if msg, ok := fields[f.field]; ok {
			parts = append(parts, f.flag+": "+msg)
		}
	}
	return usageError{strings.Join(parts, "; ")}
}

// readPassword takes the first line of r, without its line ending. The
// account service judges it.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("membaca kata sandi dari stdin: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
