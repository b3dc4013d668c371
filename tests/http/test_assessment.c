/* Assessment and bulletins (K10, issue 14) through nginx, on the demo's
 * year of activity (sql/demo/history.sql): the office computes a month and
 * sets the formula, a unit reads its scores and the findings linked to
 * what to fix, the inspector samples and marks answers, and a bulletin is
 * drafted, approved by another office user, published and seen by a unit
 * from its home page. Last month's bulletin is the demo's, published: its
 * month is frozen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "orders.h"

/* "YYYY-MM" of run_day, delta months away. */
static const char *month_of(char out[8], int delta)
{
	int y = atoi(run_day), m = atoi(run_day + 5);
	int k = y * 12 + m - 1 + delta;
	snprintf(out, 8, "%04u-%02u", (unsigned)(k / 12) % 10000u, (unsigned)(k % 12 + 1) % 100u);
	return out;
}

/* The row of unit name in the month's table, as an XPath. */
static const char *score_row(char *xp, size_t size, const char *name)
{
	snprintf(xp, size, "//table[@class='scores']/tbody/tr[td[2]/a='%s']", name);
	return xp;
}

START_TEST(office_computes_a_month_and_a_unit_reads_its_findings)
{
	struct web coord, ed, other;
	char body[512], path[256], xp[256], now[8], last[8];
	month_of(now, 0);
	month_of(last, -1);
	const char *hrss = unit_name("city-hrss");
	long hrss_id = unit_id("city-hrss"), psb_id = unit_id("city-psb-hz");
	sign_in(&coord, "coordinator");
	sign_in(&ed, "editor_hrss");
	sign_in(&other, "editor_psb");

	/* The demo's last month is computed: every member unit has a row,
	 * and the units with calls are ranked. */
	GET(&coord, pathf(path, sizeof path, "/assessment?month=%s", last), 200);
	ck_assert_int_eq(count(&coord, "%s", score_row(xp, sizeof xp, hrss)), 1);
	ck_assert_int_gt(count(&coord, "//table[@class='scores']/tbody/tr[td[1]='1']"), 0);
	/* its bulletin is published: no recomputing, the month is frozen */
	ck_assert_int_eq(count(&coord, "//form[@action='/assessment/compute']"), 0);
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", last, NULL), 409);
	SAYS(&coord, "冻结");

	/* A county's office sees its own units, ranked among themselves (D7). */
	struct web mj;
	sign_in(&mj, "mj_coordinator");
	GET(&mj, pathf(path, sizeof path, "/assessment?month=%s", last), 200);
	ck_assert_int_gt(count(&mj, "//table[@class='scores']/tbody/tr"), 0);
	ck_assert_int_eq(count(&mj, "//table[@class='scores']/tbody/tr[not(starts-with(td[2]/a, '梅江区'))]"), 0);
	ck_assert_int_eq(count(&mj, "//table[@class='scores']/tbody/tr[1]/td[1][.='1']"), 1);
	web_free(&mj);

	/* This month, computed now. */
	long before = audit_last_id();
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", now, NULL), 303);
	GET(&coord, pathf(path, sizeof path, "/assessment?month=%s&done=computed", now), 200);
	NOTICE_SAYS(&coord, "已计算");
	ck_assert_int_eq(count(&coord, "%s", score_row(xp, sizeof xp, hrss)), 1);
	ck_assert_str_eq(audit_actions_after(before, body, sizeof body), "assess.compute");

	/* Not a month, or one that has not begun: refused, said so. */
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", "2026-13", NULL),
	    400);
	SAYS(&coord, "月份");
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", month_of(xp, 2), NULL),
	    400);
	ck_assert_str_eq(audit_actions_after(before, body, sizeof body), "assess.compute");

	/* The unit sees its own months and this month's findings, each
	 * linked: its demo entries carry keyword findings. */
	GET(&ed, "/assessment", 200);
	ck_assert_str_eq(text(&ed, "//h1"), "单位考核：梅州市人力资源和社会保障局");
	ck_assert_int_ge(count(&ed, "//table[@class='scores']/tbody/tr"), 12);
	GET(&ed, pathf(path, sizeof path, "/assessment/units/%ld?month=%s", hrss_id, now), 200);
	ck_assert_int_gt(count(&ed, "//table[@class='findings']//tr[td[1]='关键词不规范']"
			      "//a[starts-with(@href, '/knowledge/entries/')]"), 0);
	/* 民政局 has named no people (the demo's history): a finding linked
	 * to where they are named */
	GET(&coord, pathf(path, sizeof path, "/assessment/units/%ld?month=%s",
			  unit_id("city-civil"), now), 200);
	ck_assert_int_eq(count(&coord, "//table[@class='findings']//tr[td[1]='未明确知识维护责任人']"
				 "//a[@href='/knowledge/people']"), 1);
	/* the call centre keeps no knowledge: nothing to score */
	struct web op;
	sign_in(&op, "operator");
	GET(&op, "/assessment", 200);
	ck_assert_msg(body_has(&op, "不参加知识库考核"), "the call centre is told");
	web_free(&op);
	/* another unit's is not its business */
	GET(&other, pathf(path, sizeof path, "/assessment/units/%ld", hrss_id), 404);
	GET(&other, pathf(path, sizeof path, "/assessment/units/%ld", psb_id), 200);
	/* the office's CSV of the month: BOM, header, a row per unit */
	GET(&coord, pathf(path, sizeof path, "/assessment/export.csv?month=%s", now), 200);
	ck_assert_msg(coord.body_len > 3 && memcmp(coord.body, "\xEF\xBB\xBF", 3) == 0, "no BOM");
	ck_assert_msg(strstr(coord.body, "\"排名\",\"单位\",\"得分\"") != NULL, "CSV header");
	ck_assert_msg(strstr(coord.body, hrss) != NULL, "hrss in the CSV");
	web_free(&coord);
	web_free(&ed);
	web_free(&other);
}
END_TEST

START_TEST(the_formula_is_versioned_and_kept_by_the_city)
{
	struct web coord, mj;
	char body[512], path[256], now[8];
	month_of(now, 0);
	sign_in(&coord, "coordinator");
	sign_in(&mj, "mj_coordinator");
	GET(&coord, "/assessment/formula", 200);
	const char *old_version = strstr(coord.body, "现行第 ");
	ck_assert_ptr_nonnull(old_version);
	long before_version = atol(old_version + strlen("现行第 "));

	/* All weights 0: refused, said so, nothing stored. */
	ACT(&coord, "/assessment/formula",
	    form(&coord, body, sizeof body, "w_timely", "0", "w_complete", "0", "w_onecall", "0",
		 "w_accurate", "0", "w_quality", "0", "sample_pct", "5", "sample_min", "100", NULL),
	    400);
	SAYS(&coord, "权重");
	/* A county's office reads it only. */
	ACT(&mj, "/assessment/formula",
	    form(&mj, body, sizeof body, "w_timely", "10", "w_complete", "10", "w_onecall", "50",
		 "w_accurate", "20", "w_quality", "10", "sample_pct", "5", "sample_min", "100", NULL),
	    403);
	/* The city's office: a new version. */
	ACT(&coord, "/assessment/formula",
	    form(&coord, body, sizeof body, "w_timely", "25", "w_complete", "20", "w_onecall", "20",
		 "w_accurate", "25", "w_quality", "10", "sample_pct", "5", "sample_min", "100", NULL),
	    303);
	GET(&coord, "/assessment/formula", 200);
	long after_version = atol(strstr(coord.body, "现行第 ") + strlen("现行第 "));
	ck_assert_int_eq(after_version, before_version + 1);
	ck_assert_str_eq(text(&coord, "//input[@name='w_onecall']/@value"), "20");

	/* A month computed now carries the new version; last month's, frozen
	 * with its bulletin, keeps the one it was computed with. */
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", now, NULL), 303);
	GET(&coord, pathf(path, sizeof path, "/assessment?month=%s", now), 200);
	char want[64];
	snprintf(want, sizeof want, "公式第 %ld 版", after_version);
	ck_assert_msg(strstr(text(&coord, "//p[@class='summary']"), want) != NULL, "%s",
		      text(&coord, "//p[@class='summary']"));
	GET(&coord, pathf(path, sizeof path, "/assessment?month=%s", month_of(want, -1)), 200);
	ck_assert_msg(strstr(text(&coord, "//p[@class='summary']"), "公式第 1 版") != NULL, "%s",
		      text(&coord, "//p[@class='summary']"));
	web_free(&coord);
	web_free(&mj);
}
END_TEST

START_TEST(the_inspector_samples_and_marks_an_answer)
{
	struct web op, insp, coord, ed;
	char p[32], body[512], path[256], now[8];
	month_of(now, 0);
	sign_in(&op, "operator");
	sign_in(&insp, "inspector");
	sign_in(&coord, "coordinator");
	sign_in(&ed, "editor_hrss");

	/* A call answered at intake from 人社局's entry this month. */
	long entry = kb_entry(&op, "灵活就业人员怎样参加职工养老保险");
	ck_assert_int_gt(entry, 0);
	struct call an = { .outcome = "answer", .phone = phone_no(p, 301),
			   .content = "质检测试：灵活就业人员能否参加职工养老保险？",
			   .cat = category_id("养老保险"), .jur = jur_id("meizhou"), .entry = entry };
	char number[64];
	create(&op, &an, number, sizeof number);

	/* The sample: at least 100 (the formula), so every answered call of
	 * this young month, this one included. */
	GET(&insp, pathf(path, sizeof path, "/quality?month=%s", now), 200);
	ck_assert_int_eq(count(&insp, "//form[@action='/quality/draw']"), 1);
	ACT(&insp, "/quality/draw", form(&insp, body, sizeof body, "month", now, NULL), 303);
	GET(&insp, pathf(path, sizeof path, "/quality?month=%s", now), 200);
	char xp[256];
	snprintf(xp, sizeof xp, "//li[@class='sample'][contains(p[1], '%s')]", number);
	ck_assert_int_eq(count(&insp, "%s", xp), 1);
	char id_xp[300];
	snprintf(id_xp, sizeof id_xp, "%s/@id", xp);
	long sid = atol(text(&insp, id_xp) + 1);
	ck_assert_int_gt(sid, 0);
	/* drawn once a month */
	ACT(&insp, "/quality/draw", form(&insp, body, sizeof body, "month", now, NULL), 409);

	/* Inaccurate without a reason: refused, nothing marked. */
	char act[64];
	snprintf(act, sizeof act, "/quality/samples/%ld", sid);
	ACT(&insp, act, form(&insp, body, sizeof body, "verdict", "inaccurate", NULL), 400);
	SAYS(&insp, "理由");
	ACT(&insp, act, form(&insp, body, sizeof body, "verdict", "maybe", NULL), 400);
	/* With the reason: marked, and the entry's unit gets an update order. */
	long before = audit_last_id();
	ACT(&insp, act, form(&insp, body, sizeof body, "verdict", "inaccurate", "reason",
			     "质检测试：缴费年限口径已调整", NULL), 303);
	char acts[256];
	ck_assert_str_eq(audit_actions_after(before, acts, sizeof acts), "qa.mark");
	GET(&insp, pathf(path, sizeof path, "/quality?month=%s", now), 200);
	snprintf(id_xp, sizeof id_xp, "//li[@id='s%ld']//p[@class='verdict bad']/a/@href", sid);
	long upd = id_after(text(&insp, id_xp), "/knowledge/updates/");
	ck_assert_int_gt(upd, 0);
	GET(&ed, pathf(path, sizeof path, "/knowledge/updates/%ld", upd), 200);
	ck_assert_msg(body_has(&ed, "质检测试：缴费年限口径已调整"), "the update order shows the reason");
	/* marked once */
	ACT(&insp, act, form(&insp, body, sizeof body, "verdict", "accurate", NULL), 409);
	/* a county's office reads its own units' marks; the city draws and marks */
	struct web mj;
	sign_in(&mj, "mj_coordinator");
	GET(&mj, pathf(path, sizeof path, "/quality?month=%s", now), 200);
	ck_assert_int_eq(count(&mj, "//form[contains(@action, '/quality/')]"), 0);
	ck_assert_int_eq(count(&mj, "%s", xp), 0);
	ACT(&mj, act, form(&mj, body, sizeof body, "verdict", "accurate", NULL), 403);
	web_free(&mj);
	/* a clerk is no inspector */
	struct web clerk;
	sign_in(&clerk, "clerk_hrss");
	GET(&clerk, "/quality", 403);

	/* The month's accurate-answer rate of 人社局 counts the mark. */
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", now, NULL), 303);
	GET(&coord, pathf(path, sizeof path, "/assessment/units/%ld?month=%s",
			  unit_id("city-hrss"), now), 200);
	ck_assert_int_eq(count(&coord, "//table[@class='findings']//tr[td[1]='解答不准确（质检）']"
				 "[td[3]='质检测试：缴费年限口径已调整']"), 1);
	web_free(&op);
	web_free(&insp);
	web_free(&coord);
	web_free(&ed);
	web_free(&clerk);
}
END_TEST

START_TEST(a_bulletin_is_drafted_approved_published_and_seen_by_a_unit)
{
	struct web coord, lead, ed, mj;
	char body[1024], path[256], month[8];
	/* Two months ago: computed by the demo, no bulletin yet. */
	month_of(month, -2);
	sign_in(&coord, "coordinator");
	sign_in(&lead, "office_lead");
	sign_in(&ed, "editor_hrss");
	sign_in(&mj, "mj_coordinator");

	ACT(&coord, "/bulletins", form(&coord, body, sizeof body, "month", month, NULL), 303);
	long id = id_after(web_header(&coord, "Location"), "/bulletins/");
	ck_assert_int_gt(id, 0);
	/* once a month */
	ACT(&coord, "/bulletins", form(&coord, body, sizeof body, "month", month, NULL), 409);
	/* a month not computed */
	ACT(&coord, "/bulletins", form(&coord, body, sizeof body, "month", "2020-01", NULL), 409);

	/* The draft: only the office sees it; its author may not approve it. */
	GET(&ed, pathf(path, sizeof path, "/bulletins/%ld", id), 404);
	GET(&coord, pathf(path, sizeof path, "/bulletins/%ld", id), 200);
	ck_assert_int_eq(count(&coord, "//form[@action='/bulletins/%ld/approve']", id), 0);
	char act[64];
	snprintf(act, sizeof act, "/bulletins/%ld/approve", id);
	ACT(&coord, act, NULL, 403);
	SAYS(&coord, "起草人");
	snprintf(act, sizeof act, "/bulletins/%ld/publish", id);
	ACT(&coord, act, NULL, 409);
	/* the office edits its text */
	snprintf(act, sizeof act, "/bulletins/%ld", id);
	ACT(&coord, act, form(&coord, body, sizeof body, "title", "测试月度考核通报", "body",
			      "第一段：总体良好。\n第二段：请整改。", "commend_n", "3", "name_below",
			      "85", NULL), 303);
	/* a county's office does not touch the city's */
	ACT(&mj, act, form(&mj, body, sizeof body, "title", "改", "commend_n", "3", "name_below",
			   "85", NULL), 404);

	/* Another office user approves; the office publishes. */
	snprintf(act, sizeof act, "/bulletins/%ld/approve", id);
	ACT(&lead, act, NULL, 303);
	snprintf(act, sizeof act, "/bulletins/%ld", id);
	ACT(&coord, act, form(&coord, body, sizeof body, "title", "再改", "commend_n", "3",
			      "name_below", "85", NULL), 409);
	snprintf(act, sizeof act, "/bulletins/%ld/publish", id);
	long before = audit_last_id();
	ACT(&coord, act, NULL, 303);
	char acts[256];
	ck_assert_str_eq(audit_actions_after(before, acts, sizeof acts), "bulletin.publish");

	/* The unit opens it from its home page. */
	GET(&ed, "/", 200);
	ck_assert_int_eq(count(&ed, "//section[@aria-label='通报']//a[@href='/bulletins/%ld' and .='测试月度考核通报']", id), 1);
	GET(&ed, pathf(path, sizeof path, "/bulletins/%ld", id), 200);
	ck_assert_str_eq(text(&ed, "//h1"), "测试月度考核通报");
	ck_assert_int_eq(count(&ed, "//section[@class='body']/p"), 2);
	/* three charts, each with its table */
	ck_assert_int_eq(count(&ed, "//svg[@class='chart-trend']//polyline[@class='line-one' and string-length(@points) > 20]"), 1);
	ck_assert_int_eq(count(&ed, "//svg[@class='chart-trend']//text[.='%d月']", atoi(month + 5)), 1);
	ck_assert_int_eq(count(&ed, "//svg[@class='chart-dist']//rect[@class='col']"), 10);
	ck_assert_int_gt(count(&ed, "//svg[@class='chart-updates']//rect[@class='bar']"), 0);
	ck_assert_int_eq(count(&ed, "//table[@class='data']/caption[contains(., '近 12 个月')]/../tbody/tr"), 12);
	ck_assert_int_gt(count(&ed, "//table[@class='data']/caption[contains(., '排名')]/../tbody/tr"), 10);
	/* commended and named units, with their people; 民政局 named none */
	ck_assert_int_eq(count(&ed, "//ul[@class='commend']/li"), 3);
	ck_assert_int_eq(count(&ed, "//ul[@class='named']/li[contains(., '%s') and contains(., '责任人：未明确')]", unit_name("city-civil")), 1);
	/* no editing, approving or publishing for a unit */
	ck_assert_int_eq(count(&ed, "//form"), 1); /* sign-out only */
	/* every table is a CSV */
	GET(&ed, pathf(path, sizeof path, "/bulletins/%ld/export.csv?table=trend", id), 200);
	ck_assert_msg(ed.body_len > 3 && memcmp(ed.body, "\xEF\xBB\xBF", 3) == 0, "no BOM");
	ck_assert_msg(strncmp(ed.body + 3, "\"月份\",\"一次性解答率\",\"准确解答率\"\r\n", 40) == 0,
		      "%.80s", ed.body + 3);
	GET(&ed, pathf(path, sizeof path, "/bulletins/%ld/export.csv?table=nosuch", id), 404);
	/* its month is frozen now */
	ACT(&coord, "/assessment/compute", form(&coord, body, sizeof body, "month", month, NULL), 409);
	web_free(&coord);
	web_free(&lead);
	web_free(&ed);
	web_free(&mj);
}
END_TEST

static Suite *assessment_suite(void)
{
	Suite *s = suite_create("assessment");
	TCase *tc = tcase(s, "assessment", 120);
	tcase_add_test(tc, office_computes_a_month_and_a_unit_reads_its_findings);
	tcase_add_test(tc, the_formula_is_versioned_and_kept_by_the_city);
	tcase_add_test(tc, the_inspector_samples_and_marks_an_answer);
	tcase_add_test(tc, a_bulletin_is_drafted_approved_published_and_seen_by_a_unit);
	return s;
}

int main(void)
{
	return suite_main(assessment_suite(), NULL);
}
