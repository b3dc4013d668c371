/* 公众知识查询 (U4): the public page. No account; only published, public,
 * non-obsolete entries and never an internal-only field. */
#include <string.h>

#include "calendar_store.h"
#include "db.h"
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
	struct dbres units;
	int rc = kbs_public_units(r->db, r->a, &units);
	if (rc != DB_OK)
		return db_status(rc);
	long long unit = r->f[F_UNIT_ID].present ? r->f[F_UNIT_ID].i : 0;
	for (size_t i = 0; i < units.nrows; i++) {
		struct tdict *o = tmpl_section(d, "UNIT_OPT");
		tmpl_set(o, "ID", db_cell(&units, i, 0));
		tmpl_set(o, "NAME", db_cell(&units, i, 1));
		if (db_int(&units, i, 0) == unit)
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
	struct dbres res;
	rc = kbs_browse(r->db, r->a, kind, unit, BROWSE_PAGE + 1,
			(page - 1) * BROWSE_PAGE, &res);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *b = tmpl_section(d, "BROWSE");
	size_t shown = res.nrows > BROWSE_PAGE ? BROWSE_PAGE : res.nrows;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *row = tmpl_section(b, "RESULT");
		tmpl_set(row, "HREF", arena_printf(r->a, "/kb/e/%s", db_cell(&res, i, 0)));
		tmpl_set(tmpl_section(row, "TITLE"), "TEXT", db_cell(&res, i, 1));
		tmpl_set(tmpl_section(row, "SUMMARY"), "TEXT", db_cell(&res, i, 2));
		tmpl_set(row, "UNIT", db_cell(&res, i, 3));
		int k = kb_kind_from_code(db_cell(&res, i, 4));
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
	if (res.nrows > BROWSE_PAGE) {
		struct tdict *p = tmpl_section(b, "NEXT");
		tmpl_set_int(p, "PAGE", page + 1);
		tmpl_set(p, "QS", qs);
	}
	return view_finish(r, 200);
}

int h_public_entry(struct req *r)
{
	struct dbres e;
	int rc = kbs_public_entry(r->db, r->a, r->id, &e);
	if (rc != DB_OK)
		return db_status(rc);
	if (e.nrows != 1)
		return 404;
	int kind = kb_kind_from_code(db_cell(&e, 0, 2));
	if (kind < 0)
		return 404;
	struct tdict *d = view_public_page(r, db_cell(&e, 0, 3), "public/entry.tpl");
	tmpl_set(d, "ID", db_cell(&e, 0, 0));
	tmpl_set(d, "TITLE", db_cell(&e, 0, 3));
	tmpl_set(d, "UNIT", db_cell(&e, 0, 4));
	tmpl_set(d, "KIND", kb_kinds[kind].label);
	tmpl_set(d, "CHANGE_DATE", db_cell(&e, 0, 5));
	tmpl_set(d, "USEFUL", db_cell(&e, 0, 6));
	tmpl_set(d, "USELESS", db_cell(&e, 0, 7));
	int st = kb_show_fields(r, d, kind, db_int(&e, 0, 1), 1);
	return st ? st : view_finish(r, 200);
}

int h_public_vote(struct req *r)
{
	const char *vote = r->f[F_VOTE].s;
	if (strcmp(vote, "useful") != 0 && strcmp(vote, "useless") != 0) {
		r->err_msg = "评价无效。";
		return 400;
	}
	struct dbres e;
	int rc = kbs_public_entry(r->db, r->a, r->id, &e);
	if (rc != DB_OK)
		return db_status(rc);
	if (e.nrows != 1)
		return 404;
	char day[11];
	calendar_today(day);
	int counted = 0;
	rc = kbs_vote(r->db, r->a, r->id, r->client_addr, day,
		      strcmp(vote, "useful") == 0, VOTES_PER_DAY, &counted);
	if (rc != DB_OK)
		return db_status(rc);
	return http_redirect(r, arena_printf(r->a, "/kb/e/%lld?done=%s", r->id,
					     counted ? "voted" : "voted_before"));
}
