/* Pieces of knowledge pages that the staff, public and intake pages share:
 * the search results and a version's fields (kb_view.h). */
#include "kb_view.h"

#include <stdio.h>
#include <string.h>

#include "assess_store.h"
#include "bigram.h"
#include "calendar_store.h"
#include "handlers.h"
#include "kb.h"
#include "kb_check.h"
#include "kb_ops.h"
#include "kb_search.h"
#include "kb_store.h"
#include "search_store.h"
#include "tmpl.h"

/* Writes text into a dictionary value with the query's terms marked: the
 * parts are escaped by the template (HIGHLIGHT section of PRE/MARK/POST
 * pieces), never assembled as HTML here. */
static void highlighted(struct req *r, struct tdict *d, const char *section,
			const char *text, const char *q)
{
	struct bg_span *spans = NULL;
	size_t n = q ? bg_highlight(r->a, text, q, &spans) : 0;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		struct tdict *p = tmpl_section(d, section);
		tmpl_set(p, "TEXT", arena_strndup(r->a, text + at, spans[i].start - at));
		tmpl_set(tmpl_section(p, "MARK"), "M",
			 arena_strndup(r->a, text + spans[i].start, spans[i].len));
		at = spans[i].start + spans[i].len;
	}
	tmpl_set(tmpl_section(d, section), "TEXT", text + at);
}

static void result_rows(struct req *r, struct tdict *d, const struct kb_found *f,
			const char *href)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct kb_hit *h = &f->hits[i];
		struct tdict *row = tmpl_section(d, "RESULT");
		tmpl_set(row, "HREF", arena_printf(r->a, "%s%lld", href, h->entry_id));
		tmpl_set_int(row, "ID", h->entry_id);
		highlighted(r, row, "TITLE", h->title, f->mark);
		highlighted(r, row, "SUMMARY", h->summary, f->mark);
		tmpl_set(row, "UNIT", h->unit);
		int k = kb_kind_from_code(h->kind);
		tmpl_set(row, "KIND", k >= 0 ? kb_kinds[k].label : "");
		if (h->learned)
			tmpl_show(row, "LEARNED");
	}
}

/* The note above results of the SQL fallback: each term, as searched. */
static void relaxed_note(struct req *r, struct tdict *s, const char *terms)
{
	struct tdict *note = tmpl_section(s, "RELAXED");
	for (const char *p = terms; *p != '\0';) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		tmpl_set(tmpl_section(note, "TERM"), "T", arena_strndup(r->a, p, len));
		p += len;
		if (*p == ' ')
			p++;
	}
}

/* Public searches that find nothing, recorded per client address and
 * day at most this often (an anonymous visitor writes to the gaps). */
#define PUBLIC_GAPS_PER_DAY 50

/* A search that found nothing is a knowledge gap (K9.1), whoever asked. */
static void record_gap(struct req *r, const struct kb_found *f, int public_only)
{
	const char *q = r->f[F_Q].s;
	char day[11];
	int counted;
	if (f->gap_key == NULL || *f->gap_key == '\0')
		return;
	calendar_today(day);
	/* A failed record must not cost the visitor the page. */
	if (search_gap_record(r->db, r->a, f->gap_key, kb_cut(r->a, q, 190), public_only,
			    r->client_addr ? r->client_addr : "", day,
			    PUBLIC_GAPS_PER_DAY, &counted) != DB_OK)
		fprintf(stderr, "gap not recorded: %s\n", db_error(r->db));
}

int kb_search_page(struct req *r, struct tdict *d, int public_only,
		   const char *href)
{
	const char *q = r->f[F_Q].s;
	if (q == NULL)
		return 0;
	tmpl_set(d, "Q", q);
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	enum kb_engine want = strcmp(r->cfg->search, "sql") == 0 ? KB_ENGINE_SQL
								 : KB_ENGINE_INDEX;
	struct kb_found f;
	/* the public's searches may read a replica; the gap is written below */
	int rc = kb_find(public_only ? r->db_read : r->db, r->a, r->search, want, q, public_only,
			 page, &f);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *s = tmpl_section(d, "SEARCHED");
	if (f.n == 0) {
		tmpl_show(s, "NONE");
		if (page == 1)
			record_gap(r, &f, public_only);
	}
	if (f.relaxed != NULL)
		relaxed_note(r, s, f.relaxed);
	if (f.nsyn > 0 && f.n > 0) {
		struct tdict *syn = tmpl_section(s, "SYNONYMS");
		for (size_t i = 0; i < f.nsyn; i++)
			tmpl_set(tmpl_section(syn, "WORD"), "W", f.synonyms[i]);
	}
	result_rows(r, s, &f, href);
	tmpl_set_int(s, "COUNT", (long long)f.n);
	tmpl_set_int(s, "TOTAL", (long long)f.total);
	if (page > 1)
		tmpl_set_int(tmpl_section(s, "PREV"), "PAGE", page - 1);
	if (f.more)
		tmpl_set_int(tmpl_section(s, "NEXT"), "PAGE", page + 1);
	return 0;
}

int kb_show_fields(struct req *r, struct tdict *d, int kind, long long version_id,
		   int public_only)
{
	struct kb_field_row *f;
	size_t n;
	int rc = kb_fields(public_only ? r->db_read : r->db, r->a, version_id, &f, &n);
	if (rc != DB_OK)
		return db_status(rc);
	kb_fill_fields(d, kind, f, n, public_only);
	return 0;
}

void kb_fill_fields(struct tdict *d, int kind, const struct kb_field_row *f, size_t n,
		    int public_only)
{
	const struct kb_kind_def *k = &kb_kinds[kind];
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kb_field *fd = &k->fields[i];
		if (public_only && fd->internal)
			continue;
		const char *v = NULL;
		for (size_t j = 0; j < n; j++)
			if (strcmp(f[j].name, fd->name) == 0)
				v = f[j].value;
		if (v == NULL || *v == '\0')
			continue;
		struct tdict *s = tmpl_section(d, "FIELD");
		tmpl_set(s, "LABEL", fd->label);
		tmpl_set(s, "NAME", fd->name);
		if (fd->internal)
			tmpl_show(s, "INTERNAL");
		/* HTML fields were sanitised when saved (sanitize.c). */
		tmpl_set(tmpl_section(s, fd->type == KBF_HTML ? "HTML" : "TEXT"), "V", v);
	}
}

int kb_lint_section(struct req *r, struct tdict *d, int kind, const char *title,
		    const char *keywords, const struct kb_field_row *fr, size_t nfr)
{
	struct kb_lint_lists lists;
	int rc = kb_lint_lists_load(r->db, r->a, &lists);
	if (rc != DB_OK)
		return db_status(rc);
	struct kb_stored_field *fs = arena_alloc(r->a, (nfr + 1) * sizeof *fs);
	for (size_t i = 0; i < nfr; i++)
		fs[i] = (struct kb_stored_field){ fr[i].name, fr[i].value };
	struct kb_finding f[64];
	size_t n = kb_check(r->a, &lists, kind, title, keywords, fs, nfr, f,
			    sizeof f / sizeof f[0]);
	struct tdict *l = tmpl_section(d, "LINT");
	for (size_t i = 0; i < n; i++) {
		struct tdict *s = tmpl_section(l, "FINDING");
		tmpl_set(s, "KIND", kb_lint_labels[f[i].kind]);
		tmpl_set(s, "WHERE", f[i].where);
		tmpl_set(s, "TEXT", f[i].text);
	}
	if (n == 0)
		tmpl_show(l, "CLEAN");
	else
		tmpl_set_int(tmpl_section(l, "SOME"), "N", (long long)n);
	return 0;
}
