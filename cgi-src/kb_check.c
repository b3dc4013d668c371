#include "kb_check.h"

#include <string.h>

#include "assess_store.h"
#include "kb.h"
#include "search_store.h"

int kb_lint_lists_load(struct db *db, struct arena *a, struct kb_lint_lists *l)
{
	struct kb_typo_row *tr;
	struct search_synonym_row *sr;
	size_t ntr = 0, nsr = 0;
	int rc = kb_typos_all(db, a, &tr, &ntr);
	if (rc == DB_OK)
		rc = search_synonyms(db, a, &sr, &nsr);
	if (rc != DB_OK)
		return rc;
	l->typos = arena_alloc(a, (ntr + 1) * sizeof *l->typos);
	for (size_t i = 0; i < ntr; i++)
		l->typos[i] = (struct kb_typo){ tr[i].wrong, tr[i].correct };
	l->ntypos = ntr;
	l->synonyms = arena_alloc(a, (nsr + 1) * sizeof *l->synonyms);
	for (size_t i = 0; i < nsr; i++)
		l->synonyms[i] = (struct kb_synonym){ sr[i].a, sr[i].b };
	l->nsynonyms = nsr;
	return DB_OK;
}

size_t kb_check(struct arena *a, const struct kb_lint_lists *l, int kind, const char *title,
		const char *keywords, const struct kb_stored_field *fs, size_t nfs,
		struct kb_finding *out, size_t max)
{
	const struct kb_kind_def *k = &kb_kinds[kind];
	struct kb_lint_field *lf = arena_alloc(a, (k->nfields + 1) * sizeof *lf);
	size_t n = 0;
	for (size_t i = 0; i < k->nfields; i++)
		for (size_t j = 0; j < nfs; j++)
			if (strcmp(fs[j].name, k->fields[i].name) == 0)
				lf[n++] = (struct kb_lint_field){ k->fields[i].name,
								  k->fields[i].label, fs[j].value,
								  k->fields[i].type == KBF_HTML };
	const struct kb_lint_in in = { kind, title, keywords, lf, n, l->typos, l->ntypos,
				       l->synonyms, l->nsynonyms };
	return kb_lint(a, &in, out, max);
}
