/* Returns (退回, D3): a unit asks to return an order with its reason, the
 * basis and the unit it thinks responsible, all three or nothing happens;
 * the office redispatches it, refuses the return or opens a dispute; the
 * counts per unit follow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orders.h"

/* Counts of a unit's row on /orders/returns: requested, pending,
 * redispatched, refused, disputed (0 without a row). */
static void return_counts(struct web *w, const char *unit, int out[5])
{
	GET(w, "/orders/returns", 200);
	for (int k = 0; k < 5; k++) {
		char xp[256];
		snprintf(xp, sizeof xp, "//table[@class='return-counts']/tbody/tr[td[1]='%s']/td[%d]",
			 unit, k + 2);
		out[k] = atoi(text(w, xp));
	}
}

/* A return's form body: reason, basis, the unit suggested (by code). */
static const char *return_body(struct web *w, char *body, size_t size, const char *reason,
			       const char *basis, const char *unit)
{
	char u[24];
	snprintf(u, sizeof u, "%ld", unit_id(unit));
	return form(w, body, size, "reason", reason, "basis", basis, "suggested_unit_id", u, NULL);
}

/* Reason, basis and the responsible unit, all three, or nothing happens. */
START_TEST(return_needs_reason_basis_and_unit)
{
	struct web op, clerk, coord, obs;
	char p[32], num[64], body[4096], xp[512], part[256];
	const char *hrss = unit_name("city-hrss"), *psb = unit_name("city-psb-hz");
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 701), cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	long id = create(&op, &c, num, sizeof num);
	char unit[24];
	snprintf(unit, sizeof unit, "%ld", unit_id("city-psb-hz"));
	const char *const keys[3] = { "reason", "basis", "suggested_unit_id" };
	const char *const vals[3] = { "来电事项为户口迁移，不属本局职责",
				      "《户口登记条例》第三条：户口登记工作由各级公安机关主管", unit };
	for (int skip = 0; skip < 3; skip++) {
		body[0] = '\0';
		for (int k = 0; k < 3; k++)
			if (k != skip)
				form_add(&clerk, body, sizeof body, keys[k], vals[k]);
		refused(&obs, &clerk, "clerk_hrss without one field", id, "return", body, 400);
		REFUSAL_SAYS("理由", "依据", "单位");
	}
	/* The refused form comes back in place (issue 13, item 6): open, with
	 * what was typed, each missing field marked with a word beside it. */
	body[0] = '\0';
	form_add(&clerk, body, sizeof body, "reason", vals[0]);
	ACT_ON(&clerk, "orders", id, "return", body, 400);
	ck_assert_int_eq(count(&clerk, "//details[contains(@class,'return-form') and @open]"), 1);
	snprintf(xp, sizeof xp, "//form[@action='/orders/%ld/return']//p[@role='alert']", id);
	ck_assert_msg(strstr(text(&clerk, xp), "依据") != NULL, "the return form does not say why");
	ck_assert_str_eq(text(&clerk, "//textarea[@id='reason']"), vals[0]);
	ck_assert_int_eq(count(&clerk, "//textarea[@id='reason' and @aria-invalid]"), 0);
	ck_assert_int_eq(count(&clerk, "//textarea[@id='basis' and @aria-invalid='true'"
				       " and @aria-describedby='basis-err']"), 1);
	ck_assert_str_eq(text(&clerk, "//*[@id='basis-err']"), "请填写此项。");
	ck_assert_int_eq(count(&clerk, "//select[@id='suggested_unit_id' and @aria-invalid='true']"), 1);
	ck_assert_str_eq(text(&clerk, "//*[@id='suggested_unit_id-err']"), "请选择此项。");
	/* A wrong choice keeps the other fields and the choice. */
	ACT_ON(&clerk, "orders", id, "return",
	       return_body(&clerk, body, sizeof body, vals[0], "", "city-psb-hz"), 400);
	ck_assert_int_eq(atol(text(&clerk, "//select[@id='suggested_unit_id']/option[@selected]/@value")),
			 unit_id("city-psb-hz"));
	ck_assert_int_eq(count(&clerk, "//textarea[@id='basis' and @aria-invalid='true']"), 1);
	/* Blank counts as missing. */
	refused(&obs, &clerk, "clerk_hrss with a blank reason", id, "return",
		return_body(&clerk, body, sizeof body, "   ", vals[1], "city-psb-hz"), 400);
	REFUSAL_SAYS("理由", "依据", "单位");
	/* Not to itself, not to another county's unit, not to the call centre. */
	refused(&obs, &clerk, "clerk_hrss suggesting itself", id, "return",
		return_body(&clerk, body, sizeof body, vals[0], vals[1], "city-hrss"), 400);
	REFUSAL_SAYS("本单位");
	refused(&obs, &clerk, "clerk_hrss suggesting a county unit", id, "return",
		return_body(&clerk, body, sizeof body, vals[0], vals[1], "meijiang-hrss"), 400);
	REFUSAL_SAYS("所选单位");
	refused(&obs, &clerk, "clerk_hrss suggesting the call centre", id, "return",
		return_body(&clerk, body, sizeof body, vals[0], vals[1], "city-callcentre"), 400);
	REFUSAL_SAYS("所选单位");
	GET(&coord, "/orders/returns", 200);
	ck_assert_int_eq(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s']", num), 0);

	/* All three: 退回待定, still the unit's, waiting for the office. */
	ACT_ON(&clerk, "orders", id, "return",
	       return_body(&clerk, body, sizeof body, vals[0], vals[1], "city-psb-hz"), 303);
	ck_assert_msg(strstr(web_location(&clerk), "done=return_asked") != NULL, "return went to %s",
		      web_location(&clerk));
	struct snap s;
	snap(&clerk, id, &s);
	ck_assert_str_eq(s.state, "退回待定");
	ck_assert_str_eq(s.unit, hrss);
#define RETURN_FIELD "//section[contains(@class,'return-request')]//dt[.='%s']/following-sibling::dd[1]"
	snprintf(xp, sizeof xp, RETURN_FIELD, "退回理由");
	ck_assert_str_eq(text(&clerk, xp), vals[0]);
	snprintf(xp, sizeof xp, RETURN_FIELD, "依据");
	ck_assert_str_eq(text(&clerk, xp), vals[1]);
	snprintf(xp, sizeof xp, RETURN_FIELD, "建议承办单位");
	ck_assert_str_eq(text(&clerk, xp), psb);
#undef RETURN_FIELD
	snprintf(part, sizeof part, "→ %s", psb);
	timeline_is(&clerk, 2, "申请退回", display_name("clerk_hrss"), hrss, part);
	timeline_is(&clerk, 2, "申请退回", display_name("clerk_hrss"), hrss, "依据：《户口登记条例》");
	ck_assert_msg(in_queue(&clerk, "return", num, NULL, 0), "退回待定 lacks %s", num);
	ck_assert_msg(in_queue(&clerk, "", num, NULL, 0), "the queue lacks %s", num);
	/* Once is enough. */
	refused(&obs, &clerk, "clerk_hrss asking again", id, "return",
		return_body(&clerk, body, sizeof body, vals[0], vals[1], "city-psb-hz"), 409);
	GET(&coord, "/orders/returns", 200);
	ck_assert_int_eq(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s'][td[2]='%s'][td[4]='%s']",
			       num, hrss, psb), 1);
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* The office redispatches, refuses or opens a dispute; counts per unit. */
START_TEST(returns_decided_by_the_office)
{
	struct web op, clerk, psb, power, coord;
	char p[32], num[5][64], body[4096], path[96], unit[64], part[256];
	const char *hrss = unit_name("city-hrss"), *psb_name = unit_name("city-psb-hz");
	long psb_id = unit_id("city-psb-hz"), hrss_id = unit_id("city-hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	int before[5], after[5];
	return_counts(&coord, hrss, before);
	long id[5];
	for (int i = 0; i < 5; i++) {
		struct call c = dispatch_to(phone_no(p, 801 + i), cat_leaf, jur_id("meizhou"), hrss_id);
		id[i] = create(&op, &c, num[i], sizeof num[i]);
	}
	/* 2 is accepted first: a refused return goes back to 办理中. */
	ACT_ON(&clerk, "orders", id[2], "accept", NULL, 303);
	for (int i = 0; i < 5; i++)
		ACT_ON(&clerk, "orders", id[i], "return",
		       return_body(&clerk, body, sizeof body, "不属本局职责", "见本局“三定”规定",
				   "city-psb-hz"), 303);
	GET(&coord, "/orders/returns", 200);
	for (int i = 0; i < 5; i++)
		ck_assert_msg(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s']", num[i]) == 1,
			      "pending returns lack %s", num[i]);

	/* Redispatch to the suggested unit (offered first), not back to the
	 * same unit, nor to one of another county or an office. */
	GET(&coord, pathf(path, sizeof path, "/orders/%ld", id[0]), 200);
	ck_assert_int_eq(atol(text(&coord, "//select[@id='redispatch_unit']/option[@selected]/@value")),
			 psb_id);
	ck_assert_int_eq(count(&coord, "//select[@id='redispatch_unit']/option[@value='%ld']", hrss_id), 0);
	ACT_ON(&coord, "orders", id[0], "redispatch", pathf(unit, sizeof unit, "unit_id=%ld", hrss_id), 400);
	SAYS(&coord, "当前承办单位");
	ACT_ON(&coord, "orders", id[0], "redispatch", NULL, 400);
	ACT_ON(&coord, "orders", id[0], "redispatch",
	       pathf(unit, sizeof unit, "unit_id=%ld", unit_id("meijiang-hrss")), 400);
	ACT_ON(&coord, "orders", id[0], "redispatch",
	       pathf(unit, sizeof unit, "unit_id=%ld", unit_id("city-office")), 400);
	SAYS(&coord, "所选单位");
	STATE_IS(&coord, id[0], "退回待定");
	snprintf(unit, sizeof unit, "%ld", psb_id);
	ACT_ON(&coord, "orders", id[0], "redispatch",
	       form(&coord, body, sizeof body, "unit_id", unit, "note", "同意退回", NULL), 303);
	struct snap s;
	snap(&psb, id[0], &s);
	ck_assert_str_eq(s.state, "待签收");
	ck_assert_str_eq(s.unit, psb_name);
	ASSERT_DUE(s.due, LIMIT_DAYS);
	ck_assert_str_eq(text(&psb, "//dt[.='退回次数']/following-sibling::dd[1]"), "1");
	snprintf(part, sizeof part, "→ %s", psb_name);
	timeline_is(&psb, 3, "改派", display_name("coordinator"), unit_name("city-office"), part);
	ck_assert_msg(in_queue(&psb, "new", num[0], NULL, 0), "户政支队's queue lacks %s", num[0]);
	ck_assert_msg(!in_queue(&clerk, "", num[0], NULL, 0), "人社局's queue still lists %s", num[0]);
	GET(&clerk, pathf(path, sizeof path, "/orders/%ld", id[0]), 404);
	ck_assert_int_eq(web_act_on(&clerk, "orders", id[0], "accept", NULL), 404);
	ACT_ON(&psb, "orders", id[0], "accept", NULL, 303);

	/* … or to another unit than the suggested one. */
	ACT_ON(&coord, "orders", id[1], "redispatch",
	       pathf(unit, sizeof unit, "unit_id=%ld", unit_id("city-power")), 303);
	snap(&power, id[1], &s);
	ck_assert_str_eq(s.unit, unit_name("city-power"));
	ck_assert_str_eq(s.state, "待签收");
	GET(&clerk, pathf(path, sizeof path, "/orders/%ld", id[1]), 404);
	GET(&psb, path, 404);
	ck_assert_msg(in_queue(&power, "new", num[1], NULL, 0), "供电局's queue lacks %s", num[1]);

	/* Refused: back to the unit, as it was. */
	ACT_ON(&coord, "orders", id[2], "refuse-return", NULL, 400);
	SAYS(&coord, "理由");
	ACT_ON(&coord, "orders", id[2], "refuse-return",
	       form(&coord, body, sizeof body, "reason", "劳动报酬纠纷属本局职责", NULL), 303);
	snap(&clerk, id[2], &s);
	ck_assert_str_eq(s.state, "办理中");
	ck_assert_str_eq(s.unit, hrss);
	timeline_is(&clerk, 4, "不同意退回", display_name("coordinator"), unit_name("city-office"),
		    "劳动报酬纠纷属本局职责");
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'return-request')]"), 0);
	ck_assert_msg(in_queue(&clerk, "active", num[2], NULL, 0), "办理中 lacks %s", num[2]);
	ck_assert_msg(!in_queue(&clerk, "return", num[2], NULL, 0), "退回待定 still lists %s", num[2]);
	ACT_ON(&coord, "orders", id[3], "refuse-return",
	       form(&coord, body, sizeof body, "reason", "请先核实", NULL), 303);
	STATE_IS(&clerk, id[3], "待签收");
	ck_assert_msg(in_queue(&clerk, "new", num[3], NULL, 0), "新派单 lacks %s", num[3]);

	/* A dispute: 争议认定中, with its number on the timeline. */
	ACT_ON(&coord, "orders", id[4], "dispute",
	       form(&coord, body, sizeof body, "note", "职责边界不清", NULL), 303);
	snap(&clerk, id[4], &s);
	ck_assert_str_eq(s.state, "争议认定中");
	const char *ev = text(&clerk, "//ol[@class='timeline']/li[3]");
	const char *hash = strstr(ev, "争议 #");
	ck_assert_msg(hash != NULL && atol(hash + strlen("争议 #")) > 0,
		      "the timeline does not name the dispute: 「%s」", ev);
	timeline_is(&clerk, 3, "提请争议认定", display_name("coordinator"), unit_name("city-office"),
		    "职责边界不清");
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	ck_assert_msg(!in_queue(&clerk, "", num[4], NULL, 0), "a disputed order is in the queue");

	/* Decided: off the pending list, counted per unit. */
	return_counts(&coord, hrss, after);
	for (int i = 0; i < 5; i++)
		ck_assert_msg(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s']", num[i]) == 0,
			      "pending returns still list %s", num[i]);
	ck_assert_int_eq(after[0] - before[0], 5);
	ck_assert_int_eq(after[1] - before[1], 0);
	ck_assert_int_eq(after[2] - before[2], 2);
	ck_assert_int_eq(after[3] - before[3], 2);
	ck_assert_int_eq(after[4] - before[4], 1);
	/* Nothing pending: no decision. */
	ACT_ON(&coord, "orders", id[2], "redispatch", pathf(unit, sizeof unit, "unit_id=%ld", psb_id), 409);
	ACT_ON(&coord, "orders", id[2], "refuse-return", "reason=x", 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
}
END_TEST

static Suite *order_returns_suite(void)
{
	Suite *s = suite_create("order_returns");
	TCase *tc = tcase(s, "returns", 180);
	tcase_add_test(tc, return_needs_reason_basis_and_unit);
	tcase_add_test(tc, returns_decided_by_the_office);
	return s;
}

int main(void)
{
	return suite_main(order_returns_suite(), setup_order_categories);
}
