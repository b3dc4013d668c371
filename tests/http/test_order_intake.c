/* Taking calls (受理, U1, D4.1): the three outcomes (派单, 三方通话解答,
 * 一次性解答), order numbers per jurisdiction and day, the due date in
 * working days, the routing suggestion and the caller's earlier orders
 * beside the form, and refusals that say why and record nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orders.h"

/* The three outcomes, numbers per jurisdiction and day, the due date. */
START_TEST(intake_outcomes_and_numbers)
{
	struct web op, coord, clerk;
	char p[32], num_a[64], num_b[64], num_c[64], num_d[64], path[96], title[512], note[256];
	const char *hrss = unit_name("city-hrss"), *callcentre = unit_name("city-callcentre");
	const char *n_operator = display_name("operator");
	long city = jur_id("meizhou");
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	sign_in(&clerk, "clerk_hrss");
	published_title("city-hrss", title, sizeof title);
	long entry = kb_entry(&op, title);

	/* 派单: to 人社局, due the category's working days from today. */
	struct call c = dispatch_to(phone_no(p, 101), cat_leaf, city, unit_id("city-hrss"));
	long a = create(&op, &c, num_a, sizeof num_a);
	number_seq(num_a, "meizhou", NULL);
	struct snap s;
	snap(&op, a, &s);
	ck_assert_str_eq(s.state, "待签收");
	ck_assert_str_eq(s.unit, hrss);
	ASSERT_DUE(s.due, LIMIT_DAYS);
	ck_assert_str_eq(text(&op, "//dd[@class='o-phone']"), p);
	ck_assert_int_eq(s.events, 1);
	snprintf(note, sizeof note, "办理期限 %s", s.due);
	timeline_is(&op, 1, "派单", n_operator, callcentre, note);
	snprintf(note, sizeof note, "→ %s", hrss);
	timeline_is(&op, 1, "派单", n_operator, callcentre, note);

	/* 梅江区 has its own sequence. */
	c = dispatch_to(phone_no(p, 102), cat_leaf, jur_id("meijiang"), unit_id("meijiang-hrss"));
	long b = create(&op, &c, num_b, sizeof num_b);
	number_seq(num_b, "meijiang", NULL);
	snap(&op, b, &s);
	ck_assert_str_eq(s.unit, unit_name("meijiang-hrss"));
	ck_assert_str_eq(text(&op, "//dl[@class='fields order']/dt[.='所属区域']/following-sibling::dd[1]"),
			 jur_name("meijiang"));

	/* 三方通话: closed at once, the unit recorded, nobody's queue. */
	struct call tw = c;
	tw.outcome = "three_way";
	tw.phone = phone_no(p, 103);
	tw.jur = city;
	tw.unit = 0;
	tw.tw_unit = unit_id("city-hrss");
	long tid = create(&op, &tw, num_c, sizeof num_c);
	ck_assert_msg(next_number(num_a, num_c, "meizhou"), "%s does not follow %s", num_c, num_a);
	snap(&coord, tid, &s);
	ck_assert_str_eq(s.state, "三方通话解答");
	ck_assert_str_eq(text(&coord, "//dl[@class='fields order']/dt[.='三方通话单位']/following-sibling::dd[1]"),
			 hrss);
	ck_assert_int_eq(count(&coord, "//dd[@class='o-unit']"), 0);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);
	timeline_is(&coord, 1, "三方通话解答", n_operator, callcentre, note);
	ck_assert_msg(!in_queue(&clerk, "", num_c, NULL, 0), "a three-way call is in a queue");
	/* The unit on the call reads the order (number masked), and may not
	 * act on it. */
	GET(&clerk, pathf(path, sizeof path, "/orders/%ld", tid), 200);
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	ck_assert_msg(strstr(text(&clerk, "//dd[@class='o-phone']"), "****") != NULL,
		      "the three-way unit sees the whole number");

	/* 一次性解答 from a knowledge entry: closed, the entry recorded. */
	struct call an = { .outcome = "answer", .phone = phone_no(p, 104),
			   .content = "灵活就业人员能否参加职工养老保险？", .cat = cat_leaf,
			   .jur = city, .entry = entry };
	long d = create(&op, &an, num_d, sizeof num_d);
	ck_assert_msg(next_number(num_c, num_d, "meizhou"), "%s does not follow %s", num_d, num_c);
	snap(&coord, d, &s);
	ck_assert_str_eq(s.state, "一次性解答");
	ck_assert_msg(count(&coord, "//dt[.='答复依据']/following-sibling::dd[1]"
			    "/a[@href='/knowledge/entries/%ld' and .='%s']", entry, title) == 1,
		      "order %s does not record the entry", num_d);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);
	snprintf(note, sizeof note, "依据知识 #%ld", entry);
	timeline_is(&coord, 1, "一次性解答", n_operator, callcentre, note);

	/* The office finds the closed outcomes by state. */
	GET(&coord, pathf(path, sizeof path, "/orders?state=answered&number=%s", num_d), 200);
	ck_assert_str_eq(search_cell(&coord, num_d, "状态"), "一次性解答");
	GET(&coord, pathf(path, sizeof path, "/orders?state=three_way&number=%s", num_c), 200);
	ck_assert_str_eq(search_cell(&coord, num_c, "状态"), "三方通话解答");
	web_free(&op);
	web_free(&coord);
	web_free(&clerk);
}
END_TEST

/* The routing suggestion and the caller's earlier orders, on the form. */
START_TEST(intake_suggests_unit_and_shows_history)
{
	struct web op;
	char p[32], num[64], href[64];
	sign_in(&op, "operator");
	struct call c = { .phone = phone_no(p, 201), .cat = cat_leaf, .content = "公司拖欠工资" };
	const struct { const char *jur, *content, *unit; } cases[] = {
		{ "meizhou", "公司拖欠工资", "city-hrss" },
		{ "meijiang", "公司拖欠工资", "meijiang-hrss" },
		/* 兴宁市 has no rule of its own: the city's applies. */
		{ "xingning", "公司拖欠工资", "city-hrss" },
		/* A rule with keywords wins when they occur in the content. */
		{ "meizhou", "孩子落户需要什么材料", "city-psb-hz" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c.jur = jur_id(cases[i].jur);
		c.content = cases[i].content;
		ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
		ck_assert_msg(strcmp(text(&op, "//p[contains(@class,'suggested')]/strong"),
				     unit_name(cases[i].unit)) == 0,
			      "%s, 「%s」: suggestion 「%s」, expected %s", cases[i].jur,
			      cases[i].content, text(&op, "//p[contains(@class,'suggested')]/strong"),
			      cases[i].unit);
		ck_assert_int_eq(atol(text(&op, "//select[@id='unit_id']/option[@selected]/@value")),
				 unit_id(cases[i].unit));
		/* What was typed stays. */
		ck_assert_str_eq(text(&op, "//textarea[@id='content']"), cases[i].content);
		ck_assert_str_eq(text(&op, "//input[@id='caller_phone']/@value"), p);
	}
	/* No rule, no suggestion. */
	c.cat = cat_other;
	c.jur = jur_id("meizhou");
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//p[contains(@class,'suggested')]"), 0);
	ck_assert_int_eq(count(&op, "//select[@id='unit_id']/option[@selected]"), 0);

	/* A number never heard: said so. */
	ck_assert_int_eq(count(&op, "//div[@class='history']/p[@class='hint']"), 1);
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 0);

	/* After an order, the number's next call shows it. */
	struct call d = dispatch_to(p, cat_leaf, jur_id("meizhou"), unit_id("city-hrss"));
	long id = create(&op, &d, num, sizeof num);
	c.cat = cat_leaf;
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 1);
	ck_assert_int_eq(count(&op, "//div[@class='history']/p[@class='hint']"), 0);
	snprintf(href, sizeof href, "/orders/%ld", id);
	ck_assert_msg(count(&op, "//div[@class='history']//li/a[@href='%s' and .='%s']", href, num) == 1,
		      "the history does not link %s", num);
	const char *li = text(&op, "//div[@class='history']//li");
	ck_assert_msg(strstr(li, "待签收") && strstr(li, unit_name("city-hrss")) &&
			      strstr(li, leaf_name), "history entry 「%s」", li);
	/* Another number does not see it. */
	c.phone = phone_no(p, 202);
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 0);
	web_free(&op);
}
END_TEST

/* 我受理的 (issue 13, item 10): the operator's own intakes, newest first;
 * a number or a phone finds any order of the call centre, also one a
 * colleague took. */
START_TEST(operator_lists_own_intakes)
{
	struct web op;
	char p1[32], p2[32], p3[32], na[64], nb[64], nc[64], path[128];
	long jur = jur_id("meizhou"), unit = unit_id("city-hrss");
	sign_in(&op, "operator");
	struct call c1 = dispatch_to(phone_no(p1, 171), cat_leaf, jur, unit);
	create(&op, &c1, na, sizeof na);
	struct call c2 = dispatch_to(phone_no(p2, 172), cat_leaf, jur, unit);
	create(&op, &c2, nb, sizeof nb);
	struct call c3 = dispatch_to(phone_no(p3, 173), cat_leaf, jur, unit);
	long idc = create(&op, &c3, nc, sizeof nc);
	sql_exec("UPDATE orders SET operator_id = (SELECT id FROM users WHERE username = 'coordinator')"
		 " WHERE id = ?", DB_I(idc));

	GET(&op, "/", 200);
	ck_assert_int_eq(count(&op, "//nav//a[@href='/orders/mine' and .='我受理的']"), 1);
	GET(&op, "/orders/mine", 200);
	ck_assert_str_eq(text(&op, "//h1"), "我受理的工单");
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr[td[1]/a='%s']", na), 1);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr[td[1]/a='%s']", nb), 1);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr[td[1]/a='%s']", nc), 0);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr[td[1]/a='%s']"
				    "/following-sibling::tr[td[1]/a='%s']", nb, na), 1);
	/* The operator sees the caller's number whole. */
	char xp[256];
	snprintf(xp, sizeof xp, "//table[@class='orders']/tbody/tr[td[1]/a='%s']/td[3]", na);
	ck_assert_str_eq(text(&op, xp), p1);

	GET(&op, pathf(path, sizeof path, "/orders/mine?caller_phone=%s", p3), 200);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr"), 1);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr[td[1]/a='%s']", nc), 1);
	ck_assert_str_eq(text(&op, "//input[@id='caller_phone']/@value"), p3);
	GET(&op, pathf(path, sizeof path, "/orders/mine?number=%s", na), 200);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr"), 1);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr[td[1]/a='%s']", na), 1);
	GET(&op, "/orders/mine?number=no-such-order", 200);
	ck_assert_int_eq(count(&op, "//table[@class='orders']/tbody/tr"), 0);
	ck_assert_int_eq(count(&op, "//p[@class='hint' and .='没有符合条件的工单。']"), 1);
	/* The office's search stays the office's. */
	GET(&op, "/orders", 403);
	web_free(&op);
}
END_TEST

/* One intake form files one order: sent twice (a lost answer, a double
 * click), its key finds the order it filed; a new form has a new key. */
START_TEST(one_form_files_one_order)
{
	struct web op;
	char body[2048], p[32], key[80], loc1[128], content[128];
	sign_in(&op, "operator");
	GET(&op, "/orders/new", 200);
	snprintf(key, sizeof key, "%s", text(&op, "//input[@name='intake_key']/@value"));
	ck_assert_uint_eq(strlen(key), 64);
	GET(&op, "/orders/new", 200);
	ck_assert_str_ne(text(&op, "//input[@name='intake_key']/@value"), key);
	char cat[24], jur[24], unit[24];
	snprintf(cat, sizeof cat, "%ld", cat_leaf);
	snprintf(jur, sizeof jur, "%ld", jur_id("meizhou"));
	snprintf(unit, sizeof unit, "%ld", unit_id("city-hrss"));
	snprintf(content, sizeof content, "重复提交测试 %s", stamp);
	form(&op, body, sizeof body, "csrf", token_from(&op, "/orders/new"), "caller_phone",
	     phone_no(p, 181), "channel", "phone", "category_id", cat, "jurisdiction_id", jur,
	     "content", content, "demand", "要求答复", "unit_id", unit, "outcome", "dispatch",
	     "intake_key", key, NULL);
	POST(&op, "/orders", body, 303);
	snprintf(loc1, sizeof loc1, "%s", web_location(&op));
	POST(&op, "/orders", body, 303);
	ck_assert_str_eq(web_location(&op), loc1);
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE content = ?", DB_S(content)), 1);
	web_free(&op);
}
END_TEST

/* Every refusal says why (400), keeps what was typed, and records
 * nothing. */
START_TEST(intake_refusals_create_nothing)
{
	struct web op, coord;
	char p[32], p0[32], num_a[64], num_b[64], path[128];
	long city = jur_id("meizhou");
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	struct call base = dispatch_to(phone_no(p0, 301), cat_leaf, city, unit_id("city-hrss"));
	create(&op, &base, num_a, sizeof num_a);

	phone_no(p, 302);
	struct call ok = dispatch_to(p, cat_leaf, city, unit_id("city-hrss"));
	struct {
		const char *what, *says;
		struct call c;
	} cases[24];
	size_t n = 0;
#define REFUSE(what_, says_) (cases[n].what = (what_), cases[n].says = (says_), cases[n].c = ok, &cases[n++].c)
	REFUSE("no phone", "来电号码")->phone = NULL;
	REFUSE("a phone with letters", "来电号码")->phone = "12ab3456";
	REFUSE("no content", "诉求内容")->content = NULL;
	REFUSE("no category", "问题分类")->cat = 0;
	struct call *x = REFUSE("answer without an entry", "知识条目");
	x->outcome = "answer";
	REFUSE("dispatch without a unit", "承办单位")->unit = 0;
	REFUSE("dispatch without 主要诉求", "主要诉求")->demand = NULL;
	x = REFUSE("three-way call without a unit", "三方通话");
	x->outcome = "three_way";
	x->unit = 0;
	REFUSE("no outcome", "处理方式")->outcome = NULL;
	REFUSE("an unknown category", "问题分类")->cat = 2000000000;
	REFUSE("an inactive category", "问题分类")->cat = cat_inactive;
	REFUSE("a category with leaves", "问题分类")->cat = cat_parent;
	REFUSE("a county's unit for a city order", "所选单位")->unit = unit_id("meijiang-hrss");
	/* Only units that handle orders: not the call centre, not an office. */
	REFUSE("dispatch to the call centre", "所选单位")->unit = unit_id("city-callcentre");
	x = REFUSE("a three-way call with the office", "所选单位");
	x->outcome = "three_way";
	x->unit = 0;
	x->tw_unit = unit_id("city-office");
	x = REFUSE("梅江区's unit for a 兴宁市 order", "所选单位");
	x->unit = unit_id("meijiang-hrss");
	x->jur = jur_id("xingning");
	x = REFUSE("a three-way call with a county's unit", "所选单位");
	x->outcome = "three_way";
	x->unit = 0;
	x->tw_unit = unit_id("meijiang-hrss");
	x = REFUSE("an entry that is not published", "知识条目");
	x->outcome = "answer";
	x->entry = 2000000000;
	x = REFUSE("a jurisdiction that does not exist", "所属区域");
	x->jur = 999999;
#undef REFUSE
	ck_assert_uint_le(n, sizeof cases / sizeof cases[0]);
	for (size_t i = 0; i < n; i++) {
		long st = post_call(&op, "/orders", &cases[i].c);
		ck_assert_msg(st == 400, "%s: status %ld, expected 400", cases[i].what, st);
		const char *why = says_why(text(&op, "//p[@class='alert']"), cases[i].says, NULL);
		ck_assert_msg(why == NULL, "%s: %s", cases[i].what, why);
		/* The form comes back with what was typed. */
		if (cases[i].c.content)
			ck_assert_str_eq(text(&op, "//textarea[@id='content']"), cases[i].c.content);
		ck_assert_int_eq(count(&op, "//form[@id='intake']"), 1);
	}

	/* Nothing was added: the number's history and the office's search
	 * are empty, and the city's next number follows the last one. */
	struct call look = { .phone = p, .cat = cat_leaf, .jur = city };
	ck_assert_int_eq(post_call(&op, "/orders/new", &look), 200);
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 0);
	snprintf(path, sizeof path, "caller_phone=%s", p);
	search_lists(&coord, path, 0);
	create(&op, &ok, num_b, sizeof num_b);
	ck_assert_msg(next_number(num_a, num_b, "meizhou"),
		      "%s follows %s: refused calls took numbers", num_b, num_a);
	search_lists(&coord, path, 1, num_b);
	web_free(&op);
	web_free(&coord);
}
END_TEST

/* A dispatch's deadline counts the calendar's holidays: with the next
 * plain weekday marked a holiday, the due date is LIMIT_DAYS working days
 * on the calendar as it now is, after that day. */
START_TEST(intake_deadline_skips_a_new_holiday)
{
	struct web op, admin;
	char day[11], month[40], body[256], p[32], num[64];
	sign_in(&op, "operator");
	sign_in(&admin, "admin");
	plain_weekday(1, day);
	snprintf(month, sizeof month, "/calendar?month=%.7s", day);
	POST(&admin, "/calendar", form(&admin, body, sizeof body, "csrf", token_from(&admin, month),
				       "date", day, "day_kind", "holiday", "name", "测试假日", NULL), 303);
	struct call c = dispatch_to(phone_no(p, 150), cat_leaf, jur_id("meizhou"),
				    unit_id("city-hrss"));
	long id = create(&op, &c, num, sizeof num);
	struct snap s;
	snap(&op, id, &s);
	/* Counted on the calendar with the holiday, before it is reset. */
	int due_ok = is_due_after_run_day(s.due, LIMIT_DAYS);
	POST(&admin, "/calendar", form(&admin, body, sizeof body, "csrf", token_from(&admin, month),
				       "date", day, "day_kind", "normal", NULL), 303);
	ck_assert_msg(strcmp(s.due, day) > 0, "due %s is not after the holiday %s", s.due, day);
	ck_assert_msg(due_ok, "due %s is not %d working days after today with %s a holiday",
		      s.due, LIMIT_DAYS, day);
	web_free(&op);
	web_free(&admin);
}
END_TEST

static Suite *order_intake_suite(void)
{
	Suite *s = suite_create("order_intake");
	TCase *tc = tcase(s, "intake", 180);
	tcase_add_test(tc, intake_outcomes_and_numbers);
	tcase_add_test(tc, intake_suggests_unit_and_shows_history);
	tcase_add_test(tc, operator_lists_own_intakes);
	tcase_add_test(tc, one_form_files_one_order);
	tcase_add_test(tc, intake_refusals_create_nothing);
	tcase_add_test(tc, intake_deadline_skips_a_new_holiday);
	return s;
}

int main(void)
{
	return suite_main(order_intake_suite(), setup_order_categories);
}
