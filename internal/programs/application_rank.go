package programs

import "slices"

// applicationOrder lists the application statuses from the least to the
// furthest an application went: a withdrawal, a refusal, a place waited
// for, then a place taken, the further along the better.
var applicationOrder = []string{AppWithdrawn, AppIneligible, AppNotSelected, AppApplied, AppReserve, AppSelected,
	AppAttended, AppDroppedOut, AppCompleted}

// ApplicationRank orders application statuses by how far an application
// went, so that of two applications of one business to one programme (two
// records of it merged) the better one is kept. An unknown status ranks
// below every known one.
func ApplicationRank(status string) int { return slices.Index(applicationOrder, status) }
