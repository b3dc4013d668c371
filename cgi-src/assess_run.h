/* One month's assessment (K10): every member unit's measures counted from
 * the records the system keeps (orders, versions, reviews, update orders,
 * gaps, the inspectors' marks, the people it named), the lint and the
 * near-duplicate search over every published entry, the score under the
 * formula given, the ranking; all written as the month's frozen scores
 * and findings, replacing what the month had. Runs in the caller's
 * transaction. */
#ifndef ASSESS_RUN_H
#define ASSESS_RUN_H
#include "assess.h"
#include "db.h"
#include "workdays.h"

struct assess_run_stats {
	long units, entries, findings, duplicates;
	long lint_ms, dupes_ms, total_ms;
};

int assess_run(struct db *db, struct arena *a, const struct wd_calendar *cal,
	       const char *month, const struct assess_formula *f, struct assess_run_stats *st);
#endif
