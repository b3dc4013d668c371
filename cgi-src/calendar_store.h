/* The working-day calendar's exceptions (holidays, make-up workdays). */
#ifndef CALENDAR_STORE_H
#define CALENDAR_STORE_H
#include "db.h"
#include "workdays.h"

/* An exception: day (YYYY-MM-DD), kind "holiday" or "workday", and the
 * name the admin gave it ("" when none). */
#define CALENDAR_DAY_ROW(X, S)                                               \
	X(S, STR, day, DB_DAY("day"))                                        \
	X(S, STR, kind, "kind")                                              \
	X(S, STR, name, "name")
DB_ROW_STRUCT(calendar_day_row, CALENDAR_DAY_ROW);

/* Loads every exception into the arena, sorted, as a wd_calendar. */
int calendar_load(struct db *db, struct arena *a, struct wd_calendar *out);
/* The exceptions of the days in [from, to], by day. */
int calendar_range(struct db *db, struct arena *a, const char *from,
		   const char *to, struct calendar_day_row **v, size_t *n);
/* kind "holiday" or "workday" sets the day; "normal" removes the row. */
int calendar_set(struct db *db, struct arena *a, const char *day,
		 const char *kind, const char *name);

/* today gets today's date (Beijing); out, the day n working days later
 * on the calendar (a deadline that starts today). Returns a db_err. */
int calendar_workdays_from_today(struct db *db, struct arena *a, int n,
				 char today[11], char out[11]);

/* SQL text: a column with the calendar's exceptions from the day `from`
 * (an SQL expression naming a DATE) through days later, as offsets from
 * that day with the kind's letter, in order: "3h,4h,10w" (NULL when
 * none). It lets a statement that reads other things bring the calendar a
 * deadline needs with it, instead of a round trip of its own. The
 * connection's group_concat_max_len (db.c) holds 760 days of them. */
#define CALENDAR_WINDOW(from, days)                                          \
	"(SELECT GROUP_CONCAT(DATEDIFF(cw.day, " from "), LEFT(cw.kind, 1)"  \
	" ORDER BY cw.day) FROM calendar_days cw WHERE cw.day >= " from      \
	" AND cw.day <= " from " + INTERVAL " days " DAY)"
/* The longest window the text above may cover, in days. */
#define CALENDAR_WINDOW_MAX 760

/* The calendar of such a column (text NULL: no exception) from day
 * `from` (YYYY-MM-DD), in the arena. Returns 0, or -1 when the text is
 * not of that form. */
int calendar_window_parse(struct arena *a, const char *from, const char *text,
			  struct wd_calendar *out);

/* Today's date in Beijing (UTC+8, no daylight saving), as YYYY-MM-DD:
 * every deadline is a date there. */
void calendar_today(char out[11]);

#endif
