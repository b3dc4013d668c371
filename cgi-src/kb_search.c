/*
 * kb_search.c - knowledge search: the index engine with synonyms, the
 * coverage floor and learned answers, and the SQL search it falls back to
 * (rules in kb_search.h and kb_query.h).
 */
#include "kb_search.h"

#include <stdlib.h>
#include <string.h>

#include "bigram.h"
#include "kb_ops.h"
#include "kb_query.h"
#include "kb_store.h"
#include "search_store.h"

/*
 * Ranking. A document must hold this share of the question's words
 * (coverage) to be a result at all; among results, BM25 weighs how well,
 * scaled by coverage squared so that an entry holding every word of the
 * question outranks one repeating some of them.
 */
#define FLOOR 0.30
/* ... and, on the public page, hold some of them where they stand out: in
 * the title, the keywords or a kind's main field (问题, 事项名称), or
 * repeatedly - a term of at least this wdf (kb_index.h's weights). An
 * entry that mentions a citizen's subject once in passing is not an
 * answer to it; an operator looking for a word wants every mention. */
#define PROMINENT_WDF 3
#define PROMINENCE_FLOOR 0.40
/* Learned answers: a pair counts for a query sharing at least this share
 * of its terms; LEARN_FULL answers (decayed) give the full raise, which
 * is LEARN_MAX times the best result's score; a pair this strong alone
 * makes its entry a result. */
#define LEARN_MIN_SIMILARITY 0.5
#define LEARN_FULL 3.0
#define LEARN_MAX 0.5
#define LEARN_SHOW 0.3
/* How long a search waits for this node's index to catch up with a change
 * already committed (normally milliseconds: the follower is woken); the
 * SQL search answers when it has not by then. */
#define INDEX_WAIT_MS 1000

/* ---- JSON arrays for JSON_TABLE -------------------------------------- */

/* ["k1","k2",...]: keys hold only word and CJK characters (kq_keys), so
 * nothing needs escaping; any key that would is left out. */
static const char *json_strings(struct arena *a, const char *const *v, size_t n)
{
	struct buf b;
	buf_init(&b, a);
	buf_puts(&b, "[");
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (strpbrk(v[i], "\"\\") != NULL)
			continue;
		buf_printf(&b, "%s\"%s\"", k++ ? "," : "", v[i]);
	}
	buf_puts(&b, "]");
	return buf_str(&b);
}

/* ---- the index engine ------------------------------------------------ */
/* A candidate result before its row is read. */
struct cand {
	long long id;
	double score, coverage, prominence, learn;
};

static int cand_cmp(const void *x, const void *y)
{
	const struct cand *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	return p->id < q->id ? 1 : p->id > q->id ? -1 : 0;
}

/* The synonyms and learned pairs that concern q (one round trip). */
struct help {
	unsigned long long seq;     /* the database's last change */
	struct kq_synonym *syn;
	size_t nsyn;
	const struct search_help_row *rows;   /* "l" rows are the learned pairs */
	size_t nrows;
};

static int query_help(struct db *db, struct arena *a, const char *q, struct help *h)
{
	const char **keys;
	size_t nkeys = kq_keys(a, q, &keys);
	struct search_help_row *rows;
	h->seq = 0;
	h->syn = NULL;
	h->nsyn = 0;
	int rc = search_query_help(db, a, json_strings(a, keys, nkeys), KB_LEARN_HALF_LIFE,
				 &rows, &h->nrows);
	h->rows = rows;
	if (rc != DB_OK)
		return rc;
	h->syn = arena_alloc(a, (h->nrows + 1) * sizeof *h->syn);
	for (size_t i = 0; i < h->nrows; i++)
		if (strcmp(rows[i].kind, "c") == 0)
			h->seq = (unsigned long long)rows[i].seq;
		else if (strcmp(rows[i].kind, "s") == 0) {
			h->syn[h->nsyn].from = rows[i].word;
			h->syn[h->nsyn].to = rows[i].other;
			h->nsyn++;
		}
	return DB_OK;
}

/* How much answers to questions like this one raise entry id: 0..1. */
static double learned_strength(const struct help *h, const char *terms, long long id)
{
	double sum = 0;
	for (size_t i = 0; i < h->nrows; i++) {
		const struct search_help_row *l = &h->rows[i];
		if (strcmp(l->kind, "l") != 0 || l->entry_id != id)
			continue;
		double sim = kq_similarity(terms, l->word);
		if (sim >= LEARN_MIN_SIMILARITY)
			sum += sim * strtod(l->score, NULL);
	}
	return sum >= LEARN_FULL ? 1.0 : sum / LEARN_FULL;
}

/* The candidates of the index's hits that clear the floor, and entries
 * learned answers bring in; ranked. Returns their number. */
static size_t rank(struct arena *a, const struct kq *k, const struct help *h,
		   const struct xi_hit *hits, size_t nhits, int public_only,
		   struct cand **out)
{
	const char *terms = kq_terms_text(a, k);
	size_t nl = 0;
	for (size_t i = 0; i < h->nrows; i++)
		nl += strcmp(h->rows[i].kind, "l") == 0;
	struct cand *c = arena_alloc(a, (nhits + nl + 1) * sizeof *c);
	size_t n = 0;
	double top = 0;
	for (size_t i = 0; i < nhits; i++) {
		double cov = kq_coverage(k, hits[i].matched, 0);
		unsigned long long strong = 0;
		for (size_t t = 0; t < k->nt; t++)
			if (hits[i].wdf[t] >= PROMINENT_WDF)
				strong |= 1ULL << t;
		double prom = kq_coverage(k, hits[i].matched & strong, 1);
		double learn = learned_strength(h, terms, hits[i].docid);
		if ((cov < FLOOR || (public_only && prom < PROMINENCE_FLOOR)) &&
		    learn < LEARN_SHOW)
			continue;
		c[n] = (struct cand){ hits[i].docid, hits[i].weight * cov * cov, cov, prom, learn };
		if (c[n].score > top)
			top = c[n].score;
		n++;
	}
	/* Entries only learned answers point to (their words differ). */
	for (size_t i = 0; i < h->nrows; i++) {
		if (strcmp(h->rows[i].kind, "l") != 0)
			continue;
		long long id = h->rows[i].entry_id;
		int seen = 0;
		for (size_t j = 0; j < n && !seen; j++)
			seen = c[j].id == id;
		double learn = seen ? 0 : learned_strength(h, terms, id);
		if (!seen && learn >= LEARN_SHOW)
			c[n++] = (struct cand){ id, 0, 0, 0, learn };
	}
	if (top <= 0)
		top = 1;
	for (size_t i = 0; i < n; i++)
		c[i].score += LEARN_MAX * c[i].learn * top;
	qsort(c, n, sizeof *c, cand_cmp);
	*out = c;
	return n;
}

/* Reads the rows of candidates [from, from + count) into out->hits, in
 * rank order; a candidate whose row is gone (withdrawn since the index
 * saw it) or not public for a public search is left out. */
static int page_rows(struct db *db, struct arena *a, const struct cand *c, size_t count,
		     int public_only, struct kb_found *out)
{
	struct buf ids;
	struct kb_hit_row *rows;
	size_t nrows;
	buf_init(&ids, a);
	buf_puts(&ids, "[");
	for (size_t i = 0; i < count; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", c[i].id);
	buf_puts(&ids, "]");
	int rc = search_rows(db, a, buf_str(&ids), public_only, &rows, &nrows);
	if (rc != DB_OK)
		return rc;
	out->hits = arena_alloc(a, (count + 1) * sizeof *out->hits);
	out->n = 0;
	for (size_t i = 0; i < count; i++)
		for (size_t r = 0; r < nrows; r++) {
			if (rows[r].entry_id != c[i].id)
				continue;
			out->hits[out->n++] = (struct kb_hit){
				c[i].id, rows[r].title, rows[r].summary, rows[r].unit_name,
				rows[r].kind, c[i].score, c[i].coverage, c[i].prominence,
				c[i].learn > 0,
			};
			break;
		}
	return DB_OK;
}

/* What a search finding nothing counts as: its content words, or the
 * normalised question when it has none. */
static const char *gap_key(struct arena *a, const struct kq *k, const char *q)
{
	const char *key = kq_content_text(a, k);
	if (*key == '\0')
		key = bg_normalize(a, q);
	return kb_cut(a, key, 60);
}

/* 1 when the index answered (out filled), 0 when there is none fit to
 * search, or a database error. */
static int index_find(struct db *db, struct arena *a, struct kbi_reader *reader,
		      const char *q, int public_only, int page, struct kb_found *out)
{
	struct xi *x = kbi_reader_get(reader);
	if (x == NULL)
		return 0;
	struct help h;
	int rc = query_help(db, a, q, &h);
	if (rc != DB_OK)
		return rc;
	/* What its user just published or withdrew, the search must show:
	 * wait (briefly) for the index to hold the last change. A follower
	 * slower than that (a busy disk under its commit, a rebuild) would
	 * leave the index behind a change already committed, and its answer
	 * would miss it: SQL answers then, which is always current. */
	if (!kbi_reader_wait(reader, h.seq, INDEX_WAIT_MS))
		return 0;
	if ((x = kbi_reader_get(reader)) == NULL)
		return 0;
	struct kq *k = arena_alloc(a, sizeof *k);
	kq_build(a, q, h.syn, h.nsyn, k);
	struct xi_hit *hits = arena_alloc(a, KB_MAX_RESULTS * sizeof *hits);
	size_t nhits = 0;
	unsigned long df[XI_MAX_TERMS], ndocs = 0;
	char err[256];
	unsigned long tdf[XI_MAX_TERMS], tn;
	struct xi_qterm topic[XI_MAX_TERMS];
	for (size_t i = 0; i < k->nt; i++) {
		topic[i] = k->t[i];
		topic[i].term = arena_printf(a, "%s%s", KBI_TOPIC_PREFIX, k->t[i].term);
	}
	if (k->nt > 0) {
		if (xi_termfreq(x, k->t, k->nt, df, &ndocs, err, sizeof err) < 0 ||
		    xi_termfreq(x, topic, k->nt, tdf, &tn, err, sizeof err) < 0 ||
		    (kq_weigh(k, df, tdf, ndocs),
		     xi_search(x, k->t, k->nt, public_only ? KBI_PUBLIC_FILTER : NULL,
			       public_only ? NULL : KBI_INTERNAL_PREFIX, KB_MAX_RESULTS,
			       hits, &nhits, err, sizeof err)) < 0) {
			/* A broken or vanished index: forget it, let SQL answer. */
			kbi_reader_reset(reader);
			return 0;
		}
	}
	struct cand *c;
	size_t n = rank(a, k, &h, hits, nhits, public_only, &c);
	size_t from = (size_t)(page - 1) * KB_PAGE;
	out->engine = KB_ENGINE_INDEX;
	out->total = n;
	out->more = n > from + KB_PAGE;
	out->mark = kq_highlight_text(a, k);
	out->gap_key = gap_key(a, k, q);
	out->query = k;
	out->synonyms = arena_alloc(a, (k->nalt + 1) * sizeof *out->synonyms);
	for (size_t i = 0; i < k->nalt; i++) {
		size_t j = 0;
		while (j < out->nsyn && strcmp(out->synonyms[j], k->alt[i].word) != 0)
			j++;
		if (j == out->nsyn)
			out->synonyms[out->nsyn++] = k->alt[i].word;
	}
	if (from >= n)
		return 1;
	rc = page_rows(db, a, c + from, n - from < KB_PAGE ? n - from : KB_PAGE,
		       public_only, out);
	return rc == DB_OK ? 1 : rc;
}

/* ---- the SQL search -------------------------------------------------- */

static void sql_hits(struct arena *a, const struct kb_hit_row *rows, size_t nrows,
		     struct kb_found *out)
{
	size_t n = nrows > KB_PAGE ? KB_PAGE : nrows;
	out->hits = arena_alloc(a, (n + 1) * sizeof *out->hits);
	out->n = n;
	out->more = nrows > KB_PAGE;
	for (size_t i = 0; i < n; i++)
		out->hits[i] = (struct kb_hit){
			rows[i].entry_id, rows[i].title, rows[i].summary, rows[i].unit_name,
			rows[i].kind, 0, 1, 1, 0,
		};
}

/*
 * Every term of q required (bg_query); when a one-term query finds
 * nothing on this page, its content terms instead (自然语句检索,
 * bg_content_terms): "身份证丢了怎么办" -> 身份证. On a later page the
 * relaxed search runs only when the strict one has no result at all.
 */
static int sql_find(struct db *db, struct arena *a, const char *q, int public_only,
		    int page, struct kb_found *out)
{
	int nterms = 0, n = 0;
	const char *bq = bg_query(a, q, &nterms);
	struct kb_hit_row *rows = NULL;
	size_t nrows = 0;
	int offset = (page - 1) * KB_PAGE, rc;
	out->engine = KB_ENGINE_SQL;
	out->mark = q;
	struct kq *k = arena_alloc(a, sizeof *k);
	kq_build(a, q, NULL, 0, k);
	out->gap_key = gap_key(a, k, q);
	if (bq != NULL &&
	    (rc = kb_search(db, a, bq, public_only, KB_PAGE + 1, offset, &rows, &nrows)) != DB_OK)
		return rc;
	if (nrows == 0 && nterms == 1) {
		const char *t = bg_content_terms(a, q, &n);
		const char *rq = t ? bg_query(a, t, &n) : NULL;
		int try = rq != NULL && strcmp(rq, bq) != 0;
		if (try && page > 1) {
			struct kb_hit_row *probe;
			size_t nprobe;
			rc = kb_search(db, a, bq, public_only, 1, 0, &probe, &nprobe);
			if (rc != DB_OK)
				return rc;
			try = nprobe == 0;
		}
		if (try && (rc = kb_search(db, a, rq, public_only, KB_PAGE + 1, offset,
					    &rows, &nrows)) != DB_OK)
			return rc;
		if (try && nrows > 0) {
			out->relaxed = t;
			out->mark = t;
		}
	}
	sql_hits(a, rows, nrows, out);
	out->total = (size_t)offset + out->n;
	return DB_OK;
}

int kb_find(struct db *db, struct arena *a, struct kbi_reader *reader,
	    enum kb_engine want, const char *q, int public_only, int page,
	    struct kb_found *out)
{
	memset(out, 0, sizeof *out);
	if (page < 1)
		page = 1;
	if (want == KB_ENGINE_INDEX) {
		int rc = index_find(db, a, reader, q, public_only, page, out);
		if (rc != 0)
			return rc > 0 ? DB_OK : rc;
		memset(out, 0, sizeof *out);
	}
	return sql_find(db, a, q, public_only, page, out);
}

int kb_learn(struct db *db, struct arena *a, const char *q, long long entry_id)
{
	struct kq *k = arena_alloc(a, sizeof *k);
	kq_build(a, q, NULL, 0, k);
	if (k->norig == 0)
		return DB_OK;
	/* The lookup table keeps terms of up to 64 characters: a longer word
	 * (letters and digits) is remembered by the pair's text only. */
	const char **terms = arena_alloc(a, k->norig * sizeof *terms);
	size_t n = 0;
	for (size_t i = 0; i < k->norig; i++)
		if (strlen(k->t[i].term) <= 64)
			terms[n++] = k->t[i].term;
	return search_learn(db, a, entry_id, kb_cut(a, kq_terms_text(a, k), 290),
			  kb_cut(a, q, 190), json_strings(a, terms, n), KB_LEARN_HALF_LIFE);
}

int kb_synonym_add(struct db *db, struct arena *a, const char *x, const char *y,
		   long long user_id, long long *id, const char **msg)
{
	const char *nx = x ? kq_synonym_word(a, x) : NULL;
	const char *ny = y ? kq_synonym_word(a, y) : NULL;
	*msg = NULL;
	if (nx == NULL || ny == NULL) {
		*msg = "同义词须为 1 至 8 个汉字（或一个由字母、数字组成的词），不含空格和标点。";
		return DB_ERR;
	}
	if (strcmp(nx, ny) == 0) {
		*msg = "两个词相同。";
		return DB_ERR;
	}
	return search_synonym_add(db, a, nx, ny, user_id, id);
}
