/* Work orders for the HTTP suites: calls taken through the intake form,
 * orders as time would leave them (inserted by SQL), what a user reads on
 * an order's page and in the queues, and refused actions that must change
 * nothing. */
#ifndef ORDERS_H
#define ORDERS_H
#include "harness.h"

/* This run's phone number n: eleven digits. */
const char *phone_no(char out[32], int n);
/* How a member unit sees a number: 138****1234. */
const char *masked(const char *phone, char out[32]);

/* ---- this run's categories ---------------------------------------------- */

/* Made by setup_order_categories (a suite's setup) through SQL, named with the
 * stamp: a parent, its leaves of LIMIT_DAYS working days (cat_leaf is
 * routed: 梅州市 → 人社局, 梅江区 → 梅江区人社局, and 梅州市 with the
 * keyword 落户 → 户政支队; the others are not), and an inactive leaf. */
#define LIMIT_DAYS 3
extern long cat_parent, cat_leaf, cat_inactive, cat_other, cat_extra;
extern char leaf_name[128], other_name[128], extra_name[128];
int setup_order_categories(void);

/* ---- intake ------------------------------------------------------------- */

struct call {
	const char *outcome;     /* answer, three_way, dispatch; NULL: none */
	const char *phone, *content, *demand, *q, *channel, *caller;
	long cat, jur, unit, tw_unit, entry;   /* 0: not sent */
};

/* A call of category cat in jurisdiction jur, to be dispatched to unit. */
struct call dispatch_to(const char *phone, long cat, long jur, long unit);
/* Posts the intake form as the operator op would, to action (/orders to
 * record it, /orders/new to search or look up); returns the status. */
long post_call(struct web *op, const char *action, const struct call *c);
/* Records the call; expects the redirect to the new order and its notice.
 * Returns the order's id and copies its number when asked. */
long create(struct web *op, const struct call *c, char *number, size_t size);
/* The daily sequence of an order number "<code>-<YYYYMMDD>-NNNN" of
 * jurisdiction code, taken on a day of the run (copied to day when asked). */
int number_seq(const char *number, const char *code, char day[9]);
/* Whether number b was the next one after a in their jurisdiction: the
 * same day's next, or the first of the day after when the run crossed
 * midnight between them. */
int next_number(const char *a, const char *b, const char *code);
/* The id of a published entry titled title, found as the operator finds
 * it: with the knowledge search beside the intake form. */
long kb_entry(struct web *op, const char *title);

/* ---- orders as time leaves them ------------------------------------------------ */

struct raw {
	const char *number, *phone, *state, *due, *content;
	long jur, cat, unit, days_ago;
	int overdue;
};
/* Inserts an order straight into the table (for dates and flags the pages
 * cannot make today); returns its id. */
long raw_order(const struct raw *o);
/* An order number of this run: "t<stamp>-<tag>". */
const char *raw_number(char out[64], const char *tag);
/* The Beijing date the order was taken on, as the server stored it. */
const char *order_day(const char *number, char out[11]);

/* ---- what a user reads -------------------------------------------------- */

struct snap {
	char number[64], state[64], unit[192], due[16];
	int events;
};
void snap(struct web *w, long id, struct snap *s);
const char *order_state(struct web *w, long id, char out[64]);
#define STATE_IS(w, id, want)                                                 \
	do {                                                                  \
		char st_[64];                                                 \
		ck_assert_str_eq(order_state((w), (id), st_), (want));        \
	} while (0)

/* w (who) posts action on order id and is refused with want; the order,
 * as obs sees it, is unchanged, and a 404 does not show the order. */
void refused(struct web *obs, struct web *w, const char *who, long id,
	     const char *action, const char *extra, int want);

/* Checks timeline entry n (1-based) of the page last fetched (an order's
 * or a dispute's): the step, who took it in which unit, on a day of the
 * run, and a part of its note (NULL: not checked). */
void timeline_is(struct web *w, int n, const char *step, const char *who,
		 const char *unit, const char *part);

/* Whether w's queue (bucket; "" for all open orders) lists the order
 * number, paging through; copies the row's phone cell when listed. */
int in_queue(struct web *w, const char *bucket, const char *number, char *phone,
	     size_t size);

/* The office's search with query lists exactly the n numbers given. */
void search_lists(struct web *w, const char *query, int n, ...);
/* The cell of number's row of the search page under the column headed head. */
const char *search_cell(struct web *w, const char *number, const char *head);

/* Runs hotlinectl sweep (overdue marks and reminders) once it gets its
 * lock. */
void run_sweep(void);

#endif
