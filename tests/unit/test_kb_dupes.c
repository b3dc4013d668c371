/* Near-duplicate entries (K10.2): MinHash candidates checked against the
 * exact all-pairs answer on generated texts. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb_dupes.h"

static struct arena a;
static uint64_t rng = 0x2545F4914F6CDD1DULL;

/* xorshift64: the same texts on every run. */
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)((rng >> 11) % n);
}

/* A sentence of 20..39 random common 汉字 and an ideographic full stop. */
static void sentence(struct buf *b)
{
	for (unsigned i = 0, n = 20 + rnd(20); i < n; i++) {
		unsigned c = 0x4E00 + rnd(3000);
		char u[3] = { (char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
			      (char)(0x80 | (c & 0x3F)) };
		buf_add(b, u, 3);
	}
	buf_puts(b, "。");
}

/* A text of n sentences, one per element of s (a sentence is kept as its
 * own string so a copy can change some). */
static char *join(char *const *s, size_t n)
{
	struct buf b;
	buf_init(&b, &a);
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, s[i]);
	return buf_str(&b);
}

static char *new_sentence(void)
{
	struct buf b;
	buf_init(&b, &a);
	sentence(&b);
	return buf_str(&b);
}

#define NS 10

static char *new_text(void)
{
	char *s[NS];
	for (size_t i = 0; i < NS; i++)
		s[i] = new_sentence();
	return join(s, NS);
}

static size_t find(const struct kb_dupe_doc *d, size_t n, struct kb_dupe_pair **p)
{
	return kb_dupes_find(&a, d, n, 0.8, p);
}

START_TEST(identical_texts_pair_with_one)
{
	char *t = new_text();
	const struct kb_dupe_doc d[] = { { 7, 1, t }, { 3, 2, new_text() }, { 5, 1, t } };
	struct kb_dupe_pair *p;
	ck_assert_uint_eq(find(d, 3, &p), 1);
	ck_assert_uint_eq(p[0].a, 5);
	ck_assert_uint_eq(p[0].b, 7);
	ck_assert(p[0].jaccard == 1.0);
	/* Too short for a 3-gram: the text is its one shingle. */
	const struct kb_dupe_doc s[] = { { 1, 1, "户" }, { 2, 1, "户。" }, { 3, 1, "户口" } };
	ck_assert_uint_eq(find(s, 3, &p), 1);
	ck_assert_uint_eq(p[0].a, 1);
	ck_assert_uint_eq(p[0].b, 2);
}
END_TEST

START_TEST(one_sentence_changed_still_pairs)
{
	char *s[12];
	for (size_t i = 0; i < 12; i++)
		s[i] = new_sentence();
	char *x = join(s, 12);
	s[6] = new_sentence();
	char *y = join(s, 12);
	double j = kb_dupes_jaccard(&a, x, y);
	ck_assert(j >= 0.8 && j < 1.0);
	const struct kb_dupe_doc d[] = { { 1, 1, x }, { 2, 9, y } };
	struct kb_dupe_pair *p;
	ck_assert_uint_eq(find(d, 2, &p), 1);
	ck_assert(p[0].jaccard == j);
}
END_TEST

START_TEST(unrelated_and_empty_texts_never_pair)
{
	const struct kb_dupe_doc d[] = {
		{ 1, 1, new_text() }, { 2, 1, new_text() }, { 3, 2, "" }, { 4, 2, "" },
		{ 5, 3, "，。！？ …" }, { 6, 3, "，。！？ …" }, { 7, 3, "  " },
	};
	struct kb_dupe_pair *p;
	ck_assert_uint_eq(find(d, 7, &p), 0);
	ck_assert_ptr_null(p);
	ck_assert(kb_dupes_jaccard(&a, d[0].text, d[1].text) < 0.1);
	ck_assert(kb_dupes_jaccard(&a, "", "") == 0.0);
	ck_assert(kb_dupes_jaccard(&a, "", d[0].text) == 0.0);
	ck_assert_uint_eq(find(d, 1, &p), 0);
}
END_TEST

START_TEST(full_and_half_width_are_the_same)
{
	const char *x = "社保卡ＡＰＰ下载：登录后点击“补办”，填写１２３４５６号。";
	const char *y = "社保卡app下载:登录后点击\"补办\",填写 123456 号.";
	ck_assert(kb_dupes_jaccard(&a, x, y) == 1.0);
	const struct kb_dupe_doc d[] = { { 1, 1, x }, { 2, 1, y } };
	struct kb_dupe_pair *p;
	ck_assert_uint_eq(find(d, 2, &p), 1);
	ck_assert(kb_dupes_jaccard(&a, x, "社保卡app下载登录后点击补办填写123457号") < 1.0);
}
END_TEST

/* ~200 docs: 60 unrelated texts and near copies of them (one to three
 * sentences replaced, dropped or added, copies of copies); the pairs
 * found are exactly the pairs with exact Jaccard >= 0.8. */
START_TEST(pairs_match_brute_force)
{
	enum { BASES = 60, N = 200 };
	static char *sent[N][NS + 1];
	static size_t ns[N];
	struct kb_dupe_doc d[N];
	for (size_t i = 0; i < N; i++) {
		if (i < BASES) {
			ns[i] = NS;
			for (size_t k = 0; k < NS; k++)
				sent[i][k] = new_sentence();
		} else {
			size_t from = rnd((unsigned)i);
			ns[i] = ns[from];
			memcpy(sent[i], sent[from], sizeof sent[i]);
			for (unsigned e = 0, ne = 1 + rnd(3); e < ne; e++) {
				unsigned k = rnd((unsigned)ns[i]), op = rnd(3);
				if (op == 0 || (op == 1 && ns[i] < 4) || (op == 2 && ns[i] > NS))
					sent[i][k] = new_sentence();
				else if (op == 1)
					memmove(&sent[i][k], &sent[i][k + 1],
						(--ns[i] - k) * sizeof sent[i][0]);
				else
					sent[i][ns[i]++] = new_sentence();
			}
		}
		d[i] = (struct kb_dupe_doc){ (unsigned)(5000 - 3 * i), (unsigned)(i % 7),
					     join(sent[i], ns[i]) };
	}
	struct kb_dupe_pair *p;
	size_t n = find(d, N, &p), k = 0, near = 0;
	for (size_t j = N; j-- > 1;)           /* ids grow as the index falls */
		for (size_t i = j; i-- > 0;) {
			double jac = kb_dupes_jaccard(&a, d[j].text, d[i].text);
			near += jac >= 0.6;
			if (jac < 0.8)
				continue;
			ck_assert_uint_lt(k, n);
			ck_assert_uint_eq(p[k].a, d[j].id);
			ck_assert_uint_eq(p[k].b, d[i].id);
			ck_assert(p[k].jaccard == jac);
			k++;
		}
	ck_assert_uint_eq(k, n);
	ck_assert_uint_ge(n, 20);              /* the set does test something */
	ck_assert_uint_gt(near, n);            /* and has pairs near the threshold */
}
END_TEST

START_TEST(many_identical_docs_stay_bounded)
{
	enum { N = 500 };
	static struct kb_dupe_doc d[N];
	static char seen[N];
	char *t = new_text();
	for (size_t i = 0; i < N; i++)
		d[i] = (struct kb_dupe_doc){ (unsigned)i, 1, t };
	struct kb_dupe_pair *p;
	size_t n = find(d, N, &p);
	ck_assert_uint_ge(n, N - 1);
	ck_assert_uint_lt(n, N * (N - 1) / 2);
	for (size_t k = 0; k < n; k++) {
		ck_assert(p[k].jaccard == 1.0);
		ck_assert_uint_lt(p[k].a, p[k].b);
		seen[p[k].a] = seen[p[k].b] = 1;
	}
	for (size_t i = 0; i < N; i++)
		ck_assert_int_eq(seen[i], 1);
}
END_TEST

START_TEST(twenty_thousand_docs_return)
{
	enum { N = 20000 };
	struct kb_dupe_doc *d = malloc(N * sizeof *d);
	ck_assert_ptr_nonnull(d);
	for (size_t i = 0; i < N; i++) {
		const char *t = i > 0 && rnd(50) == 0 ? d[i - 1].text : new_text();
		d[i] = (struct kb_dupe_doc){ (unsigned)i + 1, (unsigned)i % 40, t };
	}
	struct kb_dupe_pair *p;
	size_t n = find(d, N, &p);
	ck_assert_uint_ge(n, 100);
	for (size_t k = 0; k < n; k++) {
		ck_assert(p[k].jaccard >= 0.8);
		ck_assert(k == 0 || p[k - 1].a < p[k].a ||
			  (p[k - 1].a == p[k].a && p[k - 1].b < p[k].b));
	}
	free(d);
}
END_TEST

static void reset(void)
{
	arena_reset(&a);
}

int main(void)
{
	arena_init(&a, 1 << 16);
	Suite *s = suite_create("kb_dupes");
	TCase *tc = tcase_create("dupes");
	tcase_add_checked_fixture(tc, NULL, reset);
	tcase_set_timeout(tc, 120);   /* the sanitizer build is slow; no timings here */
	tcase_add_test(tc, identical_texts_pair_with_one);
	tcase_add_test(tc, one_sentence_changed_still_pairs);
	tcase_add_test(tc, unrelated_and_empty_texts_never_pair);
	tcase_add_test(tc, full_and_half_width_are_the_same);
	tcase_add_test(tc, pairs_match_brute_force);
	tcase_add_test(tc, many_identical_docs_stay_bounded);
	tcase_add_test(tc, twenty_thousand_docs_return);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	arena_free(&a);
	return failed ? 1 : 0;
}
