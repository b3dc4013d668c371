/* The assessment's formula (K10) on hand-made records: rates, the weighted
 * score with parts that do not apply left out, the ranking, the sample's
 * size, the months in Beijing time, and the chart geometry. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "chart.h"

static const struct assess_formula equal = { 1, { 20, 20, 20, 20, 20 }, 5, 100 };

START_TEST(rates_from_counts)
{
	/* 8 of 10 changes in time, 2 of 2 updates, 30 of 40 entries reviewed:
	 * (8 + 2 + 30) / (10 + 2 + 40) = 40 / 52 = 769 per mille. */
	const struct assess_counts c = {
		.changes = 10, .changes_on_time = 8, .updates = 2, .updates_on_time = 2,
		.entries = 40, .reviewed = 30, .fields_empty = 4, .gaps_open = 10,
		.calls = 200, .calls_one = 150, .qa_marked = 20, .qa_accurate = 19,
		.lint_entries = 10,
	};
	int r[AP__MAX];
	assess_rates(&c, r);
	ck_assert_int_eq(r[AP_TIMELY], 769);
	/* (40 - 4) / (40 + 10): an open gap is an entry owed */
	ck_assert_int_eq(r[AP_COMPLETE], 720);
	ck_assert_int_eq(r[AP_ONECALL], 750);
	ck_assert_int_eq(r[AP_ACCURATE], 950);
	ck_assert_int_eq(r[AP_QUALITY], 750);
	/* equal weights: (769 + 720 + 750 + 950 + 750) / 5 = 787.8 */
	ck_assert_int_eq(assess_score(&equal, r), 788);
}
END_TEST

START_TEST(parts_that_do_not_apply_are_left_out)
{
	/* No calls, no sample: the score is the mean of the other three. */
	const struct assess_counts c = { .entries = 10, .reviewed = 10, .lint_entries = 5 };
	int r[AP__MAX];
	assess_rates(&c, r);
	ck_assert_int_eq(r[AP_ONECALL], -1);
	ck_assert_int_eq(r[AP_ACCURATE], -1);
	ck_assert_int_eq(r[AP_TIMELY], 1000);
	ck_assert_int_eq(r[AP_COMPLETE], 1000);
	ck_assert_int_eq(r[AP_QUALITY], 500);
	ck_assert_int_eq(assess_score(&equal, r), 833);
	/* a unit with nothing at all has no score */
	const struct assess_counts none = { 0 };
	assess_rates(&none, r);
	ck_assert_int_eq(assess_score(&equal, r), -1);
}
END_TEST

START_TEST(weights_change_the_score_not_the_rates)
{
	const int r[AP__MAX] = { 1000, 1000, 500, 500, 1000 };
	const struct assess_formula calls_count = { 2, { 10, 10, 40, 30, 10 }, 5, 100 };
	ck_assert_int_eq(assess_score(&equal, r), 800);
	/* (10*1000 + 10*1000 + 40*500 + 30*500 + 10*1000) / 100 = 650 */
	ck_assert_int_eq(assess_score(&calls_count, r), 650);
	/* a weight of 0 drops its part */
	const struct assess_formula only_calls = { 3, { 0, 0, 100, 0, 0 }, 5, 100 };
	ck_assert_int_eq(assess_score(&only_calls, r), 500);
}
END_TEST

START_TEST(formula_checks)
{
	struct assess_formula f = equal;
	ck_assert_ptr_null(assess_formula_check(&f));
	f.w[2] = 101;
	ck_assert_ptr_nonnull(assess_formula_check(&f));
	f = (struct assess_formula){ 1, { 0, 0, 0, 0, 0 }, 5, 100 };
	ck_assert_ptr_nonnull(assess_formula_check(&f));
	f = equal;
	f.sample_pct = 0;
	ck_assert_ptr_nonnull(assess_formula_check(&f));
}
END_TEST

START_TEST(ranking_shares_places_and_skips_unscored)
{
	const int score[] = { 800, 950, 800, -1, 700 };
	int rank[5];
	assess_rank(score, 5, rank);
	ck_assert_int_eq(rank[1], 1);
	ck_assert_int_eq(rank[0], 2);
	ck_assert_int_eq(rank[2], 2);
	ck_assert_int_eq(rank[4], 4);
	ck_assert_int_eq(rank[3], 0);
}
END_TEST

START_TEST(sample_size_share_minimum_and_population)
{
	ck_assert_int_eq(assess_sample_size(&equal, 10000), 500);  /* 5% */
	ck_assert_int_eq(assess_sample_size(&equal, 1000), 100);   /* at least 100 */
	ck_assert_int_eq(assess_sample_size(&equal, 40), 40);      /* no more than there are */
	ck_assert_int_eq(assess_sample_size(&equal, 0), 0);
	ck_assert_int_eq(assess_sample_size(&equal, 2001), 101);   /* rounded up */
}
END_TEST

START_TEST(months_in_beijing_time)
{
	int y, m;
	ck_assert_int_eq(assess_month_parse("2026-11", &y, &m), 0);
	ck_assert_int_eq(y, 2026);
	ck_assert_int_eq(m, 11);
	ck_assert_int_eq(assess_month_parse("2026-13", &y, &m), -1);
	ck_assert_int_eq(assess_month_parse("2026-1", &y, &m), -1);
	ck_assert_int_eq(assess_month_parse("2026-11x", &y, &m), -1);
	ck_assert_int_eq(assess_month_parse(NULL, &y, &m), -1);
	char from[20], to[20], first[11], next[11], s[8];
	assess_month_utc(2026, 1, from, to);
	ck_assert_str_eq(from, "2025-12-31 16:00:00");
	ck_assert_str_eq(to, "2026-01-31 16:00:00");
	assess_month_days(2026, 12, first, next);
	ck_assert_str_eq(first, "2026-12-01");
	ck_assert_str_eq(next, "2027-01-01");
	y = 2026, m = 1;
	assess_month_add(&y, &m, -11);
	assess_month_format(y, m, s);
	ck_assert_str_eq(s, "2025-02");
	assess_tenths(788, s);
	ck_assert_str_eq(s, "78.8");
	assess_permille(-1, s);
	ck_assert_str_eq(s, "—");
	assess_permille(1000, s);
	ck_assert_str_eq(s, "100.0%");
}
END_TEST

START_TEST(chart_geometry)
{
	ck_assert_int_eq(chart_y(0), CHART_BOTTOM);
	ck_assert_int_eq(chart_y(1000), CHART_TOP);
	ck_assert_int_eq(chart_y(500), (CHART_BOTTOM + CHART_TOP) / 2);
	ck_assert_int_lt(chart_slot_x(0, 12), chart_slot_x(11, 12));
	ck_assert_int_gt(chart_slot_x(0, 12), CHART_LEFT);
	ck_assert_int_lt(chart_slot_x(11, 12), CHART_RIGHT);
	ck_assert_int_eq(chart_len(50, 100, 300), 150);
	ck_assert_int_eq(chart_len(5, 0, 300), 0);
	ck_assert_int_eq(chart_bin(1000), 9);
	ck_assert_int_eq(chart_bin(899), 8);
	ck_assert_int_eq(chart_bin(0), 0);
	struct arena a;
	arena_init(&a, 1024);
	const int v[3] = { 1000, -1, 0 };
	char *p = chart_points(&a, v, 3);
	/* the month without data is left out of the line */
	char want[64];
	snprintf(want, sizeof want, "%d,%d %d,%d", chart_slot_x(0, 3), CHART_TOP,
		 chart_slot_x(2, 3), CHART_BOTTOM);
	ck_assert_str_eq(p, want);
	const int none[2] = { -1, -1 };
	ck_assert_str_eq(chart_points(&a, none, 2), "");
	arena_free(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("assess");
	TCase *tc = tcase_create("formula");
	tcase_add_test(tc, rates_from_counts);
	tcase_add_test(tc, parts_that_do_not_apply_are_left_out);
	tcase_add_test(tc, weights_change_the_score_not_the_rates);
	tcase_add_test(tc, formula_checks);
	tcase_add_test(tc, ranking_shares_places_and_skips_unscored);
	tcase_add_test(tc, sample_size_share_minimum_and_population);
	tcase_add_test(tc, months_in_beijing_time);
	tcase_add_test(tc, chart_geometry);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
