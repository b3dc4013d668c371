/* The monthly review (每月核查, K9.3): a unit's editor confirms its
 * entries; the office sees every unit's unreviewed ones, a unit only its
 * own; an entry of another unit is not confirmed by this one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"

START_TEST(monthly_review_confirms_entries)
{
	struct web ed, co, ap, ed2;
	char title[256], w1[64], body[1024], expr[256];
	const char *psb_unit = unit_name("city-psb-hz");
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&co, "coordinator");
	sign_in(&ed2, "editor_psb");
	snprintf(title, sizeof title, "社保断缴有什么影响 %s", word(w1, sizeof w1, "rv"));
	struct faq q = { title, "断缴", "public", NULL, "<p>影响待遇享受。</p>", NULL, 1 };
	long mine = published_faq(&ed, &ap, &q, NULL);

	token_from(&ed, "/knowledge/review");
	int before = count(&ed, "//input[@type='checkbox' and @name='entry']");
	ck_assert_msg(before >= 3, "review lists %d entries", before);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", mine), 1);
	snprintf(expr, sizeof expr, "(//input[@name='entry' and @value!='%ld'])[1]/@value", mine);
	long a = strtol(text(&ed, expr), NULL, 10);
	snprintf(expr, sizeof expr, "(//input[@name='entry' and @value!='%ld'])[2]/@value", mine);
	long c = strtol(text(&ed, expr), NULL, 10);
	long b = mine;
	ck_assert_msg(a > 0 && c > 0 && a != c, "review ids %ld %ld", a, c);

	/* The office sees 人社局's unreviewed entries, and other units'. */
	GET(&co, "/knowledge/overdue", 200);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", mine), 1);
	snprintf(expr, sizeof expr, "//table/tbody/tr[td[2]='%s']"
		 "/td[1]/a[starts-with(@href, '/knowledge/entries/')]/@href", psb_unit);
	long psb = id_after(text(&co, expr), "/knowledge/entries/");
	ck_assert_msg(psb > 0, "the office does not see 户政支队's unreviewed entries");

	snprintf(body, sizeof body, "entry=%ld&entry=%ld&entry=%ld", a, b, psb);
	ACT(&ed, "/knowledge/review", body, 303);
	ck_assert_msg(strncmp(web_location(&ed), "/knowledge/review", 17) == 0,
		      "review goes to %s", web_location(&ed));
	GET(&ed, "/knowledge/review", 200);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", a), 0);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", b), 0);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", c), 1);
	ck_assert_int_eq(count(&ed, "//input[@type='checkbox' and @name='entry']"), before - 2);

	/* The office's list follows; another unit's entry was not confirmed by
	 * 人社局. */
	GET(&co, "/knowledge/overdue", 200);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", a), 0);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", b), 0);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", c), 1);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", psb), 1);

	/* A unit sees only its own. */
	GET(&ed2, "/knowledge/overdue", 200);
	ck_assert_int_eq(count(&ed2, "//table//a[@href='/knowledge/entries/%ld']", c), 0);
	ck_assert_int_eq(count(&ed2, "//table//a[@href='/knowledge/entries/%ld']", psb), 1);
	ck_assert_int_eq(count(&ed2, "//table/tbody/tr[td[2]='%s']", unit_name("city-hrss")), 0);

	/* A bad id is refused, not ignored. */
	ACT(&ed, "/knowledge/review", "entry=abc", 400);
	web_free(&ed);
	web_free(&co);
	web_free(&ap);
	web_free(&ed2);
}
END_TEST

static Suite *kb_review_suite(void)
{
	Suite *s = suite_create("kb_review");
	TCase *tc = tcase(s, "review", 180);
	tcase_add_test(tc, monthly_review_confirms_entries);
	return s;
}

int main(void)
{
	return suite_main(kb_review_suite(), NULL);
}
