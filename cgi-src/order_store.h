/* Work orders in the database: every SQL statement about them, each
 * query's columns named once as a typed row. Scope is enforced by the
 * rules (order_ops.c) on the loaded row, and in SQL for the lists (jur 0:
 * the whole city). */
#ifndef ORDER_STORE_H
#define ORDER_STORE_H
#include "calendar_store.h"
#include "db.h"

/* The intake's choices: active leaf categories (a top-level category
 * without children is a leaf too) with their time limits; label is
 * "parent / name" as the lists show it. */
#define ORDER_CATEGORY_ROW(X, S)                                             \
	X(S, INT, id, "c.id")                                                \
	X(S, STR, name, "c.name")                                            \
	X(S, STR, label, "CONCAT_WS(' / ', p.name, c.name)")                \
	X(S, INT, limit_days, "c.time_limit_days")                           \
	X(S, INT, leaf, "NOT EXISTS (SELECT 1 FROM order_categories k"       \
			" WHERE k.parent_id = c.id AND k.active = 1)")              \
	X(S, NSTR, refer_channel, "c.refer_channel")                         \
	X(S, STR, refer_script, "c.refer_script")                            \
	X(S, STR, refer_keywords, "c.refer_keywords")
DB_ROW_STRUCT(order_category_row, ORDER_CATEGORY_ROW);
int order_categories(struct db *db, struct arena *a, struct order_category_row **v,
		    size_t *n);
/* An active category (leaf or not), or NULL. */
int order_category(struct db *db, struct arena *a, long long id,
		  struct order_category_row **c);

/* Active units that handle orders; city: the unit's jurisdiction is the
 * city (its units serve every county). */
#define ORDER_UNIT_ROW(X, S)                                                 \
	X(S, INT, id, "u.id")                                                \
	X(S, STR, name, "u.name")                                            \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, INT, city, "j.parent_id IS NULL")
DB_ROW_STRUCT(order_unit_row, ORDER_UNIT_ROW);
/* jur: that jurisdiction's units and the city's; 0: all. */
int order_units(struct db *db, struct arena *a, long long jur, struct order_unit_row **v,
	       size_t *n);
int order_unit(struct db *db, struct arena *a, long long id, struct order_unit_row **u);

/* Active jurisdictions, the city first. */
#define ORDER_JUR_ROW(X, S)                                                  \
	X(S, INT, id, "id")                                                  \
	X(S, STR, code, "code")                                              \
	X(S, STR, name, "name")                                              \
	X(S, INT, parent_id, "parent_id")
DB_ROW_STRUCT(order_jur_row, ORDER_JUR_ROW);
int order_jurisdictions(struct db *db, struct arena *a, struct order_jur_row **v, size_t *n);

/* What an intake form names, checked in one statement (each NULL or 0
 * when it does not exist, is inactive or is not of the kind asked): the
 * order an earlier send of the same form filed (intake key), the
 * jurisdiction's code, whether the category is an active leaf and its
 * time limit, the unit and where it belongs, whether the knowledge entry
 * answers (published, not obsolete), and the calendar window from today
 * that the category's deadline needs (CALENDAR_WINDOW). */
#define ORDER_REFS_ROW(X, S)                                                 \
	X(S, INT, filed_id, "(SELECT o.id FROM orders o WHERE o.intake_key = t.k)") \
	X(S, NSTR, jur_code, "j.code")                                       \
	X(S, INT, category_leaf, "c.id IS NOT NULL AND NOT EXISTS (SELECT 1"  \
	  " FROM order_categories k WHERE k.parent_id = c.id AND k.active = 1)") \
	X(S, INT, limit_days, "c.time_limit_days")                           \
	X(S, INT, unit_id, "u.id")                                           \
	X(S, INT, unit_jur_id, "u.jurisdiction_id")                          \
	X(S, INT, unit_city, "uj.parent_id IS NULL")                         \
	X(S, INT, entry_answers, "e.published_version_id IS NOT NULL AND NOT e.obsolete") \
	X(S, NSTR, calendar, CALENDAR_WINDOW("t.today",                      \
		"LEAST(2 * c.time_limit_days + 30, 760)"))                   \
	X(S, NSTR, refer_channel, "c.refer_channel")                         \
	X(S, INT, pending_ok, "p.id IS NOT NULL")                            \
	X(S, INT, dup_jur, "lo.jurisdiction_id")
DB_ROW_STRUCT(order_refs_row, ORDER_REFS_ROW);
/* intake_key NULL or "": none. today: YYYY-MM-DD. pending: the order filed
 * by another system that the operator takes (0: a new call); dup: the
 * order it is marked a likely duplicate of (0: none). *r is never NULL. */
int order_intake_refs(struct db *db, struct arena *a, const char *intake_key,
		      long long jur, long long category, long long unit, long long entry,
		      long long pending, long long dup, const char *today,
		      struct order_refs_row **r);

/* Routing rules for a category in a jurisdiction or the city; the
 * jurisdiction's own first, those with keywords first. */
#define ORDER_RULE_ROW(X, S)                                                 \
	X(S, INT, unit_id, "r.unit_id")                                      \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, keywords, "r.keywords")
DB_ROW_STRUCT(order_rule_row, ORDER_RULE_ROW);
int order_rules(struct db *db, struct arena *a, long long category, long long jur,
	       struct order_rule_row **v, size_t *n);

/* Earlier orders of a phone number, newest first. */
#define ORDER_PAST_ROW(X, S)                                                 \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, STR, state, "o.state")                                          \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, unit, "u.name")
DB_ROW_STRUCT(order_past_row, ORDER_PAST_ROW);
int order_by_phone(struct db *db, struct arena *a, const char *phone,
		  struct order_past_row **v, size_t *n);

/* The next number of a jurisdiction's day: *seq from 1. In a transaction. */
int order_next_seq(struct db *db, struct arena *a, long long jur, const char *day,
		  unsigned *seq);

struct order_new {
	const char *number, *channel, *caller_name, *caller_phone, *place,
		*content, *demand, *cause, *contradiction, *state, *due, *intake_key,
		*query_hash;
	long long jur, category, entry, three_way_unit, unit, operator_id, likely_dup_of;
};
/* An operator takes pending order id (filed by another system) with what
 * the intake form says; DB_CONFLICT when it is not pending any more. */
int order_take(struct db *db, struct arena *a, long long id, const struct order_new *o);

/* Orders that may be duplicates of a new one: the same phone (when not
 * "") or the same category, in jurisdiction jur, created within the
 * office's window of days (each row carries it); not order except (0:
 * none). Newest first, at most 320. */
#define ORDER_CANDIDATE_ROW(X, S)                                            \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, STR, state, "o.state")                                          \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, phone, "o.caller_phone")                                   \
	X(S, STR, place, "o.place")                                          \
	X(S, STR, content, "LEFT(o.content, 300)")                           \
	X(S, INT, merged_into, "o.merged_into")                              \
	X(S, INT, days, "d.days")
DB_ROW_STRUCT(order_candidate_row, ORDER_CANDIDATE_ROW);
int order_candidates(struct db *db, struct arena *a, const char *phone, long long category,
		     long long jur, long long except, struct order_candidate_row **v, size_t *n);
/* Closes duplicate id (in state) into master; DB_CONFLICT when it moved. */
int order_merge(struct db *db, struct arena *a, long long id, const char *state,
		long long master);
/* The orders merged into master, with their callers. */
#define ORDER_MERGED_ROW(X, S)                                               \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, caller_name, "o.caller_name")                              \
	X(S, STR, caller_phone, "o.caller_phone")                            \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))
DB_ROW_STRUCT(order_merged_row, ORDER_MERGED_ROW);
int order_merged(struct db *db, struct arena *a, long long master,
		 struct order_merged_row **v, size_t *n);
/* A line of the intake queue (pending) and of the likely duplicates. */
#define ORDER_LIST_BRIEF_ROW(X, S)                                           \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, STR, state, "o.state")                                          \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, place, "o.place")                                          \
	X(S, STR, content, "LEFT(o.content, 80)")                            \
	X(S, STR, source, "r.source")                                        \
	X(S, INT, likely_dup_of, "o.likely_dup_of")
DB_ROW_STRUCT(order_list_brief_row, ORDER_LIST_BRIEF_ROW);
/* The two short lists of orders; jur 0: every jurisdiction. */
enum order_brief {
	ORDER_BRIEF_PENDING, /* waiting for an operator (filed by other systems), oldest first */
	ORDER_BRIEF_DUPES,   /* open, marked likely duplicates, not merged yet; newest first */
};
int order_brief_list(struct db *db, struct arena *a, enum order_brief which, long long jur,
		     int limit, int offset, struct order_list_brief_row **v, size_t *n);
/* A new query code's hash for order id. */
int order_set_qcode(struct db *db, struct arena *a, long long id, const char *hash);
/* How many days back duplicates are looked for (the office sets it). */
int order_dup_days(struct db *db, struct arena *a, int *days);
int order_dup_days_set(struct db *db, struct arena *a, int days, long long user);
/* Clears the likely-duplicate mark of order id; DB_CONFLICT when it has
 * none (or was merged). */
int order_not_duplicate(struct db *db, struct arena *a, long long id);
/* Orders merged into from now follow it into to. */
int order_repoint_merged(struct db *db, struct arena *a, long long from, long long to);
int order_insert(struct db *db, struct arena *a, const struct order_new *o,
		long long *id);
/* The order an intake form (its key) filed, 0 when none. */
int order_by_intake_key(struct db *db, struct arena *a, const char *key, long long *id);
/* One timeline event; user 0 and unit 0 store NULL, as target 0. */
int order_event(struct db *db, struct arena *a, long long order_id, long long user,
	       long long unit, const char *kind, long long target, const char *note);

/* One order as its page shows it; times in Beijing time, "" when not yet.
 * ret_*: its pending return request (the latest), ret_id 0 when none. */
#define ORDER_ROW(X, S)                                                      \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, INT, jur_id, "o.jurisdiction_id")                               \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, STR, channel, "o.channel")                                      \
	X(S, STR, caller_name, "o.caller_name")                              \
	X(S, STR, caller_phone, "o.caller_phone")                            \
	X(S, INT, anonymised, "o.anonymised_at IS NOT NULL")                 \
	X(S, INT, category_id, "o.category_id")                              \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, place, "o.place")                                          \
	X(S, STR, content, "o.content")                                      \
	X(S, STR, demand, "o.demand")                                        \
	X(S, STR, cause, "o.cause")                                          \
	X(S, STR, contradiction, "o.contradiction")                          \
	X(S, STR, state, "o.state")                                          \
	X(S, INT, entry_id, "o.kb_entry_id")                                 \
	X(S, STR, entry_title, "v.title")                                    \
	X(S, INT, three_way_unit_id, "o.three_way_unit_id")                  \
	X(S, STR, three_way_unit, "tw.name")                                 \
	X(S, INT, unit_id, "o.unit_id")                                      \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, operator_name, "op.display_name")                          \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, STR, dispatched, DB_BJ_MINUTE("o.dispatched_at"))               \
	X(S, STR, due, DB_DAY("o.due_date"))                                 \
	X(S, STR, accepted, DB_BJ_MINUTE("o.accepted_at"))                   \
	X(S, STR, replied, DB_BJ_MINUTE("o.replied_at"))                     \
	X(S, STR, reply, "o.reply")                                          \
	X(S, STR, closed, DB_BJ_MINUTE("o.closed_at"))                       \
	X(S, STR, satisfaction, "o.satisfaction")                            \
	X(S, INT, overdue, "o.overdue")                                      \
	X(S, INT, returns, "o.returns")                                      \
	X(S, INT, dispute_id, "(SELECT MAX(d.id) FROM disputes d WHERE d.order_id = o.id)") \
	X(S, INT, ret_id, "rr.id")                                           \
	X(S, STR, ret_unit, "ru.name")                                       \
	X(S, STR, ret_reason, "rr.reason")                                   \
	X(S, STR, ret_basis, "rr.basis")                                     \
	X(S, INT, ret_suggested_id, "rr.suggested_unit_id")                  \
	X(S, STR, ret_suggested, "rs.name")                                  \
	X(S, STR, ret_at, DB_BJ_MINUTE("rr.requested_at"))                   \
	X(S, STR, ret_by, "rus.display_name")                                \
	X(S, INT, merged_into, "o.merged_into")                              \
	X(S, STR, merged_number, "mo.number")                                \
	X(S, INT, likely_dup_of, "o.likely_dup_of")                          \
	X(S, STR, likely_number, "lo.number")                                \
	X(S, INT, merged_count, "(SELECT COUNT(*) FROM orders m WHERE m.merged_into = o.id)") \
	X(S, NSTR, source, "(SELECT r.source FROM open311_requests r WHERE r.order_id = o.id)") \
	X(S, NSTR, query_hash, "o.query_hash")
DB_ROW_STRUCT(order_row, ORDER_ROW);
int order_get(struct db *db, struct arena *a, long long id, struct order_row **o);

/* What a change needs of an order, locked until the transaction ends. */
#define ORDER_LOCK_ROW(X, S)                                                 \
	X(S, STR, state, "state")                                            \
	X(S, INT, merged_into, "merged_into")                                \
	X(S, STR, number, "number")                                          \
	X(S, INT, unit_id, "unit_id")                                        \
	X(S, INT, was_accepted, "accepted_at IS NOT NULL")                   \
	X(S, INT, jur_id, "jurisdiction_id")                                 \
	X(S, STR, satisfaction, "satisfaction")                              \
	X(S, INT, category_id, "category_id")
DB_ROW_STRUCT(order_lock_row, ORDER_LOCK_ROW);
int order_lock(struct db *db, struct arena *a, long long id, struct order_lock_row **o);

/* The timeline, oldest first; who and unit are NULL for the sweep's. */
#define ORDER_EVENT_ROW(X, S)                                                \
	X(S, STR, at, DB_BJ_MINUTE("e.at"))                                  \
	X(S, NSTR, who, "us.display_name")                                   \
	X(S, NSTR, unit, "un.name")                                          \
	X(S, STR, kind, "e.kind")                                            \
	X(S, NSTR, target, "t.name")                                         \
	X(S, STR, note, "e.note")
DB_ROW_STRUCT(order_event_row, ORDER_EVENT_ROW);
int order_events(struct db *db, struct arena *a, long long id, struct order_event_row **v,
		size_t *n);

/* State changes; each checks the expected state (from) so a race loses. */
int order_set_state(struct db *db, struct arena *a, long long id, const char *from,
		   const char *to);
int order_accept(struct db *db, struct arena *a, long long id);
int order_reply(struct db *db, struct arena *a, long long id, const char *reply);
int order_close(struct db *db, struct arena *a, long long id, const char *satisfaction);
int order_reopen(struct db *db, struct arena *a, long long id);
/* A disputed order handed to its temporary handling unit with the interim
 * due date (it shows in that unit's queue until the determination). */
int order_hand_temporary(struct db *db, struct arena *a, long long id, long long unit,
			 const char *due);
int order_redispatch(struct db *db, struct arena *a, long long id, const char *from,
		    long long unit, const char *due, int count_return);

/* Returns (D3). */
int order_return_insert(struct db *db, struct arena *a, long long order_id,
		       long long unit, long long user, const char *reason,
		       const char *basis, long long suggested, long long *id);
/* The pending return of an order, or NULL. */
#define ORDER_RETURN_ROW(X, S)                                               \
	X(S, INT, id, "r.id")                                                \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, reason, "r.reason")                                        \
	X(S, STR, basis, "r.basis")                                          \
	X(S, INT, suggested_id, "r.suggested_unit_id")                       \
	X(S, STR, suggested, "s.name")                                       \
	X(S, STR, at, DB_BJ_MINUTE("r.requested_at"))                        \
	X(S, STR, by, "us.display_name")
DB_ROW_STRUCT(order_return_row, ORDER_RETURN_ROW);
int order_return_pending(struct db *db, struct arena *a, long long order_id,
			struct order_return_row **ret);
int order_return_decide(struct db *db, struct arena *a, long long id,
		       const char *state, long long user, const char *note,
		       long long dispute);
/* Pending returns in scope, oldest first. */
#define ORDER_PENDING_ROW(X, S)                                              \
	X(S, INT, id, "r.id")                                                \
	X(S, INT, order_id, "o.id")                                          \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, reason, "r.reason")                                        \
	X(S, STR, suggested, "s.name")                                       \
	X(S, STR, at, DB_BJ_MINUTE("r.requested_at"))
DB_ROW_STRUCT(order_pending_row, ORDER_PENDING_ROW);
int order_returns(struct db *db, struct arena *a, long long jur, long long limit,
		  long long offset, struct order_pending_row **v, size_t *n);
/* Returns per unit in scope, most first. */
#define ORDER_RETURN_COUNT_ROW(X, S)                                         \
	X(S, STR, unit, "u.name")                                            \
	X(S, INT, total, "COUNT(*)")                                         \
	X(S, INT, pending, "SUM(r.state = 'pending')")                       \
	X(S, INT, redispatched, "SUM(r.state = 'redispatched')")             \
	X(S, INT, refused, "SUM(r.state = 'refused')")                       \
	X(S, INT, disputed, "SUM(r.state = 'disputed')")
DB_ROW_STRUCT(order_return_count_row, ORDER_RETURN_COUNT_ROW);
int order_return_counts(struct db *db, struct arena *a, long long jur,
		       struct order_return_count_row **v, size_t *n);

/* A unit's queue (open orders): bucket "new", "active", "due", "overdue",
 * "return" or "" (all open); "due" is due today or on the next working
 * day after it (the calendar, in SQL). today is a date. The content is
 * its first 60 characters. */
#define ORDER_QUEUE_ROW(X, S)                                                \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, state, "o.state")                                          \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, phone, "o.caller_phone")                                   \
	X(S, STR, content, "LEFT(o.content, 60)")                            \
	X(S, STR, due, DB_DAY("o.due_date"))                                 \
	X(S, INT, overdue, "o.overdue")                                      \
	X(S, STR, dispatched, DB_BJ_MINUTE("o.dispatched_at"))
DB_ROW_STRUCT(order_queue_row, ORDER_QUEUE_ROW);
int order_queue(struct db *db, struct arena *a, long long unit, const char *bucket,
	       const char *today, long long limit, long long offset,
	       struct order_queue_row **v, size_t *n);
/* Beside the queue, in one statement of rows of three kinds:
 *   'K' one row: how many held orders each bucket has (n_*), and in due
 *       the next working day after today ("due soon" is up to it);
 *   'R' the unit's latest reminders (rkind "due" or "overdue", at when
 *       sent; the 20 newest);
 *   'C' the open orders it cooperates on (state, category, phone,
 *       content, lead unit, whether its part is done; up to 100, by due).
 * Columns a kind does not have are "" or 0. */
#define ORDER_QUEUE_SIDE_ROW(X, S)                                           \
	X(S, STR, kind, "x.kind")                                            \
	X(S, INT, id, "x.id")                                                \
	X(S, STR, number, "x.number")                                        \
	X(S, STR, due, "x.due")                                              \
	X(S, STR, rkind, "x.rkind")                                          \
	X(S, STR, at, "x.at")                                                \
	X(S, STR, state, "x.state")                                          \
	X(S, STR, category, "x.category")                                    \
	X(S, STR, phone, "x.phone")                                          \
	X(S, STR, content, "x.content")                                      \
	X(S, STR, lead, "x.lead")                                            \
	X(S, INT, done, "x.done")                                            \
	X(S, INT, n_fresh, "x.n_fresh")                                      \
	X(S, INT, n_active, "x.n_active")                                    \
	X(S, INT, n_due, "x.n_due")                                          \
	X(S, INT, n_overdue, "x.n_overdue")                                  \
	X(S, INT, n_ret, "x.n_ret")                                          \
	X(S, INT, n_temp, "x.n_temp")
DB_ROW_STRUCT(order_queue_side_row, ORDER_QUEUE_SIDE_ROW);
/* The first row is always the 'K' row. */
int order_queue_side(struct db *db, struct arena *a, long long unit, const char *today,
		     struct order_queue_side_row **v, size_t *n);

/* The office's search. Empty strings and 0 mean "any"; from and to are
 * dates (to inclusive) and always set. */
struct order_filter {
	long long jur;            /* scope: 0 = whole city */
	const char *number, *phone, *state, *from, *to;
	long long unit, category;
	int overdue;
};
#define ORDER_FOUND_ROW(X, S)                                                \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, STR, caller_name, "o.caller_name")                              \
	X(S, STR, phone, "o.caller_phone")                                   \
	X(S, STR, channel, "o.channel")                                      \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, jur, "j.name")                                             \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, state, "o.state")                                          \
	X(S, STR, due, DB_DAY("o.due_date"))                                 \
	X(S, INT, overdue, "o.overdue")                                      \
	X(S, STR, content, "o.content")                                      \
	X(S, INT, likely_dup_of, "o.likely_dup_of")                          \
	X(S, INT, merged_into, "o.merged_into")
DB_ROW_STRUCT(order_found_row, ORDER_FOUND_ROW);
int order_search(struct db *db, struct arena *a, const struct order_filter *f,
		long long limit, long long offset, struct order_found_row **v, size_t *n);
/* How many orders the search finds, at most cap. */
int order_search_count(struct db *db, struct arena *a, const struct order_filter *f,
		       long long cap, long long *n);
/* The orders operator_id took (受理), newest first. */
int order_mine(struct db *db, struct arena *a, long long operator_id, long long limit,
	       long long offset, struct order_found_row **v, size_t *n);

/* An order's cooperating units, their deadlines and their parts. */
#define ORDER_COOP_PART_ROW(X, S)                                            \
	X(S, INT, unit_id, "oc.unit_id")                                     \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, due, DB_DAY("oc.due_date"))                                \
	X(S, NSTR, part, "oc.part")                                          \
	X(S, STR, at, DB_BJ_MINUTE("oc.part_at"))                            \
	X(S, STR, by, "COALESCE(us.display_name, '')")
DB_ROW_STRUCT(order_coop_part_row, ORDER_COOP_PART_ROW);
int order_coop_parts(struct db *db, struct arena *a, long long order_id,
		     struct order_coop_part_row **v, size_t *n);
/* Records unit's part once (DB_CONFLICT when it has, or is no
 * cooperating unit of the order). */
int order_coop_record(struct db *db, struct arena *a, long long order_id, long long unit,
		      long long user, const char *part);
/* Whether unit cooperates on the order (it may read it). */
int order_is_coop(struct db *db, struct arena *a, long long order_id, long long unit,
		 int *yes);

/* The deadline sweep (order_sweep.c). One sweep at a time: *got 0 when
 * another holds the lock. */
int order_sweep_lock(struct db *db, struct arena *a, int *got);
/* How many months callers' data is kept (privacy_settings). */
int order_retention(struct db *db, struct arena *a, long long *months);
int order_retention_set(struct db *db, struct arena *a, long long months, long long user);
/* Clears the caller's name and phone of at most limit finished orders
 * (answered, three-way or closed) created more than months ago; *n how
 * many. One statement: each batch commits on its own. */
int order_anonymise(struct db *db, struct arena *a, long long months, long long limit,
		    long long *n);
void order_sweep_unlock(struct db *db, struct arena *a);
/* Open orders past due (due before today) not yet marked or reminded; and
 * open orders due in [from, to) not yet reminded: at most limit ids. */
int order_sweep_late(struct db *db, struct arena *a, const char *today, long long limit,
		    long long **ids, size_t *n);
/* Cooperating units whose part is owed and due in [from, to), not yet
 * reminded of kind. */
#define ORDER_COOP_DUE_ROW(X, S)                                             \
	X(S, INT, order_id, "oc.order_id")                                   \
	X(S, INT, unit_id, "oc.unit_id")                                     \
	X(S, STR, due, DB_DAY("oc.due_date"))
DB_ROW_STRUCT(order_coop_due_row, ORDER_COOP_DUE_ROW);
int order_sweep_coops(struct db *db, struct arena *a, const char *kind, const char *from,
		      const char *to, long long limit, struct order_coop_due_row **v, size_t *n);
int order_sweep_soon(struct db *db, struct arena *a, const char *from, const char *to,
		    long long limit, long long **ids, size_t *n);
/* Order id locked, if still open and due in [from, to); else NULL. */
#define ORDER_DUE_ROW(X, S)                                                  \
	X(S, INT, unit_id, "unit_id")                                        \
	X(S, STR, due, DB_DAY("due_date"))                                   \
	X(S, INT, overdue, "overdue")
DB_ROW_STRUCT(order_due_row, ORDER_DUE_ROW);
int order_lock_due(struct db *db, struct arena *a, long long id, const char *from,
		  const char *to, struct order_due_row **o);
int order_mark_overdue(struct db *db, struct arena *a, long long id);
/* A queue reminder; *added 0 when it was there already. */
int order_remind(struct db *db, struct arena *a, long long id, long long unit,
		const char *kind, const char *due, int *added);

/* The statements whose plans tests check with EXPLAIN. */
enum order_planned {
	ORDER_PLAN_QUEUE, ORDER_PLAN_QUEUE_SIDE, ORDER_PLAN_SEARCH, ORDER_PLAN_RETURNS,
	/* the search's counts: every filter; the dates alone; the dates and
	 * one filter (parameters: its value, from, to, cap) */
	ORDER_PLAN_COUNT, ORDER_PLAN_COUNT_DAYS, ORDER_PLAN_COUNT_JUR, ORDER_PLAN_COUNT_STATE,
	ORDER_PLAN_COUNT_UNIT, ORDER_PLAN_COUNT_CATEGORY, ORDER_PLAN_COUNT_OVERDUE,
	ORDER_PLAN__MAX
};
const char *order_plan_sql(enum order_planned which);

#endif
