#include "kb_lint.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "kb.h"

const char *const kb_lint_labels[KBL__MAX] = { "错别字", "关键词", "格式", "必填项" };

struct out {
	struct arena *a;
	struct kb_finding *v;
	size_t n, max;
};

static void add(struct out *o, enum kb_lint_kind k, const char *where, const char *text)
{
	if (o->n < o->max)
		o->v[o->n++] = (struct kb_finding){ k, where, text };
}

/* Whether the UTF-8 character ending just before p (after start) is a CJK
 * ideograph or Chinese punctuation (three bytes, lead E3..E9, or EF for
 * full-width forms). */
static int cjk_before(const char *start, const char *p)
{
	return p - start >= 3 && (unsigned char)p[-3] >= 0xE3 && (unsigned char)p[-3] <= 0xEF &&
	       ((unsigned char)p[-1] & 0xC0) == 0x80;
}

static int cjk_at(const char *p)
{
	return (unsigned char)p[0] >= 0xE3 && (unsigned char)p[0] <= 0xEF;
}

/* Each listed wrong form in v, once. Of two overlapping occurrences the
 * longer, then the earlier, stands for both (部份 in 大部份, 帐单 in 对帐单,
 * 捡查 in 身体捡查 beside 体捡): one misused word, one finding. */
static void typos(struct out *o, const struct kb_lint_in *in, const char *where, const char *v)
{
	struct hit {
		size_t off, len, t;
	} m[64];
	size_t n = 0;
	for (size_t t = 0; t < in->ntypos; t++) {
		size_t len = strlen(in->typos[t].wrong);
		for (const char *p = len ? strstr(v, in->typos[t].wrong) : NULL;
		     p != NULL && n < sizeof m / sizeof m[0]; p = strstr(p + len, in->typos[t].wrong))
			m[n++] = (struct hit){ (size_t)(p - v), len, t };
	}
	unsigned char *said = arena_zalloc(o->a, in->ntypos + 1);
	for (size_t i = 0; i < n; i++) {
		int covered = 0;
		for (size_t j = 0; j < n && !covered; j++)
			covered = m[j].off < m[i].off + m[i].len && m[i].off < m[j].off + m[j].len &&
				  (m[j].len > m[i].len || (m[j].len == m[i].len && m[j].off < m[i].off));
		if (!covered && !said[m[i].t]++)
			add(o, KBL_TYPO, where,
			    arena_printf(o->a, "“%s”应为“%s”。", in->typos[m[i].t].wrong,
					 in->typos[m[i].t].correct));
	}
}

/* "2024.1.5" or "2024/01/05": a date not in the standard form. */
static void dates(struct out *o, const char *where, const char *v)
{
	for (const char *p = v; *p; p++) {
		if (p > v && (isdigit((unsigned char)p[-1]) || p[-1] == '/'))
			continue;
		size_t i = 0;
		while (i < 4 && isdigit((unsigned char)p[i]))
			i++;
		if (i != 4 || (p[4] != '.' && p[4] != '/'))
			continue;
		char sep = p[4];
		size_t j = 5;
		while (j < 7 && isdigit((unsigned char)p[j]))
			j++;
		if (j == 5 || p[j] != sep || !isdigit((unsigned char)p[j + 1]))
			continue;
		size_t k = j + 1;
		while (k < j + 3 && isdigit((unsigned char)p[k]))
			k++;
		add(o, KBL_FORMAT, where,
		    arena_printf(o->a, "日期“%.*s”宜写作“YYYY年M月D日”或“YYYY-MM-DD”。", (int)k, p));
		p += k - 1;
	}
}

static const char *blank_back(const char *v, const char *p)
{
	while (p > v && p[-1] == ' ')
		p--;
	return p;
}

/* Length of the blank at s (space, tab, newline, U+3000, U+00A0, <br>), or 0. */
static size_t blank(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if (strncmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	return strncmp(s, "<br>", 4) == 0 ? 4 : 0;
}

/* Whether an element other than a table cell holds only blanks. */
static int empty_markup(const char *v)
{
	static const char *const tags[] = { "p", "li", "h3", "h4", "strong", "b", "em", "i",
					    "u", "span", "blockquote" };
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		char open[16];
		snprintf(open, sizeof open, "<%s>", tags[i]);
		for (const char *p = strstr(v, open); p; p = strstr(p + 1, open)) {
			const char *q = p + strlen(open);
			for (size_t k; (k = blank(q)) != 0;)
				q += k;
			if (q[0] == '<' && q[1] == '/' && strncmp(q + 2, tags[i], strlen(tags[i])) == 0 &&
			    q[2 + strlen(tags[i])] == '>')
				return 1;
		}
	}
	return 0;
}

/* Whether v has anything to read once tags and blanks are left out. */
static int has_text(const char *v)
{
	for (int tag = 0; *v;) {
		size_t k = tag ? 0 : blank(v);
		if (k) {
			v += k;
			continue;
		}
		if (*v == '<')
			tag = 1;
		else if (*v == '>')
			tag = 0;
		else if (!tag)
			return 1;
		v++;
	}
	return 0;
}

static void format(struct out *o, const char *where, const char *v, int html)
{
	for (const char *p = v; *p; p++)
		if (*p == ',' && (cjk_before(v, blank_back(v, p)) || cjk_at(p + 1 + strspn(p + 1, " ")))) {
			add(o, KBL_FORMAT, where, "中文中使用了半角逗号“,”，应为全角“，”。");
			break;
		}
	if (html && empty_markup(v))
		add(o, KBL_FORMAT, where, "有空的段落或标记，请删除。");
	dates(o, where, v);
}

/* The next keyword of s (separated by spaces, commas, 、 or semicolons):
 * its start and length; NULL at the end. */
static const char *next_keyword(const char **s, size_t *len)
{
	static const char *const seps[] = { " ", "\t", ",", ";", "，", "、", "；", "　" };
	const char *p = *s;
	for (;;) {
		size_t k = 0;
		for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !k; i++)
			if (strncmp(p, seps[i], strlen(seps[i])) == 0)
				k = strlen(seps[i]);
		if (!k)
			break;
		p += k;
	}
	if (*p == '\0')
		return NULL;
	const char *start = p;
	while (*p) {
		size_t k = 0;
		for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !k; i++)
			if (strncmp(p, seps[i], strlen(seps[i])) == 0)
				k = strlen(seps[i]);
		if (k)
			break;
		p++;
	}
	*len = (size_t)(p - start);
	*s = p;
	return start;
}

static int word_in_entry(const struct kb_lint_in *in, const char *w)
{
	if (in->title && strstr(in->title, w))
		return 1;
	for (size_t i = 0; i < in->nfields; i++)
		if (in->fields[i].value && strstr(in->fields[i].value, w))
			return 1;
	return 0;
}

/* The keyword, or one of its synonyms, is in the entry. */
static int in_entry(const struct kb_lint_in *in, const char *kw)
{
	if (word_in_entry(in, kw))
		return 1;
	for (size_t i = 0; i < in->nsynonyms; i++) {
		const struct kb_synonym *y = &in->synonyms[i];
		if ((strcmp(y->a, kw) == 0 && word_in_entry(in, y->b)) ||
		    (strcmp(y->b, kw) == 0 && word_in_entry(in, y->a)))
			return 1;
	}
	return 0;
}

static int is_typo(const struct kb_lint_in *in, const char *kw)
{
	for (size_t t = 0; t < in->ntypos; t++)
		if (strstr(kw, in->typos[t].wrong) != NULL)
			return 1;
	return 0;
}

static void keywords(struct out *o, const struct kb_lint_in *in)
{
	const char *s = in->keywords ? in->keywords : "", *k;
	const char *seen[64];
	size_t n = 0, len;
	while ((k = next_keyword(&s, &len)) != NULL) {
		char *kw = arena_strndup(o->a, k, len);
		int dup = 0;
		for (size_t i = 0; i < n && i < 64; i++)
			dup |= strcmp(seen[i], kw) == 0;
		if (dup)
			add(o, KBL_KEYWORD, "关键词", arena_printf(o->a, "关键词“%s”重复。", kw));
		else if (is_typo(in, kw))
			add(o, KBL_TYPO, "关键词",
			    arena_printf(o->a, "关键词“%s”是错别字。", kw));
		else if (!in_entry(in, kw))
			add(o, KBL_KEYWORD, "关键词",
			    arena_printf(o->a, "关键词“%s”未在标题或正文中出现。", kw));
		if (n < 64)
			seen[n] = kw;
		n++;
	}
	if (n == 0)
		add(o, KBL_KEYWORD, "关键词", "未填写关键词（应为 1 至 10 个）。");
	else if (n > 10)
		add(o, KBL_KEYWORD, "关键词",
		    arena_printf(o->a, "关键词有 %zu 个，应为 1 至 10 个。", n));
}

/* What each kind needs beyond the form's required fields (K10.2). */
static const struct {
	int kind;
	const char *field;
} needed[] = {
	{ KB_GUIDE, "time_limit" }, { KB_GUIDE, "materials" },
	{ KB_LAW, "doc_number" }, { KB_LAW, "validity" },
	{ KB_ORG, "contacts" },
};

static int needed_field(int kind, const char *name)
{
	for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
		if (needed[i].kind == kind && strcmp(needed[i].field, name) == 0)
			return 1;
	return 0;
}

static void required(struct out *o, const struct kb_lint_in *in)
{
	for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++) {
		if (needed[i].kind != in->kind)
			continue;
		const struct kb_field *fd = kb_field_find((enum kb_kind)in->kind, needed[i].field);
		int given = 0;
		for (size_t f = 0; f < in->nfields; f++)
			if (strcmp(in->fields[f].name, needed[i].field) == 0 && in->fields[f].value &&
			    has_text(in->fields[f].value))
				given = 1;
		if (!given && fd != NULL)
			add(o, KBL_REQUIRED, fd->label,
			    arena_printf(o->a, "%s须写明“%s”。", kb_kinds[in->kind].label, fd->label));
	}
}

size_t kb_lint(struct arena *a, const struct kb_lint_in *in, struct kb_finding *out,
	       size_t max)
{
	struct out o = { a, out, 0, max };
	if (in->title) {
		typos(&o, in, "标题", in->title);
		format(&o, "标题", in->title, 0);
	}
	for (size_t i = 0; i < in->nfields; i++) {
		const struct kb_lint_field *f = &in->fields[i];
		if (f->value == NULL || *f->value == '\0')
			continue;
		if (!has_text(f->value)) {   /* only empty markup: missing, if needed */
			if (!needed_field(in->kind, f->name))
				add(&o, KBL_FORMAT, f->label, "有空的段落或标记，请删除。");
			continue;
		}
		typos(&o, in, f->label, f->value);
		format(&o, f->label, f->value, f->html);
	}
	keywords(&o, in);
	required(&o, in);
	return o.n;
}
