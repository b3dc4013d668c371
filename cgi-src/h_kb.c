/* 知识库 for hotline staff: search, reading entries, and each unit's
 * collect -> review -> publish workflow (K2, K4-K9). */
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
#include "db.h"
#include "diff.h"
#include "handlers.h"
#include "kb.h"
#include "kb_ops.h"
#include "kb_store.h"
#include "kb_view.h"
#include "roles.h"
#include "view.h"


/* Today in Beijing and its month ("YYYY-MM"), the month a review counts for. */
static void today_and_month(char day[11], char month[8])
{
	int d;
	calendar_today(day);
	wd_parse(day, &d);
	kb_review_month(d, month);
}

int h_kb_search(struct req *r)
{
	struct tdict *d = view_page(r, "知识检索", "knowledge/search.tpl");
	int st = kb_search_page(r, d, 0, "/knowledge/entries/");
	return st ? st : view_finish(r, 200);
}

/* ---- reading ------------------------------------------------------------ */

struct entry {
	long long id, unit_id, published, draft;
	const char *unit_name, *kind_code, *visibility;
	int kind, obsolete;
	const char *obsolete_reason, *obsolete_on;
};

/* Loads an entry; 0, 404 or a status. */
static int load_entry(struct req *r, long long id, struct entry *e)
{
	struct dbres res;
	int rc = kbs_entry(r->db, r->a, id, &res);
	if (rc != DB_OK)
		return db_status(rc);
	if (res.nrows != 1)
		return 404;
	e->id = id;
	e->unit_id = db_int(&res, 0, 1);
	e->unit_name = db_cell(&res, 0, 2);
	e->kind_code = db_cell(&res, 0, 3);
	e->kind = kb_kind_from_code(e->kind_code);
	e->visibility = db_cell(&res, 0, 4);
	e->published = db_int(&res, 0, 5);
	e->draft = db_int(&res, 0, 6);
	e->obsolete = (int)db_int(&res, 0, 7);
	e->obsolete_reason = db_cell(&res, 0, 8);
	e->obsolete_on = db_cell(&res, 0, 9);
	return e->kind < 0 ? 500 : 0;
}

static int own(const struct req *r, const struct entry *e)
{
	return r->actor->unit_id != 0 && r->actor->unit_id == e->unit_id;
}

static void version_meta(struct tdict *d, const struct dbres *v)
{
	tmpl_set(d, "VERSION_ID", db_cell(v, 0, 0));
	tmpl_set(d, "VERSION_NO", db_cell(v, 0, 2));
	int st = kb_state_from_code(db_cell(v, 0, 3));
	tmpl_set(d, "STATE", st >= 0 ? kb_state_labels[st] : "");
	tmpl_set(d, "STATE_CODE", db_cell(v, 0, 3));
	tmpl_set(d, "TITLE", db_cell(v, 0, 4));
	tmpl_set(d, "KEYWORDS", db_cell(v, 0, 5));
	if (db_int(v, 0, 6))
		tmpl_show(d, "MAJOR");
	tmpl_set(d, "CHANGE_DATE", db_cell(v, 0, 7));
	tmpl_set(d, "DUE_DATE", db_cell(v, 0, 8));
	if (db_cell(v, 0, 9) && *db_cell(v, 0, 9))
		tmpl_set(tmpl_section(d, "REJECTED"), "REASON", db_cell(v, 0, 9));
	tmpl_set(d, "AUTHOR", db_cell(v, 0, 10) ? db_cell(v, 0, 10) : "");
	tmpl_set(d, "VERSION_VISIBILITY",
		 strcmp(db_cell(v, 0, 14), "public") == 0 ? "公开" : "内部");
}

/* The actions a user may take on a version, from the workflow table. */
static void version_actions(struct req *r, struct tdict *d, const struct entry *e,
			    int state)
{
	static const struct { enum kb_action a; const char *path, *section; } acts[] = {
		{ KBA_EDIT, "edit", "CAN_EDIT" },
		{ KBA_SUBMIT, "submit", "CAN_SUBMIT" },
		{ KBA_WITHDRAW, "withdraw", "CAN_WITHDRAW" },
		{ KBA_APPROVE, "approve", "CAN_APPROVE" },
		{ KBA_REJECT, "reject", "CAN_REJECT" },
	};
	for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++)
		if (kb_transition((enum kb_state)state, acts[i].a, r->actor->caps,
				  own(r, e)) >= 0)
			tmpl_show(d, acts[i].section);
}

int h_kb_entry(struct req *r)
{
	struct entry e;
	int st = load_entry(r, r->id, &e);
	if (st)
		return st;
	int mine = own(r, &e);
	long long vid = e.published ? e.published : (mine ? e.draft : 0);
	if (vid == 0)
		return 404; /* another unit's entry that was never published */
	struct dbres v;
	int rc = kbs_version(r->db, r->a, vid, &v);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, db_cell(&v, 0, 4), "knowledge/entry.tpl");
	tmpl_set_int(d, "ENTRY_ID", e.id);
	tmpl_set(d, "UNIT", e.unit_name);
	tmpl_set(d, "KIND", kb_kinds[e.kind].label);
	tmpl_set(d, "VISIBILITY", strcmp(e.visibility, "public") == 0 ? "公开" : "内部");
	version_meta(d, &v);
	if (e.obsolete) {
		struct tdict *o = tmpl_section(d, "OBSOLETE");
		tmpl_set(o, "REASON", e.obsolete_reason);
		tmpl_set(o, "ON", e.obsolete_on ? e.obsolete_on : "");
	}
	if ((st = kb_show_fields(r, d, e.kind, vid, 0)) != 0)
		return st;
	if (mine) {
		struct tdict *m = tmpl_section(d, "MINE");
		if (e.draft != 0 && e.draft != vid)
			tmpl_set_int(tmpl_section(m, "OPEN_DRAFT"), "DRAFT_ID", e.draft);
		if (e.draft == 0 && e.published != 0 && !e.obsolete &&
		    caps_allow(r->actor->caps, 1, CAP_KB_EDIT)) {
			tmpl_show(m, "CAN_REDRAFT");
			tmpl_show(m, "CAN_OBSOLETE");
		}
	}
	if (caps_allow(r->actor->caps, 1, CAP_ORDER_INTAKE) && e.published && !e.obsolete)
		tmpl_show(d, "CAN_REPORT");
	return view_finish(r, 200);
}

int h_kb_version(struct req *r)
{
	struct dbres v;
	int rc = kbs_version(r->db, r->a, r->id, &v);
	if (rc != DB_OK)
		return db_status(rc);
	if (v.nrows != 1)
		return 404;
	struct entry e;
	int st = load_entry(r, db_int(&v, 0, 1), &e);
	if (st)
		return st;
	/* Drafts are the owning unit's business (K6); published and older
	 * versions are part of the record every member of staff may read. */
	int state = kb_state_from_code(db_cell(&v, 0, 3));
	if (!own(r, &e) && state != KBS_PUBLISHED && state != KBS_SUPERSEDED)
		return 404;
	struct tdict *d = view_page(r, db_cell(&v, 0, 4), "knowledge/version.tpl");
	tmpl_set_int(d, "ENTRY_ID", e.id);
	tmpl_set(d, "UNIT", e.unit_name);
	tmpl_set(d, "KIND", kb_kinds[e.kind].label);
	version_meta(d, &v);
	version_actions(r, d, &e, state);
	if ((st = kb_show_fields(r, d, e.kind, r->id, 0)) != 0)
		return st;
	return view_finish(r, 200);
}

int h_kb_history(struct req *r)
{
	struct entry e;
	int st = load_entry(r, r->id, &e);
	if (st)
		return st;
	if (!own(r, &e) && e.published == 0)
		return 404;
	struct dbres vs;
	int rc = kbs_versions(r->db, r->a, e.id, &vs);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "版本记录", "knowledge/history.tpl");
	tmpl_set_int(d, "ENTRY_ID", e.id);
	for (size_t i = 0; i < vs.nrows; i++) {
		int state = kb_state_from_code(db_cell(&vs, i, 3));
		if (!own(r, &e) && state != KBS_PUBLISHED && state != KBS_SUPERSEDED)
			continue;
		struct tdict *row = tmpl_section(d, "VERSION");
		tmpl_set(row, "ID", db_cell(&vs, i, 0));
		tmpl_set(row, "NO", db_cell(&vs, i, 2));
		tmpl_set(row, "STATE", state >= 0 ? kb_state_labels[state] : "");
		tmpl_set(row, "TITLE", db_cell(&vs, i, 4));
		tmpl_set(row, "CHANGE_DATE", db_cell(&vs, i, 7));
		tmpl_set(row, "AUTHOR", db_cell(&vs, i, 10) ? db_cell(&vs, i, 10) : "");
		tmpl_set(row, "CREATED", db_cell(&vs, i, 11));
		struct tdict *oa = tmpl_section(d, "OPT_A"), *ob = tmpl_section(d, "OPT_B");
		tmpl_set(oa, "ID", db_cell(&vs, i, 0));
		tmpl_set(oa, "NO", db_cell(&vs, i, 2));
		tmpl_set(ob, "ID", db_cell(&vs, i, 0));
		tmpl_set(ob, "NO", db_cell(&vs, i, 2));
		if (i == 1)
			tmpl_show(oa, "SELECTED");
		if (i == 0)
			tmpl_show(ob, "SELECTED");
	}
	return view_finish(r, 200);
}

/* The whole text of a version, field by field, for comparing. */
static const char *version_text(struct req *r, int kind, const struct dbres *v,
				long long vid, int *st)
{
	struct dbres f;
	int rc = kbs_fields(r->db, r->a, vid, &f);
	if (rc != DB_OK) {
		*st = db_status(rc);
		return NULL;
	}
	struct buf b;
	buf_init(&b, r->a);
	buf_printf(&b, "标题：%s\n关键词：%s\n", db_cell(v, 0, 4), db_cell(v, 0, 5));
	const struct kb_kind_def *k = &kb_kinds[kind];
	for (size_t i = 0; i < k->nfields; i++)
		for (size_t j = 0; j < f.nrows; j++)
			if (strcmp(db_cell(&f, j, 0), k->fields[i].name) == 0)
				buf_printf(&b, "%s：%s\n", k->fields[i].label,
					   k->fields[i].type == KBF_HTML
						   ? kb_plain_text(r->a, db_cell(&f, j, 1))
						   : db_cell(&f, j, 1));
	return buf_str(&b);
}

int h_kb_diff(struct req *r)
{
	struct entry e;
	int st = load_entry(r, r->id, &e);
	if (st)
		return st;
	struct dbres va, vb;
	int rc = kbs_version(r->db, r->a, r->f[F_A].i, &va);
	if (rc == DB_OK)
		rc = kbs_version(r->db, r->a, r->f[F_B].i, &vb);
	if (rc != DB_OK)
		return db_status(rc);
	if (va.nrows != 1 || vb.nrows != 1 || db_int(&va, 0, 1) != e.id ||
	    db_int(&vb, 0, 1) != e.id)
		return 404;
	for (int i = 0; i < 2; i++) {
		int state = kb_state_from_code(db_cell(i ? &vb : &va, 0, 3));
		if (!own(r, &e) && state != KBS_PUBLISHED && state != KBS_SUPERSEDED)
			return 404;
	}
	const char *ta = version_text(r, e.kind, &va, r->f[F_A].i, &st);
	const char *tb = ta ? version_text(r, e.kind, &vb, r->f[F_B].i, &st) : NULL;
	if (tb == NULL)
		return st;
	struct df_op *ops;
	size_t n = df_chars(r->a, ta, tb, &ops);
	struct tdict *d = view_page(r, "版本比较", "knowledge/diff.tpl");
	tmpl_set_int(d, "ENTRY_ID", e.id);
	tmpl_set(d, "A", db_cell(&va, 0, 2));
	tmpl_set(d, "B", db_cell(&vb, 0, 2));
	for (size_t i = 0; i < n; i++) {
		struct tdict *op = tmpl_section(d, "OP");
		const char *sec = ops[i].kind == '+' ? "INS" : ops[i].kind == '-' ? "DEL" : "SAME";
		tmpl_set(tmpl_section(op, sec), "T",
			 arena_strndup(r->a, ops[i].text, ops[i].len));
	}
	return view_finish(r, 200);
}

/* ---- the unit's own entries ------------------------------------------------ */

int h_kb_mine(struct req *r)
{
	if (r->actor->unit_id == 0)
		return 403;
	char day[11], month[8];
	today_and_month(day, month);
	struct dbres res;
	int rc = kbs_unit_entries(r->db, r->a, r->actor->unit_id, month, &res);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "本单位知识", "knowledge/mine.tpl");
	tmpl_set(d, "UNIT", r->actor->unit_name);
	if (caps_allow(r->actor->caps, 1, CAP_KB_EDIT))
		for (int k = 0; k < KB_KIND__MAX; k++) {
			struct tdict *n = tmpl_section(d, "NEW");
			tmpl_set(n, "KIND", kb_kinds[k].code);
			tmpl_set(n, "LABEL", kb_kinds[k].label);
		}
	for (size_t i = 0; i < res.nrows; i++) {
		struct tdict *row = tmpl_section(d, "ENTRY");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		int k = kb_kind_from_code(db_cell(&res, i, 1));
		tmpl_set(row, "KIND", k >= 0 ? kb_kinds[k].label : "");
		tmpl_set(row, "VISIBILITY", strcmp(db_cell(&res, i, 2), "public") == 0 ? "公开" : "内部");
		const char *title = db_cell(&res, i, 4) ? db_cell(&res, i, 4) : db_cell(&res, i, 8);
		tmpl_set(row, "TITLE", title ? title : "");
		if (db_int(&res, i, 3))
			tmpl_show(row, "OBSOLETE");
		if (db_cell(&res, i, 5))
			tmpl_set(tmpl_section(row, "PUBLISHED"), "NO", db_cell(&res, i, 5));
		if (db_cell(&res, i, 6)) {
			struct tdict *dr = tmpl_section(row, "DRAFT");
			int st = kb_state_from_code(db_cell(&res, i, 7));
			tmpl_set(dr, "ID", db_cell(&res, i, 6));
			tmpl_set(dr, "STATE", st >= 0 ? kb_state_labels[st] : "");
			tmpl_set(dr, "DUE", db_cell(&res, i, 9));
			if (strcmp(db_cell(&res, i, 9), day) < 0)
				tmpl_show(dr, "OVERDUE");
		}
		if (db_int(&res, i, 10))
			tmpl_show(row, "REVIEWED");
	}
	return view_finish(r, 200);
}

/* ---- writing -------------------------------------------------------------- */

/* Fills the entry form; d_vals NULL shows empty fields. */
static void entry_form(struct req *r, struct tdict *d, int kind,
		       const struct dbres *fields)
{
	const struct kb_kind_def *k = &kb_kinds[kind];
	tmpl_set(d, "KIND", k->code);
	tmpl_set(d, "KIND_LABEL", k->label);
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kb_field *fd = &k->fields[i];
		struct tdict *s = tmpl_section(d, "FIELD");
		tmpl_set(s, "NAME", field_defs[fd->form].name);
		tmpl_set(s, "LABEL", fd->label);
		if (fd->required)
			tmpl_show(s, "REQUIRED");
		const char *v = r->method == M_POST ? r->f[fd->form].s : NULL;
		for (size_t j = 0; fields && v == NULL && j < fields->nrows; j++)
			if (strcmp(db_cell(fields, j, 0), fd->name) == 0)
				v = db_cell(fields, j, 1);
		const char *sec = fd->type == KBF_LINE ? "LINE" : fd->type == KBF_DATE ? "DATE" : "AREA";
		struct tdict *in = tmpl_section(s, sec);
		tmpl_set(in, "V", v ? v : "");
		if (fd->type == KBF_HTML)
			tmpl_show(s, "HTML_HINT");
		if (fd->internal)
			tmpl_show(s, "INTERNAL");
	}
}

static int form_page(struct req *r, int status, const char *alert, int kind,
		     const char *action, const struct dbres *v, const struct dbres *fields,
		     const char *visibility)
{
	struct tdict *d = view_page(r, "编辑知识", "knowledge/form.tpl");
	tmpl_set(d, "ACTION", action);
	if (alert)
		view_alert(r, alert);
	int post = r->method == M_POST;
	tmpl_set(d, "TITLE", post ? req_str(r, F_TITLE) : v ? db_cell(v, 0, 4) : "");
	tmpl_set(d, "KEYWORDS", post ? req_str(r, F_KEYWORDS) : v ? db_cell(v, 0, 5) : "");
	char day[11];
	calendar_today(day);
	tmpl_set(d, "CHANGE_DATE", post && r->f[F_CHANGE_DATE].s ? r->f[F_CHANGE_DATE].s : v ? db_cell(v, 0, 7) : day);
	if (post ? r->f[F_MAJOR].present : v && db_int(v, 0, 6))
		tmpl_show(d, "MAJOR");
	const char *vis = post && r->f[F_VISIBILITY].s ? r->f[F_VISIBILITY].s : visibility;
	tmpl_show(d, vis && strcmp(vis, "internal") == 0 ? "INTERNAL" : "PUBLIC");
	entry_form(r, d, kind, fields);
	return view_finish(r, status);
}

/* Reads the posted draft. Returns NULL or the message to show. */
static const char *posted_draft(struct req *r, int kind, struct kb_draft *dr)
{
	memset(dr, 0, sizeof *dr);
	dr->kind = (enum kb_kind)kind;
	dr->visibility = r->f[F_VISIBILITY].s ? r->f[F_VISIBILITY].s : "public";
	dr->title = r->f[F_TITLE].s;
	dr->keywords = r->f[F_KEYWORDS].s;
	dr->major = r->f[F_MAJOR].present;
	if (!r->f[F_CHANGE_DATE].present)
		return "请填写「变化日期」。";
	dr->change_day = (int)r->f[F_CHANGE_DATE].i;
	const char *raw[KB_MAX_FIELDS] = { 0 };
	for (size_t i = 0; i < kb_kinds[kind].nfields; i++)
		raw[i] = r->f[kb_kinds[kind].fields[i].form].s;
	return kb_draft_check(r->a, dr, raw);
}

int h_kb_new_form(struct req *r)
{
	int kind = kb_kind_from_code(r->f[F_KIND].s ? r->f[F_KIND].s : "faq");
	if (kind < 0)
		return 404;
	if (r->actor->unit_id == 0)
		return 403;
	return form_page(r, 200, NULL, kind, "/knowledge/new", NULL, NULL, "public");
}

int h_kb_create(struct req *r)
{
	int kind = kb_kind_from_code(r->f[F_KIND].s);
	if (kind < 0 || r->actor->unit_id == 0) {
		r->err_msg = "知识类型无效。";
		return 400;
	}
	struct kb_draft dr;
	const char *problem = posted_draft(r, kind, &dr);
	if (problem)
		return form_page(r, 400, problem, kind, "/knowledge/new", NULL, NULL, NULL);
	struct wd_calendar cal;
	long long eid = 0, vid = 0;
	int rc = calendar_load(r->db, r->a, &cal);
	if (rc == DB_OK)
		rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_create(r->db, r->a, &cal, r->actor->unit_id, &dr,
			       r->actor->user_id, &eid, &vid);
	int submit = r->f[F_SUBMIT].present;
	if (rc == DB_OK && submit)
		rc = kbs_version_state(r->db, r->a, vid, "pending", NULL, 0);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, submit ? "kb.submit" : "kb.draft", "kb_version", vid,
			       arena_printf(r->a, "新增%s「%s」", kb_kinds[kind].label, dr.title));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld?done=saved", vid));
}

/* Loads a version and its entry for a change by this user. */
static int load_for_change(struct req *r, struct dbres *v, struct entry *e, int *state)
{
	int rc = kbs_version(r->db, r->a, r->id, v);
	if (rc != DB_OK)
		return db_status(rc);
	if (v->nrows != 1)
		return 404;
	int st = load_entry(r, db_int(v, 0, 1), e);
	if (st)
		return st;
	if (!own(r, e))
		return 404; /* another unit's drafts do not exist for this user */
	*state = kb_state_from_code(db_cell(v, 0, 3));
	/* Only the open draft of an entry may move; old versions are record. */
	if (e->draft != r->id)
		*state = KBS_SUPERSEDED;
	return 0;
}

int h_kb_edit_form(struct req *r)
{
	struct dbres v, f;
	struct entry e;
	int state;
	int st = load_for_change(r, &v, &e, &state);
	if (st)
		return st;
	if (kb_transition((enum kb_state)state, KBA_EDIT, r->actor->caps, 1) < 0) {
		r->err_msg = "此版本当前不能修改。";
		return 409;
	}
	int rc = kbs_fields(r->db, r->a, r->id, &f);
	if (rc != DB_OK)
		return db_status(rc);
	return form_page(r, 200, NULL, e.kind,
			 arena_printf(r->a, "/knowledge/versions/%lld", r->id), &v, &f,
			 db_cell(&v, 0, 14));
}

int h_kb_save(struct req *r)
{
	struct dbres v;
	struct entry e;
	int state;
	int st = load_for_change(r, &v, &e, &state);
	if (st)
		return st;
	int submit = r->f[F_SUBMIT].present;
	if (kb_transition((enum kb_state)state, submit ? KBA_SUBMIT : KBA_EDIT,
			  r->actor->caps, 1) < 0) {
		r->err_msg = "此版本当前不能修改。";
		return 409;
	}
	struct kb_draft dr;
	const char *problem = posted_draft(r, e.kind, &dr);
	if (problem)
		return form_page(r, 400, problem, e.kind,
				 arena_printf(r->a, "/knowledge/versions/%lld", r->id), &v,
				 NULL, db_cell(&v, 0, 14));
	struct wd_calendar cal;
	int rc = calendar_load(r->db, r->a, &cal);
	if (rc == DB_OK)
		rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_save(r->db, r->a, &cal, r->id, &dr);
	if (rc == DB_OK)
		rc = kbs_version_state(r->db, r->a, r->id, submit ? "pending" : "draft",
				       NULL, 0);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, submit ? "kb.submit" : "kb.draft", "kb_version", r->id,
			       arena_printf(r->a, "修改「%s」", dr.title));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld?done=saved", r->id));
}

/* submit, withdraw, approve, reject: one handler per row of the table. */
static int transition(struct req *r, enum kb_action action, const char *audit_action)
{
	struct dbres v;
	struct entry e;
	int state;
	int st = load_for_change(r, &v, &e, &state);
	if (st)
		return st;
	int next = kb_transition((enum kb_state)state, action, r->actor->caps, 1);
	if (next < 0) {
		r->err_msg = "当前状态下不能进行此操作，或您的角色无权进行此操作。";
		return caps_allow(r->actor->caps, 1, action == KBA_APPROVE || action == KBA_REJECT
						    ? CAP_KB_APPROVE : CAP_KB_EDIT) ? 409 : 403;
	}
	const char *reason = r->f[F_REASON].s;
	if (action == KBA_REJECT && reason == NULL) {
		r->err_msg = "退回时请填写理由。";
		return 400;
	}
	int rc = db_begin(r->db);
	if (rc == DB_OK) {
		if (next == KBS_PUBLISHED)
			rc = kb_publish(r->db, r->a, e.id, r->id, e.published, r->actor->user_id);
		else
			rc = kbs_version_state(r->db, r->a, r->id, kb_state_codes[next],
					       reason, r->actor->user_id);
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, audit_action, "kb_version", r->id,
			       arena_printf(r->a, "「%s」第 %s 版%s%s", db_cell(&v, 0, 4),
					    db_cell(&v, 0, 2), reason ? "：" : "",
					    reason ? reason : ""));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld?done=saved", r->id));
}

int h_kb_submit(struct req *r) { return transition(r, KBA_SUBMIT, "kb.submit"); }
int h_kb_withdraw(struct req *r) { return transition(r, KBA_WITHDRAW, "kb.withdraw"); }
int h_kb_approve(struct req *r) { return transition(r, KBA_APPROVE, "kb.publish"); }
int h_kb_reject(struct req *r) { return transition(r, KBA_REJECT, "kb.reject"); }

int h_kb_redraft(struct req *r)
{
	struct entry e;
	int st = load_entry(r, r->id, &e);
	if (st)
		return st;
	if (!own(r, &e))
		return 404;
	if (e.draft != 0)
		return http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld/edit", e.draft));
	if (e.published == 0 || e.obsolete) {
		r->err_msg = "已失效的知识不能再修改。";
		return 409;
	}
	long long vid = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_new_draft(r->db, r->a, e.id, e.published, e.visibility,
				  r->actor->user_id, &vid);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.redraft", "kb_version", vid,
			       arena_printf(r->a, "知识 #%lld 新建修订稿", e.id));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld/edit", vid));
}

int h_kb_obsolete(struct req *r)
{
	struct entry e;
	int st = load_entry(r, r->id, &e);
	if (st)
		return st;
	if (!own(r, &e))
		return 404;
	if (e.obsolete) {
		r->err_msg = "该知识已标注失效。";
		return 409;
	}
	char day[11];
	calendar_today(day);
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kbs_entry_obsolete(r->db, r->a, e.id, r->f[F_REASON].s, day);
	if (rc == DB_OK)
		rc = kb_reindex(r->db, r->a, e.id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.obsolete", "kb_entry", e.id,
			       arena_printf(r->a, "失效标注：%s", r->f[F_REASON].s));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/entries/%lld?done=saved", e.id));
}

int h_kb_pending(struct req *r)
{
	struct dbres res;
	int rc = kbs_pending(r->db, r->a, r->actor->unit_id, &res);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "待审核知识", "knowledge/pending.tpl");
	for (size_t i = 0; i < res.nrows; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "TITLE", db_cell(&res, i, 2));
		int k = kb_kind_from_code(db_cell(&res, i, 3));
		tmpl_set(row, "KIND", k >= 0 ? kb_kinds[k].label : "");
		tmpl_set(row, "NO", db_cell(&res, i, 4));
		tmpl_set(row, "DUE", db_cell(&res, i, 5));
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

/* Overdue drafts (K8.3): a unit sees its own, the office every unit's. */
int h_kb_overdue(struct req *r)
{
	int office = caps_allow(r->actor->caps, 1, CAP_DISPATCH);
	if (!office && r->actor->unit_id == 0)
		return 403;
	char day[11], month[8];
	today_and_month(day, month);
	long long unit = office ? 0 : r->actor->unit_id;
	struct dbres late, review;
	int rc = kbs_overdue(r->db, r->a, unit, r->actor->scope_jur, day, &late);
	if (rc == DB_OK)
		rc = kbs_review_due(r->db, r->a, unit, r->actor->scope_jur, month, 200, &review);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "逾期知识", "knowledge/overdue.tpl");
	tmpl_set(d, "TODAY", day);
	tmpl_set(d, "MONTH", month);
	for (size_t i = 0; i < late.nrows; i++) {
		struct tdict *row = tmpl_section(d, "LATE");
		tmpl_set(row, "ID", db_cell(&late, i, 0));
		tmpl_set(row, "TITLE", db_cell(&late, i, 2));
		tmpl_set(row, "UNIT", db_cell(&late, i, 3));
		int st = kb_state_from_code(db_cell(&late, i, 4));
		tmpl_set(row, "STATE", st >= 0 ? kb_state_labels[st] : "");
		tmpl_set(row, "DUE", db_cell(&late, i, 5));
	}
	if (late.nrows == 0)
		tmpl_show(d, "NO_LATE");
	for (size_t i = 0; i < review.nrows; i++) {
		struct tdict *row = tmpl_section(d, "REVIEW");
		tmpl_set(row, "ID", db_cell(&review, i, 0));
		tmpl_set(row, "TITLE", db_cell(&review, i, 1));
		tmpl_set(row, "UNIT", db_cell(&review, i, 2));
	}
	if (review.nrows == 0)
		tmpl_show(d, "NO_REVIEW");
	return view_finish(r, 200);
}

/* Monthly review (K8.3): the editor confirms the unit's published entries,
 * a page at a time. */
int h_kb_review_form(struct req *r)
{
	if (r->actor->unit_id == 0)
		return 403;
	char day[11], month[8];
	today_and_month(day, month);
	struct dbres res;
	int rc = kbs_review_due(r->db, r->a, r->actor->unit_id, 0, month, 100, &res);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "每月审核", "knowledge/review.tpl");
	tmpl_set(d, "MONTH", month);
	for (size_t i = 0; i < res.nrows; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "TITLE", db_cell(&res, i, 1));
		tmpl_set(row, "CHANGE_DATE", db_cell(&res, i, 3));
	}
	if (res.nrows == 0)
		tmpl_show(d, "DONE_ALL");
	return view_finish(r, 200);
}

int h_kb_review(struct req *r)
{
	if (r->actor->unit_id == 0)
		return 403;
	char day[11], month[8];
	today_and_month(day, month);
	/* Each checked box is one "entry" value; only the unit's own
	 * published entries are confirmed (the statement checks). */
	long long *ids = arena_alloc(r->a, (r->form.n + 1) * sizeof *ids);
	size_t n = 0;
	if (form_ints(&r->form, F_ENTRY, ids, r->form.n + 1, &n) < 0) {
		r->err_msg = "条目编号无效。";
		return 400;
	}
	int rc = db_begin(r->db), confirmed = 0;
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		int changed = 0;
		rc = kbs_review_confirm(r->db, r->a, ids[i], r->actor->unit_id, month,
					r->actor->user_id, &changed);
		confirmed += changed;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.review", "unit", r->actor->unit_id,
			       arena_printf(r->a, "%s 月度审核确认 %d 条", month, confirmed));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/review?done=saved");
}
