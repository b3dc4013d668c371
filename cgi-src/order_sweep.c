#include "order_sweep.h"

#include <string.h>

#include "calendar_store.h"
#include "order_store.h"
#include "workdays.h"

#define PAGE 100   /* orders per transaction */

/* Runs one page of candidates in one transaction. kind is the reminder;
 * the overdue pass also marks the order, and only the run that marks it
 * writes its event. Adds what it committed to *out. */
static int sweep_page(struct db *db, struct arena *a, const long long *ids, size_t n,
		      const char *kind, const char *from, const char *to,
		      struct sweep_counts *out)
{
	int overdue_pass = strcmp(kind, "overdue") == 0;
	struct sweep_counts done = { 0 };
	int rc = db_begin(db);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct order_due_row *o;
		rc = order_lock_due(db, a, ids[i], from, to, &o);
		if (rc != DB_OK || o == NULL)
			continue;
		if (overdue_pass && !o->overdue) {
			rc = order_mark_overdue(db, a, ids[i]);
			/* By the system (no user, no unit); the target is the
			 * unit that had the order when it fell due. */
			if (rc == DB_OK)
				rc = order_event(db, a, ids[i], 0, 0, "overdue", o->unit_id,
						arena_printf(a, "已超过办理时限（截止 %s）", o->due));
			done.overdue++;
		}
		int added = 0;
		if (rc == DB_OK && o->unit_id != 0)
			rc = order_remind(db, a, ids[i], o->unit_id, kind, o->due, &added);
		done.reminders += added;
	}
	if (rc == DB_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == DB_OK) {
		out->overdue += done.overdue;
		out->reminders += done.reminders;
	}
	return rc;
}

/* Pages through the candidates until none is left (late: past due before
 * to; else due in [from, to)). A full page that changed nothing means
 * rows are changing under us: stop, the next run takes them. */
static int sweep_pass(struct db *db, struct arena *a, int late, const char *kind,
		      const char *from, const char *to, struct sweep_counts *out)
{
	for (;;) {
		long long *ids;
		size_t n;
		int rc = late ? order_sweep_late(db, a, to, PAGE, &ids, &n)
			      : order_sweep_soon(db, a, from, to, PAGE, &ids, &n);
		if (rc != DB_OK)
			return rc;
		long long before = out->overdue + out->reminders;
		if (n > 0)
			rc = sweep_page(db, a, ids, n, kind, from, to, out);
		arena_reset(a);
		if (rc != DB_OK || n < PAGE || out->overdue + out->reminders == before)
			return rc;
	}
}

/* Reminds cooperating units of parts owed (due in [from, to)), a page
 * per transaction until none is left. */
static int coop_pass(struct db *db, struct arena *a, const char *kind, const char *from,
		     const char *to, struct sweep_counts *out)
{
	for (;;) {
		struct order_coop_due_row *c;
		size_t n;
		int rc = order_sweep_coops(db, a, kind, from, to, PAGE, &c, &n);
		int added = 0, total = 0;
		if (rc == DB_OK && n > 0)
			rc = db_begin(db);
		for (size_t i = 0; rc == DB_OK && i < n; i++) {
			rc = order_remind(db, a, c[i].order_id, c[i].unit_id, kind, c[i].due, &added);
			total += added;
		}
		if (rc == DB_OK && n > 0)
			rc = db_commit(db);
		if (rc != DB_OK)
			db_rollback(db);
		else
			out->reminders += total;
		arena_reset(a);
		if (rc != DB_OK || n < PAGE || total == 0)
			return rc;
	}
}

/* Callers' data past the retention period, ANON_BATCH orders a statement
 * (each its own short transaction), at most ANON_MAX a run: a backlog of
 * years is cleared over a few runs without holding locks long. */
#define ANON_BATCH 2000
#define ANON_MAX 100000
static int retention_pass(struct db *db, struct arena *a, struct sweep_counts *out)
{
	long long months = 0, n = ANON_BATCH;
	int rc = order_retention(db, a, &months);
	while (rc == DB_OK && n == ANON_BATCH && out->anonymised < ANON_MAX) {
		rc = order_anonymise(db, a, months, ANON_BATCH, &n);
		out->anonymised += n;
		arena_reset(a);
	}
	return rc;
}

int order_sweep(struct db *db, const char *today, struct sweep_counts *out)
{
	struct arena a;
	arena_init(&a, 1 << 16);
	memset(out, 0, sizeof *out);
	struct wd_calendar cal;
	int rc = calendar_load(db, &a, &cal);
	int day;
	if (rc == DB_OK && wd_parse(today, &day) < 0)
		rc = DB_ERR;
	/* Due soon: due today or by the next working day (order_urgency). */
	char end[11];
	if (rc == DB_OK) {
		int next = wd_add(&cal, day, 1);
		wd_format(next == WD_ADD_ERROR ? day + 1 : next + 1, end);
	}
	/* calendar_load's rows live in a; the passes reset it, so keep only
	 * the dates computed from it. */
	arena_reset(&a);
	int got = 0;
	if (rc == DB_OK)
		rc = order_sweep_lock(db, &a, &got);
	if (rc == DB_OK && !got) {
		out->busy = 1;
		arena_free(&a);
		return DB_OK;
	}
	if (rc == DB_OK)
		rc = sweep_pass(db, &a, 1, "overdue", "1000-01-01", today, out);
	if (rc == DB_OK)
		rc = sweep_pass(db, &a, 0, "due_soon", today, end, out);
	if (rc == DB_OK)
		rc = coop_pass(db, &a, "overdue", "1000-01-01", today, out);
	if (rc == DB_OK)
		rc = coop_pass(db, &a, "due_soon", today, end, out);
	if (rc == DB_OK)
		rc = retention_pass(db, &a, out);
	if (rc != DB_DOWN)
		order_sweep_unlock(db, &a);
	arena_free(&a);
	return rc;
}
