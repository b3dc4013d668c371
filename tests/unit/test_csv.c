/* CSV cells for spreadsheets: quoting, and no cell a spreadsheet would run
 * as a formula (OWASP CSV injection). */
#include <check.h>

#include "arena.h"
#include "csv.h"

static const char *row(const char *const *cells, int n)
{
	static struct arena a;
	static int init;
	if (!init) {
		arena_init(&a, 4096);
		init = 1;
	}
	struct buf b;
	buf_init(&b, &a);
	for (int i = 0; i < n; i++)
		csv_cell(&b, cells[i], i + 1 == n);
	return buf_str(&b);
}

START_TEST(cells_are_quoted)
{
	const char *c[] = { "陈先生", "说\"你好\"", NULL, "a,b" };
	ck_assert_str_eq(row(c, 4), "\"陈先生\",\"说\"\"你好\"\"\",\"\",\"a,b\"\r\n");
}
END_TEST

START_TEST(formulas_stay_text)
{
	const char *c[] = { "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "1=1" };
	ck_assert_str_eq(row(c, 7),
			 "\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-1\",\"'@SUM(A1)\",\"'\tx\","
			 "\"'\rx\",\"1=1\"\r\n");
}
END_TEST

START_TEST(phones_stay_text)
{
	static struct arena a;
	arena_init(&a, 1024);
	struct buf b;
	buf_init(&b, &a);
	csv_phone(&b, "07532212345", 0);
	csv_phone(&b, "0753-2212345", 0);
	csv_phone(&b, "=1+1", 0);
	csv_phone(&b, "138\t=1", 1);
	ck_assert_str_eq(buf_str(&b), "\"\t07532212345\",\"\t0753-2212345\",\"'=1+1\","
				      "\"138\t=1\"\r\n");
	arena_free(&a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");
	tcase_add_test(tc, cells_are_quoted);
	tcase_add_test(tc, formulas_stay_text);
	tcase_add_test(tc, phones_stay_text);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
