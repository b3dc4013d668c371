/* The rules of work orders (U1, U2, D3, D4.1): intake, the actions on an
 * order and who sees it. Called with a context and typed input, never a
 * request; each returns 0 or the status of a refusal (400, 403, 404, 409)
 * or of the database (503, 500), with *msg saying why when a user should
 * read it. Every state change goes through order.c's table. */
#ifndef ORDER_OPS_H
#define ORDER_OPS_H
#include "actor.h"
#include "order.h"
#include "order_store.h"
#include "open311_store.h"

/* What the operator filed. outcome is "answer", "three_way" or
 * "dispatch"; ids are 0 when not chosen. */
struct order_intake {
	const char *outcome;
	const char *channel, *caller_name, *caller_phone, *place, *content, *demand,
		*cause, *contradiction;
	long long category, jur, entry, three_way_unit, unit;
	const char *query;      /* the search that found the entry, or NULL */
	const char *intake_key; /* the form's key: sent again, it finds its order */
	long long pending;      /* the request another system filed that this takes, or 0 */
	long long dup;          /* the order this one is a likely duplicate of, or 0 */
};
/* Files the call in one transaction; 0 with *id, or a status (400 with
 * *msg for the form). outcome may also be "refer" (a category marked for
 * another channel). code receives the caller's new 查询码, "" when none
 * was made (the form sent again, or a filed request that has its own). */
int order_intake(const struct ctx *c, const struct order_intake *in, long long *id,
		 char code[7], const char **msg);

/* A request another system filed (Open311): it waits, pending, in the
 * operators' intake queue with channel open311. */
struct order_request {
	const char *source, *caller_name, *caller_phone, *place, *content;
	long long category, jur;
	const char *jur_code;
	struct o311_new extra;   /* open311_store.h; order_id is set here */
};
/* Files it in one transaction: 0 with *id, number (48 bytes) and the
 * caller's new query code, or a db_err. */
int order_file_request(const struct ctx *c, struct order_request *in, long long *id,
		       char number[48], char code[7]);

/* Merges order id (a likely duplicate, open) into master: it closes with
 * a link to it, its caller counts among the master's, and the master's
 * reply answers it. Merged orders of id follow it. 0, or 400/404/409 with
 * *msg, or a db status. */
int order_merge_into(const struct ctx *c, long long id, long long master, const char **msg);
/* The office finds order id is not a duplicate after all: its mark goes
 * (it leaves the list of likely duplicates). 0, 404, 409, or a db status. */
int order_clear_likely(const struct ctx *c, long long id);
/* A new query code for order id, for a caller who lost theirs: 0 with
 * code, or a status. The operators and the office may. */
int order_new_qcode(const struct ctx *c, long long id, char code[7]);

/* The form of an action; NULL and 0 for what was not given. */
struct order_input {
	const char *note, *result, *reason, *basis, *satisfaction;
	long long unit;         /* redispatch: the new unit */
	long long suggested;    /* return: the unit the clerk names */
};
/* One action on order id (not OA_OPEN_DISPUTE: dispute_ops.c files
 * disputes). */
int order_act(const struct ctx *c, long long id, enum order_action a,
	      const struct order_input *in, const char **msg);
/* 配合办理情况: a cooperating unit (D4.2) records its part of order id,
 * once, while the order is open; it shows on the timeline. 0, or 404 /
 * 403 / 409 / 400 with *msg. */
int order_coop_part(const struct ctx *c, long long id, const char *part, const char **msg);
/* The form fields action a needs that in lacks (at most max); how many. */
size_t order_missing(enum order_action a, const struct order_input *in, const char **out,
		     size_t max);

/* Order id as the actor may see it: 0 with *o and *parties, or 404 (also
 * for an order they may not see) or a db status. The unit of a three-way
 * call and a cooperating unit (D4.2) read it without acting on it. */
int order_load(const struct ctx *c, long long id, struct order_row **o, unsigned *parties);

/* The dispute whose determination binds unit to order id (D6.5), or 0:
 * that unit may not ask to return it again. A db_err. */
int order_binding(const struct ctx *c, long long id, long long unit, long long *dispute);

/* The routing rules' unit for a category in a jurisdiction (rules whose
 * keywords all occur in content first); *unit 0 when none. A db_err. */
int order_suggest(const struct ctx *c, long long category, long long jur,
		  const char *content, long long *unit, const char **name);

/* The due date of an order of category dispatched today. A db_err;
 * DB_FK when the category does not exist. */
int order_due_for(const struct ctx *c, long long category, char due[11]);

/* ---- what a dispute does to its order (dispute_ops.c) ------------------
 * Each runs in the caller's transaction and changes the order only
 * through order.c's table, as the actor. */

/* Refers order id to the determination procedure: the checks of
 * OA_OPEN_DISPUTE, then the order is marked disputed. 0 with *o (the
 * order) and *return_id (its pending return, 0 when none), or a status. */
int order_refer(const struct ctx *c, long long id, struct order_row **o,
		long long *return_id, const char **msg);
/* After the dispute was opened: the return is decided "disputed", the
 * timeline and the audit log say so. A db_err. */
int order_referred(const struct ctx *c, long long id, long long return_id,
		   long long dispute, const char *note);
/* The determination sends the disputed order to the lead unit, due after
 * its category's time limit. A db_err, DB_CONFLICT when the order is not
 * disputed any more. */
/* An interim opinion (临时处理意见) of dispute hands order id to unit
 * meanwhile, due the category's working days from today: it stays
 * disputed and shows in that unit's queue until the determination. */
int order_temporary(const struct ctx *c, long long id, long long unit, long long dispute,
		    const char *opinion);
int order_determined(const struct ctx *c, long long id, long long lead,
		     long long dispute, const char *opinion);
/* The lead unit accepts the determination: it signs for the order too,
 * unless it already has. A db_err. */
int order_lead_accepts(const struct ctx *c, long long id, long long dispute);

#endif
