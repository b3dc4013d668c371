/* The audit log (审计日志): the office reads it, each action by its Chinese
 * name and each object by its own name, linked to its page for a reader who
 * may open it; its query reads a page of rows by an index and each object
 * by its key; and its hash chain is intact after everything the suites
 * before this one did. Tampering is test_outage's. */
#include <stdio.h>
#include <string.h>

#include "audit_store.h"
#include "entries.h"
#include "orders.h"

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

/* How many texts of the log's table hold s. */
static int table_says(struct web *w, const char *s)
{
	return count(w, "//table[@class='audit']//text()[contains(., '%s')]", s);
}

START_TEST(log_names_actions_and_objects)
{
	struct web ed, ap, op, clerk, co, admin;
	char w1[64], title[256], p[32], num[64], path[128], body[2048], raw[64];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&co, "coordinator");
	sign_in(&admin, "admin");

	/* A knowledge entry submitted and published; an order whose return
	 * its unit asks for. */
	snprintf(title, sizeof title, "养老保险关系转移怎么办理 %s", word(w1, sizeof w1, "au"));
	struct faq q = { title, "养老保险 转移", "public", NULL, "<p>到转入地社保经办机构申请。</p>",
			 NULL, 1 };
	long vid;
	long eid = published_faq(&ed, &ap, &q, &vid);
	struct call c = dispatch_to(phone_no(p, 1701), category_id("养老保险"), jur_id("meizhou"),
				    unit_id("city-hrss"));
	long oid = create(&op, &c, num, sizeof num);
	snprintf(raw, sizeof raw, "%ld", unit_id("city-psb-hz"));
	ACT_ON(&clerk, "orders", oid, "return",
	       form(&clerk, body, sizeof body, "reason", "不属本局职责", "basis", "见本局“三定”规定",
		    "suggested_unit_id", raw, NULL), 303);

	/* The office reads the submission by its name, about the entry by
	 * its title, which opens the entry. */
	GET(&co, "/audit?q=kb.submit", 200);
	pathf(path, sizeof path, "/knowledge/entries/%ld", eid);
	ck_assert_msg(count(&co, "//table[@class='audit']/tbody/tr[td[6]='提交知识审核' and "
				 "td[7]/a[@href='%s' and contains(., '%s')]]", path, title) == 1,
		      "the log does not name the submission of 「%s」:\n%.1500s", title, co.body);
	ck_assert_msg(table_says(&co, "kb.submit") == 0, "the log shows the code kb.submit");
	snprintf(raw, sizeof raw, "#%ld", vid);
	ck_assert_msg(table_says(&co, "kb_version") == 0 && table_says(&co, raw) == 0,
		      "the log shows the version by its number:\n%.1500s", co.body);
	GET(&co, path, 200);
	ck_assert_str_eq(text(&co, "//h1"), title);

	/* The return by its name, about the order by its number. */
	GET(&co, "/audit?q=order.return", 200);
	ck_assert_msg(count(&co, "//table[@class='audit']/tbody/tr[td[6]='申请退回工单' and "
				 "td[7]/a[@href='/orders/%ld' and .='%s']]", oid, num) == 1,
		      "the log does not name the return of %s:\n%.1500s", num, co.body);
	ck_assert_int_eq(table_says(&co, "order.return"), 0);
	snprintf(raw, sizeof raw, "#%ld", oid);
	ck_assert_int_eq(table_says(&co, raw), 0);

	/* The admin does not read the knowledge base: the title, no link. */
	GET(&admin, "/audit?q=kb.submit", 200);
	ck_assert_msg(count(&admin, "//table[@class='audit']/tbody/tr[td[6]='提交知识审核' and "
				    "contains(td[7], '%s') and not(td[7]/a)]", title) == 1,
		      "the admin's log: %.1500s", admin.body);
	/* The admin's own objects open on the admin's pages: a sign-in's
	 * user, by name. */
	GET(&admin, "/audit?q=login", 200);
	ck_assert_int_ge(count(&admin, "//table[@class='audit']/tbody/tr[td[6]='登录' and "
				       "td[7]/a[@href='/admin/users/%ld' and .='%s']]",
			       user_id("admin"), display_name("admin")), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&clerk);
	web_free(&co);
	web_free(&admin);
}
END_TEST

/* "EXPLAIN " and the list's statement, made once (the statement cache is
 * keyed by the text's address). */
static char explain_list[16384];

/* The log's page reads audit_log by an index (no whole-table scan, no
 * temporary table) and every other table by its primary key. */
START_TEST(log_plan_uses_keys)
{
	struct sqlc s;
	sql_open(&s);
	snprintf(explain_list, sizeof explain_list, "EXPLAIN %s", audit_list_sql());
	static const struct { long long jur; const char *q; } cases[] = {
		{ 0, "" }, { 0, "kb.submit" }, { 0, "order" }, { 1, "" }, { 1, "login" },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct dbres res;
		int rc = db_exec(s.db, &s.a, explain_list, &res, DB_I(cases[k].jur),
				 DB_I(cases[k].jur), DB_S(cases[k].q), DB_I(9223372036854775807LL),
				 DB_I(51LL));
		ck_assert_msg(rc == DB_OK, "EXPLAIN: %s", db_error(s.db));
		ck_assert_int_gt(res.nrows, 1);
		for (size_t i = 0; i < res.nrows; i++) {
			const char *table = db_cell(&res, i, 2), *type = db_cell(&res, i, 3);
			const char *key = db_cell(&res, i, 5), *extra = db_cell(&res, i, 9);
			ck_assert_msg(type != NULL && strcmp(type, "ALL") != 0 && key != NULL,
				      "case %zu: %s is read without a key", k, table);
			ck_assert_msg(extra == NULL || strstr(extra, "temporary") == NULL,
				      "case %zu: %s needs a temporary table", k, table);
			if (strcmp(table, "a") != 0)
				ck_assert_msg(strcmp(type, "eq_ref") == 0 &&
					      strcmp(key, "PRIMARY") == 0,
					      "case %zu: %s is read by %s %s", k, table, type, key);
		}
	}
	sql_close(&s);
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
	TCase *tc = tcase(s, "audit", 120);
	tcase_add_test(tc, office_reads_the_audit_log);
	tcase_add_test(tc, log_names_actions_and_objects);
	tcase_add_test(tc, log_plan_uses_keys);
	tcase_add_test(tc, audit_chain_intact);
	return s;
}

int main(void)
{
	return suite_main(audit_suite(), NULL);
}
