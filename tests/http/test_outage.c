/* What disturbs everyone, so run after the suites that need the database
 * and an intact audit chain (and before test_faults): the database stops
 * and comes back under a signed-in session, and a tampered audit row is
 * found by hotlinectl audit verify, then put back. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* Whatever happens inside a test, the database is started again. */
static void db_start_again(void)
{
	char out[8192];
	const char *argv[] = { "bash", getenv("STACK") ? getenv("STACK") : "", "db-start", NULL };
	if (run_cmd(argv, out, sizeof out, NULL, 0) != 0)
		fprintf(stderr, "test_outage: db-start failed:\n%s\n", out);
}

START_TEST(database_down_and_back)
{
	struct web w;
	sign_in(&w, "admin");
	GET(&w, "/", 200);
	stack("db-stop");
	GET(&w, "/", 503);
	ck_assert_msg(strstr(text(&w, "//h1"), "暂时不可用") != NULL, "the 503 page says 「%s」",
		      text(&w, "//h1"));
	assert_security_headers(&w, "503");
	stack("db-start");
	/* The same session, without restarting hotlined. */
	GET(&w, "/", 200);
	ck_assert_str_eq(text(&w, "//h1"), "工作台");
	web_free(&w);
}
END_TEST

START_TEST(audit_tamper_detected)
{
	static const char tamper[] =
		"UPDATE audit_log SET detail = CONCAT(detail, 'x') WHERE id = ?";
	static const char undo[] =
		"UPDATE audit_log SET detail = LEFT(detail, CHAR_LENGTH(detail) - 1) WHERE id = ?";
	char out[4096], want[64];
	sql_exec(tamper, DB_I(3LL));
	int rc = hotlinectl(out, sizeof out, NULL, 0, "audit", "verify", NULL);
	snprintf(want, sizeof want, "broken at row %d", 3);
	ck_assert_msg(rc == 1, "audit verify exited %d after tampering: %s", rc, out);
	ck_assert_msg(strstr(out, want) != NULL, "audit verify said: %s", out);
	/* Put back, the chain is whole again (test_faults checks it too). */
	sql_exec(undo, DB_I(3LL));
	rc = hotlinectl(out, sizeof out, NULL, 0, "audit", "verify", NULL);
	ck_assert_msg(rc == 0 && strstr(out, "intact") != NULL, "audit verify said: %s", out);
}
END_TEST

static Suite *outage_suite(void)
{
	Suite *s = suite_create("outage");
	TCase *tc = tcase(s, "database-down", 120);
	tcase_add_unchecked_fixture(tc, NULL, db_start_again);
	tcase_add_test(tc, database_down_and_back);
	tc = tcase(s, "audit-tamper", 60);
	tcase_add_test(tc, audit_tamper_detected);
	return s;
}

int main(void)
{
	return suite_main(outage_suite(), NULL);
}
