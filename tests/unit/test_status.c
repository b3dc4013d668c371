/* What a caller is told and sees (status.c): the 查询码 drawn without
 * bias from the alphabet, typed back in any case and spacing, stored
 * hashed with its order number; the public timeline's words; and the
 * likely-duplicate rule (order_dupes.c). */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "order_dupes.h"
#include "status.h"

START_TEST(codes_come_from_the_alphabet)
{
	unsigned char rnd[64];
	for (int i = 0; i < 64; i++)
		rnd[i] = (unsigned char)(i * 37 + 11);
	char code[QCODE_LEN + 1];
	ck_assert_int_eq(qcode_from_bytes(rnd, sizeof rnd, code), 0);
	ck_assert_uint_eq(strlen(code), QCODE_LEN);
	for (const char *p = code; *p; p++)
		ck_assert_ptr_nonnull(strchr(QCODE_ALPHABET, *p));
	/* Bytes at or above the largest multiple of 31 (248) are skipped,
	 * so each character is equally likely. */
	const unsigned char high[] = { 248, 255, 250, 0, 1, 2, 3, 4, 30 };
	ck_assert_int_eq(qcode_from_bytes(high, sizeof high, code), 0);
	ck_assert_str_eq(code, "ABCDE9");
	const unsigned char few[] = { 0, 1, 255, 255, 2 };
	ck_assert_int_eq(qcode_from_bytes(few, sizeof few, code), -1);
	/* The system's source gives different codes. */
	char a[QCODE_LEN + 1], b[QCODE_LEN + 1];
	ck_assert_int_eq(qcode_new(a), 0);
	ck_assert_int_eq(qcode_new(b), 0);
	ck_assert_str_ne(a, b);
	/* Nothing a caller could misread. */
	ck_assert_ptr_null(strpbrk(QCODE_ALPHABET, "01OIL"));
}
END_TEST

START_TEST(typed_codes_are_normalised)
{
	char code[QCODE_LEN + 1];
	ck_assert_int_eq(qcode_normalize("abc-d9e", code), 0);
	ck_assert_str_eq(code, "ABCD9E");
	ck_assert_int_eq(qcode_normalize(" AB CD 9E ", code), 0);
	ck_assert_str_eq(code, "ABCD9E");
	ck_assert_int_eq(qcode_normalize("ABCD9", code), -1);
	ck_assert_int_eq(qcode_normalize("ABCD9EF", code), -1);
	ck_assert_int_eq(qcode_normalize("ABCD0E", code), -1);   /* 0 is not in it */
	ck_assert_int_eq(qcode_normalize("ABCDÉE", code), -1);
	ck_assert_int_eq(qcode_normalize("", code), -1);
}
END_TEST

START_TEST(codes_are_stored_hashed_with_their_number)
{
	char h1[65], h2[65], h3[65];
	qcode_hash("meizhou-20261207-0001", "ABCD9E", h1);
	qcode_hash("meizhou-20261207-0002", "ABCD9E", h2);
	qcode_hash("meizhou-20261207-0001", "ABCD9F", h3);
	ck_assert_uint_eq(strlen(h1), 64);
	ck_assert_str_ne(h1, h2);
	ck_assert_str_ne(h1, h3);
	ck_assert_ptr_null(strstr(h1, "ABCD9E"));
	/* SHA-256 of "meizhou-20261207-0001:ABCD9E", as sha256sum prints it. */
	ck_assert_str_eq(h1, "793203f41c14a56f2424976ead53c2b6460b109c5112acf404c29f7635c0e2ea");
}
END_TEST

START_TEST(last_four_digits)
{
	ck_assert(status_last_four("1234"));
	ck_assert(!status_last_four("123"));
	ck_assert(!status_last_four("12345"));
	ck_assert(!status_last_four("12a4"));
	ck_assert(!status_last_four(""));
}
END_TEST

START_TEST(the_public_timeline_hides_inner_steps)
{
	ck_assert_str_eq(status_event_label("dispatch"), "已受理，交办");
	ck_assert(status_event_names_unit("dispatch"));
	ck_assert_str_eq(status_event_label("close"), "已办结");
	ck_assert(!status_event_names_unit("close"));
	static const char *const hidden[] = {
		"note", "urge", "return", "refuse_return", "dispute", "temporary", "coop",
		"overdue", "reminder", "",
	};
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
		ck_assert_msg(status_event_label(hidden[i]) == NULL, "%s shows", hidden[i]);
}
END_TEST

START_TEST(duplicates_by_phone_or_place_and_content)
{
	struct arena a;
	arena_init(&a, 4096);
	ck_assert_int_eq(order_dup_reason(&a, "13800138000", "", "a", "13800138000", "", "b"),
			 DUP_PHONE);
	ck_assert_int_eq(order_dup_reason(&a, "", "", "a", "", "", "a"), DUP_NONE);
	ck_assert_int_eq(order_dup_reason(&a, "", "梅江区江南路12号", "路灯不亮已经三天了晚上很黑",
					  "13900000000", "梅江区江南路12号门口",
					  "江南路12号路灯不亮三天了"),
			 DUP_PLACE_CONTENT);
	/* The same place, another matter. */
	ck_assert_int_eq(order_dup_reason(&a, "", "梅江区江南路12号", "路灯不亮已经三天了晚上很黑",
					  "", "梅江区江南路12号", "餐馆油烟扰民，噪音很大"),
			 DUP_NONE);
	/* The same matter, another place. */
	ck_assert_int_eq(order_dup_reason(&a, "", "梅江区江南路12号", "路灯不亮已经三天了",
					  "", "兴宁市兴城镇人民路8号", "路灯不亮已经三天了"),
			 DUP_NONE);
	ck_assert(order_similarity(&a, "路灯不亮", "路灯不亮") > 0.99);
	ck_assert(order_similarity(&a, "", "路灯") == 0);
	ck_assert(order_similarity(&a, "路灯不亮", "噪音扰民") < 0.01);
	arena_free(&a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("status");
	TCase *tc = tcase_create("status");
	tcase_add_test(tc, codes_come_from_the_alphabet);
	tcase_add_test(tc, typed_codes_are_normalised);
	tcase_add_test(tc, codes_are_stored_hashed_with_their_number);
	tcase_add_test(tc, last_four_digits);
	tcase_add_test(tc, the_public_timeline_hides_inner_steps);
	tcase_add_test(tc, duplicates_by_phone_or_place_and_content);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
