/* 知识维护责任人 (K8.1, issue 14): a unit's approver names the leader in
 * charge and the person responsible, with phones; the office sees every
 * member unit's and which have named none; nobody else changes them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

START_TEST(unit_names_its_people_and_the_office_sees_them)
{
	struct web ap, ed, coord, mj;
	char body[1024], xp[256];
	const char *hrss = unit_name("city-hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&ed, "editor_hrss");
	sign_in(&coord, "coordinator");
	sign_in(&mj, "mj_coordinator");

	/* The office sees who has named none. */
	GET(&coord, "/knowledge/people", 200);
	snprintf(xp, sizeof xp, "//table[@class='people']/tbody/tr[td[1]='%s']", hrss);
	ck_assert_int_eq(count(&coord, "%s[@class='missing']//span[.='未明确责任人']", xp), 1);
	long missing = atol(text(&coord, "//strong[@class='missing-count']"));
	ck_assert_int_gt(missing, 0);

	/* Missing and malformed: refused in place, nothing stored. */
	POST(&ap, "/knowledge/people",
	     form(&ap, body, sizeof body, "csrf", token_from(&ap, "/knowledge/people"), "leader_name",
		  "李副局长", "leader_phone", "电话号码", "owner_name", "王科长", NULL), 400);
	ck_assert_str_eq(text(&ap, "//input[@id='leader_name']/@value"), "李副局长");
	ck_assert_int_eq(count(&ap, "//input[@id='leader_phone' and @aria-invalid='true']"), 1);
	ck_assert_str_eq(text(&ap, "//*[@id='leader_phone-err']"), "请填写有效的电话号码。");
	ck_assert_int_eq(count(&ap, "//input[@id='owner_phone' and @aria-invalid='true']"), 1);
	ck_assert_str_eq(text(&ap, "//*[@id='owner_phone-err']"), "请填写此项。");
	GET(&coord, "/knowledge/people", 200);
	ck_assert_int_eq(count(&coord, "%s[@class='missing']", xp), 1);

	/* Named: the office's table shows them, one unit fewer is missing. */
	long before = audit_last_id();
	POST(&ap, "/knowledge/people",
	     form(&ap, body, sizeof body, "csrf", token_from(&ap, "/knowledge/people"), "leader_name",
		  "李副局长", "leader_phone", "0753-2181234", "owner_name", "王科长", "owner_phone",
		  "13902110001", NULL), 303);
	GET(&ap, "/knowledge/people?done=saved", 200);
	ck_assert_str_eq(text(&ap, "//input[@id='owner_phone']/@value"), "13902110001");
	GET(&coord, "/knowledge/people", 200);
	ck_assert_int_eq(count(&coord, "%s[not(@class='missing')][td[3]='李副局长 0753-2181234']"
				       "[td[4]='王科长 13902110001']", xp), 1);
	ck_assert_int_eq(atol(text(&coord, "//strong[@class='missing-count']")), missing - 1);
	/* The editor reads its unit's people; only the approver changes them. */
	GET(&ed, "/knowledge/people", 200);
	ck_assert_str_eq(text(&ed, "//dd[@class='p-owner']"), "王科长 13902110001");
	ck_assert_int_eq(count(&ed, "//form[@action='/knowledge/people']"), 0);
	POST(&ed, "/knowledge/people",
	     form(&ed, body, sizeof body, "csrf", token_from(&ed, "/knowledge/people"), "leader_name",
		  "x", "leader_phone", "13900000000", "owner_name", "x", "owner_phone", "13900000000",
		  NULL), 403);
	/* A county's office sees its own units only. */
	GET(&mj, "/knowledge/people", 200);
	ck_assert_int_eq(count(&mj, "%s", xp), 0);
	ck_assert_int_gt(count(&mj, "//table[@class='people']/tbody/tr"), 0);
	/* The change is in the audit log. */
	ck_assert_str_eq(audit_actions_after(before, body, sizeof body), "kb.people");
	web_free(&ap);
	web_free(&ed);
	web_free(&coord);
	web_free(&mj);
}
END_TEST

static Suite *kb_people_suite(void)
{
	Suite *s = suite_create("kb_people");
	TCase *tc = tcase(s, "people", 60);
	tcase_add_test(tc, unit_names_its_people_and_the_office_sees_them);
	return s;
}

int main(void)
{
	return suite_main(kb_people_suite(), NULL);
}
