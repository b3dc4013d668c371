/* The working-day calendar's exceptions (holidays, make-up workdays). */
#ifndef CALENDAR_STORE_H
#define CALENDAR_STORE_H
#include "db.h"
#include "workdays.h"

/* Loads every exception into the arena, sorted, as a wd_calendar. */
int calendar_load(struct db *db, struct arena *a, struct wd_calendar *out);
/* Columns: day (YYYY-MM-DD), kind, name; days in [from, to]. */
int calendar_range(struct db *db, struct arena *a, const char *from,
		   const char *to, struct dbres *out);
/* kind "holiday" or "workday" sets the day; "normal" removes the row. */
int calendar_set(struct db *db, struct arena *a, const char *day,
		 const char *kind, const char *name);

/* today gets today's date (Beijing); out, the day n working days later
 * on the calendar (a deadline that starts today). Returns a db_err. */
int calendar_workdays_from_today(struct db *db, struct arena *a, int n,
				 char today[11], char out[11]);

/* Today's date in Beijing (UTC+8, no daylight saving), as YYYY-MM-DD:
 * every deadline is a date there. */
void calendar_today(char out[11]);

#endif
