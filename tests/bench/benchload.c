/*
 * benchload: the generated data that make bench reads (tests/bench/bench.sh),
 * written straight into the stack's database.
 *
 *   benchload -c CONFIG kb N        published FAQ entries (kb_bench.c)
 *   benchload -c CONFIG order N     work orders with their timelines (order_bench.c)
 *   benchload -c CONFIG dispute N   disputes on those orders (dispute_bench.c)
 *
 * Each adds rows until N generated ones exist, from a fixed seed, and
 * prints one "bench ...: N" line. Test code: it is no part of the product
 * and links the library only for the database, arena and domain helpers.
 * Exit 0, or 2 with a message on standard error.
 */
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "dispute_bench.h"
#include "kb_bench.h"
#include "order_bench.h"

/* One kind of generated data: what N may be and who makes it. */
struct load {
	const char *name;
	long long max;
	int (*run)(struct db *db, struct arena *a, long long n);
	const char *help;
};

/* Member units (every active unit but the call centre) until n exist: the
 * new ones are city departments "bench-unit-N", so that the knowledge and
 * the orders loaded after them spread over them too. */
static int unit_bench_load(struct db *db, struct arena *a, long long n)
{
	static const char *const count_sql =
		"SELECT COUNT(*) FROM units WHERE active = 1 AND kind <> 'callcentre'";
	static const char *const add_sql =
		"INSERT INTO units (code, name, kind, jurisdiction_id) VALUES (?, ?, 'department', 1)";
	struct dbres cnt;
	int rc = db_exec0(db, a, count_sql, &cnt);
	long long have = rc == DB_OK ? db_int(&cnt, 0, 0) : 0;
	for (long long i = have; rc == DB_OK && i < n; i++)
		rc = db_exec(db, a, add_sql, NULL, DB_S(arena_printf(a, "bench-unit-%lld", i)),
			     DB_S(arena_printf(a, "梅州市测试单位%lld", i)));
	if (rc == DB_OK)
		printf("bench units: %lld\n", have > n ? have : n);
	return rc;
}

static const struct load loads[] = {
	{ "unit", 10000, unit_bench_load, "member units (city departments bench-unit-N)" },
	{ "kb", 10000000, kb_bench_load, "published FAQ entries, ids from 1000000" },
	{ "order", 10000000, order_bench_load, "work orders numbered bench-YYYYMMDD-NNNNNN" },
	{ "dispute", 1000000, dispute_bench_load,
	  "disputes on closed generated orders (after order), ids from 1000000" },
};
#define NLOADS (sizeof loads / sizeof loads[0])

static void usage(void)
{
	fprintf(stderr, "usage: benchload -c CONFIG KIND N\n");
	for (size_t i = 0; i < NLOADS; i++)
		fprintf(stderr, "  %-8s N   %s (N at most %lld)\n", loads[i].name, loads[i].help,
			loads[i].max);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *conf = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "c:")) != -1) {
		if (opt == 'c')
			conf = optarg;
		else
			usage();
	}
	argc -= optind;
	argv += optind;
	if (conf == NULL || argc != 2)
		usage();
	const struct load *l = NULL;
	for (size_t i = 0; i < NLOADS; i++)
		if (strcmp(argv[0], loads[i].name) == 0)
			l = &loads[i];
	if (l == NULL)
		usage();
	char *end;
	long long n = strtoll(argv[1], &end, 10);
	if (argv[1][0] == '\0' || *end != '\0' || n < 0 || n > l->max) {
		fprintf(stderr, "benchload: %s: N must be 0 to %lld\n", l->name, l->max);
		return 2;
	}

	struct config cfg;
	if (config_load(&cfg, conf) < 0)
		return 2;
	if (mysql_library_init(0, NULL, NULL) != 0)
		return 2;
	/* Freed after db: the generators' statement texts live in it. */
	struct arena arena;
	arena_init(&arena, 1 << 20);
	struct db *db = db_new(&cfg);
	db_allow_long_ops(db);
	int rc = l->run(db, &arena, n);
	if (rc != DB_OK)
		fprintf(stderr, "benchload: %s: %s%s\n", l->name, db_error(db),
			rc == DB_DOWN ? " (database unreachable)" : "");
	db_free(db);
	arena_free(&arena);
	mysql_library_end();
	return rc == DB_OK ? 0 : 2;
}
