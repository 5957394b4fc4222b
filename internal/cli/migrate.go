package cli

import (
	"context"
	"fmt"

	"naikkelas/internal/config"
)

var migrateCommand = Command{
	Name:    "migrate",
	Args:    "--db DB",
	Summary: "perbarui skema basis data ke versi terbaru",
	Run:     runMigrate,
}

func runMigrate(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg := config.FromEnv(env.Getenv)
	fs := flags(c)
	cfg.BindDB(fs)
	pos, err := parse(env, c, fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(pos); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		return fmt.Errorf("migrasi: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Skema basis data mutakhir (%s).\n", st.Engine())
	return nil
}
