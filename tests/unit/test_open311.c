/* Open311's values (open311.c): W3C datetimes read and written in
 * Beijing time, id lists, status filters, key limits, and the attributes
 * a service definition asks for. */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "open311.h"

START_TEST(datetimes_are_read_with_their_zone)
{
	time_t t;
	ck_assert_int_eq(o311_parse_time("2026-12-07T10:00:00+08:00", &t), 0);
	ck_assert_int_eq((long long)t, 1796608800LL);
	time_t u;
	ck_assert_int_eq(o311_parse_time("2026-12-07T02:00:00Z", &u), 0);
	ck_assert_int_eq((long long)u, (long long)t);
	ck_assert_int_eq(o311_parse_time("2026-12-07T02:00Z", &u), 0);
	ck_assert_int_eq((long long)u, (long long)t);
	ck_assert_int_eq(o311_parse_time("2026-12-07T02:00:00.250Z", &u), 0);
	ck_assert_int_eq(o311_parse_time("2026-12-06T21:00:00-05:00", &u), 0);
	ck_assert_int_eq((long long)u, (long long)t);
	ck_assert_int_eq(o311_parse_time("2026-12-07", &u), 0);
	static const char *const bad[] = {
		"2026-12-07T10:00:00", "2026-13-01T00:00Z", "2026-02-30T00:00Z",
		"2026-12-07 10:00:00Z", "yesterday", "", "2026-12-07T24:00Z",
		"2026-12-07T10:00:00+08", "2026-12-07T10:00:00Zjunk", "1969-12-31T00:00Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(o311_parse_time(bad[i], &u) == -1, "%s parsed", bad[i]);
	ck_assert_int_eq(o311_parse_time("2028-02-29T00:00Z", &u), 0);
	ck_assert_int_eq(o311_parse_time("2026-02-29T00:00Z", &u), -1);
}
END_TEST

START_TEST(datetimes_are_written_in_beijing_time)
{
	char out[26];
	o311_time("2026-12-07 02:00:00", out);
	ck_assert_str_eq(out, "2026-12-07T10:00:00+08:00");
	o311_time("2026-12-31 20:30:05", out);
	ck_assert_str_eq(out, "2027-01-01T04:30:05+08:00");
	o311_time("2026-12-11", out);   /* a deadline: the end of its day */
	ck_assert_str_eq(out, "2026-12-11T23:59:59+08:00");
	o311_time(NULL, out);
	ck_assert_str_eq(out, "");
	o311_time("junk", out);
	ck_assert_str_eq(out, "");
	char db[20];
	o311_db_time(1796608800, db);
	ck_assert_str_eq(db, "2026-12-07 02:00:00");
}
END_TEST

START_TEST(id_lists_and_filters)
{
	struct arena a;
	arena_init(&a, 4096);
	const char **ids;
	size_t n;
	ck_assert_int_eq(o311_id_list(&a, "meizhou-20261207-0001,meizhou-20261207-0002", 5, &ids, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(ids[1], "meizhou-20261207-0002");
	ck_assert_int_eq(o311_id_list(&a, "a,b,c", 2, &ids, &n), -1);
	ck_assert_int_eq(o311_id_list(&a, "a,,b", 5, &ids, &n), -1);
	ck_assert_int_eq(o311_id_list(&a, "a;b", 5, &ids, &n), -1);
	ck_assert_int_eq(o311_id_list(&a, "", 5, &ids, &n), -1);
	ck_assert_int_eq(o311_id_list(&a, "a,", 5, &ids, &n), -1);
	ck_assert_uint_eq(o311_status_filter("open"), 1);
	ck_assert_uint_eq(o311_status_filter("closed"), 2);
	ck_assert_uint_eq(o311_status_filter("open,closed"), 3);
	ck_assert_uint_eq(o311_status_filter("opened"), 0);
	ck_assert_uint_eq(o311_status_filter("open,"), 0);
	ck_assert(o311_key_allows("", 7));
	ck_assert(o311_key_allows("3,7,22", 7));
	ck_assert(o311_key_allows("3,7,22", 22));
	ck_assert(!o311_key_allows("3,7,22", 2));
	ck_assert(!o311_key_allows("17", 7));
	ck_assert_int_eq(o311_format_from("json"), O311_JSON);
	ck_assert_int_eq(o311_format_from("xml"), O311_XML);
	ck_assert_int_eq(o311_format_from("html"), -1);
	ck_assert(o311_path("/open311/v2/services.json"));
	ck_assert(!o311_path("/open311"));
	ck_assert_int_eq(o311_path_format("/open311/v2/x.xml"), O311_XML);
	ck_assert_int_eq(o311_path_format("/open311/v2/x.html"), O311_JSON);
	char h[65];
	o311_key_hash("k", h);
	ck_assert_uint_eq(strlen(h), 64);
	arena_free(&a);
}
END_TEST

START_TEST(attributes_are_checked_against_the_definition)
{
	struct arena a;
	arena_init(&a, 4096);
	const struct o311_attr_def defs[] = {
		{ "pole", "string", "灯杆编号", "", 1 },
		{ "kind", "singlevaluelist", "故障类型", "dark=不亮\nflicker=闪烁", 0 },
		{ "count", "number", "数量", "", 0 },
	};
	const char *stored = NULL;
	const struct o311_attr ok[] = { { "pole", "MZ-0012" }, { "kind", "flicker" } };
	ck_assert_ptr_null(o311_check_attrs(&a, defs, 3, ok, 2, &stored));
	ck_assert_str_eq(stored, "pole=MZ-0012\nkind=flicker\n");
	const struct o311_attr missing[] = { { "kind", "dark" } };
	ck_assert_ptr_nonnull(strstr(o311_check_attrs(&a, defs, 3, missing, 1, &stored), "pole"));
	const struct o311_attr empty[] = { { "pole", "" } };
	ck_assert_ptr_nonnull(o311_check_attrs(&a, defs, 3, empty, 1, &stored));
	const struct o311_attr unknown[] = { { "pole", "1" }, { "colour", "red" } };
	ck_assert_ptr_nonnull(strstr(o311_check_attrs(&a, defs, 3, unknown, 2, &stored), "colour"));
	const struct o311_attr badkey[] = { { "pole", "1" }, { "kind", "broken" } };
	ck_assert_ptr_nonnull(o311_check_attrs(&a, defs, 3, badkey, 2, &stored));
	const struct o311_attr badnum[] = { { "pole", "1" }, { "count", "three" } };
	ck_assert_ptr_nonnull(o311_check_attrs(&a, defs, 3, badnum, 2, &stored));
	const struct o311_attr lines[] = { { "pole", "1\n2" } };
	ck_assert_ptr_nonnull(o311_check_attrs(&a, defs, 3, lines, 1, &stored));
	arena_free(&a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("open311");
	TCase *tc = tcase_create("open311");
	tcase_add_test(tc, datetimes_are_read_with_their_zone);
	tcase_add_test(tc, datetimes_are_written_in_beijing_time);
	tcase_add_test(tc, id_lists_and_filters);
	tcase_add_test(tc, attributes_are_checked_against_the_definition);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
