/* Dispute procedures (争议认定程序, D7, D8): each jurisdiction's 编办,
 * 法制局 (or none), convener and time limits, in versions that take effect
 * on a date; a jurisdiction without one follows the city's. The city admin
 * keeps every jurisdiction's, a county's admin its own. Which procedure a
 * dispute follows: test_dispute_counties. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define PROC_ROW "//tbody[@id='jur-%ld']/tr[starts-with(@id, 'proc-')"

/* The demo's first version of jurisdiction code. */
static long demo_procedure(const char *code)
{
	return sql_long("SELECT id FROM dispute_procedures WHERE jurisdiction_id = ?"
			" ORDER BY effective_from LIMIT 1", DB_I((long long)jur_id(code)));
}

/* A far-off effective date of this run (from its stamp), so that a
 * version added on it is not a duplicate of an earlier run's; more than
 * the 100 years ahead that test_dispute_counties uses. */
static void unused_day(char out[11])
{
	unsigned long h = 2166136261u;   /* FNV-1a */
	for (const char *p = stamp; *p; p++)
		h = ((h ^ (unsigned char)*p) * 16777619u) & 0xffffffffu;
	beijing_day(out, 40000 + (long)(h % 100000));
}

struct proc_form {
	long jur;
	const char *date;
	long est, legal, convener;   /* 0: left empty */
	int no_legal;
	const char *review, *accept, *opinion;
};

/* POSTs a new procedure version; returns the status. */
static long post_procedure(struct web *w, const struct proc_form *f)
{
	char body[2048], est[24] = "", legal[24] = "", conv[24] = "", jur[24];
	if (f->est)
		snprintf(est, sizeof est, "%ld", f->est);
	if (f->legal)
		snprintf(legal, sizeof legal, "%ld", f->legal);
	if (f->convener)
		snprintf(conv, sizeof conv, "%ld", f->convener);
	snprintf(jur, sizeof jur, "%ld", f->jur);
	form(w, body, sizeof body, "csrf", token_from(w, "/admin/procedures"),
	     "jurisdiction_id", jur, "date", f->date, "establishment_unit_id", est,
	     "legal_unit_id", legal, "convener_unit_id", conv, "review_days", f->review,
	     "accept_days", f->accept, "opinion_days", f->opinion, NULL);
	if (f->no_legal)
		form_add(w, body, sizeof body, "no_legal", "1");
	return web_post(w, "/admin/procedures", body);
}

#define POST_PROCEDURE(w, form, want)                                          \
	do {                                                                  \
		long st_ = post_procedure((w), (form));                       \
		ck_assert_msg(st_ == (want), "POST /admin/procedures: status %ld, expected %d\n%.600s", \
			      st_, (want), (w)->body ? (w)->body : "");       \
	} while (0)

/* Column col of version id's row on the page last fetched. */
static const char *proc_cell(struct web *w, long id, int col)
{
	char expr[128];
	snprintf(expr, sizeof expr, "//tr[@id='proc-%ld']/td[%d]", id, col);
	return text(w, expr);
}

/* 兴宁市's own version, in force from today: the same as the one
 * test_dispute_counties adds (whichever suite runs first adds it), whose
 * disputes then count 4 review days. */
static struct proc_form xingning_today(char today[11])
{
	beijing_day(today, 0);
	struct proc_form f = { jur_id("xingning"), today, unit_id("xingning-bianban"),
			       unit_id("xingning-legal"), unit_id("xingning-gov"), 0, "4", "1", "2" };
	return f;
}

START_TEST(procedures_list_demo)
{
	struct web w;
	long city = demo_procedure("meizhou"), mj = demo_procedure("meijiang");
	sign_in(&w, "admin");
	GET(&w, "/admin/procedures", 200);
	ck_assert_str_eq(text(&w, "//h1"), "争议认定程序");
	/* The city's: every unit, in force. */
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']/tr[@id='proc-%ld']",
			       jur_id("meizhou"), city), 1);
	ck_assert_str_eq(proc_cell(&w, city, 2), "2015-01-01");
	ck_assert_str_eq(proc_cell(&w, city, 3), unit_name("city-bianban"));
	ck_assert_str_eq(proc_cell(&w, city, 4), unit_name("city-legal"));
	ck_assert_str_eq(proc_cell(&w, city, 5), unit_name("city-gov"));
	ck_assert_str_eq(proc_cell(&w, city, 6), "5 个工作日");
	ck_assert_str_eq(proc_cell(&w, city, 7), "1 个工作日");
	ck_assert_str_eq(proc_cell(&w, city, 8), "2 个工作日");
	ck_assert_str_eq(proc_cell(&w, city, 9), "现行");
	/* 梅江区's own: no legal step, 3 review days, in force. */
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']/tr[@id='proc-%ld']",
			       jur_id("meijiang"), mj), 1);
	ck_assert_str_eq(proc_cell(&w, mj, 2), "2015-06-01");
	ck_assert_str_eq(proc_cell(&w, mj, 3), unit_name("meijiang-bianban"));
	ck_assert_str_eq(proc_cell(&w, mj, 4), "不设法制局环节");
	ck_assert_str_eq(proc_cell(&w, mj, 5), unit_name("meijiang-gov"));
	ck_assert_str_eq(proc_cell(&w, mj, 6), "3 个工作日");
	ck_assert_str_eq(proc_cell(&w, mj, 9), "现行");
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']//span[@class='inherits']",
			       jur_id("meijiang")), 0);
	/* 梅县区 has none: the city's applies. */
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']//span[@class='inherits']",
			       jur_id("meixian")), 1);
	ck_assert_int_eq(count(&w, PROC_ROW "]", jur_id("meixian")), 0);
	/* A city admin may add one for any active jurisdiction. */
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"),
			 (int)sql_long0("SELECT COUNT(*) FROM jurisdictions WHERE active = 1"));
	web_free(&w);
}
END_TEST

START_TEST(procedure_added_for_county)
{
	struct web w;
	char today[11], expr[512], object[64];
	struct proc_form f = xingning_today(today);
	sign_in(&w, "admin");
	GET(&w, "/admin/procedures", 200);
	/* Added once per stack: a second run of the suite finds it there. */
	if (count(&w, PROC_ROW " and td[2]='%s']", f.jur, today) == 0) {
		POST_PROCEDURE(&w, &f, 303);
		ck_assert_pstr_eq(web_location(&w), "/admin/procedures?done=created");
		GET(&w, "/admin/procedures?done=created", 200);
		NOTICE_SAYS(&w, "新增");
	}
	snprintf(expr, sizeof expr, PROC_ROW " and td[2]='%s']/@id", f.jur, today);
	long id = id_after(web_xpath_text(&w, expr), "proc-");
	ck_assert_int_gt(id, demo_procedure("meijiang"));
	ck_assert_str_eq(proc_cell(&w, id, 3), unit_name("xingning-bianban"));
	ck_assert_str_eq(proc_cell(&w, id, 4), unit_name("xingning-legal"));
	ck_assert_str_eq(proc_cell(&w, id, 5), unit_name("xingning-gov"));
	ck_assert_str_eq(proc_cell(&w, id, 6), "4 个工作日");
	ck_assert_str_eq(proc_cell(&w, id, 7), "1 个工作日");
	ck_assert_str_eq(proc_cell(&w, id, 8), "2 个工作日");
	ck_assert_str_eq(proc_cell(&w, id, 9), "现行");
	/* In force today: 兴宁市 no longer follows the city's; the city's
	 * own is unchanged. */
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']//span[@class='inherits']", f.jur), 0);
	ck_assert_int_eq(count(&w, PROC_ROW " and td[9]='现行']", f.jur), 1);
	ck_assert_str_eq(proc_cell(&w, demo_procedure("meizhou"), 9), "现行");
	snprintf(object, sizeof object, "/admin/procedures#proc-%ld", id);
	ck_assert_msg(audit_shows(&w, "procedure.create", object, NULL), "no procedure.create");
	web_free(&w);
}
END_TEST

START_TEST(procedure_refusals_change_nothing)
{
	struct web w;
	char day[11];
	const char *xn = jur_name("xingning");
	unused_day(day);
	sign_in(&w, "admin");
	GET(&w, "/admin/procedures", 200);
	int rows = count(&w, "//table[@class='procedures']//tr[starts-with(@id, 'proc-')]");
	ck_assert_int_ge(rows, 2);
	struct proc_form ok = { jur_id("xingning"), day, unit_id("xingning-bianban"),
				unit_id("xingning-legal"), unit_id("xingning-gov"), 0, "5", "1", "2" };
	struct proc_form f;

	/* Time limits out of their ranges. */
	f = ok; f.review = "2";
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "审查时限");
	f = ok; f.review = "6";
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "审查时限");
	f = ok; f.accept = "0";
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "签收时限");
	f = ok; f.opinion = "11";
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "意见时限");
	/* A unit of another county: named, with its county. */
	f = ok; f.est = unit_id("meijiang-bianban");
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "编办", unit_name("meijiang-bianban"), jur_name("meijiang"), xn);
	f = ok; f.convener = unit_id("meijiang-gov");
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "召集单位", unit_name("meijiang-gov"));
	/* A second version on a date that has one. */
	f = ok; f.jur = jur_id("meijiang"); f.date = "2015-06-01";
	f.est = unit_id("meijiang-bianban"); f.legal = 0; f.no_legal = 1;
	f.convener = unit_id("meijiang-gov");
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "2015-06-01", "生效日期");
	/* No convener; the legal step neither named nor waived, or both. */
	f = ok; f.convener = 0;
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "召集单位");
	f = ok; f.legal = 0;
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "法制局", "不设法制局环节");
	f = ok; f.no_legal = 1;
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "不设法制局环节");
	f = ok; f.date = "";
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "生效日期");
	f = ok; f.date = "2026-02-30";
	POST_PROCEDURE(&w, &f, 400);
	f = ok; f.jur = 99999;
	POST_PROCEDURE(&w, &f, 400);
	SAYS(&w, "行政区域");

	GET(&w, "/admin/procedures", 200);
	ck_assert_int_eq(count(&w, "//table[@class='procedures']//tr[starts-with(@id, 'proc-')]"), rows);
	ck_assert_int_eq(count(&w, "//table[@class='procedures']//tr[td[2]='%s']", day), 0);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_manages_own_procedure)
{
	struct web w, admin;
	char day[11], today[11], expr[512], object[64];
	long city = jur_id("meizhou"), mj = jur_id("meijiang");
	long city_proc = demo_procedure("meizhou"), mj_proc = demo_procedure("meijiang");
	unused_day(day);
	sign_in(&w, "mj_admin");
	GET(&w, "/admin/procedures", 200);
	/* Their own county's and the city's, their default. */
	ck_assert_int_eq(count(&w, "//table[@class='procedures']/tbody"), 2);
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']/tr[@id='proc-%ld']", city, city_proc), 1);
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']/tr[@id='proc-%ld']", mj, mj_proc), 1);
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-%ld']", jur_id("xingning")), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 1);
	ck_assert_str_eq(text(&w, "//select[@id='jurisdiction_id']/option"), jur_name("meijiang"));
	ck_assert_int_eq(count(&w, "//select[@id='establishment_unit_id']/option[@value='%ld']",
			       unit_id("xingning-bianban")), 0);

	/* Not for the city, nor for another county. */
	struct proc_form for_city = { city, day, unit_id("city-bianban"), unit_id("city-legal"),
				      unit_id("city-gov"), 0, "4", "1", "2" };
	POST_PROCEDURE(&w, &for_city, 403);
	SAYS(&w, "本行政区域");
	struct proc_form xn = xingning_today(today);
	xn.date = day;
	POST_PROCEDURE(&w, &xn, 403);
	SAYS(&w, "本行政区域");
	/* Its own, naming a unit of the city: from a later date, so the
	 * demo's stays in force. */
	struct proc_form own = { mj, day, unit_id("meijiang-bianban"), unit_id("city-legal"),
				 unit_id("meijiang-gov"), 0, "4", "2", "5" };
	POST_PROCEDURE(&w, &own, 303);
	GET(&w, "/admin/procedures?done=created", 200);
	snprintf(expr, sizeof expr, PROC_ROW " and td[2]='%s']/@id", mj, day);
	long id = id_after(web_xpath_text(&w, expr), "proc-");
	ck_assert_int_gt(id, mj_proc);
	ck_assert_str_eq(proc_cell(&w, id, 4), unit_name("city-legal"));
	ck_assert_str_eq(proc_cell(&w, id, 9), "待生效");
	ck_assert_str_eq(proc_cell(&w, mj_proc, 9), "现行");
	ck_assert_int_eq(count(&w, PROC_ROW " and td[9]='现行']", mj), 1);

	sign_in(&admin, "admin");
	snprintf(object, sizeof object, "/admin/procedures#proc-%ld", id);
	ck_assert_msg(audit_shows(&admin, "procedure.create", object, NULL), "no procedure.create");
	ck_assert_msg(audit_shows(&w, "procedure.create", object, NULL),
		      "not in the county's audit log");
	web_free(&admin);
	web_free(&w);
}
END_TEST

static Suite *procedures_suite(void)
{
	Suite *s = suite_create("procedures");
	TCase *tc = tcase(s, "procedures", 60);
	tcase_add_test(tc, procedures_list_demo);
	tcase_add_test(tc, procedure_added_for_county);
	tcase_add_test(tc, procedure_refusals_change_nothing);
	tcase_add_test(tc, county_admin_manages_own_procedure);
	return s;
}

int main(void)
{
	return suite_main(procedures_suite(), NULL);
}
