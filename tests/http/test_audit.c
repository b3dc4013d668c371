/* The audit log (审计日志): the office reads it, and its hash chain is
 * intact after everything the suites before this one did. Tampering is
 * test_outage's. */
#include <string.h>

#include "harness.h"

START_TEST(office_reads_the_audit_log)
{
	struct web w;
	sign_in(&w, "coordinator");
	GET(&w, "/audit", 200);
	ck_assert_str_eq(text(&w, "//h1"), "审计日志");
	ck_assert_int_gt(web_xpath_count(&w, "//table[@class='audit']/tbody/tr"), 0);
	/* Beijing time like every page: the layout says so, not the column. */
	ck_assert_str_eq(text(&w, "//table[@class='audit']/thead/tr/th[2]"), "时间");
	ck_assert_int_eq(count(&w, "//footer[contains(., '时间均为北京时间')]"), 1);
	/* Its own sign-in is there, as 登录; no action shows as its code. */
	ck_assert_int_ge(audit_shows(&w, "login", NULL, NULL), 1);
	ck_assert_int_ge(count(&w, "//table[@class='audit']/tbody/tr[td[6]='登录']"), 1);
	GET(&w, "/audit", 200);
	ck_assert_msg(count(&w, "//table[@class='audit']/tbody/tr/td[6][contains(., '.') or "
				"contains(., '_') or contains(., 'login') or contains(., 'logout')]") == 0,
		      "an action shows as its code: %s",
		      text(&w, "//table[@class='audit']/tbody/tr/td[6][contains(., '.') or "
			       "contains(., '_') or contains(., 'login') or contains(., 'logout')]"));
	web_free(&w);
}
END_TEST

START_TEST(audit_chain_intact)
{
	char out[4096];
	int rc = hotlinectl(out, sizeof out, NULL, 0, "audit", "verify", NULL);
	ck_assert_msg(rc == 0, "audit verify exited %d: %s", rc, out);
	ck_assert_msg(strstr(out, "intact") != NULL, "audit verify said: %s", out);
}
END_TEST

static Suite *audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase(s, "audit", 60);
	tcase_add_test(tc, office_reads_the_audit_log);
	tcase_add_test(tc, audit_chain_intact);
	return s;
}

int main(void)
{
	return suite_main(audit_suite(), NULL);
}
