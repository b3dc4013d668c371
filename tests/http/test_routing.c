/* Routing rules (派单规则): which unit the intake suggests for a category
 * in a jurisdiction, with keywords; kept by the city admin for the city
 * and by each county's admin for the county. Rules this suite adds are
 * deactivated again. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* POSTs a routing rule; returns the status. */
static long post_rule(struct web *w, long category, long jur, const char *keywords,
		      long unit)
{
	char body[1024];
	form(w, body, sizeof body, "csrf", token_from(w, "/admin/routing"), "keywords", keywords,
	     NULL);
	form_addl(w, body, sizeof body, "category_id", category);
	form_addl(w, body, sizeof body, "jurisdiction_id", jur);
	form_addl(w, body, sizeof body, "unit_id", unit);
	return web_post(w, "/admin/routing", body);
}

/* Activates (1) or deactivates (0) rule id; returns the status. */
static long toggle_rule(struct web *w, long id, int active)
{
	char path[64];
	return web_act_from(w, "/admin/routing", pathf(path, sizeof path, "/admin/routing/%ld", id),
			    active ? "active=1" : NULL);
}

/* The demo's rule of category in jurisdiction jur, without keywords. */
static long demo_rule(long category, long jur)
{
	return sql_long("SELECT MIN(id) FROM routing_rules WHERE category_id = ?"
			" AND jurisdiction_id = ? AND keywords = ''", DB_I((long long)category), DB_I((long long)jur));
}

START_TEST(routing_rule_create_and_deactivate)
{
	struct web w;
	char typed[128], stored[128], expr[512], object[64], path[96];
	long city = jur_id("meizhou"), bus = category_id("公交服务");
	long pension_rule = demo_rule(category_id("养老保险"), city);
	sign_in(&w, "admin");
	GET(&w, "/admin/routing", 200);
	ck_assert_str_eq(text(&w, "//h1"), "派单规则");
	/* The demo rules: 养老保险 in the city goes to 人社局. */
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[@id='rule-%ld']/td[2]",
		 pension_rule);
	ck_assert_str_eq(text(&w, expr), "社会保障 › 养老保险");
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[@id='rule-%ld']/td[5]",
		 pension_rule);
	ck_assert_str_eq(text(&w, expr), unit_name("city-hrss"));

	/* Keywords typed with a Chinese comma are stored space-separated. */
	snprintf(typed, sizeof typed, "夜班，线路%s", stamp);
	snprintf(stored, sizeof stored, "夜班 线路%s", stamp);
	ck_assert_int_eq(post_rule(&w, bus, city, typed, unit_id("city-transport")), 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/routing?done=created");
	pathf(path, sizeof path, "/admin/routing?category_id=%ld", bus);
	GET(&w, path, 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s']/@id", stored);
	long id = id_after(web_xpath_text(&w, expr), "rule-");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(count(&w, "//table[@class='rules']/tbody/tr[@id='rule-%ld']"
			       "[td[2]='交通出行 › 公交服务' and td[3]='%s' and td[5]='%s'"
			       " and td[6]='启用']", id, jur_name("meizhou"),
			       unit_name("city-transport")), 1);

	/* The same category, jurisdiction and keywords twice: refused. */
	ck_assert_int_eq(post_rule(&w, bus, city, stored, unit_id("city-power")), 400);
	SAYS(&w, "关键词");
	/* A parent category, a unit of a county for a city rule, none. */
	ck_assert_int_eq(post_rule(&w, category_id("社会保障"), city, typed,
				   unit_id("city-transport")), 400);
	SAYS(&w, "末级");
	ck_assert_int_eq(post_rule(&w, category_id("养老保险"), city, typed,
				   unit_id("meijiang-hrss")), 400);
	SAYS(&w, "承办单位", jur_name("meizhou"));
	ck_assert_int_eq(post_rule(&w, category_id("养老保险"), city, typed, 999999), 400);
	GET(&w, "/admin/routing", 200);
	ck_assert_int_eq(count(&w, "//table[@class='rules']/tbody/tr[td[4]='%s']", stored), 1);

	/* Deactivated: kept, marked; then back in use. */
	ck_assert_int_eq(toggle_rule(&w, id, 0), 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/routing?done=deactivated");
	GET(&w, "/admin/routing?done=deactivated", 200);
	NOTICE_SAYS(&w, "停用");
	ck_assert_int_eq(count(&w, "//table[@class='rules']/tbody/tr[@id='rule-%ld']"
			       "[@class='inactive' and td[6]='已停用']", id), 1);
	/* Now the same rule may be added again, and then the old one may
	 * not come back. */
	ck_assert_int_eq(post_rule(&w, bus, city, stored, unit_id("city-transport")), 303);
	ck_assert_int_eq(toggle_rule(&w, id, 1), 400);
	SAYS(&w, "关键词");
	GET(&w, path, 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s' and not(@class)]/@id",
		 stored);
	long second = id_after(web_xpath_text(&w, expr), "rule-");
	ck_assert_int_gt(second, id);
	ck_assert_int_eq(toggle_rule(&w, second, 0), 303);
	ck_assert_int_eq(toggle_rule(&w, id, 1), 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/routing?done=saved");
	GET(&w, path, 200);
	ck_assert_int_eq(count(&w, "//table[@class='rules']/tbody/tr[@id='rule-%ld']"
			       "[not(@class) and td[6]='启用']", id), 1);

	snprintf(object, sizeof object, "/admin/routing?jurisdiction_id=%ld#rule-%ld", city, id);
	ck_assert_msg(audit_shows(&w, "routing.create", object, NULL), "no routing.create");
	ck_assert_msg(audit_shows(&w, "routing.deactivate", object, NULL), "no routing.deactivate");
	ck_assert_msg(audit_shows(&w, "routing.activate", object, NULL), "no routing.activate");
	/* Leave the city's 公交服务 as the demo has it. */
	ck_assert_int_eq(toggle_rule(&w, id, 0), 303);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_manages_own_rules)
{
	struct web w, admin;
	char kw[128], expr[512], object[64], path[96];
	const char *county = jur_name("meijiang");
	long city = jur_id("meizhou"), mj = jur_id("meijiang"), xn = jur_id("xingning");
	long power = category_id("供电"), pension = category_id("养老保险");
	long pension_rule = demo_rule(pension, city);
	sign_in(&w, "mj_admin");
	GET(&w, "/admin/routing", 200);
	ck_assert_int_gt(count(&w, "//table[@class='rules']/tbody/tr[td[3]='%s']", county), 0);
	ck_assert_int_eq(count(&w, "//table[@class='rules']/tbody/tr[td[3]!='%s']", county), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 1);
	ck_assert_str_eq(text(&w, "//select[@id='jurisdiction_id']/option"), county);

	/* Not for the city, nor for another county; not a city rule. */
	snprintf(kw, sizeof kw, "停电%s", stamp);
	ck_assert_int_eq(post_rule(&w, power, city, kw, unit_id("city-power")), 403);
	SAYS(&w, "本行政区域");
	ck_assert_int_eq(post_rule(&w, pension, xn, kw, unit_id("xingning-hrss")), 403);
	ck_assert_int_eq(toggle_rule(&w, pension_rule, 0), 404);
	/* Its own county's rule may name a city unit, not another county's. */
	ck_assert_int_eq(post_rule(&w, pension, mj, kw, unit_id("xingning-hrss")), 400);
	SAYS(&w, "承办单位", county);
	ck_assert_int_eq(post_rule(&w, power, mj, kw, unit_id("city-power")), 303);
	GET(&w, "/admin/routing", 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s' and td[3]='%s']/@id",
		 kw, county);
	long id = id_after(web_xpath_text(&w, expr), "rule-");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(toggle_rule(&w, id, 0), 303);

	sign_in(&admin, "admin");
	GET(&admin, pathf(path, sizeof path, "/admin/routing?jurisdiction_id=%ld", city), 200);
	ck_assert_int_eq(count(&admin, "//table[@class='rules']/tbody/tr[@id='rule-%ld' and td[6]='启用']",
			       pension_rule), 1);
	ck_assert_int_eq(count(&admin, "//table[@class='rules']/tbody/tr[td[4]='%s']", kw), 0);
	snprintf(object, sizeof object, "/admin/routing?jurisdiction_id=%ld#rule-%ld", mj, id);
	ck_assert_msg(audit_shows(&admin, "routing.create", object, NULL), "no routing.create");
	ck_assert_msg(audit_shows(&admin, "routing.deactivate", object, NULL),
		      "no routing.deactivate");
	/* The county admin reads it in their own audit log, too. */
	ck_assert_msg(audit_shows(&w, "routing.create", object, NULL),
		      "not in the county's audit log");
	web_free(&admin);
	web_free(&w);
}
END_TEST

static Suite *routing_suite(void)
{
	Suite *s = suite_create("routing");
	TCase *tc = tcase(s, "routing", 60);
	tcase_add_test(tc, routing_rule_create_and_deactivate);
	tcase_add_test(tc, county_admin_manages_own_rules);
	return s;
}

int main(void)
{
	return suite_main(routing_suite(), NULL);
}
