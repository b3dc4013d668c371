/* Signing in and out (issue 11, items 6 and 7): the sign-in page, one
 * answer to every failed sign-in, the lock-out, the per-address limit,
 * sessions that end when idle, when old, on sign-out and when the password
 * changes. Who may use which page: test_access. Tokens: test_csrf. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define NEW_PW "Start2026a"

/* The answer to a failed sign-in, whatever the reason, and what it must
 * tell the user. */
static const char *login_alert(struct web *w)
{
	return text(w, "//*[@role='alert' or @class='alert']");
}

START_TEST(login_page_is_chinese)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	ck_assert_int_eq(web_xpath_count(&w, "//html[@lang='zh-CN']"), 1);
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
	ck_assert_str_eq(name, display_name("admin"));
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
	ck_assert_msg(strstr(login_alert(&w), "用户名或密码错误") != NULL, "the page says 「%s」",
		      login_alert(&w));
	ck_assert_int_eq(web_sets_cookie(&w, "hl_sid"), 0);
	/* The username is kept in the form, the password is not. */
	ck_assert_str_eq(text(&w, "//input[@id='username']/@value"), "operator");
	ck_assert_int_eq(count(&w, "//input[@id='password'][@value!='']"), 0);
	/* A good password afterwards clears the failure count. */
	ck_assert_int_eq(web_login(&w, "operator", DEMO_PW), 303);
	web_free(&w);
}
END_TEST

START_TEST(logout_ends_session)
{
	struct web w;
	sign_in(&w, "coordinator");
	ACT(&w, "/logout", NULL, 303);
	ck_assert_pstr_eq(web_location(&w), "/login");
	GET(&w, "/", 303);
	const char *loc = web_location(&w);
	ck_assert_msg(loc != NULL && strncmp(loc, "/login", 6) == 0,
		      "after logout / redirects to %s", loc ? loc : "(nothing)");
	web_free(&w);
}
END_TEST

/* A visitor is sent to sign in and back to the page asked for; a form
 * posted without a session says so and links the sign-in page. */
START_TEST(visitor_is_sent_to_login)
{
	struct web w;
	start(&w);
	GET(&w, "/admin/users", 303);
	const char *loc = web_location(&w);
	ck_assert_msg(loc != NULL && strncmp(loc, "/login?next=", 12) == 0 &&
			      strstr(loc, "admin") != NULL, "Location %s", loc ? loc : "(none)");
	char body[512];
	form(&w, body, sizeof body, "csrf", token_from(&w, "/login"), "code", "x", "name", "x",
	     NULL);
	POST(&w, "/admin/units", body, 403);
	ck_assert_int_eq(web_xpath_count(&w, "//a[@href='/login']"), 1);
	web_free(&w);
}
END_TEST

/* Five failures lock the account; the page says the same each time (it
 * tells an attacker nothing), the audit log says when the lock came. */
START_TEST(lockout_after_five_failures)
{
	struct web admin, u;
	char username[64], failed[512], path[128];
	sign_in(&admin, "admin");
	snprintf(username, sizeof username, "lock_%s", stamp);
	create_user(&admin, username, "锁定测试", unit_id("city-hrss"), "clerk", NEW_PW);

	start(&u);
	ck_assert_int_eq(web_login(&u, username, "Wrong2026x"), 403);
	snprintf(failed, sizeof failed, "%s", login_alert(&u));
	ck_assert_msg(failed[0] != '\0', "no message after a failed sign-in");
	for (int i = 2; i <= 5; i++) {
		ck_assert_int_eq(web_login(&u, username, "Wrong2026x"), 403);
		ck_assert_str_eq(login_alert(&u), failed);
	}
	/* The right password no longer helps, and the answer is the same. */
	ck_assert_int_eq(web_login(&u, username, NEW_PW), 403);
	ck_assert_str_eq(login_alert(&u), failed);
	ck_assert_int_eq(web_sets_cookie(&u, "hl_sid"), 0);

	ck_assert_int_ge(audit_shows(&admin, "user.lockout", NULL, username), 1);
	/* The users list marks the account. */
	GET(&admin, pathf(path, sizeof path, "/admin/users?q=%s", username), 200);
	ck_assert_int_eq(count(&admin, "//table[@class='users']/tbody/tr[td[1]/a='%s'"
				       " and contains(td[5], '已锁定')]", username), 1);
	web_free(&u);
	web_free(&admin);
}
END_TEST

/* Item 7: unknown, wrong and locked answer alike; one address cannot lock
 * out the city. */
START_TEST(login_answers_alike_and_addresses_are_limited)
{
	struct web admin, w, other;
	char name[64], msg_unknown[512], msg_wrong[512];
	sign_in(&admin, "admin");
	snprintf(name, sizeof name, "acc_l%s", stamp);
	create_user(&admin, name, "访问测试用户", unit_id("city-hrss"), "clerk", NEW_PW);
	/* An address of this run's own. */
	start(&w);
	own_address(&w, 1);
	ck_assert_int_eq(web_login(&w, "acc_nobody_at_all", "Whatever2026x"), 403);
	snprintf(msg_unknown, sizeof msg_unknown, "%s", login_alert(&w));
	ck_assert_int_eq(web_login(&w, name, "Wrong2026xx"), 403);
	snprintf(msg_wrong, sizeof msg_wrong, "%s", login_alert(&w));
	ck_assert_str_eq(msg_unknown, msg_wrong);
	ck_assert_msg(msg_wrong[0] != '\0', "no message");
	for (int i = 0; i < 5; i++)
		web_login(&w, name, "Wrong2026xx");
	/* Locked now (the audit log says so); the page does not. */
	ck_assert_int_eq(web_login(&w, name, NEW_PW), 403);
	ck_assert_str_eq(login_alert(&w), msg_wrong);
	ck_assert_msg(audit_shows(&admin, "login.locked", NULL, NULL) > 0 && body_has(&admin, name),
		      "the audit log does not name the lock-out");

	/* Spraying: failures up to the address's limit, then even a right
	 * password from that address is refused, while others sign in. */
	for (long i = 0; i < cfg.login_addr_max; i++)
		web_login(&w, "acc_spray", "Spray2026xx");
	ck_assert_int_eq(web_login(&w, "operator", DEMO_PW), 403);
	ck_assert_str_eq(login_alert(&w), msg_wrong);
	sign_in(&other, "operator");
	web_free(&other);
	ck_assert_msg(audit_shows(&admin, "login.throttled", NULL, NULL) > 0 &&
			      body_has(&admin, "operator"), "no login.throttled record");
	web_free(&w);
	web_free(&admin);
}
END_TEST

/* Item 6: changing one's own password ends one's other sessions. */
START_TEST(own_password_change_ends_other_sessions)
{
	struct web admin, a, b;
	char name[64], body[1024];
	sign_in(&admin, "admin");
	snprintf(name, sizeof name, "acc_p%s", stamp);
	create_user(&admin, name, "访问测试用户", unit_id("city-hrss"), "clerk", NEW_PW);
	login_as(&a, name, NEW_PW);
	login_as(&b, name, NEW_PW);
	GET(&b, "/", 200);
	POST(&a, "/account/password",
	     form(&a, body, sizeof body, "csrf", token_from(&a, "/account/password"),
		  "password", NEW_PW, "new_password", "Changed2026b", "new_password2",
		  "Changed2026b", NULL), 200);
	ck_assert_msg(count(&a, "//p[@class='notice']") == 1, "no notice");
	GET(&a, "/", 200);
	GET(&b, "/", 303);
	ck_assert_msg(strncmp(web_location(&b), "/login", 6) == 0, "to %s", web_location(&b));
	web_free(&admin);
	web_free(&a);
	web_free(&b);
}
END_TEST

/* Ages the sessions of one user as if time had passed. */
static void age_sessions(const char *username, const char *column, int minutes)
{
	static const char last_seen[] =
		"UPDATE sessions s JOIN users u ON u.id = s.user_id"
		" SET s.last_seen = UTC_TIMESTAMP() - INTERVAL ? MINUTE WHERE u.username = ?";
	static const char created_at[] =
		"UPDATE sessions s JOIN users u ON u.id = s.user_id"
		" SET s.created_at = UTC_TIMESTAMP() - INTERVAL ? MINUTE WHERE u.username = ?";
	sql_exec(strcmp(column, "last_seen") == 0 ? last_seen : created_at, DB_I((long long)minutes), DB_S(username));
}

START_TEST(session_idle_and_absolute_expiry)
{
	struct web w;
	/* 29 idle minutes: still signed in; 31: signed out. */
	sign_in(&w, "operator2");
	age_sessions("operator2", "last_seen", 29);
	GET(&w, "/", 200);
	age_sessions("operator2", "last_seen", 31);
	GET(&w, "/", 303);
	ck_assert_msg(strncmp(web_location(&w), "/login", 6) == 0, "went to %s",
		      web_location(&w));
	web_free(&w);

	/* Active all along, but 12 hours after sign-in: signed out. */
	sign_in(&w, "operator2");
	age_sessions("operator2", "created_at", 11 * 60);
	GET(&w, "/", 200);
	age_sessions("operator2", "created_at", 721);
	GET(&w, "/", 303);
	web_free(&w);
}
END_TEST

static Suite *auth_suite(void)
{
	Suite *s = suite_create("auth");
	TCase *tc = tcase(s, "login", 60);
	tcase_add_test(tc, login_page_is_chinese);
	tcase_add_test(tc, login_with_demo_account);
	tcase_add_test(tc, login_wrong_password);
	tcase_add_test(tc, logout_ends_session);
	tcase_add_test(tc, visitor_is_sent_to_login);
	tc = tcase(s, "lockout", 120);
	tcase_add_test(tc, lockout_after_five_failures);
	tcase_add_test(tc, login_answers_alike_and_addresses_are_limited);
	tc = tcase(s, "sessions", 60);
	tcase_add_test(tc, own_password_change_ends_other_sessions);
	tcase_add_test(tc, session_idle_and_absolute_expiry);
	return s;
}

int main(void)
{
	return suite_main(auth_suite(), NULL);
}
