/* The knowledge-quality lint (K10.2) on hand-made entries. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "kb.h"
#include "kb_lint.h"

static const struct kb_typo typos[] = {
	{ "按装", "安装" }, { "部份", "部分" }, { "帐户", "账户" },
};
static const struct kb_synonym synonyms[] = { { "驾照", "驾驶证" } };

static struct arena a;
static struct kb_finding f[32];

static size_t lint(int kind, const char *title, const char *kw, const struct kb_lint_field *fs,
		   size_t n)
{
	const struct kb_lint_in in = { kind, title, kw, fs, n, typos, 3, synonyms, 1 };
	arena_reset(&a);
	return kb_lint(&a, &in, f, 32);
}

/* Whether a finding of kind k mentions part. */
static int found(size_t n, enum kb_lint_kind k, const char *part)
{
	for (size_t i = 0; i < n; i++)
		if (f[i].kind == k && strstr(f[i].text, part) != NULL)
			return 1;
	return 0;
}

START_TEST(a_clean_entry_has_no_findings)
{
	const struct kb_lint_field fs[] = {
		{ "question", "问题", "社保卡丢了怎么补办？", 0 },
		{ "answer", "规范答案", "<p>携带身份证到社保窗口补办，2024年1月5日起可在网上办理。</p>", 1 },
	};
	size_t n = lint(KB_FAQ, "社保卡补办", "社保卡 补办", fs, 2);
	for (size_t i = 0; i < n; i++)
		printf("unexpected: %s %s\n", f[i].where, f[i].text);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(typos_are_named_with_their_correction)
{
	const struct kb_lint_field fs[] = {
		{ "answer", "规范答案", "<p>部份地区可在网上按装。</p>", 1 },
	};
	size_t n = lint(KB_FAQ, "个人帐户查询", "账户", fs, 1);
	ck_assert(found(n, KBL_TYPO, "“按装”应为“安装”"));
	ck_assert(found(n, KBL_TYPO, "“部份”应为“部分”"));
	ck_assert(found(n, KBL_TYPO, "“帐户”应为“账户”"));
	ck_assert_str_eq(f[0].where, "标题");
}
END_TEST

START_TEST(keywords_count_repeat_and_occur)
{
	const struct kb_lint_field fs[] = { { "question", "问题", "公积金怎么提取？", 0 } };
	ck_assert(found(lint(KB_FAQ, "公积金提取", "", fs, 1), KBL_KEYWORD, "未填写关键词"));
	ck_assert(found(lint(KB_FAQ, "公积金提取", "公积金，提取、公积金", fs, 1), KBL_KEYWORD,
			"“公积金”重复"));
	ck_assert(found(lint(KB_FAQ, "公积金提取", "公积金 医保", fs, 1), KBL_KEYWORD,
			"“医保”未在标题或正文中出现"));
	ck_assert(found(lint(KB_FAQ, "公积金提取", "公 积 金 提 取 怎 么 公积金 提取 么 ？", fs, 1),
			KBL_KEYWORD, "应为 1 至 10 个"));
	ck_assert(!found(lint(KB_FAQ, "公积金提取", "公积金；提取", fs, 1), KBL_KEYWORD, ""));
	/* A synonym of a word in the entry is found. */
	const struct kb_lint_field lic[] = { { "question", "问题", "驾驶证到期怎么换？", 0 } };
	ck_assert(!found(lint(KB_FAQ, "换证", "驾照", lic, 1), KBL_KEYWORD, ""));
}
END_TEST

START_TEST(format_commas_markup_and_dates)
{
	const struct kb_lint_field fs[] = {
		{ "question", "问题", "怎么办理,需要什么", 0 },
		{ "answer", "规范答案", "<p>自2024.1.5起施行。</p><p></p>", 1 },
		{ "notes", "答复口径", "English, with commas, is fine; so is 2024-01-05.", 0 },
	};
	size_t n = lint(KB_FAQ, "办理", "办理", fs, 3);
	ck_assert(found(n, KBL_FORMAT, "半角逗号"));
	ck_assert(found(n, KBL_FORMAT, "“2024.1.5”"));
	ck_assert(found(n, KBL_FORMAT, "空的段落"));
	size_t commas = 0;
	for (size_t i = 0; i < n; i++)
		commas += strstr(f[i].text, "半角逗号") != NULL;
	ck_assert_uint_eq(commas, 1);   /* only the Chinese field */
}
END_TEST

START_TEST(each_kind_needs_its_fields)
{
	const struct kb_lint_field guide[] = { { "service", "事项名称", "居住证办理", 0 } };
	size_t n = lint(KB_GUIDE, "居住证办理", "居住证", guide, 1);
	ck_assert(found(n, KBL_REQUIRED, "办理时限"));
	ck_assert(found(n, KBL_REQUIRED, "申请材料"));
	const struct kb_lint_field law[] = { { "doc_number", "文号", "粤府〔2020〕1号", 0 },
					     { "validity", "效力状态", "现行有效", 0 } };
	ck_assert_uint_eq(lint(KB_LAW, "规定", "规定", law, 2), 0);
	ck_assert(found(lint(KB_LAW, "规定", "规定", law + 1, 1), KBL_REQUIRED, "文号"));
	const struct kb_lint_field org[] = { { "functions", "主要职能", "<p>负责社保。</p>", 1 } };
	ck_assert(found(lint(KB_ORG, "人社局", "社保", org, 1), KBL_REQUIRED, "联系方式"));
}
END_TEST

int main(void)
{
	arena_init(&a, 1 << 14);
	Suite *s = suite_create("kb_lint");
	TCase *tc = tcase_create("lint");
	tcase_add_test(tc, a_clean_entry_has_no_findings);
	tcase_add_test(tc, typos_are_named_with_their_correction);
	tcase_add_test(tc, keywords_count_repeat_and_occur);
	tcase_add_test(tc, format_commas_markup_and_dates);
	tcase_add_test(tc, each_kind_needs_its_fields);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	arena_free(&a);
	return failed ? 1 : 0;
}
