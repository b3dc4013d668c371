/* Likely duplicate orders (issue 16), pure: the same caller, or the same
 * place with similar content, within the office's window of days. The
 * store finds the candidates (order_candidates); this decides. */
#ifndef ORDER_DUPES_H
#define ORDER_DUPES_H
#include "arena.h"

/* Similarity of place and content from which two orders count as likely
 * duplicates (Dice coefficient of their bigram sets, 0..1). */
#define DUP_PLACE_MIN 0.6
#define DUP_CONTENT_MIN 0.4

/* Dice coefficient of the two texts' search tokens (bigram.h: the
 * character bigrams of CJK runs, words whole), 0..1; 0 when either has
 * none. */
double order_similarity(struct arena *a, const char *x, const char *y);

enum dup_reason {
	DUP_NONE,
	DUP_PHONE,          /* the same caller's number */
	DUP_PLACE_CONTENT,  /* a similar place and similar content */
};
/* A text's distinct search tokens, sorted (arena memory). */
struct dup_tokens {
	char **v;
	size_t n;
};
/* The order the candidates are compared with, its texts read once. */
struct dup_subject {
	const char *phone, *place;
	struct dup_tokens place_tokens, content_tokens;
};
void order_dup_subject(struct arena *a, const char *phone, const char *place,
		       const char *content, struct dup_subject *s);
/* Why an earlier order (phone2, place2, content2) looks like the same
 * matter as s, or DUP_NONE. Empty phones and places never match. */
enum dup_reason order_dup_reason_for(struct arena *a, const struct dup_subject *s,
				     const char *phone2, const char *place2,
				     const char *content2);
/* The same for one pair. */
enum dup_reason order_dup_reason(struct arena *a, const char *phone, const char *place,
				 const char *content, const char *phone2, const char *place2,
				 const char *content2);
/* The words the intake and the order page show for a reason. */
const char *order_dup_label(enum dup_reason r);

#endif
