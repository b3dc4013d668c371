/*
 * workdays.c - the working-day calendar (工作日历). See workdays.h.
 *
 * Internally day arithmetic is done in long long so that every int day,
 * including INT_MIN and INT_MAX, converts without signed overflow.
 */
#include "workdays.h"

#include <limits.h>
#include <stdlib.h>

/* Hinnant's days_from_civil: March-based years put 29 February last. */
int
wd_from_ymd(int y, int m, int d)
{
	long long yy = (long long)y - (m <= 2);
	long long era = (yy >= 0 ? yy : yy - 399) / 400;
	long long yoe = yy - era * 400;				/* [0, 399] */
	long long doy = (153LL * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */

	return (int)(era * 146097 + doe - 719468);
}

/* Hinnant's civil_from_days. */
void
wd_to_ymd(int day, int *y, int *m, int *d)
{
	long long z = (long long)day + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

int
wd_weekday(int day)
{
	/* Day 0 was a Thursday; C's % truncates, so shift into [5, 17] first. */
	return (day % 7 + 11) % 7;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* Reads n ASCII digits; -1 on anything else. isdigit() is locale-bound. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
wd_parse(const char *s, int *day)
{
	int y, m, d;

	if (s == NULL || day == NULL)
		return -1;
	/* Checking each position before reading on also stops at a short string's NUL. */
	if ((y = digits(s, 4)) < 0 || s[4] != '-' ||
	    (m = digits(s + 5, 2)) < 0 || s[7] != '-' ||
	    (d = digits(s + 8, 2)) < 0 || s[10] != '\0')
		return -1;
	if (y < WD_YEAR_MIN || y > WD_YEAR_MAX || m < 1 || m > 12 ||
	    d < 1 || d > days_in_month(y, m))
		return -1;
	*day = wd_from_ymd(y, m, d);
	return 0;
}

static void
put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
wd_format(int day, char out[11])
{
	int y, m, d;

	wd_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		out[0] = '\0';
		return;
	}
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

static int
exception_cmp(const void *pa, const void *pb)
{
	const struct wd_exception *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return (a->kind > b->kind) - (a->kind < b->kind);
}

void
wd_sort(struct wd_exception *v, size_t n)
{
	if (v != NULL && n > 1)
		qsort(v, n, sizeof v[0], exception_cmp);
}

/* Index of the first exception with day >= day (c->n if none). */
static size_t
lower_bound(const struct wd_calendar *c, int day)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_weekend(int day)
{
	int w = wd_weekday(day);

	return w == 0 || w == 6;
}

int
wd_is_workday(const struct wd_calendar *c, int day)
{
	if (c != NULL && c->v != NULL && c->n > 0) {
		size_t i = lower_bound(c, day);

		if (i < c->n && c->v[i].day == day) {
			if (c->v[i].kind == WD_HOLIDAY)
				return 0;
			if (c->v[i].kind == WD_WORKDAY)
				return 1;
		}
	}
	return !is_weekend(day);
}

/*
 * Walks day by day; that is at most |n| working days plus the weekends and
 * holidays between them, and |n| is capped, so the walk is bounded.
 */
int
wd_add(const struct wd_calendar *c, int day, int n)
{
	int step, left;

	/* Checked before negating: -INT_MIN would overflow. */
	if (n < -WD_ADD_MAX || n > WD_ADD_MAX)
		return WD_ADD_ERROR;
	step = n < 0 ? -1 : 1;
	left = n < 0 ? -n : n;
	if (n == 0) {
		while (!wd_is_workday(c, day)) {
			if (day == INT_MAX)
				return WD_ADD_ERROR;
			day++;
		}
		return day;
	}
	while (left > 0) {
		if ((step > 0 && day == INT_MAX) || (step < 0 && day == INT_MIN))
			return WD_ADD_ERROR;
		day += step;
		if (wd_is_workday(c, day))
			left--;
	}
	/* INT_MIN itself is the error value, so a walk that ends there fails too. */
	return day == INT_MIN ? WD_ADD_ERROR : day;
}

/* Monday-Friday days in (from, to], from < to, without exceptions. */
static long long
plain_weekdays(int from, int to)
{
	long long len = (long long)to - from;
	long long count = len / 7 * 5;

	/* Whole weeks hold five weekdays each; look at the leftover tail only. */
	for (long long k = 0; k < len % 7; k++)
		if (!is_weekend((int)(to - k)))
			count++;
	return count;
}

int
wd_between(const struct wd_calendar *c, int from, int to)
{
	long long count;

	if (to <= from)
		return 0;
	count = plain_weekdays(from, to);
	if (c != NULL && c->v != NULL && c->n > 0) {
		/* Only exceptions that flip a day's status change the count. */
		for (size_t i = lower_bound(c, from + 1);
		    i < c->n && c->v[i].day <= to; i++) {
			const struct wd_exception *e = &c->v[i];

			if (i > 0 && c->v[i - 1].day == e->day)
				continue;	/* the first entry for a day decides */
			if (e->kind == WD_HOLIDAY && !is_weekend(e->day))
				count--;
			else if (e->kind == WD_WORKDAY && is_weekend(e->day))
				count++;
		}
	}
	return count > INT_MAX ? INT_MAX : (int)count;
}
