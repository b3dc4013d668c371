/* Bad input and what every answer carries: bodies too large for the
 * application and for nginx, broken encodings, unknown paths, wrong
 * methods, multipart bodies, missing and over-long fields (lengths counted
 * in characters, as the database does; issue 11, items 9 and 10), fields
 * given twice, and the security headers on every kind of answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orders.h"
#include "field_columns.h"

#include "form.h"

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
	long st = post_big(&w, (size_t)cfg.body_limit + 512 * 1024);
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

START_TEST(broken_encodings_are_400)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	POST(&w, "/login", "username=%FF", 400);
	ck_assert_str_eq(text(&w, "//h1"), "请求有误");
	POST(&w, "/login", "a=%zz", 400);
	POST(&w, "/login", "a=%4", 400);
	sign_in(&w, "admin");
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
	sign_in(&w, "clerk_hrss");
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

/* A unit form as the city admin posts it, with name and code as given
 * (already encoded), NULL leaving the field out. */
static long post_unit(struct web *w, const char *code, const char *name)
{
	char body[8192];
	int n = snprintf(body, sizeof body, "csrf=%s&kind=department&jurisdiction_id=%ld%s%s%s%s",
			 token_from(w, "/admin/units"), jur_id("meizhou"), code ? "&code=" : "",
			 code ? code : "", name ? "&name=" : "", name ? name : "");
	ck_assert(n > 0 && (size_t)n < sizeof body);
	return web_post(w, "/admin/units", body);
}

START_TEST(missing_and_too_long_fields)
{
	struct web w;
	char code[64];
	sign_in(&w, "admin");
	snprintf(code, sizeof code, "noname-%s", stamp);
	ck_assert_int_eq(post_unit(&w, code, NULL), 400);
	SAYS(&w, "名称");
	/* Codes are at most 32 characters. */
	ck_assert_int_eq(post_unit(&w, "abcdefghij-abcdefghij-abcdefghij-x", "x"), 400);
	SAYS(&w, "编码");
	web_free(&w);
}
END_TEST

/* Lengths count characters, as the database does: 150 ASCII letters are
 * refused (400, not a 500 from the column), 100 Chinese characters fit. */
START_TEST(name_length_in_characters)
{
	struct web w;
	char code[64], name[1024], expr[256];
	sign_in(&w, "admin");
	memset(name, 'a', 150);
	name[150] = '\0';
	snprintf(code, sizeof code, "long-%s", stamp);
	ck_assert_int_eq(post_unit(&w, code, name), 400);
	SAYS(&w, "名称");

	/* 100 characters, percent-encoded: 梅 (E6 A2 85) and 局 last. */
	name[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(name, i == 99 ? "%E5%B1%80" : "%E6%A2%85");
	snprintf(code, sizeof code, "cjk-%s", stamp);
	ck_assert_int_eq(post_unit(&w, code, name), 303);
	GET(&w, "/admin/units", 200);
	snprintf(expr, sizeof expr, "//tr[td[text()='%s']]//a", code);
	ck_assert_uint_eq(strlen(text(&w, expr)), 300); /* 100 three-byte characters */
	web_free(&w);
}
END_TEST

/* Item 9: a value as long as the form allows is stored; one more is 400. */
START_TEST(longest_values_are_stored)
{
	struct web op, clerk, office, editor;
	static char body[65536], longest[16384], past[16384];
	char p[32], num[64], day[11], unit[24];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&office, "coordinator");
	sign_in(&editor, "editor_hrss");
	/* 争议 note: every character three bytes. */
	longest[0] = '\0';
	for (size_t i = 0; i < field_defs[F_NOTE].max_len; i++)
		strcat(longest, "争");
	snprintf(past, sizeof past, "%s议", longest);
	struct call c = dispatch_to(phone_no(p, 21), category_id("养老保险"), jur_id("meizhou"),
				    unit_id("city-hrss"));
	long order = create(&op, &c, num, sizeof num);
	snprintf(unit, sizeof unit, "%ld", unit_id("city-psb-hz"));
	ACT_ON(&clerk, "orders", order, "return",
	       form(&clerk, body, sizeof body, "reason", "该事项不属本单位职责",
		    "basis", "“三定”规定", "suggested_unit_id", unit, NULL), 303);
	ACT_ON(&office, "orders", order, "dispute", form(&office, body, sizeof body, "note", past, NULL),
	       400);
	ACT_ON(&office, "orders", order, "dispute",
	       form(&office, body, sizeof body, "note", longest, NULL), 303);
	/* 申请使用 message. */
	beijing_day(day, 30);
	longest[0] = '\0';
	for (size_t i = 0; i < field_defs[F_MESSAGE].max_len; i++)
		strcat(longest, "授");
	snprintf(past, sizeof past, "%s权", longest);
	ACT(&editor, "/knowledge/grants", form(&editor, body, sizeof body, "unit_id", unit,
					       "message", past, "date", day, NULL), 400);
	ACT(&editor, "/knowledge/grants", form(&editor, body, sizeof body, "unit_id", unit,
					       "message", longest, "date", day, NULL), 303);
	web_free(&op);
	web_free(&clerk);
	web_free(&office);
	web_free(&editor);
}
END_TEST

/* Item 9, for every field: the form lets through no more than the
 * narrowest column that stores it (lengths from information_schema). */
START_TEST(every_field_fits_its_columns)
{
	static const char sql[] =
		"SELECT CHARACTER_MAXIMUM_LENGTH, DATA_TYPE FROM information_schema.COLUMNS"
		" WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?";
	struct sqlc s;
	sql_open(&s);
	char bad[8192] = "";
	size_t checked = 0;
	ck_assert_int_eq(sizeof field_columns / sizeof field_columns[0], F__MAX);
	for (int f = 0; f < F__MAX; f++) {
		ck_assert_msg(strcmp(field_columns[f].field, field_defs[f].name) == 0,
			      "field_columns.h row %d is %s, form.c says %s", f,
			      field_columns[f].field, field_defs[f].name);
		char cols[1024];
		snprintf(cols, sizeof cols, "%s", field_columns[f].columns);
		for (char *save, *c = strtok_r(cols, " ", &save); c; c = strtok_r(NULL, " ", &save)) {
			char table_[128], column[128];
			ck_assert_msg(sscanf(c, "%127[^.].%127s", table_, column) == 2, "bad %s", c);
			/* The audit log cuts its detail (audit_add). */
			if (strcmp(table_, "audit_log") == 0)
				continue;
			struct dbres res;
			ck_assert_int_eq(db_exec(s.db, &s.a, sql, &res, DB_S(table_), DB_S(column)), DB_OK);
			ck_assert_msg(res.nrows == 1, "no column %s (field %s)", c, field_defs[f].name);
			long long width = db_cell(&res, 0, 0) ? db_int(&res, 0, 0) : 0;
			checked++;
			/* TEXT holds 65,535 bytes: 16,383 characters of four. */
			if (strcmp(db_cell(&res, 0, 1), "text") == 0)
				width = 16383;
			if (strcmp(db_cell(&res, 0, 1), "mediumtext") == 0)
				continue;
			if ((long long)field_defs[f].max_len > width)
				snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
					 "\n  %s (%zu) > %s (%lld)", field_defs[f].name,
					 field_defs[f].max_len, c, width);
		}
	}
	sql_close(&s);
	ck_assert_msg(bad[0] == '\0', "fields longer than their columns:%s", bad);
	ck_assert_msg(checked > 40, "only %zu columns checked", checked);
}
END_TEST

/* Item 10: a field given twice is refused unless it is declared
 * repeatable, in a form or in a query string. (A second token:
 * test_csrf.) */
START_TEST(duplicate_fields_are_refused)
{
	struct web op;
	char body[4096];
	long pension = category_id("养老保险");
	sign_in(&op, "operator");
	snprintf(body, sizeof body, "category_id=%ld&category_id=%ld&outcome=dispatch", pension,
		 category_id("公交服务"));
	ACT(&op, "/orders", body, 400);
	SAYS(&op, "问题分类");
	GET(&op, "/knowledge?q=%E7%A4%BE%E4%BF%9D&q=%E5%8C%BB%E4%BF%9D", 400);
	web_free(&op);
}
END_TEST

START_TEST(security_headers_everywhere)
{
	struct web w;
	start(&w);
	GET(&w, "/login", 200);
	assert_security_headers(&w, "GET /login");
	GET(&w, "/admin/users", 303);
	assert_security_headers(&w, "redirect to sign-in");
	GET(&w, "/no/such/page", 404);
	assert_security_headers(&w, "404");
	POST(&w, "/login", "username=admin", 403);
	assert_security_headers(&w, "403");

	ck_assert_int_eq(web_login(&w, "admin", DEMO_PW), 303);
	assert_security_headers(&w, "sign-in");
	/* The header may set the pre-login token too: look at hl_sid's line. */
	const char *h = strstr(w.headers, "hl_sid=");
	ck_assert_ptr_nonnull(h);
	char line[512];
	snprintf(line, sizeof line, "%.*s", (int)strcspn(h, "\r\n"), h);
	ck_assert_msg(strstr(line, "HttpOnly") != NULL, "cookie without HttpOnly: %s", line);
	ck_assert_msg(strstr(line, "SameSite=Strict") != NULL,
		      "cookie without SameSite=Strict: %s", line);
	GET(&w, "/", 200);
	assert_security_headers(&w, "GET /");
	GET(&w, "/admin/units?jurisdiction_id=x", 400);
	assert_security_headers(&w, "400");
	/* nginx's own answers: static files. */
	GET(&w, "/static/style.css", 200);
	assert_security_headers(&w, "static file");
	web_free(&w);
}
END_TEST

static Suite *input_suite(void)
{
	Suite *s = suite_create("input");
	TCase *tc = tcase(s, "input", 60);
	tcase_add_test(tc, body_over_app_limit);
	tcase_add_test(tc, body_over_nginx_limit);
	tcase_add_test(tc, broken_encodings_are_400);
	tcase_add_test(tc, unknown_path);
	tcase_add_test(tc, wrong_method);
	tcase_add_test(tc, multipart_is_refused);
	tcase_add_test(tc, missing_and_too_long_fields);
	tcase_add_test(tc, name_length_in_characters);
	tc = tcase(s, "lengths", 120);
	tcase_add_test(tc, longest_values_are_stored);
	tcase_add_test(tc, every_field_fits_its_columns);
	tcase_add_test(tc, duplicate_fields_are_refused);
	tc = tcase(s, "headers", 60);
	tcase_add_test(tc, security_headers_everywhere);
	return s;
}

int main(void)
{
	return suite_main(input_suite(), NULL);
}
