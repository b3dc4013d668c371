/* The determination (出具认定意见, D6.4) and what follows: the order goes
 * to the lead unit's queue, the cooperating unit sees it beside its own,
 * the lead accepts, which signs for the order too; a determination becomes
 * a routing rule, and a new dispute of the category shows the office the
 * earlier determination. Refusal and accountability: test_accountability. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disputes.h"

START_TEST(determination_and_acceptance)
{
	struct web op, clerk, psb, power, coord, bb;
	char num[64], path[64], want[512], due1[11];
	const char *psb_name = unit_name("city-psb-hz"), *hrss = unit_name("city-hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	long order;
	long id = ready_dispute(&op, &clerk, &psb, &coord, &bb, 601, cat_main,
				"户籍迁移后社保关系转移无人办理。", &order, num);
	dispute_refused(&coord, &coord, "an empty determination", id, "determine", NULL, 400);
	REFUSAL_SAYS("意见");
	dispute_refused(&coord, &coord, "accountability before the determination", id, "account",
			"facts=x", 409);
	dispute_refused(&coord, &psb, "acceptance before the determination", id, "accept", NULL, 403);
	determine(&coord, id, "经认定，由户政支队牵头办理，人社局配合。");
	snprintf(want, sizeof want, "/disputes/%ld?done=determined", id);
	ck_assert_str_eq(web_location(&coord), want);

	struct dsnap s;
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "待承办单位接收");
	ck_assert_str_eq(s.lead, psb_name);
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'d-determination')]"),
			 "经认定，由户政支队牵头办理，人社局配合。");
	/* The acceptance deadline: one working day. */
	const char *accept_due = text(&coord, "//dl[contains(@class,'dispute')]/dt[.='接收期限']"
					      "/following-sibling::dd[1]");
	ck_assert_msg(mentions_due(accept_due, 1), "the acceptance deadline reads 「%s」", accept_due);
	snprintf(due1, sizeof due1, "%.10s", strpbrk(accept_due, "0123456789"));
	ck_assert_str_eq(text(&coord, "//table[@class='dispute-units']/tbody/tr[1]/td[1]"), psb_name);
	ck_assert_str_eq(text(&coord, "//table[@class='dispute-units']/tbody/tr[1]/td[2]"), "牵头单位");
	snprintf(want, sizeof want, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[2]", hrss);
	ck_assert_str_eq(text(&coord, want), "配合单位");
	timeline_is(&coord, s.events, "出具认定意见", display_name("coordinator"),
		    unit_name("city-office"), due1);
	ck_assert_int_eq(count(&coord, "//span[contains(@class,'overdue')]"), 0);

	/* The order: re-dispatched to the lead, due in the category's days. */
	GET(&psb, pathf(path, sizeof path, "/orders/%ld", order), 200);
	ck_assert_str_eq(text(&psb, "//p[@class='meta']/span[contains(@class,'state')]"), "待签收");
	ck_assert_str_eq(text(&psb, "//dd[@class='o-unit']"), psb_name);
	ASSERT_DUE(text(&psb, "//dd[@class='o-due']"), LIMIT_DAYS);
	int n = count(&psb, "//ol[@class='timeline']/li");
	snprintf(want, sizeof want, "//ol[@class='timeline']/li[%d]", n);
	const char *ev = text(&psb, want);
	snprintf(want, sizeof want, "→ %s", psb_name);
	ck_assert_msg(strstr(ev, "出具认定意见") && strstr(ev, want) && strstr(ev, "由户政支队牵头办理"),
		      "the order's timeline ends with 「%s」", ev);
	ck_assert_msg(in_queue(&psb, "", num, NULL, 0), "户政支队's queue lacks %s", num);
	/* 人社局 cooperates: its own section of the queue, the order readable. */
	ck_assert_msg(!in_queue(&clerk, "", num, NULL, 0), "人社局's own queue lists %s", num);
	ck_assert_int_eq(count(&clerk, "//table[@class='coops']/tbody/tr[td[1]/a='%s']", num), 1);
	ck_assert_str_eq(text(&clerk, "//table[@class='coops']/preceding-sibling::h2[1]"), "配合办理的工单");
	snprintf(want, sizeof want, "//table[@class='coops']/tbody/tr[td[1]/a='%s']/td[5]", num);
	ck_assert_str_eq(text(&clerk, want), psb_name);
	GET(&clerk, path, 200);
	ck_assert_str_eq(text(&clerk, "//dd[@class='o-unit']"), psb_name);
	ACT_ON(&clerk, "orders", order, "accept", NULL, 404);

	/* 配合单位 (issue 13, item 4): a deadline of its own in its queue and
	 * on the order, and its part on the order's timeline. */
	GET(&clerk, "/orders/queue", 200);
	snprintf(want, sizeof want, "//table[@class='coops']/tbody/tr[td[1]/a='%s']/td[6]", num);
	ASSERT_DUE(text(&clerk, want), LIMIT_DAYS);
	snprintf(want, sizeof want, "//table[@class='coops']/tbody/tr[td[1]/a='%s']/td[7]", num);
	ck_assert_str_eq(text(&clerk, want), "待反馈");
	GET(&clerk, path, 200);
	snprintf(want, sizeof want, "//table[@class='coop-parts']/tbody/tr[td[1]='%s']/td[2]", hrss);
	ASSERT_DUE(text(&clerk, want), LIMIT_DAYS);
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]//form"), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/coop']", order), 1);
	ck_assert_int_eq(count(&psb, "//form[@action='/orders/%ld/coop']", order), 0);
	/* Past its own deadline, the owed part is reminded by the sweep. */
	sql_exec("UPDATE order_coops SET due_date = UTC_DATE() - INTERVAL 1 DAY"
		 " WHERE order_id = ? AND unit_id = ?", DB_I(order), DB_I(unit_id("city-hrss")));
	run_sweep();
	GET(&clerk, "/orders/queue", 200);
	ck_assert_msg(count(&clerk, "//section[contains(@class,'reminders')]//li[a='%s']/strong[.='已超期']",
			    num) == 1, "人社局's reminders lack its owed part of %s", num);
	snprintf(want, sizeof want, "//table[@class='coops']/tbody/tr[td[1]/a='%s']//span[.='已超期']", num);
	ck_assert_int_eq(count(&clerk, "%s", want), 1);
	GET(&psb, path, 200);
	snprintf(want, sizeof want, "//table[@class='coop-parts']/tbody/tr[td[1]='%s']//span[.='已超期未反馈']",
		 hrss);
	ck_assert_int_eq(count(&psb, "%s", want), 1);
	ACT_ON(&clerk, "orders", order, "coop", NULL, 400);
	ck_assert_int_eq(count(&clerk, "//textarea[@id='coop_note' and @aria-invalid='true']"), 1);
	ACT_ON(&psb, "orders", order, "coop", "note=x", 403);
	ACT_ON(&power, "orders", order, "coop", "note=x", 404);
	char cbody[512];
	ACT_ON(&clerk, "orders", order, "coop",
	       form(&clerk, cbody, sizeof cbody, "note", "已协助核实养老保险缴费记录并函告户政支队。", NULL),
	       303);
	GET(&psb, path, 200);
	n = count(&psb, "//ol[@class='timeline']/li");
	snprintf(want, sizeof want, "//ol[@class='timeline']/li[%d]", n);
	ev = text(&psb, want);
	ck_assert_msg(strstr(ev, "配合办理情况") && strstr(ev, hrss) && strstr(ev, "已协助核实"),
		      "the order's timeline ends with 「%s」", ev);
	snprintf(want, sizeof want, "//table[@class='coop-parts']/tbody/tr[td[1]='%s']/td[3]", hrss);
	ck_assert_msg(strstr(text(&psb, want), "已协助核实") != NULL, "the part is not shown");
	ACT_ON(&clerk, "orders", order, "coop", "note=again", 409);
	GET(&clerk, "/orders/queue", 200);
	snprintf(want, sizeof want, "//table[@class='coops']/tbody/tr[td[1]/a='%s']/td[7]", num);
	ck_assert_str_eq(text(&clerk, want), "已反馈");
	GET(&power, path, 404);
	GET(&power, "/orders/queue", 200);
	ck_assert_int_eq(count(&power, "//table[@class='coops']/tbody/tr[td[1]/a='%s']", num), 0);

	/* Only the lead answers; accountability waits for a refusal or silence. */
	dpage(&psb, id);
	ck_assert_int_eq(count(&psb, "//form[@action='/disputes/%ld/accept']", id), 1);
	dispute_refused(&coord, &clerk, "the cooperating unit accepts", id, "accept", NULL, 403);
	dispute_refused(&coord, &power, "an uninvolved unit accepts", id, "accept", NULL, 404);
	dispute_refused(&coord, &coord, "accountability while waiting", id, "account", "facts=x", 409);
	ACT_ON(&psb, "disputes", id, "accept", NULL, 303);
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "已接收执行");
	timeline_is(&coord, s.events, "接收认定", display_name("clerk_psb"), psb_name, NULL);
	GET(&psb, path, 200);
	ck_assert_str_eq(text(&psb, "//p[@class='meta']/span[contains(@class,'state')]"), "办理中");
	n = count(&psb, "//ol[@class='timeline']/li");
	snprintf(want, sizeof want, "//ol[@class='timeline']/li[%d]", n);
	ev = text(&psb, want);
	snprintf(want, sizeof want, "%s（%s）", display_name("clerk_psb"), psb_name);
	ck_assert_msg(strstr(ev, want) && strstr(ev, "签收"), "the order's timeline ends with 「%s」", ev);
	dispute_refused(&coord, &psb, "refuse after accepting", id, "refuse", "reason=x", 409);
	dispute_refused(&coord, &psb, "accept twice", id, "accept", NULL, 409);
	dispute_refused(&coord, &coord, "determine twice", id, "determine", "opinion=x", 409);

	/* The determination binds (D6.5, issue 13 item 1): 户政支队 cannot
	 * return the order again; the page says why instead of the form. */
	GET(&psb, path, 200);
	ck_assert_int_eq(count(&psb, "//form[@action='/orders/%ld/return']", order), 0);
	ck_assert_int_eq(count(&psb, "//p[contains(@class,'bound')]/a[@href='/disputes/%ld']", id), 1);
	char body[2048], sugg[24];
	snprintf(sugg, sizeof sugg, "%ld", unit_id("city-hrss"));
	form(&psb, body, sizeof body, "reason", "该事项不属本单位职责", "basis", "本单位“三定”规定未列此项职责",
	     "suggested_unit_id", sugg, NULL);
	ACT_ON(&psb, "orders", order, "return", body, 409);
	SAYS(&psb, "约束力", "问责");
	GET(&psb, path, 200);
	ck_assert_str_eq(text(&psb, "//p[@class='meta']/span[contains(@class,'state')]"), "办理中");
	dpage(&coord, id);
	ck_assert_msg(strstr(text(&coord, "//dd[@class='d-binding']"), "约束力") != NULL,
		      "the dispute does not say its determination binds");
	/* Refusing to act is a matter for accountability: offered to the office. */
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/account']", id), 1);
	/* Only the office lifts the binding, and only with its reason. */
	dispute_refused(&coord, &psb, "the lead unit lifts the binding", id, "unbind", "reason=x", 403);
	dispute_refused(&coord, &coord, "lifting without a reason", id, "unbind", NULL, 400);
	REFUSAL_SAYS("理由");
	/* ... in its own form, the reason marked (issue 13, item 6). */
	ACT_ON(&coord, "disputes", id, "unbind", NULL, 400);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/unbind']//p[@role='alert']", id), 1);
	ck_assert_int_eq(count(&coord, "//textarea[@id='unbind_reason' and @aria-invalid='true']"), 1);
	ck_assert_str_eq(text(&coord, "//*[@id='unbind_reason-err']"), "请填写此项。");
	char ub[512];
	ACT_ON(&coord, "disputes", id, "unbind",
	       form(&coord, ub, sizeof ub, "reason", "发现新的法规依据，重新审视承办主体。", NULL), 303);
	dsnap(&coord, id, &s);
	timeline_is(&coord, s.events, "解除认定约束", display_name("coordinator"),
		    unit_name("city-office"), "发现新的法规依据");
	ck_assert_str_eq(text(&coord, "//dd[@class='d-binding']"), "已解除：发现新的法规依据，重新审视承办主体。");
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/unbind']", id), 0);
	dispute_refused(&coord, &coord, "lifting twice", id, "unbind", "reason=x", 409);
	/* Then the lead unit may ask again, and the office decides as usual. */
	ACT_ON(&psb, "orders", order, "return", body, 303);
	GET(&psb, path, 200);
	ck_assert_str_eq(text(&psb, "//p[@class='meta']/span[contains(@class,'state')]"), "退回待定");
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
	web_free(&bb);
}
END_TEST

/* A determination becomes a routing rule: the next intake of the category
 * and jurisdiction suggests the lead unit. A new dispute of the category
 * shows the office the earlier determination; units do not get the hint. */
START_TEST(learning_rule_and_similar)
{
	struct web op, clerk, psb, coord, bb;
	char want[512], part[256];
	const char *psb_name = unit_name("city-psb-hz");
	struct call look = { .cat = cat_learn, .jur = jur_id("meizhou"),
			     .content = "电动自行车上牌与户籍关联问题" };
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	/* No rule for the category yet. */
	ck_assert_int_eq(post_call(&op, "/orders/new", &look), 200);
	ck_assert_int_eq(count(&op, "//p[contains(@class,'suggested')]"), 0);

	long first = ready_dispute(&op, &clerk, &psb, &coord, &bb, 801, cat_learn,
				   "电动自行车登记上牌窗口互相推诿。", NULL, NULL);
	dispute_refused(&coord, &coord, "a rule before the determination", first, "rule", NULL, 409);
	determine(&coord, first, "电动自行车登记由户政支队牵头。");
	/* keywords typed with a Chinese comma: "电动自行车，上牌" */
	ACT_ON(&coord, "disputes", first, "rule",
	       "keywords=%E7%94%B5%E5%8A%A8%E8%87%AA%E8%A1%8C%E8%BD%A6%EF%BC%8C%E4%B8%8A%E7%89%8C",
	       303);
	snprintf(want, sizeof want, "/disputes/%ld?done=rule", first);
	ck_assert_str_eq(web_location(&coord), want);
	/* stored as the routing page stores keywords: two words, one space */
	char kw[64];
	sql_text(kw, sizeof kw, "SELECT keywords FROM routing_rules WHERE category_id = ?"
		 " ORDER BY id DESC LIMIT 1", DB_I(cat_learn));
	ck_assert_str_eq(kw, "电动自行车 上牌");
	struct dsnap s;
	dsnap(&coord, first, &s);
	snprintf(part, sizeof part, "→ %s", psb_name);
	timeline_is(&coord, s.events, "生成派单规则", display_name("coordinator"),
		    unit_name("city-office"), part);

	/* The intake now suggests the lead unit. */
	ck_assert_int_eq(post_call(&op, "/orders/new", &look), 200);
	ck_assert_str_eq(text(&op, "//p[contains(@class,'suggested')]/strong"), psb_name);
	ck_assert_int_eq(atol(text(&op, "//select[@id='unit_id']/option[@selected]/@value")),
			 unit_id("city-psb-hz"));

	/* A new dispute of the category: the office sees the earlier one. */
	long second = city_dispute(&op, &clerk, &coord, 802, cat_learn,
				   "老年代步车登记归口不明。", NULL, NULL);
	dpage(&coord, second);
	ck_assert_int_eq(count(&coord, "//h2[.='以往类似认定']"), 1);
	ck_assert_int_eq(count(&coord, "//ul[@class='similar']/li[a='争议 #%ld']", first), 1);
	snprintf(want, sizeof want, "//ul[@class='similar']/li[a='争议 #%ld']/strong", first);
	ck_assert_str_eq(text(&coord, want), psb_name);
	snprintf(want, sizeof want, "//ul[@class='similar']/li[a='争议 #%ld']", first);
	ck_assert_msg(strstr(text(&coord, want), "电动自行车登记由户政支队牵头。") != NULL,
		      "the similar determination reads 「%s」", text(&coord, want));
	/* Units do not get the office's hint. */
	dpage(&clerk, second);
	ck_assert_int_eq(count(&clerk, "//h2[.='以往类似认定']"), 0);
	/* A dispute of another category with other content: not similar. */
	long other = city_dispute(&op, &clerk, &coord, 803, cat_apart,
				  "水库移民后期扶持资金发放疑问。", NULL, NULL);
	dpage(&coord, other);
	ck_assert_int_eq(count(&coord, "//ul[@class='similar']/li[a='争议 #%ld']", first), 0);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
}
END_TEST

static Suite *determination_suite(void)
{
	Suite *s = suite_create("determination");
	TCase *tc = tcase(s, "determination", 180);
	tcase_add_test(tc, determination_and_acceptance);
	tcase_add_test(tc, learning_rule_and_similar);
	return s;
}

int main(void)
{
	return suite_main(determination_suite(), dispute_categories);
}
