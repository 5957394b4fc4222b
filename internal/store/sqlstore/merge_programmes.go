package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"naikkelas/internal/duplicates"
	"naikkelas/internal/programs"
)

// ProgrammeLinks are the tables whose rows of one programme belong with a
// business's application to it (a test reads the schema: every table with
// both program_id and business_id). When both records of a merge applied to
// one programme, these rows follow the application the kept record keeps:
// the one that went further (programs.ApplicationRank), its own on a tie.
// The other application and its rows stay with the merged record.
var ProgrammeLinks = []string{"applications", "attendance", "certificates", "follow_ups", "test_scores"}

// mergeProgrammes, for every programme both records applied to where the
// merged record's application went further, exchanges the two records'
// rows of it (noted in u and m.Taken), and returns every programme both
// applied to: what the merged record then holds of those stays with it.
func (q *Runner) mergeProgrammes(ctx context.Context, kept int64, u *mergeUndo, m *duplicates.Merge) ([]int64, error) {
	clashes, err := q.programmeClashes(ctx, kept, m.MergedID)
	if err != nil {
		return nil, err
	}
	var held []int64
	for _, c := range clashes {
		held = append(held, c.Program)
		if c.TakeMerged {
			if err := q.exchangeProgramme(ctx, c.Program, kept, m.MergedID); err != nil {
				return nil, err
			}
			u.Exchanged = append(u.Exchanged, c.Program)
		}
	}
	m.Taken = u.Exchanged
	return held, nil
}

// countHeld counts a business's rows of table that belong to the held
// programmes.
func (q *Runner) countHeld(ctx context.Context, table string, business int64, held []int64) (int, error) {
	in, args := heldProgrammes(table, held, true)
	if in == "" {
		return 0, nil
	}
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE business_id = ?`+in, append([]any{business}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("rows of %s held: %w", table, err)
	}
	return n, nil
}

// programmeClash is a programme both records of a merge applied to, and
// whether the merged record's application went further than the kept one's.
type programmeClash struct {
	Program    int64
	TakeMerged bool
}

// programmeClashes returns the programmes both businesses applied to, in
// programme order.
func (q *Runner) programmeClashes(ctx context.Context, kept, merged int64) ([]programmeClash, error) {
	rows, err := q.Query(ctx, `SELECT k.program_id, k.status, m.status FROM applications k
		JOIN applications m ON m.program_id = k.program_id AND m.business_id = ?
		WHERE k.business_id = ? ORDER BY k.program_id`, merged, kept)
	if err != nil {
		return nil, fmt.Errorf("programmes of both: %w", err)
	}
	defer rows.Close()
	var out []programmeClash
	for rows.Next() {
		var c programmeClash
		var keptStatus, mergedStatus string
		if err := rows.Scan(&c.Program, &keptStatus, &mergedStatus); err != nil {
			return nil, err
		}
		c.TakeMerged = programs.ApplicationRank(mergedStatus) > programs.ApplicationRank(keptStatus)
		out = append(out, c)
	}
	return out, rows.Err()
}

// exchangeProgramme gives business x the rows of programme program that
// business y holds in every ProgrammeLinks table, and y those of x: done
// twice, it restores both as they were. A row cannot simply change
// business (x and y each hold the programme's one application), so x's
// rows wait in a temporary table, with the history of its application,
// while y's move.
func (q *Runner) exchangeProgramme(ctx context.Context, program, x, y int64) error {
	for _, table := range ProgrammeLinks {
		held := []string{table}
		if table == "applications" {
			held = append(held, "application_history") // after its applications: it refers to them
		}
		var steps []statement
		for _, h := range held {
			steps = append(steps, statement{`CREATE TEMP TABLE held_` + h + ` AS SELECT * FROM ` + h + ` WHERE 1 = 0`, nil})
		}
		steps = append(steps, statement{`INSERT INTO held_` + table + ` SELECT * FROM ` + table +
			` WHERE business_id = ? AND program_id = ?`, []any{x, program}})
		if len(held) > 1 {
			steps = append(steps,
				statement{`INSERT INTO held_application_history SELECT * FROM application_history
					WHERE application_id IN (SELECT id FROM held_applications)`, nil},
				statement{`DELETE FROM application_history WHERE application_id IN (SELECT id FROM held_applications)`, nil})
		}
		steps = append(steps,
			statement{`DELETE FROM ` + table + ` WHERE business_id = ? AND program_id = ?`, []any{x, program}},
			statement{`UPDATE ` + table + ` SET business_id = ? WHERE business_id = ? AND program_id = ?`, []any{x, y, program}},
			statement{`UPDATE held_` + table + ` SET business_id = ?`, []any{y}})
		for _, h := range held {
			steps = append(steps, statement{`INSERT INTO ` + h + ` SELECT * FROM held_` + h, nil})
		}
		for _, h := range held {
			steps = append(steps, statement{`DROP TABLE held_` + h, nil})
		}
		for _, st := range steps {
			if _, err := q.Exec(ctx, st.sql, st.args...); err != nil {
				return fmt.Errorf("exchange the rows of programme %d in %s: %w", program, table, err)
			}
		}
	}
	return nil
}

// statement is SQL with its arguments.
type statement struct {
	sql  string
	args []any
}

// heldProgrammes returns "AND program_id NOT IN (…)" (or IN, when in is
// true) for a ProgrammeLinks table and the programmes whose rows a merge
// does not move, with its arguments; "" for any other table.
func heldProgrammes(table string, programmes []int64, in bool) (string, []any) {
	if len(programmes) == 0 || !slices.Contains(ProgrammeLinks, table) {
		return "", nil
	}
	op := " NOT IN "
	if in {
		op = " IN "
	}
	args := make([]any, len(programmes))
	for i, p := range programmes {
		args[i] = p
	}
	return " AND program_id" + op + "(" + strings.TrimSuffix(strings.Repeat("?, ", len(programmes)), ", ") + ")", args
}
