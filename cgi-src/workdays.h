/*
 * workdays.h - the working-day calendar (工作日历): pure date arithmetic
 * and deadline rules. No I/O, no allocation, no time.h, no time zone.
 *
 * A date is an int day number: days since 1970-01-01 (day 0), negative
 * before it. Conversions are Howard Hinnant's days_from_civil /
 * civil_from_days on the proleptic Gregorian calendar.
 */
#ifndef WORKDAYS_H
#define WORKDAYS_H

#include <limits.h>
#include <stddef.h>

/* Years wd_parse accepts; anything outside is a typing error, not a date. */
#define WD_YEAR_MIN 1900
#define WD_YEAR_MAX 2999

/* |n| wd_add accepts: ten years of working days is far beyond any deadline. */
#define WD_ADD_MAX 3650

/* What wd_add returns for n out of range or a result beyond int. */
#define WD_ADD_ERROR INT_MIN

/*
 * Day number of the civil date y-m-d. The caller passes a valid date
 * (m 1..12, d within the month); anything else yields an unspecified day.
 */
int wd_from_ymd(int y, int m, int d);

/* Civil date of a day number; exact for every int day. */
void wd_to_ymd(int day, int *y, int *m, int *d);

/* Day of week, 0 = Sunday .. 6 = Saturday. */
int wd_weekday(int day);

/*
 * Parse exactly "YYYY-MM-DD" (ten characters, nothing before or after,
 * no signs or spaces), year WD_YEAR_MIN..WD_YEAR_MAX, month 1..12, day
 * valid for the month including 29 February of leap years.
 * Returns 0 and sets *day, or -1 and leaves *day untouched.
 */
int wd_parse(const char *s, int *day);

/*
 * Write "YYYY-MM-DD" and a NUL into out. A date outside years 0..9999
 * has no such form; out is then set to the empty string.
 */
void wd_format(int day, char out[11]);

/* Kinds of calendar exception. */
enum wd_kind {
	WD_HOLIDAY = 1,	/* public holiday (法定节假日): no work, even on a weekday */
	WD_WORKDAY = 2	/* make-up working day (调休上班) on a weekend */
};

struct wd_exception {
	int day;	/* day number */
	int kind;	/* enum wd_kind; other values are ignored */
};

/*
 * A calendar is a borrowed view of exceptions that MUST be sorted by day
 * ascending (wd_sort does it); lookups use binary search. If a day appears
 * more than once, the first entry after sorting decides. A NULL calendar,
 * or n == 0, is the plain Monday-Friday week.
 */
struct wd_calendar {
	const struct wd_exception *v;
	size_t n;
};

/* Sort exceptions by day (ties by kind, so the order is deterministic). */
void wd_sort(struct wd_exception *v, size_t n);

/* 1 if day is a working day in c, else 0: an exception decides, otherwise Mon-Fri. */
int wd_is_workday(const struct wd_calendar *c, int day);

/*
 * Deadline arithmetic: "due n working days after day".
 * n >= 1: the n-th working day strictly after day.
 * n == 0: day itself if it is a working day, else the next working day.
 * n <= -1: the |n|-th working day strictly before day.
 * Returns WD_ADD_ERROR (INT_MIN) if |n| > WD_ADD_MAX or the walk would
 * leave the range of int.
 */
int wd_add(const struct wd_calendar *c, int day, int n);

/*
 * Number of working days d with from < d <= to; 0 whenever to <= from
 * (never a negative count). Time is O(log n + exceptions in range), not
 * O(days). A count above INT_MAX (only for ranges of millions of years)
 * is returned as INT_MAX.
 */
int wd_between(const struct wd_calendar *c, int from, int to);

#endif
