/* The printed 争议认定表 (dispute.c: dispute_form_cut): where a long cell is
 * cut for its continuation page (附页) — counted in characters, at a
 * sentence end in the second half when there is one, never inside a
 * UTF-8 sequence. */
#include <check.h>
#include <string.h>

#include "dispute.h"

/* n copies of the character c (buf has room). */
static const char *repeat(char *buf, const char *c, int n)
{
	size_t len = strlen(c);
	for (int i = 0; i < n; i++)
		memcpy(buf + (size_t)i * len, c, len);
	buf[(size_t)n * len] = '\0';
	return buf;
}

START_TEST(short_text_is_whole)
{
	ck_assert_uint_eq(dispute_form_cut("", 10), 0);
	ck_assert_uint_eq(dispute_form_cut("abc", 10), 3);
	/* Exactly the limit, in characters not bytes: 10 × 3 bytes. */
	char buf[256];
	repeat(buf, "字", 10);
	ck_assert_uint_eq(dispute_form_cut(buf, 10), strlen(buf));
	ck_assert_uint_eq(strlen(buf), 30);
}
END_TEST

START_TEST(long_text_cut_at_limit_characters)
{
	char buf[256];
	repeat(buf, "字", 11);
	ck_assert_uint_eq(dispute_form_cut(buf, 10), 30);
	/* ASCII and CJK mixed: 5 + 5 characters fit, the 11th does not. */
	ck_assert_uint_eq(dispute_form_cut("abcde一二三四五六", 10), 5 + 15);
	/* A four-byte character is one character and is never split. */
	ck_assert_uint_eq(dispute_form_cut("一二三四五六七八九😀十", 10), 9 * 3 + 4);
}
END_TEST

START_TEST(cut_after_sentence_end_in_second_half)
{
	/* 。 is the 7th of 10: the cell ends there. */
	const char *s = "一二三四五六。七八九十壹贰";
	ck_assert_uint_eq(dispute_form_cut(s, 10), 7 * 3);
	/* The last of several sentence ends wins. */
	ck_assert_uint_eq(dispute_form_cut("一二三四五；七八？十壹贰", 10), 9 * 3);
	/* ！ and a line break count too. */
	ck_assert_uint_eq(dispute_form_cut("一二三四五六！八九十壹", 10), 7 * 3);
	ck_assert_uint_eq(dispute_form_cut("一二三四五六\n八九十壹", 10), 6 * 3 + 1);
}
END_TEST

START_TEST(sentence_end_in_first_half_ignored)
{
	/* 。 as the 2nd character would leave the cell nearly empty. */
	ck_assert_uint_eq(dispute_form_cut("一。三四五六七八九十壹", 10), 10 * 3);
	/* ASCII '.' is not a sentence end here (numbers, abbreviations). */
	ck_assert_uint_eq(dispute_form_cut("abcdefg.ijkl", 10), 10);
}
END_TEST

START_TEST(form_sized_text_cut_on_a_character)
{
	/* A cell of the form's size: the cut lands on a character boundary. */
	char buf[1024];
	repeat(buf, "字", 300);
	size_t cut = dispute_form_cut(buf, 299);
	ck_assert_uint_eq(cut % 3, 0);
	ck_assert_uint_eq(cut, 299 * 3);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("dispute_form");
	TCase *c = tcase_create("cut");
	tcase_add_test(c, short_text_is_whole);
	tcase_add_test(c, long_text_cut_at_limit_characters);
	tcase_add_test(c, cut_after_sentence_end_in_second_half);
	tcase_add_test(c, sentence_end_in_first_half_ignored);
	tcase_add_test(c, form_sized_text_cut_on_a_character);
	suite_add_tcase(s, c);
	return s;
}

#include "check_main.h"
