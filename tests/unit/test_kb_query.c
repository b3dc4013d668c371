/* A caller's words as a knowledge search (kb_query.c): question words,
 * bigram terms, synonyms, the cut into the index's words, the weights
 * and coverage, and the helpers the search and the gaps use. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "arena.h"
#include "kb_query.h"

static struct arena a;

static void setup(void) { arena_init(&a, 1 << 16); }
static void teardown(void) { arena_free(&a); }

static struct kq *build(const char *q, const struct kq_synonym *syn, size_t nsyn)
{
	struct kq *k = arena_alloc(&a, sizeof *k);
	kq_build(&a, q, syn, nsyn, k);
	return k;
}

/* The terms with weight, space-separated; synonyms' marked with '+'. */
static const char *terms(const struct kq *k)
{
	struct buf b;
	buf_init(&b, &a);
	for (size_t i = 0; i < k->nt; i++) {
		if (k->t[i].weight <= 0)
			continue;
		buf_printf(&b, "%s%s%s%s", b.len ? " " : "", i >= k->norig ? "+" : "",
			   k->t[i].term, k->t[i].prefix ? "*" : "");
	}
	return buf_str(&b);
}

static int term_at(const struct kq *k, const char *t)
{
	for (size_t i = 0; i < k->nt; i++)
		if (strcmp(k->t[i].term, t) == 0)
			return (int)i;
	return -1;
}

START_TEST(question_words_do_not_count)
{
	struct kq *k = build("身份证丢了怎么办", NULL, 0);
	ck_assert_str_eq(terms(k), "身份 份证 证丢");
	/* 了, 怎么办: stop, no weight. */
	ck_assert_int_eq(k->nu, 8);
	for (size_t i = 4; i < 8; i++) {
		ck_assert(k->u[i].stop);
		ck_assert(k->u[i].w == 0);
	}
	ck_assert_str_eq(kq_content_text(&a, k), "身份证丢");
	/* No bigram across a question word or a separator. */
	ck_assert_str_eq(terms(build("低保怎么申请", NULL, 0)), "低保 申请");
	ck_assert_str_eq(terms(build("低保，申请！", NULL, 0)), "低保 申请");
	ck_assert_str_eq(terms(build("请问一下，居住证在哪里办理呢？", NULL, 0)), "居住 住证");
	ck_assert_str_eq(kq_content_text(&a, build("居住证怎么办理", NULL, 0)), "居住证");
	ck_assert_str_eq(kq_content_text(&a, build("请问居住证在哪里办", NULL, 0)), "居住证");
	ck_assert_str_eq(kq_content_text(&a, build("车怎么办", NULL, 0)), "车");
	/* Only question words: nothing to search. */
	k = build("请问怎么办？", NULL, 0);
	ck_assert_int_eq(k->nt, 0);
	ck_assert(k->total == 0);
	ck_assert(kq_coverage(k, ~0ULL, 0) == 0);
}
END_TEST

START_TEST(words_and_lone_characters)
{
	/* Letters and digits are one word each, folded. */
	ck_assert_str_eq(terms(build("ＥＴＣ 12333热线", NULL, 0)), "etc 12333 热线");
	/* A lone character is a prefix only when nothing else is asked... */
	struct kq *k = build("税？", NULL, 0);
	ck_assert_str_eq(terms(k), "税*");
	/* ...otherwise it weighs nothing and is not searched. */
	k = build("车 年审", NULL, 0);
	ck_assert_str_eq(terms(k), "年审");
	ck_assert(k->u[0].w == 0);
}
END_TEST

START_TEST(a_word_said_twice_counts_once)
{
	struct kq *k = build("社保，那边的社保", NULL, 0);
	ck_assert_int_eq(term_at(k, "社保"), 0);
	double w = 0;
	for (size_t i = 0; i < k->nu; i++)
		w += k->u[i].w;
	/* 社保 once (two units), 那边 once (two units). */
	ck_assert(fabs(w - 4.0) < 1e-9);
}
END_TEST

START_TEST(synonyms_add_the_other_words_terms)
{
	struct kq_synonym syn[] = { { "驾照", "驾驶证" }, { "没电", "停电" } };
	struct kq *k = build("驾照过期了", syn, 2);
	ck_assert_str_eq(terms(k), "驾照 照过 过期 +驾驶 +驶证");
	ck_assert_int_eq(k->nalt, 1);
	ck_assert_str_eq(k->alt[0].word, "驾驶证");
	ck_assert_int_eq(k->alt[0].from, 0);
	ck_assert_int_eq(k->alt[0].to, 2);
	/* The synonym shares the replaced word's weight over its terms. */
	ck_assert(fabs(k->t[term_at(k, "驾驶")].weight - 0.5) < 1e-9);
	/* Units of the synonym count as found only with all its terms. */
	unsigned long long alt = (1ULL << term_at(k, "驾驶")) | (1ULL << term_at(k, "驶证"));
	unsigned long long half = 1ULL << term_at(k, "驾驶");
	unsigned long long over = 1ULL << term_at(k, "过期");
	ck_assert(kq_coverage(k, alt | over, 0) > kq_coverage(k, half | over, 0));
	/* A synonym inside a question word still counts: 没电了. */
	k = build("家里没电了找谁", syn, 2);
	ck_assert_str_eq(terms(k), "没电 +停电");
	ck_assert_str_eq(kq_highlight_text(&a, k), "没电 停电");
	/* A synonym not in the question changes nothing. */
	ck_assert_str_eq(terms(build("户口迁移", syn, 2)), "户口 口迁 迁移");
}
END_TEST

START_TEST(several_synonyms_of_one_word_share_its_weight)
{
	struct kq_synonym syn[] = { { "丢了", "丢失" }, { "丢了", "遗失" } };
	struct kq *k = build("护照丢了", syn, 2);
	ck_assert(fabs(k->t[term_at(k, "丢失")].weight - 0.5) < 1e-9);
	ck_assert(fabs(k->t[term_at(k, "遗失")].weight - 0.5) < 1e-9);
}
END_TEST

/* Document frequencies for the terms of k, by term text. */
struct freq {
	const char *term;
	unsigned long df, topic;
};

static void weigh(struct kq *k, const struct freq *f, size_t nf, unsigned long ndocs)
{
	unsigned long df[XI_MAX_TERMS] = { 0 }, tdf[XI_MAX_TERMS] = { 0 };
	for (size_t i = 0; i < k->nt; i++)
		for (size_t j = 0; j < nf; j++)
			if (strcmp(k->t[i].term, f[j].term) == 0) {
				df[i] = f[j].df;
				tdf[i] = f[j].topic;
			}
	kq_weigh(k, df, tdf, ndocs);
}

START_TEST(the_cut_prefers_the_words_entries_hold)
{
	/* 申请低保: 请低 is a pair across two words, held by one entry by
	 * chance; 申请 and 低保 are the words. */
	struct kq *k = build("申请低保", NULL, 0);
	struct freq f[] = { { "申请", 86, 40 }, { "请低", 1, 0 }, { "低保", 6, 3 } };
	weigh(k, f, 3, 200);
	ck_assert_int_eq(k->u[0].term, term_at(k, "申请"));
	ck_assert_int_eq(k->u[1].term, term_at(k, "申请"));
	ck_assert_int_eq(k->u[2].term, term_at(k, "低保"));
	ck_assert_int_eq(k->u[3].term, term_at(k, "低保"));
	/* The pair that made no word leaves the query. */
	ck_assert_str_eq(terms(k), "申请 低保");
	/* The rarer word weighs more. */
	ck_assert(k->u[2].w > k->u[0].w);
	/* Found only through its word: an entry holding 请低 alone has none
	 * of the question. */
	ck_assert(kq_coverage(k, 1ULL << term_at(k, "请低"), 0) == 0);
	ck_assert(fabs(kq_coverage(k, (1ULL << term_at(k, "申请")) |
					  (1ULL << term_at(k, "低保")), 0) - 1.0) < 1e-9);
}
END_TEST

START_TEST(unknown_words_weigh_as_rare_ones_up_to_a_cap)
{
	/* 献血 is in no entry: a question about it is not answered by what
	 * a common word (地点) matches. */
	struct kq *k = build("献血地点", NULL, 0);
	struct freq f[] = { { "献血", 0, 0 }, { "地点", 50, 10 } };
	weigh(k, f, 2, 200);
	ck_assert(k->u[0].unknown && k->u[1].unknown);
	ck_assert(!k->u[2].unknown);
	ck_assert(k->u[0].w > k->u[2].w);
	unsigned long long place = 1ULL << term_at(k, "地点");
	ck_assert(kq_coverage(k, place, 0) < 0.3);
	/* Over the words the knowledge base has, it is all found. */
	ck_assert(fabs(kq_coverage(k, place, 1) - 1.0) < 1e-9);

	/* A long story's unknown words weigh together as four characters. */
	k = build("东莞打工八年社保", NULL, 0);
	struct freq g[] = { { "社保", 30, 10 } };
	weigh(k, g, 1, 200);
	double unknown = 0;
	for (size_t i = 0; i < k->nu; i++)
		if (k->u[i].unknown)
			unknown += k->u[i].w;
	ck_assert(fabs(unknown - 4 * log(201.0 / 1.5)) < 1e-6);
}
END_TEST

START_TEST(words_no_title_uses_weigh_less)
{
	struct kq *k = build("今年低保", NULL, 0);
	/* Same rarity; 今年 is in no title or keywords. */
	struct freq f[] = { { "今年", 6, 0 }, { "年低", 0, 0 }, { "低保", 6, 3 } };
	weigh(k, f, 3, 200);
	ck_assert(k->u[0].w < k->u[2].w / 2);
	ck_assert(!k->u[0].unknown);
}
END_TEST

START_TEST(keys_are_the_pieces_a_synonym_can_be)
{
	const char **v;
	size_t n = kq_keys(&a, "没电了", &v);
	/* 没 没电 没电了 电 电了 了 */
	ck_assert_int_eq(n, 6);
	ck_assert_str_eq(v[0], "没");
	ck_assert_str_eq(v[1], "没电");
	ck_assert_str_eq(v[2], "没电了");
	/* Repeats once; never across a separator; never quotes. */
	n = kq_keys(&a, "电，电\"\\", &v);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(v[0], "电");
	/* At most KQ_MAX_KEY characters long. */
	n = kq_keys(&a, "一二三四五六七八九十", &v);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_le(strlen(v[i]), 3 * KQ_MAX_KEY);
}
END_TEST

START_TEST(similarity_is_shared_over_all_terms)
{
	ck_assert(fabs(kq_similarity("没电 停电", "没电 停电") - 1.0) < 1e-9);
	ck_assert(fabs(kq_similarity("没电 报修", "没电 停电") - 1.0 / 3) < 1e-9);
	ck_assert(kq_similarity("户口", "没电") == 0);
	ck_assert(kq_similarity("", "") == 0);
	/* Repeated terms count once. */
	ck_assert(fabs(kq_similarity("没电 没电", "没电") - 1.0) < 1e-9);
	ck_assert_str_eq(kq_terms_text(&a, build("家里没电了找谁", NULL, 0)), "没电");
}
END_TEST

START_TEST(synonym_words_are_checked)
{
	ck_assert_str_eq(kq_synonym_word(&a, "驾照"), "驾照");
	ck_assert_str_eq(kq_synonym_word(&a, "ＥＴＣ"), "etc");
	ck_assert_ptr_null(kq_synonym_word(&a, ""));
	ck_assert_ptr_null(kq_synonym_word(&a, "驾 照"));
	ck_assert_ptr_null(kq_synonym_word(&a, "驾照，"));
	ck_assert_ptr_null(kq_synonym_word(&a, "驾照abc"));
	ck_assert_ptr_null(kq_synonym_word(&a, "一二三四五六七八九"));
	ck_assert_str_eq(kq_synonym_word(&a, "一二三四五六七八"), "一二三四五六七八");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("kb_query");
	TCase *tc = tcase_create("query");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, question_words_do_not_count);
	tcase_add_test(tc, words_and_lone_characters);
	tcase_add_test(tc, a_word_said_twice_counts_once);
	tcase_add_test(tc, synonyms_add_the_other_words_terms);
	tcase_add_test(tc, several_synonyms_of_one_word_share_its_weight);
	tcase_add_test(tc, the_cut_prefers_the_words_entries_hold);
	tcase_add_test(tc, unknown_words_weigh_as_rare_ones_up_to_a_cap);
	tcase_add_test(tc, words_no_title_uses_weigh_less);
	tcase_add_test(tc, keys_are_the_pieces_a_synonym_can_be);
	tcase_add_test(tc, similarity_is_shared_over_all_terms);
	tcase_add_test(tc, synonym_words_are_checked);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
