/* Chinese search text: normalisation, the bigram index column, the
 * BOOLEAN MODE query (and that user input cannot inject its syntax),
 * highlight spans, and the content terms of a question typed as one
 * sentence (the search's fallback). */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "bigram.h"

static struct arena a;

static void setup(void) { arena_init(&a, 4096); }
static void teardown(void) { arena_free(&a); }

static const char *q(const char *s)
{
	int n;
	return bg_query(&a, s, &n);
}

START_TEST(test_normalize)
{
	ck_assert_str_eq(bg_normalize(&a, "ＡＢＣ１２３！　Ｘｙ"), "abc123! xy");
	ck_assert_str_eq(bg_normalize(&a, "Hello 世界"), "hello 世界");
	/* Full-width ，is U+FF0C; CJK punctuation, other scripts and emoji
	 * pass through. */
	ck_assert_str_eq(bg_normalize(&a, "办理，。、「」É😀"), "办理,。、「」É😀");
	ck_assert_str_eq(bg_normalize(&a, "＋＂－＊（）～＜＞＠"), "+\"-*()~<>@");
	ck_assert_str_eq(bg_normalize(&a, ""), "");
}
END_TEST

START_TEST(test_index_text)
{
	ck_assert_str_eq(bg_index_text(&a, "办理户口"), "办理 理户 户口 口");
	ck_assert_str_eq(bg_index_text(&a, "户"), "户");
	ck_assert_str_eq(bg_index_text(&a, "12345热线，APP下载！"),
			 "12345 热线 线 app 下载 载");
	ck_assert_str_eq(bg_index_text(&a, "社保卡app"), "社保 保卡 卡 app");
	ck_assert_str_eq(bg_index_text(&a, "梅州市 12345 热线"),
			 "梅州 州市 市 12345 热线 线");
	ck_assert_str_eq(bg_index_text(&a, "“户口”（迁移）"),
			 "户口 口 迁移 移");
	ck_assert_str_eq(bg_index_text(&a, ""), "");
	ck_assert_str_eq(bg_index_text(&a, "，。！？ ...--"), "");
	ck_assert_str_eq(bg_index_text(&a, "😀户😀"), "户");
	/* Operators never reach the column, half- or full-width. */
	ck_assert_str_eq(bg_index_text(&a, "a+b \"c\" -d* (e) ~f <g> @h ＋ｉ＊"),
			 "a b c d e f g h i");
}
END_TEST

START_TEST(test_query_basic)
{
	int n = -1;
	ck_assert_str_eq(bg_query(&a, "户口迁移", &n), "+\"户口 口迁 迁移\"");
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(q("户口"), "+户口");
	ck_assert_str_eq(q("户"), "+户*");
	ck_assert_str_eq(q("12345"), "+12345");
	ck_assert_str_eq(bg_query(&a, "社保卡 app 下载", &n),
			 "+\"社保 保卡\" +app +下载");
	ck_assert_int_eq(n, 3);
	/* A CJK run followed by more of the term is known to end there. */
	ck_assert_str_eq(q("社保卡app"), "+\"社保 保卡 卡 app\"");
	ck_assert_str_eq(q("卡app"), "+\"卡 app\"");
	ck_assert_str_eq(q("app卡"), "+app +卡*");
	ck_assert_str_eq(q("app12卡"), "+app12 +卡*");
	ck_assert_str_eq(q("a-b卡"), "+\"a b\" +卡*");
	/* Quotes typed by the user are punctuation. */
	ck_assert_str_eq(q("\"户口迁移\""), "+\"户口 口迁 迁移\"");
	ck_assert_str_eq(q("　户口　迁移　"), "+户口 +迁移");
}
END_TEST

START_TEST(test_query_empty)
{
	int n = -1;
	ck_assert_ptr_null(bg_query(&a, "", &n));
	ck_assert_int_eq(n, 0);
	n = -1;
	ck_assert_ptr_null(bg_query(&a, "   \t ", &n));
	ck_assert_int_eq(n, 0);
	ck_assert_ptr_null(bg_query(&a, "，。！？ ...--\"\"+*", &n));
	ck_assert_int_eq(n, 0);
	ck_assert_ptr_null(bg_query(&a, "😀 ① ㎡", &n));
	ck_assert_int_eq(n, 0);
	/* Punctuation-only terms do not count. */
	ck_assert_str_eq(bg_query(&a, "-- 户口 ！！", &n), "+户口");
	ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_width_and_case)
{
	const char *forms[] = { "app", "APP", "App", "ＡＰＰ", "ａｐｐ", "ＡpＰ" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		ck_assert_str_eq(q(forms[i]), "+app");
		ck_assert_str_eq(bg_index_text(&a, forms[i]), "app");
	}
	ck_assert_str_eq(q("社保卡ＡＰＰ下载"), q("社保卡app下载"));
	ck_assert_str_eq(bg_index_text(&a, "社保卡ＡＰＰ下载"),
			 bg_index_text(&a, "社保卡App下载"));
	ck_assert_str_eq(q("１２３４５"), "+12345");
}
END_TEST

START_TEST(test_query_limits)
{
	int n;
	/* Ten terms: the first BG_MAX_TERMS count. */
	ck_assert_str_eq(bg_query(&a, "a b c d e f g h i j", &n),
			 "+a +b +c +d +e +f +g +h");
	ck_assert_int_eq(n, BG_MAX_TERMS);

	/* A 100-character term: its first BG_MAX_TOKENS bigrams. */
	struct buf b;
	buf_init(&b, &a);
	for (int i = 0; i < 100; i++)
		buf_puts(&b, i % 2 ? "户" : "口");
	const char *r = bg_query(&a, buf_str(&b), &n);
	ck_assert_int_eq(n, 1);
	size_t spaces = 0;
	for (const char *p = r; *p; p++)
		spaces += *p == ' ';
	ck_assert_uint_eq(spaces, BG_MAX_TOKENS - 1);
	ck_assert_uint_eq(strlen(r), 3 + BG_MAX_TOKENS * 6 + BG_MAX_TOKENS - 1);

	/* Long words are cut to BG_MAX_WORD characters, the same both ways. */
	buf_init(&b, &a);
	for (int i = 0; i < 200; i++)
		buf_puts(&b, "x");
	const char *idx = bg_index_text(&a, buf_str(&b));
	ck_assert_uint_eq(strlen(idx), BG_MAX_WORD);
	ck_assert_str_eq(q(buf_str(&b)) + 1, idx);
}
END_TEST

/* Length of the UTF-8 character at p (valid input). */
static size_t clen(const char *p)
{
	unsigned char c = (unsigned char)*p;
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * The injection check: only letters, digits, CJK, '+', '"', '*' and
 * spaces; quotes balanced; '+' starts every clause; '*' only after a
 * lone non-ASCII character at the end of a clause; no empty phrase.
 */
static void assert_safe_query(const char *in)
{
	int n = -1;
	const char *r = bg_query(&a, in, &n);
	if (r == NULL) {
		ck_assert_int_eq(n, 0);
		return;
	}
	ck_assert_int_ge(n, 1);
	ck_assert_int_le(n, BG_MAX_TERMS);
	int quotes = 0, plus = 0;
	for (const char *p = r; *p; p += clen(p)) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x80)
			continue;
		int ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			 c == '+' || c == '"' || c == '*' || c == ' ';
		ck_assert_msg(ok, "input %s gave %s: bad byte 0x%02x", in, r, c);
		if (c == '"') {
			quotes++;
			if (quotes % 2 == 1)
				ck_assert(p > r && p[-1] == '+' && p[1] != '"');
		}
		if (c == '+') {
			plus++;
			ck_assert(p == r || p[-1] == ' ');
			ck_assert(p[1] != '\0' && p[1] != ' ' && p[1] != '+' &&
				  p[1] != '*');
		}
		if (c == '*') {
			ck_assert((unsigned char)p[-1] >= 0x80);
			ck_assert(p[1] == '\0' || p[1] == ' ');
			ck_assert(quotes % 2 == 0);
		}
		if (c == ' ')
			ck_assert(p[1] != ' ' && p[1] != '\0');
	}
	ck_assert_msg(quotes % 2 == 0, "unbalanced quotes in %s", r);
	ck_assert_int_ge(plus, n);
	ck_assert(r[0] == '+');
}

START_TEST(test_query_hostile)
{
	static const char *const in[] = {
		"\" OR 1=1 --", "+-*~<>()@\"", "户口\" -迁移", "a*", "*",
		"'; DROP TABLE kb_entry; --", "\"", "\"\"\"", "\"户口", "户口\"",
		"\"户口 迁移", "户口*", "户*", "+户口 -迁移", "@户口", "(户口)",
		"<户口>", "~户口", ">户 <口", "\\\"户口\\\"", "户口\\", "a\"b\"c",
		"＋＂－＊（）～＜＞＠", "＂户口＂　－迁移＊", "😀户口😀", "😀",
		"👨‍👩‍👧 家庭", "\x01\x02\x1f户\x7f口", "户\xc2\xa0口", "e\xcc\x81",
		"户\xe2\x80\x8b口", "١٢٣ ٤", "𠀀𠀁 𪚥", "ｶﾀｶﾅ ﾞ", "MATCH(x) AGAINST('y')",
		"a b c d e f g h i j k l m n", "% _ ? ! # $ & ^ | ; : , . / = `",
		"户口迁移\"需要\"哪些\"材料", "app卡\"", "\"卡\"", "卡*\"", "1*2*3",
	};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++)
		assert_safe_query(in[i]);

	/* Very long input, every hostile character mixed with CJK. */
	struct buf b;
	buf_init(&b, &a);
	const char *bits[] = { "户", "\"", "+", "-", "*", " ", "口", "a", "~",
			       "(", ")", "<", ">", "@", "😀", "　", "＂", "迁" };
	srand(12345);
	for (int i = 0; i < 20000; i++)
		buf_puts(&b, bits[rand() % (sizeof bits / sizeof *bits)]);
	assert_safe_query(buf_str(&b));
	for (int round = 0; round < 300; round++) {
		buf_init(&b, &a);
		int len = rand() % 40;
		for (int i = 0; i < len; i++)
			buf_puts(&b, bits[rand() % (sizeof bits / sizeof *bits)]);
		assert_safe_query(buf_str(&b));
	}
}
END_TEST

/* Splits a space-separated string into its tokens (in place). */
static size_t split(char *s, char **v, size_t max)
{
	size_t n = 0;
	for (char *t = strtok(s, " "); t != NULL && n < max; t = strtok(NULL, " "))
		v[n++] = t;
	return n;
}

static int is_word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/*
 * What the server would do: whether every clause of the query for sub
 * matches the text's index column (a phrase's tokens adjacent and in
 * order; c* some token starting with c). 0 when sub has no query.
 */
static int query_finds(const char *text, const char *sub)
{
	char *idx = arena_strdup(&a, bg_index_text(&a, text));
	char *iv[4096];
	size_t in = split(idx, iv, 4096);
	int nt;
	const char *r = bg_query(&a, sub, &nt);
	if (r == NULL)
		return 0;
	char *qs = arena_strdup(&a, r);
	char *p = qs;
	while (*p) {
		ck_assert(*p == '+');
		p++;
		char *tv[64];
		size_t tn;
		int prefix = 0;
		if (*p == '"') {
			char *e = strchr(p + 1, '"');
			*e = '\0';
			tn = split(p + 1, tv, 64);
			p = e + 1;
		} else {
			char *e = strchr(p, ' ');
			if (e == NULL)
				e = p + strlen(p);
			char save = *e;
			*e = '\0';
			if (e[-1] == '*') {
				e[-1] = '\0';
				prefix = 1;
			}
			tv[0] = arena_strdup(&a, p);
			tn = 1;
			*e = save;
			p = e;
		}
		while (*p == ' ')
			p++;
		int found = 0;
		for (size_t i = 0; i + tn <= in && !found; i++) {
			size_t k = 0;
			if (prefix)
				found = strncmp(iv[i], tv[0], strlen(tv[0])) == 0;
			else {
				while (k < tn && strcmp(iv[i + k], tv[k]) == 0)
					k++;
				found = k == tn;
			}
		}
		if (!found)
			return 0;
	}
	return 1;
}

/* The query of any substring of a text finds it. The substring must not
 * cut an ASCII word, as words match whole. */
static void assert_finds(const char *text, const char *sub)
{
	int n;
	if (bg_query(&a, sub, &n) == NULL)
		return;
	ck_assert_msg(query_finds(text, sub), "query %s (from %s) misses text %s",
		      bg_query(&a, sub, &n), sub, text);
}

START_TEST(test_query_matches_index)
{
	static const char *const texts[] = {
		"办理户口迁移需要哪些材料？请携带身份证、户口簿到派出所办理。",
		"社保卡APP下载：搜索“梅州社保”，12345热线可咨询。",
		"户",
		"a户b口c迁d",
		"梅州市12345热线 ＡＰＰ下载 居住证 办理时限5个工作日",
	};
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		const char *s = texts[t];
		size_t len = strlen(s);
		for (size_t i = 0; i < len; i += clen(s + i)) {
			for (size_t j = i + clen(s + i); j <= len;
			     j += j < len ? clen(s + j) : 1) {
				if (i > 0 && is_word_byte((unsigned char)s[i - 1]) &&
				    is_word_byte((unsigned char)s[i]))
					continue;
				if (j < len && is_word_byte((unsigned char)s[j - 1]) &&
				    is_word_byte((unsigned char)s[j]))
					continue;
				/* Full-width letters cut the same way. */
				if (i >= 3 && (unsigned char)s[i] == 0xEF &&
				    (unsigned char)s[i - 3] == 0xEF)
					continue;
				if (j < len && (unsigned char)s[j] == 0xEF &&
				    (unsigned char)s[j - 3] == 0xEF)
					continue;
				assert_finds(s, arena_strndup(&a, s + i, j - i));
			}
		}
	}
}
END_TEST

START_TEST(test_highlight_chinese)
{
	const char *t = "办理户口迁移需要哪些材料";
	struct bg_span *v;
	size_t n = bg_highlight(&a, t, "户口", &v);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].start, 6);
	ck_assert_uint_eq(v[0].len, 6);

	n = bg_highlight(&a, t, "材料 户口", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(v[0].start, 6);
	ck_assert_uint_eq(v[0].len, 6);
	ck_assert_uint_eq(v[1].start, 30);
	ck_assert_uint_eq(v[1].len, 6);

	/* Overlapping and touching matches merge. */
	n = bg_highlight(&a, t, "户口 口迁", &v);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].start, 6);
	ck_assert_uint_eq(v[0].len, 9);
	n = bg_highlight(&a, t, "户口 迁移", &v);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].start, 6);
	ck_assert_uint_eq(v[0].len, 12);

	/* Whole terms, not bigrams; quotes around a term are trimmed. */
	n = bg_highlight(&a, t, "户口材料", &v);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(v);
	n = bg_highlight(&a, t, "“需要”", &v);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].start, 18);
	ck_assert_uint_eq(v[0].len, 6);

	/* Every occurrence. */
	n = bg_highlight(&a, "户户户口户", "户", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(v[0].start, 0);
	ck_assert_uint_eq(v[0].len, 9);
	ck_assert_uint_eq(v[1].start, 12);
	ck_assert_uint_eq(v[1].len, 3);

	ck_assert_uint_eq(bg_highlight(&a, t, "", &v), 0);
	ck_assert_uint_eq(bg_highlight(&a, t, "，。 --", &v), 0);
	ck_assert_uint_eq(bg_highlight(&a, "", "户口", &v), 0);
}
END_TEST

START_TEST(test_highlight_mixed)
{
	/* 下载=6 bytes, ＡＰＰ=9, 后登录=9, App=3, then a space and 12345. */
	const char *t = "下载ＡＰＰ后登录App 12345热线";
	struct bg_span *v;
	size_t n = bg_highlight(&a, t, "app", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(v[0].start, 6);
	ck_assert_uint_eq(v[0].len, 9);
	ck_assert_uint_eq(v[1].start, 24);
	ck_assert_uint_eq(v[1].len, 3);

	struct bg_span *w;
	ck_assert_uint_eq(bg_highlight(&a, t, "ＡＰＰ", &w), 2);
	ck_assert_mem_eq(v, w, 2 * sizeof *v);
	ck_assert_uint_eq(bg_highlight(&a, t, "aPp", &w), 2);
	ck_assert_mem_eq(v, w, 2 * sizeof *v);

	n = bg_highlight(&a, t, "１２３４５热线 载Ａ", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(v[0].start, 3);
	ck_assert_uint_eq(v[0].len, 6);
	ck_assert_uint_eq(v[1].start, 28);
	ck_assert_uint_eq(v[1].len, 11);

	/* Ideographic space in the text is a space; terms never hold one. */
	n = bg_highlight(&a, "甲　乙", "甲 乙", &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(v[0].start, 0);
	ck_assert_uint_eq(v[0].len, 3);
	ck_assert_uint_eq(v[1].start, 6);
	ck_assert_uint_eq(v[1].len, 3);
}
END_TEST

START_TEST(test_highlight_boundaries)
{
	/* Spans lie on character boundaries and inside the text, sorted and
	 * disjoint, whatever the query. */
	const char *t = "😀户口😀ＡＰＰapp，户口簿（户口）e\xcc\x81";
	const char *qs[] = { "户", "口 户", "app ＡＰＰ", "😀", "户口簿 户口",
			     "\"+*", "e\xcc\x81", "a b c d e f g h i j" };
	size_t len = strlen(t);
	for (size_t k = 0; k < sizeof qs / sizeof *qs; k++) {
		struct bg_span *v;
		size_t n = bg_highlight(&a, t, qs[k], &v);
		size_t prev_end = 0;
		for (size_t i = 0; i < n; i++) {
			ck_assert_uint_gt(v[i].len, 0);
			ck_assert_uint_le(v[i].start + v[i].len, len);
			ck_assert(i == 0 || v[i].start > prev_end);
			ck_assert(((unsigned char)t[v[i].start] & 0xC0) != 0x80);
			unsigned char e = (unsigned char)t[v[i].start + v[i].len];
			ck_assert((e & 0xC0) != 0x80);
			prev_end = v[i].start + v[i].len;
		}
	}
	struct bg_span *v;
	/* Emoji are separators: nothing to find, as in the search. */
	ck_assert_uint_eq(bg_highlight(&a, t, "😀", &v), 0);
	ck_assert_uint_eq(bg_highlight(&a, t, "户口", &v), 3);
}
END_TEST

/* The content terms of a question, "" when none; checks the count. */
static const char *terms(const char *s)
{
	int n = -1;
	const char *t = bg_content_terms(&a, s, &n);
	if (t == NULL) {
		ck_assert_int_eq(n, 0);
		return "";
	}
	int spaces = 0;
	for (const char *p = t; *p; p++)
		spaces += *p == ' ';
	ck_assert_int_eq(n, spaces + 1);
	return t;
}

START_TEST(test_terms_questions)
{
	ck_assert_str_eq(terms("身份证丢了怎么办"), "身份证");
	ck_assert_str_eq(terms("办理户口迁移需要哪些材料"), "户口迁移 材料");
	ck_assert_str_eq(terms("我的社保卡丢了怎么办"), "社保卡");
	ck_assert_str_eq(terms("社保卡怎么补办"), "社保卡 补办");
	ck_assert_str_eq(terms("孩子上学需要什么条件"), "孩子上学 条件");
	ck_assert_str_eq(terms("医保报销比例是多少"), "医保报销比例");
	ck_assert_str_eq(terms("新生儿怎么上户口"), "新生儿 上户口");
	ck_assert_str_eq(terms("入学要求有哪些"), "入学");
	ck_assert_str_eq(terms("居住证在哪里办"), "居住证");
	/* The longest phrase first: 怎么办理, not 怎么办 leaving 理. */
	ck_assert_str_eq(terms("怎么办理居住证"), "居住证");
	ck_assert_str_eq(terms("我想了解一下医保政策"), "医保政策");
	/* A verb or preposition glued to the start of a piece goes. */
	ck_assert_str_eq(terms("办身份证要多少钱"), "身份证");
	ck_assert_str_eq(terms("去派出所开证明"), "派出所开证明");
	/* 了 takes the verb before it, when two characters stay. */
	ck_assert_str_eq(terms("社保卡APP下载不了怎么办"), "社保卡 app 下载");
	ck_assert_str_eq(terms("身份证过期了怎么办"), "身份证过");
	ck_assert_str_eq(terms("到期了怎么办"), "到期");
	/* Words holding those characters inside stay whole. */
	ck_assert_str_eq(terms("街道办事处在哪里"), "街道办事处");
	ck_assert_str_eq(terms("身份证到期换领必须回户籍地办理吗"),
			 "身份证到期换领必须回户籍地");
	/* A repeated term counts once. */
	ck_assert_str_eq(terms("社保卡？社保卡怎么补办"), "社保卡 补办");

	/* The terms find the entry that the whole sentence misses, and mark
	 * it. */
	static const struct {
		const char *question, *text;
	} qa[] = {
		{ "身份证丢了怎么办", "居民身份证遗失后如何补领" },
		{ "办理户口迁移需要哪些材料", "户口迁移：携带户口簿等材料到派出所" },
		{ "办身份证要多少钱", "首次申领居民身份证的收费标准" },
		{ "社保卡APP下载不了怎么办？", "社保卡ＡＰＰ下载与安装" },
		{ "请问12345热线电话是多少", "梅州市12345热线电话" },
	};
	for (size_t i = 0; i < sizeof qa / sizeof qa[0]; i++) {
		const char *t = terms(qa[i].question);
		ck_assert_msg(!query_finds(qa[i].text, qa[i].question),
			      "%s finds %s already", qa[i].question, qa[i].text);
		ck_assert_msg(query_finds(qa[i].text, t), "terms %s of %s miss %s",
			      t, qa[i].question, qa[i].text);
	}
	struct bg_span *v;
	const char *text = "居民身份证遗失后如何补领身份证";
	ck_assert_uint_eq(bg_highlight(&a, text, terms("身份证丢了怎么办"), &v), 2);
	ck_assert_str_eq(arena_strndup(&a, text + v[0].start, v[0].len), "身份证");
}
END_TEST

START_TEST(test_terms_punctuation)
{
	ck_assert_str_eq(terms("身份证，丢了？怎么办！"), "身份证");
	ck_assert_str_eq(terms("（社保卡）“补办”：需要什么材料；"), "社保卡 补办 材料");
	ck_assert_str_eq(terms("户口迁移、落户——流程？"), "户口迁移 落户 流程");
	ck_assert_str_eq(terms("医保。。。报销？？？"), "医保 报销");
	/* Full-width ASCII punctuation and the ideographic space. */
	ck_assert_str_eq(terms("社保卡＂补办＂（材料）！"), "社保卡 补办 材料");
	ck_assert_str_eq(terms("　社保卡　补办　"), "社保卡 补办");
	ck_assert_str_eq(terms("社保卡...补办?!"), "社保卡 补办");
}
END_TEST

START_TEST(test_terms_none)
{
	/* Only question and function words: nothing to search. */
	ck_assert_str_eq(terms("请问怎么办理？"), "");
	ck_assert_str_eq(terms("我想问一下，可以吗？"), "");
	ck_assert_str_eq(terms("是不是要办理了呢"), "");
	ck_assert_str_eq(terms("吗"), "");
	ck_assert_str_eq(terms("了了了"), "");
	ck_assert_str_eq(terms(""), "");
	ck_assert_str_eq(terms("，。？！ ..."), "");
	ck_assert_str_eq(terms("😀 ① ㎡"), "");
	/* One character is a term only when it is all there is. */
	ck_assert_str_eq(terms("户怎么办"), "户");
	ck_assert_str_eq(terms("户"), "户");
	ck_assert_str_eq(terms("a"), "a");
	ck_assert_str_eq(terms("税怎么交"), "");
	ck_assert_str_eq(terms("a b"), "");
	ck_assert_str_eq(terms("卡丢了"), "卡丢");
}
END_TEST

START_TEST(test_terms_mixed)
{
	ck_assert_str_eq(terms("社保卡ABC怎么办"), "社保卡 abc");
	ck_assert_str_eq(terms("社保卡ＡＢＣ怎么办"), "社保卡 abc");
	ck_assert_str_eq(terms("ＡＰＰ下载不了怎么办"), "app 下载");
	ck_assert_str_eq(terms("5G套餐怎么取消"), "5g 套餐 取消");
	ck_assert_str_eq(terms("社保卡app"), "社保卡 app");
	/* At most BG_MAX_TERMS. */
	int n;
	ck_assert_str_eq(bg_content_terms(&a, "一一，二二，三三，四四，五五，六六，"
					  "七七，八八，九九，十十", &n),
			 "一一 二二 三三 四四 五五 六六 七七 八八");
	ck_assert_int_eq(n, BG_MAX_TERMS);
}
END_TEST

/* The terms are single runs of letters, digits and CJK characters, one
 * space apart, and give a safe query with one clause each. */
static void assert_safe_terms(const char *in)
{
	int n = -1, m = -1;
	const char *t = bg_content_terms(&a, in, &n);
	if (t == NULL) {
		ck_assert_int_eq(n, 0);
		return;
	}
	ck_assert_int_ge(n, 1);
	ck_assert_int_le(n, BG_MAX_TERMS);
	for (const char *p = t; *p; p += clen(p)) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x80)
			continue;
		ck_assert_msg((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
				      c == ' ',
			      "input %s gave terms %s: bad byte 0x%02x", in, t, c);
		if (c == ' ')
			ck_assert(p > t && p[1] != ' ' && p[1] != '\0');
	}
	ck_assert_ptr_nonnull(bg_query(&a, t, &m));
	ck_assert_int_eq(m, n);
	assert_safe_query(t);
}

START_TEST(test_terms_hostile)
{
	static const char *const in[] = {
		"\" OR 1=1 --", "+-*~<>()@\"", "户口\"怎么办-迁移", "a*怎么办",
		"*", "'; DROP TABLE kb_search; --吗", "\"\"\"", "＂ＯＲ１＝１",
		"＋＂－＊（）～＜＞＠", "＂户口＂　－迁移＊怎么办", "😀户口😀了",
		"\x01\x02\x1f户\x7f口了", "户\xc2\xa0口吗", "户\xe2\x80\x8b口",
		"𠀀𠀁怎么办𪚥", "MATCH(x) AGAINST('y')怎么办", "户口迁移\"需要\"哪些\"材料",
		"app卡\"了", "卡*\"吗", "1*2*3", "% _ ? ! # $ & ^ | ; : , . / = `",
		"\xff\xfe户口\xc0了", "了\xe4\xba", "怎么\xe6",
	};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++)
		assert_safe_terms(in[i]);
	ck_assert_str_eq(terms("\" OR 1=1 --"), "or");
	ck_assert_str_eq(terms("户口\"怎么办-迁移"), "户口 迁移");
	ck_assert_str_eq(terms("MATCH(x) AGAINST('y')怎么办"), "match against");

	struct buf b;
	const char *bits[] = { "户", "\"", "+", "-", "*", " ", "口", "a", "~",
			       "了", "怎么办", "吗", "办", "的", "(", "＂", "😀",
			       "　", "，", "迁", "移", "\xe4" };
	srand(54321);
	for (int round = 0; round < 2000; round++) {
		buf_init(&b, &a);
		int len = rand() % 40;
		for (int i = 0; i < len; i++)
			buf_puts(&b, bits[rand() % (sizeof bits / sizeof *bits)]);
		assert_safe_terms(buf_str(&b));
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("bigram");
	TCase *tc = tcase_create("bigram");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_normalize);
	tcase_add_test(tc, test_index_text);
	tcase_add_test(tc, test_query_basic);
	tcase_add_test(tc, test_query_empty);
	tcase_add_test(tc, test_width_and_case);
	tcase_add_test(tc, test_query_limits);
	tcase_add_test(tc, test_query_hostile);
	tcase_add_test(tc, test_query_matches_index);
	tcase_add_test(tc, test_highlight_chinese);
	tcase_add_test(tc, test_highlight_mixed);
	tcase_add_test(tc, test_highlight_boundaries);
	tcase_add_test(tc, test_terms_questions);
	tcase_add_test(tc, test_terms_punctuation);
	tcase_add_test(tc, test_terms_none);
	tcase_add_test(tc, test_terms_mixed);
	tcase_add_test(tc, test_terms_hostile);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
