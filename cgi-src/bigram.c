/*
 * bigram.c - Chinese full-text search text: normalisation, the bigram
 * index column, the BOOLEAN MODE query, a question's content terms and
 * highlighting. Formats are described in bigram.h.
 */
#include "bigram.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum cls { C_SEP, C_WORD, C_CJK };

/* Longest term bg_highlight looks for; longer ones are cut to it. */
#define HL_MAX_CHARS 128

/*
 * Decodes the character at s (not at its NUL) into *cp and returns its
 * length. Input is valid UTF-8, but a stray byte still advances by one
 * as U+FFFD, a separator, rather than reading past the end.
 */
static size_t u8_next(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;
	uint32_t c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		n = 2;
		c = u[0] & 0x1F;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3;
		c = u[0] & 0x0F;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4;
		c = u[0] & 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	*cp = c;
	return n;
}

static void u8_put(struct buf *b, uint32_t c)
{
	char o[4];
	size_t n;

	if (c < 0x80) {
		o[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		o[0] = (char)(0xF0 | (c >> 18));
		o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	buf_add(b, o, n);
}

static uint32_t norm_cp(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFEE0;
	else if (c == 0x3000)
		c = ' ';
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	return c;
}

/*
 * Class of a normalised character. Anything InnoDB might not count as a
 * word character is a separator, so a token we emit is never split or
 * read as an operator by the server.
 */
static enum cls cp_class(uint32_t c)
{
	if (c < 0x80) {
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'))
			return C_WORD;
		return C_SEP;
	}
	if (c < 0xC0 || c == 0xD7 || c == 0xF7)     /* C1, Latin-1 punctuation */
		return C_SEP;
	if (c >= 0x0300 && c <= 0x036F)              /* combining marks */
		return C_SEP;
	if (c >= 0x1AB0 && c <= 0x1AFF)
		return C_SEP;
	if (c >= 0x1DC0 && c <= 0x1DFF)
		return C_SEP;
	if (c >= 0x2000 && c <= 0x2BFF)  /* punctuation, symbols, arrows, ① */
		return C_SEP;
	if (c >= 0x2E00 && c <= 0x2E7F)              /* supplemental punctuation */
		return C_SEP;
	if (c < 0x2E80)
		return C_WORD;
	if (c >= 0x3000 && c <= 0x303F)              /* CJK punctuation 、。「」 */
		return C_SEP;
	if (c >= 0x3200 && c <= 0x33FF)              /* enclosed ㈠, units ㎡ */
		return C_SEP;
	if (c >= 0xD800 && c <= 0xF8FF)              /* surrogates, private use */
		return C_SEP;
	if (c >= 0xFE00 && c <= 0xFE6F)  /* variation selectors, small forms */
		return C_SEP;
	if (c == 0xFEFF)
		return C_SEP;
	if (c >= 0xFF00 && c <= 0xFF65)              /* full-width punctuation */
		return C_SEP;
	if (c >= 0xFFE0)                             /* ￥, specials, astral */
		return c >= 0x20000 && c <= 0x3FFFF ? C_CJK : C_SEP;
	return C_CJK;
}

char *bg_normalize(struct arena *a, const char *s)
{
	struct buf b;
	uint32_t c;

	buf_init(&b, a);
	while (*s != '\0') {
		size_t n = u8_next(s, &c);
		uint32_t m = norm_cp(c);
		if (m == c)
			buf_add(&b, s, n);   /* also keeps a stray byte as it was */
		else
			u8_put(&b, m);
		s += n;
	}
	return buf_str(&b);
}

/* A maximal run of one class in normalised text. */
struct run {
	const char *p;
	size_t len;      /* bytes */
	size_t nchars;
	enum cls cls;
};

/*
 * Finds the next run in [s, end) and returns the position after it, or
 * NULL when only separators remain.
 */
static const char *next_run(const char *s, const char *end, struct run *r)
{
	uint32_t c;
	size_t n;

	for (;;) {
		if (s >= end)
			return NULL;
		n = u8_next(s, &c);
		if (cp_class(c) != C_SEP)
			break;
		s += n;
	}
	r->p = s;
	r->cls = cp_class(c);
	r->nchars = 0;
	while (s < end) {
		n = u8_next(s, &c);
		if (cp_class(c) != r->cls)
			break;
		s += n;
		r->nchars++;
	}
	r->len = (size_t)(s - r->p);
	return s;
}

const char *bg_next_run(const char *s, const char *end, struct bg_run *r)
{
	struct run x;
	const char *q = next_run(s, end, &x);
	if (q != NULL) {
		r->p = x.p;
		r->len = x.len;
		r->nchars = x.nchars;
		r->cjk = x.cls == C_CJK;
	}
	return q;
}

size_t bg_char_len(const char *p)
{
	uint32_t c;
	return u8_next(p, &c);
}

/* Byte length of the first k characters of p (or fewer, up to end). */
static size_t chars_len(const char *p, const char *end, size_t k)
{
	const char *q = p;
	uint32_t c;

	while (k-- > 0 && q < end)
		q += u8_next(q, &c);
	return (size_t)(q - p);
}

/* Receives each token of a run: the index and the query collect them. */
struct toks {
	struct {
		const char *p;
		size_t len;
	} v[BG_MAX_TOKENS];
	size_t n;
	const char *prefix;  /* lone CJK character ending a query term */
	size_t prefix_len;
};

static void tok_add(struct toks *t, const char *p, size_t len)
{
	if (t->n < BG_MAX_TOKENS) {
		t->v[t->n].p = p;
		t->v[t->n].len = len;
		t->n++;
	}
}

/* Where tokens go: the index column's text (b) or a query term (t). */
struct sink {
	struct buf *b;
	struct toks *t;
};

static void put_tok(struct sink *k, const char *p, size_t len)
{
	if (k->t != NULL) {
		tok_add(k->t, p, len);
		return;
	}
	if (k->b->len > 0)
		buf_puts(k->b, " ");
	buf_add(k->b, p, len);
}

/* The bigrams of a CJK run, then its last character when wanted. */
static void cjk_tokens(struct sink *k, const struct run *r, int last_char)
{
	const char *end = r->p + r->len;
	const char *p = r->p;
	uint32_t c;

	while (p < end) {
		size_t n1 = u8_next(p, &c);
		if (p + n1 >= end) {
			if (last_char)
				put_tok(k, p, n1);
			break;
		}
		size_t n2 = u8_next(p + n1, &c);
		put_tok(k, p, n1 + n2);
		p += n1;
	}
}

char *bg_index_text(struct arena *a, const char *s)
{
	const char *t = bg_normalize(a, s);
	const char *end = t + strlen(t);
	struct buf b;
	struct sink k = { &b, NULL };
	struct run r;

	buf_init(&b, a);
	while ((t = next_run(t, end, &r)) != NULL) {
		if (r.cls == C_WORD)
			put_tok(&k, r.p, chars_len(r.p, r.p + r.len, BG_MAX_WORD));
		else
			cjk_tokens(&k, &r, 1);
	}
	return buf_str(&b);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* The tokens of one query term [p, end) (rules in bigram.h). */
static void term_tokens(const char *p, const char *end, struct toks *t)
{
	struct sink k = { NULL, t };
	struct run cur, nxt;
	const char *q = next_run(p, end, &cur);

	t->n = 0;
	t->prefix = NULL;
	t->prefix_len = 0;
	while (q != NULL) {
		const char *q2 = next_run(q, end, &nxt);
		int more = q2 != NULL;
		if (cur.cls == C_WORD) {
			put_tok(&k, cur.p,
				chars_len(cur.p, cur.p + cur.len, BG_MAX_WORD));
		} else if (cur.nchars == 1 && !more) {
			if (t->n < BG_MAX_TOKENS) {
				t->prefix = cur.p;
				t->prefix_len = cur.len;
			}
		} else {
			cjk_tokens(&k, &cur, more);
		}
		if (!more)
			break;
		cur = nxt;
		q = q2;
	}
}

char *bg_query(struct arena *a, const char *user_query, int *nterms)
{
	const char *s = bg_normalize(a, user_query);
	struct toks t;
	struct buf b;

	*nterms = 0;
	buf_init(&b, a);
	while (*s != '\0' && *nterms < BG_MAX_TERMS) {
		while (is_space(*s))
			s++;
		const char *e = s;
		while (*e != '\0' && !is_space(*e))
			e++;
		term_tokens(s, e, &t);
		s = e;
		if (t.n == 0 && t.prefix == NULL)
			continue;
		if (b.len > 0)
			buf_puts(&b, " ");
		if (t.n == 1) {
			buf_puts(&b, "+");
			buf_add(&b, t.v[0].p, t.v[0].len);
		} else if (t.n > 1) {
			buf_puts(&b, "+\"");
			for (size_t i = 0; i < t.n; i++) {
				if (i > 0)
					buf_puts(&b, " ");
				buf_add(&b, t.v[i].p, t.v[i].len);
			}
			buf_puts(&b, "\"");
		}
		if (t.prefix != NULL) {
			buf_puts(&b, t.n > 0 ? " +" : "+");
			buf_add(&b, t.prefix, t.prefix_len);
			buf_puts(&b, "*");
		}
		(*nterms)++;
	}
	return *nterms > 0 ? buf_str(&b) : NULL;
}

/*
 * Question and function phrases (疑问词、虚词) cut out of a question by
 * bg_content_terms (the SQL search's fallback) and, through bg_stop_at,
 * left out of the weight of a query by kb_query.c. Kept short:
 * each row must be noise in almost any question, because a cut also
 * splits whatever word it sits in. Matching takes the longest row that
 * starts at a character, so order does not matter, and a longer row
 * wins over its prefix:
 *  - 怎么办理 exists because 怎么办 would otherwise leave 理 glued to the
 *    next word ("怎么办理居住证" -> "理居住证", which no text holds);
 *  - 了解 keeps 解 from gluing on the same way; 要求 likewise for 求.
 * Left out on purpose: 办 (补办, 办事处), 在 (在职, 在校), 到 (到期),
 * 有 (有效期), 能 and other verbs inside a sentence: a word glued to one
 * of them, as in "社保卡能在网上补办吗", stays one term and may find
 * nothing, which the operator sees and can retype with spaces (see
 * lead_glue for the same characters at the start of a piece).
 * 办理 is cut although titles say 办理户口迁移: the strict search already
 * looked for it, and nearly every entry's text says 办理, so as a term it
 * would only demand that the wording match ("办理户口迁移" would miss
 * "户口迁移需要什么材料"). Single characters cost words that contain them
 * (网吧 loses 吧 and then 网, 其他 loses 他): rare in questions to the
 * hotline, and the strict search has looked for them first.
 */
static const char *const stop_phrases[] = {
	/* asking */
	"请问", "咨询", "我想", "想问", "问一下", "知道", "了解", "一下",
	"想知道", "想了解",
	/* question words */
	"怎么办理", "怎么办", "怎么样", "怎么弄", "怎么回事", "怎么", "怎样",
	"如何", "为什么", "什么样", "什么", "哪些", "哪里", "哪个", "哪儿",
	"在哪里", "在哪", "去哪里", "去哪", "到哪里", "到哪", "多少", "多久",
	"多长时间", "是否", "是不是", "能不能", "能否", "可不可以", "可以",
	"有没有", "有什么", "有哪些", "找谁", "找哪个", "找哪", "咋办", "咋样",
	"咋", "啥", "谁",
	/* the caller's own circumstances, said around the matter */
	"一般", "现在", "已经", "家里", "我家", "自己",
	/* need */
	"需要", "要求", "应该", "要",
	/* the generic verb of service entries */
	"办理",
	/* particles and pronouns; 了 also see bg_content_terms */
	"吗", "呢", "吧", "了", "的", "呀", "啊", "嘛", "是",
	"我们", "你们", "他们", "她们", "我", "你", "他", "她",
};

size_t bg_stop_at(const char *p, const char *end)
{
	size_t best = 0;

	for (size_t i = 0; i < sizeof stop_phrases / sizeof stop_phrases[0]; i++) {
		size_t n = strlen(stop_phrases[i]);
		if (n > best && n <= (size_t)(end - p) &&
		    memcmp(p, stop_phrases[i], n) == 0)
			best = n;
	}
	return best;
}

/*
 * Whether the character at p, starting a piece of three or more, is a
 * verb or preposition glued to the word after it: 办身份证, 去派出所,
 * 在网上, 到社保局. The rest of the piece is a suffix of it, so dropping
 * the character can only widen the search, and at least two characters
 * (one bigram) remain to keep it specific (办事处 -> 事处 still finds
 * 办事处; 到期 is left alone).
 */
static int lead_glue(const char *p)
{
	static const char *const glue[] = { "办", "去", "到", "在" };

	for (size_t i = 0; i < sizeof glue / sizeof glue[0]; i++)
		if (memcmp(p, glue[i], strlen(glue[i])) == 0)
			return 1;
	return 0;
}

/* The pieces bg_content_terms keeps, in order. */
struct pieces {
	struct {
		const char *p;
		size_t len;
	} v[BG_MAX_TERMS];
	size_t n;
	size_t seen;         /* every non-empty piece, kept or not */
	const char *lone;    /* the first one-character piece */
	size_t lone_len;
};

static void piece_add(struct pieces *k, const char *p, size_t len, size_t nchars)
{
	if (nchars == 0)
		return;
	k->seen++;
	if (nchars == 1) {
		if (k->lone == NULL) {
			k->lone = p;
			k->lone_len = len;
		}
		return;
	}
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].len == len && memcmp(k->v[i].p, p, len) == 0)
			return;
	if (k->n < BG_MAX_TERMS) {
		k->v[k->n].p = p;
		k->v[k->n].len = len;
		k->n++;
	}
}

/* A CJK piece [p, p + len) of nchars characters, less its glue. */
static void cjk_piece(struct pieces *k, const char *p, size_t len, size_t nchars)
{
	uint32_t c;

	if (nchars >= 3 && lead_glue(p)) {
		size_t n = u8_next(p, &c);
		p += n;
		len -= n;
		nchars--;
	}
	piece_add(k, p, len, nchars);
}

/* Byte offset of the last character of the non-empty [p, p + len). */
static size_t last_char_at(const char *p, size_t len)
{
	size_t i = len - 1;

	while (i > 0 && ((unsigned char)p[i] & 0xC0) == 0x80)
		i--;
	return i;
}

char *bg_content_terms(struct arena *a, const char *user_query, int *nterms)
{
	static const char le[] = "了";
	const char *s = bg_normalize(a, user_query);
	const char *end = s + strlen(s);
	struct pieces k = { .n = 0, .seen = 0, .lone = NULL, .lone_len = 0 };
	struct run r;
	struct buf b;

	while ((s = next_run(s, end, &r)) != NULL) {
		if (r.cls == C_WORD) {
			piece_add(&k, r.p, r.len, r.nchars);
			continue;
		}
		const char *re = r.p + r.len, *p = r.p, *start = r.p;
		size_t nchars = 0;
		while (p < re) {
			size_t cut = bg_stop_at(p, re);
			if (cut == 0) {
				uint32_t c;
				p += u8_next(p, &c);
				nchars++;
				continue;
			}
			size_t len = (size_t)(p - start);
			/* A lone 了 marks the verb before it (丢了, 坏了), which
			 * goes too when two characters stay: "身份证丢了" ->
			 * 身份证. A prefix of the piece, so only wider. */
			if (cut == sizeof le - 1 && memcmp(p, le, cut) == 0 &&
			    nchars >= 3) {
				len = last_char_at(start, len);
				nchars--;
			}
			cjk_piece(&k, start, len, nchars);
			p += cut;
			start = p;
			nchars = 0;
		}
		cjk_piece(&k, start, (size_t)(p - start), nchars);
	}
	if (k.n == 0 && k.seen == 1 && k.lone != NULL) {
		k.v[0].p = k.lone;
		k.v[0].len = k.lone_len;
		k.n = 1;
	}
	*nterms = (int)k.n;
	if (k.n == 0)
		return NULL;
	buf_init(&b, a);
	for (size_t i = 0; i < k.n; i++) {
		if (i > 0)
			buf_puts(&b, " ");
		buf_add(&b, k.v[i].p, k.v[i].len);
	}
	return buf_str(&b);
}

/* Normalised code points of a text and where each began in the original. */
struct cps {
	uint32_t *c;
	size_t *at;   /* n + 1 entries: at[n] is the end */
	size_t n;
};

static void decode(struct arena *a, const char *s, size_t len, struct cps *o)
{
	size_t i = 0, k = 0;

	/* A character is at least one byte: len bounds the count. */
	o->c = arena_alloc(a, (len + 1) * sizeof *o->c);
	o->at = arena_alloc(a, (len + 1) * sizeof *o->at);
	while (i < len) {
		uint32_t c;
		size_t n = u8_next(s + i, &c);
		o->c[k] = norm_cp(c);
		o->at[k] = i;
		k++;
		i += n;
	}
	o->at[k] = len;
	o->n = k;
}

static int span_cmp(const void *x, const void *y)
{
	const struct bg_span *p = x, *q = y;
	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	return 0;
}

size_t bg_highlight(struct arena *a, const char *text, const char *user_query,
		    struct bg_span **out)
{
	const char *s = bg_normalize(a, user_query);
	struct cps tx, term;
	struct bg_span *v = NULL;
	size_t n = 0, cap = 0;
	int nterms = 0;

	*out = NULL;
	decode(a, text, strlen(text), &tx);
	while (*s != '\0' && nterms < BG_MAX_MARKS) {
		while (is_space(*s))
			s++;
		const char *e = s;
		while (*e != '\0' && !is_space(*e))
			e++;
		decode(a, s, (size_t)(e - s), &term);
		s = e;
		size_t lo = 0, hi = term.n;
		while (lo < hi && cp_class(term.c[lo]) == C_SEP)
			lo++;
		while (hi > lo && cp_class(term.c[hi - 1]) == C_SEP)
			hi--;
		if (lo == hi)
			continue;
		nterms++;
		size_t m = hi - lo;
		if (m > HL_MAX_CHARS)
			m = HL_MAX_CHARS;
		for (size_t i = 0; i + m <= tx.n; i++) {
			if (memcmp(&tx.c[i], &term.c[lo], m * sizeof *tx.c) != 0)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				struct bg_span *nv;
				nv = arena_alloc(a, cap * sizeof *nv);
				if (n > 0)
					memcpy(nv, v, n * sizeof *v);
				v = nv;
			}
			v[n].start = tx.at[i];
			v[n].len = tx.at[i + m] - tx.at[i];
			n++;
		}
	}
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, span_cmp);
	size_t k = 0;
	for (size_t i = 1; i < n; i++) {
		size_t end = v[k].start + v[k].len;
		if (v[i].start <= end) {
			size_t e2 = v[i].start + v[i].len;
			if (e2 > end)
				v[k].len = e2 - v[k].start;
		} else {
			v[++k] = v[i];
		}
	}
	*out = v;
	return k + 1;
}
