/* Refusal and accountability (拒不接收, 问责, D6.5): the lead unit's refusal
 * needs its reason and is flagged; the office raises accountability with
 * its facts, lists it and closes it with the outcome; silence past the
 * acceptance deadline allows it too; a county's office sees none of the
 * city's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disputes.h"

/* The accountability list's row of dispute id: its record id (0 when not
 * listed) and state. */
static long account_row(struct web *w, const char *query, long id, char state[64])
{
	char path[96], xp[256];
	GET(w, pathf(path, sizeof path, "/accountability%s", query), 200);
	snprintf(xp, sizeof xp,
		 "//table[@class='accountability']/tbody/tr[td[2]/a[@href='/disputes/%ld']]/td[1]", id);
	const char *s = web_xpath_text(w, xp);
	long acc = s && *s == '#' ? atol(s + 1) : 0;
	if (state) {
		snprintf(xp, sizeof xp,
			 "//table[@class='accountability']/tbody/tr[td[2]/a[@href='/disputes/%ld']]/td[5]", id);
		snprintf(state, 64, "%s", text(w, xp));
	}
	return acc;
}

START_TEST(refusal_and_accountability)
{
	struct web op, clerk, psb, coord, bb, mjc;
	char body[2048], st[64], path[96], xp[256];
	const char *psb_name = unit_name("city-psb-hz");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&mjc, "mj_coordinator");
	long id = ready_dispute(&op, &clerk, &psb, &coord, &bb, 701, cat_main,
				"公共租赁住房入户登记争议。", NULL, NULL);
	determine(&coord, id, "由户政支队牵头办理。");
	dispute_refused(&coord, &psb, "a refusal without reason", id, "refuse", NULL, 400);
	REFUSAL_SAYS("理由");
	ACT_ON(&psb, "disputes", id, "refuse",
	       form(&psb, body, sizeof body, "reason", "本队无此职能，不予接收。", NULL), 303);
	struct dsnap s;
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "拒不接收");
	ck_assert_msg(strstr(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='接收期限']/following-sibling::dd[1]"),
			     "本队无此职能，不予接收。") != NULL, "the refusal is not shown");
	timeline_is(&coord, s.events, "拒绝接收", display_name("clerk_psb"), psb_name, "本队无此职能");
	GET(&coord, "/disputes?state=refused", 200);
	ck_assert_int_eq(listed(&coord, id), 1);
	dpage(&coord, id);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/account']", id), 1);

	dispute_refused(&coord, &coord, "accountability without facts", id, "account", NULL, 400);
	REFUSAL_SAYS("问责事实");
	dispute_refused(&coord, &mjc, "梅江区's office", id, "account", "facts=x", 404);
	ACT_ON(&coord, "disputes", id, "account",
	       form(&coord, body, sizeof body, "facts", "户政支队收到认定意见后无正当理由拒不接收。", NULL), 303);
	long acc = account_row(&coord, "?state=open", id, st);
	ck_assert_msg(acc > 0, "the open accountability records lack dispute %ld", id);
	ck_assert_str_eq(st, "待处理");
	snprintf(xp, sizeof xp, "//table[@class='accountability']/tbody/tr[td[1]='#%ld']/td[3]", acc);
	ck_assert_str_eq(text(&coord, xp), psb_name);
	snprintf(xp, sizeof xp, "//table[@class='accountability']/tbody/tr[td[1]='#%ld']/td[4]", acc);
	ck_assert_str_eq(text(&coord, xp), "户政支队收到认定意见后无正当理由拒不接收。");
	ck_assert_int_eq(account_row(&coord, "?state=closed", id, NULL), 0);
	ck_assert_int_eq(account_row(&mjc, "", id, NULL), 0);

	/* Closed with its outcome: listed as closed. */
	pathf(path, sizeof path, "/accountability/%ld/close", acc);
	ACT(&coord, path, NULL, 400);
	ACT(&mjc, path, "opinion=x", 404);
	form(&coord, body, sizeof body, "opinion", "已约谈户政支队负责人，责令接收办理。", NULL);
	ACT(&coord, path, body, 303);
	ck_assert_int_eq(account_row(&coord, "?state=open", id, NULL), 0);
	ck_assert_int_eq(account_row(&coord, "?state=closed", id, st), acc);
	ck_assert_str_eq(st, "已办结");
	snprintf(xp, sizeof xp, "//table[@class='accountability']/tbody/tr[td[1]='#%ld']/td[7]", acc);
	ck_assert_str_eq(text(&coord, xp), "已约谈户政支队负责人，责令接收办理。");
	ACT(&coord, path, body, 404);
	GET(&coord, "/accountability?state=whatever", 400);

	/* Silence: past the acceptance deadline the office may raise it. */
	long id2 = ready_dispute(&op, &clerk, &psb, &coord, &bb, 702, cat_main,
				 "逾期未接收的争议。", NULL, NULL);
	determine(&coord, id2, "由户政支队牵头办理。");
	dispute_refused(&coord, &coord, "accountability before the deadline", id2, "account",
			"facts=x", 409);
	sql_exec("UPDATE disputes SET accept_due = '2020-01-02' WHERE id = ?", DB_I((long long)id2));
	dpage(&coord, id2);
	ck_assert_int_eq(count(&coord, "//p[@class='meta']/span[contains(@class,'overdue') and .='逾期未接收']"), 1);
	GET(&coord, "/disputes?state=determined", 200);
	ck_assert_int_eq(count(&coord, "//table[@class='disputes']/tbody/tr[td[1]/a='争议 #%ld']//span[.='逾期未接收']", id2), 1);
	ACT_ON(&coord, "disputes", id2, "account", "facts=%E9%80%BE%E6%9C%9F%E6%9C%AA%E6%8E%A5%E6%94%B6", 303);
	ck_assert_msg(account_row(&coord, "?state=open", id2, NULL) > 0,
		      "the overdue dispute's record is not listed");
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&mjc);
}
END_TEST

static Suite *accountability_suite(void)
{
	Suite *s = suite_create("accountability");
	TCase *tc = tcase(s, "accountability", 180);
	tcase_add_test(tc, refusal_and_accountability);
	return s;
}

int main(void)
{
	return suite_main(accountability_suite(), dispute_categories);
}
