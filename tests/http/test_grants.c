/* Grants of use (知识授权, K6): one unit's editor asks to use another
 * unit's knowledge, the owner's approver approves, the office of the
 * jurisdiction consents; a grant is seen and decided only inside the
 * jurisdiction of the units concerned (issue 11, item 2). */
#include <stdio.h>
#include <string.h>

#include "harness.h"

START_TEST(county_office_cannot_decide_city_grants)
{
	struct web editor, approver, mj, office;
	char body[2048], day[11], path[96], purpose[128], expr[256], unit[24];
	sign_in(&editor, "editor_hrss");
	sign_in(&approver, "approver_psb");
	sign_in(&mj, "mj_coordinator");
	sign_in(&office, "coordinator");
	beijing_day(day, 90);
	snprintf(purpose, sizeof purpose, "访问测试授权 %s", stamp);
	snprintf(unit, sizeof unit, "%ld", unit_id("city-psb-hz"));
	ACT(&editor, "/knowledge/grants", form(&editor, body, sizeof body, "unit_id", unit,
					       "message", purpose, "date", day, NULL), 303);
	GET(&approver, "/knowledge/grants", 200);
	snprintf(expr, sizeof expr,
		 "//tr[td[contains(., '%s')]]//form[contains(@action, '/approve')]/@action", purpose);
	long id = id_after(text(&approver, expr), "/knowledge/grants/");
	ck_assert_msg(id > 0, "the owner's approver is not asked about the grant");
	ACT(&approver, pathf(path, sizeof path, "/knowledge/grants/%ld/approve", id), NULL, 303);

	/* 梅江区's office neither sees nor decides it. */
	GET(&mj, "/knowledge/grants", 200);
	ck_assert_msg(!body_has(&mj, purpose), "梅江区管理办 sees a city grant");
	ACT(&mj, pathf(path, sizeof path, "/knowledge/grants/%ld/consent", id), NULL, 404);
	ACT(&mj, pathf(path, sizeof path, "/knowledge/grants/%ld/refuse", id), NULL, 404);
	/* The city's office still decides it. */
	GET(&office, "/knowledge/grants", 200);
	ck_assert_msg(body_has(&office, purpose), "the city office does not see the grant");
	ACT(&office, pathf(path, sizeof path, "/knowledge/grants/%ld/consent", id), NULL, 303);
	web_free(&editor);
	web_free(&approver);
	web_free(&mj);
	web_free(&office);
}
END_TEST

static Suite *grants_suite(void)
{
	Suite *s = suite_create("grants");
	TCase *tc = tcase(s, "grants", 120);
	tcase_add_test(tc, county_office_cannot_decide_city_grants);
	return s;
}

int main(void)
{
	return suite_main(grants_suite(), NULL);
}
