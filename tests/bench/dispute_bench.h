/* Synthetic disputes for make bench (benchload dispute). */
#ifndef DISPUTE_BENCH_H
#define DISPUTE_BENCH_H
#include "db.h"

/* The first id of generated disputes: far above any real data, so that
 * the bench knows which pages to read (ids FIRST .. FIRST + n - 1). */
#define DISPUTE_BENCH_FIRST_ID 1000000LL

/* Adds generated disputes until n exist (ids from DISPUTE_BENCH_FIRST_ID
 * on), from a fixed seed per dispute, with multi-row inserts and a commit
 * every 1,000. Each is opened on a closed generated order more than 60
 * days old ("bench-..." numbers, from order_bench_load: run that first)
 * of a jurisdiction that follows procedure 1 (the city's), which it sets
 * to 'disputed' (its reply and closure undone). They spread over every
 * state (the ones still under way opened in the last weeks, the finished
 * ones long ago, ids in the order they were opened), each with two
 * involved units and their opinions, one to three sealed opinions (the
 * office's coordination; 编办's or 法制局's opinion with lead unit,
 * principle and basis, or their referral or temporary opinion; a joint
 * meeting's decision), its timeline and, for one in three, a contact with
 * the caller; content_bg is bg_index_text of the content. Deadlines come
 * from the calendar. Prints "bench disputes: N". a must live as long as
 * db (batch.h). Returns 0 or a db_err. */
int dispute_bench_load(struct db *db, struct arena *a, long long n);

#endif
