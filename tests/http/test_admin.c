/* Units and users (系统管理): the city admin adds, renames and deactivates
 * them, with every change in the audit log; a county's admin manages only
 * what lies inside the county (issue 11, item 1). */
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define NEW_PW "Start2026a"

/* The id of the unit with this code on /admin/units as w sees it; 0 if not
 * listed. */
static long listed_unit(struct web *w, const char *code)
{
	char expr[256];
	GET(w, "/admin/units", 200);
	snprintf(expr, sizeof expr,
		 "//table[@class='units']/tbody/tr[td[2]='%s']/td[1]/a/@href", code);
	return id_after(web_xpath_text(w, expr), "/admin/units/");
}

/* As admin: adds a city department; returns its id. */
static long create_unit(struct web *admin, const char *code, const char *name)
{
	char body[1024], jur[24];
	snprintf(jur, sizeof jur, "%ld", jur_id("meizhou"));
	POST(admin, "/admin/units",
	     form(admin, body, sizeof body, "csrf", token_from(admin, "/admin/units"),
		  "code", code, "name", name, "kind", "department", "jurisdiction_id", jur, NULL),
	     303);
	long id = listed_unit(admin, code);
	ck_assert_msg(id > 0, "unit %s not listed after creation", code);
	return id;
}

START_TEST(unit_and_user_lifecycle)
{
	struct web admin, u;
	char code[64], name[128], name2[128], username[64], body[1024];
	char path[128], upath[128], object[64];
	sign_in(&admin, "admin");

	/* A new unit appears in the list. */
	snprintf(code, sizeof code, "t-unit-%s", stamp);
	snprintf(name, sizeof name, "测试单位%s", stamp);
	long unit = create_unit(&admin, code, name);
	GET(&admin, "/admin/units?done=created", 200);
	NOTICE_SAYS(&admin, "新增");
	ck_assert_int_eq(count(&admin, "//table[@class='units']/tbody/tr[td[1]/a='%s']", name), 1);

	/* Renamed on its own page. */
	snprintf(name2, sizeof name2, "测试单位改名%s", stamp);
	pathf(path, sizeof path, "/admin/units/%ld", unit);
	POST(&admin, path, form(&admin, body, sizeof body, "csrf", token_from(&admin, path),
				"name", name2, "kind", "department", "active", "1", NULL), 303);
	GET(&admin, path, 200);
	ck_assert_str_eq(text(&admin, "//input[@id='name']/@value"), name2);
	GET(&admin, "/admin/units", 200);
	ck_assert_msg(!body_has(&admin, name), "old name %s still listed", name);
	ck_assert_int_eq(count(&admin, "//table[@class='units']/tbody/tr[td[1]/a='%s']", name2), 1);

	/* A user in it signs in. */
	snprintf(username, sizeof username, "t_user_%s", stamp);
	long uid = create_user(&admin, username, "测试用户", unit, "clerk", NEW_PW);
	login_as(&u, username, NEW_PW);
	GET(&u, "/", 200);
	ck_assert_str_eq(text(&u, "//h1"), "工作台");
	ck_assert_str_eq(text(&u, "//header//span[@class='unit']"), name2);

	/* A second role, then taken away again. */
	pathf(upath, sizeof upath, "/admin/users/%ld", uid);
	char unit_s[24];
	snprintf(unit_s, sizeof unit_s, "%ld", unit);
	POST(&admin, pathf(path, sizeof path, "/admin/users/%ld/memberships", uid),
	     form(&admin, body, sizeof body, "csrf", token_from(&admin, upath),
		  "unit_id", unit_s, "role", "operator", NULL), 303);
	GET(&admin, upath, 200);
	ck_assert_int_eq(web_xpath_count(&admin, "//tr[td[1]='话务员' and not(@class)]"), 1);
	long mid = id_after(web_xpath_text(&admin, "//tr[td[1]='话务员']//form/@action"),
			    "/admin/memberships/");
	ck_assert_int_gt(mid, 0);
	ACT(&admin, pathf(path, sizeof path, "/admin/memberships/%ld/deactivate", mid), NULL, 303);
	GET(&admin, upath, 200);
	ck_assert_int_eq(web_xpath_count(&admin, "//tr[td[1]='话务员' and @class='inactive']"), 1);
	ck_assert_int_eq(web_xpath_count(&admin, "//tr[td[1]='经办人' and not(@class)]"), 1);

	/* The unit deactivated: kept, marked inactive. */
	pathf(path, sizeof path, "/admin/units/%ld", unit);
	POST(&admin, path, form(&admin, body, sizeof body, "csrf", token_from(&admin, path),
				"name", name2, "kind", "department", NULL), 303);
	GET(&admin, "/admin/units", 200);
	ck_assert_int_eq(count(&admin, "//table[@class='units']/tbody/tr[@class='inactive']"
				       "[td[1]/a='%s']", name2), 1);

	/* The user deactivated: signed out at once, and refused. */
	POST(&admin, upath, form(&admin, body, sizeof body, "csrf", token_from(&admin, upath),
				 "display_name", "测试用户", "phone", "", NULL), 303);
	GET(&u, "/", 303);
	ck_assert_msg(strncmp(web_location(&u), "/login", 6) == 0, "Location %s",
		      web_location(&u));
	ck_assert_int_eq(web_login(&u, username, NEW_PW), 403);
	GET(&admin, "/admin/users", 200);
	ck_assert_int_eq(count(&admin, "//table[@class='users']/tbody/tr[@class='inactive']"
				       "[td[1]/a='%s']", username), 1);

	/* Every change is in the audit log. */
	snprintf(object, sizeof object, "/admin/units/%ld", unit);
	ck_assert_msg(audit_shows(&admin, "unit.create", object, NULL), "no unit.create");
	ck_assert_msg(audit_shows(&admin, "unit.update", object, NULL), "no unit.update");
	ck_assert_msg(audit_shows(&admin, "unit.deactivate", object, NULL), "no unit.deactivate");
	snprintf(object, sizeof object, "/admin/users/%ld", uid);
	ck_assert_msg(audit_shows(&admin, "user.create", object, NULL), "no user.create");
	ck_assert_msg(audit_shows(&admin, "user.deactivate", object, NULL), "no user.deactivate");
	/* A role is shown on its user's page. */
	ck_assert_msg(audit_shows(&admin, "membership.add", object, NULL), "no membership.add");
	ck_assert_msg(audit_shows(&admin, "membership.deactivate", object, NULL),
		      "no membership.deactivate");
	web_free(&u);
	web_free(&admin);
}
END_TEST

START_TEST(duplicate_unit_code)
{
	struct web w;
	char code[64], body[512], jur[24];
	sign_in(&w, "admin");
	snprintf(code, sizeof code, "dup-%s", stamp);
	snprintf(jur, sizeof jur, "%ld", jur_id("meizhou"));
	create_unit(&w, code, "重复编码单位甲");
	POST(&w, "/admin/units",
	     form(&w, body, sizeof body, "csrf", token_from(&w, "/admin/units"), "code", code,
		  "name", "重复编码单位乙", "kind", "department", "jurisdiction_id", jur, NULL), 400);
	SAYS(&w, "编码");
	GET(&w, "/admin/units", 200);
	ck_assert_msg(!body_has(&w, "重复编码单位乙"), "the duplicate was added");
	web_free(&w);
}
END_TEST

/* Only what a role may use is offered in the navigation. */
/* Units form a tree: a parent that would close a loop (A under B under A,
 * or A under itself) is refused, and the tree is left as it was. */
START_TEST(unit_parent_cycle_is_refused)
{
	struct web w;
	char code[64], body[1024], path_a[64], path_b[64], a_s[24], b_s[24];
	sign_in(&w, "admin");
	snprintf(code, sizeof code, "cyc-a-%s", stamp);
	long a = create_unit(&w, code, "循环测试甲");
	snprintf(code, sizeof code, "cyc-b-%s", stamp);
	long b = create_unit(&w, code, "循环测试乙");
	snprintf(a_s, sizeof a_s, "%ld", a);
	snprintf(b_s, sizeof b_s, "%ld", b);
	pathf(path_a, sizeof path_a, "/admin/units/%ld", a);
	pathf(path_b, sizeof path_b, "/admin/units/%ld", b);
	/* B under A: fine. */
	POST(&w, path_b, form(&w, body, sizeof body, "csrf", token_from(&w, path_b), "name",
			      "循环测试乙", "kind", "department", "parent_id", a_s, "active", "1",
			      NULL), 303);
	/* A under B: a loop. */
	POST(&w, path_a, form(&w, body, sizeof body, "csrf", token_from(&w, path_a), "name",
			      "循环测试甲改", "kind", "department", "parent_id", b_s, "active", "1",
			      NULL), 400);
	SAYS(&w, "循环");
	/* The form again, as sent, the parent marked. */
	ck_assert_str_eq(text(&w, "//input[@id='name']/@value"), "循环测试甲改");
	ck_assert_int_eq(count(&w, "//select[@id='parent_id' and @aria-invalid='true']"
				   "/option[@selected and @value='%s']", b_s), 1);
	/* A under A: a loop too. */
	POST(&w, path_a, form(&w, body, sizeof body, "csrf", token_from(&w, path_a), "name",
			      "循环测试甲改", "kind", "department", "parent_id", a_s, "active", "1",
			      NULL), 400);
	/* Nothing changed: A keeps its name and has no parent. */
	GET(&w, path_a, 200);
	ck_assert_str_eq(text(&w, "//input[@id='name']/@value"), "循环测试甲");
	ck_assert_int_eq(web_xpath_count(&w, "//select[@name='parent_id']/option[@selected]"
					     "[@value!='0' and @value!='']"), 0);
	GET(&w, path_b, 200);
	ck_assert_int_eq(count(&w, "//select[@name='parent_id']/option[@selected and @value='%s']",
			       a_s), 1);
	web_free(&w);
}
END_TEST

START_TEST(navigation_follows_the_role)
{
	struct web op, admin;
	static const char *const admin_pages[] = {
		"/admin/users", "/admin/units", "/admin/categories", "/admin/routing",
		"/admin/procedures",
	};
	sign_in(&op, "operator");
	sign_in(&admin, "admin");
	GET(&op, "/", 200);
	GET(&admin, "/", 200);
	for (size_t i = 0; i < sizeof admin_pages / sizeof *admin_pages; i++) {
		ck_assert_msg(count(&op, "//nav//a[@href='%s']", admin_pages[i]) == 0,
			      "the operator is offered %s", admin_pages[i]);
		ck_assert_msg(count(&admin, "//nav//a[@href='%s']", admin_pages[i]) == 1,
			      "the admin is not offered %s", admin_pages[i]);
	}
	web_free(&op);
	web_free(&admin);
}
END_TEST

/* ---- a county's admin --------------------------------------------------- */

START_TEST(county_admin_sees_own_units)
{
	struct web w;
	const char *county = jur_name("meijiang");
	sign_in(&w, "mj_admin");
	GET(&w, "/admin/units", 200);
	ck_assert_msg(!body_has(&w, unit_name("city-hrss")), "a county admin sees a city unit");
	ck_assert_int_gt(count(&w, "//table[@class='units']/tbody/tr[td[4]='%s']", county), 0);
	ck_assert_int_eq(count(&w, "//table[@class='units']/tbody/tr[td[4]!='%s']", county), 0);
	/* The form offers only the county. */
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 1);
	ck_assert_str_eq(text(&w, "//select[@id='jurisdiction_id']/option"), county);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_cannot_add_city_unit)
{
	struct web w, admin;
	char body[512], code[64], jur[24];
	sign_in(&w, "mj_admin");
	snprintf(code, sizeof code, "mj-city-%s", stamp);
	snprintf(jur, sizeof jur, "%ld", jur_id("meizhou"));
	POST(&w, "/admin/units",
	     form(&w, body, sizeof body, "csrf", token_from(&w, "/admin/units"), "code", code,
		  "name", "县里建的市级单位", "kind", "department", "jurisdiction_id", jur, NULL),
	     403);
	sign_in(&admin, "admin");
	ck_assert_int_eq(listed_unit(&admin, code), 0);
	web_free(&admin);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_cannot_touch_city_units)
{
	struct web admin, mj;
	char path[64], body[1024];
	const char *hrss = unit_name("city-hrss");
	sign_in(&admin, "admin");
	sign_in(&mj, "mj_admin");
	GET(&admin, pathf(path, sizeof path, "/admin/units/%ld", unit_id("meijiang-hrss")), 200);
	GET(&mj, path, 200);
	pathf(path, sizeof path, "/admin/units/%ld", unit_id("city-hrss"));
	GET(&admin, path, 200);
	GET(&mj, path, 404);
	POST(&mj, path, form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
			     "name", "被改名的单位", "kind", "department", "active", "1", NULL), 404);
	GET(&admin, path, 200);
	ck_assert_int_eq(count(&admin, "//input[@name='name' and @value='%s']", hrss), 1);
	web_free(&admin);
	web_free(&mj);
}
END_TEST

/* Item 1: a county admin manages a user only if every membership of that
 * user lies inside the county. */
START_TEST(county_admin_cannot_take_over_a_city_account)
{
	struct web admin, mj, victim;
	char name[64], mixed_name[64], county_name[64], path[128], body[2048], u_s[24];
	sign_in(&admin, "admin");
	sign_in(&mj, "mj_admin");
	snprintf(name, sizeof name, "acc_c%s", stamp);
	snprintf(mixed_name, sizeof mixed_name, "acc_x%s", stamp);
	snprintf(county_name, sizeof county_name, "acc_m%s", stamp);
	long city = create_user(&admin, name, "访问测试用户", unit_id("city-office"), "coordinator",
				NEW_PW);
	long mixed = create_user(&admin, mixed_name, "访问测试用户", unit_id("city-office"),
				 "coordinator", NEW_PW);
	long county = create_user(&admin, county_name, "访问测试用户", unit_id("meijiang-hrss"),
				  "clerk", NEW_PW);
	snprintf(u_s, sizeof u_s, "%ld", unit_id("meijiang-hrss"));
	POST(&admin, pathf(path, sizeof path, "/admin/users/%ld/memberships", mixed),
	     form(&admin, body, sizeof body, "csrf", token_from(&admin, "/"), "unit_id", u_s,
		  "role", "clerk", NULL), 303);

	struct { long id; const char *name; int mj_sees; } u[] = {
		{ city, name, 0 }, { mixed, mixed_name, 0 }, { county, county_name, 1 },
	};
	snprintf(u_s, sizeof u_s, "%ld", unit_id("meijiang-office"));
	for (size_t i = 0; i < 3; i++) {
		GET(&admin, pathf(path, sizeof path, "/admin/users/%ld", u[i].id), 200);
		GET(&mj, path, u[i].mj_sees ? 200 : 404);
		GET(&mj, pathf(path, sizeof path, "/admin/users?q=%s", web_esc(&mj, u[i].name)), 200);
		ck_assert_int_eq(count(&mj, "//table[@class='users']//a[text()='%s']", u[i].name),
				 u[i].mj_sees);
		if (u[i].mj_sees)
			continue;
		POST(&mj, pathf(path, sizeof path, "/admin/users/%ld/password", u[i].id),
		     form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
			  "new_password", "Taken2026x", NULL), 404);
		POST(&mj, pathf(path, sizeof path, "/admin/users/%ld", u[i].id),
		     form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
			  "display_name", "已被接管", "active", "1", NULL), 404);
		POST(&mj, pathf(path, sizeof path, "/admin/users/%ld/memberships", u[i].id),
		     form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
			  "unit_id", u_s, "role", "admin", NULL), 404);
	}
	/* The mixed account keeps its password and name. */
	login_as(&victim, mixed_name, NEW_PW);
	GET(&admin, pathf(path, sizeof path, "/admin/users/%ld", mixed), 200);
	ck_assert_int_eq(count(&admin, "//input[@name='display_name' and @value='访问测试用户']"), 1);
	/* A city user the county's list never shows. */
	GET(&mj, "/admin/users", 200);
	ck_assert_int_eq(count(&mj, "//table[@class='users']//a[@href='/admin/users/%ld']",
			       user_id("clerk_hrss")), 0);
	web_free(&victim);
	web_free(&admin);
	web_free(&mj);
}
END_TEST

static Suite *admin_suite(void)
{
	Suite *s = suite_create("admin");
	TCase *tc = tcase(s, "admin", 60);
	tcase_add_test(tc, unit_and_user_lifecycle);
	tcase_add_test(tc, duplicate_unit_code);
	tcase_add_test(tc, unit_parent_cycle_is_refused);
	tcase_add_test(tc, navigation_follows_the_role);
	tc = tcase(s, "county", 60);
	tcase_add_test(tc, county_admin_sees_own_units);
	tcase_add_test(tc, county_admin_cannot_add_city_unit);
	tcase_add_test(tc, county_admin_cannot_touch_city_units);
	tcase_add_test(tc, county_admin_cannot_take_over_a_city_account);
	return s;
}

int main(void)
{
	return suite_main(admin_suite(), NULL);
}
