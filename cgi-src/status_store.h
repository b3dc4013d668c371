/* The SQL of the public status page (/status, U4): one order as its
 * caller may see it, its public events, and the per-address count of
 * wrong number/code pairs. */
#ifndef STATUS_STORE_H
#define STATUS_STORE_H
#include "db.h"

/* Wrong pairs are counted per address in windows of this many minutes. */
#define STATUS_WINDOW_MIN 15

/* The order numbered n (every column NULL/0 when there is none), and the
 * address's wrong tries in the current window. A merged order shows its
 * master's state, unit, deadline and reply (eff_*). */
#define STATUS_ROW(X, S)                                                     \
	X(S, INT, failures, "COALESCE(th.failures, 0)")                      \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, NSTR, query_hash, "o.query_hash")                               \
	X(S, STR, last4, "RIGHT(o.caller_phone, 4)")                         \
	X(S, STR, category, "c.name")                                        \
	X(S, NSTR, refer_channel, "c.refer_channel")                         \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, STR, state, "COALESCE(m.state, o.state)")                       \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, due, DB_DAY("COALESCE(m.due_date, o.due_date)"))           \
	X(S, STR, closed, DB_BJ_MINUTE("COALESCE(m.closed_at, o.closed_at)")) \
	X(S, STR, reply, "COALESCE(m.reply, o.reply)")                       \
	X(S, INT, master_id, "o.merged_into")                                \
	X(S, STR, master_number, "m.number")                                 \
	X(S, STR, merged_at, "o.closed_at")
DB_ROW_STRUCT(status_row, STATUS_ROW);
/* *o is never NULL; (*o)->id is 0 when no order has that number. */
int status_lookup(struct db *db, struct arena *a, const char *number, const char *client,
		  int window_min, struct status_row **o);
/* A wrong pair from client. */
int status_fail(struct db *db, struct arena *a, const char *client, int window_min);
/* Deletes counts whose window ended; *n is how many. */
int status_throttle_prune(struct db *db, struct arena *a, int window_min, long long *n);

#define STATUS_EVENT_ROW(X, S)                                               \
	X(S, STR, at, DB_BJ_MINUTE("e.at"))                                  \
	X(S, STR, kind, "e.kind")                                            \
	X(S, STR, target, "t.name")
DB_ROW_STRUCT(status_event_row, STATUS_EVENT_ROW);
/* The events of order id, and of its master since the merge (master 0:
 * none; since: the merge's UTC time). */
int status_events(struct db *db, struct arena *a, long long id, long long master,
		  const char *since, struct status_event_row **v, size_t *n);

#endif
