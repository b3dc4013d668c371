/* Knowledge search (K2, issue 10) as operators and the public use it:
 * ranked by where and how much of the question an entry holds, width and
 * case folded, whole questions read for their content, hostile queries
 * taken as text, and a search without a result said so and counted as a
 * gap (K9.1). Synonyms, learned answers and every node: test_search_*. */
#include <stdio.h>
#include <string.h>

#include "entries.h"

#define FIRST "//ol[@class='results']/li[1]/a[@href='/knowledge/entries/%ld']"

START_TEST(search_ranks_title_hits_first)
{
	struct web ed, ap, op, anon;
	char term[128], title[256], answer[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	cjk_word(term, sizeof term, W_RANK_TITLE, "排");

	/* The title hit is made first, so that newest-first would put the
	 * body hit ahead of it: only the ranking can order them right. */
	snprintf(title, sizeof title, "%s补贴的申领条件", term);
	struct faq a = { title, "申领条件", "public", NULL,
			 "<p>按规定提交申请材料即可。</p>", NULL, 1 };
	long e_title = published_faq(&ed, &ap, &a, NULL);
	snprintf(answer, sizeof answer, "<p>与%s补贴不同，技能提升补贴按证书等级发放。</p>", term);
	struct faq b = { "技能提升补贴怎么申请", "技能提升", "public", NULL, answer, NULL, 1 };
	long e_body = published_faq(&ed, &ap, &b, NULL);

	ck_assert_int_eq(finds(&op, 0, term, 0), 2);
	ck_assert_msg(count(&op, FIRST, e_title) == 1 &&
			      count(&op, "//ol[@class='results']/li[2]/a[@href='/knowledge/entries/%ld']",
				    e_body) == 1,
		      "operator: title hit is not ranked first:\n%.3000s", op.body);
	/* The public page shows the entry that names the matter; one that
	 * mentions it once in passing is no answer for a citizen. */
	ck_assert_int_eq(finds(&anon, 1, term, 0), 1);
	ck_assert_int_eq(finds(&anon, 1, term, e_title), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* Entries are ranked by how much of the question they hold: every word
 * first, then fewer; word order and spaces do not matter. */
START_TEST(search_ranks_entries_holding_every_word_first)
{
	struct web ed, ap, op;
	char term[128], title[256], q[256];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	cjk_word(term, sizeof term, W_EVERY_WORD, "双");
	snprintf(title, sizeof title, "%s住房公积金提取", term);
	struct faq a = { title, "", "public", NULL, "<p>按公积金中心规定办理。</p>", NULL, 1 };
	long e_both = published_faq(&ed, &ap, &a, NULL);
	snprintf(title, sizeof title, "%s养老保险转移", term);
	struct faq b = { title, "", "public", NULL, "<p>由转入地申请。</p>", NULL, 1 };
	long e_one = published_faq(&ed, &ap, &b, NULL);

	ck_assert_int_eq(finds(&op, 0, term, 0), 2);
	snprintf(q, sizeof q, "%s 公积金", term);
	ck_assert_int_eq(finds(&op, 0, q, e_both), 1);
	ck_assert_msg(count(&op, FIRST, e_both) == 1, "%s: %ld is not first", q, e_both);
	snprintf(q, sizeof q, "公积金　%s", term); /* an ideographic space */
	ck_assert_msg(finds(&op, 0, q, e_both) == 1 && count(&op, FIRST, e_both) == 1,
		      "%s: %ld is not first", q, e_both);
	snprintf(q, sizeof q, "%s养老保险怎么转移", term);
	ck_assert_msg(finds(&op, 0, q, e_one) == 1 && count(&op, FIRST, e_one) == 1,
		      "%s: %ld is not first", q, e_one);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
}
END_TEST

START_TEST(search_folds_width_and_case)
{
	struct web ed, ap, op, anon;
	char w1[64], title[256], q[512], fw[256], up[64];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	word(w1, sizeof w1, "fw");
	snprintf(title, sizeof title, "社保abc查询 %s", w1);
	struct faq a = { title, "", "public", NULL, "<p>登录后查询。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &a, NULL);

	snprintf(up, sizeof up, "%s", w1);
	for (char *p = up; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	snprintf(q, sizeof q, "ＡＢＣ %s", full_width(fw, sizeof fw, up));
	ck_assert_msg(finds(&op, 0, q, eid) == 1, "full-width %s does not find %s", q, title);
	ck_assert_int_eq(finds(&anon, 1, q, eid), 1);
	snprintf(q, sizeof q, "ABC %s", up);
	ck_assert_int_eq(finds(&op, 0, q, eid), 1);
	ck_assert_int_eq(finds(&op, 0, "社保ＡＢＣ", eid), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

START_TEST(search_without_result_says_so)
{
	struct web op, co, anon;
	char q[256];
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	/* The public's gaps are counted per address and day: one of its own. */
	own_address(&anon, 2);
	cjk_word(q, sizeof q, W_NOT_FOUND, "查无此事");
	ck_assert_int_eq(finds(&op, 0, q, 0), 0);
	ck_assert_msg(strstr(text(&op, "//p[@class='alert']"), "没有找到") != NULL,
		      "no 没有找到 message for the operator: %s", text(&op, "//p[@class='alert']"));
	ck_assert_int_eq(finds(&anon, 1, q, 0), 0);
	ck_assert_msg(strstr(text(&anon, "//p[@class='alert']"), "没有找到") != NULL,
		      "no 没有找到 message on the public page");
	/* Both are one knowledge gap for the office (K9.1), counted once for
	 * the operator and once for the public. */
	GET(&co, "/knowledge/gaps", 200);
	ck_assert_msg(count(&co, "//table/tbody/tr[td[1]='%s' and td[4]='1' and td[5]='1']", q) == 1,
		      "the gap %s is not listed once per source:\n%.3000s", q, co.body);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

/* A question typed as callers say it ("X证明丢了怎么办") finds the
 * entries holding its words, on the staff, intake and public pages: the
 * question words (怎么办, 哪些) do not count, the entry naming the matter
 * in its title ranks first, the words found are marked. A question about
 * something no entry holds is a gap (K9.1), counted by its content. */
START_TEST(search_reads_whole_questions)
{
	struct web ed, ap, op, co, anon;
	char term[128], title[256], answer[512], q[512], path[1024], want[512], gap[256];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	cjk_word(term, sizeof term, W_QUESTION, "迁");

	/* A title hit and a body hit, the title hit made first so that only
	 * the ranking can put it ahead. */
	snprintf(title, sizeof title, "%s证明补办", term);
	struct faq a = { title, "证明", "public", NULL,
			 "<p>携带身份证等材料到服务窗口申请补办。</p>", NULL, 1 };
	long e_title = published_faq(&ed, &ap, &a, NULL);
	snprintf(answer, sizeof answer, "<p>另见%s证明的补办材料。</p>", term);
	struct faq b = { "窗口服务时间", "", "public", NULL, answer, NULL, 1 };
	long e_body = published_faq(&ed, &ap, &b, NULL);

	/* 丢了怎么办 is not in the entries: both found, title first, the
	 * word marked, no 没有找到. */
	snprintf(q, sizeof q, "%s证明丢了怎么办", term);
	ck_assert_int_eq(finds(&op, 0, q, e_title), 1);
	ck_assert_int_eq(finds(&op, 0, q, e_body), 1);
	ck_assert_msg(count(&op, FIRST, e_title) == 1, "the title hit is not first:\n%.3000s",
		      op.body);
	ck_assert_int_eq(count(&op, "//p[@class='alert']"), 0);
	snprintf(want, sizeof want, "%s证明", term);
	ck_assert_str_eq(text(&op, "//ol[@class='results']/li[1]/a/mark"), want);

	/* On the operator's intake page, with the question words around. */
	snprintf(q, sizeof q, "办理%s证明需要哪些材料？", term);
	GET(&op, pathf(path, sizeof path, "/orders/new?q=%s", web_esc(&op, q)), 200);
	ck_assert_msg(count(&op, FIRST, e_title) == 1, "intake page misses %s:\n%.3000s", q, op.body);
	ck_assert_int_eq(count(&op, "//p[@class='alert']"), 0);

	/* The public page; spaces and punctuation change nothing. */
	snprintf(q, sizeof q, "请问%s证明怎么补办？", term);
	ck_assert_msg(finds(&anon, 1, q, e_title) == 1, "public page misses %s:\n%.3000s", q,
		      anon.body);
	snprintf(q, sizeof q, "%s证明 丢了 怎么办", term);
	ck_assert_int_eq(finds(&op, 0, q, e_title), 1);

	/* A question about something no entry holds finds nothing and is a
	 * gap, listed by its content with the wording asked. */
	cjk_word(gap, sizeof gap, W_QUESTION_GAP, "查无");
	snprintf(q, sizeof q, "请问%s怎么办理？", gap);
	ck_assert_int_eq(finds(&op, 0, q, 0), 0);
	ck_assert_msg(strstr(text(&op, "//p[@class='alert']"), "没有找到") != NULL,
		      "no 没有找到 message for %s", q);
	GET(&co, "/knowledge/gaps", 200);
	ck_assert_msg(count(&co, "//table/tbody/tr[td[1]='%s' and td[2]='%s']", gap, q) == 1,
		      "the gap %s (%s) is not listed:\n%.3000s", gap, q, co.body);
	/* An answered question is none. */
	snprintf(want, sizeof want, "%s证明丢", term);
	ck_assert_int_eq(count(&co, "//table/tbody/tr[td[1]='%s']", want), 0);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

START_TEST(hostile_queries_are_plain_text)
{
	struct web op, anon;
	sign_in(&op, "operator");
	start(&anon);
	static const char *const qs[] = {
		"\" OR 1=1 --", "+-*~<>()@", "社保\" -卡", "'; DROP TABLE kb_search; --",
		"*", "\"", "\"\"", "@3", "社保 @distance 3", "a*", "\\", "%", "%_",
		"(社保", "社保)", "~社保", "<社保", ">>>", "-", "+", "+社保 -卡*",
		"社保卡 补办", "😀社保", "＂ＯＲ１＝１", "一 二 三 四 五 六 七 八 九 十",
		"MATCH AGAINST", "\xe3\x80\x80", "社", "a",
		"++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++"
		"++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++",
	};
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		for (int pub = 0; pub < 2; pub++) {
			struct web *w = pub ? &anon : &op;
			int n = finds(w, pub, qs[i], 0);
			ck_assert_msg(n >= 0, "query %s gave no results page", qs[i]);
			ck_assert_msg(count(w, "//h1") == 1, "query %s: no heading", qs[i]);
		}
	}
	/* 社保" -卡 means 社保 and 卡: the minus is no operator. */
	int plain = finds(&op, 0, "社保 卡", 0);
	char first[64];
	snprintf(first, sizeof first, "%s", text(&op, "//ol[@class='results']/li[1]/a/@href"));
	ck_assert_int_gt(plain, 0);
	ck_assert_int_eq(finds(&op, 0, "社保\" -卡", 0), plain);
	ck_assert_str_eq(text(&op, "//ol[@class='results']/li[1]/a/@href"), first);
	web_free(&op);
	web_free(&anon);
}
END_TEST

static Suite *kb_search_suite(void)
{
	Suite *s = suite_create("kb_search");
	TCase *tc = tcase(s, "search", 180);
	tcase_add_test(tc, search_ranks_title_hits_first);
	tcase_add_test(tc, search_ranks_entries_holding_every_word_first);
	tcase_add_test(tc, search_folds_width_and_case);
	tcase_add_test(tc, search_without_result_says_so);
	tcase_add_test(tc, search_reads_whole_questions);
	tcase_add_test(tc, hostile_queries_are_plain_text);
	return s;
}

int main(void)
{
	return suite_main(kb_search_suite(), NULL);
}
