/* 检索同义词与检索学习: the search's hotline synonyms, which the city's
 * management office keeps (K7: it sets how knowledge is classified and
 * used), and the answers the search learned from operators, which the
 * office may remove. Both take effect at the next search on every node:
 * the search reads them from the database (kb_search.c). */
#include <stdlib.h>
#include <string.h>

#include "audit_store.h"
#include "handlers.h"
#include "kb_search.h"
#include "search_store.h"
#include "view.h"

#define LEARNED_SHOWN 500

/* The synonym table is the whole system's: only an office of the city
 * (not a county's) changes it. */
static int city_office(struct req *r)
{
	return r->actor->scope_jur == 0;
}

/* The synonyms page, with an alert and the words typed when a change
 * was refused. */
static int synonyms_page(struct req *r, const char *alert, int status)
{
	struct search_synonym_row *y;
	size_t n;
	int rc = search_synonyms(r->db, r->a, &y, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "检索同义词", "knowledge/synonyms.tpl");
	if (alert != NULL) {
		view_alert(r, alert);
		tmpl_set(d, "WORD", req_str(r, F_WORD));
		tmpl_set(d, "SYNONYM", req_str(r, F_SYNONYM));
	}
	int edit = city_office(r);
	if (edit)
		tmpl_show(d, "EDIT");
	else
		tmpl_show(d, "READONLY");
	tmpl_set_int(d, "COUNT", (long long)n);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "PAIR");
		tmpl_set_int(row, "ID", y[i].id);
		tmpl_set(row, "A", y[i].a);
		tmpl_set(row, "B", y[i].b);
		tmpl_set(row, "AT", y[i].created);
		tmpl_set(row, "BY", *y[i].creator ? y[i].creator : "导入");
		if (edit)
			tmpl_show(row, "DELETE");
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, status);
}

int h_kb_synonyms(struct req *r)
{
	return synonyms_page(r, NULL, 200);
}

int h_kb_synonym_add(struct req *r)
{
	if (!city_office(r)) {
		r->err_msg = "同义词表全市共用，由市管理办维护。";
		return 403;
	}
	if (!r->f[F_WORD].present || !r->f[F_SYNONYM].present)
		return synonyms_page(r, "请填写两个词。", 400);
	const char *msg = NULL;
	long long id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_synonym_add(r->db, r->a, r->f[F_WORD].s, r->f[F_SYNONYM].s,
				    r->actor->user_id, &id, &msg);
	if (rc == DB_DUP || msg != NULL) {
		db_rollback(r->db);
		return synonyms_page(r, msg ? msg : "这对同义词已在表中。", rc == DB_DUP ? 409 : 400);
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.synonym.add", "kb_synonym", id,
			       arena_printf(r->a, "%s = %s", r->f[F_WORD].s, r->f[F_SYNONYM].s));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/synonyms?done=created");
}

int h_kb_synonym_delete(struct req *r)
{
	if (!city_office(r)) {
		r->err_msg = "同义词表全市共用，由市管理办维护。";
		return 403;
	}
	struct search_synonym_row *pair = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = search_synonym(r->db, r->a, r->id, &pair);
	if (rc == DB_OK && pair == NULL) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = search_synonym_delete(r->db, r->a, r->id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.synonym.delete", "kb_synonym", r->id,
			       arena_printf(r->a, "%s = %s", pair->a, pair->b));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/synonyms?done=deleted");
}

int h_kb_learned(struct req *r)
{
	struct search_learned_row *l;
	size_t n;
	int rc = search_learned(r->db, r->a, KB_LEARN_HALF_LIFE, LEARNED_SHOWN, &l, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "检索学习", "knowledge/learned.tpl");
	tmpl_set_int(d, "HALF_LIFE", (long long)KB_LEARN_HALF_LIFE);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "PAIR");
		tmpl_set_int(row, "ID", l[i].id);
		tmpl_set(row, "QUERY", l[i].query);
		tmpl_set_int(row, "ENTRY_ID", l[i].entry_id);
		if (*l[i].title)
			tmpl_set(tmpl_section(row, "TITLE"), "T", l[i].title);
		else
			tmpl_show(row, "GONE");
		tmpl_set_int(row, "ANSWERS", l[i].answers);
		tmpl_setf(row, "WEIGHT", "%.1f", strtod(l[i].score, NULL));
		tmpl_set(row, "LAST", l[i].last);
		if (city_office(r))
			tmpl_show(row, "DELETE");
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

int h_kb_learned_delete(struct req *r)
{
	if (!city_office(r)) {
		r->err_msg = "检索学习记录全市共用，由市管理办维护。";
		return 403;
	}
	struct search_pair_row *pair = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = search_learned_one(r->db, r->a, r->id, &pair);
	if (rc == DB_OK && pair == NULL) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = search_learned_delete(r->db, r->a, r->id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.learned.delete", "kb_learned", r->id,
			       arena_printf(r->a, "“%s” → 知识 #%lld", pair->query,
					    pair->entry_id));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/learned?done=deleted");
}
