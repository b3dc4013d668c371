/*
 * kb_search.h - knowledge search (知识检索, K2, K9.2, U4): the one entry
 * point of the staff search, the public page, the intake page and the
 * relevance tool.
 *
 * The engine is this node's search index (kb_index.h): the query read as
 * kb_query.h says, hotline synonyms applied, the OR of its terms ranked
 * by BM25 (title and keywords weigh more), documents below a coverage
 * floor dropped, and entries that operators answered similar questions
 * with raised (learned answers, bounded, fading with time). While there is
 * no index fit to search, the SQL FULLTEXT search of kb_search answers
 * instead (every term required, then the question's content terms).
 * Either way the rows shown come from kb_search, so a withdrawn, obsolete
 * or internal entry never shows where it should not, however far behind
 * an index is.
 */
#ifndef KB_SEARCH_H
#define KB_SEARCH_H
#include <stddef.h>
#include "kb_query.h"
#include "db.h"
#include "kb_index.h"

#define KB_PAGE 20
#define KB_MAX_RESULTS 100       /* results ranked per query (five pages) */
#define KB_LEARN_HALF_LIFE 90.0  /* days for a learned answer to weigh half */

enum kb_engine { KB_ENGINE_INDEX, KB_ENGINE_SQL };

struct kb_hit {
	long long entry_id;
	const char *title, *summary, *unit, *kind;
	double score;       /* what it was ranked by */
	double coverage;    /* share of the question's words found (index) */
	double prominence;  /* share found where they stand out (index) */
	int learned;        /* raised by answers to similar questions */
};

struct kb_found {
	struct kb_hit *hits;     /* this page, best first */
	size_t n;
	int more;                /* there is a next page */
	size_t total;            /* results in all (the index ranks at most KB_MAX_RESULTS) */
	enum kb_engine engine;   /* which one answered */
	const char *mark;        /* words to highlight, space-separated */
	const char *relaxed;     /* SQL: content terms searched instead of q, else NULL */
	const char **synonyms;   /* words searched besides the question's */
	size_t nsyn;
	const char *gap_key;     /* what a search that finds nothing counts as (K9.1) */
	const struct kq *query;  /* the index engine: the question as read */
};

/*
 * Searches published entries (public ones only when public_only) for q,
 * page 1 on, with the engine wanted (KB_ENGINE_INDEX falls back to SQL
 * when reader has no index fit to search; reader may be NULL). Fills
 * *out with arena memory. DB_OK or a database error.
 */
int kb_find(struct db *db, struct arena *a, struct kbi_reader *reader,
	    enum kb_engine want, const char *q, int public_only, int page,
	    struct kb_found *out);

/*
 * Remembers, in the caller's transaction, that a call was answered from
 * entry_id after searching q (the intake's 一次性解答): later searches
 * sharing q's words rank the entry higher. Nothing when q has no words.
 */
int kb_learn(struct db *db, struct arena *a, const char *q, long long entry_id);

/*
 * Adds the synonym pair x, y (each checked by kq_synonym_word), in the
 * caller's transaction. Returns DB_OK with *id, DB_DUP when the pair is
 * there already (either way round), or DB_ERR with *msg set (in Chinese,
 * for the form) when a word is not acceptable.
 */
int kb_synonym_add(struct db *db, struct arena *a, const char *x, const char *y,
		   long long user_id, long long *id, const char **msg);

#endif
