/* Knowledge-quality lint (K10.2), pure: misused words (错别字) from a list,
 * keywords (1 to 10, none repeated, each found in the entry), format
 * (half-width commas in Chinese text, empty markup, dates not in a
 * standard form) and the fields each kind needs beyond the form's. A
 * keyword counts as found when it, or a synonym of it, is in the entry. */
#ifndef KB_LINT_H
#define KB_LINT_H
#include <stddef.h>
#include "arena.h"

struct kb_typo {
	const char *wrong, *correct;
};

/* Two words the hotline takes as one (the search's synonyms). */
struct kb_synonym {
	const char *a, *b;
};

/* One field of the version: its label and value (html: sanitised HTML). */
struct kb_lint_field {
	const char *name, *label, *value;
	int html;
};

struct kb_lint_in {
	int kind;                 /* enum kb_kind */
	const char *title, *keywords;
	const struct kb_lint_field *fields;
	size_t nfields;
	const struct kb_typo *typos;
	size_t ntypos;
	const struct kb_synonym *synonyms;   /* a keyword may be a synonym of a word in it */
	size_t nsynonyms;
};

enum kb_lint_kind { KBL_TYPO, KBL_KEYWORD, KBL_FORMAT, KBL_REQUIRED, KBL__MAX };
extern const char *const kb_lint_labels[KBL__MAX];

struct kb_finding {
	enum kb_lint_kind kind;
	const char *where;        /* the field's label ("标题", "关键词", ...) */
	const char *text;         /* what is wrong and how to mend it */
};

/* At most max findings into out (texts in a); how many. */
size_t kb_lint(struct arena *a, const struct kb_lint_in *in, struct kb_finding *out,
	       size_t max);
#endif
