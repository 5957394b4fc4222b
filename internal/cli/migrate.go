package cli

import (
	"context"
	"fmt"
)

func runMigrate(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fs := dbFlags(env, c)
	if err := parseNoArgs(env, c, fs, args); err != nil {
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
