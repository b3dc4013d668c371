/* Review by 编办 and 法制局 (D6.2, D4): each sees what is referred to it
 * with its countdown in working days; an opinion lacking its lead unit,
 * principle or basis changes nothing; 编办 may refer it on to 法制局,
 * which may give a temporary opinion and ask for a joint meeting; neither
 * acts on the other's step; a step the dispute's state does not allow is
 * refused with the state named. */
#include <stdio.h>
#include <string.h>

#include "disputes.h"

/* 编办 sees what is referred to it, with its countdown; an opinion lacking
 * its lead unit, principle or basis changes nothing; a complete one is
 * sealed and the dispute waits for the determination. */
START_TEST(establishment_opinion)
{
	struct web op, clerk, psb, coord, bb, legal, conv;
	char body[4096], path[64], part[256];
	long psb_id = unit_id("city-psb-hz"), hrss_id = unit_id("city-hrss");
	const char *bianban = unit_name("city-bianban");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&legal, "reviewer_legal");
	sign_in(&conv, "convener");
	/* Not before it is referred. */
	long open = city_dispute(&op, &clerk, &coord, 301, cat_main, "尚未转办的争议", NULL, NULL);
	GET(&bb, pathf(path, sizeof path, "/disputes/%ld", open), 404);
	ck_assert_msg(!in_list(&bb, open), "编办 lists a dispute not referred to it");
	dispute_refused(&coord, &bb, "编办 before referral", open, "review",
			review_body(&bb, body, sizeof body, psb_id, 0, "mandate", "x", "x"), 404);

	long id = referred_dispute(&op, &clerk, &psb, &coord, 302, cat_main,
				   "流动人口居住登记与社保登记衔接争议。", NULL, NULL);
	struct dsnap s;
	dsnap(&coord, id, &s);
	ASSERT_DUE(s.due, 5);
	ck_assert_msg(in_list(&bb, id), "编办's list lacks dispute %ld", id);
	ck_assert_msg(is_left_until(list_left(&bb, id), s.due), "编办's list counts %d days to %s",
		      list_left(&bb, id), s.due);
	ck_assert_msg(!in_list(&legal, id), "法制局 lists a dispute 编办 has");
	ck_assert_msg(!in_list(&conv, id), "the convener lists a dispute 编办 has");
	GET(&legal, pathf(path, sizeof path, "/disputes/%ld", id), 404);
	GET(&conv, path, 404);
	dsnap(&bb, id, &s);
	ck_assert_msg(is_left_until(s.left, s.due), "%d working days left until %s", s.left, s.due);
	ck_assert_int_eq(count(&bb, "//form[@action='/disputes/%ld/review']", id), 1);
	ck_assert_int_eq(count(&bb, "//select[@id='decision']/option[@value='legal']"), 1);

	/* Missing lead, principle, basis or opinion: 400, nothing changed. */
	const struct { long lead; const char *principle, *basis, *opinion, *what; } bad[] = {
		{ 0, "mandate", "三定规定", "意见", "no lead unit" },
		{ psb_id, NULL, "三定规定", "意见", "no principle" },
		{ psb_id, "whim", "三定规定", "意见", "an unknown principle" },
		{ psb_id, "mandate", NULL, "意见", "no basis" },
		{ psb_id, "mandate", "三定规定", NULL, "no opinion" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		dispute_refused(&coord, &bb, bad[i].what, id, "review",
				review_body(&bb, body, sizeof body, bad[i].lead, 0, bad[i].principle,
					    bad[i].basis, bad[i].opinion), 400);
		REFUSAL_SAYS("牵头单位", "认定原则", "依据");
	}
	/* The refused 提交并盖章 comes back in place (issue 13, item 6): what
	 * was chosen and typed kept, the missing opinion marked beside it. */
	ACT_ON(&bb, "disputes", id, "review",
	       review_body(&bb, body, sizeof body, psb_id, hrss_id, "mandate",
			   "“三定”规定：户籍管理属公安机关职责", NULL), 400);
	ck_assert_msg(strstr(text(&bb, "//form[contains(@class,'review')]//p[@role='alert']"), "依据")
		      != NULL, "the review form does not say why");
	ck_assert_int_eq(atol(text(&bb, "//select[@id='lead_unit_id']/option[@selected]/@value")), psb_id);
	ck_assert_int_eq(atol(text(&bb, "//select[@id='coop_unit_id']/option[@selected]/@value")), hrss_id);
	ck_assert_str_eq(text(&bb, "//select[@id='principle']/option[@selected]/@value"), "mandate");
	ck_assert_str_eq(text(&bb, "//textarea[@id='basis']"), "“三定”规定：户籍管理属公安机关职责");
	ck_assert_int_eq(count(&bb, "//textarea[@id='basis' and @aria-invalid]"), 0);
	ck_assert_int_eq(count(&bb, "//textarea[@id='review_opinion' and @aria-invalid='true'"
				    " and @aria-describedby='review_opinion-err']"), 1);
	ck_assert_str_eq(text(&bb, "//*[@id='review_opinion-err']"), "请填写此项。");
	DSTATE_IS(&coord, id, "编办审核中");
	snprintf(body, sizeof body, "lead_unit_id=%ld&principle=mandate&basis=x&opinion=x", psb_id);
	dispute_refused(&coord, &bb, "no decision", id, "review", body, 400);
	REFUSAL_SAYS("意见类型");
	/* A lead unit of another county, an office or none at all. */
	const long bad_units[] = { unit_id("meijiang-hrss"), unit_id("city-bianban"),
				   unit_id("city-office"), 999999 };
	for (size_t i = 0; i < sizeof bad_units / sizeof bad_units[0]; i++) {
		dispute_refused(&coord, &bb, "a lead unit that may not lead", id, "review",
				review_body(&bb, body, sizeof body, bad_units[i], 0, "mandate", "x", "x"),
				400);
		REFUSAL_SAYS("所选单位");
	}
	/* A cooperating unit of another county or none at all. */
	dispute_refused(&coord, &bb, "a cooperating unit of 梅江区", id, "review",
			review_body(&bb, body, sizeof body, psb_id, unit_id("meijiang-hrss"),
				    "mandate", "x", "x"), 400);
	dispute_refused(&coord, &bb, "cooperating unit 999999", id, "review",
			review_body(&bb, body, sizeof body, psb_id, 999999, "mandate", "x", "x"), 400);
	/* Not 法制局's step. */
	dispute_refused(&coord, &legal, "法制局 on 编办's step", id, "review",
			review_body(&legal, body, sizeof body, psb_id, 0, "law", "x", "x"), 404);

	ACT_ON(&bb, "disputes", id, "review",
	       review_body(&bb, body, sizeof body, psb_id, hrss_id, "mandate",
			   "户政支队“三定”规定：负责户口登记管理", "由户政支队牵头办理，人社局配合。"), 303);
	dsnap(&bb, id, &s);
	ck_assert_str_eq(s.state, "待出具认定意见");
	ck_assert_int_eq(s.left, -1);
	ck_assert_int_eq(s.opinions, 2);
	opinion_is(&bb, 2, "establishment", "编办意见 · 认定意见", bianban, "由户政支队牵头办理");
	ck_assert_str_eq(text(&bb, "//ol[@class='opinions']/li[2]//span[@class='o-lead']"),
			 unit_name("city-psb-hz"));
	const char *li = text(&bb, "//ol[@class='opinions']/li[2]");
	snprintf(part, sizeof part, "配合单位：%s", unit_name("city-hrss"));
	ck_assert_msg(strstr(li, part) && strstr(li, "认定原则：职责相近（“三定”规定）") &&
			      strstr(li, "依据：户政支队“三定”规定"), "编办's opinion reads 「%s」", li);
	timeline_is(&bb, s.events, "市编办认定意见", display_name("reviewer_bianban"), bianban,
		    "由户政支队牵头办理");
	ck_assert_msg(!in_list(&conv, id), "the convener lists a decided dispute");
	/* Once decided, not again. */
	dispute_refused(&coord, &bb, "a second opinion", id, "review",
			review_body(&bb, body, sizeof body, hrss_id, 0, "law", "x", "x"), 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&legal);
	web_free(&conv);
}
END_TEST

/* 编办 refers it on to 法制局 with a reason; 法制局 gives a temporary
 * opinion (who handles meanwhile) and asks for a joint meeting. Neither
 * office acts on the other's step. */
START_TEST(legal_referral_and_temporary)
{
	struct web op, clerk, psb, coord, bb, legal;
	char body[4096], part[256];
	long psb_id = unit_id("city-psb-hz"), hrss_id = unit_id("city-hrss");
	const char *bianban = unit_name("city-bianban"), *legal_name = unit_name("city-legal");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&legal, "reviewer_legal");
	long id = referred_dispute(&op, &clerk, &psb, &coord, 401, cat_main,
				   "新业态从业人员劳动关系认定争议。", NULL, NULL);
	dispute_refused(&coord, &bb, "refer on without a reason", id, "review", "decision=legal", 400);
	REFUSAL_SAYS("意见");
	ACT_ON(&bb, "disputes", id, "review", form(&bb, body, sizeof body, "decision", "legal", "opinion",
						   "“三定”规定未明确，需征求法律意见。", NULL), 303);
	struct dsnap s;
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "法制局审核中");
	ASSERT_DUE(s.due, 5);
	ck_assert_msg(is_left_until(s.left, s.due), "%d working days left until %s", s.left, s.due);
	opinion_is(&coord, 2, "establishment", "编办意见 · 转市法制局", bianban, "需征求法律意见");
	timeline_is(&coord, s.events, "转市法制局", display_name("reviewer_bianban"), bianban, s.due);

	ck_assert_msg(in_list(&legal, id), "法制局's list lacks dispute %ld", id);
	ck_assert_msg(is_left_until(list_left(&legal, id), s.due), "法制局's list counts %d days",
		      list_left(&legal, id));
	dpage(&legal, id);
	ck_assert_int_eq(count(&legal, "//form[@action='/disputes/%ld/review']", id), 1);
	ck_assert_int_eq(count(&legal, "//select[@id='decision']/option[@value='legal']"), 0);
	/* 编办 still reads it but may not act on 法制局's step. */
	dpage(&bb, id);
	ck_assert_int_eq(count(&bb, "//form[@action='/disputes/%ld/review']", id), 0);
	dispute_refused(&coord, &bb, "编办 on 法制局's step", id, "review",
			review_body(&bb, body, sizeof body, psb_id, 0, "mandate", "x", "x"), 403);
	dispute_refused(&coord, &legal, "法制局 refers on", id, "review", "decision=legal&opinion=x", 403);
	dispute_refused(&coord, &legal, "a temporary opinion without its unit", id, "review",
			"decision=temporary&opinion=x", 400);
	REFUSAL_SAYS("临时承办单位");
	snprintf(body, sizeof body, "decision=temporary&temp_unit_id=%ld", hrss_id);
	dispute_refused(&coord, &legal, "a temporary opinion without its text", id, "review", body, 400);
	dispute_refused(&coord, &legal, "an opinion without basis", id, "review",
			review_body(&legal, body, sizeof body, psb_id, 0, "law", NULL, "x"), 400);
	REFUSAL_SAYS("牵头单位", "认定原则", "依据");
	snprintf(body, sizeof body, "decision=temporary&temp_unit_id=%ld&opinion=x",
		 unit_id("meijiang-hrss"));
	dispute_refused(&coord, &legal, "a temporary unit of another county", id, "review", body, 400);
	char unit[24];
	snprintf(unit, sizeof unit, "%ld", hrss_id);
	ACT_ON(&legal, "disputes", id, "review",
	       form(&legal, body, sizeof body, "decision", "temporary", "temp_unit_id", unit, "opinion",
		    "法律法规未明确，暂由人社局先行处理，提请联席会议审议。", NULL), 303);
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "待联席会议审议");
	ck_assert_int_eq(s.left, -1);
	ck_assert_str_eq(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='临时承办单位']/following-sibling::dd[1]"),
			 unit_name("city-hrss"));
	opinion_is(&coord, 3, "legal", "法制局意见 · 临时处理意见（提请联席会议）", legal_name,
		   "暂由人社局先行处理");
	snprintf(part, sizeof part, "临时承办单位：%s", unit_name("city-hrss"));
	ck_assert_msg(strstr(text(&coord, "//ol[@class='opinions']/li[3]"), part) != NULL,
		      "the temporary opinion does not name its unit");
	timeline_is(&coord, s.events, "市法制局临时处理意见", display_name("reviewer_legal"), legal_name,
		    NULL);
	ck_assert_int_eq(count(&coord, "//a[@href='/meetings' and .='提请联席会议审议']"), 1);
	dispute_refused(&coord, &legal, "法制局 again", id, "review",
			review_body(&legal, body, sizeof body, psb_id, 0, "law", "x", "x"), 409);
	/* The office cannot determine without a deciding opinion. */
	dispute_refused(&coord, &coord, "determine while waiting for a meeting", id, "determine",
			"opinion=x", 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&legal);
}
END_TEST

/* A step the dispute's state does not allow: 409 with the state named. */
START_TEST(wrong_state_is_409)
{
	struct web op, clerk, psb, coord, bb;
	char body[2048];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	long id = city_dispute(&op, &clerk, &coord, 1201, cat_main, "状态测试争议。", NULL, NULL);
	static const struct { const char *step, *extra, *label; } open[] = {
		{ "determine", "opinion=x", "出具认定意见" },
		{ "account", "facts=x", "问责" },
	};
	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++) {
		dispute_refused(&coord, &coord, open[i].step, id, open[i].step, open[i].extra, 409);
		REFUSAL_SAYS("转办中", open[i].label);
	}
	dispute_refused(&coord, &coord, "a rule of an open dispute", id, "rule", NULL, 409);
	/* 户政支队 does not answer before the referral: then it is too late. */
	unit_opinion(&clerk, id, "x");
	coordinate_refer(&coord, id);
	dispute_refused(&coord, &psb, "an opinion after the referral", id, "unit-opinion",
			"opinion=x", 409);
	REFUSAL_SAYS("编办审核中", "部门处理意见");
	dispute_refused(&coord, &coord, "determine while 编办 reviews", id, "determine", "opinion=x", 409);
	ACT_ON(&bb, "disputes", id, "review",
	       review_body(&bb, body, sizeof body, unit_id("city-psb-hz"), 0, "mandate", "x", "x"), 303);
	snprintf(body, sizeof body, "decision=temporary&temp_unit_id=%ld&opinion=x",
		 unit_id("city-hrss"));
	dispute_refused(&coord, &bb, "a temporary opinion once decided", id, "review", body, 409);
	dispute_refused(&coord, &bb, "refer on once decided", id, "review", "decision=legal&opinion=x",
			409);
	dispute_refused(&coord, &coord, "refer once decided", id, "refer", NULL, 409);
	/* No such dispute. */
	ck_assert_int_eq(web_act_on(&coord, "disputes", 2000000000, "refer", NULL), 404);
	ck_assert_int_eq(web_act_on(&bb, "disputes", 2000000000, "review", "decision=legal&opinion=x"),
			 404);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
}
END_TEST

static Suite *dispute_review_suite(void)
{
	Suite *s = suite_create("dispute_review");
	TCase *tc = tcase(s, "review", 180);
	tcase_add_test(tc, establishment_opinion);
	tcase_add_test(tc, legal_referral_and_temporary);
	tcase_add_test(tc, wrong_state_is_409);
	return s;
}

int main(void)
{
	return suite_main(dispute_review_suite(), dispute_categories);
}
