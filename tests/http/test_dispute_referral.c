/* Putting an order to a dispute (提请争议认定, D6.1): from a return or any
 * open order; the units involved each give their opinion, the office seals
 * its coordination (the referral waits for it), tells the caller, and
 * refers the form to 编办 with its review days counted in working days
 * (D4). The office's list and its filter. */
#include <stdio.h>
#include <string.h>

#include "disputes.h"

/* From a return: the units involved each answer, the office seals its
 * coordination (refer refused before), tells the caller and refers the
 * form to 编办; each step on the dispute's timeline. */
START_TEST(referral_from_return)
{
	struct web op, clerk, psb, power, coord;
	char num[64], body[2048], path[96], want[512], xp[256];
	const char *office = unit_name("city-office"), *hrss = unit_name("city-hrss");
	const char *psb_name = unit_name("city-psb-hz");
	const char *n_coord = display_name("coordinator"), *n_clerk = display_name("clerk_hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	const char *content = "来电人反映小区外来务工人员子女入户与社保衔接问题无人受理。";
	long order = dispatch(&op, 101, jur_id("meizhou"), unit_id("city-hrss"), cat_main, content, num);
	ask_return(&clerk, order, unit_id("city-psb-hz"));
	long id = open_dispute(&coord, order, "职责边界不清");

	/* The order waits; its page links the dispute. */
	GET(&coord, pathf(path, sizeof path, "/orders/%ld", order), 200);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"),
			 "争议认定中");

	/* The dispute: the form's fields, both units asked with a deadline. */
	struct dsnap s;
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "转办中");
	ck_assert_str_eq(text(&coord, "//h1/a/@href"), path);
	ck_assert_str_eq(text(&coord, "//h1/a"), num);
#define FIELD(head) "//dl[contains(@class,'dispute')]/dt[.='" head "']/following-sibling::dd[1]"
	ck_assert_str_eq(text(&coord, FIELD("问题分类")), main_name);
	ck_assert_str_eq(text(&coord, FIELD("所属区域")), jur_name("meizhou"));
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'d-content')]"), content);
	snprintf(want, sizeof want, "编办：%s；法制局：%s；召集单位：%s", unit_name("city-bianban"),
		 unit_name("city-legal"), unit_name("city-gov"));
	ck_assert_str_eq(text(&coord, FIELD("认定程序")), want);
#undef FIELD
	ASSERT_DUE(s.due, 2);
	ck_assert_int_eq(count(&coord, "//table[@class='dispute-units']/tbody/tr"), 2);
	const char *involved[] = { psb_name, hrss };
	for (int i = 0; i < 2; i++) {
		snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[2]",
			 involved[i]);
		ck_assert_str_eq(text(&coord, xp), "涉及单位");
		snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[3]",
			 involved[i]);
		ck_assert_str_eq(text(&coord, xp), s.due);
		snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[4]",
			 involved[i]);
		ck_assert_str_eq(text(&coord, xp), "待填写");
	}
	ck_assert_msg(is_left_until(s.left, s.due), "%d working days left until %s", s.left, s.due);
	ck_assert_int_eq(s.events, 1);
	timeline_is(&coord, 1, "提请争议认定", n_coord, office, num);
	timeline_is(&coord, 1, "提请争议认定", n_coord, office, "职责边界不清");
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/coordinate']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/contact']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/unit-opinion']", id), 0);
	ck_assert_int_eq(count(&coord, "//ul[@class='contacts']/li"), 0);

	/* Each involved unit enters its own opinion, once; a unit not
	 * involved does not learn the dispute exists. */
	GET(&power, pathf(path, sizeof path, "/disputes/%ld", id), 404);
	ck_assert_msg(!body_has(&power, num), "供电局's 404 shows the order");
	dispute_refused(&coord, &power, "clerk_power", id, "unit-opinion", "opinion=x", 404);
	dpage(&clerk, id);
	ck_assert_int_eq(count(&clerk, "//form[@action='/disputes/%ld/unit-opinion']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/disputes/%ld/coordinate']", id), 0);
	dispute_refused(&coord, &clerk, "an empty opinion", id, "unit-opinion", NULL, 400);
	REFUSAL_SAYS("意见");
	unit_opinion(&clerk, id, "本局认为入户登记属户政支队职责。");
	snprintf(want, sizeof want, "/disputes/%ld?done=saved", id);
	ck_assert_str_eq(web_location(&clerk) ? web_location(&clerk) : "", want);
	dsnap(&coord, id, &s);
	ck_assert_int_eq(s.answered, 1);
	snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[4]", hrss);
	const char *cell = text(&coord, xp);
	ck_assert_msg(strstr(cell, "本局认为入户登记属户政支队职责。") && strstr(cell, n_clerk) &&
			      mentions_run_date(cell), "人社局's opinion reads 「%s」", cell);
	dpage(&clerk, id);
	ck_assert_int_eq(count(&clerk, "//form[@action='/disputes/%ld/unit-opinion']", id), 0);
	dispute_refused(&coord, &clerk, "a second opinion", id, "unit-opinion", "opinion=x", 409);
	unit_opinion(&psb, id, "本队认为社保衔接属人社局职责。");

	/* Refer: refused until the coordination is sealed. */
	dispute_refused(&coord, &coord, "refer before coordination", id, "refer", NULL, 409);
	REFUSAL_SAYS("管理办协调情况");
	dispute_refused(&coord, &coord, "empty coordination", id, "coordinate", NULL, 400);
	REFUSAL_SAYS("意见");
	ACT_ON(&coord, "disputes", id, "coordinate",
	       form(&coord, body, sizeof body, "opinion", "经召集两单位协调，双方对承办主体仍有分歧。", NULL),
	       303);
	snprintf(want, sizeof want, "/disputes/%ld?done=sealed", id);
	ck_assert_str_eq(web_location(&coord), want);
	GET(&coord, want, 200);
	NOTICE_SAYS(&coord, "盖章");
	ck_assert_int_eq(count(&coord, "//ol[@class='opinions']/li"), 1);
	opinion_is(&coord, 1, "office", "管理办协调情况 · 协调情况", office, "双方对承办主体仍有分歧");
	ck_assert_msg(strstr(text(&coord, "//ol[@class='opinions']/li[1]//span[@class='sealed']"),
			     n_coord) != NULL, "the seal does not name who sealed it");

	/* Each contact with the caller: when, who, what. */
	dispute_refused(&coord, &coord, "an empty contact", id, "contact", NULL, 400);
	REFUSAL_SAYS("告知来电人");
	ACT_ON(&coord, "disputes", id, "contact",
	       form(&coord, body, sizeof body, "note", "已电话告知来电人：正在认定承办单位。", NULL), 303);
	dpage(&coord, id);
	ck_assert_int_eq(count(&coord, "//ul[@class='contacts']/li"), 1);
	ck_assert_msg(is_run_date(text(&coord, "//ul[@class='contacts']/li[1]/span[@class='at']")),
		      "the contact is not dated today");
	snprintf(want, sizeof want, "%s：已电话告知来电人：正在认定承办单位。", n_coord);
	ck_assert_msg(strstr(text(&coord, "//ul[@class='contacts']/li[1]"), want) != NULL,
		      "contact reads 「%s」", text(&coord, "//ul[@class='contacts']/li[1]"));

	/* The referral: 编办's review days, counted in working days. */
	ACT_ON(&coord, "disputes", id, "refer", NULL, 303);
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "编办审核中");
	ASSERT_DUE(s.due, 5);
	ck_assert_msg(is_left_until(s.left, s.due), "%d working days left until %s", s.left, s.due);
	/* opened, two opinions, coordination, contact, referral */
	ck_assert_int_eq(s.events, 6);
	timeline_is(&coord, 2, "部门处理意见", n_clerk, hrss, "入户登记");
	timeline_is(&coord, 3, "部门处理意见", display_name("clerk_psb"), psb_name, NULL);
	timeline_is(&coord, 4, "管理办协调情况", n_coord, office, "仍有分歧");
	timeline_is(&coord, 5, "告知来电人", n_coord, office, "正在认定承办单位");
	snprintf(want, sizeof want, "审核期限 %s（5 个工作日）", s.due);
	timeline_is(&coord, 6, "转市编办认定", n_coord, office, want);
	/* The caller may be told again at any step; coordination is over. */
	ACT_ON(&coord, "disputes", id, "contact",
	       form(&coord, body, sizeof body, "note", "已告知已转编办。", NULL), 303);
	dsnap(&coord, id, &s);
	ck_assert_int_eq(s.contacts, 2);
	dispute_refused(&coord, &coord, "coordinate after referral", id, "coordinate", "opinion=x", 409);
	dispute_refused(&coord, &coord, "refer twice", id, "refer", NULL, 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
}
END_TEST

/* From any open order, without a return: only the order's unit is asked;
 * an order that is not open cannot be disputed. */
START_TEST(referral_from_open_order)
{
	struct web op, clerk, coord;
	char num[64], num2[64], path[64];
	long city = jur_id("meizhou"), hrss = unit_id("city-hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	long order = dispatch(&op, 201, city, hrss, cat_main, "企业退休人员档案转递无人负责。", num);
	ACT_ON(&clerk, "orders", order, "accept", NULL, 303);
	long id = open_dispute(&coord, order, "");
	dpage(&coord, id);
	ck_assert_int_eq(count(&coord, "//table[@class='dispute-units']/tbody/tr"), 1);
	ck_assert_str_eq(text(&coord, "//table[@class='dispute-units']/tbody/tr/td[1]"),
			 unit_name("city-hrss"));
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"), "转办中");
	/* The clerk's order is out of its hands while disputed. */
	GET(&clerk, pathf(path, sizeof path, "/orders/%ld", order), 200);
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	/* Not twice, and not a replied order. */
	ACT_ON(&coord, "orders", order, "dispute", "note=x", 409);
	long o2 = dispatch(&op, 202, city, hrss, cat_main, "已回复的工单", num2);
	ACT_ON(&clerk, "orders", o2, "accept", NULL, 303);
	ACT_ON(&clerk, "orders", o2, "reply", "result=%E5%B7%B2%E5%8A%9E%E7%BB%93", 303);
	ACT_ON(&coord, "orders", o2, "dispute", "note=x", 409);
	/* The office's list and its filter. */
	GET(&coord, "/disputes?state=open", 200);
	ck_assert_int_eq(listed(&coord, id), 1);
	GET(&coord, "/disputes?state=accepted", 200);
	ck_assert_int_eq(listed(&coord, id), 0);
	GET(&coord, "/disputes?state=nonsense", 400);
	GET(&coord, "/disputes/2000000000", 404);
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

static Suite *dispute_referral_suite(void)
{
	Suite *s = suite_create("dispute_referral");
	TCase *tc = tcase(s, "referral", 180);
	tcase_add_test(tc, referral_from_return);
	tcase_add_test(tc, referral_from_open_order);
	return s;
}

int main(void)
{
	return suite_main(dispute_referral_suite(), dispute_categories);
}
