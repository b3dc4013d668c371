#include "kb_ops.h"

#include <libxml/HTMLparser.h>
#include <stddef.h>
#include <string.h>

#include "actor.h"
#include "bigram.h"
#include "calendar_store.h"
#include "form.h"
#include "kb_store.h"
#include "roles.h"
#include "sanitize.h"
#include "search_store.h"
#include "step.h"

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

char *kb_cut(struct arena *a, const char *s, size_t max)
{
	size_t n = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (n == max)
				return arena_printf(a, "%.*s…", (int)i, s);
			n++;
		}
	}
	return arena_strdup(a, s);
}

/* Trims spaces and newlines at both ends. */
static const char *trim(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' ||
			 s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

const char *kb_draft_check(struct arena *a, struct kb_draft *d,
			   const char *const raw[KB_MAX_FIELDS])
{
	const struct kb_kind_def *k = &kb_kinds[d->kind];
	if (d->title == NULL || *trim(a, d->title) == '\0')
		return "请填写「标题」。";
	d->title = trim(a, d->title);
	d->keywords = d->keywords ? trim(a, d->keywords) : "";
	if (strcmp(d->visibility, "public") != 0 && strcmp(d->visibility, "internal") != 0)
		return "公开范围无效。";
	for (size_t i = 0; i < k->nfields; i++) {
		const struct kb_field *f = &k->fields[i];
		const char *v = raw[i] ? trim(a, raw[i]) : "";
		if (*v == '\0') {
			if (f->required)
				return arena_printf(a, "请填写「%s」。", f->label);
			d->values[i] = "";
			continue;
		}
		if (chars(v) > f->max_chars)
			return arena_printf(a, "「%s」不能超过 %zu 个字。", f->label,
					    f->max_chars);
		switch (f->type) {
		case KBF_LINE:
			if (strpbrk(v, "\r\n") != NULL)
				return arena_printf(a, "「%s」只能填写一行。", f->label);
			break;
		case KBF_DATE: {
			int day;
			if (wd_parse(v, &day) < 0)
				return arena_printf(a, "「%s」应为 YYYY-MM-DD 格式的日期。",
						    f->label);
			break;
		}
		case KBF_HTML:
			v = san_html(a, v, strlen(v));
			if (*trim(a, kb_plain_text(a, v)) == '\0' && f->required)
				return arena_printf(a, "请填写「%s」。", f->label);
			break;
		case KBF_TEXT:
			break;
		}
		d->values[i] = v;
	}
	return NULL;
}

static int put_fields(struct db *db, struct arena *a, long long version_id,
		      const struct kb_draft *d)
{
	const struct kb_kind_def *k = &kb_kinds[d->kind];
	int rc = kb_fields_clear(db, a, version_id);
	for (size_t i = 0; rc == DB_OK && i < k->nfields; i++)
		if (d->values[i] != NULL && *d->values[i] != '\0')
			rc = kb_field_put(db, a, version_id, k->fields[i].name,
					   d->values[i]);
	return rc;
}

int kb_create(struct db *db, struct arena *a, const struct wd_calendar *cal,
	      long long unit_id, const struct kb_draft *d, long long author,
	      long long *entry_id, long long *version_id)
{
	char change[11], due[11];
	wd_format(d->change_day, change);
	wd_format(kb_due(cal, d->change_day, d->major), due);
	int rc = kb_entry_insert(db, a, unit_id, kb_kinds[d->kind].code,
				  d->visibility, entry_id);
	if (rc == DB_OK)
		rc = kb_version_insert(db, a, *entry_id, 1, d->visibility, d->title,
					d->keywords,
					d->major, change, due, author, version_id);
	if (rc == DB_OK)
		rc = put_fields(db, a, *version_id, d);
	if (rc == DB_OK)
		rc = kb_entry_set(db, a, *entry_id, d->visibility, 0, *version_id);
	return rc;
}

int kb_save(struct db *db, struct arena *a, const struct wd_calendar *cal,
	    long long version_id, const struct kb_draft *d)
{
	char change[11], due[11];
	wd_format(d->change_day, change);
	wd_format(kb_due(cal, d->change_day, d->major), due);
	/* The visibility stays on the draft: the entry changes it only when
	 * the draft is approved (kb_publish). */
	int rc = kb_version_update(db, a, version_id, d->visibility, d->title,
				    d->keywords, d->major, change, due);
	if (rc == DB_OK)
		rc = put_fields(db, a, version_id, d);
	return rc;
}

int kb_new_draft(struct db *db, struct arena *a, long long entry_id,
		 long long published_id, const char *visibility, long long author,
		 long long *version_id)
{
	struct kb_version_row *p;
	long long no = 0;
	int rc = kb_version(db, a, published_id, &p);
	if (rc != DB_OK)
		return rc;
	if (p == NULL)
		return DB_ERR;
	rc = kb_next_version_no(db, a, entry_id, &no);
	if (rc == DB_OK)
		rc = kb_version_insert(db, a, entry_id, no, p->visibility, p->title,
					p->keywords, (int)p->major, p->change_date,
					p->due_date, author, version_id);
	if (rc == DB_OK)
		rc = kb_fields_copy(db, a, published_id, *version_id);
	if (rc == DB_OK)
		rc = kb_entry_set(db, a, entry_id, visibility, published_id, *version_id);
	return rc;
}

int kb_publish(struct db *db, struct arena *a, long long entry_id, long long version_id,
	       const char *from, long long old_published, long long user_id)
{
	struct kb_version_row *v = NULL;
	int rc = DB_OK;
	if (old_published != 0)
		rc = kb_version_state(db, a, old_published, "published", "superseded", NULL, 0);
	if (rc == DB_OK)
		rc = kb_version_state(db, a, version_id, from, "published", NULL, user_id);
	if (rc == DB_OK)
		rc = kb_version(db, a, version_id, &v);
	if (rc == DB_OK && v != NULL)
		rc = kb_entry_set(db, a, entry_id, v->visibility, version_id, 0);
	if (rc == DB_OK)
		rc = kb_reindex(db, a, entry_id);
	return rc;
}

char *kb_plain_text(struct arena *a, const char *html)
{
	if (html == NULL || *html == '\0')
		return arena_strdup(a, "");
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
						HTML_PARSE_NONET);
	if (doc == NULL)
		return arena_strdup(a, "");
	xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	char *out = arena_strdup(a, text ? (const char *)text : "");
	xmlFree(text);
	xmlFreeDoc(doc);
	return out;
}

/* kb_search's row of the entry, as published now. */
static int search_row(struct db *db, struct arena *a, long long entry_id)
{
	struct kb_entry_row *e;
	struct kb_version_row *v;
	struct kb_field_row *f;
	size_t nf;
	int rc = kb_entry_get(db, a, entry_id, &e);
	if (rc != DB_OK)
		return rc;
	if (e == NULL)
		return DB_ERR;
	long long pub = e->published_id;
	if (pub == 0 || e->obsolete)
		return kb_search_drop(db, a, entry_id);
	int kind = kb_kind_from_code(e->kind);
	if (kind < 0)
		return DB_ERR;
	if ((rc = kb_version(db, a, pub, &v)) != DB_OK ||
	    (rc = kb_fields(db, a, pub, &f, &nf)) != DB_OK)
		return rc;
	if (v == NULL)
		return DB_ERR;
	struct buf pub_text, all_text;
	buf_init(&pub_text, a);
	buf_init(&all_text, a);
	const char *summary = "";
	for (size_t i = 0; i < nf; i++) {
		const struct kb_field *fd = kb_field_find((enum kb_kind)kind, f[i].name);
		if (fd == NULL)
			continue;
		const char *text = fd->type == KBF_HTML ? kb_plain_text(a, f[i].value)
						      : f[i].value;
		buf_puts(&all_text, text);
		buf_puts(&all_text, "\n");
		if (fd->internal)
			continue;
		buf_puts(&pub_text, text);
		buf_puts(&pub_text, "\n");
		if (*summary == '\0' || fd == &kb_kinds[kind].fields[1])
			summary = text;
	}
	const char *title = v->title, *keywords = v->keywords;
	struct kb_search_row s = {
		.entry_id = entry_id,
		.version_id = pub,
		.unit_id = e->unit_id,
		.kind = e->kind,
		.visibility = e->visibility,
		.title = title,
		.summary = kb_cut(a, trim(a, summary), 120),
		.title_bg = bg_index_text(a, title),
		.keywords_bg = bg_index_text(a, keywords),
		.pub_bg = bg_index_text(a, arena_printf(a, "%s\n%s\n%s", title, keywords,
							 buf_str(&pub_text))),
		.all_bg = bg_index_text(a, arena_printf(a, "%s\n%s\n%s", title, keywords,
							 buf_str(&all_text))),
	};
	return kb_search_put(db, a, &s);
}

int kb_reindex(struct db *db, struct arena *a, long long entry_id)
{
	int rc = search_row(db, a, entry_id);
	/* Every node's search index follows this (kb_index.c). */
	if (rc == DB_OK)
		rc = search_change_log(db, a, entry_id);
	return rc;
}

/* ---- knowledge-update orders ---------------------------------------------- */

static const char *const upd_action_codes[KBU_ACTION__MAX] = {
	[KBU_REPLY] = "reply", [KBU_FIXED] = "fixed", [KBU_CONFIRM] = "confirm",
	[KBU_REOPEN] = "reopen",
};

struct upd_in {
	const char *message;
};

/* What the hooks share about the order being changed. */
struct upd_step {
	struct kb_update_row *k;
	int unit_editor, reporter;
	long long version;        /* the fixed version (KBU_FIXED) */
};

static const struct step_need upd_needs[] = {
	{ KBU_REPLY, offsetof(struct upd_in, message), NEED_TEXT, "请填写「说明」。", "message" },
	{ KBU_REOPEN, offsetof(struct upd_in, message), NEED_TEXT, "请填写「说明」。", "message" },
	{ -1, 0, NEED_TEXT, NULL, NULL },
};

static int upd_lock(struct step *s)
{
	struct upd_step *x = s->own;
	const struct actor *ac = s->c->actor;
	int rc = kb_update_lock(s->c->db, s->c->a, s->id, &x->k);
	s->row = x->k;
	if (x->k != NULL) {
		s->from = kb_upd_from_code(x->k->state);
		x->unit_editor = ac->unit_id == x->k->unit_id && caps_allow(ac->caps, 1, CAP_KB_EDIT);
		x->reporter = ac->user_id == x->k->reporter_id;
	}
	return rc;
}

int kb_update_visible(const struct actor *ac, const struct kb_update_row *k)
{
	if (ac->unit_id == k->unit_id || ac->user_id == k->reporter_id)
		return 1;
	return caps_allow(ac->caps, 1, CAP_DISPATCH) &&
	       (ac->scope_jur == 0 || ac->scope_jur == k->jur_id);
}

static int upd_visible(const struct step *s)
{
	const struct upd_step *x = s->own;
	return kb_update_visible(s->c->actor, x->k);
}

static int upd_next(const struct step *s)
{
	const struct upd_step *x = s->own;
	return s->from < 0 ? -1 : kb_upd_transition((enum kb_upd_state)s->from,
						     (enum kb_upd_action)s->action,
						     x->unit_editor, x->reporter);
}

static int upd_ever(const struct step *s)
{
	const struct upd_step *x = s->own;
	return x->unit_editor || x->reporter;
}

static const char *upd_wrong_state(const struct step *s)
{
	(void)s;
	return "当前状态下您不能进行此操作。";
}

/* The unit answers "fixed" with a version of the entry published since
 * the report (or the reopening). */
static int upd_check(struct step *s)
{
	struct upd_step *x = s->own;
	const struct upd_in *in = s->in;
	if (s->action != KBU_FIXED)
		return 0;
	if (x->k->entry_id == 0) {
		s->msg = "该工单未关联知识条目：新增知识并发布后，请以“答复不修改”说明新条目。";
		return 409;
	}
	struct kb_entry_row *e;
	int rc = kb_entry_get(s->c->db, s->c->a, x->k->entry_id, &e);
	if (rc != DB_OK)
		return db_status(rc);
	x->version = e ? e->published_id : 0;
	if (x->version == 0) {
		s->msg = "该知识尚无已发布版本。";
		return 409;
	}
	if (x->k->reported_version_id == x->version) {
		s->msg = "尚未发布针对此问题的新版本：请先修改该知识并经审核发布，再答复“已发布新版本”。";
		return 409;
	}
	struct kb_version_row *v;
	rc = kb_version(s->c->db, s->c->a, x->version, &v);
	if (rc == DB_OK && v == NULL)
		rc = DB_ERR;
	if (rc != DB_OK)
		return db_status(rc);
	s->note = arena_printf(s->c->a, "已发布第 %lld 版%s%s", v->version_no,
			       in->message ? "：" : "", in->message ? in->message : "");
	return 0;
}

static int upd_apply(struct step *s)
{
	const struct upd_step *x = s->own;
	const struct upd_in *in = s->in;
	if (s->action != KBU_FIXED)
		s->note = in->message ? in->message : "";
	int answer = s->action == KBU_REPLY || s->action == KBU_FIXED;
	return kb_update_set(s->c->db, s->c->a, s->id, x->k->state, kb_upd_codes[s->to],
			      answer ? s->note : "", x->version);
}

static int upd_event(struct step *s)
{
	const struct actor *ac = s->c->actor;
	return kb_update_event(s->c->db, s->c->a, s->id, ac->user_id, ac->unit_id,
				upd_action_codes[s->action], s->note);
}

static const struct step_rules upd_rules = {
	.object = "kb_update",
	.audit_prefix = "kb.update.",
	.action_codes = upd_action_codes,
	.conflict = "当前状态下您不能进行此操作。",
	.forbidden = "当前状态下您不能进行此操作。",
	.needs = upd_needs,
	.lock = upd_lock,
	.visible = upd_visible,
	.next = upd_next,
	.ever = upd_ever,
	.wrong_state = upd_wrong_state,
	.check = upd_check,
	.apply = upd_apply,
	.event = upd_event,
};

int kb_update_step(const struct ctx *c, long long id, enum kb_upd_action a,
		   const char *message, const char **msg)
{
	const struct upd_in in = { message };
	struct upd_step x = { NULL, 0, 0, 0 };
	struct step s = { .c = c, .id = id, .action = (int)a, .in = &in, .own = &x };
	int st = step_run(&upd_rules, &s);
	*msg = s.msg;
	return st;
}

int kb_update_open(const struct ctx *c, long long entry_id, long long unit_id,
		   const char *problem, const char *text, long long *id)
{
	char today[11], due[11];
	int rc = calendar_workdays_from_today(c->db, c->a, KB_UPDATE_DAYS, today, due);
	if (rc == DB_OK)
		rc = kb_update_insert(c->db, c->a, entry_id, unit_id, problem, text,
				       c->actor->user_id, due, id);
	if (rc == DB_OK)
		rc = kb_update_event(c->db, c->a, *id, c->actor->user_id, c->actor->unit_id,
				      "report",
				      arena_printf(c->a, "%s：%s", kb_problem_label(problem), text));
	return rc;
}
