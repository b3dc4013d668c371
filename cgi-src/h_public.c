/* 公众知识查询 (U4): the public page. No account; only published, public,
 * non-obsolete entries and never an internal-only field. */
#include <string.h>

#include "calendar_store.h"
#include "handlers.h"
#include "kb.h"
#include "kb_store.h"
#include "kb_view.h"
#include "view.h"

#define BROWSE_PAGE 20
#define VOTES_PER_DAY 100   /* per client address */


int h_public_kb(struct req *r)
{
	struct tdict *d = view_public_page(r, "知识查询", "public/search.tpl");
	const char *kind = r->f[F_KIND].s ? r->f[F_KIND].s : "";
	if (*kind && kb_kind_from_code(kind) < 0)
		return 404;
	for (int k = 0; k < KB_KIND__MAX; k++) {
		struct tdict *o = tmpl_section(d, "KIND_OPT");
		tmpl_set(o, "CODE", kb_kinds[k].code);
		tmpl_set(o, "LABEL", kb_kinds[k].label);
		if (strcmp(kind, kb_kinds[k].code) == 0)
			tmpl_show(o, "CURRENT");
	}
	struct kb_public_unit_row *units;
	size_t nunits;
	int rc = kb_public_units(r->db_read, r->a, &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	long long unit = r->f[F_UNIT_ID].present ? r->f[F_UNIT_ID].i : 0;
	for (size_t i = 0; i < nunits; i++) {
		struct tdict *o = tmpl_section(d, "UNIT_OPT");
		tmpl_set_int(o, "ID", units[i].id);
		tmpl_set(o, "NAME", units[i].name);
		if (units[i].id == unit)
			tmpl_show(o, "SELECTED");
	}
	if (r->f[F_Q].s != NULL) {
		/* Search results are never kept: a change shows in search
		 * within the index's lag on every node, and each search that
		 * finds nothing counts as a gap. */
		r->max_age = 0;
		int st = kb_search_page(r, d, 1, "/kb/e/");
		return st ? st : view_finish(r, 200);
	}
	/* Browsing by kind and unit. */
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	struct kb_hit_row *res;
	size_t n;
	rc = kb_browse(r->db_read, r->a, kind, unit, BROWSE_PAGE + 1,
			(page - 1) * BROWSE_PAGE, &res, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *b = tmpl_section(d, "BROWSE");
	size_t shown = n > BROWSE_PAGE ? BROWSE_PAGE : n;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *row = tmpl_section(b, "RESULT");
		tmpl_set(row, "HREF", arena_printf(r->a, "/kb/e/%lld", res[i].entry_id));
		tmpl_set(tmpl_section(row, "TITLE"), "TEXT", res[i].title);
		tmpl_set(tmpl_section(row, "SUMMARY"), "TEXT", res[i].summary);
		tmpl_set(row, "UNIT", res[i].unit_name);
		int k = kb_kind_from_code(res[i].kind);
		tmpl_set(row, "KIND", k >= 0 ? kb_kinds[k].label : "");
	}
	if (shown == 0)
		tmpl_show(b, "NONE");
	/* Only what was chosen: an empty kind or unit 0 would not pass the
	 * page's own validators. Each part ends in '&' for the page number. */
	const char *qs = arena_printf(r->a, "%s%s%s%s", *kind ? "kind=" : "", kind,
				      *kind ? "&" : "",
				      unit ? arena_printf(r->a, "unit_id=%lld&", unit) : "");
	if (page > 1) {
		struct tdict *p = tmpl_section(b, "PREV");
		tmpl_set_int(p, "PAGE", page - 1);
		tmpl_set(p, "QS", qs);
	}
	if (n > BROWSE_PAGE) {
		struct tdict *p = tmpl_section(b, "NEXT");
		tmpl_set_int(p, "PAGE", page + 1);
		tmpl_set(p, "QS", qs);
	}
	return view_finish(r, 200);
}

int h_public_entry(struct req *r)
{
	struct kb_public_entry_row *e;
	int rc = kb_public_entry(r->db_read, r->a, r->id, &e);
	if (rc != DB_OK)
		return db_status(rc);
	if (e == NULL)
		return 404;
	int kind = kb_kind_from_code(e->kind);
	if (kind < 0)
		return 404;
	struct tdict *d = view_public_page(r, e->title, "public/entry.tpl");
	tmpl_set_int(d, "ID", e->entry_id);
	tmpl_set(d, "TITLE", e->title);
	tmpl_set(d, "UNIT", e->unit_name);
	tmpl_set(d, "KIND", kb_kinds[kind].label);
	tmpl_set(d, "CHANGE_DATE", e->change_date);
	tmpl_set_int(d, "USEFUL", e->useful);
	tmpl_set_int(d, "USELESS", e->useless);
	int st = kb_show_fields(r, d, kind, e->version_id, 1);
	return st ? st : view_finish(r, 200);
}

int h_public_vote(struct req *r)
{
	const char *vote = r->f[F_VOTE].s;
	if (strcmp(vote, "useful") != 0 && strcmp(vote, "useless") != 0) {
		r->err_msg = "评价无效。";
		return 400;
	}
	struct kb_public_entry_row *e;
	int rc = kb_public_entry(r->db, r->a, r->id, &e);
	if (rc != DB_OK)
		return db_status(rc);
	if (e == NULL)
		return 404;
	char day[11];
	calendar_today(day);
	int counted = 0;
	rc = kb_vote(r->db, r->a, r->id, r->client_addr, day,
		      strcmp(vote, "useful") == 0, VOTES_PER_DAY, &counted);
	if (rc != DB_OK)
		return db_status(rc);
	return http_redirect(r, arena_printf(r->a, "/kb/e/%lld?done=%s", r->id,
					     counted ? "voted" : "voted_before"));
}
