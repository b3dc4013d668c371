/* 知识库 for hotline staff: search, reading entries, and each unit's
 * collect -> review -> publish workflow (K2, K4-K9). */
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
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

/* Loads an entry and its kind (an index of kb_kinds); 0, 404 or a status. */
static int load_entry(struct req *r, long long id, struct kb_entry_row **e, int *kind)
{
	int rc = kb_entry_get(r->db, r->a, id, e);
	if (rc != DB_OK)
		return db_status(rc);
	if (*e == NULL)
		return 404;
	*kind = kb_kind_from_code((*e)->kind);
	return *kind < 0 ? 500 : 0;
}

static int own(const struct req *r, const struct kb_entry_row *e)
{
	return r->actor->unit_id != 0 && r->actor->unit_id == e->unit_id;
}

/* Whether this user may read a version of entry e in state: drafts are
 * the owning unit's business (K6); published and older versions are part
 * of the record every member of staff may read. */
static int readable(const struct req *r, const struct kb_entry_row *e, int state)
{
	return own(r, e) || state == KBS_PUBLISHED || state == KBS_SUPERSEDED;
}

static void version_meta(struct tdict *d, const struct kb_version_row *v)
{
	tmpl_set_int(d, "VERSION_ID", v->id);
	tmpl_set_int(d, "VERSION_NO", v->version_no);
	int st = kb_state_from_code(v->state);
	tmpl_set(d, "STATE", st >= 0 ? kb_state_labels[st] : "");
	tmpl_set(d, "STATE_CODE", v->state);
	tmpl_set(d, "TITLE", v->title);
	tmpl_set(d, "KEYWORDS", v->keywords);
	if (v->major)
		tmpl_show(d, "MAJOR");
	tmpl_set(d, "CHANGE_DATE", v->change_date);
	tmpl_set(d, "DUE_DATE", v->due_date);
	/* The reason stays on the version after it moves on: an alert while
	 * it is sent back, a hint while it is redone, nothing once decided. */
	if (*v->reject_reason && st == KBS_REJECTED)
		tmpl_set(tmpl_section(d, "REJECTED"), "REASON", v->reject_reason);
	else if (*v->reject_reason && (st == KBS_DRAFT || st == KBS_PENDING))
		tmpl_set(tmpl_section(d, "EARLIER_REJECTED"), "REASON", v->reject_reason);
	tmpl_set(d, "AUTHOR", v->author);
	tmpl_set(d, "VERSION_VISIBILITY", strcmp(v->visibility, "public") == 0 ? "公开" : "内部");
}

/* The actions a user may take on a version, from the workflow table. */
static void version_actions(struct req *r, struct tdict *d, const struct kb_entry_row *e,
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
	struct kb_entry_row *e;
	int kind;
	int st = load_entry(r, r->id, &e, &kind);
	if (st)
		return st;
	int mine = own(r, e);
	long long vid = e->published_id ? e->published_id : (mine ? e->draft_id : 0);
	if (vid == 0)
		return 404; /* another unit's entry that was never published */
	struct kb_version_row *v;
	int rc = kb_version(r->db, r->a, vid, &v);
	if (rc == DB_OK && v == NULL)
		rc = DB_ERR;
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, v->title, "knowledge/entry.tpl");
	tmpl_set_int(d, "ENTRY_ID", e->id);
	tmpl_set(d, "UNIT", e->unit_name);
	tmpl_set(d, "KIND", kb_kinds[kind].label);
	tmpl_set(d, "VISIBILITY", strcmp(e->visibility, "public") == 0 ? "公开" : "内部");
	version_meta(d, v);
	if (e->obsolete) {
		struct tdict *o = tmpl_section(d, "OBSOLETE");
		tmpl_set(o, "REASON", e->obsolete_reason);
		tmpl_set(o, "ON", e->obsolete_on);
	}
	if ((st = kb_show_fields(r, d, kind, vid, 0)) != 0)
		return st;
	if (mine) {
		struct tdict *m = tmpl_section(d, "MINE");
		if (e->draft_id != 0 && e->draft_id != vid) {
			/* The revision in the works: its state, and why it was
			 * sent back when it was. */
			struct kb_version_row *dv;
			rc = kb_version(r->db, r->a, e->draft_id, &dv);
			if (rc != DB_OK)
				return db_status(rc);
			struct tdict *od = tmpl_section(m, "OPEN_DRAFT");
			tmpl_set_int(od, "DRAFT_ID", e->draft_id);
			if (dv != NULL) {
				int dst = kb_state_from_code(dv->state);
				tmpl_set_int(od, "DRAFT_NO", dv->version_no);
				tmpl_set(od, "DRAFT_STATE", dst >= 0 ? kb_state_labels[dst] : "");
				if (dst == KBS_REJECTED && *dv->reject_reason)
					tmpl_set(tmpl_section(od, "DRAFT_REJECTED"), "REASON",
						 dv->reject_reason);
			}
		}
		if (e->draft_id == 0 && e->published_id != 0 && !e->obsolete &&
		    caps_allow(r->actor->caps, 1, CAP_KB_EDIT)) {
			tmpl_show(m, "CAN_REDRAFT");
			tmpl_show(m, "CAN_OBSOLETE");
		}
	}
	if (caps_allow(r->actor->caps, 1, CAP_ORDER_INTAKE) && e->published_id && !e->obsolete)
		tmpl_show(d, "CAN_REPORT");
	return view_finish(r, 200);
}

/* The whole text of version v (its fields f), field by field, for
 * comparing. */
static const char *version_text(struct req *r, int kind, const struct kb_version_row *v,
				const struct kb_field_row *f, size_t n)
{
	struct buf b;
	buf_init(&b, r->a);
	buf_printf(&b, "标题：%s\n关键词：%s\n", v->title, v->keywords);
	const struct kb_kind_def *k = &kb_kinds[kind];
	for (size_t i = 0; i < k->nfields; i++)
		for (size_t j = 0; j < n; j++)
			if (strcmp(f[j].name, k->fields[i].name) == 0)
				buf_printf(&b, "%s：%s\n", k->fields[i].label,
					   k->fields[i].type == KBF_HTML
						   ? kb_plain_text(r->a, f[j].value)
						   : f[j].value);
	return buf_str(&b);
}

/* Version v's text, its fields read: 0 or a status. */
static int read_text(struct req *r, int kind, const struct kb_version_row *v, const char **t)
{
	struct kb_field_row *f;
	size_t n;
	int rc = kb_fields(r->db, r->a, v->id, &f, &n);
	if (rc != DB_OK)
		return db_status(rc);
	*t = version_text(r, kind, v, f, n);
	return 0;
}

/* The character diff of text ta to text tb into d's OP sections
 * (knowledge/diff_ops.tpl, included at DIFF_OPS). */
static void fill_diff(struct req *r, struct tdict *d, const char *ta, const char *tb)
{
	struct df_op *ops;
	size_t n = df_chars(r->a, ta, tb, &ops);
	struct tdict *dd = tmpl_include(d, "DIFF_OPS", "knowledge/diff_ops.tpl");
	for (size_t i = 0; i < n; i++) {
		struct tdict *op = tmpl_section(dd, "OP");
		const char *sec = ops[i].kind == '+' ? "INS" : ops[i].kind == '-' ? "DEL" : "SAME";
		tmpl_set(tmpl_section(op, sec), "T",
			 arena_strndup(r->a, ops[i].text, ops[i].len));
	}
}

int h_kb_version(struct req *r)
{
	struct kb_version_row *v;
	int rc = kb_version(r->db, r->a, r->id, &v);
	if (rc != DB_OK)
		return db_status(rc);
	if (v == NULL)
		return 404;
	struct kb_entry_row *e;
	int kind;
	int st = load_entry(r, v->entry_id, &e, &kind);
	if (st)
		return st;
	int state = kb_state_from_code(v->state);
	if (!readable(r, e, state))
		return 404;
	struct tdict *d = view_page(r, v->title, "knowledge/version.tpl");
	tmpl_set_int(d, "ENTRY_ID", e->id);
	tmpl_set(d, "UNIT", e->unit_name);
	tmpl_set(d, "KIND", kb_kinds[kind].label);
	version_meta(d, v);
	version_actions(r, d, e, state);
	/* The version's fields, read once: shown, linted and compared. */
	struct kb_field_row *f;
	size_t nf;
	rc = kb_fields(r->db, r->a, r->id, &f, &nf);
	if (rc != DB_OK)
		return db_status(rc);
	kb_fill_fields(d, kind, f, nf, 0);
	/* An open version: the lint's findings for its editor and, beside the
	 * changes, for the approver deciding on it (K10.2). */
	if ((state == KBS_DRAFT || state == KBS_PENDING || state == KBS_REJECTED) &&
	    (st = kb_lint_section(r, d, kind, v->title, v->keywords, f, nf)) != 0)
		return st;
	/* An open version of a published entry: what it changes, for the
	 * approver deciding on it and the editor writing it. */
	if ((state == KBS_DRAFT || state == KBS_PENDING || state == KBS_REJECTED) &&
	    e->published_id != 0 && e->published_id != v->id) {
		struct kb_version_row *pub;
		rc = kb_version(r->db, r->a, e->published_id, &pub);
		if (rc != DB_OK)
			return db_status(rc);
		if (pub != NULL) {
			struct tdict *c = tmpl_section(d, "CHANGES");
			tmpl_set_int(c, "PUBLISHED_NO", pub->version_no);
			const char *tp = NULL;
			if ((st = read_text(r, kind, pub, &tp)) != 0)
				return st;
			fill_diff(r, c, tp, version_text(r, kind, v, f, nf));
		}
	}
	return view_finish(r, 200);
}

int h_kb_history(struct req *r)
{
	struct kb_entry_row *e;
	int kind;
	int st = load_entry(r, r->id, &e, &kind);
	if (st)
		return st;
	if (!own(r, e) && e->published_id == 0)
		return 404;
	struct kb_version_row *vs;
	size_t n;
	int rc = kb_versions(r->db, r->a, e->id, &vs, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "版本记录", "knowledge/history.tpl");
	tmpl_set_int(d, "ENTRY_ID", e->id);
	for (size_t i = 0; i < n; i++) {
		int state = kb_state_from_code(vs[i].state);
		if (!readable(r, e, state))
			continue;
		struct tdict *row = tmpl_section(d, "VERSION");
		tmpl_set_int(row, "ID", vs[i].id);
		tmpl_set_int(row, "NO", vs[i].version_no);
		tmpl_set(row, "STATE", state >= 0 ? kb_state_labels[state] : "");
		tmpl_set(row, "TITLE", vs[i].title);
		tmpl_set(row, "CHANGE_DATE", vs[i].change_date);
		tmpl_set(row, "AUTHOR", vs[i].author);
		tmpl_set(row, "CREATED", vs[i].created);
		struct tdict *oa = tmpl_section(d, "OPT_A"), *ob = tmpl_section(d, "OPT_B");
		tmpl_set_int(oa, "ID", vs[i].id);
		tmpl_set_int(oa, "NO", vs[i].version_no);
		tmpl_set_int(ob, "ID", vs[i].id);
		tmpl_set_int(ob, "NO", vs[i].version_no);
		if (i == 1)
			tmpl_show(oa, "SELECTED");
		if (i == 0)
			tmpl_show(ob, "SELECTED");
	}
	return view_finish(r, 200);
}

int h_kb_diff(struct req *r)
{
	struct kb_entry_row *e;
	int kind;
	int st = load_entry(r, r->id, &e, &kind);
	if (st)
		return st;
	struct kb_version_row *va, *vb = NULL;
	int rc = kb_version(r->db, r->a, r->f[F_A].i, &va);
	if (rc == DB_OK)
		rc = kb_version(r->db, r->a, r->f[F_B].i, &vb);
	if (rc != DB_OK)
		return db_status(rc);
	if (va == NULL || vb == NULL || va->entry_id != e->id || vb->entry_id != e->id ||
	    !readable(r, e, kb_state_from_code(va->state)) ||
	    !readable(r, e, kb_state_from_code(vb->state)))
		return 404;
	struct tdict *d = view_page(r, "版本比较", "knowledge/diff.tpl");
	tmpl_set_int(d, "ENTRY_ID", e->id);
	tmpl_set_int(d, "A", va->version_no);
	tmpl_set_int(d, "B", vb->version_no);
	const char *ta = NULL, *tb = NULL;
	if ((st = read_text(r, kind, va, &ta)) != 0 || (st = read_text(r, kind, vb, &tb)) != 0)
		return st;
	fill_diff(r, d, ta, tb);
	return view_finish(r, 200);
}

/* ---- the unit's own entries ------------------------------------------------ */

int h_kb_mine(struct req *r)
{
	if (r->actor->unit_id == 0)
		return 403;
	char day[11], month[8];
	today_and_month(day, month);
	struct kb_unit_entry_row *e;
	size_t n;
	int rc = kb_unit_entries(r->db, r->a, r->actor->unit_id, month, &e, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "本单位知识", "knowledge/mine.tpl");
	tmpl_set(d, "UNIT", r->actor->unit_name);
	if (caps_allow(r->actor->caps, 1, CAP_KB_EDIT))
		for (int k = 0; k < KB_KIND__MAX; k++) {
			struct tdict *nw = tmpl_section(d, "NEW");
			tmpl_set(nw, "KIND", kb_kinds[k].code);
			tmpl_set(nw, "LABEL", kb_kinds[k].label);
		}
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ENTRY");
		tmpl_set_int(row, "ID", e[i].id);
		int k = kb_kind_from_code(e[i].kind);
		tmpl_set(row, "KIND", k >= 0 ? kb_kinds[k].label : "");
		tmpl_set(row, "VISIBILITY", strcmp(e[i].visibility, "public") == 0 ? "公开" : "内部");
		tmpl_set(row, "TITLE", e[i].title ? e[i].title : e[i].draft_title);
		if (e[i].obsolete)
			tmpl_show(row, "OBSOLETE");
		if (e[i].version_no)
			tmpl_set_int(tmpl_section(row, "PUBLISHED"), "NO", e[i].version_no);
		if (e[i].draft_id) {
			struct tdict *dr = tmpl_section(row, "DRAFT");
			int st = kb_state_from_code(e[i].draft_state);
			tmpl_set_int(dr, "ID", e[i].draft_id);
			tmpl_set(dr, "STATE", st >= 0 ? kb_state_labels[st] : "");
			tmpl_set(dr, "DUE", e[i].draft_due);
			if (strcmp(e[i].draft_due, day) < 0)
				tmpl_show(dr, "OVERDUE");
		}
		if (e[i].reviewed)
			tmpl_show(row, "REVIEWED");
	}
	return view_finish(r, 200);
}

/* ---- writing -------------------------------------------------------------- */

/* Fills the entry form: the posted values, else those of fields (n). */
static void entry_form(struct req *r, struct tdict *d, int kind,
		       const struct kb_field_row *fields, size_t n)
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
		for (size_t j = 0; v == NULL && j < n; j++)
			if (strcmp(fields[j].name, fd->name) == 0)
				v = fields[j].value;
		const char *sec = fd->type == KBF_LINE ? "LINE" : fd->type == KBF_DATE ? "DATE" : "AREA";
		struct tdict *in = tmpl_section(s, sec);
		tmpl_set(in, "V", v ? v : "");
		if (fd->type == KBF_HTML)
			tmpl_show(s, "HTML_HINT");
		if (fd->internal)
			tmpl_show(s, "INTERNAL");
	}
}

/* The entry form: a new entry's (v NULL) or version v's with its fields
 * (n). */
static int form_page(struct req *r, int status, const char *alert, int kind,
		     const char *action, const struct kb_version_row *v,
		     const struct kb_field_row *fields, size_t n, const char *visibility)
{
	struct tdict *d = view_page(r, "编辑知识", "knowledge/form.tpl");
	tmpl_set(d, "ACTION", action);
	if (alert)
		view_alert(r, alert);
	int post = r->method == M_POST;
	tmpl_set(d, "TITLE", post ? req_str(r, F_TITLE) : v ? v->title : "");
	tmpl_set(d, "KEYWORDS", post ? req_str(r, F_KEYWORDS) : v ? v->keywords : "");
	char day[11];
	calendar_today(day);
	tmpl_set(d, "CHANGE_DATE", post && r->f[F_CHANGE_DATE].s ? r->f[F_CHANGE_DATE].s : v ? v->change_date : day);
	if (post ? r->f[F_MAJOR].present : v && v->major)
		tmpl_show(d, "MAJOR");
	const char *vis = post && r->f[F_VISIBILITY].s ? r->f[F_VISIBILITY].s : visibility;
	tmpl_show(d, vis && strcmp(vis, "internal") == 0 ? "INTERNAL" : "PUBLIC");
	entry_form(r, d, kind, fields, n);
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
	return form_page(r, 200, NULL, kind, "/knowledge/new", NULL, NULL, 0, "public");
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
		return form_page(r, 400, problem, kind, "/knowledge/new", NULL, NULL, 0, NULL);
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
		rc = kb_version_state(r->db, r->a, vid, "draft", "pending", NULL, 0);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, submit ? "kb.submit" : "kb.draft", "kb_version", vid,
			       arena_printf(r->a, "新增%s「%s」", kb_kinds[kind].label, dr.title));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld?done=saved", vid));
}

/* A version to change (r->id), its entry and the entry's kind, and the
 * state it moves from. */
struct change {
	struct kb_version_row *v;
	struct kb_entry_row *e;
	int kind, state;
};

/* Loads a version and its entry for a change by this user. */
static int load_for_change(struct req *r, struct change *c)
{
	int rc = kb_version(r->db, r->a, r->id, &c->v);
	if (rc != DB_OK)
		return db_status(rc);
	if (c->v == NULL)
		return 404;
	int st = load_entry(r, c->v->entry_id, &c->e, &c->kind);
	if (st)
		return st;
	if (!own(r, c->e))
		return 404; /* another unit's drafts do not exist for this user */
	c->state = kb_state_from_code(c->v->state);
	/* Only the open draft of an entry may move; old versions are record. */
	if (c->e->draft_id != r->id)
		c->state = KBS_SUPERSEDED;
	return 0;
}

int h_kb_edit_form(struct req *r)
{
	struct change c;
	struct kb_field_row *f;
	size_t n;
	int st = load_for_change(r, &c);
	if (st)
		return st;
	if (kb_transition((enum kb_state)c.state, KBA_EDIT, r->actor->caps, 1) < 0) {
		r->err_msg = "此版本当前不能修改。";
		return 409;
	}
	int rc = kb_fields(r->db, r->a, r->id, &f, &n);
	if (rc != DB_OK)
		return db_status(rc);
	return form_page(r, 200, NULL, c.kind,
			 arena_printf(r->a, "/knowledge/versions/%lld", r->id), c.v, f, n,
			 c.v->visibility);
}

int h_kb_save(struct req *r)
{
	struct change c;
	int st = load_for_change(r, &c);
	if (st)
		return st;
	int submit = r->f[F_SUBMIT].present;
	if (kb_transition((enum kb_state)c.state, submit ? KBA_SUBMIT : KBA_EDIT,
			  r->actor->caps, 1) < 0) {
		r->err_msg = "此版本当前不能修改。";
		return 409;
	}
	struct kb_draft dr;
	const char *problem = posted_draft(r, c.kind, &dr);
	if (problem)
		return form_page(r, 400, problem, c.kind,
				 arena_printf(r->a, "/knowledge/versions/%lld", r->id), c.v,
				 NULL, 0, c.v->visibility);
	struct wd_calendar cal;
	int rc = calendar_load(r->db, r->a, &cal);
	if (rc == DB_OK)
		rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_save(r->db, r->a, &cal, r->id, &dr);
	if (rc == DB_OK)
		rc = kb_version_state(r->db, r->a, r->id, kb_state_codes[c.state],
				      submit ? "pending" : "draft", NULL, 0);
	if (rc == DB_CONFLICT)
		r->err_msg = "此版本当前不能修改。";
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, submit ? "kb.submit" : "kb.draft", "kb_version", r->id,
			       arena_printf(r->a, "修改「%s」", dr.title));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld?done=saved", r->id));
}

/* submit, withdraw, approve, reject: one handler per row of the table;
 * done names the notice the version's page then shows (view.c). */
static int transition(struct req *r, enum kb_action action, const char *audit_action,
		      const char *done)
{
	struct change c;
	int st = load_for_change(r, &c);
	if (st)
		return st;
	int next = kb_transition((enum kb_state)c.state, action, r->actor->caps, 1);
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
			rc = kb_publish(r->db, r->a, c.e->id, r->id, kb_state_codes[c.state],
					c.e->published_id, r->actor->user_id);
		else
			rc = kb_version_state(r->db, r->a, r->id, kb_state_codes[c.state],
					      kb_state_codes[next], reason, r->actor->user_id);
	}
	if (rc == DB_CONFLICT)   /* decided by someone else meanwhile */
		r->err_msg = "当前状态下不能进行此操作，或您的角色无权进行此操作。";
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, audit_action, "kb_version", r->id,
			       arena_printf(r->a, "「%s」第 %lld 版%s%s", c.v->title,
					    c.v->version_no, reason ? "：" : "",
					    reason ? reason : ""));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld?done=%s",
						       r->id, done));
}

int h_kb_submit(struct req *r) { return transition(r, KBA_SUBMIT, "kb.submit", "submitted"); }
int h_kb_withdraw(struct req *r) { return transition(r, KBA_WITHDRAW, "kb.withdraw", "withdrawn"); }
int h_kb_approve(struct req *r) { return transition(r, KBA_APPROVE, "kb.publish", "published"); }
int h_kb_reject(struct req *r) { return transition(r, KBA_REJECT, "kb.reject", "rejected"); }

int h_kb_redraft(struct req *r)
{
	struct kb_entry_row *e;
	int kind;
	int st = load_entry(r, r->id, &e, &kind);
	if (st)
		return st;
	if (!own(r, e))
		return 404;
	if (e->draft_id != 0)
		return http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld/edit", e->draft_id));
	if (e->published_id == 0 || e->obsolete) {
		r->err_msg = "已失效的知识不能再修改。";
		return 409;
	}
	long long vid = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_new_draft(r->db, r->a, e->id, e->published_id, e->visibility,
				  r->actor->user_id, &vid);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.redraft", "kb_version", vid,
			       arena_printf(r->a, "知识 #%lld 新建修订稿", e->id));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/versions/%lld/edit", vid));
}

int h_kb_obsolete(struct req *r)
{
	struct kb_entry_row *e;
	int kind;
	int st = load_entry(r, r->id, &e, &kind);
	if (st)
		return st;
	if (!own(r, e))
		return 404;
	if (e->obsolete) {
		r->err_msg = "该知识已标注失效。";
		return 409;
	}
	char day[11];
	calendar_today(day);
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_entry_obsolete(r->db, r->a, e->id, r->f[F_REASON].s, day);
	if (rc == DB_OK)
		rc = kb_reindex(r->db, r->a, e->id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.obsolete", "kb_entry", e->id,
			       arena_printf(r->a, "失效标注：%s", r->f[F_REASON].s));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/knowledge/entries/%lld?done=saved", e->id));
}

int h_kb_pending(struct req *r)
{
	struct kb_pending_row *p;
	size_t n;
	int rc = kb_pending(r->db, r->a, r->actor->unit_id, &p, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "待审核知识", "knowledge/pending.tpl");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", p[i].id);
		tmpl_set(row, "TITLE", p[i].title);
		int k = kb_kind_from_code(p[i].kind);
		tmpl_set(row, "KIND", k >= 0 ? kb_kinds[k].label : "");
		tmpl_set_int(row, "NO", p[i].version_no);
		tmpl_set(row, "DUE", p[i].due_date);
	}
	if (n == 0)
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
	struct kb_overdue_row *late;
	struct kb_review_row *review;
	size_t nlate, nreview = 0;
	int rc = kb_overdue(r->db, r->a, unit, r->actor->scope_jur, day, &late, &nlate);
	if (rc == DB_OK)
		rc = kb_review_due(r->db, r->a, unit, r->actor->scope_jur, month, 200, &review,
				    &nreview);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "逾期知识", "knowledge/overdue.tpl");
	tmpl_set(d, "TODAY", day);
	tmpl_set(d, "MONTH", month);
	for (size_t i = 0; i < nlate; i++) {
		struct tdict *row = tmpl_section(d, "LATE");
		tmpl_set_int(row, "ID", late[i].id);
		tmpl_set(row, "TITLE", late[i].title);
		tmpl_set(row, "UNIT", late[i].unit_name);
		int st = kb_state_from_code(late[i].state);
		tmpl_set(row, "STATE", st >= 0 ? kb_state_labels[st] : "");
		tmpl_set(row, "DUE", late[i].due_date);
	}
	if (nlate == 0)
		tmpl_show(d, "NO_LATE");
	for (size_t i = 0; i < nreview; i++) {
		struct tdict *row = tmpl_section(d, "REVIEW");
		tmpl_set_int(row, "ID", review[i].id);
		tmpl_set(row, "TITLE", review[i].title);
		tmpl_set(row, "UNIT", review[i].unit_name);
	}
	if (nreview == 0)
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
	struct kb_review_row *e;
	size_t n;
	int rc = kb_review_due(r->db, r->a, r->actor->unit_id, 0, month, 100, &e, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "每月审核", "knowledge/review.tpl");
	tmpl_set(d, "MONTH", month);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", e[i].id);
		tmpl_set(row, "TITLE", e[i].title);
		tmpl_set(row, "CHANGE_DATE", e[i].change_date);
	}
	if (n == 0)
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
		rc = kb_review_confirm(r->db, r->a, ids[i], r->actor->unit_id, month,
					r->actor->user_id, &changed);
		confirmed += changed;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.review", "unit", r->actor->unit_id,
			       arena_printf(r->a, "%s 月度审核确认 %d 条", month, confirmed));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/review?done=saved");
}
