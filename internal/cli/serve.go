package cli

import (
	"context"
	"log/slog"

	"naikkelas/internal/app"
	"naikkelas/internal/config"
)

func runServe(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg := config.FromEnv(env.Getenv)
	fs := flags(c)
	cfg.BindServe(fs)
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, nil))
	a, err := app.New(ctx, cfg, app.WithOutput(env.Stdout), app.WithLogger(logger))
	if err != nil {
		return err
	}
	defer a.Close()
	return a.Run(ctx)
}
