/* The knowledge-quality lint (kb_lint.h) over stored versions: the
 * office's lists from the database, a version's stored fields matched to
 * its kind's labels. Used on a version's page and by the monthly run. */
#ifndef KB_CHECK_H
#define KB_CHECK_H
#include "db.h"
#include "kb_lint.h"

struct kb_lint_lists {
	struct kb_typo *typos;
	size_t ntypos;
	struct kb_synonym *synonyms;
	size_t nsynonyms;
};
/* The 错别字 list and the search's synonyms, into a. */
int kb_lint_lists_load(struct db *db, struct arena *a, struct kb_lint_lists *l);

/* One stored field of a version. */
struct kb_stored_field {
	const char *name, *value;
};
/* Lints a version of kind (enum kb_kind) with its stored fields; at most
 * max findings into out. */
size_t kb_check(struct arena *a, const struct kb_lint_lists *l, int kind, const char *title,
		const char *keywords, const struct kb_stored_field *fs, size_t nfs,
		struct kb_finding *out, size_t max);
#endif
