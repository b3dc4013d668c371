#include "order_dupes.h"

#include <stdlib.h>
#include <string.h>

#include "bigram.h"

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The distinct tokens of text, sorted. */
static void token_set(struct arena *a, const char *text, struct dup_tokens *out)
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
	out->v = v;
	out->n = u;
}

/* Dice coefficient of two token sets. */
static double dice(const struct dup_tokens *p, const struct dup_tokens *q)
{
	if (p->n == 0 || q->n == 0)
		return 0;
	size_t i = 0, k = 0, both = 0;
	while (i < p->n && k < q->n) {
		int c = strcmp(p->v[i], q->v[k]);
		both += c == 0;
		i += c <= 0;
		k += c >= 0;
	}
	return 2.0 * (double)both / (double)(p->n + q->n);
}

double order_similarity(struct arena *a, const char *x, const char *y)
{
	struct dup_tokens p, q;
	token_set(a, x, &p);
	token_set(a, y, &q);
	return dice(&p, &q);
}

void order_dup_subject(struct arena *a, const char *phone, const char *place,
		       const char *content, struct dup_subject *s)
{
	s->phone = phone;
	s->place = place;
	token_set(a, place, &s->place_tokens);
	token_set(a, content, &s->content_tokens);
}

enum dup_reason order_dup_reason_for(struct arena *a, const struct dup_subject *s,
				     const char *phone2, const char *place2,
				     const char *content2)
{
	if (*s->phone != '\0' && strcmp(s->phone, phone2) == 0)
		return DUP_PHONE;
	if (*s->place == '\0' || *place2 == '\0')
		return DUP_NONE;
	struct dup_tokens t;
	token_set(a, place2, &t);
	if (dice(&s->place_tokens, &t) < DUP_PLACE_MIN)
		return DUP_NONE;
	token_set(a, content2, &t);
	return dice(&s->content_tokens, &t) >= DUP_CONTENT_MIN ? DUP_PLACE_CONTENT : DUP_NONE;
}

enum dup_reason order_dup_reason(struct arena *a, const char *phone, const char *place,
				 const char *content, const char *phone2, const char *place2,
				 const char *content2)
{
	struct dup_subject s;
	order_dup_subject(a, phone, place, content, &s);
	return order_dup_reason_for(a, &s, phone2, place2, content2);
}

const char *order_dup_label(enum dup_reason r)
{
	return r == DUP_PHONE ? "同一来电号码" : r == DUP_PLACE_CONTENT ? "地点相同、内容相近" : "";
}
