/* Synthetic knowledge for make bench (benchload kb). */
#ifndef KB_BENCH_H
#define KB_BENCH_H
#include "db.h"

/* The first id of generated entries (and their versions): far above any
 * real data, so that the bench knows which pages to read. */
#define KB_BENCH_FIRST_ID 1000000LL

/* Adds published FAQ entries until n generated ones exist (one in ten
 * internal), from a fixed seed, with multi-row inserts. Prints the
 * seconds it took (full-text indexes included). a must live as long as
 * db (batch.h). Returns 0 or a db_err. */
int kb_bench_load(struct db *db, struct arena *a, long long n);

#endif
