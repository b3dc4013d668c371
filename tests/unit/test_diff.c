/* Character diff: exact scripts for Chinese edits, UTF-8 boundaries,
 * reconstruction and minimality on random inputs, the edit cap. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diff.h"

static struct arena a;

static void setup(void) { arena_init(&a, 4096); }
static void teardown(void) { arena_free(&a); }

/* The ops as one string: "=办理户口迁|-移|+入|..." */
static const char *show(const char *old, const char *neu)
{
	struct df_op *ops;
	size_t n = df_chars(&a, old, neu, &ops);
	struct buf b;
	buf_init(&b, &a);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, "|");
		buf_add(&b, &ops[i].kind, 1);
		buf_add(&b, ops[i].text, ops[i].len);
	}
	return buf_str(&b);
}

START_TEST(test_identical)
{
	ck_assert_str_eq(show("办理户口迁移", "办理户口迁移"), "=办理户口迁移");
	ck_assert_str_eq(show("abc", "abc"), "=abc");
	struct df_op *ops;
	ck_assert_uint_eq(df_chars(&a, "", "", &ops), 0);
	ck_assert_ptr_null(ops);
}
END_TEST

START_TEST(test_empty_sides)
{
	ck_assert_str_eq(show("", "新增内容"), "+新增内容");
	ck_assert_str_eq(show("删除内容", ""), "-删除内容");
	ck_assert_str_eq(show("甲", "乙"), "-甲|+乙");
}
END_TEST

START_TEST(test_chinese)
{
	ck_assert_str_eq(show("办理户口迁移需要材料", "办理户口迁入需要哪些材料"),
			 "=办理户口迁|-移|+入|=需要|+哪些|=材料");
	/* Start, middle, end. */
	ck_assert_str_eq(show("户口迁移", "办理户口迁移"), "+办理|=户口迁移");
	ck_assert_str_eq(show("办理户口迁移", "户口迁移"), "-办理|=户口迁移");
	ck_assert_str_eq(show("户口迁移", "户口的迁移"), "=户口|+的|=迁移");
	ck_assert_str_eq(show("户口的迁移", "户口迁移"), "=户口|-的|=迁移");
	ck_assert_str_eq(show("户口迁移", "户口迁移手续"), "=户口迁移|+手续");
	ck_assert_str_eq(show("户口迁移手续", "户口迁移"), "=户口迁移|-手续");
	/* A replacement is one deletion then one insertion. */
	ck_assert_str_eq(show("工作日5天内办结", "工作日10天内办结"),
			 "=工作日|-5|+10|=天内办结");
	ck_assert_str_eq(show("梅州市12345热线", "梅州市ＡＰＰ热线"),
			 "=梅州市|-12345|+ＡＰＰ|=热线");
	/* Characters sharing UTF-8 bytes are still different characters:
	 * 户 E6 88 B7 and 房 E6 88 BF. */
	ck_assert_str_eq(show("户", "房"), "-户|+房");
	ck_assert_str_eq(show("😀户", "😁户"), "-😀|+😁|=户");
}
END_TEST

static size_t clen(const char *p)
{
	unsigned char c = (unsigned char)*p;
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Code point count. */
static size_t nchars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i += clen(s + i))
		n++;
	return n;
}

/* Checks the script's invariants and returns its inserted plus deleted
 * characters. */
static size_t check_script(const char *old, const char *neu)
{
	struct df_op *ops;
	size_t n = df_chars(&a, old, neu, &ops);
	struct buf bo, bn;
	size_t edits = 0;
	buf_init(&bo, &a);
	buf_init(&bn, &a);
	for (size_t i = 0; i < n; i++) {
		const struct df_op *o = &ops[i];
		ck_assert(o->kind == '=' || o->kind == '-' || o->kind == '+');
		ck_assert_uint_gt(o->len, 0);
		/* Never a split character: starts and ends on boundaries. */
		ck_assert(((unsigned char)o->text[0] & 0xC0) != 0x80);
		ck_assert(((unsigned char)o->text[o->len] & 0xC0) != 0x80);
		if (i > 0) {
			ck_assert(o->kind != ops[i - 1].kind);
			ck_assert(!(o->kind == '-' && ops[i - 1].kind == '+'));
		}
		if (o->kind != '+') {
			ck_assert(o->text == old + bo.len);   /* points into old */
			buf_add(&bo, o->text, o->len);
		}
		if (o->kind != '-') {
			if (o->kind == '+')
				ck_assert(o->text == neu + bn.len);
			buf_add(&bn, o->text, o->len);
		}
		if (o->kind != '=')
			edits += nchars(o->text, o->len);
	}
	ck_assert_str_eq(buf_str(&bo), old);
	ck_assert_str_eq(buf_str(&bn), neu);
	return edits;
}

/* The fewest inserted plus deleted characters: n + m - 2 * LCS. */
static size_t min_edits(const char *x, const char *y)
{
	size_t n = nchars(x, strlen(x)), m = nchars(y, strlen(y));
	size_t *xo = arena_alloc(&a, (n + 1) * sizeof *xo);
	size_t *yo = arena_alloc(&a, (m + 1) * sizeof *yo);
	size_t k = 0;
	for (size_t i = 0; x[i]; i += clen(x + i))
		xo[k++] = i;
	k = 0;
	for (size_t i = 0; y[i]; i += clen(y + i))
		yo[k++] = i;
	size_t *row = arena_zalloc(&a, (m + 1) * sizeof *row);
	size_t *prev = arena_zalloc(&a, (m + 1) * sizeof *prev);
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t lx = clen(x + xo[i - 1]), ly = clen(y + yo[j - 1]);
			if (lx == ly && memcmp(x + xo[i - 1], y + yo[j - 1], lx) == 0)
				row[j] = prev[j - 1] + 1;
			else
				row[j] = prev[j] > row[j - 1] ? prev[j] : row[j - 1];
		}
		size_t *t = prev;
		prev = row;
		row = t;
	}
	return n + m - 2 * prev[m];
}

static const char *const alphabet[] = {
	"户", "口", "迁", "移", "房", "a", "b", "1", "é", "😀", "，", " ",
};

static char *random_text(size_t maxlen, size_t nsym)
{
	struct buf b;
	buf_init(&b, &a);
	size_t len = (size_t)rand() % (maxlen + 1);
	for (size_t i = 0; i < len; i++)
		buf_puts(&b, alphabet[(size_t)rand() % nsym]);
	return buf_str(&b);
}

START_TEST(test_random)
{
	srand(20240601);
	for (int round = 0; round < 3000; round++) {
		size_t nsym = 2 + (size_t)rand() % 11;
		const char *x = random_text(30, nsym), *y;
		if (round % 2) {
			y = random_text(30, nsym);
		} else {   /* a few edits of x */
			struct buf b;
			buf_init(&b, &a);
			for (size_t i = 0; x[i]; i += clen(x + i)) {
				int r = rand() % 10;
				if (r == 0)
					continue;
				if (r == 1)
					buf_puts(&b, alphabet[(size_t)rand() % nsym]);
				buf_add(&b, x + i, clen(x + i));
			}
			y = buf_str(&b);
		}
		/* Myers is exact below the cap. */
		ck_assert_uint_eq(check_script(x, y), min_edits(x, y));
	}
}
END_TEST

static char *big_text(size_t nchar, unsigned seed)
{
	static const char *const han[] = {
		"办", "理", "户", "口", "迁", "移", "需", "要", "材", "料",
		"梅", "州", "市", "热", "线", "社", "保", "卡", "，", "。",
	};
	struct buf b;
	buf_init(&b, &a);
	srand(seed);
	for (size_t i = 0; i < nchar; i++)
		buf_puts(&b, han[(size_t)rand() % 20]);
	return buf_str(&b);
}

START_TEST(test_large_few_edits)
{
	/* 20,000 characters with 200 scattered edits: exact script. */
	char *x = big_text(20000, 1);
	struct buf b;
	buf_init(&b, &a);
	srand(2);
	size_t i = 0;
	for (; x[i]; i += clen(x + i)) {
		int r = rand() % 100;
		if (r == 0)
			continue;                /* delete */
		if (r == 1)
			buf_puts(&b, "新");      /* insert */
		buf_add(&b, x + i, clen(x + i));
	}
	size_t e = check_script(x, buf_str(&b));
	ck_assert_uint_gt(e, 100);
	ck_assert_uint_lt(e, 1000);
}
END_TEST

START_TEST(test_large_unrelated)
{
	/* Two unrelated 20,000-character texts pass the cap: still a valid
	 * script, found in bounded time (the test's timeout). */
	char *x = big_text(20000, 3), *y = big_text(20000, 4);
	check_script(x, y);
	/* Entirely different alphabets: one deletion, one insertion. */
	struct buf b;
	buf_init(&b, &a);
	for (int i = 0; i < 20000; i++)
		buf_puts(&b, "x");
	struct df_op *ops;
	ck_assert_uint_eq(df_chars(&a, x, buf_str(&b), &ops), 2);
	ck_assert_int_eq(ops[0].kind, '-');
	ck_assert_int_eq(ops[1].kind, '+');
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_identical);
	tcase_add_test(tc, test_empty_sides);
	tcase_add_test(tc, test_chinese);
	tcase_add_test(tc, test_random);
	tcase_add_test(tc, test_large_few_edits);
	tcase_add_test(tc, test_large_unrelated);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
