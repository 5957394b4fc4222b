// Package cli implements the naikkelas command line: a small table of
// subcommands (commands.go), each in its own file. Every command reports
// failure as one line on stderr and a non-zero exit status, never a stack
// trace; outside scripts rely on the names and the exit codes.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"naikkelas/internal/config"
	"os"
	"slices"
	"strings"

	"naikkelas/internal/apperr"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed
	ExitUsage = 2 // unknown command, bad flag or missing argument
)

// Env is the outside world of one invocation, so tests can run commands
// in-process with captured output.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) (string, bool) // os.LookupEnv in production
}

// Command is one subcommand. Name may have two words ("user add"); Args is
// the synopsis after the name and Summary the line in the command list. Run
// receives the Command itself, for its help text.
type Command struct {
	Name    string
	Args    string
	Summary string
	Run     func(ctx context.Context, env *Env, c *Command, args []string) error
}

// usageError marks errors that exit with ExitUsage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errHelpShown ends a command whose help was requested: exit 0.
var errHelpShown = errors.New("help shown")

// Main runs the command line args (without the program name) and returns the
// exit status. It recovers panics into a one-line message.
func Main(ctx context.Context, args []string, env Env) (code int) {
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if env.Getenv == nil {
		env.Getenv = os.LookupEnv
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(env.Stderr, "naikkelas: kesalahan internal: "+oneLine(fmt.Sprint(r)))
			code = ExitError
		}
	}()
	if len(args) == 0 {
		printHelp(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, _ := lookup(args[1:]); c != nil {
				return Main(ctx, append(strings.Fields(c.Name), "-h"), env)
			}
		}
		printHelp(env.Stdout)
		return ExitOK
	}
	c, rest := lookup(args)
	if c == nil {
		fmt.Fprintf(env.Stderr, "naikkelas: perintah tidak dikenal: %q (lihat `naikkelas help`)\n", strings.Join(args[:min(2, len(args))], " "))
		return ExitUsage
	}
	err := c.Run(ctx, &env, c, rest)
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return ExitOK
	}
	fmt.Fprintln(env.Stderr, "naikkelas "+c.Name+": "+describe(err))
	var ue usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitError
}

// lookup finds the command whose words prefix args, longest name first.
func lookup(args []string) (*Command, []string) {
	var best *Command
	n := 0
	for i := range commands {
		w := strings.Fields(commands[i].Name)
		if len(w) > n && len(args) >= len(w) && slices.Equal(args[:len(w)], w) {
			best, n = &commands[i], len(w)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, args[n:]
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "naikkelas: register UMKM dan pembinaan naik kelas")
	fmt.Fprintln(w, "\nPemakaian: naikkelas PERINTAH [opsi]\n\nPerintah:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-16s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintf(w, "  %-16s %s\n", "help [PERINTAH]", "tampilkan bantuan")
	fmt.Fprintln(w, "\nOpsi tiap perintah: naikkelas PERINTAH -h")
}

// describe turns an error into one line: the user-facing message of an
// apperr (with its field messages), or the error text otherwise.
func describe(err error) string {
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code != apperr.Internal {
		msg := ae.Message
		if len(ae.Fields) > 0 {
			keys := make([]string, 0, len(ae.Fields))
			for k := range ae.Fields {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			parts := make([]string, len(keys))
			for i, k := range keys {
				parts[i] = k + ": " + ae.Fields[k]
			}
			msg += " (" + strings.Join(parts, "; ") + ")"
		}
		return oneLine(msg)
	}
	return oneLine(err.Error())
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// flags returns a FlagSet for c whose errors and help stay quiet until
// parse decides where they go.
func flags(c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args allowing flags and positional arguments in any order,
// and returns the positional ones. -h prints the command's help.
func parse(env *Env, c *Command, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(env.Stdout, "Pemakaian: naikkelas %s %s\n%s\n\nOpsi:\n", c.Name, c.Args, c.Summary)
				fs.SetOutput(env.Stdout)
				fs.PrintDefaults()
				return nil, errHelpShown
			}
			return nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// noArgs rejects positional arguments for commands that take none.
// dbFlags begins the flags of a command that works on a database: the
// configuration from the environment, with --db bound to it.
func dbFlags(env *Env, c *Command) (*config.Config, *flag.FlagSet) {
	cfg := config.FromEnv(env.Getenv)
	fs := flags(c)
	cfg.BindDB(fs)
	return &cfg, fs
}

// parseNoArgs parses the flags of a command that takes no positional argument.
func parseNoArgs(env *Env, c *Command, fs *flag.FlagSet, args []string) error {
	pos, err := parse(env, c, fs, args)
	if err != nil {
		return err
	}
	return noArgs(pos)
}

func noArgs(pos []string) error {
	if len(pos) > 0 {
		return usagef("argumen tidak dikenal: %q", pos[0])
	}
	return nil
}
