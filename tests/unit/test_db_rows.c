/* Typed rows and parameters (db.h): one list of columns gives the SELECT
 * list, the struct and its filling; NULLs read as the list says. Pure: a
 * result made by hand, no server. */
#include <check.h>
#include <string.h>

#include "arena.h"
#include "db.h"

#define PET_ROW(X, S)                        \
	X(S, INT, id, "p.id")                \
	X(S, STR, name, "p.name")            \
	X(S, NSTR, owner, "o.name")          \
	X(S, INT, legs, "p.legs")
DB_ROW_STRUCT(pet_row, PET_ROW);
DB_ROW_COLS(pet_row, PET_ROW);

START_TEST(select_list_follows_the_list)
{
	ck_assert_str_eq("SELECT " DB_COLS(PET_ROW) " FROM pets p",
			 "SELECT p.id, p.name, o.name, p.legs, NULL FROM pets p");
}
END_TEST

START_TEST(rows_are_filled_by_name_and_type)
{
	struct arena a;
	arena_init(&a, 4096);
	const char *cells[] = {
		"7", "旺财", "张三", "4", NULL,
		"8", NULL, NULL, NULL, NULL,
	};
	struct dbres res = { .nrows = 2, .ncols = 5, .cells = cells };
	struct pet_row *p = db_rows(&res, pet_row, &a);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p[0].id, 7);
	ck_assert_str_eq(p[0].name, "旺财");
	ck_assert_str_eq(p[0].owner, "张三");
	ck_assert_int_eq(p[0].legs, 4);
	/* NULL: 0 for INT, "" for STR, NULL kept for NSTR. */
	ck_assert_int_eq(p[1].id, 8);
	ck_assert_str_eq(p[1].name, "");
	ck_assert_ptr_null(p[1].owner);
	ck_assert_int_eq(p[1].legs, 0);
	struct dbres none = { .nrows = 0, .ncols = 5, .cells = NULL };
	ck_assert_ptr_null(db_rows(&none, pet_row, &a));
	arena_free(&a);
}
END_TEST

START_TEST(parameters_carry_their_type)
{
	struct db_param ps[] = { DB_I(42), DB_S("梅州"), DB_S(NULL), DB_B("ab", 2) };
	ck_assert_int_eq(ps[0].type, 'i');
	ck_assert_int_eq(ps[0].i, 42);
	ck_assert_int_eq(ps[1].type, 's');
	ck_assert_int_eq(ps[1].len, strlen("梅州"));
	ck_assert_ptr_null(ps[2].p);
	ck_assert_int_eq(ps[3].type, 'b');
	ck_assert_int_eq(ps[3].len, 2);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("db_rows");
	TCase *tc = tcase_create("db_rows");
	tcase_add_test(tc, select_list_follows_the_list);
	tcase_add_test(tc, rows_are_filled_by_name_and_type);
	tcase_add_test(tc, parameters_carry_their_type);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
