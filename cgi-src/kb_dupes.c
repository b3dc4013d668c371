/*
 * kb_dupes.c - near-duplicate entries (kb_dupes.h): shingles, MinHash,
 * LSH banding for candidates, exact Jaccard to verify them.
 *
 * Hashes: a shingle is hashed with FNV-1a 64 over its UTF-8 bytes, then
 * splitmix64's finaliser (mix64) to spread the bits. MinHash row i uses
 * the permutation h -> mix64(h ^ seed[i]), seed[i] = mix64(golden * (i+1)).
 *
 * Banding: 64 rows in 16 bands of 4. Two docs at Jaccard s share a band
 * with probability 1 - (1 - s^4)^16: 0.9998 at s = 0.8, 0.64 at 0.5,
 * 0.12 at 0.3, 0.0016 at 0.1, so few candidates need verifying.
 */
#include "kb_dupes.h"
#include "bigram.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SHINGLE_K  3
#define SIG_ROWS   64
#define BAND_ROWS  4
#define BANDS      (SIG_ROWS / BAND_ROWS)
#define FNV_BASIS  0xcbf29ce484222325ULL
/* In one band's bucket of docs sharing a band hash (in input order), the
 * first BUCKET_ALL docs pair with each other; each later doc pairs only
 * with the first BUCKET_HEAD. A bucket of m docs thus costs at most
 * 1225 + 8m candidates, not m(m-1)/2: 100,000 identical entries stay
 * cheap, and each is still linked to the group. */
#define BUCKET_ALL  50
#define BUCKET_HEAD 8
_Static_assert(BUCKET_HEAD <= BUCKET_ALL, "a big bucket's head is paired already");

/* A growable malloc'd array of 64-bit values. */
struct vec {
	uint64_t *p;
	size_t n, cap;
};

/* Out of memory aborts, as the arena does. */
static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n != 0 ? n : 1);
	if (p == NULL)
		abort();
	return p;
}

static void vec_push(struct vec *v, uint64_t x)
{
	if (v->n == v->cap) {
		v->cap = v->cap != 0 ? 2 * v->cap : 256;
		v->p = xrealloc(v->p, v->cap * sizeof *v->p);
	}
	v->p[v->n++] = x;
}

/* splitmix64's finaliser (Steele, Lea and Flood 2014): a bijection. */
static uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t fnv1a(uint64_t h, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

/* The hash of the last min(nch, SHINGLE_K) characters, kept in a ring
 * (character j at slot j % SHINGLE_K). */
static uint64_t gram_hash(const char *const *c, const size_t *len, size_t nch)
{
	size_t k = nch < SHINGLE_K ? nch : SHINGLE_K;
	uint64_t h = FNV_BASIS;

	for (size_t j = nch - k; j < nch; j++)
		h = fnv1a(h, c[j % SHINGLE_K], len[j % SHINGLE_K]);
	return mix64(h);
}

/* Sets v to the hashes of text's shingles (unsorted, repeats kept): the
 * word and CJK runs of the normalised text, joined, cut in overlapping
 * SHINGLE_K-grams. Uses tmp for the normalised text. */
static void shingles(struct arena *tmp, const char *text, struct vec *v)
{
	const char *s = bg_normalize(tmp, text), *end = s + strlen(s);
	const char *c[SHINGLE_K];
	size_t len[SHINGLE_K], nch = 0;
	struct bg_run r;

	v->n = 0;
	while ((s = bg_next_run(s, end, &r)) != NULL) {
		for (const char *p = r.p; p < r.p + r.len; nch++) {
			size_t i = nch % SHINGLE_K;
			c[i] = p;
			len[i] = bg_char_len(p);
			p += len[i];
			if (nch + 1 >= SHINGLE_K)
				vec_push(v, gram_hash(c, len, nch + 1));
		}
	}
	if (nch > 0 && nch < SHINGLE_K)
		vec_push(v, gram_hash(c, len, nch));
}

/* Sorts p[0..n) ascending: LSD radix sort, a byte a pass, skipping the
 * bytes all keys share (qsort's comparisons cost a third of the time). */
static void sort_u64(uint64_t *p, size_t n)
{
	size_t cnt[8][256] = { { 0 } };
	uint64_t *tmp, *src = p, *dst;

	if (n < 2)
		return;
	for (size_t i = 0; i < n; i++)
		for (unsigned d = 0; d < 8; d++)
			cnt[d][(p[i] >> (8 * d)) & 0xFF]++;
	dst = tmp = xrealloc(NULL, n * sizeof *tmp);
	for (unsigned d = 0; d < 8; d++) {
		size_t sum = 0, *c = cnt[d];
		if (c[(p[0] >> (8 * d)) & 0xFF] == n)
			continue;
		for (unsigned b = 0; b < 256; b++) {
			size_t t = c[b];
			c[b] = sum;
			sum += t;
		}
		for (size_t i = 0; i < n; i++)
			dst[c[(src[i] >> (8 * d)) & 0xFF]++] = src[i];
		uint64_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != p)
		memcpy(p, src, n * sizeof *p);
	free(tmp);
}

static void sort_unique(struct vec *v)
{
	size_t m = 0;

	sort_u64(v->p, v->n);
	for (size_t i = 0; i < v->n; i++)
		if (m == 0 || v->p[i] != v->p[m - 1])
			v->p[m++] = v->p[i];
	v->n = m;
}

/* Jaccard of two sorted sets, by merging; 0 when either is empty. */
static double set_jaccard(const struct vec *x, const struct vec *y)
{
	size_t i = 0, j = 0, inter = 0;

	if (x->n == 0 || y->n == 0)
		return 0;
	while (i < x->n && j < y->n) {
		uint64_t u = x->p[i], v = y->p[j];
		inter += u == v;
		i += u <= v;
		j += v <= u;
	}
	return (double)inter / (double)(x->n + y->n - inter);
}

double kb_dupes_jaccard(struct arena *a, const char *x, const char *y)
{
	struct vec u = { 0 }, v = { 0 };
	double j;

	shingles(a, x, &u);
	shingles(a, y, &v);
	sort_unique(&u);
	sort_unique(&v);
	j = set_jaccard(&u, &v);
	free(u.p);
	free(v.p);
	return j;
}

/* A doc's BANDS band hashes from its shingles sh: row i of the MinHash
 * signature is the least mix64(h ^ seed[i]); a band hashes its rows and
 * keeps the top 32 bits (a chance collision only costs a verification). */
static void band_hashes(const struct vec *sh, const uint64_t *seed, uint32_t *band)
{
	uint64_t sig[SIG_ROWS];

	for (size_t i = 0; i < SIG_ROWS; i++) {
		uint64_t lo = UINT64_MAX;
		for (size_t k = 0; k < sh->n; k++) {
			uint64_t m = mix64(sh->p[k] ^ seed[i]);
			lo = m < lo ? m : lo;
		}
		sig[i] = lo;
	}
	for (size_t b = 0; b < BANDS; b++) {
		uint64_t h = FNV_BASIS;
		for (size_t r = 0; r < BAND_ROWS; r++)
			h = mix64(h ^ sig[b * BAND_ROWS + r]);
		band[b] = (uint32_t)(h >> 32);
	}
}

/* Appends to cand the pairs (hi << 32 | lo, doc indices) of each bucket
 * of the sorted keys (band hash << 32 | doc), bounded as BUCKET_ALL says. */
static void bucket_pairs(const uint64_t *key, size_t n, struct vec *cand)
{
	for (size_t i = 0, start = 0; i < n; i++) {
		if (key[i] >> 32 != key[start] >> 32)
			start = i;
		size_t pos = i - start, upto = pos < BUCKET_ALL ? pos : BUCKET_HEAD;
		for (size_t j = start; j < start + upto; j++)
			vec_push(cand, key[i] << 32 | (key[j] & UINT32_MAX));
	}
}

/* Candidate pairs of the docs with shingles: live[0..nlive) are their
 * indices, band[] their BANDS hashes each. Sorted, unique. */
static void candidates(const uint32_t *live, const uint32_t *band, size_t nlive,
		       struct vec *cand)
{
	uint64_t *key = xrealloc(NULL, nlive * sizeof *key);

	for (size_t b = 0; b < BANDS; b++) {
		for (size_t i = 0; i < nlive; i++)
			key[i] = (uint64_t)band[i * BANDS + b] << 32 | live[i];
		sort_u64(key, nlive);
		bucket_pairs(key, nlive, cand);
		sort_unique(cand);   /* identical docs repeat their pairs in every band */
	}
	free(key);
}

/* The sorted shingle set of doc i, made on first use into sets[i]. */
static const struct vec *doc_set(struct arena *tmp, const struct kb_dupe_doc *docs,
				 struct vec *sets, size_t i)
{
	if (sets[i].p == NULL) {
		shingles(tmp, docs[i].text, &sets[i]);
		sort_unique(&sets[i]);
		sets[i].p = xrealloc(sets[i].p, sets[i].n * sizeof *sets[i].p);
		arena_reset(tmp);
	}
	return &sets[i];
}

/* Frees doc d's set if candidate k is its last use. */
static void drop_after(struct vec *sets, const size_t *last, size_t d, size_t k)
{
	if (last[d] == k) {
		free(sets[d].p);
		sets[d] = (struct vec){ 0 };
	}
}

/* Exact Jaccard of candidate pair k's docs, or -1 when the sizes alone
 * show it is below threshold (Jaccard <= smaller / larger). Sets are
 * freed after their last use: candidates are sorted by their later doc,
 * so a group of near-identical docs keeps few sets alive. */
static double check(struct arena *tmp, const struct kb_dupe_doc *docs, struct vec *sets,
		    const size_t *last, size_t k, uint64_t pair, double threshold)
{
	size_t hi = pair >> 32, lo = pair & UINT32_MAX;
	const struct vec *x = doc_set(tmp, docs, sets, lo), *y = doc_set(tmp, docs, sets, hi);
	size_t small = x->n < y->n ? x->n : y->n, big = x->n + y->n - small;
	double j = (double)small / (double)big < threshold ? -1 : set_jaccard(x, y);

	drop_after(sets, last, lo, k);
	drop_after(sets, last, hi, k);
	return j;
}

static int cmp_pair(const void *x, const void *y)
{
	const struct kb_dupe_pair *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b > q->b) - (p->b < q->b);
}

/* Keeps the candidates of cand whose exact Jaccard is >= threshold, as
 * arena pairs of ids sorted by a then b. */
static size_t verify(struct arena *a, struct arena *tmp, const struct kb_dupe_doc *docs,
		     size_t n, struct vec *cand, double threshold, struct kb_dupe_pair **out)
{
	struct vec *sets = xrealloc(NULL, n * sizeof *sets);
	size_t *last = xrealloc(NULL, n * sizeof *last);
	double *jac = xrealloc(NULL, cand->n * sizeof *jac);
	size_t m = 0;

	memset(sets, 0, n * sizeof *sets);
	for (size_t k = 0; k < cand->n; k++)
		last[cand->p[k] >> 32] = last[cand->p[k] & UINT32_MAX] = k;
	for (size_t k = 0; k < cand->n; k++) {
		double j = check(tmp, docs, sets, last, k, cand->p[k], threshold);
		if (j >= threshold) {
			cand->p[m] = cand->p[k];
			jac[m++] = j;
		}
	}
	*out = m != 0 ? arena_alloc(a, m * sizeof **out) : NULL;
	for (size_t k = 0; k < m; k++) {
		unsigned x = docs[cand->p[k] >> 32].id, y = docs[cand->p[k] & UINT32_MAX].id;
		(*out)[k] = (struct kb_dupe_pair){ x < y ? x : y, x < y ? y : x, jac[k] };
	}
	if (m != 0)
		qsort(*out, m, sizeof **out, cmp_pair);
	free(sets);
	free(last);
	free(jac);
	return m;
}

size_t kb_dupes_find(struct arena *a, const struct kb_dupe_doc *docs, size_t n,
		     double threshold, struct kb_dupe_pair **out)
{
	uint64_t seed[SIG_ROWS];
	struct vec sh = { 0 }, cand = { 0 };
	struct arena tmp;
	size_t nlive = 0, m;

	*out = NULL;
	if (n < 2 || n > UINT32_MAX)
		return 0;
	for (size_t i = 0; i < SIG_ROWS; i++)
		seed[i] = mix64(0x9e3779b97f4a7c15ULL * (i + 1));
	uint32_t *live = xrealloc(NULL, n * sizeof *live);
	uint32_t *band = xrealloc(NULL, n * BANDS * sizeof *band);
	arena_init(&tmp, 1 << 16);
	for (size_t i = 0; i < n; i++) {
		shingles(&tmp, docs[i].text, &sh);
		arena_reset(&tmp);
		if (sh.n == 0)
			continue;            /* an empty text never pairs */
		band_hashes(&sh, seed, band + nlive * BANDS);
		live[nlive++] = (uint32_t)i;
	}
	candidates(live, band, nlive, &cand);
	free(live);
	free(band);
	free(sh.p);
	m = verify(a, &tmp, docs, n, &cand, threshold, out);
	free(cand.p);
	arena_free(&tmp);
	return m;
}
