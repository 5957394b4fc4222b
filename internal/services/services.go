// Package services builds the domain services of naikkelas on one store, in
// one place. The server (app.New), the CLI commands and the tests all take
// their services from New, so no layer assembles a service of its own with a
// different set of parts, and a service that needs another part of the store
// gets it through the store.Store interface, never through an optional cast.
package services

import (
	"context"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/funding"
	"naikkelas/internal/indicators"
	"naikkelas/internal/leadership"
	"naikkelas/internal/market"
	"naikkelas/internal/messages"
	"naikkelas/internal/office"
	"naikkelas/internal/partners"
	"naikkelas/internal/permits"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// Set is every domain service of one naikkelas instance. An import is not
// among them: an importer.Importer holds one run's caches, so each import
// builds its own with importer.New.
type Set struct {
	Registry    *registry.Service
	Accounts    *accounts.Service
	Assessments *assessment.Service
	Programs    *programs.Service
	Office      *office.Service
	Permits     *permits.Service
	Duplicates  *duplicates.Service
	Funding     *funding.Service
	Indicators  *indicators.Service
	Planner     *planner.Service
	Leadership  *leadership.Service
	Partners    *partners.Service
	Capital     *capital.Service
	Messages    *messages.Service
	// Market has no photo folder until the caller gives it one (app.New
	// does, from the configuration): commands that never store photos need none.
	Market *market.Service
}

// New builds the services on st for the instance's jurisdiction ("" = all
// Indonesia), each with the real clock.
func New(st store.Store, jurisdiction string) Set {
	reg := registry.NewService(st, jurisdiction)
	off := office.NewService(st, jurisdiction)
	prog := programs.NewService(st, st, st, jurisdiction)
	prog.Signatory = func(ctx context.Context) (programs.Signatory, error) {
		id, err := off.Get(ctx)
		if err != nil {
			return programs.Signatory{}, err
		}
		return programs.Signatory(id.Signature()), nil
	}
	asm := assessment.NewService(st, st, reg, st)
	mkt := market.NewService(st, reg, nil)
	asm.Market = marketReach(mkt)
	fund := funding.NewService(st, prog, naikKelasOutcomes(asm))
	ind := indicators.NewService(reg, prog, asm, jurisdiction)
	capSvc := capital.NewService(st, reg, st, off)
	ind.Capital = capSvc
	ind.Stocks = st
	plan := planner.NewService(st, reg, prog, fund, jurisdiction)
	part := partners.NewService(prog, asm, fund)
	return Set{
		Registry:    reg,
		Accounts:    accounts.NewService(st, jurisdiction),
		Assessments: asm,
		Programs:    prog,
		Office:      off,
		Permits:     permits.NewService(st, reg),
		Duplicates:  duplicates.NewService(reg, st),
		Partners:    part,
		Capital:     capSvc,
		Messages: messages.NewService(st, reg, func(ctx context.Context) string {
			if id, err := off.Get(ctx); err == nil {
				return id.Agency
			}
			return office.DefaultAgency
		}),
		Funding:    fund,
		Indicators: ind,
		Planner:    plan,
		Leadership: &leadership.Service{Office: off, Indicators: ind, Programs: prog, Assessments: asm, Funding: fund, Planner: plan, Partners: part,
			Market: mkt, Regions: region.All(), Now: time.Now},
		Market: mkt,
	}
}

// marketReach tells the naik-kelas comparison how far each business got
// towards modern retail, from the market outcomes.
func marketReach(mkt *market.Service) assessment.MarketReach {
	return func(ctx context.Context) (map[int64]assessment.MarketSteps, error) {
		byBusiness, err := mkt.BusinessOutcomes(ctx)
		if err != nil {
			return nil, err
		}
		out := make(map[int64]assessment.MarketSteps, len(byBusiness))
		for id, o := range byBusiness {
			out[id] = assessment.MarketSteps{WithProduct: o.WithProduct > 0, PassedCuration: o.Passed > 0, Listed: o.Listed > 0,
				LabelProducts: o.LabelProducts, LabelFirst: o.LabelScoreSum[0], LabelLatest: o.LabelScoreSum[1],
				Decided: o.Decided, Passed: o.Passed, SalesLastMonth: o.SalesLastMonth, OwedPastTerms: o.OwedPastTerms}
		}
		return out, nil
	}
}

// naikKelasOutcomes counts a programme's completers who went up a size class
// from its start to today, as the naik-kelas statistics count them.
func naikKelasOutcomes(asm *assessment.Service) funding.Outcomes {
	return func(ctx context.Context, programID int64) (int, bool, error) {
		st, err := asm.Stats(ctx, auth.System, assessment.StatsQuery{ProgramID: programID})
		if err != nil || st.Program == nil {
			return 0, false, err
		}
		g := st.Program.CompletersGroup
		return g.SizeUp, g.SizeRateBase > 0, nil
	}
}
