/* Handling an order (办理, U2, D4): the unit's clerk signs for it, notes
 * progress and replies; the office urges, sends back, closes with the
 * callback and reopens; the timeline and the print sheet; the clerk's
 * queue and its buckets; the deadline sweep; actions the order's state
 * does not allow; a county's office on its own orders. (Who may act on
 * which order at all: test_access and test_scope.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orders.h"

/* 签收, 办理进展, 办结回复, 审核办结; the timeline and the print sheet. */
START_TEST(clerk_handles_office_closes)
{
	struct web op, clerk, other, coord;
	char p[32], pm[32], num[64], path[96], ph[64], body[2048], part[256];
	const char *hrss = unit_name("city-hrss");
	const char *n_clerk = display_name("clerk_hrss"), *n_coord = display_name("coordinator");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&other, "clerk_psb");
	sign_in(&coord, "coordinator");
	phone_no(p, 401);
	masked(p, pm);
	ck_assert_uint_eq(strlen(pm), 11);
	ck_assert_int_eq(strncmp(pm + 3, "****", 4), 0);
	struct call c = dispatch_to(p, cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	long id = create(&op, &c, num, sizeof num);

	/* The unit's clerk finds it among the new ones, the number masked;
	 * another unit's clerk does not. */
	ck_assert_msg(in_queue(&clerk, "new", num, ph, sizeof ph), "人社局's queue lacks %s", num);
	ck_assert_str_eq(ph, pm);
	ck_assert_msg(in_queue(&clerk, "", num, NULL, 0), "人社局's whole queue lacks %s", num);
	ck_assert_msg(!in_queue(&other, "", num, NULL, 0), "户政支队's queue lists %s", num);
	GET(&clerk, pathf(path, sizeof path, "/orders/%ld", id), 200);
	ck_assert_str_eq(text(&clerk, "//dd[@class='o-phone']"), pm);
	ck_assert_msg(!body_has(&clerk, p), "the clerk's page shows the whole number");
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/accept']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/return']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/reply']", id), 0);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/close']", id), 0);
	/* The call centre and the office see the whole number. */
	GET(&op, path, 200);
	ck_assert_str_eq(text(&op, "//dd[@class='o-phone']"), p);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//dd[@class='o-phone']"), p);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/urge']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/accept']", id), 0);
	GET(&coord, pathf(body, sizeof body, "/orders?number=%s", num), 200);
	ck_assert_str_eq(search_cell(&coord, num, "来电号码"), p);

	/* 签收 */
	ACT_ON(&clerk, "orders", id, "accept", NULL, 303);
	ck_assert_msg(strstr(web_location(&clerk), "done=accepted") != NULL, "accept went to %s",
		      web_location(&clerk));
	STATE_IS(&clerk, id, "办理中");
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/reply']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/accept']", id), 0);
	ck_assert_msg(in_queue(&clerk, "active", num, NULL, 0), "办理中 lacks %s", num);
	ck_assert_msg(!in_queue(&clerk, "new", num, NULL, 0), "新派单 still lists %s", num);

	/* 办理进展, then 办结回复: off the queue, to the office. */
	ACT_ON(&clerk, "orders", id, "note",
	       form(&clerk, body, sizeof body, "note", "已电话联系来电人，约定周三上门核查。", NULL), 303);
	STATE_IS(&clerk, id, "办理中");
	ACT_ON(&clerk, "orders", id, "reply",
	       form(&clerk, body, sizeof body, "result", "经核查，公司已于本周补发全部工资。", NULL), 303);
	STATE_IS(&clerk, id, "待审核");
	ck_assert_str_eq(text(&clerk, "//dd[contains(@class,'o-reply')]"), "经核查，公司已于本周补发全部工资。");
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	ck_assert_msg(!in_queue(&clerk, "", num, NULL, 0), "a replied order stays in the queue");

	/* 审核办结 with the callback. */
	GET(&coord, path, 200);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/close']//option[@value='satisfied' and .='满意']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/send-back']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/reopen']", id), 0);
	ACT_ON(&coord, "orders", id, "close", form(&coord, body, sizeof body, "satisfaction", "satisfied",
						   "note", "来电人确认已收到工资", NULL), 303);
	STATE_IS(&coord, id, "已办结");
	ck_assert_str_eq(text(&coord, "//dd[@class='o-callback']"), "满意");
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);

	/* Every step on the timeline: who, in which unit, when. */
	ck_assert_int_eq(count(&coord, "//ol[@class='timeline']/li"), 5);
	snprintf(part, sizeof part, "→ %s", hrss);
	timeline_is(&coord, 1, "派单", display_name("operator"), unit_name("city-callcentre"), part);
	timeline_is(&coord, 2, "签收", n_clerk, hrss, NULL);
	timeline_is(&coord, 3, "办理进展", n_clerk, hrss, "约定周三上门核查");
	timeline_is(&coord, 4, "办结回复", n_clerk, hrss, "补发全部工资");
	timeline_is(&coord, 5, "审核办结", n_coord, unit_name("city-office"), "来电人确认已收到工资");
	ck_assert_msg(strstr(text(&coord, "//ol[@class='timeline']/li[5]"), "满意") != NULL,
		      "the closing event does not give the callback");

	/* The print sheet. */
	GET(&coord, pathf(path, sizeof path, "/orders/%ld/print", id), 200);
	ck_assert_str_eq(text(&coord, "//article[@class='sheet']/h1"), "梅州市12345政府服务热线工单");
#define SHEET(w, head) text((w), "//table[@class='sheet']//th[.='" head "']/following-sibling::td[1]")
	ck_assert_str_eq(SHEET(&coord, "工单编号"), num);
	ck_assert_str_eq(SHEET(&coord, "状态"), "已办结");
	ck_assert_str_eq(SHEET(&coord, "来电号码"), p);
	ck_assert_str_eq(SHEET(&coord, "承办单位"), hrss);
	ck_assert_str_eq(SHEET(&coord, "问题分类"), leaf_name);
	ck_assert_str_eq(SHEET(&coord, "回访结果"), "满意");
	ck_assert_str_eq(SHEET(&coord, "办理结果"), "经核查，公司已于本周补发全部工资。");
	ck_assert_int_eq(count(&coord, "//table[@class='sheet timeline']//tr[td]"), 5);
	ck_assert_str_eq(text(&coord, "//table[@class='sheet timeline']//tr[td][2]/td[2]"), n_clerk);
	ck_assert_str_eq(text(&coord, "//table[@class='sheet timeline']//tr[td][2]/td[3]"), hrss);
	ck_assert_str_eq(text(&coord, "//table[@class='sheet timeline']//tr[td][2]/td[4]"), "签收");
	ck_assert_int_eq(count(&coord, "//form"), 1); /* only the sign-out one */
	GET(&clerk, path, 200);
	ck_assert_str_eq(SHEET(&clerk, "来电号码"), pm);
	ck_assert_msg(!body_has(&clerk, p), "the clerk's sheet shows the whole number");
	GET(&other, path, 404);
	ck_assert_msg(!body_has(&other, num), "户政支队's 404 shows the order");
#undef SHEET
	web_free(&op);
	web_free(&clerk);
	web_free(&other);
	web_free(&coord);
}
END_TEST

/* 催办, 退回重办, 基本满意, 不满意 and 重新交办. */
START_TEST(urge_send_back_and_reopen)
{
	struct web op, clerk, coord;
	char p[32], num[64], num2[64], body[2048];
	const char *n_coord = display_name("coordinator"), *office = unit_name("city-office");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 501), cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	long id = create(&op, &c, num, sizeof num);

	ACT_ON(&coord, "orders", id, "urge",
	       form(&coord, body, sizeof body, "note", "来电人再次来电催促，请尽快办理", NULL), 303);
	STATE_IS(&clerk, id, "待签收");
	timeline_is(&clerk, 2, "催办", n_coord, office, "再次来电催促");

	ACT_ON(&clerk, "orders", id, "accept", NULL, 303);
	ACT_ON(&clerk, "orders", id, "reply", form(&clerk, body, sizeof body, "result", "已协调。", NULL), 303);
	/* 退回重办 needs a reason. */
	ACT_ON(&coord, "orders", id, "send-back", NULL, 400);
	SAYS(&coord, "理由");
	STATE_IS(&coord, id, "待审核");
	ACT_ON(&coord, "orders", id, "send-back",
	       form(&coord, body, sizeof body, "reason", "答复未说明工资何时发放", NULL), 303);
	STATE_IS(&clerk, id, "办理中");
	timeline_is(&clerk, 5, "退回重办", n_coord, office, "答复未说明工资何时发放");
	ck_assert_msg(in_queue(&clerk, "active", num, NULL, 0), "a sent-back order is not 办理中 in the queue");
	ACT_ON(&clerk, "orders", id, "reply",
	       form(&clerk, body, sizeof body, "result", "公司承诺本月 15 日前发放。", NULL), 303);
	/* The callback is required and one of the three. */
	ACT_ON(&coord, "orders", id, "close", NULL, 400);
	SAYS(&coord, "回访结果");
	/* The refused 审核办结 keeps the typed note and marks the callback. */
	ACT_ON(&coord, "orders", id, "close",
	       form(&coord, body, sizeof body, "note", "已电话回访，来电人表示工资已到账", NULL), 400);
	ck_assert_str_eq(text(&coord, "//input[@id='close_note']/@value"), "已电话回访，来电人表示工资已到账");
	ck_assert_int_eq(count(&coord, "//select[@id='satisfaction' and @aria-invalid='true'"
				       " and @aria-describedby='satisfaction-err']"), 1);
	ck_assert_str_eq(text(&coord, "//*[@id='satisfaction-err']"), "请选择此项。");
	ck_assert_msg(strstr(message(&coord), "回访结果") != NULL, "the close form does not say why");
	ACT_ON(&coord, "orders", id, "close", "satisfaction=great", 400);
	STATE_IS(&coord, id, "待审核");
	ACT_ON(&coord, "orders", id, "close", "satisfaction=basic", 303);
	STATE_IS(&coord, id, "已办结");
	ck_assert_str_eq(text(&coord, "//dd[@class='o-callback']"), "基本满意");
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/reopen']", id), 0);
	/* Only a 不满意 callback may reopen it. */
	refused(&clerk, &coord, "coordinator (基本满意)", id, "reopen",
		form(&coord, body, sizeof body, "reason", "再办一次", NULL), 409);
	REFUSAL_SAYS("不满意");

	/* 不满意 → 重新交办: back in the unit's queue. */
	c.phone = phone_no(p, 502);
	long id2 = create(&op, &c, num2, sizeof num2);
	ACT_ON(&clerk, "orders", id2, "accept", NULL, 303);
	ACT_ON(&clerk, "orders", id2, "reply", form(&clerk, body, sizeof body, "result", "已答复来电人。", NULL), 303);
	ACT_ON(&coord, "orders", id2, "close", "satisfaction=dissatisfied", 303);
	STATE_IS(&coord, id2, "已办结");
	ck_assert_str_eq(text(&coord, "//dd[@class='o-callback']"), "不满意");
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/reopen']", id2), 1);
	ck_assert_msg(!in_queue(&clerk, "", num2, NULL, 0), "a closed order is in the queue");
	ACT_ON(&coord, "orders", id2, "reopen", NULL, 400);
	ACT_ON(&coord, "orders", id2, "reopen",
	       form(&coord, body, sizeof body, "reason", "来电人称工资仍未到账", NULL), 303);
	ck_assert_msg(strstr(web_location(&coord), "done=reopened") != NULL, "reopen went to %s",
		      web_location(&coord));
	STATE_IS(&clerk, id2, "办理中");
	timeline_is(&clerk, 5, "重新交办", n_coord, office, "工资仍未到账");
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/reply']", id2), 1);
	ck_assert_msg(in_queue(&clerk, "active", num2, NULL, 0), "a reopened order is not back in the queue");
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* The rows of w's queue (bucket) over all pages, and the count its tab
 * shows. */
static void queue_total(struct web *w, const char *bucket, int *rows, int *tab)
{
	*rows = 0;
	*tab = -1;
	for (int page = 1; page < 500; page++) {
		char path[128];
		GET(w, pathf(path, sizeof path, "/orders/queue?state=%s&page=%d", bucket, page), 200);
		if (page == 1) {
			char xp[160];
			snprintf(xp, sizeof xp,
				 "//nav[@class='tabs']/a[@href='/orders/queue?state=%s']/span[@class='n']",
				 bucket);
			*tab = atoi(text(w, xp));
		}
		*rows += count(w, "//table[@class='queue']/tbody/tr");
		if (count(w, "//p[@class='pager']/a[contains(., '下一页')]") == 0)
			return;
	}
}

/* The queue's buckets, their counts, and only the unit's own orders. */
START_TEST(queue_buckets)
{
	struct web op, clerk, other;
	char p[32], pm[32], n_new[64], n_act[64], n_ret[64], n_due[64], n_late[64], body[2048];
	char yesterday[11], next_workday[11], psb[24], xp[256], ph[64];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&other, "clerk_psb");
	struct call c = dispatch_to(phone_no(p, 601), cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	masked(p, pm);
	create(&op, &c, n_new, sizeof n_new);
	c.phone = phone_no(p, 602);
	long act_id = create(&op, &c, n_act, sizeof n_act);
	ACT_ON(&clerk, "orders", act_id, "accept", NULL, 303);
	c.phone = phone_no(p, 603);
	long ret_id = create(&op, &c, n_ret, sizeof n_ret);
	snprintf(psb, sizeof psb, "%ld", unit_id("city-psb-hz"));
	ACT_ON(&clerk, "orders", ret_id, "return",
	       form(&clerk, body, sizeof body, "reason", "不属本单位职责", "basis",
		    "户籍管理属公安机关职责", "suggested_unit_id", psb, NULL), 303);
	/* Due by the next working day (so still, should the run cross
	 * midnight), and a day late: as time would leave them. */
	workday_after(run_day, 1, next_workday);
	struct raw r = { .number = raw_number(n_due, "due"), .phone = phone_no(p, 604),
			 .state = "accepted", .due = next_workday, .jur = jur_id("meizhou"),
			 .cat = cat_other, .unit = unit_id("city-hrss"), .days_ago = 3 };
	raw_order(&r);
	add_days(run_day, -1, yesterday);
	r.number = raw_number(n_late, "late");
	r.state = "dispatched";
	r.due = yesterday;
	r.days_ago = 5;
	raw_order(&r);

	static const struct { const char *bucket; int has[5]; } want[] = {
		/*                  new act ret due late */
		{ "",        { 1, 1, 1, 1, 1 } },
		{ "new",     { 1, 0, 0, 0, 1 } },
		{ "active",  { 0, 1, 0, 1, 0 } },
		{ "return",  { 0, 0, 1, 0, 0 } },
		{ "due",     { 0, 0, 0, 1, 0 } },
		{ "overdue", { 0, 0, 0, 0, 1 } },
	};
	const char *nums[5] = { n_new, n_act, n_ret, n_due, n_late };
	for (size_t b = 0; b < sizeof want / sizeof want[0]; b++)
		for (int k = 0; k < 5; k++)
			ck_assert_msg(in_queue(&clerk, want[b].bucket, nums[k], NULL, 0) == want[b].has[k],
				      "bucket 「%s」 %s %s", want[b].bucket,
				      want[b].has[k] ? "lacks" : "lists", nums[k]);
	/* The rows show the masked number, the state and the urgency. */
	ck_assert(in_queue(&clerk, "new", n_new, ph, sizeof ph));
	ck_assert_str_eq(ph, pm);
	ck_assert(in_queue(&clerk, "", n_ret, NULL, 0));
	snprintf(xp, sizeof xp, "//table[@class='queue']/tbody/tr[td[1]/a='%s']/td[2]", n_ret);
	ck_assert_str_eq(text(&clerk, xp), "退回待定");
	ck_assert(in_queue(&clerk, "overdue", n_late, NULL, 0));
	ck_assert_int_eq(count(&clerk, "//table[@class='queue']/tbody/tr[td[1]/a='%s'][@class='overdue']//span[.='已超期']", n_late), 1);
	ck_assert(in_queue(&clerk, "due", n_due, NULL, 0));
	ck_assert_int_eq(count(&clerk, "//table[@class='queue']/tbody/tr[td[1]/a='%s'][@class='due-soon']//span[.='即将到期']", n_due), 1);
	/* Each tab's count is what it lists. */
	for (size_t b = 0; b < sizeof want / sizeof want[0]; b++) {
		int rows, tab;
		queue_total(&clerk, want[b].bucket, &rows, &tab);
		ck_assert_msg(rows == tab, "bucket 「%s」 shows %d but lists %d", want[b].bucket, tab, rows);
	}
	/* Another unit's clerk sees none of them. */
	for (int k = 0; k < 5; k++)
		ck_assert_msg(!in_queue(&other, "", nums[k], NULL, 0), "户政支队's queue lists %s", nums[k]);
	/* A bucket must be one of the tabs. */
	GET(&clerk, "/orders/queue?state=closed", 400);
	SAYS(&clerk, "筛选");
	web_free(&op);
	web_free(&clerk);
	web_free(&other);
}
END_TEST

/* One run of `hotlinectl sweep` of its own: the stack's sweep loop may
 * hold the sweep's lock for a moment, then this one tries again. */
/* An order past its due date: marked 已超期 by the system, on the
 * timeline and in the unit's reminders. */
START_TEST(sweep_marks_overdue_orders)
{
	struct web clerk, coord;
	char p[32], num[64], yesterday[11], path[128];
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	add_days(run_day, -1, yesterday);
	struct raw r = { .number = raw_number(num, "sweep"), .phone = phone_no(p, 1601),
			 .state = "accepted", .due = yesterday, .jur = jur_id("meizhou"),
			 .cat = cat_other, .unit = unit_id("city-hrss"), .days_ago = 6 };
	long id = raw_order(&r);
	snprintf(path, sizeof path, "number=%s&overdue=1", num);
	search_lists(&coord, path, 0);
	run_sweep();
	GET(&coord, pathf(path, sizeof path, "/orders/%ld", id), 200);
	ck_assert_int_eq(count(&coord, "//p[@class='meta']/span[@class='badge overdue' and .='已超期']"), 1);
	ck_assert_int_eq(count(&coord, "//ol[@class='timeline']/li"), 1);
	ck_assert_str_eq(text(&coord, "//ol[@class='timeline']/li[1]/strong"), "超期");
	/* By the system, naming the unit and the date it was due. */
	const char *li = text(&coord, "//ol[@class='timeline']/li[1]");
	ck_assert_msg(strstr(li, "系统") && strstr(li, unit_name("city-hrss")) &&
			      strstr(li, yesterday), "the sweep's event reads 「%s」", li);
	snprintf(path, sizeof path, "number=%s&overdue=1", num);
	search_lists(&coord, path, 1, num);
	GET(&clerk, "/orders/queue", 200);
	ck_assert_msg(count(&clerk, "//section[contains(@class,'reminders')]//li[a='%s']/strong[.='已超期']",
			    num) == 1, "人社局's reminders lack %s", num);
	ck_assert(in_queue(&clerk, "overdue", num, NULL, 0));
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* An action the order's state does not allow: 409, nothing changed, the
 * state named. */
START_TEST(wrong_state_is_409)
{
	struct web op, obs, clerk, coord;
	char p[32], num[64], st[64], psb[24], body[256];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	snprintf(psb, sizeof psb, "%ld", unit_id("city-psb-hz"));
	struct call c = dispatch_to(phone_no(p, 1201), cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	long id = create(&op, &c, num, sizeof num);
	static const struct { int clerk; const char *action, *extra, *label; } dispatched[] = {
		{ 1, "note", "note=x", "办理进展" }, { 1, "reply", "result=x", "办结回复" },
		{ 0, "close", "satisfaction=satisfied", "审核办结" },
		{ 0, "send-back", "reason=x", "退回重办" }, { 0, "reopen", "reason=x", NULL },
		{ 0, "redispatch", NULL, "改派" },
		{ 0, "refuse-return", "reason=x", "不同意退回" },
	};
	for (size_t i = 0; i < sizeof dispatched / sizeof dispatched[0]; i++) {
		struct web *w = dispatched[i].clerk ? &clerk : &coord;
		const char *extra = dispatched[i].extra;
		if (extra == NULL) {
			snprintf(body, sizeof body, "unit_id=%s", psb);
			extra = body;
		}
		refused(&obs, w, dispatched[i].action, id, dispatched[i].action, extra, 409);
		if (dispatched[i].label)
			REFUSAL_SAYS("待签收", dispatched[i].label);
	}
	ACT_ON(&clerk, "orders", id, "accept", NULL, 303);
	refused(&obs, &clerk, "accept again", id, "accept", NULL, 409);
	REFUSAL_SAYS("办理中", "签收");
	refused(&obs, &coord, "close while 办理中", id, "close", "satisfaction=satisfied", 409);
	ACT_ON(&clerk, "orders", id, "reply", "result=x", 303);
	refused(&obs, &clerk, "note on a replied order", id, "note", "note=x", 409);
	snprintf(body, sizeof body, "reason=x&basis=y&suggested_unit_id=%s", psb);
	refused(&obs, &clerk, "return of a replied order", id, "return", body, 409);
	refused(&obs, &coord, "urge a replied order", id, "urge", "note=x", 409);
	REFUSAL_SAYS("待审核", "催办");
	refused(&obs, &coord, "dispute a replied order", id, "dispute", "note=x", 409);
	ACT_ON(&coord, "orders", id, "close", "satisfaction=satisfied", 303);
	ck_assert_str_eq(order_state(&obs, id, st), "已办结");
	refused(&obs, &coord, "close again", id, "close", "satisfaction=satisfied", 409);
	refused(&obs, &coord, "send back a closed order", id, "send-back", "reason=x", 409);
	refused(&obs, &coord, "reopen a 满意 order", id, "reopen", "reason=x", 409);
	refused(&obs, &clerk, "accept a closed order", id, "accept", NULL, 409);
	/* An answered call is closed for good. */
	c.outcome = "three_way";
	c.unit = 0;
	c.tw_unit = unit_id("city-hrss");
	long tw = create(&op, &c, num, sizeof num);
	refused(&obs, &coord, "urge a three-way call", tw, "urge", "note=x", 409);
	refused(&obs, &coord, "dispute a three-way call", tw, "dispute", "note=x", 409);
	/* No such order. */
	ck_assert_int_eq(web_act_on(&coord, "orders", 2000000000, "urge", "note=x"), 404);
	ck_assert_int_eq(web_act_on(&clerk, "orders", 2000000000, "accept", NULL), 404);
	GET(&coord, "/orders/2000000000", 404);
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* 梅江区's office acts on 梅江区's orders only; the city's on both; its
 * search and export cover 梅江区 only. */
START_TEST(county_office_acts_on_its_own)
{
	struct web op, obs, coord, mjc, mjk;
	char p[32], n_city[64], n_mj[64], body[2048], path[128];
	const char *n_mjc = display_name("mj_coordinator"), *mj_office = unit_name("meijiang-office");
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&coord, "coordinator");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&mjk, "mj_clerk");
	struct call c = dispatch_to(phone_no(p, 1101), cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	long city = create(&op, &c, n_city, sizeof n_city);
	c = dispatch_to(phone_no(p, 1102), cat_leaf, jur_id("meijiang"), unit_id("meijiang-hrss"));
	long mj = create(&op, &c, n_mj, sizeof n_mj);

	GET(&mjc, pathf(path, sizeof path, "/orders/%ld", mj), 200);
	ck_assert_int_eq(count(&mjc, "//form[@action='/orders/%ld/urge']", mj), 1);
	ACT_ON(&mjc, "orders", mj, "urge", form(&mjc, body, sizeof body, "note", "区管理办催办", NULL), 303);
	STATE_IS(&mjc, mj, "待签收");
	timeline_is(&mjc, 2, "催办", n_mjc, mj_office, "区管理办催办");
	ACT_ON(&coord, "orders", mj, "urge", "note=city", 303);
	ACT_ON(&coord, "orders", city, "urge", "note=city", 303);
	STATE_IS(&obs, city, "待签收");

	/* 梅江区's clerk handles it; its office closes it. */
	ck_assert_msg(in_queue(&mjk, "new", n_mj, NULL, 0), "梅江区人社局's queue lacks %s", n_mj);
	ck_assert_msg(!in_queue(&mjk, "", n_city, NULL, 0), "梅江区人社局's queue lists %s", n_city);
	ACT_ON(&mjk, "orders", mj, "accept", NULL, 303);
	ACT_ON(&mjk, "orders", mj, "reply", "result=%E5%B7%B2%E5%A4%84%E7%90%86", 303);
	ACT_ON(&mjc, "orders", mj, "close", "satisfaction=satisfied", 303);
	STATE_IS(&obs, mj, "已办结");
	timeline_is(&obs, 6, "审核办结", n_mjc, mj_office, "满意");

	/* Its search and export cover 梅江区 only. */
	snprintf(path, sizeof path, "category_id=%ld&caller_phone=%s", cat_leaf, c.phone);
	search_lists(&mjc, path, 1, n_mj);
	snprintf(path, sizeof path, "number=%s", n_city);
	search_lists(&mjc, path, 0);
	search_lists(&coord, path, 1, n_city);
	snprintf(path, sizeof path, "number=%s", n_mj);
	search_lists(&coord, path, 1, n_mj);
	GET(&mjc, pathf(path, sizeof path, "/orders/export.csv?number=%s", n_city), 200);
	ck_assert_msg(!body_has(&mjc, n_city), "梅江区's export has the city's order");
	web_free(&op);
	web_free(&obs);
	web_free(&coord);
	web_free(&mjc);
	web_free(&mjk);
}
END_TEST

static Suite *order_handling_suite(void)
{
	Suite *s = suite_create("order_handling");
	TCase *tc = tcase(s, "handling", 180);
	tcase_add_test(tc, clerk_handles_office_closes);
	tcase_add_test(tc, urge_send_back_and_reopen);
	tcase_add_test(tc, queue_buckets);
	tcase_add_test(tc, sweep_marks_overdue_orders);
	tc = tcase(s, "rules", 180);
	tcase_add_test(tc, wrong_state_is_409);
	tcase_add_test(tc, county_office_acts_on_its_own);
	return s;
}

int main(void)
{
	return suite_main(order_handling_suite(), setup_order_categories);
}
