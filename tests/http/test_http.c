/* HTTP tests: drive the real stack (nginx → hotlined → MariaDB) as a user
 * would, and assert what the user sees: status, headings, alerts, rows.
 *
 * Run by tests/stack-tests.sh on a fresh private stack, with BASE_URL,
 * VAR (the stack's state directory), STACK (scripts/stack.sh) and
 * HOTLINECTL in the environment. Test cases run in the order added; each
 * test signs in for itself, since Check runs each one in its own process.
 * The last two cases stop the database and tamper with the audit log (and
 * put it back), so nothing may come after them. Demo accounts are in sql/demo/demo.sql. */
#include <check.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_web.h"

#define NEW_PW "Start2026a"
#define CITY_UNIT "梅州市人力资源和社会保障局"
#define COUNTY "梅江区"
/* The one answer to a failed sign-in, whatever the reason (issue 11). */
#define LOGIN_FAILED "用户名或密码错误。连续多次失败后需等待 15 分钟再试，如有疑问请联系系统管理员。"

/* Makes names created by this run unique, so the suite can also be run
 * twice against one stack. Set in main, before Check forks. */
static char stamp[24];

/* ---- helpers ------------------------------------------------------------ */

/* The id of the user called username, as the city admin sees it. */
static long user_id(struct web *admin, const char *username)
{
	char path[256], expr[256];
	snprintf(path, sizeof path, "/admin/users?q=%s", web_esc(admin, username));
	GET(admin, path, 200);
	snprintf(expr, sizeof expr, "//table[@class='users']//a[text()='%s']/@href",
		 username);
	long id = id_after(web_xpath_text(admin, expr), "/admin/users/");
	ck_assert_msg(id > 0, "user %s not found on /admin/users", username);
	return id;
}

/* The id of the unit with this code, from /admin/units; 0 if not listed. */
static long unit_id(struct web *admin, const char *code)
{
	char expr[256];
	GET(admin, "/admin/units", 200);
	snprintf(expr, sizeof expr,
		 "//table[@class='units']/tbody/tr[td[2]='%s']/td[1]/a/@href", code);
	return id_after(web_xpath_text(admin, expr), "/admin/units/");
}

/* As admin: adds a city department; returns its id. */
static long create_unit(struct web *admin, const char *code, const char *name)
{
	char body[1024];
	const char *csrf = token_from(admin, "/admin/units");
	snprintf(body, sizeof body,
		 "csrf=%s&code=%s&name=%s&kind=department&jurisdiction_id=1",
		 csrf, web_esc(admin, code), web_esc(admin, name));
	POST(admin, "/admin/units", body, 303);
	long id = unit_id(admin, code);
	ck_assert_msg(id > 0, "unit %s not listed after creation", code);
	return id;
}

/* As admin: adds a user with one role in unit; returns the user's id. */
static long create_user(struct web *admin, const char *username,
			const char *display_name, long unit, const char *role)
{
	char body[1024];
	const char *csrf = token_from(admin, "/admin/users");
	snprintf(body, sizeof body,
		 "csrf=%s&username=%s&display_name=%s&phone=&new_password=%s"
		 "&unit_id=%ld&role=%s",
		 csrf, web_esc(admin, username), web_esc(admin, display_name),
		 NEW_PW, unit, role);
	POST(admin, "/admin/users", body, 303);
	long id = id_after(web_location(admin), "/admin/users/");
	ck_assert_msg(id > 0, "no user id in Location after creating %s", username);
	return id;
}

/* An XPath predicate on an audit row: its action column shows the code
 * (perhaps after a Chinese label, "登录 login"). */
#define ACTION_IS "contains(concat(' ', normalize-space(td[6]), ' '), ' %s ')"

/* Whether the admin's audit log, filtered by action, shows a row of that
 * action about object ("unit #12"). */
static int audit_has(struct web *admin, const char *action, const char *object)
{
	char path[256];
	snprintf(path, sizeof path, "/audit?q=%s", web_esc(admin, action));
	GET(admin, path, 200);
	return count(admin, "//table[@class='audit']/tbody/tr[" ACTION_IS " and td[7]='%s']",
		     action, object) > 0;
}

/* scripts/stack.sh CMD for the stack under test (VAR and PORT come through
 * the environment). */
static int stack(const char *cmd, char *out, size_t out_size)
{
	const char *script = getenv("STACK");
	if (script == NULL || *script == '\0')
		return -1;
	const char *argv[] = { "bash", script, cmd, NULL };
	return run_cmd(argv, out, out_size, NULL, 0);
}

static int audit_verify(char *out, size_t out_size)
{
	char conf[1024];
	snprintf(conf, sizeof conf, "%s/hotline.conf", env_or_fail("VAR"));
	const char *argv[] = { env_or_fail("HOTLINECTL"), "-c", conf, "audit",
			       "verify", NULL };
	return run_cmd(argv, out, out_size, NULL, 0);
}

/* ---- sign-in and sign-out ---------------------------------------------- */

START_TEST(login_page_is_chinese)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	ck_assert_int_eq(web_xpath_count(&w, "//html[@lang='zh-CN']"), 1);
	ck_assert_int_eq(web_xpath_count(&w, "//label[@for='username']"), 1);
	ck_assert_str_eq(text(&w, "//label[@for='username']"), "用户名");
	ck_assert_str_eq(text(&w, "//label[@for='password']"), "密码");
	ck_assert_str_eq(text(&w, "//h1"), "登录");
	web_free(&w);
}
END_TEST

START_TEST(login_with_demo_account)
{
	struct web w;
	start(&w);
	ck_assert_int_eq(web_login(&w, "admin", DEMO_PW), 303);
	ck_assert_pstr_eq(web_location(&w), "/");
	ck_assert_int_eq(web_sets_cookie(&w, "hl_sid"), 1);
	GET(&w, "/", 200);
	ck_assert_str_eq(text(&w, "//h1"), "工作台");
	char name[256];
	snprintf(name, sizeof name, "%s", text(&w, "//header//span[@class='name']"));
	ck_assert_msg(name[0] != '\0', "no display name in the header");
	ck_assert_msg(strncmp(text(&w, "//p[@class='welcome']"), name, strlen(name)) == 0,
		      "welcome line does not greet %s", name);
	web_free(&w);
}
END_TEST

START_TEST(login_wrong_password)
{
	struct web w;
	start(&w);
	ck_assert_int_eq(web_login(&w, "operator", "Wrong@12345"), 403);
	ck_assert_str_eq(text(&w, "//p[@class='alert']"), LOGIN_FAILED);
	ck_assert_int_eq(web_sets_cookie(&w, "hl_sid"), 0);
	/* The username is kept in the form, the password is not. */
	ck_assert_str_eq(text(&w, "//input[@id='username']/@value"), "operator");
	/* A good password afterwards clears the failure count. */
	ck_assert_int_eq(web_login(&w, "operator", DEMO_PW), 303);
	web_free(&w);
}
END_TEST

START_TEST(logout_ends_session)
{
	struct web w;
	login_as(&w, "coordinator", DEMO_PW);
	char body[128];
	snprintf(body, sizeof body, "csrf=%s", token_from(&w, "/"));
	POST(&w, "/logout", body, 303);
	ck_assert_pstr_eq(web_location(&w), "/login");
	GET(&w, "/", 303);
	const char *loc = web_location(&w);
	ck_assert_msg(loc != NULL && strncmp(loc, "/login", 6) == 0,
		      "after logout / redirects to %s", loc ? loc : "(nothing)");
	web_free(&w);
}
END_TEST

/* ---- CSRF ------------------------------------------------------------- */

START_TEST(csrf_login_without_token)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	POST(&w, "/login", "username=admin&password=Demo%4012345", 403);
	ck_assert_int_eq(web_sets_cookie(&w, "hl_sid"), 0);
	ck_assert_str_eq(text(&w, "//h1"), "无权访问");
	web_free(&w);
}
END_TEST

START_TEST(csrf_forged_token)
{
	struct web w;
	char body[1024], name[128];
	login_as(&w, "admin", DEMO_PW);
	token_from(&w, "/admin/units");
	snprintf(name, sizeof name, "伪造令牌单位%s", stamp);
	snprintf(body, sizeof body,
		 "csrf=%064d&code=forged-%s&name=%s&kind=department&jurisdiction_id=1",
		 0, stamp, web_esc(&w, name));
	POST(&w, "/admin/units", body, 403);
	ck_assert_str_eq(text(&w, "//h1"), "无权访问");
	GET(&w, "/admin/units", 200);
	ck_assert_msg(!body_has(&w, name), "the forged request created %s", name);
	web_free(&w);
}
END_TEST

START_TEST(csrf_token_of_other_session)
{
	struct web a, b;
	char body[1024], name[128];
	login_as(&a, "admin", DEMO_PW);
	login_as(&b, "admin", DEMO_PW);
	char other[160];
	snprintf(other, sizeof other, "%s", token_from(&b, "/admin/units"));
	const char *mine = token_from(&a, "/admin/units");
	ck_assert_str_ne(mine, other);
	snprintf(name, sizeof name, "他人令牌单位%s", stamp);
	snprintf(body, sizeof body,
		 "csrf=%s&code=other-%s&name=%s&kind=department&jurisdiction_id=1",
		 other, stamp, web_esc(&a, name));
	POST(&a, "/admin/units", body, 403);
	GET(&a, "/admin/units", 200);
	ck_assert_msg(!body_has(&a, name), "a token of another session created %s", name);
	web_free(&a);
	web_free(&b);
}
END_TEST

/* ---- lock-out ----------------------------------------------------------- */

START_TEST(lockout_after_five_failures)
{
	struct web admin, u;
	char username[64];
	login_as(&admin, "admin", DEMO_PW);
	GET(&admin, "/admin/users", 200);
	long unit = strtol(text(&admin, "//select[@id='unit_id']/option[1]/@value"), NULL, 10);
	ck_assert_int_gt(unit, 0);
	snprintf(username, sizeof username, "lock_%s", stamp);
	create_user(&admin, username, "锁定测试", unit, "clerk");

	/* Five failures; the page says the same each time (it tells an
	 * attacker nothing), the audit log says when the lock came. */
	start(&u);
	for (int i = 1; i <= 5; i++) {
		ck_assert_int_eq(web_login(&u, username, "Wrong2026x"), 403);
		ck_assert_str_eq(text(&u, "//p[@class='alert']"), LOGIN_FAILED);
	}

	/* The right password no longer helps, and the answer is the same. */
	ck_assert_int_eq(web_login(&u, username, NEW_PW), 403);
	ck_assert_str_eq(text(&u, "//p[@class='alert']"), LOGIN_FAILED);
	ck_assert_int_eq(web_sets_cookie(&u, "hl_sid"), 0);

	GET(&admin, "/audit?q=user.lockout", 200);
	ck_assert_int_ge(count(&admin, "//table[@class='audit']/tbody/tr[" ACTION_IS
				       " and contains(td[8], '%s')]", "user.lockout", username), 1);
	/* The users list marks the account. */
	char path[128];
	snprintf(path, sizeof path, "/admin/users?q=%s", username);
	GET(&admin, path, 200);
	ck_assert_int_eq(count(&admin, "//table[@class='users']/tbody/tr[td[1]/a='%s'"
				       " and contains(td[5], '已锁定')]", username), 1);
	web_free(&u);
	web_free(&admin);
}
END_TEST

/* ---- denial by role ----------------------------------------------------- */

START_TEST(operator_is_refused_administration)
{
	struct web w;
	char body[512];
	login_as(&w, "operator", DEMO_PW);
	GET(&w, "/admin/users", 403);
	ck_assert_str_eq(text(&w, "//h1"), "无权访问");
	/* Nor does the navigation offer it. */
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/users']"), 0);
	snprintf(body, sizeof body,
		 "csrf=%s&code=op-%s&name=%s&kind=department&jurisdiction_id=1",
		 token_from(&w, "/"), stamp, web_esc(&w, "话务员建的单位"));
	POST(&w, "/admin/units", body, 403);
	ck_assert_str_eq(text(&w, "//p[@class='message']"), "您的角色无权进行此操作。");
	GET(&w, "/audit", 403);
	GET(&w, "/admin/units", 403);
	web_free(&w);
}
END_TEST

START_TEST(coordinator_reads_audit_only)
{
	struct web w;
	login_as(&w, "coordinator", DEMO_PW);
	GET(&w, "/audit", 200);
	ck_assert_str_eq(text(&w, "//h1"), "审计日志");
	ck_assert_int_gt(web_xpath_count(&w, "//table[@class='audit']/tbody/tr"), 0);
	GET(&w, "/admin/users", 403);
	web_free(&w);
}
END_TEST

START_TEST(anonymous_is_sent_to_login)
{
	struct web w;
	start(&w);
	GET(&w, "/admin/users", 303);
	const char *loc = web_location(&w);
	ck_assert_msg(loc != NULL && strncmp(loc, "/login?next=", 12) == 0,
		      "Location %s", loc ? loc : "(none)");
	ck_assert_ptr_nonnull(strstr(loc, "admin"));
	GET(&w, "/login", 200);
	char body[256];
	snprintf(body, sizeof body,
		 "csrf=%s&code=anon-%s&name=anon&kind=department&jurisdiction_id=1",
		 web_csrf(&w), stamp);
	POST(&w, "/admin/units", body, 403);
	ck_assert_int_eq(web_xpath_count(&w, "//a[@href='/login']"), 1);
	web_free(&w);
}
END_TEST

/* ---- denial by scope ---------------------------------------------------- */

START_TEST(county_admin_sees_own_units)
{
	struct web w;
	login_as(&w, "mj_admin", DEMO_PW);
	GET(&w, "/admin/units", 200);
	ck_assert_msg(!body_has(&w, CITY_UNIT), "a county admin sees %s", CITY_UNIT);
	ck_assert_int_gt(count(&w, "//table[@class='units']/tbody/tr[td[4]='%s']", COUNTY), 0);
	ck_assert_int_eq(count(&w, "//table[@class='units']/tbody/tr[td[4]!='%s']", COUNTY), 0);
	/* The form offers only the county. */
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 1);
	ck_assert_str_eq(text(&w, "//select[@id='jurisdiction_id']/option"), COUNTY);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_cannot_touch_city_user)
{
	struct web admin, w;
	char path[128], body[512];
	login_as(&admin, "admin", DEMO_PW);
	long id = user_id(&admin, "clerk_hrss");
	snprintf(path, sizeof path, "/admin/users/%ld", id);
	GET(&admin, path, 200);
	char before[256];
	snprintf(before, sizeof before, "%s", text(&admin, "//input[@id='display_name']/@value"));
	ck_assert_msg(before[0] != '\0', "no display name for clerk_hrss");

	login_as(&w, "mj_admin", DEMO_PW);
	GET(&w, "/admin/users", 200);
	ck_assert_int_eq(count(&w, "//table[@class='users']//a[@href='%s']", path), 0);
	GET(&w, path, 404);
	snprintf(body, sizeof body, "csrf=%s&display_name=%s&phone=1&active=1",
		 token_from(&w, "/admin/users"), web_esc(&w, "被县管理员改名"));
	POST(&w, path, body, 404);

	GET(&admin, path, 200);
	ck_assert_str_eq(text(&admin, "//input[@id='display_name']/@value"), before);
	web_free(&w);
	web_free(&admin);
}
END_TEST

START_TEST(county_admin_cannot_add_city_unit)
{
	struct web w, admin;
	char body[512], code[64];
	login_as(&w, "mj_admin", DEMO_PW);
	snprintf(code, sizeof code, "mj-city-%s", stamp);
	snprintf(body, sizeof body,
		 "csrf=%s&code=%s&name=%s&kind=department&jurisdiction_id=1",
		 token_from(&w, "/admin/units"), code, web_esc(&w, "县里建的市级单位"));
	POST(&w, "/admin/units", body, 403);
	login_as(&admin, "admin", DEMO_PW);
	ck_assert_int_eq(unit_id(&admin, code), 0);
	web_free(&admin);
	web_free(&w);
}
END_TEST

/* ---- administration ----------------------------------------------------- */

START_TEST(admin_unit_and_user_lifecycle)
{
	struct web admin, u;
	char code[64], name[128], name2[128], username[64], body[1024];
	char path[128], object[64];
	login_as(&admin, "admin", DEMO_PW);

	/* A new unit appears in the list. */
	snprintf(code, sizeof code, "t-unit-%s", stamp);
	snprintf(name, sizeof name, "测试单位%s", stamp);
	long unit = create_unit(&admin, code, name);
	GET(&admin, "/admin/units?done=created", 200);
	ck_assert_str_eq(text(&admin, "//p[@class='notice']"), "已新增。");
	ck_assert_int_eq(count(&admin, "//table[@class='units']/tbody/tr[td[1]/a='%s']", name), 1);

	/* Renamed on its own page. */
	snprintf(name2, sizeof name2, "测试单位改名%s", stamp);
	snprintf(path, sizeof path, "/admin/units/%ld", unit);
	snprintf(body, sizeof body, "csrf=%s&name=%s&kind=department&active=1",
		 token_from(&admin, path), web_esc(&admin, name2));
	POST(&admin, path, body, 303);
	GET(&admin, path, 200);
	ck_assert_str_eq(text(&admin, "//input[@id='name']/@value"), name2);
	GET(&admin, "/admin/units", 200);
	ck_assert_msg(!body_has(&admin, name), "old name %s still listed", name);
	ck_assert_int_eq(count(&admin, "//table[@class='units']/tbody/tr[td[1]/a='%s']", name2), 1);

	/* A user in it signs in. */
	snprintf(username, sizeof username, "t_user_%s", stamp);
	long uid = create_user(&admin, username, "测试用户", unit, "clerk");
	login_as(&u, username, NEW_PW);
	GET(&u, "/", 200);
	ck_assert_str_eq(text(&u, "//h1"), "工作台");
	ck_assert_str_eq(text(&u, "//header//span[@class='unit']"), name2);

	/* A second role, then taken away again. */
	char upath[128];
	snprintf(upath, sizeof upath, "/admin/users/%ld", uid);
	snprintf(path, sizeof path, "/admin/users/%ld/memberships", uid);
	snprintf(body, sizeof body, "csrf=%s&unit_id=%ld&role=operator",
		 token_from(&admin, upath), unit);
	POST(&admin, path, body, 303);
	GET(&admin, upath, 200);
	ck_assert_int_eq(web_xpath_count(&admin, "//tr[td[1]='话务员' and not(@class)]"), 1);
	long mid = id_after(web_xpath_text(&admin, "//tr[td[1]='话务员']//form/@action"),
			    "/admin/memberships/");
	ck_assert_int_gt(mid, 0);
	snprintf(path, sizeof path, "/admin/memberships/%ld/deactivate", mid);
	snprintf(body, sizeof body, "csrf=%s", web_csrf(&admin));
	POST(&admin, path, body, 303);
	GET(&admin, upath, 200);
	ck_assert_int_eq(web_xpath_count(&admin, "//tr[td[1]='话务员' and @class='inactive']"), 1);
	ck_assert_int_eq(web_xpath_count(&admin, "//tr[td[1]='经办人' and not(@class)]"), 1);

	/* The unit deactivated: kept, marked inactive. */
	snprintf(path, sizeof path, "/admin/units/%ld", unit);
	snprintf(body, sizeof body, "csrf=%s&name=%s&kind=department",
		 token_from(&admin, path), web_esc(&admin, name2));
	POST(&admin, path, body, 303);
	GET(&admin, "/admin/units", 200);
	ck_assert_int_eq(count(&admin, "//table[@class='units']/tbody/tr[@class='inactive']"
				       "[td[1]/a='%s']", name2), 1);

	/* The user deactivated: signed out at once, and refused. */
	snprintf(body, sizeof body, "csrf=%s&display_name=%s&phone=",
		 token_from(&admin, upath), web_esc(&admin, "测试用户"));
	POST(&admin, upath, body, 303);
	GET(&u, "/", 303);
	ck_assert_msg(strncmp(web_location(&u), "/login", 6) == 0, "Location %s",
		      web_location(&u));
	ck_assert_int_eq(web_login(&u, username, NEW_PW), 403);
	GET(&admin, "/admin/users", 200);
	ck_assert_int_eq(count(&admin, "//table[@class='users']/tbody/tr[@class='inactive']"
				       "[td[1]/a='%s']", username), 1);

	/* Every change is in the audit log. */
	snprintf(object, sizeof object, "unit #%ld", unit);
	ck_assert_msg(audit_has(&admin, "unit.create", object), "no unit.create");
	ck_assert_msg(audit_has(&admin, "unit.update", object), "no unit.update");
	ck_assert_msg(audit_has(&admin, "unit.deactivate", object), "no unit.deactivate");
	snprintf(object, sizeof object, "user #%ld", uid);
	ck_assert_msg(audit_has(&admin, "user.create", object), "no user.create");
	ck_assert_msg(audit_has(&admin, "user.deactivate", object), "no user.deactivate");
	snprintf(object, sizeof object, "membership #%ld", mid);
	ck_assert_msg(audit_has(&admin, "membership.add", object), "no membership.add");
	ck_assert_msg(audit_has(&admin, "membership.deactivate", object),
		      "no membership.deactivate");
	web_free(&u);
	web_free(&admin);
}
END_TEST

START_TEST(duplicate_unit_code)
{
	struct web w;
	char code[64], body[512];
	login_as(&w, "admin", DEMO_PW);
	snprintf(code, sizeof code, "dup-%s", stamp);
	create_unit(&w, code, "重复编码单位甲");
	snprintf(body, sizeof body,
		 "csrf=%s&code=%s&name=%s&kind=department&jurisdiction_id=1",
		 token_from(&w, "/admin/units"), code, web_esc(&w, "重复编码单位乙"));
	POST(&w, "/admin/units", body, 400);
	ck_assert_str_eq(text(&w, "//h1"), "请求有误");
	ck_assert_ptr_nonnull(strstr(text(&w, "//p[@class='message']"), "编码"));
	GET(&w, "/admin/units", 200);
	ck_assert_msg(!body_has(&w, "重复编码单位乙"), "the duplicate was added");
	web_free(&w);
}
END_TEST

/* ---- 问题分类 and 派单规则 ------------------------------------------------ */

/* Demo data (sql/demo/demo.sql): category ids and units the tests rely on. */
#define CAT_SOCIAL 1       /* 社会保障, a parent */
#define CAT_PENSION 2      /* 社会保障 › 养老保险, 10 working days */
#define CAT_BUS 12         /* 交通出行 › 公交服务 */
#define CAT_POWER 28       /* 水电气 › 供电 */
#define UNIT_TRANSPORT 23  /* 梅州市交通运输局 */
#define UNIT_POWER 40      /* 梅州供电局 */
#define UNIT_MJ_HRSS 105   /* 梅江区人力资源和社会保障局 */
#define UNIT_XN_HRSS 205   /* 兴宁市人力资源和社会保障局 */

/* POSTs the category form (parent 0: none; limit as typed) to path with a
 * token of /admin/categories; returns the status. */
static long post_category(struct web *w, const char *path, const char *name,
			  long parent, const char *limit, int active)
{
	char body[1024], par[24] = "";
	if (parent > 0)
		snprintf(par, sizeof par, "%ld", parent);
	const char *csrf = token_from(w, "/admin/categories");
	snprintf(body, sizeof body, "csrf=%s&name=%s&parent_id=%s&time_limit=%s%s",
		 csrf, web_esc(w, name), par, limit, active ? "&active=1" : "");
	return web_post(w, path, body);
}

#define POST_CATEGORY(w, path, name, parent, limit, active, want)              \
	do {                                                                  \
		long st_ = post_category((w), (path), (name), (parent), (limit), (active)); \
		ck_assert_msg(st_ == (want), "POST %s (%s): status %ld, expected %d\n%.600s", \
			      (path), (name), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

/* The id of the category called name on /admin/categories, or 0. */
static long category_id(struct web *w, const char *name)
{
	char expr[512];
	GET(w, "/admin/categories", 200);
	snprintf(expr, sizeof expr,
		 "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[2]", name);
	return strtol(text(w, expr), NULL, 10);
}

/* The message of an error page, after checking its heading. */
static const char *refusal(struct web *w, const char *heading)
{
	ck_assert_str_eq(text(w, "//h1"), heading);
	return text(w, "//p[@class='message']");
}

/* POSTs a routing rule; returns the status. */
static long post_rule(struct web *w, long category, long jur, const char *keywords,
		      long unit)
{
	char body[1024];
	const char *csrf = token_from(w, "/admin/routing");
	snprintf(body, sizeof body,
		 "csrf=%s&category_id=%ld&jurisdiction_id=%ld&keywords=%s&unit_id=%ld",
		 csrf, category, jur, web_esc(w, keywords), unit);
	return web_post(w, "/admin/routing", body);
}

/* Activates (1) or deactivates (0) rule id; returns the status. */
static long toggle_rule(struct web *w, long id, int active)
{
	char body[256], path[64];
	snprintf(path, sizeof path, "/admin/routing/%ld", id);
	snprintf(body, sizeof body, "csrf=%s%s", token_from(w, "/admin/routing"),
		 active ? "&active=1" : "");
	return web_post(w, path, body);
}

START_TEST(category_tree_create_and_edit)
{
	struct web w;
	char top[128], child[128], path[64], expr[512], object[64];
	login_as(&w, "admin", DEMO_PW);

	/* The demo tree, indented, with the navigation links. */
	GET(&w, "/admin/categories", 200);
	ck_assert_str_eq(text(&w, "//h1"), "问题分类");
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/categories' and .='问题分类']"), 1);
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/routing' and .='派单规则']"), 1);
	ck_assert_str_eq(text(&w, "//table[@class='categories']/tbody/tr[td[2]='2']/td[1]"), "养老保险");
	ck_assert_str_eq(text(&w, "//table[@class='categories']/tbody/tr[td[2]='2']/td[1]/@class"), "depth-1");
	ck_assert_str_eq(text(&w, "//table[@class='categories']/tbody/tr[td[2]='2']/td[3]"), "10 个工作日");
	ck_assert_str_eq(text(&w, "//table[@class='categories']/tbody/tr[td[2]='1']/td[1]/@class"), "depth-0");

	/* A top-level category and a child. */
	snprintf(top, sizeof top, "测试分类%s", stamp);
	snprintf(child, sizeof child, "测试子类%s", stamp);
	POST_CATEGORY(&w, "/admin/categories", top, 0, "7", 0, 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/categories?done=created");
	GET(&w, "/admin/categories?done=created", 200);
	ck_assert_str_eq(text(&w, "//p[@class='notice']"), "已新增。");
	long top_id = category_id(&w, top);
	ck_assert_int_gt(top_id, 45);
	POST_CATEGORY(&w, "/admin/categories", child, top_id, "3", 0, 303);
	long child_id = category_id(&w, child);
	ck_assert_int_gt(child_id, top_id);
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']"
		 "/following-sibling::tr[1]/td[1]", top);
	ck_assert_str_eq(text(&w, expr), child);
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[1]/@class", child);
	ck_assert_str_eq(text(&w, expr), "depth-1");
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[3]", child);
	ck_assert_str_eq(text(&w, expr), "3 个工作日");

	/* The child's time limit edited on its page. */
	snprintf(path, sizeof path, "/admin/categories/%ld", child_id);
	GET(&w, path, 200);
	ck_assert_str_eq(text(&w, "//input[@id='time_limit']/@value"), "3");
	ck_assert_str_eq(text(&w, "//select[@id='parent_id']/option[@selected]"), top);
	POST_CATEGORY(&w, path, child, top_id, "12", 1, 303);
	snprintf(expr, sizeof expr, "%s?done=saved", path);
	ck_assert_pstr_eq(web_location(&w), expr);
	GET(&w, expr, 200);
	ck_assert_str_eq(text(&w, "//p[@class='notice']"), "已保存。");
	ck_assert_str_eq(text(&w, "//input[@id='time_limit']/@value"), "12");
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[3]", child);
	GET(&w, "/admin/categories", 200);
	ck_assert_str_eq(text(&w, expr), "12 个工作日");

	/* The parent's page never offers itself or its child as parent. */
	snprintf(path, sizeof path, "/admin/categories/%ld", top_id);
	GET(&w, path, 200);
	ck_assert_int_eq(count(&w, "//select[@id='parent_id']/option[@value='%ld']", top_id), 0);
	ck_assert_int_eq(count(&w, "//select[@id='parent_id']/option[@value='%ld']", child_id), 0);
	ck_assert_int_eq(count(&w, "//ul[@class='children']/li[a='%s']", child), 1);

	/* Every change is in the audit log. */
	snprintf(object, sizeof object, "category #%ld", top_id);
	ck_assert_msg(audit_has(&w, "category.create", object), "no category.create");
	snprintf(object, sizeof object, "category #%ld", child_id);
	ck_assert_msg(audit_has(&w, "category.create", object), "no category.create of the child");
	ck_assert_msg(audit_has(&w, "category.update", object), "no category.update");
	snprintf(expr, sizeof expr, "//table[@class='audit']/tbody/tr[td[7]='%s']/td[8]", object);
	ck_assert_ptr_nonnull(strstr(text(&w, expr), "12 个工作日（原 3）"));

	/* Out of the intake's way for the suites that follow. */
	snprintf(path, sizeof path, "/admin/categories/%ld", child_id);
	POST_CATEGORY(&w, path, child, top_id, "12", 0, 303);
	snprintf(path, sizeof path, "/admin/categories/%ld", top_id);
	POST_CATEGORY(&w, path, top, 0, "7", 0, 303);
	web_free(&w);
}
END_TEST

START_TEST(category_refusals_change_nothing)
{
	struct web w;
	char top[128], child[128], other[128], bad[128], path[64], expr[512];
	login_as(&w, "admin", DEMO_PW);
	snprintf(top, sizeof top, "拒绝测试%s", stamp);
	snprintf(child, sizeof child, "拒绝子类%s", stamp);
	snprintf(other, sizeof other, "拒绝乙类%s", stamp);
	POST_CATEGORY(&w, "/admin/categories", top, 0, "5", 0, 303);
	long top_id = category_id(&w, top);
	POST_CATEGORY(&w, "/admin/categories", child, top_id, "5", 0, 303);
	long child_id = category_id(&w, child);
	POST_CATEGORY(&w, "/admin/categories", other, top_id, "5", 0, 303);
	long other_id = category_id(&w, other);
	ck_assert_int_gt(top_id, 0);
	ck_assert_int_gt(child_id, 0);
	ck_assert_int_gt(other_id, 0);
	int rows = count(&w, "//table[@class='categories']/tbody/tr");

	/* The same name under the same parent, at the top too (where the
	 * unique key cannot see it), and by renaming. */
	POST_CATEGORY(&w, "/admin/categories", child, top_id, "5", 0, 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "已有名为"));
	POST_CATEGORY(&w, "/admin/categories", top, 0, "5", 0, 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "已有名为"));
	snprintf(path, sizeof path, "/admin/categories/%ld", other_id);
	POST_CATEGORY(&w, path, child, top_id, "5", 1, 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "已有名为"));
	/* The same name under another parent is fine. */
	POST_CATEGORY(&w, "/admin/categories", child, CAT_SOCIAL, "5", 0, 303);

	/* A cycle: the parent under its own child, or under itself. */
	snprintf(path, sizeof path, "/admin/categories/%ld", top_id);
	POST_CATEGORY(&w, path, top, child_id, "5", 1, 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "循环"));
	POST_CATEGORY(&w, path, top, top_id, "5", 1, 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "循环"));
	GET(&w, path, 200);
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='parent_id']/option[@selected]"), 0);

	/* No name, a name of spaces only, and bad time limits. */
	POST_CATEGORY(&w, "/admin/categories", "", top_id, "5", 0, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "请填写「名称」。");
	POST_CATEGORY(&w, "/admin/categories", "\xE3\x80\x80 ", top_id, "5", 0, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "请填写「名称」。");
	snprintf(bad, sizeof bad, "时限错误%s", stamp);
	const char *limits[] = { "0", "366", "-3", "abc", "2.5", "" };
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		POST_CATEGORY(&w, "/admin/categories", bad, top_id, limits[i], 0, 400);
		ck_assert_msg(strstr(refusal(&w, "请求有误"), "办理时限") != NULL,
			      "time limit '%s': %s", limits[i], text(&w, "//p[@class='message']"));
	}
	snprintf(path, sizeof path, "/admin/categories/%ld", child_id);
	POST_CATEGORY(&w, path, child, top_id, "0", 1, 400);
	GET(&w, path, 200);
	ck_assert_str_eq(text(&w, "//input[@id='time_limit']/@value"), "5");

	/* Nothing of that was stored: one more row only (the same name
	 * elsewhere), the names and parents unchanged. */
	GET(&w, "/admin/categories", 200);
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr"), rows + 1);
	ck_assert_msg(!body_has(&w, bad), "a category with a bad time limit was added");
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr[td[1]/a='%s']", child), 2);
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr[td[1]/a='%s']", other), 1);
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[1]/@class", top);
	ck_assert_str_eq(text(&w, expr), "depth-0");

	/* Deactivation: not while a child is active; then child, parent. */
	snprintf(path, sizeof path, "/admin/categories/%ld", top_id);
	POST_CATEGORY(&w, path, top, 0, "5", 0, 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "下级分类"));
	snprintf(path, sizeof path, "/admin/categories/%ld", child_id);
	POST_CATEGORY(&w, path, child, top_id, "5", 0, 303);
	snprintf(path, sizeof path, "/admin/categories/%ld", other_id);
	POST_CATEGORY(&w, path, other, top_id, "5", 0, 303);
	snprintf(expr, sizeof expr, "%s?done=deactivated", path);
	ck_assert_pstr_eq(web_location(&w), expr);
	snprintf(path, sizeof path, "/admin/categories/%ld", top_id);
	POST_CATEGORY(&w, path, top, 0, "5", 0, 303);
	GET(&w, "/admin/categories", 200);
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr[@class='inactive']"
				   "[td[1]/a='%s' and td[5]='已停用']", top), 1);
	snprintf(expr, sizeof expr, "category #%ld", child_id);
	ck_assert_msg(audit_has(&w, "category.deactivate", expr), "no category.deactivate");

	/* The namesake under 社会保障 out of the intake's way, too. */
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s'"
		 " and td[2]!='%ld']/td[2]", child, child_id);
	GET(&w, "/admin/categories", 200);
	long namesake = strtol(text(&w, expr), NULL, 10);
	ck_assert_int_gt(namesake, 0);
	snprintf(path, sizeof path, "/admin/categories/%ld", namesake);
	POST_CATEGORY(&w, path, child, CAT_SOCIAL, "5", 0, 303);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_reads_categories_only)
{
	struct web w, admin;
	login_as(&w, "mj_admin", DEMO_PW);
	GET(&w, "/admin/categories", 200);
	ck_assert_str_eq(text(&w, "//table[@class='categories']/tbody/tr[td[2]='2']/td[1]"), "养老保险");
	ck_assert_int_eq(web_xpath_count(&w, "//table[@class='categories']//a[starts-with(@href, '/admin/categories/')]"), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//form[@action='/admin/categories']"), 0);
	GET(&w, "/admin/categories/2", 403);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "无权访问"), "市级系统管理员"));

	char name[128];
	snprintf(name, sizeof name, "县建分类%s", stamp);
	POST_CATEGORY(&w, "/admin/categories", name, 0, "5", 0, 403);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "无权访问"), "市级系统管理员"));
	POST_CATEGORY(&w, "/admin/categories/2", "县改养老保险", CAT_SOCIAL, "1", 1, 403);

	login_as(&admin, "admin", DEMO_PW);
	GET(&admin, "/admin/categories/2", 200);
	ck_assert_str_eq(text(&admin, "//input[@id='name']/@value"), "养老保险");
	ck_assert_str_eq(text(&admin, "//input[@id='time_limit']/@value"), "10");
	ck_assert_int_eq(category_id(&admin, name), 0);
	web_free(&admin);
	web_free(&w);
}
END_TEST

START_TEST(routing_rule_create_and_deactivate)
{
	struct web w;
	char typed[128], stored[128], expr[512], object[64];
	login_as(&w, "admin", DEMO_PW);
	GET(&w, "/admin/routing", 200);
	ck_assert_str_eq(text(&w, "//h1"), "派单规则");
	/* The demo rules: 养老保险 in the city goes to 人社局. */
	ck_assert_str_eq(text(&w, "//table[@class='rules']/tbody/tr[@id='rule-1']/td[2]"),
			 "社会保障 › 养老保险");
	ck_assert_str_eq(text(&w, "//table[@class='rules']/tbody/tr[@id='rule-1']/td[5]"), CITY_UNIT);

	/* Keywords typed with a Chinese comma are stored space-separated. */
	snprintf(typed, sizeof typed, "夜班，线路%s", stamp);
	snprintf(stored, sizeof stored, "夜班 线路%s", stamp);
	ck_assert_int_eq(post_rule(&w, CAT_BUS, 1, typed, UNIT_TRANSPORT), 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/routing?done=created");
	GET(&w, "/admin/routing?category_id=12", 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s']", stored);
	ck_assert_int_eq(web_xpath_count(&w, expr), 1);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s']/@id", stored);
	long id = id_after(web_xpath_text(&w, expr), "rule-");
	ck_assert_int_gt(id, 45);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[@id='rule-%ld']"
		 "[td[2]='交通出行 › 公交服务' and td[3]='梅州市' and td[5]='梅州市交通运输局'"
		 " and td[6]='启用']", id);
	ck_assert_int_eq(web_xpath_count(&w, expr), 1);

	/* The same category, jurisdiction and keywords twice: refused. */
	ck_assert_int_eq(post_rule(&w, CAT_BUS, 1, stored, UNIT_POWER), 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "关键词相同"));
	/* A parent category, a unit of a county for a city rule, none. */
	ck_assert_int_eq(post_rule(&w, CAT_SOCIAL, 1, typed, UNIT_TRANSPORT), 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "末级"));
	ck_assert_int_eq(post_rule(&w, CAT_PENSION, 1, typed, UNIT_MJ_HRSS), 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "承办单位须为梅州市或市级的单位。");
	ck_assert_int_eq(post_rule(&w, CAT_PENSION, 1, typed, 999999), 400);
	GET(&w, "/admin/routing", 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s']", stored);
	ck_assert_int_eq(web_xpath_count(&w, expr), 1);

	/* Deactivated: kept, marked; then back in use. */
	ck_assert_int_eq(toggle_rule(&w, id, 0), 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/routing?done=deactivated");
	GET(&w, "/admin/routing?done=deactivated", 200);
	ck_assert_str_eq(text(&w, "//p[@class='notice']"), "已停用。");
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[@id='rule-%ld']"
		 "[@class='inactive' and td[6]='已停用']", id);
	ck_assert_int_eq(web_xpath_count(&w, expr), 1);
	/* Now the same rule may be added again, and then the old one may
	 * not come back. */
	ck_assert_int_eq(post_rule(&w, CAT_BUS, 1, stored, UNIT_TRANSPORT), 303);
	ck_assert_int_eq(toggle_rule(&w, id, 1), 400);
	ck_assert_ptr_nonnull(strstr(refusal(&w, "请求有误"), "关键词相同"));
	GET(&w, "/admin/routing?category_id=12", 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s' and not(@class)]/@id",
		 stored);
	long second = id_after(web_xpath_text(&w, expr), "rule-");
	ck_assert_int_gt(second, id);
	ck_assert_int_eq(toggle_rule(&w, second, 0), 303);
	ck_assert_int_eq(toggle_rule(&w, id, 1), 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/routing?done=saved");
	GET(&w, "/admin/routing?category_id=12", 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[@id='rule-%ld']"
		 "[not(@class) and td[6]='启用']", id);
	ck_assert_int_eq(web_xpath_count(&w, expr), 1);

	snprintf(object, sizeof object, "routing_rule #%ld", id);
	ck_assert_msg(audit_has(&w, "routing.create", object), "no routing.create");
	ck_assert_msg(audit_has(&w, "routing.deactivate", object), "no routing.deactivate");
	ck_assert_msg(audit_has(&w, "routing.activate", object), "no routing.activate");
	/* Leave the city's 公交服务 as the demo has it. */
	ck_assert_int_eq(toggle_rule(&w, id, 0), 303);
	web_free(&w);
}
END_TEST

START_TEST(county_admin_manages_own_rules)
{
	struct web w, admin;
	char kw[128], expr[512], object[64];
	login_as(&w, "mj_admin", DEMO_PW);
	GET(&w, "/admin/routing", 200);
	ck_assert_int_gt(count(&w, "//table[@class='rules']/tbody/tr[td[3]='%s']", COUNTY), 0);
	ck_assert_int_eq(count(&w, "//table[@class='rules']/tbody/tr[td[3]!='%s']", COUNTY), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 1);
	ck_assert_str_eq(text(&w, "//select[@id='jurisdiction_id']/option"), COUNTY);

	/* Not for the city, nor for another county; not a city rule. */
	snprintf(kw, sizeof kw, "停电%s", stamp);
	ck_assert_int_eq(post_rule(&w, CAT_POWER, 1, kw, UNIT_POWER), 403);
	ck_assert_str_eq(refusal(&w, "无权访问"), "只能管理本行政区域的派单规则。");
	ck_assert_int_eq(post_rule(&w, CAT_PENSION, 4, kw, UNIT_XN_HRSS), 403);
	ck_assert_int_eq(toggle_rule(&w, 1, 0), 404);
	/* Its own county's rule may name a city unit, not another county's. */
	ck_assert_int_eq(post_rule(&w, CAT_PENSION, 2, kw, UNIT_XN_HRSS), 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "承办单位须为梅江区或市级的单位。");
	ck_assert_int_eq(post_rule(&w, CAT_POWER, 2, kw, UNIT_POWER), 303);
	GET(&w, "/admin/routing", 200);
	snprintf(expr, sizeof expr, "//table[@class='rules']/tbody/tr[td[4]='%s' and td[3]='%s']/@id",
		 kw, COUNTY);
	long id = id_after(web_xpath_text(&w, expr), "rule-");
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(toggle_rule(&w, id, 0), 303);

	login_as(&admin, "admin", DEMO_PW);
	GET(&admin, "/admin/routing?jurisdiction_id=1", 200);
	ck_assert_int_eq(web_xpath_count(&admin, "//table[@class='rules']/tbody/tr[@id='rule-1' and td[6]='启用']"), 1);
	ck_assert_int_eq(count(&admin, "//table[@class='rules']/tbody/tr[td[4]='%s']", kw), 0);
	snprintf(object, sizeof object, "routing_rule #%ld", id);
	ck_assert_msg(audit_has(&admin, "routing.create", object), "no routing.create");
	ck_assert_msg(audit_has(&admin, "routing.deactivate", object), "no routing.deactivate");
	/* The county admin reads it in their own audit log, too. */
	ck_assert_msg(audit_has(&w, "routing.create", object), "not in the county's audit log");
	web_free(&admin);
	web_free(&w);
}
END_TEST

START_TEST(operator_is_refused_categories)
{
	struct web w;
	char body[512];
	login_as(&w, "operator", DEMO_PW);
	GET(&w, "/", 200);
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/categories']"), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/routing']"), 0);
	GET(&w, "/admin/categories", 403);
	GET(&w, "/admin/categories/2", 403);
	GET(&w, "/admin/routing", 403);
	snprintf(body, sizeof body, "csrf=%s&name=%s&time_limit=5",
		 token_from(&w, "/"), web_esc(&w, "话务员建的分类"));
	POST(&w, "/admin/categories", body, 403);
	ck_assert_str_eq(text(&w, "//p[@class='message']"), "您的角色无权进行此操作。");
	snprintf(body, sizeof body, "csrf=%s&category_id=2&jurisdiction_id=1&unit_id=14",
		 token_from(&w, "/"));
	POST(&w, "/admin/routing", body, 403);
	snprintf(body, sizeof body, "csrf=%s", token_from(&w, "/"));
	POST(&w, "/admin/routing/1", body, 403);
	web_free(&w);
}
END_TEST

/* ---- 争议认定程序 ------------------------------------------------------------ */

/* Demo procedures (sql/demo/demo.sql) and the units of 兴宁市. */
#define PROC_CITY 1        /* 梅州市, from 2015-01-01, with the legal step */
#define PROC_MJ 2          /* 梅江区, from 2015-06-01, no legal step, 3 days */
#define JUR_CITY 1
#define JUR_MJ 2
#define JUR_MX 3           /* 梅县区: no procedure of its own */
#define JUR_XN 4           /* 兴宁市 */
#define UNIT_CITY_LEGAL 5  /* 梅州市法制局 */
#define UNIT_MJ_GOV 102    /* 梅江区人民政府办公室 */
#define UNIT_MJ_BIANBAN 103
#define UNIT_XN_GOV 202    /* 兴宁市人民政府办公室 */
#define UNIT_XN_BIANBAN 203
#define UNIT_XN_LEGAL 204  /* 兴宁市司法局 */
#define PROC_ROW "//tbody[@id='jur-%d']/tr[starts-with(@id, 'proc-')"

/* A day as YYYY-MM-DD in Beijing, days after today. */
static void beijing_day(char out[11], long days)
{
	time_t t = time(NULL) + 8 * 3600 + days * 86400L;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A far-off effective date of this run (from its stamp), so that a
 * version added on it is not a duplicate of an earlier run's; more than
 * the 100 years ahead that tests/http/test_disputes.c uses. */
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

/* POSTs a new procedure version with a token of /admin/procedures;
 * returns the status. */
static long post_procedure(struct web *w, const struct proc_form *f)
{
	char body[1024], est[24] = "", legal[24] = "", conv[24] = "";
	if (f->est)
		snprintf(est, sizeof est, "%ld", f->est);
	if (f->legal)
		snprintf(legal, sizeof legal, "%ld", f->legal);
	if (f->convener)
		snprintf(conv, sizeof conv, "%ld", f->convener);
	const char *csrf = token_from(w, "/admin/procedures");
	snprintf(body, sizeof body,
		 "csrf=%s&jurisdiction_id=%ld&date=%s&establishment_unit_id=%s"
		 "&legal_unit_id=%s%s&convener_unit_id=%s&review_days=%s"
		 "&accept_days=%s&opinion_days=%s",
		 csrf, f->jur, f->date, est, legal, f->no_legal ? "&no_legal=1" : "",
		 conv, f->review, f->accept, f->opinion);
	return web_post(w, "/admin/procedures", body);
}

/* Column col of version id's row on the page last fetched. */
static const char *proc_cell(struct web *w, long id, int col)
{
	char expr[128];
	snprintf(expr, sizeof expr, "//tr[@id='proc-%ld']/td[%d]", id, col);
	return text(w, expr);
}

#define POST_PROCEDURE(w, form, want)                                          \
	do {                                                                  \
		long st_ = post_procedure((w), (form));                       \
		ck_assert_msg(st_ == (want), "POST /admin/procedures: status %ld, expected %d\n%.600s", \
			      st_, (want), (w)->body ? (w)->body : "");       \
	} while (0)

/* 兴宁市's own version, in force from today. The same as the one
 * tests/http/test_disputes.c adds (whichever suite runs first adds it),
 * whose disputes then count 4 review days. */
static struct proc_form xingning_today(char today[11])
{
	beijing_day(today, 0);
	struct proc_form f = { JUR_XN, today, UNIT_XN_BIANBAN, UNIT_XN_LEGAL,
			       UNIT_XN_GOV, 0, "4", "1", "2" };
	return f;
}

START_TEST(procedures_list_demo)
{
	struct web w;
	login_as(&w, "admin", DEMO_PW);
	GET(&w, "/admin/procedures", 200);
	ck_assert_str_eq(text(&w, "//h1"), "争议认定程序");
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/procedures' and .='争议认定程序']"), 1);
	/* The city's: every unit, in force. */
	ck_assert_str_eq(text(&w, "//tbody[@id='jur-1']/tr[@id='proc-1']/td[2]"), "2015-01-01");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[3]"), "梅州市机构编制委员会办公室");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[4]"), "梅州市法制局");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[5]"), "梅州市人民政府办公室");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[6]"), "5 个工作日");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[7]"), "1 个工作日");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[8]"), "2 个工作日");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[9]"), "现行");
	/* 梅江区's own: no legal step, 3 review days, in force. */
	ck_assert_str_eq(text(&w, "//tbody[@id='jur-2']/tr[@id='proc-2']/td[2]"), "2015-06-01");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-2']/td[3]"), "梅江区机构编制委员会办公室");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-2']/td[4]"), "不设法制局环节");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-2']/td[5]"), "梅江区人民政府办公室");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-2']/td[6]"), "3 个工作日");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-2']/td[9]"), "现行");
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-2']//span[@class='inherits']"), 0);
	/* 梅县区 has none: the city's applies. */
	ck_assert_str_eq(text(&w, "//tbody[@id='jur-3']//span[@class='inherits']"), "沿用市级程序");
	ck_assert_int_eq(count(&w, PROC_ROW "]", JUR_MX), 0);
	/* A city admin may add one for any active jurisdiction. */
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 9);
	web_free(&w);
}
END_TEST

START_TEST(procedure_added_for_county)
{
	struct web w;
	char today[11], expr[512], object[64];
	struct proc_form f = xingning_today(today);
	login_as(&w, "admin", DEMO_PW);
	GET(&w, "/admin/procedures", 200);
	/* Added once per stack: a second run of the suite finds it there. */
	if (count(&w, PROC_ROW " and td[2]='%s']", JUR_XN, today) == 0) {
		ck_assert_str_eq(text(&w, "//tbody[@id='jur-4']//span[@class='inherits']"),
				 "沿用市级程序");
		POST_PROCEDURE(&w, &f, 303);
		ck_assert_pstr_eq(web_location(&w), "/admin/procedures?done=created");
		GET(&w, "/admin/procedures?done=created", 200);
		ck_assert_str_eq(text(&w, "//p[@class='notice']"), "已新增。");
	}
	snprintf(expr, sizeof expr, PROC_ROW " and td[2]='%s']/@id", JUR_XN, today);
	long id = id_after(web_xpath_text(&w, expr), "proc-");
	ck_assert_int_gt(id, PROC_MJ);
	ck_assert_str_eq(proc_cell(&w, id, 3), "兴宁市机构编制委员会办公室");
	ck_assert_str_eq(proc_cell(&w, id, 4), "兴宁市司法局");
	ck_assert_str_eq(proc_cell(&w, id, 5), "兴宁市人民政府办公室");
	ck_assert_str_eq(proc_cell(&w, id, 6), "4 个工作日");
	ck_assert_str_eq(proc_cell(&w, id, 7), "1 个工作日");
	ck_assert_str_eq(proc_cell(&w, id, 8), "2 个工作日");
	ck_assert_str_eq(proc_cell(&w, id, 9), "现行");
	/* In force today: 兴宁市 no longer follows the city's; the city's
	 * own is unchanged. */
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-4']//span[@class='inherits']"), 0);
	ck_assert_int_eq(count(&w, PROC_ROW " and td[9]='现行']", JUR_XN), 1);
	ck_assert_str_eq(text(&w, "//tr[@id='proc-1']/td[9]"), "现行");
	snprintf(object, sizeof object, "procedure #%ld", id);
	ck_assert_msg(audit_has(&w, "procedure.create", object), "no procedure.create");
	web_free(&w);
}
END_TEST

START_TEST(procedure_refusals_change_nothing)
{
	struct web w;
	char day[11];
	unused_day(day);
	login_as(&w, "admin", DEMO_PW);
	GET(&w, "/admin/procedures", 200);
	int rows = count(&w, "//table[@class='procedures']//tr[starts-with(@id, 'proc-')]");
	ck_assert_int_ge(rows, 2);
	struct proc_form ok = { JUR_XN, day, UNIT_XN_BIANBAN, UNIT_XN_LEGAL,
				UNIT_XN_GOV, 0, "5", "1", "2" }, f;

	/* Review days outside 3-5. */
	f = ok; f.review = "2";
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "编办、法制局的审查时限须为 3 至 5 个工作日。");
	f = ok; f.review = "6";
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "编办、法制局的审查时限须为 3 至 5 个工作日。");
	f = ok; f.accept = "0";
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "牵头单位的签收时限须为 1 至 5 个工作日。");
	f = ok; f.opinion = "11";
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "涉及部门的意见时限须为 1 至 10 个工作日。");
	/* A unit of another county. */
	f = ok; f.est = UNIT_MJ_BIANBAN;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"),
			 "编办须为兴宁市或市级的单位，「梅江区机构编制委员会办公室」属于梅江区，未作任何修改。");
	f = ok; f.convener = UNIT_MJ_GOV;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_msg(strstr(refusal(&w, "请求有误"), "召集单位须为兴宁市或市级的单位") != NULL,
		      "convener of another county: %s", text(&w, "//p[@class='message']"));
	/* A second version on a date that has one. */
	f = ok; f.jur = JUR_MJ; f.date = "2015-06-01"; f.est = UNIT_MJ_BIANBAN;
	f.legal = 0; f.no_legal = 1; f.convener = UNIT_MJ_GOV;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"),
			 "梅江区已有自 2015-06-01 起生效的程序版本；同一天只能有一个版本，"
			 "请选择其他生效日期。未作任何修改。");
	/* No convener; the legal step neither named nor waived, or both. */
	f = ok; f.convener = 0;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "请填写「召集单位」。");
	f = ok; f.legal = 0;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "请选择法制局，或勾选「不设法制局环节」。");
	f = ok; f.no_legal = 1;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "已勾选「不设法制局环节」，请不要同时选择法制局。");
	f = ok; f.date = "";
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "请填写生效日期。");
	f = ok; f.date = "2026-02-30";
	POST_PROCEDURE(&w, &f, 400);
	f = ok; f.jur = 99999;
	POST_PROCEDURE(&w, &f, 400);
	ck_assert_str_eq(refusal(&w, "请求有误"), "行政区域不存在或已停用。");

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
	unused_day(day);
	login_as(&w, "mj_admin", DEMO_PW);
	GET(&w, "/admin/procedures", 200);
	/* Their own county's and the city's, their default. */
	ck_assert_int_eq(count(&w, "//table[@class='procedures']/tbody"), 2);
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-1']/tr[@id='proc-1']"), 1);
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-2']/tr[@id='proc-2']"), 1);
	ck_assert_int_eq(count(&w, "//tbody[@id='jur-4']"), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='jurisdiction_id']/option"), 1);
	ck_assert_str_eq(text(&w, "//select[@id='jurisdiction_id']/option"), COUNTY);
	ck_assert_int_eq(count(&w, "//select[@id='establishment_unit_id']/option[@value='%d']",
			       UNIT_XN_BIANBAN), 0);

	/* Not for the city, nor for another county. */
	struct proc_form city = { JUR_CITY, day, 4, UNIT_CITY_LEGAL, 3, 0, "4", "1", "2" };
	POST_PROCEDURE(&w, &city, 403);
	ck_assert_str_eq(refusal(&w, "无权访问"), "只能管理本行政区域的争议认定程序。");
	struct proc_form xn = xingning_today(today);
	xn.date = day;
	POST_PROCEDURE(&w, &xn, 403);
	ck_assert_str_eq(refusal(&w, "无权访问"), "只能管理本行政区域的争议认定程序。");
	/* Its own, naming a unit of the city: from a later date, so the
	 * demo's stays in force. */
	struct proc_form own = { JUR_MJ, day, UNIT_MJ_BIANBAN, UNIT_CITY_LEGAL,
				 UNIT_MJ_GOV, 0, "4", "2", "5" };
	POST_PROCEDURE(&w, &own, 303);
	GET(&w, "/admin/procedures?done=created", 200);
	snprintf(expr, sizeof expr, PROC_ROW " and td[2]='%s']/@id", JUR_MJ, day);
	long id = id_after(web_xpath_text(&w, expr), "proc-");
	ck_assert_int_gt(id, PROC_MJ);
	ck_assert_str_eq(proc_cell(&w, id, 4), "梅州市法制局");
	ck_assert_str_eq(proc_cell(&w, id, 9), "待生效");
	ck_assert_str_eq(text(&w, "//tr[@id='proc-2']/td[9]"), "现行");
	ck_assert_int_eq(count(&w, PROC_ROW " and td[9]='现行']", JUR_MJ), 1);

	login_as(&admin, "admin", DEMO_PW);
	snprintf(object, sizeof object, "procedure #%ld", id);
	ck_assert_msg(audit_has(&admin, "procedure.create", object), "no procedure.create");
	ck_assert_msg(audit_has(&w, "procedure.create", object), "not in the county's audit log");
	web_free(&admin);
	web_free(&w);
}
END_TEST

START_TEST(operator_is_refused_procedures)
{
	struct web w;
	char body[512];
	login_as(&w, "operator", DEMO_PW);
	GET(&w, "/", 200);
	ck_assert_int_eq(web_xpath_count(&w, "//nav//a[@href='/admin/procedures']"), 0);
	GET(&w, "/admin/procedures", 403);
	snprintf(body, sizeof body,
		 "csrf=%s&jurisdiction_id=4&date=2030-01-01&establishment_unit_id=203"
		 "&no_legal=1&convener_unit_id=202&review_days=3&accept_days=1&opinion_days=2",
		 token_from(&w, "/"));
	POST(&w, "/admin/procedures", body, 403);
	ck_assert_str_eq(text(&w, "//p[@class='message']"), "您的角色无权进行此操作。");
	web_free(&w);
}
END_TEST

START_TEST(calendar_mark_and_reset)
{
	struct web w;
	char body[256];
	const char *cell = "//td[@data-date='2026-12-28']";
	login_as(&w, "admin", DEMO_PW);
	snprintf(body, sizeof body, "csrf=%s&date=2026-12-28&day_kind=holiday&name=%s",
		 token_from(&w, "/calendar?month=2026-12"), web_esc(&w, "测试"));
	POST(&w, "/calendar", body, 303);
	ck_assert_pstr_eq(web_location(&w), "/calendar?month=2026-12&done=saved");
	GET(&w, "/calendar?month=2026-12", 200);
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-12-28']/@class"), "holiday");
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-12-28']/span[@class='state']"), "休息日");
	ck_assert_ptr_nonnull(strstr(text(&w, cell), "测试"));

	snprintf(body, sizeof body, "csrf=%s&date=2026-12-28&day_kind=normal",
		 web_csrf(&w));
	POST(&w, "/calendar", body, 303);
	GET(&w, "/calendar?month=2026-12", 200);
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-12-28']/@class"), "normal");
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-12-28']/span[@class='state']"), "工作日");
	GET(&w, "/audit?q=calendar.set", 200);
	ck_assert_int_ge(count(&w, "//table[@class='audit']/tbody/tr[" ACTION_IS
			       " and contains(td[8], '2026-12-28')]", "calendar.set"), 2);
	web_free(&w);
}
END_TEST

START_TEST(calendar_working_days)
{
	struct web w;
	login_as(&w, "clerk_hrss", DEMO_PW);
	GET(&w, "/calendar?month=2026-02", 200);
	ck_assert_str_eq(text(&w, "//strong[@class='workdays']"), "16");
	/* Saturday 14 February 2026 is a make-up working day (调休). */
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-02-14']/@class"), "workday");
	ck_assert_str_eq(text(&w, "//td[@data-date='2026-02-14']/span[@class='state']"), "工作日");
	/* Only those who may edit the calendar get the form. */
	ck_assert_int_eq(web_xpath_count(&w, "//form[@method='post' and @action='/calendar']"), 0);
	GET(&w, "/calendar?month=2026-10", 200);
	ck_assert_str_eq(text(&w, "//strong[@class='workdays']"), "18");
	GET(&w, "/calendar?month=2026-13", 400);
	web_free(&w);
}
END_TEST

/* ---- bad input ---------------------------------------------------------- */

/* POSTs n bytes of form body to /login; returns the status. */
static long post_big(struct web *w, size_t n)
{
	char *body = malloc(n);
	ck_assert_ptr_nonnull(body);
	memcpy(body, "a=", 2);
	memset(body + 2, 'x', n - 2);
	long st = web_post_raw(w, "/login", body, n, "application/x-www-form-urlencoded");
	free(body);
	return st;
}

START_TEST(body_over_app_limit)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	long st = post_big(&w, 1536 * 1024);
	ck_assert_msg(st == 413, "status %ld %s", st, w.error);
	ck_assert_str_eq(text(&w, "//h1"), "请求内容过大");
	ck_assert_int_eq(web_xpath_count(&w, "//html[@lang='zh-CN']"), 1);
	web_free(&w);
}
END_TEST

START_TEST(body_over_nginx_limit)
{
	struct web w;
	start(&w);
	long st = post_big(&w, 3 * 1024 * 1024);
	ck_assert_msg(st == 413, "status %ld %s", st, w.error);
	ck_assert_str_eq(text(&w, "//h1"), "请求内容过大");
	ck_assert_int_eq(web_xpath_count(&w, "//html[@lang='zh-CN']"), 1);
	web_free(&w);
}
END_TEST

START_TEST(invalid_utf8_in_form)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	POST(&w, "/login", "username=%FF", 400);
	ck_assert_str_eq(text(&w, "//h1"), "请求有误");
	web_free(&w);
}
END_TEST

START_TEST(malformed_escape)
{
	struct web w;
	start(&w);
	POST(&w, "/login", "a=%zz", 400);
	POST(&w, "/login", "a=%4", 400);
	web_free(&w);
}
END_TEST

START_TEST(invalid_utf8_in_query)
{
	struct web w;
	login_as(&w, "admin", DEMO_PW);
	GET(&w, "/admin/users?q=%C0%AF", 400);
	ck_assert_str_eq(text(&w, "//h1"), "请求有误");
	GET(&w, "/admin/users?q=%E6%A2%85", 200);
	web_free(&w);
}
END_TEST

START_TEST(unknown_path)
{
	struct web w;
	start(&w);
	GET(&w, "/no/such/page", 404);
	ck_assert_str_eq(text(&w, "//h1"), "页面不存在");
	ck_assert_int_eq(web_xpath_count(&w, "//html[@lang='zh-CN']"), 1);
	login_as(&w, "clerk_hrss", DEMO_PW);
	GET(&w, "/admin/nothing", 404);
	ck_assert_str_eq(text(&w, "//h1"), "页面不存在");
	web_free(&w);
}
END_TEST

START_TEST(wrong_method)
{
	struct web w;
	start(&w);
	GET(&w, "/logout", 405);
	ck_assert_pstr_eq(web_header(&w, "Allow"), "POST");
	ck_assert_str_eq(text(&w, "//h1"), "请求方式不支持");
	web_free(&w);
}
END_TEST

START_TEST(multipart_is_refused)
{
	struct web w;
	static const char body[] =
		"--XyZ\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n"
		"admin\r\n--XyZ--\r\n";
	start(&w);
	GET(&w, "/login", 200);
	long st = web_post_raw(&w, "/login", body, sizeof body - 1,
			       "multipart/form-data; boundary=XyZ");
	ck_assert_int_eq(st, 415);
	ck_assert_str_eq(text(&w, "//h1"), "格式不支持");
	web_free(&w);
}
END_TEST

START_TEST(missing_required_field)
{
	struct web w;
	char body[512];
	login_as(&w, "admin", DEMO_PW);
	snprintf(body, sizeof body, "csrf=%s&code=noname-%s&kind=department&jurisdiction_id=1",
		 token_from(&w, "/admin/units"), stamp);
	POST(&w, "/admin/units", body, 400);
	ck_assert_str_eq(text(&w, "//p[@class='message']"), "请填写「名称」。");
	web_free(&w);
}
END_TEST

START_TEST(field_too_long)
{
	struct web w;
	char body[512];
	login_as(&w, "admin", DEMO_PW);
	/* Codes are at most 32 characters. */
	snprintf(body, sizeof body,
		 "csrf=%s&code=%s&name=x&kind=department&jurisdiction_id=1",
		 token_from(&w, "/admin/units"), "abcdefghij-abcdefghij-abcdefghij-x");
	POST(&w, "/admin/units", body, 400);
	ck_assert_str_eq(text(&w, "//p[@class='message']"), "「编码」的内容不符合要求。");
	web_free(&w);
}
END_TEST

/* Lengths count characters, as the database does: 150 ASCII letters are
 * refused (400, not a 500 from the column), 100 Chinese characters fit. */
START_TEST(name_length_in_characters)
{
	struct web w;
	char body[4096], name[1024];
	login_as(&w, "admin", DEMO_PW);
	memset(name, 'a', 150);
	name[150] = '\0';
	snprintf(body, sizeof body,
		 "csrf=%s&code=long-%s&name=%s&kind=department&jurisdiction_id=1",
		 token_from(&w, "/admin/units"), stamp, name);
	POST(&w, "/admin/units", body, 400);
	ck_assert_str_eq(text(&w, "//p[@class='message']"), "「名称」的内容不符合要求。");

	/* 100 × 梅 (E6 A2 85), percent-encoded. */
	name[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(name, i == 99 ? "%E5%B1%80" : "%E6%A2%85");
	snprintf(body, sizeof body,
		 "csrf=%s&code=cjk-%s&name=%s&kind=department&jurisdiction_id=1",
		 token_from(&w, "/admin/units"), stamp, name);
	POST(&w, "/admin/units", body, 303);
	GET(&w, "/admin/units", 200);
	char expr[256];
	snprintf(expr, sizeof expr, "//tr[td[text()='cjk-%s']]//a", stamp);
	const char *shown = text(&w, expr);
	ck_assert_uint_eq(strlen(shown), 300); /* 100 three-byte characters */
	web_free(&w);
}
END_TEST

/* ---- headers ------------------------------------------------------------ */

static void check_security_headers(struct web *w, const char *what)
{
	const char *v = web_header(w, "X-Content-Type-Options");
	ck_assert_msg(v && strcmp(v, "nosniff") == 0, "%s: X-Content-Type-Options %s",
		      what, v ? v : "missing");
	v = web_header(w, "X-Frame-Options");
	ck_assert_msg(v && strcmp(v, "DENY") == 0, "%s: X-Frame-Options %s",
		      what, v ? v : "missing");
	v = web_header(w, "Content-Security-Policy");
	ck_assert_msg(v && strstr(v, "default-src") != NULL,
		      "%s: Content-Security-Policy %s", what, v ? v : "missing");
}

START_TEST(security_headers_everywhere)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	check_security_headers(&w, "GET /login");
	GET(&w, "/admin/users", 303);
	check_security_headers(&w, "redirect to sign-in");
	GET(&w, "/no/such/page", 404);
	check_security_headers(&w, "404");
	POST(&w, "/login", "username=admin", 403);
	check_security_headers(&w, "403");

	ck_assert_int_eq(web_login(&w, "admin", DEMO_PW), 303);
	check_security_headers(&w, "sign-in");
	const char *cookie = web_header(&w, "Set-Cookie");
	ck_assert_ptr_nonnull(cookie);
	/* The header may set the pre-login token too: look at hl_sid's line. */
	const char *h = strstr(w.headers, "hl_sid=");
	ck_assert_ptr_nonnull(h);
	char line[512];
	snprintf(line, sizeof line, "%.*s", (int)strcspn(h, "\r\n"), h);
	ck_assert_msg(strstr(line, "HttpOnly") != NULL, "cookie without HttpOnly: %s", line);
	ck_assert_msg(strstr(line, "SameSite=Strict") != NULL,
		      "cookie without SameSite=Strict: %s", line);
	GET(&w, "/", 200);
	check_security_headers(&w, "GET /");
	GET(&w, "/admin/units?jurisdiction_id=x", 400);
	check_security_headers(&w, "400");
	/* nginx's own answers: static files. */
	GET(&w, "/static/style.css", 200);
	check_security_headers(&w, "static file");
	web_free(&w);
}
END_TEST

/* ---- audit chain -------------------------------------------------------- */

START_TEST(audit_chain_intact)
{
	char out[4096];
	int rc = audit_verify(out, sizeof out);
	ck_assert_msg(rc == 0, "audit verify exited %d: %s", rc, out);
	ck_assert_msg(strstr(out, "intact") != NULL, "audit verify said: %s", out);
}
END_TEST

/* ---- session expiry ---------------------------------------------------------- */

/* Runs one SQL statement as root on the test database. */
static void sql_exec(const char *stmt)
{
	char out[4096], sock[1024];
	snprintf(sock, sizeof sock, "--socket=%s/db.sock", env_or_fail("VAR"));
	const char *argv[] = { "mariadb", sock, "-uroot", "hotline", "-e", stmt, NULL };
	int rc = run_cmd(argv, out, sizeof out, NULL, 0);
	ck_assert_msg(rc == 0, "mariadb exited %d: %s", rc, out);
}

/* Ages the sessions of one user as if time had passed. */
static void age_sessions(const char *username, const char *column, const char *interval)
{
	char stmt[512];
	snprintf(stmt, sizeof stmt,
		 "UPDATE sessions s JOIN users u ON u.id = s.user_id"
		 " SET s.%s = UTC_TIMESTAMP() - INTERVAL %s WHERE u.username = '%s'",
		 column, interval, username);
	sql_exec(stmt);
}

START_TEST(session_idle_and_absolute_expiry)
{
	struct web w;
	/* 29 idle minutes: still signed in. */
	login_as(&w, "operator2", DEMO_PW);
	age_sessions("operator2", "last_seen", "29 MINUTE");
	GET(&w, "/", 200);
	/* 31 idle minutes: signed out. */
	age_sessions("operator2", "last_seen", "31 MINUTE");
	GET(&w, "/", 303);
	ck_assert_msg(strncmp(web_location(&w), "/login", 6) == 0, "went to %s",
		      web_location(&w));
	web_free(&w);

	/* Active all along, but 12 hours after sign-in: signed out. */
	login_as(&w, "operator2", DEMO_PW);
	age_sessions("operator2", "created_at", "11 HOUR");
	GET(&w, "/", 200);
	age_sessions("operator2", "created_at", "721 MINUTE");
	GET(&w, "/", 303);
	web_free(&w);
}
END_TEST

/* ---- the database goes away (late: it disturbs everyone) ---------------- */

static void db_start_again(void)
{
	char out[8192];
	if (stack("db-start", out, sizeof out) != 0)
		fprintf(stderr, "test_http: db-start failed:\n%s\n", out);
}

START_TEST(database_down_and_back)
{
	struct web w;
	char out[8192];
	env_or_fail("STACK");
	login_as(&w, "admin", DEMO_PW);
	GET(&w, "/", 200);

	int rc = stack("db-stop", out, sizeof out);
	ck_assert_msg(rc == 0, "db-stop exited %d: %s", rc, out);
	GET(&w, "/", 503);
	ck_assert_str_eq(text(&w, "//h1"), "服务暂时不可用");
	check_security_headers(&w, "503");

	rc = stack("db-start", out, sizeof out);
	ck_assert_msg(rc == 0, "db-start exited %d: %s", rc, out);
	/* The same session, without restarting hotlined. */
	GET(&w, "/", 200);
	ck_assert_str_eq(text(&w, "//h1"), "工作台");
	web_free(&w);
}
END_TEST

/* ---- tampering (last: it breaks the chain) ------------------------------- */

START_TEST(audit_tamper_detected)
{
	char out[4096], sock[1024];
	snprintf(sock, sizeof sock, "--socket=%s/db.sock", env_or_fail("VAR"));
	const char *tamper[] = { "mariadb", sock, "-uroot", "hotline", "-e",
				 "UPDATE audit_log SET detail=CONCAT(detail, 'x') WHERE id=3", NULL };
	int rc = run_cmd(tamper, out, sizeof out, NULL, 0);
	ck_assert_msg(rc == 0, "mariadb exited %d: %s", rc, out);
	rc = audit_verify(out, sizeof out);
	ck_assert_msg(rc == 1, "audit verify exited %d after tampering: %s", rc, out);
	ck_assert_msg(strstr(out, "broken at row 3") != NULL, "audit verify said: %s", out);
	/* Put back, the chain is whole again (the suites after this one check
	 * it too). */
	const char *undo[] = { "mariadb", sock, "-uroot", "hotline", "-e",
			       "UPDATE audit_log SET detail=LEFT(detail, CHAR_LENGTH(detail) - 1)"
			       " WHERE id=3", NULL };
	rc = run_cmd(undo, out, sizeof out, NULL, 0);
	ck_assert_msg(rc == 0, "mariadb exited %d: %s", rc, out);
	rc = audit_verify(out, sizeof out);
	ck_assert_msg(rc == 0 && strstr(out, "intact") != NULL, "audit verify said: %s", out);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static Suite *http_suite(void)
{
	Suite *s = suite_create("http");
	TCase *tc;

	tc = tcase(s, "login", 30);
	tcase_add_test(tc, login_page_is_chinese);
	tcase_add_test(tc, login_with_demo_account);
	tcase_add_test(tc, login_wrong_password);
	tcase_add_test(tc, logout_ends_session);

	tc = tcase(s, "csrf", 30);
	tcase_add_test(tc, csrf_login_without_token);
	tcase_add_test(tc, csrf_forged_token);
	tcase_add_test(tc, csrf_token_of_other_session);

	tc = tcase(s, "lockout", 60);
	tcase_add_test(tc, lockout_after_five_failures);

	tc = tcase(s, "role", 30);
	tcase_add_test(tc, operator_is_refused_administration);
	tcase_add_test(tc, coordinator_reads_audit_only);
	tcase_add_test(tc, anonymous_is_sent_to_login);

	tc = tcase(s, "scope", 30);
	tcase_add_test(tc, county_admin_sees_own_units);
	tcase_add_test(tc, county_admin_cannot_touch_city_user);
	tcase_add_test(tc, county_admin_cannot_add_city_unit);

	tc = tcase(s, "admin", 60);
	tcase_add_test(tc, admin_unit_and_user_lifecycle);
	tcase_add_test(tc, duplicate_unit_code);
	tcase_add_test(tc, calendar_mark_and_reset);
	tcase_add_test(tc, calendar_working_days);

	tc = tcase(s, "categories", 60);
	tcase_add_test(tc, category_tree_create_and_edit);
	tcase_add_test(tc, category_refusals_change_nothing);
	tcase_add_test(tc, county_admin_reads_categories_only);
	tcase_add_test(tc, routing_rule_create_and_deactivate);
	tcase_add_test(tc, county_admin_manages_own_rules);
	tcase_add_test(tc, operator_is_refused_categories);

	tc = tcase(s, "procedures", 60);
	tcase_add_test(tc, procedures_list_demo);
	tcase_add_test(tc, procedure_added_for_county);
	tcase_add_test(tc, procedure_refusals_change_nothing);
	tcase_add_test(tc, county_admin_manages_own_procedure);
	tcase_add_test(tc, operator_is_refused_procedures);

	tc = tcase(s, "input", 60);
	tcase_add_test(tc, body_over_app_limit);
	tcase_add_test(tc, body_over_nginx_limit);
	tcase_add_test(tc, invalid_utf8_in_form);
	tcase_add_test(tc, malformed_escape);
	tcase_add_test(tc, invalid_utf8_in_query);
	tcase_add_test(tc, unknown_path);
	tcase_add_test(tc, wrong_method);
	tcase_add_test(tc, multipart_is_refused);
	tcase_add_test(tc, missing_required_field);
	tcase_add_test(tc, field_too_long);
	tcase_add_test(tc, name_length_in_characters);

	tc = tcase(s, "headers", 30);
	tcase_add_test(tc, security_headers_everywhere);
	tcase_add_test(tc, session_idle_and_absolute_expiry);

	tc = tcase(s, "audit", 30);
	tcase_add_test(tc, audit_chain_intact);

	/* Whatever happens inside, the database is started again. */
	tc = tcase(s, "database-down", 120);
	tcase_add_unchecked_fixture(tc, NULL, db_start_again);
	tcase_add_test(tc, database_down_and_back);

	tc = tcase(s, "audit-tamper", 30);
	tcase_add_test(tc, audit_tamper_detected);
	return s;
}

int main(void)
{
	snprintf(stamp, sizeof stamp, "%lx%x", (unsigned long)time(NULL) & 0xffffff,
		 (unsigned)getpid() & 0xfff);
	return run_suite(http_suite());
}
