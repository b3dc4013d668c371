/* The working-day calendar (工作日历) every deadline is counted on: the
 * city admin marks a day a holiday and back, everyone reads the month and
 * its working days, and only the city admin edits it (issue 11, item 3). */
#include <stdio.h>
#include <string.h>

#include "harness.h"

START_TEST(calendar_mark_and_reset)
{
	struct web w;
	char day[11], month[40], cell[64], body[256], done[80];
	plain_weekday(150, day);
	snprintf(month, sizeof month, "/calendar?month=%.7s", day);
	snprintf(cell, sizeof cell, "//td[@data-date='%s']", day);
	char cls[96], state[96];
	snprintf(cls, sizeof cls, "%s/@class", cell);
	snprintf(state, sizeof state, "%s/span[@class='state']", cell);
	sign_in(&w, "admin");
	POST(&w, "/calendar", form(&w, body, sizeof body, "csrf", token_from(&w, month),
				   "date", day, "day_kind", "holiday", "name", "测试", NULL), 303);
	snprintf(done, sizeof done, "%s&done=saved", month);
	ck_assert_pstr_eq(web_location(&w), done);
	GET(&w, month, 200);
	ck_assert_str_eq(text(&w, cls), "holiday");
	ck_assert_str_eq(text(&w, state), "休息日");
	ck_assert_ptr_nonnull(strstr(text(&w, cell), "测试"));

	POST(&w, "/calendar", form(&w, body, sizeof body, "csrf", web_csrf(&w), "date", day,
				   "day_kind", "normal", NULL), 303);
	GET(&w, month, 200);
	ck_assert_str_eq(text(&w, cls), "normal");
	ck_assert_str_eq(text(&w, state), "工作日");
	ck_assert_int_ge(audit_shows(&w, "calendar.set", NULL, day), 2);
	web_free(&w);
}
END_TEST

START_TEST(calendar_working_days)
{
	struct web w;
	sign_in(&w, "clerk_hrss");
	GET(&w, "/calendar?month=2026-02", 200);
	ck_assert_str_eq(text(&w, "//strong[@class='workdays']"), "16");
	/* Saturday 14 February 2026 is a make-up working day (调休). */
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-02-14']/@class"), "workday");
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-02-14']/span[@class='state']"), "工作日");
	/* Only those who may edit the calendar get the form. */
	ck_assert_int_eq(web_xpath_count(&w, "//form[@method='post' and @action='/calendar']"), 0);
	GET(&w, "/calendar?month=2026-10", 200);
	ck_assert_str_eq(text(&w, "//strong[@class='workdays']"), "18");
	GET(&w, "/calendar?month=2026-13", 400);
	web_free(&w);
}
END_TEST

/* Item 3: only the city admin edits the one calendar every deadline is
 * computed from; a county's admin reads it. */
START_TEST(county_admin_cannot_move_city_deadlines)
{
	struct web mj;
	char body[1024], day[11], path[64];
	sign_in(&mj, "mj_admin");
	plain_weekday(120, day);
	GET(&mj, pathf(path, sizeof path, "/calendar?month=%.7s", day), 200);
	ck_assert_int_eq(count(&mj, "//form[@method='post' and @action='/calendar']"), 0);
	POST(&mj, "/calendar", form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
				    "date", day, "day_kind", "holiday", "name", "县里放假", NULL), 403);
	GET(&mj, path, 200);
	ck_assert_msg(!body_has(&mj, "县里放假"), "the calendar changed");
	web_free(&mj);
}
END_TEST

static Suite *calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase(s, "calendar", 60);
	tcase_add_test(tc, calendar_mark_and_reset);
	tcase_add_test(tc, calendar_working_days);
	tcase_add_test(tc, county_admin_cannot_move_city_deadlines);
	return s;
}

int main(void)
{
	return suite_main(calendar_suite(), NULL);
}
