#include "assess_run.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assess_store.h"
#include "kb.h"
#include "kb_check.h"
#include "kb_dupes.h"
#include "kb_ops.h"
#include "score_store.h"

/* Entries linted per round trip; an entry's text kept for the
 * near-duplicate search is its first DOC_CHARS characters (title and
 * public fields): 100,000 entries then hold under 200 MB at worst. */
#define BATCH 2000
#define DOC_CHARS 600
#define DETAIL_CHARS 200
#define DUPE_JACCARD 0.8

struct unit {
	long long id;
	struct assess_counts c;
	int rate[AP__MAX], score, rank;
};

struct run {
	struct db *db;
	struct arena *a;
	const struct wd_calendar *cal;
	char month[8], from[20], to[20], first[11], next[11];
	struct unit *u;
	size_t nu;
	struct score_findings fs;
	struct kb_dupe_doc *docs;
	char *linted;             /* per doc: 1 a lint finding, 2 a duplicate */
	size_t ndocs, capdocs;
	struct assess_run_stats *st;
	long start;
};

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec * 1000 + t.tv_nsec / 1000000);
}

static int unit_cmp(const void *x, const void *y)
{
	long long a = ((const struct unit *)x)->id, b = ((const struct unit *)y)->id;
	return (a > b) - (a < b);
}

/* The member unit with this id, or NULL (a unit since deactivated). */
static struct unit *unit_of(struct run *r, long long id)
{
	struct unit key = { .id = id };
	return bsearch(&key, r->u, r->nu, sizeof *r->u, unit_cmp);
}

static int finding(struct run *r, long long unit, const char *kind, long long entry,
		   long long other, long long update, const char *detail)
{
	const struct score_finding f = { .unit_id = unit, .entry_id = entry,
					 .other_entry_id = other, .update_id = update,
					 .kind = kind, .detail = kb_cut(r->a, detail, DETAIL_CHARS) };
	r->st->findings++;
	return score_finding_add(r->db, r->a, &r->fs, &f);
}

static int load_units(struct run *r)
{
	struct kb_people_row *p;
	size_t n;
	int rc = kb_people_list(r->db, r->a, 0, &p, &n);
	if (rc != DB_OK)
		return rc;
	r->u = arena_zalloc(r->a, (n + 1) * sizeof *r->u);
	r->nu = n;
	for (size_t i = 0; i < n; i++) {
		r->u[i].id = p[i].unit_id;
		r->u[i].c.has_people = p[i].leader_name != NULL;
	}
	qsort(r->u, r->nu, sizeof *r->u, unit_cmp);
	for (size_t i = 0; rc == DB_OK && i < r->nu; i++)
		if (!r->u[i].c.has_people)
			rc = finding(r, r->u[i].id, "no_people", 0, 0, 0,
				     "未明确知识维护的分管领导和责任人");
	return rc;
}

/* Pairs (a count, the part of it that went well) into each unit's two
 * counts at offsets n_at and good_at of struct assess_counts. */
static void put_pairs(struct run *r, const struct score_pair_row *v, size_t n, size_t n_at,
		      size_t good_at)
{
	for (size_t i = 0; i < n; i++) {
		struct unit *u = unit_of(r, v[i].unit_id);
		if (u == NULL)
			continue;
		*(long *)((char *)&u->c + n_at) = v[i].n;
		*(long *)((char *)&u->c + good_at) = v[i].good;
	}
}
#define PUT(v, n, a, b) \
	put_pairs(r, v, n, offsetof(struct assess_counts, a), offsetof(struct assess_counts, b))

/* The per-unit counts SQL gives as pairs. */
static int count_pairs(struct run *r)
{
	struct score_pair_row *v;
	size_t n;
	int rc = score_calls(r->db, r->a, r->from, r->to, &v, &n);
	if (rc == DB_OK)
		PUT(v, n, calls, calls_one);
	if (rc == DB_OK && (rc = score_changes(r->db, r->a, r->from, r->to, 0, &v, &n)) == DB_OK)
		PUT(v, n, changes, changes_on_time);
	if (rc == DB_OK && (rc = score_changes(r->db, r->a, r->from, r->to, 1, &v, &n)) == DB_OK)
		PUT(v, n, majors, majors_on_time);
	if (rc == DB_OK && (rc = score_reviews(r->db, r->a, r->month, &v, &n)) == DB_OK)
		PUT(v, n, entries, reviewed);
	if (rc == DB_OK && (rc = score_qa(r->db, r->a, r->month, &v, &n)) == DB_OK)
		PUT(v, n, qa_marked, qa_accurate);
	return rc;
}
#undef PUT

/* Update orders due this month: answered by their due date, and how many
 * working days they took. */
static int count_updates(struct run *r)
{
	struct score_update_row *v;
	size_t n;
	int rc = score_updates(r->db, r->a, r->first, r->next, &v, &n);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct unit *u = unit_of(r, v[i].unit_id);
		int created, due, answered = 0;
		if (u == NULL || wd_parse(v[i].created, &created) || wd_parse(v[i].due, &due))
			continue;
		int done = wd_parse(v[i].answered, &answered) == 0;
		u->c.updates++;
		if (done) {
			u->c.updates_answered++;
			u->c.update_days += wd_between(r->cal, created, answered);
		}
		if (done && answered <= due) {
			u->c.updates_on_time++;
			continue;
		}
		rc = finding(r, u->id, "update_late", v[i].entry_id, 0, v[i].id,
			     done ? arena_printf(r->a, "应于 %s 前答复，%s 才答复", v[i].due,
						 v[i].answered)
				  : arena_printf(r->a, "应于 %s 前答复，至今未答复", v[i].due));
	}
	struct score_gap_row *g;
	if (rc == DB_OK)
		rc = score_gaps(r->db, r->a, &g, &n);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct unit *u = unit_of(r, g[i].unit_id);
		if (u == NULL)
			continue;
		u->c.gaps_open++;
		rc = finding(r, u->id, "gap_open", 0, 0, g[i].update_id,
			     arena_printf(r->a, "知识缺失：%s", g[i].sample));
	}
	return rc;
}

static void keep_doc(struct run *r, const struct score_entry_row *e, const char *text,
		     int linted)
{
	if (r->ndocs == r->capdocs) {
		r->capdocs = r->capdocs ? 2 * r->capdocs : 1024;
		struct kb_dupe_doc *v = arena_alloc(r->a, r->capdocs * sizeof *v);
		char *l = arena_alloc(r->a, r->capdocs);
		if (r->ndocs) {
			memcpy(v, r->docs, r->ndocs * sizeof *v);
			memcpy(l, r->linted, r->ndocs);
		}
		r->docs = v;
		r->linted = l;
	}
	r->linted[r->ndocs] = (char)(linted != 0);
	r->docs[r->ndocs++] = (struct kb_dupe_doc){ (unsigned)e->id, (unsigned)e->unit_id,
						    kb_cut(r->a, text, DOC_CHARS) };
}

/* Lints one entry: counts and a finding per kind of fault (its first
 * instance as the detail); keeps its text for the duplicate search. */
static int lint_entry(struct run *r, struct arena *tmp, const struct kb_lint_lists *l,
		      const struct score_entry_row *e, const struct kb_stored_field *fs,
		      size_t nfs)
{
	int kind = kb_kind_from_code(e->kind);
	struct unit *u = unit_of(r, e->unit_id);
	if (kind < 0 || u == NULL)
		return DB_OK;
	struct kb_finding f[32];
	size_t n = kb_check(tmp, l, kind, e->title, e->keywords, fs, nfs, f, 32);
	int seen[KBL__MAX] = { 0 };
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		if (seen[f[i].kind]++)
			continue;
		static const char *const kinds[KBL__MAX] = { "typo", "keyword", "format",
							     "field_empty" };
		const char *k = kinds[f[i].kind];
		if (f[i].kind == KBL_REQUIRED && kind == KB_ORG && strcmp(f[i].where, "联系方式") == 0) {
			k = "org_contacts";
			u->c.org_no_contacts++;
		}
		rc = finding(r, u->id, k, e->id, 0, 0,
			     arena_printf(r->a, "%s：%s", f[i].where, f[i].text));
	}
	u->c.typos += seen[KBL_TYPO] > 0;
	u->c.keywords += seen[KBL_KEYWORD] > 0;
	u->c.formats += seen[KBL_FORMAT] > 0;
	u->c.lint_entries += seen[KBL_TYPO] || seen[KBL_KEYWORD] || seen[KBL_FORMAT];
	u->c.fields_empty += seen[KBL_REQUIRED] > 0;
	struct buf b;
	buf_init(&b, tmp);
	buf_puts(&b, e->title);
	for (size_t i = 0; i < nfs; i++) {
		const struct kb_field *fd = kb_field_find((enum kb_kind)kind, fs[i].name);
		if (fd == NULL || fd->internal)
			continue;
		buf_puts(&b, "\n");
		buf_puts(&b, fd->type == KBF_HTML ? kb_plain_text(tmp, fs[i].value) : fs[i].value);
	}
	keep_doc(r, e, buf_str(&b), seen[KBL_TYPO] || seen[KBL_KEYWORD] || seen[KBL_FORMAT]);
	return rc;
}

/* Every published entry, BATCH at a time. */
static int lint_all(struct run *r)
{
	struct kb_lint_lists l;
	int rc = kb_lint_lists_load(r->db, r->a, &l);
	struct arena tmp;
	arena_init(&tmp, 1 << 20);
	long long after = 0;
	size_t n = BATCH;
	while (rc == DB_OK && n == BATCH) {
		arena_reset(&tmp);
		struct score_entry_row *e;
		struct score_field_row *f;
		size_t nf;
		rc = score_entries(r->db, &tmp, after, BATCH, &e, &n);
		if (rc != DB_OK || n == 0)
			break;
		rc = score_fields(r->db, &tmp, after, e[n - 1].id, &f, &nf);
		struct kb_stored_field *fs = arena_alloc(&tmp, (nf + 1) * sizeof *fs);
		size_t j = 0;
		for (size_t i = 0; rc == DB_OK && i < n; i++) {
			size_t k = 0;
			while (j < nf && f[j].entry_id < e[i].id)
				j++;
			for (; j < nf && f[j].entry_id == e[i].id; j++)
				fs[k++] = (struct kb_stored_field){ f[j].name, f[j].value };
			rc = lint_entry(r, &tmp, &l, &e[i], fs, k);
		}
		r->st->entries += (long)n;
		after = e[n - 1].id;
	}
	arena_free(&tmp);
	return rc;
}

static int doc_cmp(const void *key, const void *x)
{
	unsigned a = *(const unsigned *)key, b = ((const struct kb_dupe_doc *)x)->id;
	return (a > b) - (a < b);
}

/* Near-duplicates: a finding for each owner, naming the other entry. An
 * entry with a near-duplicate and no other lint finding now has one. */
static int find_dupes(struct run *r)
{
	struct kb_dupe_pair *p;
	size_t n = kb_dupes_find(r->a, r->docs, r->ndocs, DUPE_JACCARD, &p);
	r->st->duplicates = (long)n;
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		/* docs are in id order: the entries were read by id */
		const struct kb_dupe_doc *d[2] = {
			bsearch(&p[i].a, r->docs, r->ndocs, sizeof *r->docs, doc_cmp),
			bsearch(&p[i].b, r->docs, r->ndocs, sizeof *r->docs, doc_cmp),
		};
		for (int k = 0; rc == DB_OK && k < 2 && d[0] && d[1]; k++) {
			struct unit *u = unit_of(r, d[k]->unit_id);
			if (u == NULL)
				continue;
			char *flag = &r->linted[d[k] - r->docs];
			u->c.duplicates += !(*flag & 2);
			u->c.lint_entries += !*flag;
			*flag |= 2;
			rc = finding(r, u->id, "duplicate", d[k]->id, d[1 - k]->id, 0,
				     arena_printf(r->a, "与知识 #%u 相似度 %d%%", d[1 - k]->id,
						  (int)(p[i].jaccard * 100 + 0.5)));
		}
	}
	return rc;
}

static int score_all(struct run *r, const struct assess_formula *f)
{
	int *score = arena_alloc(r->a, (r->nu + 1) * sizeof *score);
	int *rank = arena_alloc(r->a, (r->nu + 1) * sizeof *rank);
	long calls = 0, one = 0, marked = 0, accurate = 0;
	for (size_t i = 0; i < r->nu; i++) {
		struct unit *u = &r->u[i];
		assess_rates(&u->c, u->rate);
		score[i] = u->score = assess_score(f, u->rate);
		calls += u->c.calls, one += u->c.calls_one;
		marked += u->c.qa_marked, accurate += u->c.qa_accurate;
	}
	assess_rank(score, r->nu, rank);
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < r->nu; i++)
		rc = score_put(r->db, r->a, r->month, r->u[i].id, f->version, &r->u[i].c,
			       r->u[i].rate, score[i], rank[i]);
	r->st->units = (long)r->nu;
	if (rc == DB_OK)
		rc = score_month_put(r->db, r->a, r->month, f->version, calls, one, marked,
				     accurate, now_ms() - r->start, r->from, r->to);
	return rc;
}

int assess_run(struct db *db, struct arena *a, const struct wd_calendar *cal,
	       const char *month, const struct assess_formula *f, struct assess_run_stats *st)
{
	struct run r = { .db = db, .a = a, .cal = cal, .st = st, .start = now_ms() };
	int y, m;
	*st = (struct assess_run_stats){ 0 };
	if (assess_month_parse(month, &y, &m) != 0)
		return DB_ERR;
	assess_month_format(y, m, r.month);
	assess_month_utc(y, m, r.from, r.to);
	assess_month_days(y, m, r.first, r.next);
	r.fs.month = r.month;
	int rc = score_month_clear(db, a, r.month);
	if (rc == DB_OK)
		rc = load_units(&r);
	if (rc == DB_OK)
		rc = count_pairs(&r);
	if (rc == DB_OK)
		rc = count_updates(&r);
	if (rc == DB_OK)
		rc = score_findings_sql(db, a, r.month, r.from, r.to);
	if (rc == DB_OK)
		rc = score_categories_put(db, a, r.month, r.from, r.to);
	long t = now_ms();
	if (rc == DB_OK)
		rc = lint_all(&r);
	st->lint_ms = now_ms() - t;
	t = now_ms();
	if (rc == DB_OK)
		rc = find_dupes(&r);
	st->dupes_ms = now_ms() - t;
	if (rc == DB_OK)
		rc = score_findings_flush(db, a, &r.fs);
	if (rc == DB_OK)
		rc = score_all(&r, f);
	st->total_ms = now_ms() - r.start;
	return rc;
}
