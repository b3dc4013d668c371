/* 解答质检 (K10): each month the office's quality inspectors draw a random
 * sample of the calls answered from the knowledge base (the formula's share,
 * at least its minimum), read each, and mark it accurate or not, with the
 * reason and the entry at fault. An inaccurate mark opens a
 * knowledge-update order for that entry; the marks make the units'
 * accurate-answer rate. */
#include <string.h>

#include "assess.h"
#include "audit_store.h"
#include "handlers.h"
#include "kb_ops.h"
#include "kb_store.h"
#include "roles.h"
#include "score_store.h"
#include "view.h"

/* The sample is the city's (one a month over every answered call): its
 * inspectors and the city's office draw and mark it; a county's office
 * reads the marks of its own units. */
static int city(struct req *r)
{
	if (r->actor->scope_jur == 0)
		return 1;
	r->err_msg = "解答质检由市管理办组织，县（市、区）管理办不参与抽检。";
	return 0;
}

static int quality_page(struct req *r, const char *month, const char *alert, int status)
{
	char from[20], to[20];
	int y, m;
	assess_month_parse(month, &y, &m);
	assess_month_utc(y, m, from, to);
	struct assess_formula f;
	struct qa_sample_row *s;
	size_t n;
	long long answered = 0;
	int rc = score_formula_current(r->db, r->a, &f);
	if (rc == DB_OK)
		rc = score_answered(r->db, r->a, from, to, &answered);
	if (rc == DB_OK)
		rc = score_samples(r->db, r->a, month, &s, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "解答质检", "quality/list.tpl");
	if (alert)
		view_alert(r, alert);
	tmpl_set(d, "MONTH", month);
	tmpl_set_int(d, "ANSWERED", answered);
	tmpl_set_int(d, "PCT", f.sample_pct);
	tmpl_set_int(d, "MIN", f.sample_min);
	tmpl_set_int(d, "SIZE", assess_sample_size(&f, answered));
	tmpl_set_int(d, "DRAWN", (long long)n);
	long long scope = r->actor->scope_jur;
	if (n == 0 && answered > 0 && scope == 0)
		tmpl_set(tmpl_section(d, "DRAW"), "MONTH", month);
	long marked = 0, accurate = 0;
	for (size_t i = 0; i < n; i++) {
		if (scope != 0 && s[i].jur_id != scope)
			continue;
		struct tdict *row = tmpl_section(d, "SAMPLE");
		tmpl_set_int(row, "ID", s[i].id);
		tmpl_set_int(row, "ORDER_ID", s[i].order_id);
		tmpl_set(row, "NUMBER", s[i].number);
		tmpl_set(row, "CREATED", s[i].created);
		tmpl_set(row, "CONTENT", s[i].content);
		tmpl_set_int(row, "ENTRY_ID", s[i].entry_id);
		tmpl_set(row, "TITLE", s[i].title);
		tmpl_set(row, "UNIT", s[i].unit);
		/* the office may open the call; an inspector reads it here */
		tmpl_show(row, caps_allow(r->actor->caps, 1, CAP_DISPATCH) ? "ORDER_LINK" : "ORDER_TEXT");
		if (strcmp(s[i].verdict, "pending") == 0) {
			if (scope == 0)
				tmpl_set_int(tmpl_section(row, "MARK"), "ENTRY_ID", s[i].entry_id);
			continue;
		}
		marked++;
		int ok = strcmp(s[i].verdict, "accurate") == 0;
		accurate += ok;
		struct tdict *v = tmpl_section(row, ok ? "ACCURATE" : "INACCURATE");
		tmpl_set(v, "REASON", s[i].reason);
		if (s[i].update_id)
			tmpl_set_int(tmpl_section(v, "UPDATE"), "ID", s[i].update_id);
	}
	tmpl_set_int(d, "MARKED", marked);
	char rate[8];
	assess_permille(marked ? (int)((accurate * 1000 + marked / 2) / marked) : -1, rate);
	tmpl_set(d, "RATE", rate);
	return view_finish(r, status);
}

int h_quality(struct req *r)
{
	char month[8];
	if (assess_req_month(r, month) != 0)
		return 400;
	return quality_page(r, month, NULL, 200);
}

int h_quality_draw(struct req *r)
{
	char month[8], from[20], to[20];
	if (!city(r))
		return 403;
	if (assess_req_month(r, month) != 0)
		return 400;
	int y, m;
	assess_month_parse(month, &y, &m);
	assess_month_utc(y, m, from, to);
	struct assess_formula f;
	struct qa_sample_row *s;
	size_t n;
	long long answered = 0, drawn = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = score_formula_current(r->db, r->a, &f);
	if (rc == DB_OK)
		rc = score_samples(r->db, r->a, month, &s, &n);
	if (rc == DB_OK && n > 0) {
		db_rollback(r->db);
		return quality_page(r, month, "本月样本已抽取，不能重抽。", 409);
	}
	if (rc == DB_OK)
		rc = score_answered(r->db, r->a, from, to, &answered);
	if (rc == DB_OK && answered > 0)
		rc = score_sample_draw(r->db, r->a, month, from, to,
				       assess_sample_size(&f, answered), &drawn);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "qa.draw", "", 0,
			       arena_printf(r->a, "%s：知识库解答 %lld 件，抽取 %lld 件", month,
					    answered, drawn));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/quality?month=%s&done=drawn", month));
}

int h_quality_mark(struct req *r)
{
	if (!city(r))
		return 403;
	const char *verdict = r->f[F_VERDICT].s;
	int bad = strcmp(verdict, "inaccurate") == 0;
	if (!bad && strcmp(verdict, "accurate") != 0) {
		r->err_msg = "质检结论只能是“准确”或“不准确”。";
		return 400;
	}
	const char *reason = r->f[F_REASON].present ? r->f[F_REASON].s : "";
	struct qa_sample_row *s = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = score_sample_lock(r->db, r->a, r->id, &s);
	if (rc == DB_OK && s == NULL) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK && strcmp(s->verdict, "pending") != 0) {
		db_rollback(r->db);
		return quality_page(r, s->month, "这件样本已评定过。", 409);
	}
	if (rc == DB_OK && bad && reason[0] == '\0') {
		db_rollback(r->db);
		return quality_page(r, s->month, "评定为不准确时须写明理由。", 400);
	}
	long long fault = r->f[F_ENTRY_ID].present ? r->f[F_ENTRY_ID].i : s->entry_id;
	struct kb_entry_row *e = NULL;
	if (rc == DB_OK && bad)
		rc = kb_entry_get(r->db, r->a, fault, &e);
	if (rc == DB_OK && bad && (e == NULL || e->published_id == 0)) {
		db_rollback(r->db);
		return quality_page(r, s->month, "出错的知识条目编号无效（须为已发布的条目）。", 400);
	}
	long long update = 0;
	if (rc == DB_OK && bad)
		rc = kb_update_open(REQ_CTX(r), fault, e->unit_id, "wrong",
				    arena_printf(r->a, "质检（工单 %s）：%s", s->number, reason), &update);
	if (rc == DB_OK)
		rc = score_sample_mark(r->db, r->a, r->id, verdict, reason, bad ? fault : 0, update,
				       r->actor->user_id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "qa.mark", "qa_sample", r->id,
			       arena_printf(r->a, "%s：%s%s%s", s->number, bad ? "不准确" : "准确",
					    bad ? "，" : "", reason));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/quality?month=%s&done=%s#s%lld",
						     s->month, bad ? "marked_update" : "marked",
						     r->id));
}
