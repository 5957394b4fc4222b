package cli

import (
	"context"
	"fmt"

	"naikkelas/internal/integrity"
)

// runCheck runs every integrity check of the store and prints each one's
// outcome; any difference makes the command fail.
func runCheck(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fs := dbFlags(env, c)
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	results, err := integrity.Run(ctx, st.Checks())
	for _, r := range results {
		if r.OK() {
			fmt.Fprintf(env.Stdout, "cocok: %s\n", r.Name)
			continue
		}
		fmt.Fprintf(env.Stdout, "SELISIH: %s\n", r.Name)
		for _, d := range r.Differences {
			fmt.Fprintf(env.Stdout, "  - %s\n", d)
		}
	}
	if err != nil {
		return err
	}
	if n := integrity.Failed(results); n > 0 {
		return fmt.Errorf("%d dari %d pemeriksaan menemukan selisih", n, len(results))
	}
	fmt.Fprintf(env.Stdout, "Semua %d pemeriksaan cocok.\n", len(results))
	return nil
}
