/* 错别字表 (K10.2): the misused words the knowledge lint looks for, which
 * the city's management office keeps (shipped from sql/lint/typos.tsv). */
#include <string.h>

#include "assess_store.h"
#include "audit_store.h"
#include "handlers.h"
#include "view.h"

/* The list is the whole system's: only the city's office changes it. */
static int city_office(struct req *r)
{
	return r->actor->scope_jur == 0;
}

static int typos_page(struct req *r, const char *alert, int status)
{
	struct kb_typo_row *t;
	size_t n;
	int rc = kb_typos_all(r->db, r->a, &t, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "错别字表", "knowledge/typos.tpl");
	if (alert != NULL) {
		view_alert(r, alert);
		tmpl_set(d, "WRONG", req_str(r, F_WRONG));
		tmpl_set(d, "CORRECT", req_str(r, F_CORRECT));
	}
	int edit = city_office(r);
	tmpl_show(d, edit ? "EDIT" : "READONLY");
	tmpl_set_int(d, "COUNT", (long long)n);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "PAIR");
		tmpl_set_int(row, "ID", t[i].id);
		tmpl_set(row, "WRONG", t[i].wrong);
		tmpl_set(row, "CORRECT", t[i].correct);
		if (edit)
			tmpl_show(row, "DELETE");
	}
	return view_finish(r, status);
}

int h_kb_typos(struct req *r)
{
	return typos_page(r, NULL, 200);
}

int h_kb_typo_add(struct req *r)
{
	if (!city_office(r)) {
		r->err_msg = "错别字表全市共用，由市管理办维护。";
		return 403;
	}
	if (!r->f[F_WRONG].present || !r->f[F_CORRECT].present)
		return typos_page(r, "请填写错误写法和正确写法。", 400);
	if (strcmp(r->f[F_WRONG].s, r->f[F_CORRECT].s) == 0 ||
	    strstr(r->f[F_CORRECT].s, r->f[F_WRONG].s) != NULL)
		return typos_page(r, "正确写法不能包含错误写法，否则每处正确写法都会被报告。", 400);
	long long id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_typo_insert(r->db, r->a, r->f[F_WRONG].s, r->f[F_CORRECT].s, &id);
	if (rc == DB_DUP) {
		db_rollback(r->db);
		return typos_page(r, "这个错误写法已在表中。", 409);
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.typo.add", "kb_typo", id,
			       arena_printf(r->a, "%s → %s", r->f[F_WRONG].s, r->f[F_CORRECT].s));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/typos?done=created");
}

int h_kb_typo_delete(struct req *r)
{
	if (!city_office(r)) {
		r->err_msg = "错别字表全市共用，由市管理办维护。";
		return 403;
	}
	struct kb_typo_row *t = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_typo_get(r->db, r->a, r->id, &t);
	if (rc == DB_OK && t == NULL) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = kb_typo_delete(r->db, r->a, r->id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.typo.delete", "kb_typo", r->id,
			       arena_printf(r->a, "%s → %s", t->wrong, t->correct));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/typos?done=deleted");
}
