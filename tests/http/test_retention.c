/* 个人信息保存期限 (PIPL, issue 15): past the period the city's office
 * sets, the sweep clears callers' names and phones in finished orders;
 * open orders and recent ones keep theirs, the order itself and the
 * statistics stay, and the change is in the audit log. */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "orders.h"

/* The caller as the office's order page shows them. */
static const char *caller_of(struct web *w, long id, char *buf, size_t size)
{
	char path[64];
	GET(w, pathf(path, sizeof path, "/orders/%ld", id), 200);
	char name[128];
	snprintf(name, sizeof name, "%s", text(w, "//dt[.='来电人']/following-sibling::dd[1]"));
	snprintf(buf, size, "%s|%s", name, text(w, "//dd[@class='o-phone']"));
	return buf;
}

START_TEST(callers_are_cleared_past_the_retention_period)
{
	struct web coord, mj;
	char num[4][64], phone[4][32], body[256], buf[256];
	sign_in(&coord, "coordinator");
	sign_in(&mj, "mj_coordinator");
	long hrss = unit_id("city-hrss"), city = jur_id("meizhou"), cat = category_id("养老保险");
	/* Four orders: closed 40 months ago, closed 13 months ago, closed
	 * 40 months ago but reopened (still open), answered 40 months ago;
	 * and a call referred to another channel 40 months ago. */
	const struct raw rows[4] = {
		{ raw_number(num[0], "r-old"), phone_no(phone[0], 401), "closed", NULL, NULL,
		  city, cat, hrss, 40 * 31, 0 },
		{ raw_number(num[1], "r-recent"), phone_no(phone[1], 402), "closed", NULL, NULL,
		  city, cat, hrss, 13 * 31, 0 },
		{ raw_number(num[2], "r-open"), phone_no(phone[2], 403), "accepted", NULL, NULL,
		  city, cat, hrss, 40 * 31, 0 },
		{ raw_number(num[3], "r-answered"), phone_no(phone[3], 404), "answered", NULL, NULL,
		  city, cat, 0, 40 * 31, 0 },
	};
	long id[4];
	for (int i = 0; i < 4; i++)
		id[i] = raw_order(&rows[i]);
	char rnum[64], rphone[32];
	long referred = raw_order(&(struct raw){ raw_number(rnum, "r-referred"), phone_no(rphone, 405),
						"referred", NULL, NULL, city,
						category_id("火灾险情"), 0, 40 * 31, 0 });

	/* The default period is three years: only the old finished ones go. */
	GET(&coord, "/orders/retention", 200);
	ck_assert_str_eq(text(&coord, "//strong[@class='months']"), "36");
	run_sweep();
	ck_assert_str_eq(caller_of(&coord, id[0], buf, sizeof buf),
			 "（超过保存期限，已清除）|（超过保存期限，已清除）");
	ck_assert_str_eq(caller_of(&coord, id[3], buf, sizeof buf),
			 "（超过保存期限，已清除）|（超过保存期限，已清除）");
	ck_assert_str_eq(caller_of(&coord, referred, buf, sizeof buf),
			 "（超过保存期限，已清除）|（超过保存期限，已清除）");
	char want[128];
	snprintf(want, sizeof want, "测试来电人|%s", phone[1]);
	ck_assert_str_eq(caller_of(&coord, id[1], buf, sizeof buf), want);
	snprintf(want, sizeof want, "测试来电人|%s", phone[2]);
	ck_assert_str_eq(caller_of(&coord, id[2], buf, sizeof buf), want);
	/* gone from the database, not only from the page; the order stays */
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE caller_phone = ?",
				  DB_S(phone[0])), 0);
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE number = ? AND state = 'closed'",
				  DB_S(num[0])), 1);
	ck_assert_int_gt(audit_shows(&coord, "order.sweep", NULL, "已清除"), 0);

	/* A county's office reads the period; out of range is refused. */
	ACT(&mj, "/orders/retention", form(&mj, body, sizeof body, "retain_months", "12", NULL), 403);
	ACT(&coord, "/orders/retention", form(&coord, body, sizeof body, "retain_months", "2", NULL),
	    400);
	/* A year: the 13-month-old order goes at the next sweep. */
	ACT(&coord, "/orders/retention", form(&coord, body, sizeof body, "retain_months", "12", NULL),
	    303);
	GET(&coord, "/orders/retention", 200);
	ck_assert_str_eq(text(&coord, "//strong[@class='months']"), "12");
	ck_assert_int_eq(audit_shows(&coord, "order.retention", NULL, "12 个月"), 1);
	run_sweep();
	ck_assert_str_eq(caller_of(&coord, id[1], buf, sizeof buf),
			 "（超过保存期限，已清除）|（超过保存期限，已清除）");
	/* back to the default for the other suites */
	ACT(&coord, "/orders/retention", form(&coord, body, sizeof body, "retain_months", "36", NULL),
	    303);
	web_free(&coord);
	web_free(&mj);
}
END_TEST

/* The sweep also clears what is kept only for a while: sessions past
 * their lifetime (already refused) and the failure counts of the login
 * and /status throttles whose window ended. A session in use, and a
 * window still running, stay. */
START_TEST(the_sweep_clears_ended_sessions_and_failure_windows)
{
	struct web live, idle;
	sign_in(&live, "coordinator");
	sign_in(&idle, "operator");
	long op = user_id("operator");
	sql_exec("UPDATE sessions SET last_seen = UTC_TIMESTAMP() - INTERVAL 31 MINUTE"
		 " WHERE user_id = ?", DB_I(op));
	ck_assert_int_gt(sql_long("SELECT COUNT(*) FROM sessions WHERE user_id = ?", DB_I(op)), 0);
	/* one address whose window ended a minute ago, one whose runs */
#define TWO_WINDOWS(table) "INSERT INTO " table " (client_addr, window_start, failures)" \
	" VALUES ('198.51.100.7', UTC_TIMESTAMP() - INTERVAL 16 MINUTE, 9),"          \
	" ('198.51.100.8', UTC_TIMESTAMP() - INTERVAL 14 MINUTE, 9)"                  \
	" ON DUPLICATE KEY UPDATE window_start = VALUES(window_start), failures = 9"
	sql_exec0(TWO_WINDOWS("login_throttle"));
	sql_exec0(TWO_WINDOWS("status_throttle"));
#undef TWO_WINDOWS
	run_sweep();
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM sessions WHERE user_id = ?", DB_I(op)), 0);
	GET(&idle, "/", 303);
	GET(&live, "/", 200);
	ck_assert_int_eq(sql_long0("SELECT COUNT(*) FROM login_throttle"
				   " WHERE client_addr = '198.51.100.7'"), 0);
	ck_assert_int_eq(sql_long0("SELECT COUNT(*) FROM status_throttle"
				   " WHERE client_addr = '198.51.100.7'"), 0);
	ck_assert_int_eq(sql_long0("SELECT COUNT(*) FROM login_throttle"
				   " WHERE client_addr = '198.51.100.8'"), 1);
	ck_assert_int_eq(sql_long0("SELECT COUNT(*) FROM status_throttle"
				   " WHERE client_addr = '198.51.100.8'"), 1);
	sql_exec0("DELETE FROM login_throttle WHERE client_addr = '198.51.100.8'");
	sql_exec0("DELETE FROM status_throttle WHERE client_addr = '198.51.100.8'");
	web_free(&live);
	web_free(&idle);
}
END_TEST

static Suite *retention_suite(void)
{
	Suite *s = suite_create("retention");
	TCase *tc = tcase(s, "retention", 60);
	tcase_add_test(tc, callers_are_cleared_past_the_retention_period);
	tcase_add_test(tc, the_sweep_clears_ended_sessions_and_failure_windows);
	return s;
}

int main(void)
{
	return suite_main(retention_suite(), NULL);
}
