/* The joint meeting (联席会议, D6.3): the office proposes an agenda of
 * disputes waiting for it, the convener schedules the meeting, records a
 * decision per dispute, then the attendance and the minutes; the office
 * determines from the meeting's decision. */
#include <stdio.h>
#include <string.h>

#include "disputes.h"

/* The meeting that /meetings lists last with topic (0 when none). */
static long meeting_with_topic(struct web *w, const char *topic)
{
	char xp[512];
	GET(w, "/meetings", 200);
	snprintf(xp, sizeof xp, "//table[@class='meetings']/tbody/tr[td[2]='%s']/td[1]/a/@href", topic);
	return id_after(web_xpath_text(w, xp), "/meetings/");
}

/* A proposal (POST /meetings) as w; returns the status. */
static long propose(struct web *w, const char *extra)
{
	return web_act(w, "/meetings", extra);
}

START_TEST(joint_meeting)
{
	struct web op, clerk, psb, coord, bb, conv, mjc;
	char body[4096], topic[128], path[64], extra[512], meta[512], unit[24];
	const char *gov = unit_name("city-gov"), *n_conv = display_name("convener");
	long psb_id = unit_id("city-psb-hz"), hrss_id = unit_id("city-hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&conv, "convener");
	sign_in(&mjc, "mj_coordinator");
	snprintf(unit, sizeof unit, "%ld", hrss_id);
	long d[2];
	char number[2][64];
	for (int i = 0; i < 2; i++) {
		d[i] = referred_dispute(&op, &clerk, &psb, &coord, 501 + i, cat_main,
					"多部门职责交叉的噪声扰民投诉。", NULL, number[i]);
		ACT_ON(&bb, "disputes", d[i], "review",
		       form(&bb, body, sizeof body, "decision", "temporary", "temp_unit_id", unit,
			    "opinion", "暂由人社局处理，提请联席会议。", NULL), 303);
	}
	/* The temporary handling unit has the order in its queue at once,
	 * due after the category's working days (issue 13, item 2). */
	ck_assert_msg(in_queue(&clerk, "", number[0], NULL, 0), "人社局's queue lacks %s",
		      number[0]);
	char xp[256];
	snprintf(xp, sizeof xp, "//table[@class='queue']/tbody/tr[td[1]/a='%s']/td[2]", number[0]);
	ck_assert_str_eq(text(&clerk, xp), "争议认定中");
	snprintf(xp, sizeof xp, "//table[@class='queue']/tbody/tr[td[1]/a='%s']/td[7]", number[0]);
	ASSERT_DUE(text(&clerk, xp), LIMIT_DAYS);
	ck_assert_msg(!in_queue(&psb, "", number[0], NULL, 0), "户政支队 has %s before the determination",
		      number[0]);
	long open = city_dispute(&op, &clerk, &coord, 503, cat_main, "尚在转办的争议", NULL, NULL);

	/* The convener now sees what waits for a meeting. */
	ck_assert_msg(in_list(&conv, d[0]), "the convener's list lacks dispute %ld", d[0]);
	dpage(&conv, d[0]);

	/* The office proposes: a topic and at least one waiting dispute. */
	GET(&coord, "/meetings", 200);
	ck_assert_int_eq(count(&coord, "//input[@name='dispute_id' and @value='%ld']", d[0]), 1);
	ck_assert_int_eq(count(&coord, "//input[@name='dispute_id' and @value='%ld']", open), 0);
	snprintf(topic, sizeof topic, "审议职责交叉争议%s", stamp);
	snprintf(extra, sizeof extra, "dispute_id=%ld", d[0]);
	ck_assert_int_eq(propose(&coord, extra), 400);
	SAYS(&coord, "会议内容");
	ck_assert_int_eq(propose(&coord, form(&coord, body, sizeof body, "topic", topic, NULL)), 400);
	snprintf(extra, sizeof extra, "topic=x&dispute_id=%ld", open);
	ck_assert_int_eq(propose(&coord, extra), 409);
	/* 梅江区's office does not learn of the city's disputes. */
	snprintf(extra, sizeof extra, "topic=x&dispute_id=%ld", d[0]);
	ck_assert_int_eq(propose(&mjc, extra), 404);
	ck_assert_int_eq(meeting_with_topic(&coord, "x"), 0);
	form(&coord, body, sizeof body, "topic", topic, NULL);
	snprintf(body + strlen(body), sizeof body - strlen(body), "&dispute_id=%ld&dispute_id=%ld",
		 d[0], d[1]);
	ck_assert_int_eq(propose(&coord, body), 303);
	long m = id_after(web_location(&coord), "/meetings/");
	ck_assert_msg(m > 0, "no meeting in %s", web_location(&coord));
	ck_assert_int_eq(meeting_with_topic(&coord, topic), m);
	/* Not on two undecided agendas. */
	snprintf(extra, sizeof extra, "topic=y&dispute_id=%ld", d[0]);
	ck_assert_int_eq(propose(&coord, extra), 409);
	GET(&coord, pathf(path, sizeof path, "/meetings/%ld", m), 200);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"), "已提请");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'m-topic')]"), topic);
	ck_assert_int_eq(count(&coord, "//table[@class='meeting-items']/tbody/tr"), 2);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);
	dpage(&coord, d[0]);
	timeline_is(&coord, count(&coord, "//ol[@class='timeline']/li"), "提请联席会议",
		    display_name("coordinator"), unit_name("city-office"), topic);

	/* The convener schedules it: a time, a place and the invitees. */
	GET(&conv, path, 200);
	snprintf(meta, sizeof meta, "已提请 · 提请：%s · 召集单位：%s · 全部会议",
		 display_name("coordinator"), gov);
	ck_assert_str_eq(text(&conv, "//p[@class='meta']"), meta);
	ck_assert_msg(strstr(text(&conv, "//textarea[@id='invitees']"), unit_name("city-bianban")) != NULL,
		      "the invitees are not suggested");
	ACT_ON(&conv, "meetings", m, "schedule", "starts_at=2030-13-03T09:30&place=x&invitees=y", 400);
	ACT_ON(&conv, "meetings", m, "schedule", "starts_at=2030-06-03T09:30&invitees=y", 400);
	ACT_ON(&conv, "meetings", m, "decide",
	       review_body(&conv, body, sizeof body, psb_id, 0, "timely", "x", "x"), 409);
	SAYS(&conv, "时间和地点");
	ACT_ON(&conv, "meetings", m, "schedule",
	       form(&conv, body, sizeof body, "starts_at", "2030-06-03T09:30", "place", "市政府第三会议室",
		    "invitees", "市编办、市法制局、管理办及人社局、户政支队负责人", NULL), 303);
	GET(&conv, path, 200);
	ck_assert_str_eq(text(&conv, "//p[@class='meta']/span[contains(@class,'state')]"), "已安排");
	ck_assert_str_eq(text(&conv, "//dd[@class='m-starts']"), "2030-06-03 09:30");
	ck_assert_str_eq(text(&conv, "//dd[@class='m-place']"), "市政府第三会议室");
	ck_assert_str_eq(text(&conv, "//dd[contains(@class,'m-invitees')]"),
			 "市编办、市法制局、管理办及人社局、户政支队负责人");
	/* No decision before the meeting is held, and it is not held before
	 * its time (issue 13, item 3). */
	ck_assert_int_eq(count(&conv, "//form[@action='/meetings/%ld/decide']", m), 0);
	ck_assert_int_eq(count(&conv, "//form[@action='/meetings/%ld/held']", m), 0);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=%ld&principle=timely&basis=x&opinion=x",
		 d[0], psb_id);
	ACT_ON(&conv, "meetings", m, "decide", extra, 409);
	SAYS(&conv, "召开");
	ACT_ON(&conv, "meetings", m, "held", "attendance=x&minutes=y", 409);
	SAYS(&conv, "2030-06-03 09:30", "未到");
	DSTATE_IS(&coord, d[0], "待联席会议审议");
	/* It was held this morning: the time corrected, then the minutes. */
	char held_at[24], now_day[11];
	beijing_day(now_day, 0);
	snprintf(held_at, sizeof held_at, "%sT00:01", now_day);
	ACT_ON(&conv, "meetings", m, "schedule",
	       form(&conv, body, sizeof body, "starts_at", held_at, "place", "市政府第三会议室",
		    "invitees", "市编办、市法制局、管理办及人社局、户政支队负责人", NULL), 303);
	ACT_ON(&conv, "meetings", m, "held",
	       form(&conv, body, sizeof body, "attendance", "市编办、市法制局负责人出席", NULL), 400);
	/* The refused form in place: what was typed kept, the minutes
	 * marked (issue 13, item 6). */
	ck_assert_int_eq(count(&conv, "//form[contains(@class,'held')]//p[@role='alert']"), 1);
	ck_assert_str_eq(text(&conv, "//textarea[@id='attendance']"), "市编办、市法制局负责人出席");
	ck_assert_int_eq(count(&conv, "//textarea[@id='minutes' and @aria-invalid='true']"), 1);
	ck_assert_str_eq(text(&conv, "//*[@id='minutes-err']"), "请填写此项。");
	ACT_ON(&conv, "meetings", m, "held",
	       form(&conv, body, sizeof body, "attendance", "市府办、市编办、市法制局、管理办、人社局、户政支队负责人出席",
		    "minutes", "会议审议两项争议并逐项作出决定。", NULL), 303);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"), "已召开");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'m-attendance')]"),
			 "市府办、市编办、市法制局、管理办、人社局、户政支队负责人出席");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'m-minutes')]"), "会议审议两项争议并逐项作出决定。");
	ACT_ON(&conv, "meetings", m, "schedule", "starts_at=2030-06-04T09:30&place=x&invitees=y", 409);
	ACT_ON(&conv, "meetings", m, "held", "attendance=x&minutes=y", 409);
	GET(&conv, path, 200);
	ck_assert_int_eq(count(&conv, "//form[@action='/meetings/%ld/decide']", m), 2);

	/* A decision per dispute, complete or nothing. */
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=%ld&basis=x&opinion=x", d[0], psb_id);
	ACT_ON(&conv, "meetings", m, "decide", extra, 400);
	SAYS(&conv, "牵头单位", "认定原则", "依据");
	DSTATE_IS(&coord, d[0], "待联席会议审议");
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=%ld&principle=timely&basis=x&opinion=x",
		 d[0], unit_id("meijiang-hrss"));
	ACT_ON(&conv, "meetings", m, "decide", extra, 400);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=%ld&principle=timely&basis=x&opinion=x",
		 open, psb_id);
	ACT_ON(&conv, "meetings", m, "decide", extra, 404);
	DSTATE_IS(&coord, d[0], "待联席会议审议");
	review_body(&conv, body, sizeof body, psb_id, hrss_id, "timely", "有利于问题及时解决",
		    "会议决定：由户政支队牵头，人社局配合。");
	snprintf(body + strlen(body), sizeof body - strlen(body), "&dispute_id=%ld", d[0]);
	ACT_ON(&conv, "meetings", m, "decide", body, 303);
	ACT_ON(&conv, "meetings", m, "decide", body, 409);
	struct dsnap s;
	dsnap(&coord, d[0], &s);
	ck_assert_str_eq(s.state, "待出具认定意见");
	opinion_is(&coord, s.opinions, "meeting", "联席会议决定 · 认定意见", gov, "由户政支队牵头");
	timeline_is(&coord, s.events, "联席会议决定", n_conv, gov, "由户政支队牵头");
	/* The 认定意见 box starts from the meeting's decision. */
	ck_assert_str_eq(text(&coord, "//textarea[@id='determination']"),
			 "会议决定：由户政支队牵头，人社局配合。");
	GET(&conv, path, 200);
	ck_assert_int_eq(count(&conv, "//table[@class='meeting-items']/tbody/tr[td[1]/a='争议 #%ld']//span[@class='decided']", d[0]), 1);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=%ld&principle=law&basis=x&opinion=%s",
		 d[1], hrss_id, web_esc(&conv, "由人社局牵头。"));
	ACT_ON(&conv, "meetings", m, "decide", extra, 303);
	DSTATE_IS(&coord, d[1], "待出具认定意见");
	GET(&conv, path, 200);
	ck_assert_int_eq(count(&conv, "//form[@action='/meetings/%ld/decide']", m), 0);

	/* The meeting's decision is what the office determines from. */
	determine(&coord, d[0], "根据联席会议决定，由户政支队牵头办理。");
	/* The determination hands the order on: to 户政支队, away from 人社局. */
	ck_assert_msg(in_queue(&psb, "", number[0], NULL, 0), "户政支队's queue lacks %s", number[0]);
	ck_assert_msg(!in_queue(&clerk, "", number[0], NULL, 0), "人社局 still holds %s", number[0]);
	dsnap(&coord, d[0], &s);
	ck_assert_str_eq(s.state, "待承办单位接收");
	ck_assert_str_eq(s.lead, unit_name("city-psb-hz"));
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&conv);
	web_free(&mjc);
}
END_TEST

static Suite *meetings_suite(void)
{
	Suite *s = suite_create("meetings");
	TCase *tc = tcase(s, "meeting", 240);
	tcase_add_test(tc, joint_meeting);
	return s;
}

int main(void)
{
	return suite_main(meetings_suite(), dispute_categories);
}
