/* Near-duplicate knowledge entries (K10.2, 重复条目), pure: pairs of
 * entries, within a unit or across units, whose character-shingle sets
 * have Jaccard similarity >= a threshold (0.8 in the requirement).
 *
 * A text is normalised with bg_normalize (full-width to half-width, lower
 * case), its separators (whitespace, punctuation, symbols: bigram.h's
 * classes) dropped and its word and CJK runs joined; its shingles are the
 * overlapping 3-character grams, by code point. A text of one or two
 * characters has one shingle, itself; a text with none never pairs.
 * Candidates come from MinHash with LSH banding (tuned for 0.8, see
 * kb_dupes.c) and each is verified with the exact Jaccard of the two
 * shingle-hash sets, so every reported pair is >= the threshold; a
 * qualifying pair is missed with probability < 0.001 (at Jaccard 0.8).
 * Large groups of near-identical entries are reported as links to the
 * group's first members rather than as all m*(m-1)/2 pairs (kb_dupes.c,
 * BUCKET_ALL). */
#ifndef KB_DUPES_H
#define KB_DUPES_H
#include <stddef.h>
#include "arena.h"

/* text: UTF-8, the title and field texts, already stripped of HTML.
 * unit_id is the caller's, carried for telling within-unit from
 * cross-unit pairs; ids are distinct. */
struct kb_dupe_doc {
	unsigned id;
	unsigned unit_id;
	const char *text;
};

/* a < b, document ids. */
struct kb_dupe_pair {
	unsigned a, b;
	double jaccard;
};

/* The pairs of docs whose shingle sets have Jaccard >= threshold (meant
 * for 0.5 .. 1; the banding is tuned for 0.8). Returns their number and
 * sets *out to an arena array sorted by a then b (NULL when none).
 * Temporary memory (malloc'd and freed before return): about 120 bytes
 * a doc and 16 a candidate pair, plus the shingle sets (8 bytes a
 * character) of the docs whose candidates are being verified. */
size_t kb_dupes_find(struct arena *a, const struct kb_dupe_doc *docs, size_t n,
		     double threshold, struct kb_dupe_pair **out);

/* The exact Jaccard of two texts' shingle sets; 0 when either is empty.
 * Uses a for scratch. */
double kb_dupes_jaccard(struct arena *a, const char *x, const char *y);

#endif
