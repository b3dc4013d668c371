/* 工单 (U1, U2, D3, D4.1, K9.3): the operator's intake with the knowledge
 * base beside it, the order page with its timeline and the actions of
 * each party, the print sheet. Lists (queue, search, CSV, returns) are in
 * h_order_lists.c; the rules are order_ops.c's. */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "calendar_store.h"
#include "dispute.h"
#include "dispute_ops.h"
#include "handlers.h"
#include "order.h"
#include "order_ops.h"
#include "status.h"
#include "roles.h"
#include "tmpl.h"
#include "view.h"

static long long ival(const struct req *r, enum field f)
{
	return r->f[f].present ? r->f[f].i : 0;
}

/* A declared field's text, or NULL when it was not given. */
static const char *given(const struct req *r, enum field f)
{
	return r->f[f].present ? r->f[f].s : NULL;
}


/* ---- intake ------------------------------------------------------------- */

/* 不予受理/转其他渠道: the script of the picked category when it is one,
 * and of every such category whose keywords the content has. */
static void refer_panel(struct req *r, struct tdict *d, const struct order_category_row *cat,
			size_t ncat)
{
	const char *content = req_str(r, F_CONTENT);
	long long picked = ival(r, F_CATEGORY_ID), chosen = ival(r, F_REFER_ID);
	struct tdict *panel = NULL;
	int first = 1;
	for (size_t i = 0; i < ncat; i++) {
		if (cat[i].refer_channel == NULL)
			continue;
		if (cat[i].id != picked && !(*cat[i].refer_keywords && *content &&
					     order_keywords_match(r->a, cat[i].refer_keywords, content, 0)))
			continue;
		if (panel == NULL)
			panel = tmpl_section(d, "REFER_PANEL");
		struct tdict *o = tmpl_section(panel, "REFER_CAT");
		tmpl_set_int(o, "ID", cat[i].id);
		tmpl_set(o, "NAME", cat[i].name);
		tmpl_set(o, "CHANNEL", cat[i].refer_channel);
		tmpl_set(o, "SCRIPT", cat[i].refer_script);
		if (chosen ? chosen == cat[i].id : first)
			tmpl_show(o, "CHECKED");
		first = 0;
	}
}

/* Fills the select options of the intake form; returns 0 or a status. */
static int intake_choices(struct req *r, struct tdict *d, long long unit_pick)
{
	struct order_category_row *cat;
	struct order_jur_row *jur;
	struct order_unit_row *unit;
	size_t ncat, njur, nunit;
	int rc = order_categories(r->db, r->a, &cat, &ncat);
	if (rc == DB_OK)
		rc = order_jurisdictions(r->db, r->a, &jur, &njur);
	if (rc == DB_OK)
		rc = order_units(r->db, r->a, 0, &unit, &nunit);
	if (rc != DB_OK)
		return db_status(rc);
	int pending = r->f[F_PENDING_ID].present;
	for (const struct order_code *c = order_channels; c->code; c++) {
		/* 开放接口 is the channel of requests other systems filed only. */
		if ((strcmp(c->code, "open311") == 0) != pending)
			continue;
		struct tdict *o = tmpl_section(d, "CHANNEL");
		tmpl_set(o, "CODE", c->code);
		tmpl_set(o, "LABEL", c->label);
		if (strcmp(req_str(r, F_CHANNEL), c->code) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < ncat; i++) {
		struct tdict *o = tmpl_section(d, "CATEGORY");
		tmpl_set_int(o, "ID", cat[i].id);
		tmpl_set(o, "NAME", cat[i].label);
		tmpl_set_int(o, "DAYS", cat[i].limit_days);
		if (cat[i].refer_channel)
			tmpl_set(tmpl_section(o, "REFER"), "CHANNEL", cat[i].refer_channel);
		if (cat[i].id == ival(r, F_CATEGORY_ID))
			tmpl_show(o, "SELECTED");
	}
	refer_panel(r, d, cat, ncat);
	long long pick = ival(r, F_JURISDICTION_ID);
	for (size_t i = 0; i < njur; i++) {
		struct tdict *o = tmpl_section(d, "JUR");
		tmpl_set_int(o, "ID", jur[i].id);
		tmpl_set(o, "NAME", jur[i].name);
		if (jur[i].id == pick || (pick == 0 && jur[i].parent_id == 0))
			tmpl_show(o, "SELECTED");
	}
	order_unit_options(r, d, unit, nunit, "UNIT", unit_pick, 0, 1);
	order_unit_options(r, d, unit, nunit, "TW_UNIT", ival(r, F_THREE_WAY_UNIT_ID), 0, 1);
	return 0;
}

/* Earlier orders of the caller's number, as a hint beside the form. */
static int phone_history(struct req *r, struct tdict *d)
{
	const char *phone = req_str(r, F_CALLER_PHONE);
	if (!order_phone_valid(phone))
		return 0;
	struct order_past_row *p;
	size_t n;
	int rc = order_by_phone(r->db, r->a, phone, &p, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *h = tmpl_section(d, "HISTORY");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(h, "PAST");
		tmpl_set_int(row, "ID", p[i].id);
		tmpl_set(row, "NUMBER", p[i].number);
		tmpl_set(row, "CREATED", p[i].created);
		int st = order_state_from_code(p[i].state);
		tmpl_set(row, "STATE", st >= 0 ? order_state_labels[st] : "");
		tmpl_set(row, "CATEGORY", p[i].category);
		tmpl_set(row, "UNIT", p[i].unit);
	}
	if (n == 0)
		tmpl_show(h, "FIRST");
	return 0;
}

/* The intake page: the form with what was typed so far, the knowledge
 * base's answers to q, the caller's earlier orders and the routing
 * suggestion. alert (or NULL) explains why a submission was refused. */
static int intake_page(struct req *r, const char *alert, int status)
{
	struct tdict *d = view_page(r, "受理来电", "orders/new.tpl");
	if (alert)
		view_alert(r, alert);
	static const enum field keep[] = {
		F_CALLER_PHONE, F_CALLER_NAME, F_PLACE, F_CONTENT, F_DEMAND, F_CAUSE,
		F_CONTRADICTION,
	};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		tmpl_set(d, field_defs[keep[i]].name, req_str(r, keep[i]));
	long long unit = 0;
	const char *unit_name = NULL;
	int rc = order_suggest(REQ_CTX(r), ival(r, F_CATEGORY_ID), ival(r, F_JURISDICTION_ID),
			       req_str(r, F_CONTENT), &unit, &unit_name);
	if (rc != DB_OK)
		return db_status(rc);
	if (unit_name)
		tmpl_set(tmpl_section(d, "SUGGESTED"), "UNIT", unit_name);
	int st = intake_choices(r, d, ival(r, F_UNIT_ID) ? ival(r, F_UNIT_ID) : unit);
	if (st == 0)
		st = phone_history(r, d);
	if (r->f[F_PENDING_ID].present) {
		struct tdict *p = tmpl_section(d, "PENDING");
		tmpl_set_int(p, "ID", r->f[F_PENDING_ID].i);
		tmpl_set(p, "SOURCE", req_str(r, F_SOURCE));
	}
	if (st == 0) {
		const struct dup_probe probe = {
			.phone = req_str(r, F_CALLER_PHONE), .place = req_str(r, F_PLACE),
			.content = req_str(r, F_CONTENT), .category = ival(r, F_CATEGORY_ID),
			.jur = ival(r, F_JURISDICTION_ID), .except = ival(r, F_PENDING_ID),
			.picked = ival(r, F_DUP_OF),
		};
		st = order_dupes_fill(r, d, &probe, 0);
	}
	if (st == 0 && r->f[F_Q].s != NULL)
		st = kb_search_page(r, d, 0, "/knowledge/entries/");
	if (st != 0)
		return st;
	if (r->f[F_ENTRY_ID].present)
		tmpl_set_int(d, "ENTRY_ID", r->f[F_ENTRY_ID].i);
	/* The form's key: kept while the form is shown again, new for a new
	 * form (one form, one order). */
	char key[65];
	if (r->f[F_INTAKE_KEY].present)
		snprintf(key, sizeof key, "%s", r->f[F_INTAKE_KEY].s);
	else if (auth_random_hex(key) < 0)
		return 500;
	tmpl_set(d, "INTAKE_KEY", key);
	return view_finish(r, status);
}

/* The form of a request another system filed, filled from its order
 * (the first time it is opened; after that the form carries it). */
static int take_pending(struct req *r)
{
	struct order_row *o;
	unsigned parties = 0;
	int st = order_load(REQ_CTX(r), r->f[F_PENDING_ID].i, &o, &parties);
	if (st)
		return st;
	if (strcmp(o->state, "pending") != 0)
		return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=taken", o->id));
	const struct { enum field f; const char *v; } fill[] = {
		{ F_CALLER_PHONE, o->caller_phone }, { F_CALLER_NAME, o->caller_name },
		{ F_PLACE, o->place }, { F_CONTENT, o->content }, { F_CHANNEL, o->channel },
		{ F_SOURCE, o->source ? o->source : "" },
	};
	for (size_t i = 0; i < sizeof fill / sizeof fill[0]; i++)
		r->f[fill[i].f] = (struct fval){ .present = *fill[i].v != '\0', .s = fill[i].v };
	r->f[F_CATEGORY_ID] = (struct fval){ .present = 1, .i = o->category_id };
	r->f[F_JURISDICTION_ID] = (struct fval){ .present = 1, .i = o->jur_id };
	return intake_page(r, NULL, 200);
}

int h_order_new(struct req *r)
{
	if (r->f[F_PENDING_ID].present && !r->f[F_CONTENT].present && r->method == M_GET)
		return take_pending(r);
	return intake_page(r, NULL, 200);
}

int h_order_create(struct req *r)
{
	struct order_intake in = {
		.outcome = req_str(r, F_OUTCOME), .channel = req_str(r, F_CHANNEL),
		.caller_name = req_str(r, F_CALLER_NAME), .caller_phone = req_str(r, F_CALLER_PHONE),
		.place = req_str(r, F_PLACE), .content = req_str(r, F_CONTENT),
		.demand = req_str(r, F_DEMAND), .cause = req_str(r, F_CAUSE),
		.contradiction = req_str(r, F_CONTRADICTION), .category = ival(r, F_CATEGORY_ID),
		.jur = ival(r, F_JURISDICTION_ID), .entry = ival(r, F_ENTRY_ID),
		.three_way_unit = ival(r, F_THREE_WAY_UNIT_ID), .unit = ival(r, F_UNIT_ID),
		.query = given(r, F_Q), .intake_key = given(r, F_INTAKE_KEY),
		.pending = ival(r, F_PENDING_ID), .dup = ival(r, F_DUP_OF),
	};
	/* 转其他渠道 names its matter in the script panel. */
	if (strcmp(in.outcome, "refer") == 0 && r->f[F_REFER_ID].present)
		in.category = r->f[F_REFER_ID].i;
	long long id = 0;
	char code[QCODE_LEN + 1];
	const char *msg = NULL;
	int st = order_intake(REQ_CTX(r), &in, &id, code, &msg);
	if (st == 400)
		return intake_page(r, msg, 400);
	if (st)
		return st;
	if (*code)
		order_code_flash(r, id, code);
	return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=%s", id,
					     strcmp(in.outcome, "dispatch") == 0 ? "dispatched"
					     : strcmp(in.outcome, "refer") == 0 ? "refer_recorded"
										 : "answered"));
}

/* ---- the order page ----------------------------------------------------- */

static const char *event_label(const char *kind)
{
	for (int a = 0; a < OA__MAX; a++)
		if (strcmp(order_action_codes[a], kind) == 0)
			return order_action_labels[a];
	if (strcmp(kind, "overdue") == 0)
		return "超期";
	if (strcmp(kind, "open311") == 0)
		return "开放接口提交";
	return kind;
}

/* What a finished order shows for its caller past the retention period. */
#define ANONYMISED "（超过保存期限，已清除）"

static void fill_order(struct req *r, struct tdict *d, const struct order_row *o,
		       unsigned parties)
{
	const struct { const char *key, *val; } text[] = {
		{ "NUMBER", o->number }, { "JUR", o->jur_name }, { "CALLER_NAME", o->caller_name },
		{ "CATEGORY", o->category }, { "PLACE", o->place }, { "CONTENT", o->content },
		{ "DEMAND", o->demand }, { "CAUSE", o->cause }, { "CONTRADICTION", o->contradiction },
		{ "UNIT", o->unit }, { "OPERATOR", o->operator_name }, { "CREATED", o->created },
		{ "DISPATCHED", o->dispatched }, { "DUE", o->due }, { "ACCEPTED", o->accepted },
		{ "REPLIED", o->replied }, { "REPLY", o->reply }, { "CLOSED", o->closed },
		{ "THREE_WAY_UNIT", o->three_way_unit }, { "ENTRY_TITLE", o->entry_title },
	};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		tmpl_set(d, text[i].key, text[i].val);
	tmpl_set_int(d, "ID", o->id);
	tmpl_set(d, "ENTRY_ID", o->entry_id ? arena_printf(r->a, "%lld", o->entry_id) : "");
	tmpl_set_int(d, "RETURNS", o->returns);
	tmpl_set(d, "PHONE", order_phone_for(r->a, parties, o->caller_phone));
	if (o->anonymised) {
		tmpl_set(d, "CALLER_NAME", ANONYMISED);
		tmpl_set(d, "PHONE", ANONYMISED);
	}
	const char *ch = order_code_label(order_channels, o->channel);
	tmpl_set(d, "CHANNEL", ch ? ch : "");
	int st = order_state_from_code(o->state);
	tmpl_set(d, "STATE", st >= 0 ? order_state_labels[st] : "");
	tmpl_set(d, "STATE_CODE", o->state);
	const char *sat = order_code_label(order_satisfactions, o->satisfaction);
	if (sat)
		tmpl_set(tmpl_section(d, "CALLBACK"), "SATISFACTION", sat);
	if (o->overdue && order_is_open(st))
		tmpl_show(d, "OVERDUE");
	if (o->entry_id)
		tmpl_show(d, "HAS_ENTRY");
	if (o->three_way_unit_id)
		tmpl_show(d, "HAS_THREE_WAY");
	if (o->unit_id)
		tmpl_show(d, "HAS_UNIT");
	if (*o->reply)
		tmpl_show(d, "HAS_REPLY");
	if (o->dispute_id)
		tmpl_set_int(tmpl_section(d, "DISPUTE"), "DISPUTE_ID", o->dispute_id);
	if (o->merged_into) {
		struct tdict *m = tmpl_section(d, "MERGED");
		tmpl_set_int(m, "MASTER_ID", o->merged_into);
		tmpl_set(m, "MASTER", o->merged_number);
	}
	if (o->likely_dup_of && !o->merged_into) {
		struct tdict *m = tmpl_section(d, "LIKELY");
		tmpl_set_int(m, "OF_ID", o->likely_dup_of);
		tmpl_set(m, "OF", o->likely_number);
		if (parties & (1u << OP_OFFICE))
			tmpl_show(m, "CLEAR");
	}
	if (o->source)
		tmpl_set(tmpl_section(d, "SOURCE"), "NAME", o->source);
	if (o->merged_count) {
		struct tdict *c = tmpl_section(d, "CALLERS");
		tmpl_set_int(c, "N", o->merged_count + 1);
		tmpl_set_int(c, "MERGED_N", o->merged_count);
	}
}

/* What merging shows on an order page: the orders merged into it with
 * their callers, and for the office the likely duplicates to merge. */
static int fill_merging(struct req *r, struct tdict *d, const struct order_row *o,
			unsigned parties)
{
	if (o->merged_count) {
		struct order_merged_row *m;
		size_t n;
		int rc = order_merged(r->db, r->a, o->id, &m, &n);
		if (rc != DB_OK)
			return db_status(rc);
		struct tdict *l = tmpl_section(d, "MERGED_LIST");
		for (size_t i = 0; i < n; i++) {
			struct tdict *s = tmpl_section(l, "M");
			tmpl_set_int(s, "ID", m[i].id);
			tmpl_set(s, "NUMBER", m[i].number);
			tmpl_set(s, "CREATED", m[i].created);
			tmpl_set(s, "CALLER", m[i].caller_name);
			tmpl_set(s, "PHONE", order_phone_for(r->a, parties, m[i].caller_phone));
		}
	}
	if (parties & ((1u << OP_OPERATOR) | (1u << OP_OFFICE)))
		tmpl_show(d, "ACT_QCODE");
	const char *code = order_code_shown(r, o->id, o->number, o->query_hash);
	if (code)
		tmpl_set(tmpl_section(d, "QCODE"), "CODE", code);
	int st = order_state_from_code(o->state);
	if (!(parties & (1u << OP_OFFICE)) || o->merged_into ||
	    !(order_mergeable(st) || order_is_open(st) || st == OS_REPLIED))
		return 0;
	const struct dup_probe probe = {
		.phone = o->anonymised ? "" : o->caller_phone, .place = o->place,
		.content = o->content, .category = o->category_id, .jur = o->jur_id,
		.except = o->id, .self_mergeable = order_mergeable(st),
	};
	return order_dupes_fill(r, d, &probe, 1);
}

static int fill_timeline(struct req *r, struct tdict *d)
{
	struct order_event_row *e;
	size_t n;
	int rc = order_events(r->db, r->a, r->id, &e, &n);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < n; i++) {
		struct tdict *s = tmpl_section(d, "EVENT");
		tmpl_set(s, "AT", e[i].at);
		tmpl_set(s, "WHO", e[i].who ? e[i].who : "系统");
		tmpl_set(s, "UNIT", e[i].unit ? e[i].unit : "");
		if (e[i].unit)   /* the sweep's events have no unit */
			tmpl_show(s, "IN_UNIT");
		tmpl_set(s, "ACTION", event_label(e[i].kind));
		if (e[i].target)
			tmpl_set(tmpl_section(s, "TARGET"), "UNIT", e[i].target);
		tmpl_set(s, "NOTE", e[i].note);
	}
	return 0;
}

/* One section per action the actor may take now, named like the action
 * code in upper case (ACT_ACCEPT, ACT_RETURN, ...). */
static const char *const sections[OA__MAX] = {
	[OA_ACCEPT] = "ACT_ACCEPT", [OA_NOTE] = "ACT_NOTE", [OA_REPLY] = "ACT_REPLY",
	[OA_REQUEST_RETURN] = "ACT_RETURN", [OA_CLOSE] = "ACT_CLOSE",
	[OA_SEND_BACK] = "ACT_SEND_BACK", [OA_REOPEN] = "ACT_REOPEN",
	[OA_URGE] = "ACT_URGE", [OA_REDISPATCH] = "ACT_REDISPATCH",
	[OA_REFUSE_RETURN] = "ACT_REFUSE_RETURN", [OA_OPEN_DISPUTE] = "ACT_DISPUTE",
	[OA_COOP] = "ACT_COOP",
};

/* Returns the set of actions shown (bit n = action n); sat is the
 * callback result to preselect. */
static unsigned fill_actions(struct tdict *d, const struct order_row *o, unsigned parties,
			     long long bound, const char *sat)
{
	int state = order_state_from_code(o->state), any = 0;
	unsigned shown = 0;
	for (int a = 0; a < OA__MAX; a++) {
		if (sections[a] == NULL || state < 0 ||
		    order_next(state, (enum order_action)a, parties, *o->accepted != '\0') < 0)
			continue;
		if (a == OA_REOPEN && strcmp(o->satisfaction, "dissatisfied") != 0)
			continue;
		if (a == OA_REQUEST_RETURN && bound) {
			tmpl_set_int(tmpl_section(d, "BOUND"), "DISPUTE", bound);
			any = 1;
			continue;
		}
		tmpl_show(d, sections[a]);
		shown |= 1u << a;
		any = 1;
	}
	if (any)
		tmpl_show(d, "ACTIONS");
	for (const struct order_code *c = order_satisfactions; c->code; c++) {
		struct tdict *s = tmpl_section(d, "SAT");
		tmpl_set(s, "CODE", c->code);
		tmpl_set(s, "LABEL", c->label);
		if (strcmp(c->code, sat) == 0)
			tmpl_show(s, "SELECTED");
	}
	return shown;
}

/* The pending return request, shown to everyone who sees the order. */
static void fill_return(struct tdict *d, const struct order_row *o, long long *suggested)
{
	*suggested = 0;
	if (o->ret_id == 0)
		return;
	struct tdict *s = tmpl_section(d, "RETURN");
	tmpl_set(s, "UNIT", o->ret_unit);
	tmpl_set(s, "REASON", o->ret_reason);
	tmpl_set(s, "BASIS", o->ret_basis);
	tmpl_set(s, "SUGGESTED", o->ret_suggested);
	tmpl_set(s, "AT", o->ret_at);
	tmpl_set(s, "BY", o->ret_by);
	*suggested = o->ret_suggested_id;
}

/* The cooperating units (D4.2), their deadlines and their parts; the
 * form for the actor's unit while its part is owed (ACT_COOP, bit
 * OA_COOP of *shown). */
static int fill_coops(struct req *r, struct tdict *d, const struct order_row *o,
		      unsigned *shown)
{
	struct order_coop_part_row *p;
	size_t n;
	int rc = order_coop_parts(r->db, r->a, o->id, &p, &n);
	if (rc != DB_OK)
		return db_status(rc);
	char today[11];
	calendar_today(today);
	int open = order_is_open(order_state_from_code(o->state));
	for (size_t i = 0; i < n; i++) {
		struct tdict *s = tmpl_section(d, "COOP_PART");
		tmpl_set(s, "UNIT", p[i].unit);
		tmpl_set(s, "DUE", p[i].due);
		if (p[i].part != NULL) {
			struct tdict *g = tmpl_section(s, "GIVEN");
			tmpl_set(g, "TEXT", p[i].part);
			tmpl_set(g, "BY", p[i].by);
			tmpl_set(g, "AT", p[i].at);
		} else if (*p[i].due && strcmp(p[i].due, today) < 0 && open) {
			tmpl_show(s, "LATE");
		} else {
			tmpl_show(s, "OWED");
		}
		if (p[i].unit_id == r->actor->unit_id && p[i].part == NULL && open &&
		    caps_allow(r->actor->caps, 1, CAP_ORDER_HANDLE)) {
			tmpl_show(d, "ACT_COOP");
			tmpl_show(d, "ACTIONS");
			*shown |= 1u << OA_COOP;
		}
	}
	if (n > 0)
		tmpl_show(d, "COOPS");
	return 0;
}

/* A refused action, shown in its own form on the order page. */
struct refused {
	int status;
	enum order_action action;
	const char *missing[8];   /* form fields it needs and lacked */
	size_t nmissing;
};

/* The refused form again: its message, what was typed, and a mark with
 * a word beside each field it lacked. */
static void fill_refused(struct req *r, struct tdict *d, const struct refused *f,
			 unsigned shown)
{
	static const enum field typed[] = { F_NOTE, F_RESULT, F_REASON, F_BASIS };
	/* The form is gone (the order moved on): the message at the top. */
	if (!(shown & (1u << f->action))) {
		view_alert(r, r->err_msg ? r->err_msg : "未能办理，请刷新后查看工单当前状态。");
		return;
	}
	const char *form = sections[f->action] + 4;
	view_refused_form(r, d, form, r->err_msg, typed, sizeof typed / sizeof typed[0],
			  f->missing, f->nmissing);
	tmpl_show(d, arena_printf(r->a, "%s_OPEN", form));
}

static int order_page(struct req *r, const char *tpl, int with_actions,
		      const struct refused *refused)
{
	struct order_row *o;
	unsigned parties = 0;
	int st = order_load(REQ_CTX(r), r->id, &o, &parties);
	if (st)
		return st;
	struct tdict *d = view_page(r, arena_printf(r->a, "工单 %s", o->number), tpl);
	fill_order(r, d, o, parties);
	long long suggested = 0;
	fill_return(d, o, &suggested);
	st = fill_timeline(r, d);
	if (st == 0 && with_actions)
		st = fill_merging(r, d, o, parties);
	if (st)
		return st;
	if (with_actions) {
		long long bound = 0;
		if (parties & (1u << OP_OWN_CLERK)) {
			int rc = order_binding(REQ_CTX(r), o->id, o->unit_id, &bound);
			if (rc != DB_OK)
				return db_status(rc);
		}
		unsigned shown = fill_actions(d, o, parties, bound,
					      refused ? req_str(r, F_SATISFACTION) : "");
		st = fill_coops(r, d, o, &shown);
		if (st)
			return st;
		struct order_unit_row *u;
		size_t n;
		int rc = order_units(r->db, r->a, o->jur_id, &u, &n);
		if (rc != DB_OK)
			return db_status(rc);
		long long picked_return = refused ? ival(r, F_SUGGESTED_UNIT_ID) : 0;
		long long picked_unit = refused && r->f[F_UNIT_ID].present ? r->f[F_UNIT_ID].i
									 : suggested;
		order_unit_options(r, d, u, n, "RETURN_UNIT", picked_return, o->unit_id, 1);
		order_unit_options(r, d, u, n, "REDISPATCH_UNIT", picked_unit, o->unit_id, 1);
		if (refused)
			fill_refused(r, d, refused, shown);
	}
	return view_finish(r, refused ? refused->status : 200);
}

int h_order_view(struct req *r)
{
	return order_page(r, "orders/view.tpl", 1, NULL);
}

int h_order_print(struct req *r)
{
	return order_page(r, "orders/sheet.tpl", 0, NULL);
}

/* ---- actions ------------------------------------------------------------ */

static int act(struct req *r, enum order_action a, const char *done)
{
	const struct order_input in = {
		.note = given(r, F_NOTE), .result = given(r, F_RESULT),
		.reason = given(r, F_REASON), .basis = given(r, F_BASIS),
		.satisfaction = given(r, F_SATISFACTION), .unit = ival(r, F_UNIT_ID),
		.suggested = ival(r, F_SUGGESTED_UNIT_ID),
	};
	int st = order_act(REQ_CTX(r), r->id, a, &in, &r->err_msg);
	if (st == 0)
		return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=%s", r->id, done));
	/* A form refused for its input or the order's state: the page again,
	 * with what was typed and what is missing marked. */
	if ((st == 400 || st == 409) && sections[a] != NULL) {
		struct refused f = { .status = st, .action = a };
		f.nmissing = order_missing(a, &in, f.missing, sizeof f.missing / sizeof f.missing[0]);
		return order_page(r, "orders/view.tpl", 1, &f);
	}
	return st;
}

int h_order_accept(struct req *r) { return act(r, OA_ACCEPT, "accepted"); }
int h_order_note(struct req *r) { return act(r, OA_NOTE, "saved"); }
int h_order_reply(struct req *r) { return act(r, OA_REPLY, "replied"); }
int h_order_return(struct req *r) { return act(r, OA_REQUEST_RETURN, "return_asked"); }
int h_order_close(struct req *r) { return act(r, OA_CLOSE, "closed"); }
int h_order_send_back(struct req *r) { return act(r, OA_SEND_BACK, "sent_back"); }
int h_order_reopen(struct req *r) { return act(r, OA_REOPEN, "reopened"); }
int h_order_urge(struct req *r) { return act(r, OA_URGE, "urged"); }
int h_order_redispatch(struct req *r) { return act(r, OA_REDISPATCH, "redispatched"); }
int h_order_coop(struct req *r)
{
	const char *part = given(r, F_NOTE);
	int st = order_coop_part(REQ_CTX(r), r->id, part, &r->err_msg);
	if (st == 0)
		return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=coop", r->id));
	if (st == 400 || st == 409) {
		struct refused f = { .status = st, .action = OA_COOP };
		if (part == NULL)
			f.missing[f.nmissing++] = "note";
		return order_page(r, "orders/view.tpl", 1, &f);
	}
	return st;
}

int h_order_refuse_return(struct req *r) { return act(r, OA_REFUSE_RETURN, "refused"); }

/* 提请争议认定 files a dispute (dispute_ops.c), which refers the order. */
int h_order_dispute(struct req *r)
{
	long long id = 0;
	int st = dispute_file(REQ_CTX(r), r->id, req_str(r, F_NOTE), &id, &r->err_msg);
	return st ? st : http_redirect(r, arena_printf(r->a, "/orders/%lld?done=disputed", r->id));
}
