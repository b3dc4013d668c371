/* The rules of the determination procedure (D2-D8): who sees a dispute,
 * its opening from an order, its steps and their deadlines, the routing
 * rule a determination teaches. Called with a context and typed input,
 * never a request; each returns 0 or the status of a refusal (400, 403,
 * 404, 409) or of the database, with *msg saying why. What a step does to
 * the order goes through order_ops.c. */
#ifndef DISPUTE_OPS_H
#define DISPUTE_OPS_H
#include "actor.h"
#include "dispute.h"
#include "dispute_store.h"

/* The form of a step; NULL and 0 for what was not given. */
struct dispute_input {
	const char *opinion, *note, *reason, *facts, *principle, *basis;
	long long lead_unit, temp_unit;
	const long long *coops;   /* cooperating units, as chosen */
	size_t ncoops;
};

/* One dispute as its pages show it. */
struct dispute_page {
	struct dispute_row *d;
	struct dispute_unit_row *units;
	size_t nunits;
	struct dispute_opinion_row *opinions;
	size_t nopinions;
	struct dispute_name_row *names;   /* every unit an opinion names as cooperating */
	size_t nnames;
	struct dispute_view v;
	unsigned parties;
};
/* Loads dispute id for the actor: 0, or 404 when it does not exist or is
 * not theirs to see, or a db status. */
int dispute_load(const struct ctx *c, long long id, struct dispute_page *p);
/* The names of the units in ids (space-separated), "、"-joined. */
const char *dispute_names_of(struct arena *a, const struct dispute_page *p, const char *ids);

/* 提请争议认定: the office refers order_id (with its pending return, if
 * any) to the procedure in force for its jurisdiction. 0 with *id. */
int dispute_file(const struct ctx *c, long long order_id, const char *note, long long *id,
		 const char **msg);
/* One step of the procedure on dispute id. */
int dispute_act(const struct ctx *c, long long id, enum dispute_action a,
		const struct dispute_input *in, const char **msg);
/* The same in the caller's transaction (a meeting's decision). */
int dispute_act_in_tx(const struct ctx *c, long long id, enum dispute_action a,
		      const struct dispute_input *in, const char **msg);
/* 编办 or 法制局, whichever step the dispute is at: decision "opinion",
 * "legal" (编办 only: refer on) or "temporary". *done names what was done
 * for the page ("sealed" or "referred"). */
int dispute_review(const struct ctx *c, long long id, const char *decision,
		   const struct dispute_input *in, const char **msg, const char **done);
/* A routing rule from the determination: later orders of its category in
 * its jurisdiction (with keywords, "" for none) go to the lead unit. */
/* The form fields action a needs that in lacks (at most max); how many. */
size_t dispute_missing(enum dispute_action a, const struct dispute_input *in,
		       const char **out, size_t max);
/* The form fields the review's decision needs that in lacks (at most
 * max); how many. */
size_t dispute_review_missing(const char *decision, const struct dispute_input *in,
			      const char **out, size_t max);
int dispute_make_rule(const struct ctx *c, long long id, const char *keywords, const char **msg);

#endif
