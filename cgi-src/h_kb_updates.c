/* 知识更新工单 and 知识缺失 (K9.1): operators report problems with entries,
 * the office turns search gaps into knowledge needs, the owning unit
 * answers, and the reporter confirms or reopens. Every step is an event on
 * the order's timeline. */
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
#include "handlers.h"
#include "kb.h"
#include "kb_ops.h"
#include "kb_store.h"
#include "org_store.h"
#include "roles.h"
#include "view.h"

static const char *event_label(const char *code)
{
	static const char *const map[][2] = {
		{ "report", "反馈" }, { "reply", "答复不修改" }, { "fixed", "已发布新版本" },
		{ "confirm", "确认已解决" }, { "reopen", "退回重办" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], code) == 0)
			return map[i][1];
	return code;
}

/* Opens an order and its first event; in the caller's transaction. */
static int open_update(struct req *r, long long entry_id, long long unit_id,
		       const char *problem, const char *text, long long *id)
{
	return kb_update_open(REQ_CTX(r), entry_id, unit_id, problem, text, id);
}

int h_kb_report(struct req *r)
{
	const char *problem = r->f[F_PROBLEM].s;
	if (kb_problem_label(problem) == NULL || strcmp(problem, "need") == 0) {
		r->err_msg = "问题类型无效。";
		return 400;
	}
	struct kb_entry_row *e;
	int rc = kb_entry_get(r->db, r->a, r->id, &e);
	if (rc != DB_OK)
		return db_status(rc);
	if (e == NULL || e->published_id == 0)
		return 404;
	long long id = 0;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = open_update(r, r->id, e->unit_id, problem, r->f[F_MESSAGE].s, &id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.report", "kb_update", id,
			       arena_printf(r->a, "知识 #%lld：%s", r->id, kb_problem_label(problem)));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/updates/%lld?done=created", id));
}

int h_kb_updates(struct req *r)
{
	const struct actor *ac = r->actor;
	int office = caps_allow(ac->caps, 1, CAP_DISPATCH);
	int unit_view = caps_allow(ac->caps, 1, CAP_KB_EDIT) ||
			caps_allow(ac->caps, 1, CAP_KB_APPROVE);
	struct kb_update_item_row *k;
	size_t n;
	int rc = kb_updates(r->db, r->a, office ? 0 : unit_view ? ac->unit_id : 0,
			     office || unit_view ? 0 : ac->user_id,
			     office ? ac->scope_jur : 0, &k, &n);
	if (rc != DB_OK)
		return db_status(rc);
	char day[11];
	calendar_today(day);
	struct tdict *d = view_page(r, "知识更新工单", "knowledge/updates.tpl");
	tmpl_set(d, "SCOPE", office ? "全部单位" : unit_view ? ac->unit_name : "我反馈的");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", k[i].id);
		tmpl_set(row, "TITLE", k[i].title);
		tmpl_set(row, "UNIT", k[i].unit_name);
		tmpl_set(row, "PROBLEM", kb_problem_label(k[i].problem));
		int st = kb_upd_from_code(k[i].state);
		tmpl_set(row, "STATE", st >= 0 ? kb_upd_labels[st] : "");
		tmpl_set(row, "DUE", k[i].due_date);
		if ((st == KBU_OPEN || st == KBU_REOPENED) && strcmp(k[i].due_date, day) < 0)
			tmpl_show(row, "OVERDUE");
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

int h_kb_update(struct req *r)
{
	struct kb_update_row *k;
	struct kb_update_event_row *ev;
	size_t nev;
	int rc = kb_update(r->db, r->a, r->id, &k);
	if (rc != DB_OK)
		return db_status(rc);
	if (k == NULL || !kb_update_visible(r->actor, k))
		return 404;
	rc = kb_update_events(r->db, r->a, r->id, &ev, &nev);
	if (rc != DB_OK)
		return db_status(rc);
	int state = kb_upd_from_code(k->state);
	struct tdict *d = view_page(r, "知识更新工单", "knowledge/update.tpl");
	tmpl_set_int(d, "ID", k->id);
	tmpl_set(d, "UNIT", k->unit_name);
	tmpl_set(d, "PROBLEM", kb_problem_label(k->problem));
	tmpl_set(d, "TEXT", k->text);
	tmpl_set(d, "STATE", state >= 0 ? kb_upd_labels[state] : "");
	tmpl_set(d, "REPORTER", k->reporter_name);
	tmpl_set(d, "DUE", k->due_date);
	if (k->entry_id) {
		struct tdict *e = tmpl_section(d, "ENTRY");
		tmpl_set_int(e, "ENTRY_ID", k->entry_id);
		tmpl_set(e, "TITLE", k->entry_title);
	}
	if (k->linked_no)
		tmpl_set_int(tmpl_section(d, "LINKED"), "NO", k->linked_no);
	for (size_t i = 0; i < nev; i++) {
		struct tdict *e = tmpl_section(d, "EVENT");
		tmpl_set(e, "AT", ev[i].at);
		tmpl_set(e, "WHO", ev[i].user_name);
		tmpl_set(e, "UNIT", ev[i].unit_name);
		tmpl_set(e, "ACTION", event_label(ev[i].action));
		tmpl_set(e, "TEXT", ev[i].text);
	}
	int unit_editor = r->actor->unit_id == k->unit_id &&
			  caps_allow(r->actor->caps, 1, CAP_KB_EDIT);
	int reporter = r->actor->user_id == k->reporter_id;
	if (state >= 0 && kb_upd_transition((enum kb_upd_state)state, KBU_REPLY, unit_editor, reporter) >= 0)
		tmpl_show(d, "CAN_ANSWER");
	if (state >= 0 && kb_upd_transition((enum kb_upd_state)state, KBU_CONFIRM, unit_editor, reporter) >= 0)
		tmpl_show(d, "CAN_CONFIRM");
	return view_finish(r, 200);
}

/* One step of the order's table: reply, fixed, confirm, reopen (kb_ops.c). */
static int step(struct req *r, enum kb_upd_action action)
{
	int st = kb_update_step(REQ_CTX(r), r->id, action, r->f[F_MESSAGE].s, &r->err_msg);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/updates/%lld?done=saved", r->id));
}

int h_kb_update_reply(struct req *r) { return step(r, KBU_REPLY); }
int h_kb_update_fixed(struct req *r) { return step(r, KBU_FIXED); }
int h_kb_update_confirm(struct req *r) { return step(r, KBU_CONFIRM); }
int h_kb_update_reopen(struct req *r) { return step(r, KBU_REOPEN); }

int h_kb_gaps(struct req *r)
{
	struct kb_gap_row *g;
	struct unit_row *units;
	size_t ng, nunits = 0;
	int rc = kb_gaps(r->db, r->a, &g, &ng);
	if (rc == DB_OK)
		rc = unit_list(r->db, r->a, r->actor->scope_jur, &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "知识缺失", "knowledge/gaps.tpl");
	for (size_t i = 0; i < ng; i++) {
		struct tdict *row = tmpl_section(d, "GAP");
		tmpl_set_int(row, "ID", g[i].id);
		tmpl_set(row, "QUERY", g[i].query);
		tmpl_set(row, "SAMPLE", g[i].sample);
		tmpl_set_int(row, "HITS", g[i].hits);
		tmpl_set_int(row, "OPERATOR", g[i].operator_hits);
		tmpl_set_int(row, "PUBLIC", g[i].public_hits);
		tmpl_set(row, "LAST", g[i].last);
		if (strcmp(g[i].state, "open") == 0) {
			struct tdict *f = tmpl_section(row, "ASSIGN");
			for (size_t j = 0; j < nunits; j++) {
				if (!units[j].active)
					continue;
				struct tdict *o = tmpl_section(f, "UNIT_OPT");
				tmpl_set_int(o, "ID", units[j].id);
				tmpl_set(o, "NAME", units[j].name);
			}
		} else {
			tmpl_set(tmpl_section(row, "ASSIGNED"), "UNIT", g[i].unit_name);
		}
	}
	if (ng == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

int h_kb_gap_assign(struct req *r)
{
	struct kb_gap_row *g = NULL;
	struct unit_row *u = NULL;
	int rc = kb_gap(r->db, r->a, r->id, &g);
	if (rc == DB_OK)
		rc = unit_get(r->db, r->a, r->actor->scope_jur, r->f[F_UNIT_ID].i, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (g == NULL)
		return 404;
	if (u == NULL) {
		r->err_msg = "只能分派给本行政区域内的单位。";
		return 403;
	}
	if (strcmp(g->state, "open") != 0) {
		r->err_msg = "该知识缺失已分派。";
		return 409;
	}
	long long id = 0;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = open_update(r, 0, r->f[F_UNIT_ID].i, "need",
				 arena_printf(r->a, "检索无结果：%s", g->query), &id);
	/* Another office may have assigned it meanwhile: 409, nothing opened. */
	if (rc == DB_OK)
		rc = kb_gap_assign(r->db, r->a, r->id, id);
	if (rc == DB_CONFLICT)
		r->err_msg = "该知识缺失已分派。";
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.gap.assign", "kb_update", id,
			       arena_printf(r->a, "「%s」分派给 %s", g->query, u->name));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/gaps?done=saved");
}
