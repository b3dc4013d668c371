/*
 * test_workdays.c - Check suite for the working-day calendar (workdays.c).
 *
 * Test data is the State Council's 2026 holiday arrangement
 * (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04); the same rows
 * are in sql/demo/calendar-2026.csv. Facts marked "by hand" were worked
 * out on a paper calendar, not by this code.
 */
#include "workdays.h"
#include "calendar_store.h"

#include <check.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ymd_kind {
	int y, m, d, kind;
};

static const struct ymd_kind cn2026[] = {
	/* 元旦 */
	{2026, 1, 1, WD_HOLIDAY}, {2026, 1, 2, WD_HOLIDAY}, {2026, 1, 3, WD_HOLIDAY},
	{2026, 1, 4, WD_WORKDAY},
	/* 春节 */
	{2026, 2, 14, WD_WORKDAY},
	{2026, 2, 15, WD_HOLIDAY}, {2026, 2, 16, WD_HOLIDAY}, {2026, 2, 17, WD_HOLIDAY},
	{2026, 2, 18, WD_HOLIDAY}, {2026, 2, 19, WD_HOLIDAY}, {2026, 2, 20, WD_HOLIDAY},
	{2026, 2, 21, WD_HOLIDAY}, {2026, 2, 22, WD_HOLIDAY}, {2026, 2, 23, WD_HOLIDAY},
	{2026, 2, 28, WD_WORKDAY},
	/* 清明节 */
	{2026, 4, 4, WD_HOLIDAY}, {2026, 4, 5, WD_HOLIDAY}, {2026, 4, 6, WD_HOLIDAY},
	/* 劳动节 */
	{2026, 5, 1, WD_HOLIDAY}, {2026, 5, 2, WD_HOLIDAY}, {2026, 5, 3, WD_HOLIDAY},
	{2026, 5, 4, WD_HOLIDAY}, {2026, 5, 5, WD_HOLIDAY},
	{2026, 5, 9, WD_WORKDAY},
	/* 端午节 */
	{2026, 6, 19, WD_HOLIDAY}, {2026, 6, 20, WD_HOLIDAY}, {2026, 6, 21, WD_HOLIDAY},
	/* 国庆节调休 comes before 中秋节 in date order */
	{2026, 9, 20, WD_WORKDAY},
	/* 中秋节 */
	{2026, 9, 25, WD_HOLIDAY}, {2026, 9, 26, WD_HOLIDAY}, {2026, 9, 27, WD_HOLIDAY},
	/* 国庆节 */
	{2026, 10, 1, WD_HOLIDAY}, {2026, 10, 2, WD_HOLIDAY}, {2026, 10, 3, WD_HOLIDAY},
	{2026, 10, 4, WD_HOLIDAY}, {2026, 10, 5, WD_HOLIDAY}, {2026, 10, 6, WD_HOLIDAY},
	{2026, 10, 7, WD_HOLIDAY},
	{2026, 10, 10, WD_WORKDAY},
};

#define N2026 (sizeof cn2026 / sizeof cn2026[0])

static struct wd_exception ex2026[N2026];
static struct wd_calendar cal = {ex2026, N2026};

/* Check runs each test in a fresh child, so build the calendar per test. */
static void
setup(void)
{
	for (size_t i = 0; i < N2026; i++) {
		ex2026[i].day = wd_from_ymd(cn2026[i].y, cn2026[i].m, cn2026[i].d);
		ex2026[i].kind = cn2026[i].kind;
	}
}

static void
teardown(void)
{
}

static int
ymd(int y, int m, int d)
{
	return wd_from_ymd(y, m, d);
}

/* Deterministic so that a failure reproduces. */
static uint32_t rng_state = 2463534242u;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static int
brute_between(const struct wd_calendar *c, int from, int to)
{
	int n = 0;

	for (int d = from + 1; d <= to; d++)
		n += wd_is_workday(c, d);
	return n;
}

/*
 * Check's ck_assert_* record a checkpoint with the parent process on every
 * call, which makes loops over 400 000 days crawl; loops use this instead,
 * which reaches Check only on failure.
 */
#define require(cond, ...) do { \
	if (!(cond)) \
		ck_abort_msg(__VA_ARGS__); \
} while (0)

#define ck_assert_day_eq(got, want) do { \
	char g_[11], w_[11]; \
	wd_format((got), g_); \
	wd_format((want), w_); \
	ck_assert_str_eq(g_, w_); \
} while (0)

START_TEST(test_known_day_numbers)
{
	ck_assert_int_eq(ymd(1970, 1, 1), 0);
	ck_assert_int_eq(ymd(1969, 12, 31), -1);
	ck_assert_int_eq(ymd(2000, 3, 1), 11017);
	/* 56 years after 1970 with 14 leap days (1972..2024), by hand. */
	ck_assert_int_eq(ymd(2026, 1, 1), 56 * 365 + 14);
	ck_assert_int_eq(ymd(1900, 1, 1), -25567);
}
END_TEST

START_TEST(test_ymd_roundtrip)
{
	int prev_y = 1899, prev_m = 12, prev_d = 31;

	/* Every day must follow its predecessor as a calendar would. */
	for (int day = ymd(1900, 1, 1); day <= ymd(2999, 12, 31); day++) {
		int y, m, d;

		wd_to_ymd(day, &y, &m, &d);
		require(wd_from_ymd(y, m, d) == day, "day %d -> %d-%d-%d", day, y, m, d);
		if (d == 1)
			require((m == prev_m + 1 && y == prev_y) ||
			    (m == 1 && prev_m == 12 && y == prev_y + 1),
			    "%d-%d-%d after %d-%d-%d", y, m, d, prev_y, prev_m, prev_d);
		else
			require(d == prev_d + 1 && m == prev_m && y == prev_y,
			    "%d-%d-%d after %d-%d-%d", y, m, d, prev_y, prev_m, prev_d);
		prev_y = y;
		prev_m = m;
		prev_d = d;
	}
	ck_assert_int_eq(prev_y, 2999);
}
END_TEST

START_TEST(test_weekday)
{
	ck_assert_int_eq(wd_weekday(0), 4);			/* 1970-01-01 Thu */
	ck_assert_int_eq(wd_weekday(-1), 3);			/* 1969-12-31 Wed */
	ck_assert_int_eq(wd_weekday(ymd(2026, 1, 1)), 4);		/* Thursday */
	ck_assert_int_eq(wd_weekday(ymd(2026, 1, 4)), 0);		/* Sunday */
	ck_assert_int_eq(wd_weekday(ymd(2026, 2, 14)), 6);	/* Saturday */
	ck_assert_int_eq(wd_weekday(ymd(2026, 9, 20)), 0);	/* Sunday */
	ck_assert_int_eq(wd_weekday(ymd(2026, 10, 10)), 6);	/* Saturday */
	ck_assert_int_eq(wd_weekday(ymd(2026, 12, 31)), 4);	/* Thursday */
	ck_assert_int_eq(wd_weekday(ymd(2027, 1, 1)), 5);		/* Friday */
	ck_assert_int_eq(wd_weekday(ymd(1900, 1, 1)), 1);		/* Monday */
	ck_assert_int_eq(wd_weekday(ymd(2000, 1, 1)), 6);		/* Saturday */
	for (int day = -1000; day < 1000; day++)
		require(wd_weekday(day + 1) == (wd_weekday(day) + 1) % 7, "day %d", day);
}
END_TEST

START_TEST(test_leap_years)
{
	int day;

	ck_assert_int_eq(wd_parse("2000-02-29", &day), 0);
	ck_assert_int_eq(wd_parse("2024-02-29", &day), 0);
	ck_assert_int_eq(wd_parse("1900-02-29", &day), -1);
	ck_assert_int_eq(wd_parse("2100-02-29", &day), -1);
	ck_assert_int_eq(wd_parse("2026-02-29", &day), -1);
	ck_assert_int_eq(ymd(2001, 1, 1) - ymd(2000, 1, 1), 366);
	ck_assert_int_eq(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
	ck_assert_int_eq(ymd(1901, 1, 1) - ymd(1900, 1, 1), 365);
	ck_assert_int_eq(ymd(2101, 1, 1) - ymd(2100, 1, 1), 365);
	ck_assert_int_eq(ymd(2000, 3, 1) - ymd(2000, 2, 28), 2);
	ck_assert_int_eq(ymd(1900, 3, 1) - ymd(1900, 2, 28), 1);
}
END_TEST

START_TEST(test_parse_accepts)
{
	int day = 12345;

	ck_assert_int_eq(wd_parse("2026-02-15", &day), 0);
	ck_assert_int_eq(day, ymd(2026, 2, 15));
	ck_assert_int_eq(wd_parse("1900-01-01", &day), 0);
	ck_assert_int_eq(day, ymd(1900, 1, 1));
	ck_assert_int_eq(wd_parse("2999-12-31", &day), 0);
	ck_assert_int_eq(day, ymd(2999, 12, 31));
	ck_assert_int_eq(wd_parse("1970-01-01", &day), 0);
	ck_assert_int_eq(day, 0);
	ck_assert_int_eq(wd_parse("2026-04-30", &day), 0);
	ck_assert_int_eq(wd_parse("2026-12-31", &day), 0);
}
END_TEST

START_TEST(test_parse_rejects)
{
	static const char *const bad[] = {
		"2026-02-30", "2026-2-1", "2026-02-01x", "", "+2026-01-01",
		"-2026-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-01\n",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
		"2026-04-31", "2026-06-31", "1899-12-31", "3000-01-01", "0000-01-01",
		"2026/01/01", "20260101", "2026-0a-01", "2026-+1-01", "2026--1-01",
		"2026-01- 1", "2026-01-1", "2026-1-01", "26-01-01", "2026-01",
		"2026", "12026-01-01", "２０２６-01-01", "2026-01-01T00:00",
	};
	int day = 777;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(wd_parse(bad[i], &day) == -1, "accepted \"%s\"", bad[i]);
		ck_assert_int_eq(day, 777);	/* untouched on failure */
	}
	ck_assert_int_eq(wd_parse(NULL, &day), -1);
	ck_assert_int_eq(wd_parse("2026-01-01", NULL), -1);
	/* An embedded NUL ends the string early: that is a short string. */
	ck_assert_int_eq(wd_parse("2026-01\0-01", &day), -1);
}
END_TEST

START_TEST(test_format_roundtrip)
{
	char s[11];
	int back;

	wd_format(0, s);
	ck_assert_str_eq(s, "1970-01-01");
	wd_format(ymd(2026, 2, 14), s);
	ck_assert_str_eq(s, "2026-02-14");
	wd_format(ymd(1900, 1, 1), s);
	ck_assert_str_eq(s, "1900-01-01");
	for (int day = ymd(1900, 1, 1); day <= ymd(2999, 12, 31); day++) {
		wd_format(day, s);
		require(strlen(s) == 10 && wd_parse(s, &back) == 0 && back == day,
		    "day %d formats as \"%s\"", day, s);
	}
}
END_TEST

START_TEST(test_format_out_of_range)
{
	char s[11];

	memset(s, 'x', sizeof s);
	wd_format(ymd(9999, 12, 31), s);
	ck_assert_str_eq(s, "9999-12-31");
	wd_format(ymd(0, 1, 1), s);
	ck_assert_str_eq(s, "0000-01-01");
	wd_format(ymd(10000, 1, 1), s);
	ck_assert_str_eq(s, "");
	wd_format(ymd(-1, 12, 31), s);
	ck_assert_str_eq(s, "");
	wd_format(INT_MAX, s);
	ck_assert_str_eq(s, "");
	wd_format(INT_MIN, s);
	ck_assert_str_eq(s, "");
}
END_TEST

START_TEST(test_sort)
{
	struct wd_exception v[N2026];

	memcpy(v, ex2026, sizeof v);
	for (size_t i = N2026 - 1; i > 0; i--) {
		size_t j = rng() % (i + 1);
		struct wd_exception t = v[i];

		v[i] = v[j];
		v[j] = t;
	}
	wd_sort(v, N2026);
	for (size_t i = 0; i < N2026; i++) {
		ck_assert_int_eq(v[i].day, ex2026[i].day);
		ck_assert_int_eq(v[i].kind, ex2026[i].kind);
	}
	wd_sort(NULL, 0);
	wd_sort(v, 1);
}
END_TEST

START_TEST(test_data_is_sorted)
{
	/* The calendar contract; the table above is written in date order. */
	for (size_t i = 1; i < N2026; i++)
		ck_assert_int_lt(ex2026[i - 1].day, ex2026[i].day);
	/* Make-up days are on weekends, as the notice says. */
	for (size_t i = 0; i < N2026; i++)
		if (ex2026[i].kind == WD_WORKDAY) {
			int w = wd_weekday(ex2026[i].day);

			ck_assert(w == 0 || w == 6);
		}
}
END_TEST

START_TEST(test_is_workday_2026)
{
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 1, 1)), 0);	/* Thu, 元旦 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 1, 3)), 0);	/* Sat, 元旦 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 1, 4)), 1);	/* Sun, 调休 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 1, 5)), 1);	/* Mon */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 1, 10)), 0);	/* Sat */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 2, 13)), 1);	/* Fri */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 2, 14)), 1);	/* Sat, 调休 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 2, 16)), 0);	/* Mon, 春节 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 2, 23)), 0);	/* Mon, 春节 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 2, 24)), 1);	/* Tue */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 2, 28)), 1);	/* Sat, 调休 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 3, 1)), 0);	/* Sun */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 4, 6)), 0);	/* Mon, 清明节 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 5, 9)), 1);	/* Sat, 调休 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 6, 19)), 0);	/* Fri, 端午节 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 9, 20)), 1);	/* Sun, 调休 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 9, 25)), 0);	/* Fri, 中秋节 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 10, 7)), 0);	/* Wed, 国庆节 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 10, 8)), 1);	/* Thu */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 10, 10)), 1);	/* Sat, 调休 */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 10, 11)), 0);	/* Sun */
	ck_assert_int_eq(wd_is_workday(&cal, ymd(2026, 12, 31)), 1);	/* Thu */
}
END_TEST

START_TEST(test_add_forward)
{
	/* All by hand from the notice. */
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 13), 1), ymd(2026, 2, 14));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 14), 1), ymd(2026, 2, 24));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 13), 2), ymd(2026, 2, 24));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 27), 1), ymd(2026, 2, 28));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 27), 2), ymd(2026, 3, 2));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 30), 1), ymd(2026, 10, 8));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 30), 2), ymd(2026, 10, 9));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 30), 3), ymd(2026, 10, 10));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 30), 4), ymd(2026, 10, 12));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 18), 1), ymd(2026, 9, 20));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 24), 1), ymd(2026, 9, 28));
	ck_assert_day_eq(wd_add(&cal, ymd(2025, 12, 31), 1), ymd(2026, 1, 4));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 1, 4), 1), ymd(2026, 1, 5));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 4, 3), 1), ymd(2026, 4, 7));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 4, 30), 1), ymd(2026, 5, 6));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 5, 8), 1), ymd(2026, 5, 9));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 5, 9), 1), ymd(2026, 5, 11));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 6, 18), 1), ymd(2026, 6, 22));
	/* From a holiday, counting starts at the next working day. */
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 10, 3), 1), ymd(2026, 10, 8));
	/* 15 working days after 2026-02-13: 02-14, 24, 25, 26, 27, 28,
	 * 03-02..06 (5), 03-09..12 (4) -> 2026-03-12, by hand. */
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 13), 15), ymd(2026, 3, 12));
}
END_TEST

/* A calendar window as a statement brings it (calendar_store.h): the
 * exceptions as offsets from its first day. The 2026 calendar's
 * exceptions from 2026-09-30, written that way, give the same deadlines
 * as the whole calendar; text of another form is refused. */
START_TEST(test_window_parse)
{
	char text[4096] = "", item[32];
	int from = ymd(2026, 9, 30);
	for (size_t i = 0; i < N2026; i++)
		if (ex2026[i].day >= from) {
			snprintf(item, sizeof item, "%s%d%c", text[0] ? "," : "",
				 ex2026[i].day - from, ex2026[i].kind == WD_HOLIDAY ? 'h' : 'w');
			strcat(text, item);
		}
	struct arena a;
	arena_init(&a, 4096);
	struct wd_calendar w;
	ck_assert_int_eq(calendar_window_parse(&a, "2026-09-30", text, &w), 0);
	ck_assert_uint_gt(w.n, 5);
	for (int n = 1; n <= 40; n++)
		ck_assert_day_eq(wd_add(&w, from, n), wd_add(&cal, from, n));
	ck_assert_day_eq(wd_add(&w, from, 1), ymd(2026, 10, 8));
	ck_assert_int_eq(calendar_window_parse(&a, "2026-09-30", NULL, &w), 0);
	ck_assert_uint_eq(w.n, 0);
	ck_assert_day_eq(wd_add(&w, from, 1), ymd(2026, 10, 1));
	static const char *const bad[] = { "3", "3x", "h", "3h,,4h", "3h;4h", "-1h", "999h", "3h4h" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(calendar_window_parse(&a, "2026-09-30", bad[i], &w) < 0,
			      "accepted \"%s\"", bad[i]);
	ck_assert_int_lt(calendar_window_parse(&a, "2026-13-01", "3h", &w), 0);
	arena_free(&a);
}
END_TEST

START_TEST(test_add_backward)
{
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 24), -1), ymd(2026, 2, 14));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 24), -2), ymd(2026, 2, 13));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 10, 8), -1), ymd(2026, 9, 30));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 10, 10), -3), ymd(2026, 9, 30));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 9, 21), -1), ymd(2026, 9, 20));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 1, 5), -1), ymd(2026, 1, 4));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 1, 4), -1), ymd(2025, 12, 31));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 20), -1), ymd(2026, 2, 14));
}
END_TEST

START_TEST(test_add_zero)
{
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 13), 0), ymd(2026, 2, 13));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 14), 0), ymd(2026, 2, 14));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 2, 15), 0), ymd(2026, 2, 24));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 1, 4), 0), ymd(2026, 1, 4));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 1, 1), 0), ymd(2026, 1, 4));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 10, 1), 0), ymd(2026, 10, 8));
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 3, 1), 0), ymd(2026, 3, 2));
}
END_TEST

START_TEST(test_add_range)
{
	int d = ymd(2026, 1, 5);

	ck_assert_int_eq(WD_ADD_ERROR, INT_MIN);
	ck_assert_int_eq(wd_add(&cal, d, WD_ADD_MAX + 1), INT_MIN);
	ck_assert_int_eq(wd_add(&cal, d, -WD_ADD_MAX - 1), INT_MIN);
	ck_assert_int_eq(wd_add(&cal, d, INT_MAX), INT_MIN);
	ck_assert_int_eq(wd_add(&cal, d, INT_MIN), INT_MIN);
	ck_assert_int_ne(wd_add(&cal, d, WD_ADD_MAX), INT_MIN);
	ck_assert_int_ne(wd_add(&cal, d, -WD_ADD_MAX), INT_MIN);
	ck_assert_int_eq(wd_between(&cal, d, wd_add(&cal, d, WD_ADD_MAX)), WD_ADD_MAX);
	ck_assert_int_eq(wd_between(&cal, wd_add(&cal, d, -WD_ADD_MAX) - 1, d - 1),
	    WD_ADD_MAX);
	/* Walking off the end of int is an error, not overflow. */
	ck_assert_int_eq(wd_add(&cal, INT_MAX - 1, 5), INT_MIN);
	ck_assert_int_eq(wd_add(&cal, INT_MIN + 1, -5), INT_MIN);
	ck_assert_int_eq(wd_add(NULL, INT_MAX, 1), INT_MIN);
}
END_TEST

START_TEST(test_add_year_end)
{
	/* No 2027 exceptions are loaded, so 2027-01-01 is a plain Friday. */
	ck_assert_day_eq(wd_add(&cal, ymd(2026, 12, 31), 1), ymd(2027, 1, 1));
	ck_assert_day_eq(wd_add(&cal, ymd(2027, 1, 1), 1), ymd(2027, 1, 4));
	ck_assert_day_eq(wd_add(&cal, ymd(2027, 1, 1), -1), ymd(2026, 12, 31));
}
END_TEST

START_TEST(test_between_facts)
{
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 2, 13), ymd(2026, 2, 24)), 2);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 2, 14), ymd(2026, 2, 24)), 1);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 2, 14), ymd(2026, 2, 23)), 0);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 9, 30), ymd(2026, 10, 10)), 3);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 9, 30), ymd(2026, 10, 7)), 0);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 9, 18), ymd(2026, 9, 20)), 1);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 12, 31), ymd(2027, 1, 1)), 1);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 3, 1), ymd(2026, 3, 8)), 5);
	/* to <= from is 0, never negative. */
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 3, 2), ymd(2026, 3, 2)), 0);
	ck_assert_int_eq(wd_between(&cal, ymd(2026, 12, 31), ymd(2026, 1, 1)), 0);
}
END_TEST

START_TEST(test_between_year_2026)
{
	int from = ymd(2025, 12, 31), to = ymd(2026, 12, 31);
	int brute = brute_between(&cal, from, to);

	/*
	 * By hand: 2026 starts on a Thursday and has 365 days, so 52 weeks plus
	 * one Thursday: 261 Mon-Fri days and 104 weekend days. Holidays that
	 * fall on Mon-Fri: 元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1, 中秋 1,
	 * 国庆 5 = 19; make-up days 6. 261 - 19 + 6 = 248, which is also
	 * 261 minus the 13 statutory holiday days in force since 2025. (The
	 * often-quoted 250 is 365 - 104 - 11, the rule before 2025.)
	 */
	ck_assert_int_eq(brute, 248);
	ck_assert_int_eq(wd_between(&cal, from, to), brute);
	ck_assert_int_eq(wd_between(NULL, from, to), 261);
}
END_TEST

START_TEST(test_between_months)
{
	/* Per month, by hand: Mon-Fri count, minus weekday holidays, plus make-ups. */
	static const int want[12] = {21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23};
	int sum = 0;

	for (int m = 1; m <= 12; m++) {
		int from = ymd(2026, m, 1) - 1;
		int to = m == 12 ? ymd(2026, 12, 31) : ymd(2026, m + 1, 1) - 1;
		int got = wd_between(&cal, from, to);

		ck_assert_msg(got == want[m - 1], "month %d: %d working days, want %d",
		    m, got, want[m - 1]);
		sum += got;
	}
	ck_assert_int_eq(sum, 248);
}
END_TEST

START_TEST(test_between_random)
{
	int base = ymd(2025, 11, 1);

	/* Short ranges around the exceptions, then long ones. */
	for (int i = 0; i < 20000; i++) {
		int from = base + (int)(rng() % 500);
		int to = base + (int)(rng() % 500);

		require(wd_between(&cal, from, to) ==
		    (to <= from ? 0 : brute_between(&cal, from, to)), "(%d, %d]", from, to);
	}
	for (int i = 0; i < 200; i++) {
		int from = ymd(1990, 1, 1) + (int)(rng() % 20000);
		int to = from + (int)(rng() % 30000);

		require(wd_between(&cal, from, to) == brute_between(&cal, from, to),
		    "(%d, %d]", from, to);
	}
	for (int i = 0; i < 200; i++) {
		int from = -5000 + (int)(rng() % 10000);
		int to = from + (int)(rng() % 60);

		require(wd_between(NULL, from, to) == brute_between(NULL, from, to),
		    "(%d, %d] plain", from, to);
	}
}
END_TEST

START_TEST(test_add_between_agree)
{
	for (int d = ymd(2025, 12, 1); d <= ymd(2027, 1, 31); d++) {
		for (int n = 1; n <= 40; n++) {
			int f = wd_add(&cal, d, n);
			int b = wd_add(&cal, d, -n);

			/* f is the n-th working day after d: n in (d, f], n-1 in (d, f). */
			require(wd_is_workday(&cal, f) && wd_between(&cal, d, f) == n &&
			    wd_between(&cal, d, f - 1) == n - 1, "day %d + %d", d, n);
			/* b is the n-th working day before d: n in [b, d). */
			require(wd_is_workday(&cal, b) && wd_between(&cal, b - 1, d - 1) == n &&
			    wd_between(&cal, b, d - 1) == n - 1, "day %d - %d", d, n);
			if (wd_is_workday(&cal, d))
				require(wd_add(&cal, f, -n) == d && wd_add(&cal, b, n) == d,
				    "day %d +- %d not inverse", d, n);
		}
		require(wd_add(&cal, d, 0) ==
		    (wd_is_workday(&cal, d) ? d : wd_add(&cal, d, 1)), "day %d + 0", d);
	}
	for (int i = 0; i < 200; i++) {
		int d = ymd(2020, 1, 1) + (int)(rng() % 4000);
		int n = 1 + (int)(rng() % WD_ADD_MAX);

		require(wd_between(&cal, d, wd_add(&cal, d, n)) == n, "day %d + %d", d, n);
	}
}
END_TEST

START_TEST(test_noop_and_odd_exceptions)
{
	struct wd_exception v[] = {
		{ymd(2026, 3, 1), WD_HOLIDAY},	/* holiday on a Sunday: no change */
		{ymd(2026, 3, 4), WD_WORKDAY},	/* workday on a Wednesday: no change */
		{ymd(2026, 3, 5), 99},		/* unknown kind: ignored */
		{ymd(2026, 3, 9), WD_HOLIDAY},	/* duplicate: first after sort wins */
		{ymd(2026, 3, 9), WD_WORKDAY},
		{ymd(2026, 3, 14), WD_WORKDAY},	/* duplicate on a Saturday */
		{ymd(2026, 3, 14), WD_WORKDAY},
	};
	struct wd_calendar c = {v, sizeof v / sizeof v[0]};
	int from = ymd(2026, 2, 28), to = ymd(2026, 3, 31);

	wd_sort(v, c.n);
	ck_assert_int_eq(wd_is_workday(&c, ymd(2026, 3, 1)), 0);
	ck_assert_int_eq(wd_is_workday(&c, ymd(2026, 3, 4)), 1);
	ck_assert_int_eq(wd_is_workday(&c, ymd(2026, 3, 5)), 1);
	ck_assert_int_eq(wd_is_workday(&c, ymd(2026, 3, 9)), 0);
	ck_assert_int_eq(wd_is_workday(&c, ymd(2026, 3, 14)), 1);
	/* March 2026 has 22 Mon-Fri days; -1 for the 9th, +1 for the 14th. */
	ck_assert_int_eq(wd_between(&c, from, to), 22);
	ck_assert_int_eq(wd_between(&c, from, to), brute_between(&c, from, to));
	for (int a = from - 10; a < to + 10; a++)
		for (int b = a; b < to + 10; b++)
			require(wd_between(&c, a, b) == brute_between(&c, a, b),
			    "(%d, %d]", a, b);
}
END_TEST

START_TEST(test_plain_calendar)
{
	struct wd_calendar empty = {NULL, 0};

	ck_assert_int_eq(wd_is_workday(NULL, ymd(2026, 1, 1)), 1);
	ck_assert_int_eq(wd_is_workday(&empty, ymd(2026, 1, 3)), 0);
	ck_assert_day_eq(wd_add(NULL, ymd(2026, 2, 13), 1), ymd(2026, 2, 16));
	ck_assert_day_eq(wd_add(&empty, ymd(2026, 2, 13), 5), ymd(2026, 2, 20));
	ck_assert_int_eq(wd_between(&empty, ymd(2026, 2, 13), ymd(2026, 2, 24)), 7);
	/* Whole weeks hold exactly five, wherever they start. */
	for (int d = 0; d < 7; d++)
		ck_assert_int_eq(wd_between(NULL, d, d + 7 * 1000), 5000);
}
END_TEST

START_TEST(test_extremes)
{
	int y, m, d;

	/* None of these may overflow (the sanitizer build checks). */
	ck_assert(wd_weekday(INT_MAX) >= 0 && wd_weekday(INT_MAX) <= 6);
	ck_assert(wd_weekday(INT_MIN) >= 0 && wd_weekday(INT_MIN) <= 6);
	ck_assert_int_eq(wd_weekday(INT_MAX), (wd_weekday(INT_MAX - 1) + 1) % 7);
	wd_to_ymd(INT_MAX, &y, &m, &d);
	ck_assert_int_eq(wd_from_ymd(y, m, d), INT_MAX);
	wd_to_ymd(INT_MIN, &y, &m, &d);
	ck_assert_int_eq(wd_from_ymd(y, m, d), INT_MIN);
	ck_assert_int_eq(wd_between(&cal, INT_MIN, INT_MAX), INT_MAX);
	ck_assert_int_eq(wd_between(&cal, INT_MAX, INT_MIN), 0);
	ck_assert_int_eq(wd_between(&cal, INT_MAX - 1, INT_MAX),
	    wd_is_workday(&cal, INT_MAX));
	ck_assert_int_eq(wd_is_workday(&cal, INT_MIN), wd_weekday(INT_MIN) % 6 != 0);
}
END_TEST

static Suite *
workdays_suite(void)
{
	Suite *s = suite_create("workdays");
	TCase *dates = tcase_create("dates");
	TCase *calendar = tcase_create("calendar");

	tcase_add_test(dates, test_known_day_numbers);
	tcase_add_test(dates, test_ymd_roundtrip);
	tcase_add_test(dates, test_weekday);
	tcase_add_test(dates, test_leap_years);
	tcase_add_test(dates, test_parse_accepts);
	tcase_add_test(dates, test_parse_rejects);
	tcase_add_test(dates, test_format_roundtrip);
	tcase_add_test(dates, test_format_out_of_range);
	suite_add_tcase(s, dates);

	tcase_add_checked_fixture(calendar, setup, teardown);
	tcase_add_test(calendar, test_sort);
	tcase_add_test(calendar, test_data_is_sorted);
	tcase_add_test(calendar, test_is_workday_2026);
	tcase_add_test(calendar, test_add_forward);
	tcase_add_test(calendar, test_add_backward);
	tcase_add_test(calendar, test_window_parse);
	tcase_add_test(calendar, test_add_zero);
	tcase_add_test(calendar, test_add_range);
	tcase_add_test(calendar, test_add_year_end);
	tcase_add_test(calendar, test_between_facts);
	tcase_add_test(calendar, test_between_year_2026);
	tcase_add_test(calendar, test_between_months);
	tcase_add_test(calendar, test_between_random);
	tcase_add_test(calendar, test_add_between_agree);
	tcase_add_test(calendar, test_noop_and_odd_exceptions);
	tcase_add_test(calendar, test_plain_calendar);
	tcase_add_test(calendar, test_extremes);
	suite_add_tcase(s, calendar);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(workdays_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
