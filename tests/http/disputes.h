/* Disputed orders (争议工单) for the HTTP suites: orders put to a dispute,
 * its steps as the units, the office, 编办, 法制局 and the convener take
 * them, and what a user reads on a dispute's page. */
#ifndef DISPUTES_H
#define DISPUTES_H
#include "orders.h"

/* This run's categories (leaves of one parent, LIMIT_DAYS working days),
 * made by dispute_categories (a suite's setup): cat_main for most
 * disputes, cat_learn for the routing rule and the similar determinations,
 * cat_apart for a dispute that is like neither. */
extern long cat_main, cat_learn, cat_apart;
extern char main_name[128], learn_name[128];
int dispute_categories(void);

/* The operator takes call n of category cat in jur and dispatches it to
 * unit; returns the order's id and copies its number. */
long dispatch(struct web *op, int n, long jur, long unit, long cat, const char *content,
	      char number[64]);
/* The clerk asks to return order id, naming the unit suggested (D3). */
void ask_return(struct web *clerk, long id, long suggested);
/* The office puts order id to a dispute (D6.1); returns the dispute's id,
 * read from the order's page. */
long open_dispute(struct web *office, long order, const char *note);

/* A dispute of a city order of cat dispatched to 人社局, whose clerk asks
 * to return it to 户政支队. Copies the order's id and number when asked. */
long city_dispute(struct web *op, struct web *clerk, struct web *office, int n, long cat,
		  const char *content, long *order, char number[64]);
/* ... with both units' opinions, coordinated and referred to 编办. */
long referred_dispute(struct web *op, struct web *clerk, struct web *psb,
		      struct web *office, int n, long cat, const char *content, long *order,
		      char number[64]);
/* ... decided by 编办: 户政支队 leads, 人社局 cooperates. */
long ready_dispute(struct web *op, struct web *clerk, struct web *psb, struct web *office,
		   struct web *bianban, int n, long cat, const char *content, long *order,
		   char number[64]);

/* A unit's opinion, entered by its clerk w. */
void unit_opinion(struct web *w, long id, const char *opinion);
/* The office seals its coordination and refers the dispute to 编办. */
void coordinate_refer(struct web *office, long id);
/* A reviewer's decision=opinion naming lead (and coop, or 0); NULL text
 * fields are left out. */
const char *review_body(struct web *w, char *body, size_t size, long lead, long coop,
			const char *principle, const char *basis, const char *opinion);
/* The office's determination. */
void determine(struct web *office, long id, const char *opinion);

/* ---- what a user reads -------------------------------------------------- */

struct dsnap {
	char state[64], lead[192], due[16];
	int left;             /* the countdown's working days; -1 without one */
	int opinions, events, contacts, answered;
};
void dpage(struct web *w, long id);
void dsnap(struct web *w, long id, struct dsnap *s);
const char *dstate(struct web *w, long id, char out[64]);
#define DSTATE_IS(w, id, want)                                                \
	do {                                                                  \
		char st_[64];                                                 \
		ck_assert_str_eq(dstate((w), (id), st_), (want));             \
	} while (0)

/* w (who) posts step on dispute id and is refused with want; the dispute,
 * as obs sees it, is unchanged, and a 404 does not show it. The message
 * is kept in refusal. */
void dispute_refused(struct web *obs, struct web *w, const char *who, long id,
		     const char *step, const char *extra, int want);

/* Sealed opinion n (1-based) of the dispute page last fetched: its stage,
 * its row label, the sealing unit and a day of the run in its seal mark. */
void opinion_is(struct web *w, int n, const char *stage, const char *label,
		const char *seal_unit, const char *part);

/* Whether /disputes (its first page: the newest 50) lists id, and the
 * working days left it shows for id (-1: none) on the list last fetched. */
int in_list(struct web *w, long id);
int listed(struct web *w, long id);
int list_left(struct web *w, long id);

#endif
