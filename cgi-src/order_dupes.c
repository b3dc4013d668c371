#include "order_dupes.h"

#include <stdlib.h>
#include <string.h>

#include "bigram.h"

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The distinct tokens of text, sorted; their number. */
static size_t token_set(struct arena *a, const char *text, char ***out)
{
	char *s = bg_index_text(a, text);
	size_t cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ' ';
	char **v = arena_alloc(a, cap * sizeof *v);
	size_t n = 0;
	char *save = NULL;
	for (char *t = strtok_r(s, " ", &save); t; t = strtok_r(NULL, " ", &save))
		v[n++] = t;
	qsort(v, n, sizeof *v, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || strcmp(v[u - 1], v[i]) != 0)
			v[u++] = v[i];
	*out = v;
	return u;
}

double order_similarity(struct arena *a, const char *x, const char *y)
{
	char **p, **q;
	size_t np = token_set(a, x, &p), nq = token_set(a, y, &q);
	if (np == 0 || nq == 0)
		return 0;
	size_t i = 0, k = 0, both = 0;
	while (i < np && k < nq) {
		int c = strcmp(p[i], q[k]);
		both += c == 0;
		i += c <= 0;
		k += c >= 0;
	}
	return 2.0 * (double)both / (double)(np + nq);
}

enum dup_reason order_dup_reason(struct arena *a, const char *phone, const char *place,
				 const char *content, const char *phone2, const char *place2,
				 const char *content2)
{
	if (*phone != '\0' && strcmp(phone, phone2) == 0)
		return DUP_PHONE;
	if (*place == '\0' || *place2 == '\0')
		return DUP_NONE;
	if (order_similarity(a, place, place2) >= DUP_PLACE_MIN &&
	    order_similarity(a, content, content2) >= DUP_CONTENT_MIN)
		return DUP_PLACE_CONTENT;
	return DUP_NONE;
}

const char *order_dup_label(enum dup_reason r)
{
	return r == DUP_PHONE ? "同一来电号码" : r == DUP_PLACE_CONTENT ? "地点相同、内容相近" : "";
}
