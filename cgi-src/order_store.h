/* Work orders in the database: every SQL statement of the order pages.
 * Scope is enforced by the callers (h_orders.c) on the loaded row, and in
 * SQL for the lists (jur 0: whole city). */
#ifndef ORDER_STORE_H
#define ORDER_STORE_H
#include "db.h"

/* Columns of ords_get (ORD_*). */
enum {
	ORD_ID, ORD_NUMBER, ORD_JUR_ID, ORD_JUR_NAME, ORD_CHANNEL, ORD_CALLER_NAME,
	ORD_CALLER_PHONE, ORD_CATEGORY_ID, ORD_CATEGORY, ORD_PLACE, ORD_CONTENT,
	ORD_DEMAND, ORD_CAUSE, ORD_CONTRADICTION, ORD_STATE, ORD_ENTRY_ID,
	ORD_ENTRY_TITLE, ORD_THREE_WAY_UNIT, ORD_UNIT_ID, ORD_UNIT, ORD_OPERATOR,
	ORD_CREATED, ORD_DISPATCHED, ORD_DUE, ORD_ACCEPTED, ORD_REPLIED, ORD_REPLY,
	ORD_CLOSED, ORD_SATISFACTION, ORD_OVERDUE, ORD_RETURNS, ORD_DISPUTE_ID, ORD_THREE_WAY_UNIT_ID, ORD__COLS
};

/* Intake choices. Categories: id, name, parent name, time limit, of the
 * active leaves. Units: id, name, jurisdiction name, of active units that
 * handle orders. */
int ords_categories(struct db *db, struct arena *a, struct dbres *out);
int ords_category(struct db *db, struct arena *a, long long id, struct dbres *out);
/* jur: that jurisdiction's units and the city's; 0: all. */
int ords_units(struct db *db, struct arena *a, long long jur, struct dbres *out);
/* An active unit that handles orders (as ords_units): id, name,
 * jurisdiction_id, jurisdiction is the city (1/0). */
int ords_unit(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Active jurisdictions: id, code, name, parent_id. */
int ords_jurisdictions(struct db *db, struct arena *a, struct dbres *out);
/* Routing rules for a category in a jurisdiction or the city: unit_id,
 * unit name, keywords; the jurisdiction's own first. */
int ords_rules(struct db *db, struct arena *a, long long category, long long jur,
	       struct dbres *out);
/* Earlier orders of a phone number: id, number, created (Beijing), state,
 * category, unit; newest first. */
int ords_by_phone(struct db *db, struct arena *a, const char *phone, struct dbres *out);

/* The next number of a jurisdiction's day: *seq from 1. In a transaction. */
int ords_next_seq(struct db *db, struct arena *a, long long jur, const char *day,
		  unsigned *seq);

struct order_new {
	const char *number, *channel, *caller_name, *caller_phone, *place,
		*content, *demand, *cause, *contradiction, *state, *due;
	long long jur, category, entry, three_way_unit, unit, operator_id;
};
int ords_insert(struct db *db, struct arena *a, const struct order_new *o,
		long long *id);
/* One timeline event; user 0 and unit 0 store NULL, as target 0. */
int ords_event(struct db *db, struct arena *a, long long order_id, long long user,
	       long long unit, const char *kind, long long target, const char *note);

int ords_get(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Locks the row for a change: state, unit_id, accepted_at IS NOT NULL,
 * jurisdiction_id, satisfaction. */
int ords_lock(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Timeline: at (Beijing), user name, unit name, kind, target unit name, note. */
int ords_events(struct db *db, struct arena *a, long long id, struct dbres *out);

/* State changes; each checks the expected state (from) so a race loses. */
int ords_set_state(struct db *db, struct arena *a, long long id, const char *from,
		   const char *to);
int ords_accept(struct db *db, struct arena *a, long long id);
int ords_reply(struct db *db, struct arena *a, long long id, const char *reply);
int ords_close(struct db *db, struct arena *a, long long id, const char *satisfaction);
int ords_reopen(struct db *db, struct arena *a, long long id);
int ords_redispatch(struct db *db, struct arena *a, long long id, const char *from,
		    long long unit, const char *due, int count_return);

/* Returns (D3). */
int ords_return_insert(struct db *db, struct arena *a, long long order_id,
		       long long unit, long long user, const char *reason,
		       const char *basis, long long suggested, long long *id);
/* The pending return of an order: id, unit name, reason, basis, suggested
 * unit id, suggested unit name, requested (Beijing), requester name. */
int ords_return_pending(struct db *db, struct arena *a, long long order_id,
			struct dbres *out);
int ords_return_decide(struct db *db, struct arena *a, long long id,
		       const char *state, long long user, const char *note,
		       long long dispute);
/* Pending returns in scope: return id, order id, number, unit, reason,
 * suggested unit, requested. */
int ords_returns(struct db *db, struct arena *a, long long jur, struct dbres *out);
/* Returns per unit in scope: unit name, requested, pending, redispatched,
 * refused, disputed. */
int ords_return_counts(struct db *db, struct arena *a, long long jur,
		       struct dbres *out);


/* A unit's queue (open orders): bucket "new", "active", "due", "overdue",
 * "return" or "" (all open). today and soon (the next working day) are
 * dates. Columns: id, number, state, category, caller_phone, content
 * (first 60 characters), due, overdue, dispatched (Beijing). */
int ords_queue(struct db *db, struct arena *a, long long unit, const char *bucket,
	       const char *today, const char *soon, long long limit,
	       long long offset, struct dbres *out);
/* Counts of the buckets: new, active, due, overdue, return. */
int ords_queue_counts(struct db *db, struct arena *a, long long unit,
		      const char *today, const char *soon, struct dbres *out);
/* The unit's latest reminders: order id, number, kind, due, created. */
int ords_reminders(struct db *db, struct arena *a, long long unit, struct dbres *out);

/* The office's search. Empty strings and 0 mean "any"; from and to are
 * dates (to inclusive) and always set. */
struct order_filter {
	long long jur;            /* scope: 0 = whole city */
	const char *number, *phone, *state, *from, *to;
	long long unit, category;
	int overdue;
};
/* Columns: id, number, created (Beijing), caller name, caller phone,
 * channel, category, jurisdiction, unit, state, due, overdue, content. */
int ords_search(struct db *db, struct arena *a, const struct order_filter *f,
		long long limit, long long offset, struct dbres *out);

/* Open orders a unit cooperates on (D4.2): id, number, state, category,
 * caller_phone, content (60 characters), due, lead unit. */
int ords_coop_queue(struct db *db, struct arena *a, long long unit, struct dbres *out);
/* Whether unit cooperates on the order (it may read it). */
int ords_is_coop(struct db *db, struct arena *a, long long order_id, long long unit,
		 int *yes);

/* The statements whose plans tests check with EXPLAIN. */
enum ords_planned { ORDS_PLAN_QUEUE, ORDS_PLAN_SEARCH, ORDS_PLAN__MAX };
const char *ords_plan_sql(enum ords_planned which);

#endif
