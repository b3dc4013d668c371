#include "calendar_store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

enum stmt {
	STMT_ALL,
	STMT_RANGE,
	STMT_SET,
	STMT_CLEAR,
	STMT__MAX
};

DB_ROW_COLS(calendar_day_row, CALENDAR_DAY_ROW);

/* What calendar_load needs of an exception, for this file. */
#define CALENDAR_KIND_ROW(X, S)                                              \
	X(S, STR, day, DB_DAY("day"))                                        \
	X(S, STR, kind, "kind")
DB_ROW_STRUCT(calendar_kind_row, CALENDAR_KIND_ROW);
DB_ROW_COLS(calendar_kind_row, CALENDAR_KIND_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_ALL] = "SELECT " DB_COLS(CALENDAR_KIND_ROW) " FROM calendar_days ORDER BY day",
	[STMT_RANGE] = "SELECT " DB_COLS(CALENDAR_DAY_ROW) " FROM calendar_days"
	" WHERE day BETWEEN ? AND ? ORDER BY day",
	[STMT_SET] = "INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)"
	" ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),"
	" updated_at = UTC_TIMESTAMP()",
	[STMT_CLEAR] = "DELETE FROM calendar_days WHERE day = ?",
};

int calendar_load(struct db *db, struct arena *a, struct wd_calendar *out)
{
	struct dbres res;
	struct calendar_kind_row *rows;
	size_t nrows;
	int rc = db_exec0(db, a, sql[STMT_ALL], &res);
	DB_ROWS_OUT(rc, &res, calendar_kind_row, a, &rows, &nrows);
	if (rc != DB_OK)
		return rc;
	struct wd_exception *v = arena_alloc(a, (nrows + 1) * sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < nrows; i++) {
		int day;
		if (wd_parse(rows[i].day, &day) < 0)
			continue;
		v[n].day = day;
		v[n].kind = strcmp(rows[i].kind, "holiday") == 0 ? WD_HOLIDAY : WD_WORKDAY;
		n++;
	}
	out->v = v;
	out->n = n;
	return DB_OK;
}

int calendar_range(struct db *db, struct arena *a, const char *from,
		   const char *to, struct calendar_day_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RANGE], &res, DB_S(from), DB_S(to));
	DB_ROWS_OUT(rc, &res, calendar_day_row, a, v, n);
	return rc;
}

int calendar_set(struct db *db, struct arena *a, const char *day,
		 const char *kind, const char *name)
{
	if (strcmp(kind, "normal") == 0)
		return db_exec(db, a, sql[STMT_CLEAR], NULL, DB_S(day));
	return db_exec(db, a, sql[STMT_SET], NULL, DB_S(day), DB_S(kind),
		       DB_S(name ? name : ""));
}

int calendar_window_parse(struct arena *a, const char *from, const char *text,
			  struct wd_calendar *out)
{
	int base;
	out->v = NULL;
	out->n = 0;
	if (wd_parse(from, &base) < 0)
		return -1;
	if (text == NULL || *text == '\0')
		return 0;
	size_t max = 1;
	for (const char *p = text; *p; p++)
		max += *p == ',';
	struct wd_exception *v = arena_alloc(a, max * sizeof *v);
	size_t n = 0;
	for (const char *p = text; *p;) {
		char *end;
		long off = strtol(p, &end, 10);
		if (end == p || off < 0 || off > CALENDAR_WINDOW_MAX ||
		    (*end != 'h' && *end != 'w'))
			return -1;
		v[n].day = base + (int)off;
		v[n].kind = *end == 'h' ? WD_HOLIDAY : WD_WORKDAY;
		n++;
		p = end + 1;
		if (*p == ',')
			p++;
		else if (*p != '\0')
			return -1;
	}
	out->v = v;
	out->n = n;
	return 0;
}

void calendar_today(char out[11])
{
	time_t now = time(NULL) + 8 * 3600;
	struct tm tm;
	gmtime_r(&now, &tm);
	wd_format(wd_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), out);
}

int calendar_workdays_from_today(struct db *db, struct arena *a, int n,
				 char today[11], char out[11])
{
	struct wd_calendar cal;
	int rc = calendar_load(db, a, &cal);
	if (rc != DB_OK)
		return rc;
	int d = 0;
	calendar_today(today);
	wd_parse(today, &d);
	wd_format(wd_add(&cal, d, n), out);
	return DB_OK;
}
