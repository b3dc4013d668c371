/* The deadline sweep (hotlinectl sweep): run from cron every minute.
 * Marks open orders past their due date as overdue, with a timeline event
 * once per dispatch, and writes the queue reminders ('due_soon' for orders
 * due today or on the next working day, 'overdue' for late ones), and
 * clears callers' names and phones in finished orders older than the
 * office's retention period (PIPL). */
#ifndef ORDER_SWEEP_H
#define ORDER_SWEEP_H
#include "db.h"

struct sweep_counts {
	long long overdue;    /* orders newly marked overdue */
	long long reminders;  /* reminder rows added */
	long long anonymised; /* finished orders past retention, callers cleared */
	int busy;             /* another sweep was running: nothing was done */
};

/* Sweeps as of today (a Beijing date, YYYY-MM-DD). Idempotent: a second
 * run on the same day adds nothing. Works in pages of short transactions,
 * so it can run beside the web handlers; a sweep that finds another one
 * running (a named database lock) returns at once with busy set.
 * Returns 0 or a db_err; counts hold what was committed before an error. */
int order_sweep(struct db *db, const char *today, struct sweep_counts *out);

#endif
