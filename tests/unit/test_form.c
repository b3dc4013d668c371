/* Request parsing at the boundary: urlencoded forms, UTF-8, validators,
 * cookies. */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "http.h"

static struct arena a;

static void setup(void) { arena_init(&a, 4096); }
static void teardown(void) { arena_free(&a); }

static int parse(const char *s, struct kvlist *l)
{
	return form_parse_urlencoded(&a, s, strlen(s), l);
}

START_TEST(test_form_basic)
{
	struct kvlist l;
	ck_assert_int_eq(parse("a=1&b=hello+world&c=%E6%A2%85%E5%B7%9E&d", &l), 0);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(kv_get(&l, "a"), "1");
	ck_assert_str_eq(kv_get(&l, "b"), "hello world");
	ck_assert_str_eq(kv_get(&l, "c"), "梅州");
	ck_assert_str_eq(kv_get(&l, "d"), "");
	ck_assert_ptr_null(kv_get(&l, "e"));
}
END_TEST

START_TEST(test_form_empty_parts)
{
	struct kvlist l;
	ck_assert_int_eq(parse("", &l), 0);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_int_eq(parse("&&a=%41&&", &l), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(kv_get(&l, "a"), "A");
	/* The first of repeated keys wins. */
	ck_assert_int_eq(parse("k=1&k=2", &l), 0);
	ck_assert_str_eq(kv_get(&l, "k"), "1");
}
END_TEST

START_TEST(test_form_rejects_bad_escapes)
{
	struct kvlist l;
	ck_assert_int_eq(parse("a=%", &l), -1);
	ck_assert_int_eq(parse("a=%4", &l), -1);
	ck_assert_int_eq(parse("a=%zz", &l), -1);
	ck_assert_int_eq(parse("a%2=1", &l), -1);
}
END_TEST

START_TEST(test_form_rejects_bad_utf8)
{
	struct kvlist l;
	ck_assert_int_eq(parse("a=%FF", &l), -1);          /* never valid */
	ck_assert_int_eq(parse("a=%C0%AF", &l), -1);       /* overlong '/' */
	ck_assert_int_eq(parse("a=%ED%A0%80", &l), -1);    /* surrogate */
	ck_assert_int_eq(parse("a=%F4%90%80%80", &l), -1); /* above U+10FFFF */
	ck_assert_int_eq(parse("a=%E6%A2", &l), -1);       /* truncated */
	ck_assert_int_eq(parse("a=x%00y", &l), -1);        /* embedded NUL */
	ck_assert_int_eq(parse("a=%F0%9F%98%80", &l), 0);  /* emoji is fine */
}
END_TEST

START_TEST(test_utf8_valid)
{
	ck_assert(utf8_valid("梅州市12345", strlen("梅州市12345")));
	ck_assert(!utf8_valid("\x80", 1));
	ck_assert(!utf8_valid("\xe6\xa2", 2));
	ck_assert(!utf8_valid("a\0b", 3));
	ck_assert(utf8_valid("", 0));
}
END_TEST

static int check(enum field f, const char *raw, struct fval *v)
{
	return field_check(f, raw, raw ? strlen(raw) : 0, v);
}

START_TEST(test_field_validators)
{
	struct fval v;
	ck_assert_int_eq(check(F_USERNAME, "clerk_hrss", &v), 0);
	ck_assert(v.present);
	ck_assert_int_eq(check(F_USERNAME, "bad name", &v), -1);
	ck_assert_int_eq(check(F_USERNAME, "用户", &v), -1);
	ck_assert_int_eq(check(F_USERNAME, NULL, &v), 0);
	ck_assert(!v.present);
	ck_assert_int_eq(check(F_USERNAME, "", &v), 0);
	ck_assert(!v.present);
	/* Only spaces (ASCII or the ideographic U+3000) means not filled in. */
	ck_assert_int_eq(check(F_REASON, "  \n", &v), 0);
	ck_assert(!v.present);
	ck_assert_int_eq(check(F_REASON, " \xE3\x80\x80 ", &v), 0);
	ck_assert(!v.present);
	ck_assert_int_eq(check(F_REASON, " 理由 ", &v), 0);
	ck_assert(v.present);
	/* Integers: range-checked, no trailing garbage, no overflow. */
	ck_assert_int_eq(check(F_UNIT_ID, "42", &v), 0);
	ck_assert_int_eq(v.i, 42);
	ck_assert_int_eq(check(F_UNIT_ID, "0", &v), -1);
	ck_assert_int_eq(check(F_UNIT_ID, "-1", &v), -1);
	ck_assert_int_eq(check(F_UNIT_ID, "12x", &v), -1);
	ck_assert_int_eq(check(F_UNIT_ID, " 12", &v), -1);
	ck_assert_int_eq(check(F_UNIT_ID, "99999999999999999999", &v), -1);
	/* Dates. */
	ck_assert_int_eq(check(F_DATE, "2026-02-29", &v), -1);
	ck_assert_int_eq(check(F_DATE, "2026-10-01", &v), 0);
	/* One-line text refuses control characters; length is in bytes. */
	ck_assert_int_eq(check(F_NAME, "梅州市人社局", &v), 0);
	ck_assert_int_eq(check(F_NAME, "a\nb", &v), -1);
	char long_name[300];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	ck_assert_int_eq(check(F_NAME, long_name, &v), -1);
	/* CSRF tokens are printable ASCII only. */
	ck_assert_int_eq(check(F_CSRF, "abc def", &v), -1);
	ck_assert_int_eq(check(F_CSRF, "0123abcd", &v), 0);
	/* A checkbox is present or not. */
	ck_assert_int_eq(check(F_ACTIVE, "1", &v), 0);
	ck_assert_int_eq(v.i, 1);
}
END_TEST

START_TEST(test_form_ints)
{
	struct arena ar;
	arena_init(&ar, 4096);
	struct kvlist l;
	long long v[3];
	size_t n = 99;
	const char *q = "dispute_id=7&q=x&dispute_id=3&dispute_id=&dispute_id=7&dispute_id=12";
	ck_assert_int_eq(form_parse_urlencoded(&ar, q, strlen(q), &l), 0);
	ck_assert_int_eq(form_ints(&l, F_DISPUTE_ID, v, 3, &n), 0);
	ck_assert_uint_eq(n, 3);        /* blank skipped, the second 7 dropped */
	ck_assert(v[0] == 7 && v[1] == 3 && v[2] == 12);
	ck_assert_int_eq(form_ints(&l, F_DISPUTE_ID, v, 2, &n), -2);
	ck_assert_int_eq(form_ints(&l, F_COOP_UNIT_ID, v, 3, &n), 0);
	ck_assert_uint_eq(n, 0);
	const char *bad[] = { "dispute_id=1&dispute_id=x", "dispute_id=0", "dispute_id=-4" };
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(form_parse_urlencoded(&ar, bad[i], strlen(bad[i]), &l), 0);
		ck_assert_msg(form_ints(&l, F_DISPUTE_ID, v, 3, &n) == -1, "%s accepted", bad[i]);
	}
	arena_free(&ar);
}
END_TEST

START_TEST(test_cookie)
{
	const char *h = "a=1; hl_sid=abc123; hl_sid2=zzz";
	ck_assert_str_eq(http_cookie(&a, h, "hl_sid"), "abc123");
	ck_assert_str_eq(http_cookie(&a, h, "a"), "1");
	ck_assert_str_eq(http_cookie(&a, h, "hl_sid2"), "zzz");
	ck_assert_ptr_null(http_cookie(&a, h, "hl"));
	ck_assert_ptr_null(http_cookie(&a, "", "hl_sid"));
}
END_TEST

/* What a user typed, without the spaces around it, the ideographic one
 * of a Chinese input method too; inner spaces stay. */
START_TEST(test_form_trim)
{
	struct arena t;
	arena_init(&t, 1024);
	ck_assert_str_eq(form_trim(&t, "  路灯 设施\t"), "路灯 设施");
	ck_assert_str_eq(form_trim(&t, "\xE3\x80\x80meizhou-1\xE3\x80\x80 "), "meizhou-1");
	ck_assert_str_eq(form_trim(&t, " \xE3\x80\x80 "), "");
	ck_assert_str_eq(form_trim(&t, ""), "");
	arena_free(&t);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("parse");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_form_basic);
	tcase_add_test(tc, test_form_empty_parts);
	tcase_add_test(tc, test_form_rejects_bad_escapes);
	tcase_add_test(tc, test_form_rejects_bad_utf8);
	tcase_add_test(tc, test_utf8_valid);
	tcase_add_test(tc, test_field_validators);
	tcase_add_test(tc, test_cookie);
	tcase_add_test(tc, test_form_ints);
	tcase_add_test(tc, test_form_trim);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
