/*
 * kb_query.h - a caller's words as a knowledge search (知识检索), pure.
 *
 * The index (kb_index.c) holds each entry's text as overlapping character
 * bigrams (bg_index_text). A query is read the same way, but not every
 * character counts alike:
 *
 *   units    every CJK character of the normalised query is a unit, and
 *            every word (ASCII letters, digits ...) is one unit;
 *   stop     a unit inside a question word or particle (bg_stop_at:
 *            怎么办, 哪里, 找谁, 吗, 了 ...) weighs nothing;
 *   terms    the bigrams of each stretch of content characters (never
 *            across a stop phrase or a separator), each word, and - when
 *            the query has nothing else - a lone character as a prefix;
 *   synonyms a hotline synonym (驾照 -> 驾驶证) found in the query adds
 *            the bigrams of the other word as terms, and its units count
 *            as found when a document holds all of them.
 *
 * A document's coverage is the weight of the units its matched terms
 * account for over the weight of all units: 1 when every content
 * character of the question is found (in any order, anywhere in the
 * entry), less for each missing one. Once the index has said how many
 * documents hold each term (kq_weigh), the content is cut into words the
 * way the knowledge base writes them: the bigram that most entries hold
 * first, then the next among the characters left (申请低保 -> 申请 低保,
 * not 请低). A unit then weighs what its word's rarity tells (idf: 跳闸
 * more than 办理) and is found only where that word is; a character left
 * over between words (回, 交) weighs nothing, and a bigram no entry holds
 * at all is a word of the caller's that the knowledge base does not have:
 * it weighs as a rare word, so that a question about something else (献血,
 * 台风) finds nothing rather than what its common words match (a long
 * question's such words weigh at most as four characters do). A word no
 * title or keywords use (今年, 听说) weighs a quarter of its rarity: it is
 * context, not the matter. Bigrams that made no word leave the query. The search ranks by BM25 within what
 * clears a coverage floor (kb_search.c); below it, "没有找到".
 */
#ifndef KB_QUERY_H
#define KB_QUERY_H
#include <stddef.h>
#include "arena.h"
#include "xindex.h"

#define KQ_MAX_UNITS 48   /* characters and words read from a query */
#define KQ_MAX_ALTS  16   /* synonyms applied to one query */
#define KQ_MAX_KEY   8    /* characters in a synonym's word */

/* A synonym pair as stored: from is in the query, to is searched too. */
struct kq_synonym {
	const char *from, *to;
};

struct kq_unit {
	const char *p;      /* in the normalised query */
	size_t len;         /* bytes */
	int run;            /* units of different runs never form a bigram */
	int word;           /* a word, not a CJK character */
	int stop;           /* part of a question word or particle */
	double w;           /* its weight in coverage */
	int term;           /* after kq_weigh: the term that finds it, or -1 */
	int unknown;        /* after kq_weigh: no entry holds its word */
};

/* What a matched term accounts for: units [from, to) for the query's own
 * terms; nothing by itself for a synonym's (alt >= 0). */
struct kq_cover {
	int from, to;
	int alt;
};

/* A synonym found in the query: units [from, to) count as found when
 * every term of need is matched. */
struct kq_alt {
	int from, to;
	const char *word;            /* the other word, as searched */
	unsigned long long need;     /* bit i: term i */
};

struct kq {
	const char *norm;            /* the normalised query */
	struct kq_unit u[KQ_MAX_UNITS];
	size_t nu;
	struct xi_qterm t[XI_MAX_TERMS];
	struct kq_cover c[XI_MAX_TERMS];
	size_t nt;
	size_t norig;                /* t[0 .. norig) are the query's own */
	double idf[XI_MAX_TERMS];    /* set by kq_weigh */
	int weighed;                 /* kq_weigh has run */
	struct kq_alt alt[KQ_MAX_ALTS];
	size_t nalt;
	double total;                /* the weight of every unit */
};

/*
 * The pieces of q a synonym's word could be: every stretch of one to
 * KQ_MAX_KEY units within a run, normalised, each once. Returns their
 * number and sets *out to an arena array of strings. They hold only word
 * and CJK characters (never quotes, backslashes or controls).
 */
size_t kq_keys(struct arena *a, const char *q, const char ***out);

/* Reads q, applying the synonyms whose from occurs in it. */
void kq_build(struct arena *a, const char *q, const struct kq_synonym *syn,
	      size_t nsyn, struct kq *k);

/* Cuts and weighs the units by the terms' document frequencies:
 * termfreq[i] of ndocs documents hold k->t[i], topicfreq[i] in their
 * title or keywords (NULL: as if all did). Terms that made no word get
 * weight 0. */
void kq_weigh(struct kq *k, const unsigned long *termfreq, const unsigned long *topicfreq,
	      unsigned long ndocs);

/* Whether term text is one of k's terms (its own or a synonym's). */
int kq_has_term(const struct kq *k, const char *text);

/* The coverage, 0..1, of a document holding the terms in matched (bit i:
 * k->t[i]), over all units or over those the knowledge base has words for
 * (known_only); 0 when there is no weight at all. */
double kq_coverage(const struct kq *k, unsigned long long matched, int known_only);

/*
 * The query's own terms as one string separated by single spaces (what
 * a learned answer is remembered by, kb_learn), or "" when none.
 */
const char *kq_terms_text(struct arena *a, const struct kq *k);

/*
 * How alike two queries are, by their own terms (space-separated, as
 * kq_terms_text writes them): shared over all distinct terms (Jaccard),
 * 0..1.
 */
double kq_similarity(const char *terms_a, const char *terms_b);

/* A synonym's word as stored: q normalised, when it is one run of 1 to
 * KQ_MAX_KEY characters (or one word of letters and digits) with nothing
 * else around it; else NULL. */
const char *kq_synonym_word(struct arena *a, const char *w);

/* The question without its question words and particles: its content
 * stretches separated by spaces ("居住证怎么办理" -> "居住证"), what a
 * search that finds nothing is counted under (K9.1). */
const char *kq_content_text(struct arena *a, const struct kq *k);

/* Words to mark in results, separated by spaces (for bg_highlight): the
 * terms some entry holds once kq_weigh ran (before it, the content
 * stretches), and the synonyms' words. */
const char *kq_highlight_text(struct arena *a, const struct kq *k);

#endif
