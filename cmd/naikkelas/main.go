// Command naikkelas is the UMKM register of a regency office: one binary
// holding the web interface, the JSON API and the administrative commands.
// See README.md, or run `naikkelas help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"naikkelas/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.LookupEnv})
	stop()
	os.Exit(code)
}
