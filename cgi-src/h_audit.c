/* 审计日志: newest first, fifty a page, limited to the reader's scope. Each
 * row names its action in Chinese (audit.c) and its object by its own name
 * (a user's, an entry's title, an order's number), linked to the object's
 * page when the reader may open it. */
#include <string.h>

#include "audit_store.h"
#include "handlers.h"
#include "kb_ops.h"
#include "kb_store.h"
#include "order.h"
#include "roles.h"
#include "view.h"
#include "workdays.h"

#define AUDIT_PAGE 50

/* The object's name (NULL when the object is gone) and the page that shows
 * it (*href NULL: none this reader may open). */
typedef const char *object_name_fn(struct req *r, const struct audit_row *v, const char **href);

static int may(const struct req *r, enum cap cap)
{
	return caps_allow(r->actor->caps, 1, cap);
}

/* Whether an object of jurisdiction jur is inside the reader's scope. */
static int in_scope(const struct req *r, long long jur)
{
	return r->actor->scope_jur == 0 || r->actor->scope_jur == jur;
}

static const char *role_label(const char *code)
{
	int role = role_from_code(code);
	return role >= 0 ? role_defs[role].label : code;
}

static const char *user_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_ADMIN))
		*href = arena_printf(r->a, "/admin/users/%lld", v->object_id);
	return v->obj_user;
}

static const char *unit_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_ADMIN) && in_scope(r, v->obj_unit_jur))
		*href = arena_printf(r->a, "/admin/units/%lld", v->object_id);
	return v->obj_unit;
}

static const char *jur_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_ADMIN))
		*href = "/admin/jurisdictions";
	return v->obj_jur;
}

/* A role of a user in a unit: the user's page lists them. */
static const char *membership_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_user == NULL)
		return NULL;
	if (may(r, CAP_ADMIN))
		*href = arena_printf(r->a, "/admin/users/%lld", v->obj_user_id);
	return arena_printf(r->a, "%s · %s %s", v->obj_user, v->obj_unit ? v->obj_unit : "",
			    role_label(v->obj_role));
}

static const char *category_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_ADMIN))
		*href = arena_printf(r->a, "/admin/categories/%lld", v->object_id);
	return v->obj_category;
}

static const char *routing_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_category == NULL)
		return NULL;
	if (may(r, CAP_ADMIN) && in_scope(r, v->obj_jur_id))
		*href = arena_printf(r->a, "/admin/routing?jurisdiction_id=%lld#rule-%lld",
				     v->obj_jur_id, v->object_id);
	return arena_printf(r->a, "%s · %s%s%s%s → %s", v->obj_category,
			    v->obj_jur ? v->obj_jur : "", *v->obj_keywords ? "（" : "",
			    v->obj_keywords, *v->obj_keywords ? "）" : "",
			    v->obj_unit ? v->obj_unit : "");
}

static const char *procedure_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_jur == NULL)
		return NULL;
	if (may(r, CAP_ADMIN))
		*href = arena_printf(r->a, "/admin/procedures#proc-%lld", v->object_id);
	return arena_printf(r->a, "%s（%s 起施行）", v->obj_jur, v->obj_from);
}

/* An entry's page opens for staff who search the knowledge base once the
 * entry is published, and for its own unit before (h_kb.c). */
static void entry_link(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_entry_id != 0 && may(r, CAP_KB_SEARCH) &&
	    (v->obj_entry_published || v->obj_entry_unit == r->actor->unit_id))
		*href = arena_printf(r->a, "/knowledge/entries/%lld", v->obj_entry_id);
}

static const char *version_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_title == NULL)
		return NULL;
	entry_link(r, v, href);
	return arena_printf(r->a, "%s（第 %lld 版）", v->obj_title, v->obj_version_no);
}

static const char *entry_name(struct req *r, const struct audit_row *v, const char **href)
{
	entry_link(r, v, href);
	return v->obj_title;
}

/* A knowledge-update order opens for whom kb_update_visible says. */
static const char *update_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_unit == NULL)
		return NULL;
	struct kb_update_row k;
	memset(&k, 0, sizeof k);
	k.unit_id = v->obj_unit_id;
	k.reporter_id = v->obj_reporter_id;
	k.jur_id = v->obj_unit_jur;
	if (may(r, CAP_KB_SEARCH) && kb_update_visible(r->actor, &k))
		*href = arena_printf(r->a, "/knowledge/updates/%lld", v->object_id);
	return v->obj_title ? v->obj_title : v->obj_text;
}

static const char *learned_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_KB_STANDARDS))
		*href = "/knowledge/learned";
	if (v->obj_question == NULL)
		return NULL;
	return v->obj_title ? arena_printf(r->a, "%s → %s", v->obj_question, v->obj_title)
			    : v->obj_question;
}

static const char *synonym_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_KB_STANDARDS))
		*href = "/knowledge/synonyms";
	if (v->obj_word_a == NULL)
		return NULL;
	return arena_printf(r->a, "%s ＝ %s", v->obj_word_a, v->obj_word_b ? v->obj_word_b : "");
}

static const char *grant_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_unit == NULL)
		return NULL;
	if (may(r, CAP_KB_SEARCH))
		*href = "/knowledge/grants";
	return arena_printf(r->a, "%s 使用 %s 的知识", v->obj_unit,
			    v->obj_owner ? v->obj_owner : "");
}

static const char *meeting_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_meeting_jur == 0)
		return NULL;
	if (may(r, CAP_MEETING_READ) && in_scope(r, v->obj_meeting_jur))
		*href = arena_printf(r->a, "/meetings/%lld", v->object_id);
	return v->obj_text && *v->obj_text ? v->obj_text : "联席会议";
}

/* A dispute opens for the office of its jurisdiction; the parties to it
 * find it in their own lists. */
static const char *dispute_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_number == NULL)
		return NULL;
	if (may(r, CAP_DISPATCH) && in_scope(r, v->obj_dispute_jur))
		*href = arena_printf(r->a, "/disputes/%lld", v->object_id);
	return arena_printf(r->a, "工单 %s", v->obj_number);
}

static const char *accountability_name(struct req *r, const struct audit_row *v,
				       const char **href)
{
	if (v->obj_unit == NULL)
		return NULL;
	if (may(r, CAP_DISPATCH))
		*href = "/accountability";
	return arena_printf(r->a, "%s（工单 %s）", v->obj_unit,
			    v->obj_number ? v->obj_number : "");
}

static const char *order_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (v->obj_number != NULL &&
	    order_visible(order_parties(r->actor, v->obj_order_jur, v->obj_order_unit)))
		*href = arena_printf(r->a, "/orders/%lld", v->object_id);
	return v->obj_number;
}

/* A day of the calendar: its id is the day's number (workdays.c). */
static const char *calendar_name(struct req *r, const struct audit_row *v, const char **href)
{
	char day[11];
	if (v->object_id <= 0)
		return NULL;
	wd_format((int)v->object_id, day);
	*href = arena_printf(r->a, "/calendar?month=%.7s", day);
	return arena_strdup(r->a, day);
}

static const char *bulletin_name(struct req *r, const struct audit_row *v, const char **href)
{
	*href = arena_printf(r->a, "/bulletins/%lld", v->object_id);
	return arena_printf(r->a, "通报 #%lld", v->object_id);
}

static const char *formula_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_DISPATCH))
		*href = "/assessment/formula";
	return arena_printf(r->a, "第 %lld 版", v->object_id);
}

static const char *sample_name(struct req *r, const struct audit_row *v, const char **href)
{
	if (may(r, CAP_QA))
		*href = "/quality";
	return arena_printf(r->a, "样本 #%lld", v->object_id);
}

/* Every object type audit_add is given, its Chinese name and its name. */
static const struct {
	const char *type, *label;
	object_name_fn *name;
} object_types[] = {
	{ "user", "用户", user_name },
	{ "unit", "单位", unit_name },
	{ "jurisdiction", "行政区域", jur_name },
	{ "membership", "角色", membership_name },
	{ "category", "问题分类", category_name },
	{ "routing_rule", "派单规则", routing_name },
	{ "procedure", "争议认定程序", procedure_name },
	{ "kb_version", "知识", version_name },
	{ "kb_entry", "知识", entry_name },
	{ "kb_update", "知识更新工单", update_name },
	{ "kb_learned", "检索学习记录", learned_name },
	{ "kb_synonym", "检索同义词", synonym_name },
	{ "kb_grant", "知识使用授权", grant_name },
	{ "meeting", "联席会议", meeting_name },
	{ "dispute", "争议", dispute_name },
	{ "accountability", "问责", accountability_name },
	{ "order", "工单", order_name },
	{ "calendar", "工作日历", calendar_name },
	{ "bulletin", "通报", bulletin_name },
	{ "formula", "考核公式", formula_name },
	{ "qa_sample", "质检样本", sample_name },
};

/* The object cell of row v: its type, and its name linked or not. */
static void object_cell(struct req *r, struct tdict *row, const struct audit_row *v)
{
	for (size_t i = 0; i < sizeof object_types / sizeof object_types[0]; i++) {
		if (strcmp(object_types[i].type, v->object_type) != 0)
			continue;
		const char *href = NULL;
		const char *name = object_types[i].name(r, v, &href);
		tmpl_set(row, "OBJECT_TYPE", object_types[i].label);
		if (name == NULL) {
			/* No such row: an id 0 (an unknown user's sign-in) or
			 * one deleted since (a synonym). */
			tmpl_set(tmpl_section(row, "OBJECT"), "NAME",
				 v->object_id == 0 ? "—" : "（已删除）");
		} else if (href != NULL) {
			struct tdict *o = tmpl_section(row, "OBJECT_LINK");
			tmpl_set(o, "NAME", name);
			tmpl_set(o, "HREF", href);
		} else {
			tmpl_set(tmpl_section(row, "OBJECT"), "NAME", name);
		}
		return;
	}
	/* No object (a demo load, the sweep), or a type without a name here. */
	tmpl_set(tmpl_section(row, "OBJECT"), "NAME", *v->object_type ? v->object_type : "—");
}

int h_audit(struct req *r)
{
	const char *action = req_str(r, F_Q);
	struct audit_row *v;
	size_t nrows;
	int rc = audit_list(r->db, r->a, r->actor->scope_jur, action,
			    r->f[F_BEFORE].i, AUDIT_PAGE + 1, &v, &nrows);
	if (rc != DB_OK)
		return rc == DB_DOWN ? 503 : 500;
	struct tdict *d = view_page(r, "审计日志", "audit/list.tpl");
	tmpl_set(d, "Q", action);
	size_t n = nrows > AUDIT_PAGE ? AUDIT_PAGE : nrows;
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", v[i].id);
		tmpl_set(row, "AT", v[i].at);
		tmpl_set(row, "USER", v[i].user_name ? v[i].user_name : "—");
		tmpl_set(row, "USERNAME", v[i].username);
		tmpl_set(row, "UNIT", v[i].unit_name ? v[i].unit_name : "—");
		tmpl_set(row, "ADDR", v[i].client_addr);
		tmpl_set(row, "ACTION", v[i].action);
		tmpl_set(row, "ACTION_LABEL", audit_action_label(v[i].action));
		object_cell(r, row, &v[i]);
		tmpl_set(row, "DETAIL", v[i].detail);
	}
	if (nrows > AUDIT_PAGE) {
		struct tdict *m = tmpl_section(d, "MORE");
		tmpl_set_int(m, "BEFORE", v[AUDIT_PAGE - 1].id);
		tmpl_set(m, "Q", action);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}
