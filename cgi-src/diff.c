/*
 * diff.c - Myers' diff over code points (diff.h). The bisection follows
 * diff-match-patch's diff_bisect: walk the forward and reverse paths
 * one edit at a time until they overlap, split there, recurse.
 */
#include "diff.h"

#include <stdint.h>
#include <string.h>

/* A text as code points, with the byte offset of each (off[n] = end). */
struct seq {
	const char *s;
	uint32_t *c;
	size_t *off;
	size_t n;
};

struct ctx {
	struct arena *a;
	struct seq x, y;      /* old, new */
	long *v1, *v2;        /* forward and reverse furthest x per diagonal */
	long vmax;            /* the diagonals v1, v2 hold: -vmax-1..vmax+1 */
	struct df_op *ops;
	size_t n, cap;
	/* The change being gathered since the last '=': [del0, del1) of
	 * old and [ins0, ins1) of new, both in characters. */
	size_t del0, del1, ins0, ins1;
};

/* Decoding is lenient: input is valid UTF-8, but a stray byte still
 * counts as one character of its own, so offsets stay in bounds. */
static void decode(struct arena *a, const char *s, struct seq *q)
{
	size_t len = strlen(s), i = 0, k = 0;

	q->s = s;
	q->c = arena_alloc(a, (len + 1) * sizeof *q->c);
	q->off = arena_alloc(a, (len + 1) * sizeof *q->off);
	while (i < len) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t n = u[0] < 0xC0 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
		uint32_t c = u[0];
		for (size_t j = 1; j < n; j++) {
			if ((u[j] & 0xC0) != 0x80) {
				n = 1;
				c = u[0];
				break;
			}
			c = (c << 8) | u[j];   /* unique per sequence; enough */
		}
		q->c[k] = c;
		q->off[k++] = i;
		i += n;
	}
	q->off[k] = len;
	q->n = k;
}

static void push(struct ctx *c, char kind, const char *p, size_t len)
{
	if (len == 0)
		return;
	if (c->n > 0 && c->ops[c->n - 1].kind == kind) {
		c->ops[c->n - 1].len += len;   /* contiguous by construction */
		return;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		struct df_op *nv = arena_alloc(c->a, c->cap * sizeof *nv);
		if (c->n > 0)
			memcpy(nv, c->ops, c->n * sizeof *nv);
		c->ops = nv;
	}
	c->ops[c->n].kind = kind;
	c->ops[c->n].text = p;
	c->ops[c->n].len = len;
	c->n++;
}

/* Writes the gathered change: deletion first, then insertion. */
static void flush(struct ctx *c)
{
	push(c, '-', c->x.s + c->x.off[c->del0],
	     c->x.off[c->del1] - c->x.off[c->del0]);
	push(c, '+', c->y.s + c->y.off[c->ins0],
	     c->y.off[c->ins1] - c->y.off[c->ins0]);
	c->del0 = c->del1;
	c->ins0 = c->ins1;
}

/* Old [i, i+n) equals new [j, j+n). */
static void out_eq(struct ctx *c, size_t i, size_t j, size_t n)
{
	if (n == 0)
		return;
	flush(c);
	push(c, '=', c->x.s + c->x.off[i], c->x.off[i + n] - c->x.off[i]);
	c->del0 = c->del1 = i + n;
	c->ins0 = c->ins1 = j + n;
}

/* Ops arrive in text order, so a change only ever grows at its end. */
static void out_del(struct ctx *c, size_t i1)
{
	c->del1 = i1;
}

static void out_ins(struct ctx *c, size_t j1)
{
	c->ins1 = j1;
}

static void diff_range(struct ctx *c, size_t i0, size_t i1, size_t j0,
		       size_t j1);

/*
 * Finds where the forward and reverse paths of old [i0, i1) and new
 * [j0, j1) overlap and diffs the two halves; beyond the edit cap,
 * reports the whole range as replaced. Both ranges are non-empty.
 */
static void bisect(struct ctx *c, size_t i0, size_t i1, size_t j0, size_t j1)
{
	const uint32_t *x = c->x.c + i0, *y = c->y.c + j0;
	long n = (long)(i1 - i0), m = (long)(j1 - j0);
	long max_d = (n + m + 1) / 2;
	long delta = n - m;
	int front = (delta % 2) != 0;
	long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
	long *v1 = c->v1 + c->vmax + 1, *v2 = c->v2 + c->vmax + 1;

	if (max_d > c->vmax)
		max_d = c->vmax;
	for (long k = -max_d - 1; k <= max_d + 1; k++)
		v1[k] = v2[k] = -1;
	v1[1] = v2[1] = 0;
	for (long d = 0; d < max_d; d++) {
		for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
			long x1;
			if (k1 == -d || (k1 != d && v1[k1 - 1] < v1[k1 + 1]))
				x1 = v1[k1 + 1];
			else
				x1 = v1[k1 - 1] + 1;
			long y1 = x1 - k1;
			while (x1 < n && y1 < m && x[x1] == y[y1]) {
				x1++;
				y1++;
			}
			v1[k1] = x1;
			if (x1 > n) {
				k1end += 2;        /* ran off the right */
			} else if (y1 > m) {
				k1start += 2;      /* ran off the bottom */
			} else if (front) {
				long k2 = delta - k1;
				if (k2 >= -max_d && k2 <= max_d && v2[k2] != -1 &&
				    x1 >= n - v2[k2]) {
					diff_range(c, i0, i0 + (size_t)x1, j0,
						   j0 + (size_t)y1);
					diff_range(c, i0 + (size_t)x1, i1,
						   j0 + (size_t)y1, j1);
					return;
				}
			}
		}
		for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
			long x2;
			if (k2 == -d || (k2 != d && v2[k2 - 1] < v2[k2 + 1]))
				x2 = v2[k2 + 1];
			else
				x2 = v2[k2 - 1] + 1;
			long y2 = x2 - k2;
			while (x2 < n && y2 < m && x[n - x2 - 1] == y[m - y2 - 1]) {
				x2++;
				y2++;
			}
			v2[k2] = x2;
			if (x2 > n) {
				k2end += 2;
			} else if (y2 > m) {
				k2start += 2;
			} else if (!front) {
				long k1 = delta - k2;
				if (k1 >= -max_d && k1 <= max_d && v1[k1] != -1) {
					long x1 = v1[k1], y1 = x1 - k1;
					if (x1 >= n - x2) {
						diff_range(c, i0, i0 + (size_t)x1, j0,
							   j0 + (size_t)y1);
						diff_range(c, i0 + (size_t)x1, i1,
							   j0 + (size_t)y1, j1);
						return;
					}
				}
			}
		}
	}
	out_del(c, i1);   /* over the cap: replace it all */
	out_ins(c, j1);
}

/* Diffs old [i0, i1) against new [j0, j1), writing ops in order. */
static void diff_range(struct ctx *c, size_t i0, size_t i1, size_t j0,
		       size_t j1)
{
	size_t pre = 0, suf = 0;

	while (i0 + pre < i1 && j0 + pre < j1 &&
	       c->x.c[i0 + pre] == c->y.c[j0 + pre])
		pre++;
	out_eq(c, i0, j0, pre);
	i0 += pre;
	j0 += pre;
	while (i0 + suf < i1 && j0 + suf < j1 &&
	       c->x.c[i1 - suf - 1] == c->y.c[j1 - suf - 1])
		suf++;
	i1 -= suf;
	j1 -= suf;
	if (i0 == i1) {
		out_ins(c, j1);
	} else if (j0 == j1) {
		out_del(c, i1);
	} else {
		bisect(c, i0, i1, j0, j1);
	}
	out_eq(c, i1, j1, suf);
}

size_t df_chars(struct arena *a, const char *old, const char *neu,
		struct df_op **ops)
{
	struct ctx c;

	memset(&c, 0, sizeof c);
	c.a = a;
	decode(a, old, &c.x);
	decode(a, neu, &c.y);
	/* The paths meet after about half the edits from each end. */
	c.vmax = DF_MAX_EDITS / 2 + 1;
	c.v1 = arena_alloc(a, (size_t)(2 * c.vmax + 3) * sizeof *c.v1);
	c.v2 = arena_alloc(a, (size_t)(2 * c.vmax + 3) * sizeof *c.v2);
	diff_range(&c, 0, c.x.n, 0, c.y.n);
	flush(&c);
	*ops = c.n > 0 ? c.ops : NULL;
	return c.n;
}
