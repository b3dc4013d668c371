/* Synthetic work orders for make bench (benchload order). */
#ifndef ORDER_BENCH_H
#define ORDER_BENCH_H
#include "db.h"

/* Adds generated orders until n exist, numbered "bench-YYYYMMDD-NNNNNN"
 * (never the form of a real number), from a fixed seed per order, with
 * multi-row inserts and a commit every 1,000 orders. They spread over the
 * active handling units and their jurisdictions, the leaf categories and
 * the last twelve months, in every state, each with its timeline events
 * (and its return or dispute row where the state has one); due dates come
 * from the calendar; open orders past due are already marked overdue,
 * their reminders are left to the sweep. Needs at least one category and
 * one department or enterprise unit. Prints the seconds it took. a must
 * live as long as db (batch.h). Returns 0 or a db_err. */
int order_bench_load(struct db *db, struct arena *a, long long n);

#endif
