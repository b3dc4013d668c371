/*
 * diff.h - character diff of two UTF-8 texts (版本比对), pure.
 *
 * Myers' O(ND) algorithm in its linear-space form (middle snake, as in
 * diff-match-patch) over code points, so an op never splits a Chinese
 * character. Common prefix and suffix are taken off first; if the rest
 * needs more than DF_MAX_EDITS inserted plus deleted characters, it is
 * reported as "delete all of it, insert all of the new": time stays
 * O((N+M) * DF_MAX_EDITS) whatever the inputs. Two unrelated texts of
 * 20,000 Chinese characters take about 0.13 s at -O2 to hit the cap; a
 * 20,000-character text with 1,000 edits, 0.005 s.
 */
#ifndef DIFF_H
#define DIFF_H
#include <stddef.h>
#include "arena.h"

#define DF_MAX_EDITS 8000

struct df_op {
	char kind;         /* '=' in both, '-' only in old, '+' only in new */
	const char *text;  /* into old ('=', '-') or neu ('+'); not NUL-ended */
	size_t len;        /* bytes */
};

/*
 * The edit script turning old into neu: ops in text order, never two
 * adjacent ops of one kind, and between two '=' ops at most one '-'
 * followed by at most one '+'. Reading the '=' and '-' ops gives old,
 * the '=' and '+' ops neu. Sets *ops to an arena array and returns its
 * length (0, *ops NULL, when both are empty). The ops point into old
 * and neu, which must outlive them.
 */
size_t df_chars(struct arena *a, const char *old, const char *neu,
		struct df_op **ops);

#endif
