package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/app"
	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/cli"
	"naikkelas/internal/config"
	"naikkelas/internal/demo"
	"naikkelas/internal/programs"
	"naikkelas/internal/services"
	"naikkelas/internal/store/engine"
)

// accountInput is one account as a person would type it on every channel.
type accountInput struct {
	username, password, role, regions string
	business                          bool // link the seeded business
	absentBusiness                    bool // link a business that does not exist
	partner                           bool // link the seeded partner
	absentPartner                     bool // link a partner that does not exist
}

// answer is what a channel said: "created", "conflict" or "invalid" with
// the message of each refused field.
type answer struct {
	kind   string
	fields map[string]string
}

// TestAccountRulesSameOnEveryChannel gives the same inputs to the account
// service, the admin page, the API and `naikkelas user add`, each on its
// own identical database, and requires the same answer from all four.
func TestAccountRulesSameOnEveryChannel(t *testing.T) {
	inputs := []accountInput{
		{username: "operator.kibin", password: "Emping-Melinjo-77", role: "operator", regions: "36.04.16"},
		{username: "pemilik.baru", password: "Emping-Melinjo-77", role: "owner", business: true},
		{username: "ab", password: "Emping-Melinjo-77", role: "admin"},                             // the web refused it, the CLI took it
		{username: "budi", password: strings.Repeat("kopi", 20), role: "admin"},                    // 500 on the web, refused by the CLI
		{username: "kepala", password: "Emping-Melinjo-77", role: "pimpinan", regions: "36.04.15"}, // web took it, CLI refused it
		{username: "budi", password: "12345678", role: "admin"},
		{username: "budi", password: "budi", role: "admin"},
		{username: "budi", password: "          ", role: "admin"},
		{username: "budi", password: "bismillah123", role: "admin"},
		{username: "budi", password: "Emping-Melinjo-77", role: "raja"},
		{username: "budi", password: "Emping-Melinjo-77", role: "operator"},
		{username: "budi", password: "Emping-Melinjo-77", role: "operator", regions: "36.03.01"},
		{username: "budi", password: "Emping-Melinjo-77", role: "owner", absentBusiness: true},
		{username: "budi", password: "Emping-Melinjo-77", role: "admin", business: true},
		{username: "admin", password: "Emping-Melinjo-77", role: "pimpinan"}, // taken by the seeded admin
		{username: "A", password: "1", role: "operator", regions: "99.99"},
		{username: "mitra.bank", password: "Emping-Melinjo-77", role: "mitra", partner: true},
		{username: "budi", password: "Emping-Melinjo-77", role: "mitra"},
		{username: "budi", password: "Emping-Melinjo-77", role: "mitra", absentPartner: true},
		{username: "budi", password: "Emping-Melinjo-77", role: "mitra", partner: true, business: true, regions: "36.04.15"},
		{username: "budi", password: "Emping-Melinjo-77", role: "pimpinan", partner: true},
		{username: "budi", password: "Emping-Melinjo-77", role: "owner", business: true, partner: true},
	}
	channels := []struct {
		name string
		open func(t *testing.T) func(accountInput) answer
	}{
		{"service", serviceChannel}, {"web", webChannel}, {"api", apiChannel}, {"cli", cliChannel},
	}
	answers := make([][]answer, len(channels))
	for i, c := range channels {
		call := c.open(t)
		for _, in := range inputs {
			answers[i] = append(answers[i], call(in))
		}
	}
	for j, in := range inputs {
		ref := answers[0][j]
		for i, c := range channels[1:] {
			got := answers[i+1][j]
			if got.kind != ref.kind || !sameFields(got.fields, ref.fields) {
				t.Errorf("%+v: %s answered %+v, the service %+v", in, c.name, got, ref)
			}
		}
	}
	if kinds := answerKinds(answers[0]); kinds["created"] != 3 || kinds["conflict"] != 1 || kinds["invalid"] != len(inputs)-4 {
		t.Errorf("service answers %v: the table no longer covers what it means to", kinds)
	}
}

func sameFields(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func answerKinds(as []answer) map[string]int {
	m := map[string]int{}
	for _, a := range as {
		m[a.kind]++
	}
	return m
}

const seededAdminPassword = "Admin-Kabupaten-2025"

// seeded is a fresh database with one business, one partner and the
// account "admin".
type seeded struct {
	path     string
	business int64
	partner  int64
	admin    *auth.User
}

func seedDB(t *testing.T) seeded {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nk.db")
	st, err := engine.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	items := demo.Generate(demo.Options{Count: 1})
	if err := st.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	admin, err := accounts.NewService(st, "36.04").Create(ctx, auth.System,
		accounts.NewAccount{Username: "admin", Password: seededAdminPassword, Role: auth.Admin})
	if err != nil {
		t.Fatal(err)
	}
	pt, err := services.New(st, "36.04").Programs.SavePartner(ctx, auth.System, &programs.Partner{Name: "Bank Daerah", Kind: "bank"})
	if err != nil {
		t.Fatal(err)
	}
	return seeded{path: path, business: items[0].Business.ID, partner: pt.ID, admin: admin}
}

// linked is the id an input links to: the seeded record, one that does
// not exist, or none.
func linked(seededOne, absent bool, id int64) int64 {
	switch {
	case seededOne:
		return id
	case absent:
		return 999999
	}
	return 0
}

func (s seeded) businessOf(in accountInput) int64 {
	return linked(in.business, in.absentBusiness, s.business)
}
func (s seeded) partnerOf(in accountInput) int64 {
	return linked(in.partner, in.absentPartner, s.partner)
}

func serviceChannel(t *testing.T) func(accountInput) answer {
	db := seedDB(t)
	st, err := engine.Open(context.Background(), db.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := accounts.NewService(st, "36.04")
	return func(in accountInput) answer {
		_, err := svc.Create(context.Background(), auth.ActorOf(db.admin), accounts.NewAccount{Username: in.username,
			Password: in.password, Role: auth.Role(in.role), Regions: auth.ParseRegions(in.regions), BusinessID: db.businessOf(in),
			PartnerID: db.partnerOf(in)})
		switch {
		case err == nil:
			return answer{kind: "created"}
		case apperr.Is(err, apperr.Conflict):
			return answer{kind: "conflict"}
		case apperr.Is(err, apperr.Invalid):
			return answer{kind: "invalid", fields: apperr.FieldsOf(err)}
		}
		t.Fatalf("service: %v", err)
		return answer{}
	}
}

// bootApp starts the real application on db and returns its handler with
// the admin's session cookie and API token.
func bootApp(t *testing.T, db seeded) (http.Handler, *http.Cookie, string) {
	t.Helper()
	ctx := context.Background()
	cfg := config.Default()
	cfg.Addr, cfg.DB = "127.0.0.1:0", db.path
	a, err := app.New(ctx, cfg, app.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))), app.WithOutput(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	plain, hash := auth.NewSecret()
	if err := a.Store().CreateSession(ctx, hash, db.admin.ID, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	token, thash := auth.NewSecret()
	if err := a.Store().CreateToken(ctx, &auth.Token{UserID: db.admin.ID, Hash: thash}, nil); err != nil {
		t.Fatal(err)
	}
	return a.Handler(), &http.Cookie{Name: "naikkelas_sesi", Value: plain}, token
}

var fieldError = regexp.MustCompile(`(?s)<div class="field invalid"><label for="u-([a-z]+)">.*?<p class="ferr">(.*?)</p>`)

func webChannel(t *testing.T) func(accountInput) answer {
	db := seedDB(t)
	h, cookie, _ := bootApp(t, db)
	return func(in accountInput) answer {
		form := url.Values{"username": {in.username}, "password": {in.password}, "role": {in.role}, "regions": {in.regions}}
		if id := db.businessOf(in); id != 0 {
			form.Set("business_id", strconv.FormatInt(id, 10))
		}
		if id := db.partnerOf(in); id != 0 {
			form.Set("partner_id", strconv.FormatInt(id, 10))
		}
		r := httptest.NewRequest("POST", "/admin/pengguna", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.AddCookie(cookie)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		switch w.Code {
		case http.StatusSeeOther:
			return answer{kind: "created"}
		case http.StatusUnprocessableEntity:
			fields := map[string]string{}
			for _, m := range fieldError.FindAllStringSubmatch(w.Body.String(), -1) {
				name := m[1]
				if name == "business" || name == "partner" {
					name += "_id"
				}
				fields[name] = html.UnescapeString(m[2])
			}
			if len(fields) == 1 && strings.Contains(fields["username"], "sudah dipakai") {
				return answer{kind: "conflict"}
			}
			return answer{kind: "invalid", fields: fields}
		}
		t.Fatalf("web: status %d: %.300s", w.Code, w.Body.String())
		return answer{}
	}
}

func apiChannel(t *testing.T) func(accountInput) answer {
	db := seedDB(t)
	h, _, token := bootApp(t, db)
	return func(in accountInput) answer {
		body, _ := json.Marshal(map[string]any{"username": in.username, "password": in.password, "role": in.role,
			"regions": auth.ParseRegions(in.regions), "business_id": db.businessOf(in),
			"partner_id": db.partnerOf(in)})
		r := httptest.NewRequest("POST", "/api/v1/users", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var out struct {
			Fields map[string]string `json:"fields"`
		}
		_ = json.Unmarshal(w.Body.Bytes(), &out)
		switch w.Code {
		case http.StatusCreated:
			return answer{kind: "created"}
		case http.StatusConflict:
			return answer{kind: "conflict"}
		case http.StatusUnprocessableEntity:
			return answer{kind: "invalid", fields: out.Fields}
		}
		t.Fatalf("api: status %d: %s", w.Code, w.Body.String())
		return answer{}
	}
}

// cliFields maps the names `user add` gives its fields back to the service's.
var cliFields = map[string]string{"--username": "username", "kata sandi (stdin)": "password", "--role": "role",
	"--regions": "regions", "--business": "business_id", "--partner": "partner_id"}

func cliChannel(t *testing.T) func(accountInput) answer {
	db := seedDB(t)
	return func(in accountInput) answer {
		args := []string{"user", "add", "--db", db.path, "--username", in.username, "--role", in.role, "--password-stdin"}
		if in.regions != "" {
			args = append(args, "--regions", in.regions)
		}
		if id := db.businessOf(in); id != 0 {
			args = append(args, "--business", strconv.FormatInt(id, 10))
		}
		if id := db.partnerOf(in); id != 0 {
			args = append(args, "--partner", strconv.FormatInt(id, 10))
		}
		var out, errb bytes.Buffer
		code := cli.Main(context.Background(), args, cli.Env{Stdin: strings.NewReader(in.password + "\n"),
			Stdout: &out, Stderr: &errb, Getenv: func(string) (string, bool) { return "", false }})
		msg := strings.TrimSpace(strings.TrimPrefix(errb.String(), "naikkelas user add: "))
		switch code {
		case cli.ExitOK:
			return answer{kind: "created"}
		case cli.ExitError:
			if strings.Contains(msg, "sudah dipakai") {
				return answer{kind: "conflict"}
			}
		case cli.ExitUsage:
			fields := map[string]string{}
			for _, part := range strings.Split(msg, "; ") {
				name, text, _ := strings.Cut(part, ": ")
				fields[cliFields[name]] = text
			}
			return answer{kind: "invalid", fields: fields}
		}
		t.Fatalf("cli: exit %d: %s", code, errb.String())
		return answer{}
	}
}
