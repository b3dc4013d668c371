/* Each county's own procedure (D7, D8): a 梅江区 dispute follows 梅江区's
 * 编办, no legal step and its review days, and the city's offices do not
 * see it; a procedure applies to the disputes opened from its effective
 * day on, a jurisdiction without one follows the city's, and a dispute
 * keeps the procedure it was opened under. */
#include <stdio.h>
#include <string.h>

#include "disputes.h"

/* The units dispute id's page names for its procedure. */
static void procedure_is(struct web *w, long id, const char *want)
{
	dpage(w, id);
	ck_assert_str_eq(text(w, "//dl[contains(@class,'dispute')]/dt[.='认定程序']/following-sibling::dd[1]"),
			 want);
}

/* "编办：X；法制局：Y；召集单位：Z" of the units with these codes (legal
 * NULL: none). */
static const char *procedure_text(char *out, size_t size, const char *est, const char *legal,
				  const char *gov)
{
	snprintf(out, size, "编办：%s；法制局：%s；召集单位：%s", unit_name(est),
		 legal ? unit_name(legal) : "本地区不设此环节", unit_name(gov));
	return out;
}

START_TEST(county_procedure)
{
	struct web op, mjclerk, mjc, mjr, bb, coord, clerk;
	char num[64], path[64], body[4096], want[512];
	const char *mj_bianban = unit_name("meijiang-bianban");
	long mj_hrss = unit_id("meijiang-hrss");
	sign_in(&op, "operator");
	sign_in(&mjclerk, "mj_clerk");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&mjr, "mj_reviewer");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&coord, "coordinator");
	sign_in(&clerk, "clerk_hrss");
	long order = dispatch(&op, 901, jur_id("meijiang"), mj_hrss, cat_main,
			      "梅江区某小区加装电梯审批争议。", num);
	long id = open_dispute(&mjc, order, "梅江区内部职责争议");
	procedure_is(&mjc, id, procedure_text(want, sizeof want, "meijiang-bianban", NULL,
					      "meijiang-gov"));
	ck_assert_str_eq(text(&mjc, "//table[@class='dispute-units']/tbody/tr/td[1]"),
			 unit_name("meijiang-hrss"));
	unit_opinion(&mjclerk, id, "本局认为应由住建局办理。");
	ACT_ON(&mjc, "disputes", id, "coordinate", "opinion=%E5%8D%8F%E8%B0%83", 303);
	dpage(&mjc, id);
	opinion_is(&mjc, 1, "office", "管理办协调情况", unit_name("meijiang-office"), NULL);
	ACT_ON(&mjc, "disputes", id, "refer", NULL, 303);
	struct dsnap s;
	dsnap(&mjc, id, &s);
	ck_assert_str_eq(s.state, "编办审核中");
	ASSERT_DUE(s.due, 3);
	ck_assert_msg(is_left_until(s.left, s.due), "%d working days left until %s", s.left, s.due);

	/* The city's 编办 does not see it; 梅江区's does, with 3 days. */
	GET(&bb, pathf(path, sizeof path, "/disputes/%ld", id), 404);
	ck_assert_msg(!body_has(&bb, num), "the city 编办's 404 shows the order");
	ck_assert_msg(!in_list(&bb, id), "the city 编办 lists a 梅江区 dispute");
	dispute_refused(&mjc, &bb, "the city's 编办", id, "review",
			review_body(&bb, body, sizeof body, mj_hrss, 0, "mandate", "x", "x"), 404);
	ck_assert_msg(in_list(&mjr, id), "梅江区编办's list lacks dispute %ld", id);
	ck_assert_msg(is_left_until(list_left(&mjr, id), s.due), "梅江区编办's list counts %d days",
		      list_left(&mjr, id));
	dpage(&mjr, id);
	ck_assert_int_eq(count(&mjr, "//select[@id='decision']/option[@value='legal']"), 0);
	/* No legal step to refer to. */
	dispute_refused(&mjc, &mjr, "refer to a legal step that does not exist", id, "review",
			"decision=legal&opinion=x", 409);
	/* The city's units are allowed as lead, another county's are not. */
	dispute_refused(&mjc, &mjr, "a lead unit of 兴宁市", id, "review",
			review_body(&mjr, body, sizeof body, unit_id("xingning-hrss"), 0, "mandate",
				    "x", "x"), 400);
	ACT_ON(&mjr, "disputes", id, "review",
	       review_body(&mjr, body, sizeof body, mj_hrss, 0, "law", "《广东省就业促进条例》",
			   "由梅江区人社局牵头办理。"), 303);
	dsnap(&mjc, id, &s);
	ck_assert_str_eq(s.state, "待出具认定意见");
	opinion_is(&mjc, 2, "establishment", "编办意见 · 认定意见", mj_bianban, "由梅江区人社局牵头办理");
	/* Each office keeps to its own: the city's sees all, 梅江区's only its own. */
	dpage(&coord, id);
	long city = city_dispute(&op, &clerk, &coord, 902, cat_main, "市级争议", NULL, NULL);
	GET(&mjc, pathf(path, sizeof path, "/disputes/%ld", city), 404);
	GET(&mjr, path, 404);
	GET(&mjclerk, path, 404);
	ck_assert_msg(!in_list(&mjc, city), "梅江区's office lists a city dispute");
	dispute_refused(&coord, &mjc, "梅江区's office on a city dispute", city, "coordinate",
			"opinion=x", 404);
	web_free(&op);
	web_free(&mjclerk);
	web_free(&mjc);
	web_free(&mjr);
	web_free(&bb);
	web_free(&coord);
	web_free(&clerk);
}
END_TEST

/* Any version of jurisdiction ? in force on day ? (its effective date not
 * later). */
static const char SQL_IN_FORCE[] =
	"SELECT COUNT(*) FROM dispute_procedures WHERE jurisdiction_id = ? AND effective_from <= ?";
/* 兴宁市's own version from day ?, as test_procedures adds it. */
static const char SQL_ADD_XN[] =
	"INSERT IGNORE INTO dispute_procedures (jurisdiction_id, effective_from, establishment_unit_id,"
	" legal_unit_id, convener_unit_id, review_days, accept_days, opinion_days)"
	" SELECT ?, ?, b.id, l.id, g.id, 4, 1, 2 FROM units b, units l, units g"
	" WHERE b.code = 'xingning-bianban' AND l.code = 'xingning-legal' AND g.code = 'xingning-gov'";
/* One that takes effect a hundred years later: not yet in force. */
static const char SQL_ADD_XN_LATER[] =
	"INSERT IGNORE INTO dispute_procedures (jurisdiction_id, effective_from, establishment_unit_id,"
	" legal_unit_id, convener_unit_id, review_days, accept_days, opinion_days)"
	" SELECT ?, DATE(?) + INTERVAL 100 YEAR, b.id, NULL, g.id, 3, 1, 2 FROM units b, units g"
	" WHERE b.code = 'xingning-bianban' AND g.code = 'xingning-gov'";
static const char SQL_PROCEDURE_OF[] =
	"SELECT p.jurisdiction_id FROM disputes d JOIN dispute_procedures p ON p.id = d.procedure_id"
	" WHERE d.id = ?";

/* A procedure applies to the disputes opened from its effective day on;
 * a jurisdiction without one follows the city's. */
START_TEST(procedure_in_force)
{
	struct web op, coord;
	char num[64], today[11], city_text[512], xn_text[512];
	long xn = jur_id("xingning"), city = jur_id("meizhou"), hrss = unit_id("city-hrss");
	procedure_text(city_text, sizeof city_text, "city-bianban", "city-legal", "city-gov");
	procedure_text(xn_text, sizeof xn_text, "xingning-bianban", "xingning-legal", "xingning-gov");
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	/* The city's, until 兴宁市 has its own (test_procedures adds one). */
	beijing_day(today, 0);
	int fresh = sql_long(SQL_IN_FORCE, DB_I((long long)xn), DB_S(today)) == 0;
	long before = open_dispute(&coord, dispatch(&op, 1001, xn, unit_id("xingning-hrss"), cat_main,
						    "兴宁市城乡低保认定争议。", num), "");
	if (fresh) {
		procedure_is(&coord, before, city_text);
		ck_assert_int_eq(sql_long(SQL_PROCEDURE_OF, DB_I((long long)before)), city);
	}
	beijing_day(today, 0);
	sql_exec(SQL_ADD_XN, DB_I((long long)xn), DB_S(today));
	sql_exec(SQL_ADD_XN_LATER, DB_I((long long)xn), DB_S(today));
	long after = open_dispute(&coord, dispatch(&op, 1002, xn, unit_id("xingning-hrss"), cat_main,
						   "兴宁市城乡低保认定争议。", num), "");
	procedure_is(&coord, after, xn_text);
	ck_assert_int_eq(sql_long(SQL_PROCEDURE_OF, DB_I((long long)after)), xn);
	/* The one opened before keeps the procedure it was opened under. */
	if (fresh)
		procedure_is(&coord, before, city_text);
	/* 兴宁市's review days. */
	coordinate_refer(&coord, after);
	struct dsnap s;
	dsnap(&coord, after, &s);
	ASSERT_DUE(s.due, 4);
	/* 梅县区 has none: the city's. */
	long mx = open_dispute(&coord, dispatch(&op, 1003, jur_id("meixian"), hrss, cat_main,
						"梅县区城乡低保认定争议。", num), "");
	procedure_is(&coord, mx, city_text);
	ck_assert_int_eq(sql_long(SQL_PROCEDURE_OF, DB_I((long long)mx)), city);
	coordinate_refer(&coord, mx);
	dsnap(&coord, mx, &s);
	ASSERT_DUE(s.due, 5);
	web_free(&op);
	web_free(&coord);
}
END_TEST

static Suite *dispute_counties_suite(void)
{
	Suite *s = suite_create("dispute_counties");
	TCase *tc = tcase(s, "procedures", 180);
	tcase_add_test(tc, county_procedure);
	tcase_add_test(tc, procedure_in_force);
	return s;
}

int main(void)
{
	return suite_main(dispute_counties_suite(), dispute_categories);
}
