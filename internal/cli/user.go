package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/config"
	"naikkelas/internal/region"
)

var userAddCommand = Command{
	Name:    "user add",
	Args:    "--db DB --username U --role admin|operator|pimpinan|owner [--regions 36.04.15,36.04.16] [--business ID] --password-stdin",
	Summary: "tambah pengguna (kata sandi dibaca dari stdin)",
	Run:     runUserAdd,
}

// MinPasswordLen is the shortest password an account may have.
const MinPasswordLen = 8

// maxPasswordBytes is bcrypt's limit; longer input would be cut silently.
const maxPasswordBytes = 72

var usernameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

type userAddArgs struct {
	username, role, regions string
	business                int64
	passwordStdin           bool
}

func runUserAdd(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg := config.FromEnv(env.Getenv)
	fs := flags(c)
	cfg.BindDB(fs)
	cfg.BindJurisdiction(fs)
	var a userAddArgs
	fs.StringVar(&a.username, "username", "", "nama pengguna (huruf kecil, angka, . _ -)")
	fs.StringVar(&a.role, "role", "", "peran: admin, operator, pimpinan atau owner")
	fs.StringVar(&a.regions, "regions", "", "operator: kode kecamatan/desa dipisah koma, mis. 36.04.15,36.04.16")
	fs.Int64Var(&a.business, "business", 0, "owner: ID usaha miliknya")
	fs.BoolVar(&a.passwordStdin, "password-stdin", false, "baca kata sandi dari baris pertama stdin")
	pos, err := parse(env, c, fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(pos); err != nil {
		return err
	}
	if err := config.ValidateJurisdiction(cfg.Jurisdiction); err != nil {
		return usageError{err.Error()}
	}
	u, err := a.user(cfg.Jurisdiction)
	if err != nil {
		return err
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
	if u.BusinessID != 0 {
		if _, err := st.GetBusiness(ctx, u.BusinessID); apperr.Is(err, apperr.NotFound) {
			return fmt.Errorf("usaha dengan ID %d tidak ada", u.BusinessID)
		} else if err != nil {
			return err
		}
	}
	if u.PasswordHash, err = auth.HashPassword(pw); err != nil {
		return err
	}
	if err := st.CreateUser(ctx, u); apperr.Is(err, apperr.Conflict) {
		return fmt.Errorf("nama pengguna %q sudah dipakai", u.Username)
	} else if err != nil {
		return err
	}
	after, _ := json.Marshal(map[string]any{"username": u.Username, "role": u.Role, "regions": u.Regions, "business_id": u.BusinessID})
	if err := st.AppendAudit(ctx, &audit.Entry{Username: auth.System.Username, Action: audit.Create, Entity: "user", EntityID: u.ID, After: after}); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Pengguna %s (%s) dibuat, ID %d.\n", u.Username, auth.RoleLabel(u.Role), u.ID)
	return nil
}

// user checks the flags against the roles' rules and builds the account.
func (a userAddArgs) user(jurisdiction string) (*auth.User, error) {
	if !a.passwordStdin {
		return nil, usagef("kata sandi harus diberikan lewat stdin dengan --password-stdin")
	}
	if !usernameRe.MatchString(a.username) {
		return nil, usagef("--username wajib: 2–64 karakter huruf kecil, angka, titik, garis bawah atau tanda hubung")
	}
	role := auth.Role(a.role)
	if !auth.ValidRole(role) {
		return nil, usagef("--role %q tidak dikenal; pilih admin, operator, pimpinan atau owner", a.role)
	}
	u := &auth.User{Username: a.username, Role: role, Regions: auth.ParseRegions(a.regions), BusinessID: a.business}
	switch {
	case role == auth.Operator && len(u.Regions) == 0:
		return nil, usagef("operator wajib punya --regions (kode kecamatan atau desa)")
	case role != auth.Operator && len(u.Regions) > 0:
		return nil, usagef("--regions hanya untuk peran operator")
	case role == auth.Owner && a.business <= 0:
		return nil, usagef("owner wajib punya --business (ID usaha)")
	case role != auth.Owner && a.business != 0:
		return nil, usagef("--business hanya untuk peran owner")
	}
	dir := region.All()
	for _, code := range u.Regions {
		r, ok := dir.Get(code)
		if !ok || (r.Level != region.District && r.Level != region.Village) {
			return nil, usagef("--regions: %q bukan kode kecamatan atau desa yang dikenal", code)
		}
		if !region.Within(code, jurisdiction) {
			return nil, usagef("--regions: %s (%s) di luar wilayah instansi %s", code, r.Name, jurisdiction)
		}
	}
	return u, nil
}

// readPassword takes the first line of r, without its line ending.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("membaca kata sandi dari stdin: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLen:
		return "", usagef("kata sandi minimal %d karakter", MinPasswordLen)
	case len(pw) > maxPasswordBytes:
		return "", usagef("kata sandi maksimal %d byte", maxPasswordBytes)
	}
	return pw, nil
}
