/* The knowledge-quality lint (K10.2) measured: kb_lint on the entries of
 * tests/lint/faulty.txt (format described there) with the shipped list of
 * misused words, sql/lint/typos.tsv. A finding of the same kind and field
 * as a labelled fault not yet matched is a true positive; other findings
 * are false alarms, unmatched faults are misses. Prints precision and
 * recall, overall and per kind, and lists the misses and false alarms.
 * Run from the repository root, as make unit does. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "kb_lint.h"

#define MAX_TYPOS 2048
#define MAX_FIELDS 16
#define MAX_FAULTS 8

static const char *const codes[KBL__MAX] = { "typo", "keyword", "format", "required" };

/* A few pairs of the kind the office keeps (kb_synonyms); the file's
 * entries lean on 驾照/驾驶证. */
static const struct kb_synonym synonyms[] = {
	{ "驾照", "驾驶证" }, { "医保", "医疗保险" }, { "社保", "社会保险" },
	{ "户口", "户籍" },   { "网签", "网上签约" }, { "低保", "最低生活保障" },
};

struct fault {
	enum kb_lint_kind kind;
	const char *where;
	int hit;
};

struct entry {
	int kind;
	const char *title, *keywords;
	struct kb_lint_field fields[MAX_FIELDS];
	size_t nfields;
	struct fault faults[MAX_FAULTS];
	size_t nfaults;
};

/* The misused-word list, strings in a. */
static size_t load_typos(struct arena *a, struct kb_typo *t)
{
	FILE *f = fopen("sql/lint/typos.tsv", "r");
	ck_assert_msg(f != NULL, "sql/lint/typos.tsv: run from the repository root");
	char line[256];
	size_t n = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || tab == NULL)
			continue;
		*tab = '\0';
		ck_assert_uint_lt(n, MAX_TYPOS);
		t[n++] = (struct kb_typo){ arena_strdup(a, line), arena_strdup(a, tab + 1) };
	}
	fclose(f);
	return n;
}

/* The first word of *s (up to a space), NUL-terminated; *s moves past it
 * and the spaces after. */
static char *word(char **s)
{
	char *w = *s, *e = w + strcspn(w, " ");
	*s = e + strspn(e, " ");
	if (*e)
		*e = '\0';
	return w;
}

static int fault_kind(const char *code)
{
	for (int k = 0; k < KBL__MAX; k++)
		if (strcmp(codes[k], code) == 0)
			return k;
	return -1;
}

/* Whether where names a place a finding can be: 标题, 关键词 or a field of kind. */
static int known_place(int kind, const char *where)
{
	if (strcmp(where, "标题") == 0 || strcmp(where, "关键词") == 0)
		return 1;
	for (size_t i = 0; i < kb_kinds[kind].nfields; i++)
		if (strcmp(kb_kinds[kind].fields[i].label, where) == 0)
			return 1;
	return 0;
}

/* The entries of the file, strings in a; how many. */
static size_t load_entries(struct arena *a, struct entry *e, size_t max)
{
	FILE *f = fopen("tests/lint/faulty.txt", "r");
	ck_assert_msg(f != NULL, "tests/lint/faulty.txt: run from the repository root");
	char *buf = NULL;
	size_t cap = 0, n = 0, lineno = 0;
	while (getline(&buf, &cap, f) != -1) {
		lineno++;
		buf[strcspn(buf, "\r\n")] = '\0';
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		char *rest = arena_strdup(a, buf), *tag = word(&rest);
		struct entry *c = n ? &e[n - 1] : NULL;
		if (strcmp(tag, "entry") == 0) {
			ck_assert_uint_lt(n, max);
			c = &e[n++];
			memset(c, 0, sizeof *c);
			c->kind = kb_kind_from_code(word(&rest));
			c->title = rest;
			ck_assert_msg(c->kind >= 0, "faulty.txt:%zu: unknown kind", lineno);
		} else if (c != NULL && strcmp(tag, "keywords") == 0) {
			c->keywords = rest;
		} else if (c != NULL && strcmp(tag, "field") == 0) {
			const char *name = word(&rest);
			const struct kb_field *fd = kb_field_find((enum kb_kind)c->kind, name);
			ck_assert_msg(fd != NULL, "faulty.txt:%zu: no field %s", lineno, name);
			ck_assert_uint_lt(c->nfields, MAX_FIELDS);
			c->fields[c->nfields++] = (struct kb_lint_field){ fd->name, fd->label, rest,
									  fd->type == KBF_HTML };
		} else if (c != NULL && strcmp(tag, "fault") == 0) {
			int k = fault_kind(word(&rest));
			ck_assert_msg(k >= 0 && known_place(c->kind, rest),
				      "faulty.txt:%zu: bad fault line", lineno);
			ck_assert_uint_lt(c->nfaults, MAX_FAULTS);
			c->faults[c->nfaults++] = (struct fault){ (enum kb_lint_kind)k, rest, 0 };
		} else {
			ck_abort_msg("faulty.txt:%zu: unknown line", lineno);
		}
	}
	free(buf);
	fclose(f);
	return n;
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1.0;
}

START_TEST(lint_precision_and_recall)
{
	static struct kb_typo typos[MAX_TYPOS];
	static struct entry entries[128];
	struct arena a, la;
	arena_init(&a, 1 << 16);
	arena_init(&la, 1 << 14);
	size_t ntypos = load_typos(&a, typos);
	size_t n = load_entries(&a, entries, sizeof entries / sizeof entries[0]);
	size_t tp[KBL__MAX] = { 0 }, fp[KBL__MAX] = { 0 }, fn[KBL__MAX] = { 0 };
	size_t nfaults = 0, nfindings = 0;
	for (size_t i = 0; i < n; i++) {
		struct entry *e = &entries[i];
		const struct kb_lint_in in = { e->kind, e->title, e->keywords, e->fields, e->nfields,
					       typos, ntypos, synonyms,
					       sizeof synonyms / sizeof synonyms[0] };
		struct kb_finding f[64];
		arena_reset(&la);
		size_t nf = kb_lint(&la, &in, f, sizeof f / sizeof f[0]);
		ck_assert_uint_lt(nf, sizeof f / sizeof f[0]);
		nfindings += nf;
		nfaults += e->nfaults;
		for (size_t j = 0; j < nf; j++) {
			size_t k = 0;
			while (k < e->nfaults && (e->faults[k].hit || e->faults[k].kind != f[j].kind ||
						 strcmp(e->faults[k].where, f[j].where) != 0))
				k++;
			if (k < e->nfaults) {
				e->faults[k].hit = 1;
				tp[f[j].kind]++;
			} else {
				fp[f[j].kind]++;
				printf("false alarm: %s [%s %s] %s\n", e->title, codes[f[j].kind],
				       f[j].where, f[j].text);
			}
		}
		for (size_t k = 0; k < e->nfaults; k++)
			if (!e->faults[k].hit) {
				fn[e->faults[k].kind]++;
				printf("miss: %s [%s %s]\n", e->title, codes[e->faults[k].kind],
				       e->faults[k].where);
			}
	}
	size_t ttp = 0;
	for (int k = 0; k < KBL__MAX; k++) {
		ttp += tp[k];
		printf("  %-8s faults=%zu findings=%zu precision=%.2f recall=%.2f\n", codes[k],
		       tp[k] + fn[k], tp[k] + fp[k], ratio(tp[k], tp[k] + fp[k]),
		       ratio(tp[k], tp[k] + fn[k]));
	}
	double p = ratio(ttp, nfindings), r = ratio(ttp, nfaults);
	printf("lint eval: entries=%zu faults=%zu findings=%zu precision=%.2f recall=%.2f\n", n,
	       nfaults, nfindings, p, r);
	fflush(stdout);
	arena_free(&la);
	arena_free(&a);
	ck_assert_msg(p >= 0.85, "precision %.2f < 0.85", p);
	ck_assert_msg(r >= 0.85, "recall %.2f < 0.85", r);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("kb_lint_eval");
	TCase *tc = tcase_create("eval");
	tcase_add_test(tc, lint_precision_and_recall);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
