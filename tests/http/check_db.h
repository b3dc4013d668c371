/* For the HTTP suites that also set up or read data in the stack's
 * database directly (orders, disputes): its configuration, a connection
 * per use, and dates as the calendar makes them. Header-only, like
 * check_web.h; link build/libhotline.a. */
#ifndef CHECK_DB_H
#define CHECK_DB_H
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "config.h"
#include "db.h"

static struct config cfg;       /* $VAR/hotline.conf, read by db_suite_init */
static char today[11];          /* today in Beijing, YYYY-MM-DD */

/* Today's date and the stack's configuration, before Check forks; 0, or
 * -1 after saying why. */
static inline int db_suite_init(const char *suite)
{
	time_t now = time(NULL) + 8 * 3600;
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	const char *var = getenv("VAR");
	if (var == NULL || *var == '\0') {
		fprintf(stderr, "%s: VAR (the stack's state directory) is not set\n", suite);
		return -1;
	}
	char conf[1024];
	snprintf(conf, sizeof conf, "%s/hotline.conf", var);
	return config_load(&cfg, conf) < 0 ? -1 : 0;
}

struct sqlc {
	struct db *db;
	struct arena a;
};

static inline void sql_open(struct sqlc *s)
{
	s->db = db_new(&cfg);
	arena_init(&s->a, 1 << 16);
}

static inline void sql_close(struct sqlc *s)
{
	db_free(s->db);
	arena_free(&s->a);
}

static inline time_t noon_of(const char *day)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	ck_assert_int_eq(sscanf(day, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday), 3);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 12;
	return timegm(&tm);
}

/* day + n calendar days, into out. */
static inline void add_days(const char *day, int n, char out[11])
{
	time_t t = noon_of(day) + (time_t)n * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The n-th working day after today, worked out here from the calendar
 * table and the Monday-Friday week (not with the code under test): the
 * deadline of a step that starts today. */
static inline void expected_due(int n, char out[11])
{
	static const char calendar_sql[] =
		"SELECT DATE_FORMAT(day, '%Y-%m-%d'), kind FROM calendar_days"
		" WHERE day > ? AND day <= ? + INTERVAL 120 DAY";
	struct sqlc s;
	sql_open(&s);
	struct dbres cal;
	int rc = db_run(s.db, &s.a, calendar_sql, &cal, "ss", today, today);
	ck_assert_msg(rc == DB_OK, "reading the calendar: %s", db_error(s.db));
	char d[11], next[11];
	snprintf(d, sizeof d, "%s", today);
	while (n > 0) {
		add_days(d, 1, next);
		memcpy(d, next, sizeof d);
		const char *kind = NULL;
		for (size_t i = 0; i < cal.nrows; i++)
			if (strcmp(db_cell(&cal, i, 0), d) == 0)
				kind = db_cell(&cal, i, 1);
		time_t t = noon_of(d);
		struct tm tm;
		gmtime_r(&t, &tm);
		int work = kind ? strcmp(kind, "workday") == 0
				: tm.tm_wday >= 1 && tm.tm_wday <= 5;
		if (work)
			n--;
	}
	sql_close(&s);
	snprintf(out, 11, "%s", d);
}

#endif
