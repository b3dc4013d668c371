#include "order_sweep.h"

#include <stdio.h>
#include <string.h>

#include "calendar_store.h"
#include "workdays.h"

#define PAGE 100   /* orders per transaction; the LIMIT below */

#define OPEN_STATES "('dispatched', 'accepted', 'return_requested')"
/* The reminder of this kind for the order's current unit and due date, if
 * any: a probe of uk_order_reminders per order (a LEFT JOIN, as NOT EXISTS
 * may be materialised by scanning every reminder). A redispatch (new unit
 * or due date) may be reminded again. */
#define REMINDER(kind) \
	" LEFT JOIN order_reminders r ON r.order_id = o.id AND r.unit_id = o.unit_id" \
	" AND r.kind = '" kind "' AND r.due_date = o.due_date"

enum stmt {
	STMT_GET_LOCK,
	STMT_RELEASE_LOCK,
	STMT_LATE,
	STMT_SOON,
	STMT_LOCK,
	STMT_MARK,
	STMT_EVENT,
	STMT_REMIND,
	STMT__MAX
};

/* The candidate queries are range scans of k_orders_due (state, due_date)
 * over open orders only; plain reads, so they lock nothing. Each candidate
 * is then locked and checked again before anything is written. The writes
 * are single-row INSERT ... VALUES: an INSERT ... SELECT would hold the
 * table's auto-increment lock while it waits for an order's row lock, and
 * so deadlock with a handler that holds the row and adds an event. */
static const char *const sql[STMT__MAX] = {
	/* one sweep at a time, across hosts: two would take the
	 * same rows in turn, and their duplicate reminders' gap locks can
	 * deadlock. Released when the connection ends, too. */
	[STMT_GET_LOCK] = "SELECT GET_LOCK('hotline.order_sweep', 0)",
	[STMT_RELEASE_LOCK] = "SELECT RELEASE_LOCK('hotline.order_sweep')",
	/* open, past due, and not yet marked or not yet reminded. */
	[STMT_LATE] = "SELECT o.id FROM orders o" REMINDER("overdue")
	" WHERE o.state IN " OPEN_STATES " AND o.due_date < ?"
	" AND (o.overdue = 0 OR (o.unit_id IS NOT NULL AND r.id IS NULL))"
	" LIMIT 100",
	/* open, due in [from, to), not yet reminded. */
	[STMT_SOON] = "SELECT o.id FROM orders o" REMINDER("due_soon")
	" WHERE o.state IN " OPEN_STATES " AND o.due_date >= ? AND o.due_date < ?"
	" AND o.unit_id IS NOT NULL AND r.id IS NULL"
	" LIMIT 100",
	/* the order as it is now, if still open and due in [from, to). */
	[STMT_LOCK] = "SELECT unit_id, DATE_FORMAT(due_date, '%Y-%m-%d'), overdue FROM orders"
	" WHERE id = ? AND state IN " OPEN_STATES " AND due_date >= ? AND due_date < ?"
	" FOR UPDATE",
	[STMT_MARK] = "UPDATE orders SET overdue = 1 WHERE id = ?",
	/* by the system (no user, no unit); the target is the unit
	 * that had the order when it fell due. */
	[STMT_EVENT] = "INSERT INTO order_events (order_id, at, user_id, unit_id, kind,"
	" target_unit_id, note) VALUES (?, UTC_TIMESTAMP(), NULL, NULL, 'overdue',"
	" NULLIF(?, 0), ?)",
	/* a rerun, or a concurrent sweep, adds nothing. */
	[STMT_REMIND] = "INSERT IGNORE INTO order_reminders (order_id, unit_id, kind, due_date,"
	" created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
};

/* Runs one page of candidates in one transaction. kind is the reminder;
 * the overdue pass also marks the order, and only the run that marks it
 * writes its event. Adds what it committed to *out. */
static int sweep_page(struct db *db, struct arena *a, const struct dbres *cand,
		      const char *kind, const char *from, const char *to,
		      struct sweep_counts *out)
{
	int overdue_pass = strcmp(kind, "overdue") == 0;
	struct sweep_counts done = { 0, 0, 0 };
	int rc = db_begin(db);
	for (size_t i = 0; rc == DB_OK && i < cand->nrows; i++) {
		long long id = db_int(cand, i, 0);
		struct dbres o, r;
		rc = db_exec(db, a, sql[STMT_LOCK], &o, DB_I(id), DB_S(from), DB_S(to));
		if (rc != DB_OK || o.nrows == 0)
			continue;
		long long unit = db_cell(&o, 0, 0) ? db_int(&o, 0, 0) : 0;
		const char *due = db_cell(&o, 0, 1);
		if (overdue_pass && db_int(&o, 0, 2) == 0) {
			char note[96];
			snprintf(note, sizeof note, "已超过办理时限（截止 %s）", due);
			rc = db_exec(db, a, sql[STMT_MARK], NULL, DB_I(id));
			if (rc == DB_OK)
				rc = db_exec(db, a, sql[STMT_EVENT], NULL, DB_I(id),
					     DB_I(unit), DB_S((const char *)note));
			done.overdue++;
		}
		if (rc == DB_OK && unit != 0)
			rc = db_exec(db, a, sql[STMT_REMIND], &r, DB_I(id), DB_I(unit),
				     DB_S(kind), DB_S(due));
		if (rc == DB_OK && unit != 0)
			done.reminders += r.affected;
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

/* Pages through the candidates until none is left. A full page that
 * changed nothing means rows are changing under us: stop, the next run
 * takes them. */
static int sweep_pass(struct db *db, struct arena *a, enum stmt query,
		      const char *kind, const char *from, const char *to,
		      struct sweep_counts *out)
{
	for (;;) {
		struct dbres cand;
		int rc = query == STMT_LATE
				 ? db_exec(db, a, sql[query], &cand, DB_S(to))
				 : db_exec(db, a, sql[query], &cand, DB_S(from), DB_S(to));
		if (rc != DB_OK)
			return rc;
		long long before = out->overdue + out->reminders;
		if (cand.nrows > 0)
			rc = sweep_page(db, a, &cand, kind, from, to, out);
		arena_reset(a);
		if (rc != DB_OK || cand.nrows < PAGE || out->overdue + out->reminders == before)
			return rc;
	}
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
	struct dbres lock;
	if (rc == DB_OK)
		rc = db_exec0(db, &a, sql[STMT_GET_LOCK], &lock);
	if (rc == DB_OK && (db_cell(&lock, 0, 0) == NULL || db_int(&lock, 0, 0) != 1)) {
		out->busy = 1;
		arena_free(&a);
		return DB_OK;
	}
	if (rc == DB_OK)
		rc = sweep_pass(db, &a, STMT_LATE, "overdue", "1000-01-01", today, out);
	if (rc == DB_OK)
		rc = sweep_pass(db, &a, STMT_SOON, "due_soon", today, end, out);
	struct dbres released;
	if (rc != DB_DOWN)
		db_exec0(db, &a, sql[STMT_RELEASE_LOCK], &released);
	arena_free(&a);
	return rc;
}
