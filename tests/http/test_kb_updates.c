/* Knowledge-update orders (知识更新工单, K9.2): an operator reports a
 * problem with an entry; the unit answers "已发布新版本" only with a
 * version published after the report; the reporter confirms. */
#include <stdio.h>
#include <string.h>

#include "entries.h"

START_TEST(update_order_needs_a_new_version)
{
	struct web ed, ap, op;
	char w1[64], title[256], page[96], action[96], upd[96], body[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	snprintf(title, sizeof title, "失业保险金申领条件 %s", word(w1, sizeof w1, "up"));
	struct faq q = { title, "失业保险金", "public", NULL,
			 "<p>缴费满六个月即可申领。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &q, NULL);

	pathf(page, sizeof page, "/knowledge/entries/%ld", eid);
	form(&op, body, sizeof body, "problem", "wrong", "message", "应为缴费满一年", NULL);
	ck_assert_int_eq(web_act_from(&op, page, pathf(action, sizeof action,
				      "/knowledge/entries/%ld/report", eid), body), 303);
	long uid = id_after(web_location(&op), "/knowledge/updates/");
	ck_assert_msg(uid > 0, "no update order after the report");
	pathf(upd, sizeof upd, "/knowledge/updates/%ld", uid);
	pathf(action, sizeof action, "/knowledge/updates/%ld/fixed", uid);

	/* The version the operator reported is not a fix: refused, saying so. */
	ck_assert_int_eq(web_act_from(&ed, upd, action, NULL), 409);
	SAYS(&ed, "新版本");
	GET(&ed, upd, 200);
	ck_assert_str_eq(text(&ed, "//dd[@class='state']"), "待处理");

	/* A new version, published: now it answers the order. */
	long v2 = redraft(&ed, eid);
	q.answer = "<p>缴费满一年即可申领。</p>";
	edit_faq(&ed, v2, &q);
	approve(&ap, v2);
	ck_assert_int_eq(web_act_from(&ed, upd, action, NULL), 303);
	GET(&op, upd, 200);
	ck_assert_str_eq(text(&op, "//dd[@class='state']"), "已答复（已关联第 2 版）");

	ck_assert_int_eq(web_act_from(&op, upd, pathf(action, sizeof action,
				      "/knowledge/updates/%ld/confirm", uid), NULL), 303);
	GET(&op, upd, 200);
	ck_assert_str_eq(text(&op, "//dd[@class='state']"), "已确认（已关联第 2 版）");
	ck_assert_int_eq(count(&op, "//ol[@class='timeline']/li"), 3);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
}
END_TEST

static Suite *kb_updates_suite(void)
{
	Suite *s = suite_create("kb_updates");
	TCase *tc = tcase(s, "updates", 180);
	tcase_add_test(tc, update_order_needs_a_new_version);
	return s;
}

int main(void)
{
	return suite_main(kb_updates_suite(), NULL);
}
