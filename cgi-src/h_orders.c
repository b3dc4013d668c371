/* 工单 (U1, U2, D3, D4.1, K9.3): the operator's intake with the knowledge
 * base beside it, the order page with its timeline and the actions of
 * each party, the print sheet. Lists (queue, search, CSV, returns) are in
 * h_order_lists.c. Who may do what is order.c's table; here each request
 * works out which party the actor is for the order it touches. */
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
#include "db.h"
#include "handlers.h"
#include "dispute_store.h"
#include "kb_search.h"
#include "kb_store.h"
#include "order.h"
#include "order_store.h"
#include "roles.h"
#include "tmpl.h"
#include "view.h"

/* ---- parties and scope -------------------------------------------------- */

/* The parties (bit n = enum order_party n) the actor is for an order of
 * jurisdiction jur handled by unit (0: none). */
unsigned order_parties(const struct actor *ac, long long jur, long long unit)
{
	unsigned m = 0;
	if (caps_allow(ac->caps, 1, CAP_ORDER_INTAKE))
		m |= 1u << OP_OPERATOR;
	if (caps_allow(ac->caps, 1, CAP_ORDER_HANDLE))
		m |= 1u << (unit != 0 && ac->unit_id == unit ? OP_OWN_CLERK : OP_OTHER_CLERK);
	if (caps_allow(ac->caps, 1, CAP_DISPATCH))
		m |= 1u << (ac->scope_jur == 0 || ac->scope_jur == jur ? OP_OFFICE
								     : OP_OTHER_OFFICE);
	return m ? m : 1u << OP_NONE;
}

/* The call centre, the office in scope and the handling unit see an
 * order; nobody else learns that it exists. */
int order_visible(unsigned parties)
{
	return (parties & ((1u << OP_OPERATOR) | (1u << OP_OWN_CLERK) |
			   (1u << OP_OFFICE))) != 0;
}

/* Member units see the caller's number masked (138****1234). */
const char *order_phone_for(struct arena *a, unsigned parties, const char *phone)
{
	if (parties & ((1u << OP_OPERATOR) | (1u << OP_OFFICE)))
		return phone;
	size_t n = strlen(phone) + 1;
	char *m = arena_alloc(a, n);
	order_mask_phone(phone, m, n);
	return m;
}

/* The state after action for any of the parties, or -1. */
static int next_state(int state, enum order_action action, unsigned parties,
		      int was_accepted)
{
	for (int p = 0; p < OP__MAX; p++) {
		if (!(parties & (1u << p)))
			continue;
		int next = order_transition(state, action, (enum order_party)p, was_accepted);
		if (next >= 0)
			return next;
	}
	return -1;
}

/* Whether the parties could take action from some state: tells a wrong
 * state (409) from a wrong role or unit (403). */
static int ever_allowed(enum order_action action, unsigned parties)
{
	for (int s = 0; s < OS__MAX; s++)
		if (next_state(s, action, parties, 0) >= 0 ||
		    next_state(s, action, parties, 1) >= 0)
			return 1;
	return 0;
}

/* ---- dates -------------------------------------------------------------- */

static int today_day(char iso[11])
{
	int d = 0;
	calendar_today(iso);
	wd_parse(iso, &d);
	return d;
}

/* Due date of an order of category dispatched today; DB status or 0. */
static int due_for(struct req *r, long long category, char due[11])
{
	struct dbres c;
	int rc = ords_category(r->db, r->a, category, &c);
	if (rc != DB_OK)
		return db_status(rc);
	if (c.nrows != 1) {
		r->err_msg = "问题分类不存在或已停用。";
		return 400;
	}
	char today[11];
	rc = calendar_workdays_from_today(r->db, r->a, (int)db_int(&c, 0, 2), today, due);
	return rc == DB_OK ? 0 : db_status(rc);
}

/* ---- intake ------------------------------------------------------------- */

static long long ival(const struct req *r, enum field f)
{
	return r->f[f].present ? r->f[f].i : 0;
}

/* Fills the select options of the intake form; returns 0 or a status. */
static int intake_choices(struct req *r, struct tdict *d, long long unit_pick)
{
	struct dbres cats, jurs, units;
	int rc = ords_categories(r->db, r->a, &cats);
	if (rc == DB_OK)
		rc = ords_jurisdictions(r->db, r->a, &jurs);
	if (rc == DB_OK)
		rc = ords_units(r->db, r->a, 0, &units);
	if (rc != DB_OK)
		return db_status(rc);
	for (const struct order_code *c = order_channels; c->code; c++) {
		struct tdict *o = tmpl_section(d, "CHANNEL");
		tmpl_set(o, "CODE", c->code);
		tmpl_set(o, "LABEL", c->label);
		if (strcmp(req_str(r, F_CHANNEL), c->code) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < cats.nrows; i++) {
		struct tdict *o = tmpl_section(d, "CATEGORY");
		tmpl_set(o, "ID", db_cell(&cats, i, 0));
		tmpl_set(o, "NAME", db_cell(&cats, i, 2)
				    ? arena_printf(r->a, "%s / %s", db_cell(&cats, i, 2),
						   db_cell(&cats, i, 1))
				    : db_cell(&cats, i, 1));
		tmpl_set(o, "DAYS", db_cell(&cats, i, 3));
		if (db_int(&cats, i, 0) == ival(r, F_CATEGORY_ID))
			tmpl_show(o, "SELECTED");
	}
	long long jur = ival(r, F_JURISDICTION_ID);
	for (size_t i = 0; i < jurs.nrows; i++) {
		struct tdict *o = tmpl_section(d, "JUR");
		tmpl_set(o, "ID", db_cell(&jurs, i, 0));
		tmpl_set(o, "NAME", db_cell(&jurs, i, 2));
		if (db_int(&jurs, i, 0) == jur || (jur == 0 && db_cell(&jurs, i, 3) == NULL))
			tmpl_show(o, "SELECTED");
	}
	order_unit_options(r, d, &units, "UNIT", unit_pick, 0, 1);
	order_unit_options(r, d, &units, "TW_UNIT", ival(r, F_THREE_WAY_UNIT_ID), 0, 1);
	return 0;
}

/* Whether every space-separated keyword of a rule occurs in text. */
static int keywords_match(struct arena *a, const char *keywords, const char *text)
{
	char *k = arena_strdup(a, keywords), *save = NULL;
	for (char *w = strtok_r(k, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		if (strstr(text, w) == NULL)
			return 0;
	return 1;
}

/* The routing rules' suggestion for the form's category and jurisdiction
 * (rules with keywords first when they all occur in the content); 0 when
 * none. */
static int suggestion(struct req *r, long long *unit, const char **name)
{
	*unit = 0;
	*name = NULL;
	long long cat = ival(r, F_CATEGORY_ID), jur = ival(r, F_JURISDICTION_ID);
	if (cat == 0 || jur == 0)
		return DB_OK;
	struct dbres rules;
	int rc = ords_rules(r->db, r->a, cat, jur, &rules);
	if (rc != DB_OK)
		return rc;
	for (int pass = 0; pass < 2 && *unit == 0; pass++)
		for (size_t i = 0; i < rules.nrows && *unit == 0; i++) {
			const char *kw = db_cell(&rules, i, 2);
			if ((pass == 0) != (*kw != '\0'))
				continue;
			if (pass == 0 && !keywords_match(r->a, kw, req_str(r, F_CONTENT)))
				continue;
			*unit = db_int(&rules, i, 0);
			*name = db_cell(&rules, i, 1);
		}
	return DB_OK;
}

/* Earlier orders of the caller's number, as a hint beside the form. */
static int phone_history(struct req *r, struct tdict *d)
{
	const char *phone = req_str(r, F_CALLER_PHONE);
	if (!order_phone_valid(phone))
		return 0;
	struct dbres res;
	int rc = ords_by_phone(r->db, r->a, phone, &res);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *h = tmpl_section(d, "HISTORY");
	for (size_t i = 0; i < res.nrows; i++) {
		struct tdict *row = tmpl_section(h, "PAST");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 1));
		tmpl_set(row, "CREATED", db_cell(&res, i, 2));
		int st = order_state_from_code(db_cell(&res, i, 3));
		tmpl_set(row, "STATE", st >= 0 ? order_state_labels[st] : "");
		tmpl_set(row, "CATEGORY", db_cell(&res, i, 4));
		tmpl_set(row, "UNIT", db_cell(&res, i, 5) ? db_cell(&res, i, 5) : "");
	}
	if (res.nrows == 0)
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
	int rc = suggestion(r, &unit, &unit_name);
	if (rc != DB_OK)
		return db_status(rc);
	if (unit_name)
		tmpl_set(tmpl_section(d, "SUGGESTED"), "UNIT", unit_name);
	int st = intake_choices(r, d, ival(r, F_UNIT_ID) ? ival(r, F_UNIT_ID) : unit);
	if (st == 0)
		st = phone_history(r, d);
	if (st == 0 && r->f[F_Q].s != NULL)
		st = kb_search_page(r, d, 0, "/knowledge/entries/");
	if (st != 0)
		return st;
	if (r->f[F_ENTRY_ID].present)
		tmpl_set_int(d, "ENTRY_ID", r->f[F_ENTRY_ID].i);
	return view_finish(r, status);
}

int h_order_new(struct req *r)
{
	return intake_page(r, NULL, 200);
}

/* The fields the chosen outcome needs; NULL when complete, else the message. */
static const char *intake_missing(const struct req *r, const char *outcome)
{
	if (!order_phone_valid(req_str(r, F_CALLER_PHONE)))
		return "来电号码无效：请填写 3 至 20 位数字，可含区号分隔符“-”。";
	if (order_code_label(order_channels, req_str(r, F_CHANNEL)) == NULL)
		return "请选择来源渠道。";
	if (!r->f[F_CATEGORY_ID].present)
		return "请选择问题分类。";
	if (!r->f[F_JURISDICTION_ID].present)
		return "请选择所属区域。";
	if (!r->f[F_CONTENT].present)
		return "请填写诉求内容。";
	if (strcmp(outcome, "answer") == 0 && !r->f[F_ENTRY_ID].present)
		return "一次性解答须在右侧检索结果中选定所依据的知识条目。";
	if (strcmp(outcome, "three_way") == 0 && !r->f[F_THREE_WAY_UNIT_ID].present)
		return "三方通话解答须选择参与通话的单位。";
	if (strcmp(outcome, "dispatch") == 0 && !r->f[F_UNIT_ID].present)
		return "派单须选择承办单位。";
	if (strcmp(outcome, "dispatch") == 0 && !r->f[F_DEMAND].present)
		return "派单须写明主要诉求。";
	return NULL;
}

/* Checks that the referenced rows exist and are usable; 0, a status, or
 * -1 with *msg set for the form. */
/* What the checks learn that the write needs. */
struct intake_refs {
	const char *jur_code;   /* for the order number */
	int limit_days;         /* the category's time limit */
};

static int intake_refs(struct req *r, const char *outcome, const char **msg,
		       struct intake_refs *ref)
{
	struct dbres res;
	/* The form offers the active jurisdictions; anything else would only
	 * fail later on its foreign key (a 500). */
	int rc = ords_jurisdictions(r->db, r->a, &res);
	if (rc != DB_OK)
		return db_status(rc);
	ref->jur_code = NULL;
	for (size_t i = 0; i < res.nrows; i++)
		if (db_int(&res, i, 0) == r->f[F_JURISDICTION_ID].i)
			ref->jur_code = db_cell(&res, i, 1);
	if (ref->jur_code == NULL) {
		*msg = "所属区域不存在或已停用。";
		return -1;
	}
	rc = ords_category(r->db, r->a, r->f[F_CATEGORY_ID].i, &res);
	if (rc != DB_OK)
		return db_status(rc);
	ref->limit_days = res.nrows == 1 ? (int)db_int(&res, 0, 2) : 0;
	if (res.nrows != 1 || db_int(&res, 0, 3) == 0) {
		*msg = "问题分类不存在、已停用或不是末级分类。";
		return -1;
	}
	long long unit = strcmp(outcome, "dispatch") == 0 ? ival(r, F_UNIT_ID)
			 : strcmp(outcome, "three_way") == 0 ? ival(r, F_THREE_WAY_UNIT_ID)
							      : 0;
	if (unit != 0) {
		rc = ords_unit(r->db, r->a, unit, &res);
		if (rc != DB_OK)
			return db_status(rc);
		if (res.nrows != 1 || (db_int(&res, 0, 2) != r->f[F_JURISDICTION_ID].i &&
				       db_int(&res, 0, 3) == 0)) {
			*msg = "所选单位不存在、已停用，或不属于该区域。";
			return -1;
		}
	}
	if (strcmp(outcome, "answer") == 0) {
		rc = kbs_entry(r->db, r->a, r->f[F_ENTRY_ID].i, &res);
		if (rc != DB_OK)
			return db_status(rc);
		if (res.nrows != 1 || db_cell(&res, 0, 5) == NULL || db_int(&res, 0, 7) != 0) {
			*msg = "所选知识条目不存在、未发布或已失效。";
			return -1;
		}
	}
	return 0;
}

/* Writes the order, its first events and the audit row; in a transaction. */
static int intake_write(struct req *r, const char *outcome, const char *due,
			const char *code, long long *id, const char **number)
{
	char day[11], num[48];
	int d = today_day(day);
	unsigned seq = 0;
	int rc = ords_next_seq(r->db, r->a, r->f[F_JURISDICTION_ID].i, day, &seq);
	if (rc == DB_OK && order_number(num, sizeof num, code, d, seq) < 0)
		rc = DB_ERR;
	int dispatch = strcmp(outcome, "dispatch") == 0;
	const char *state = dispatch ? "dispatched"
			    : strcmp(outcome, "answer") == 0 ? "answered" : "three_way";
	struct order_new o = {
		.number = num, .channel = req_str(r, F_CHANNEL),
		.caller_name = req_str(r, F_CALLER_NAME), .caller_phone = req_str(r, F_CALLER_PHONE),
		.place = req_str(r, F_PLACE), .content = req_str(r, F_CONTENT),
		.demand = req_str(r, F_DEMAND), .cause = req_str(r, F_CAUSE),
		.contradiction = req_str(r, F_CONTRADICTION), .state = state,
		.due = dispatch ? due : NULL, .jur = r->f[F_JURISDICTION_ID].i,
		.category = r->f[F_CATEGORY_ID].i,
		.entry = strcmp(outcome, "answer") == 0 ? ival(r, F_ENTRY_ID) : 0,
		.three_way_unit = strcmp(outcome, "three_way") == 0
					  ? ival(r, F_THREE_WAY_UNIT_ID) : 0,
		.unit = dispatch ? ival(r, F_UNIT_ID) : 0,
		.operator_id = r->actor->user_id,
	};
	if (rc == DB_OK)
		rc = ords_insert(r->db, r->a, &o, id);
	const struct actor *ac = r->actor;
	if (rc == DB_OK)
		rc = ords_event(r->db, r->a, *id, ac->user_id, ac->unit_id, outcome,
				o.unit ? o.unit : o.three_way_unit,
				dispatch ? arena_printf(r->a, "办理期限 %s", due)
					 : o.entry ? arena_printf(r->a, "依据知识 #%lld", o.entry)
						   : "");
	/* The search that found the answer learns from it (kb_search.h). */
	if (rc == DB_OK && o.entry != 0 && r->f[F_Q].present)
		rc = kb_learn(r->db, r->a, r->f[F_Q].s, o.entry);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, arena_printf(r->a, "order.%s", outcome), "order", *id, num);
	*number = arena_strdup(r->a, num);
	return rc;
}

int h_order_create(struct req *r)
{
	const char *outcome = req_str(r, F_OUTCOME);
	if (strcmp(outcome, "answer") != 0 && strcmp(outcome, "three_way") != 0 &&
	    strcmp(outcome, "dispatch") != 0)
		return intake_page(r, "请选择处理方式：一次性解答、三方通话解答或派单。", 400);
	const char *msg = intake_missing(r, outcome);
	if (msg)
		return intake_page(r, msg, 400);
	struct intake_refs ref = { NULL, 0 };
	int st = intake_refs(r, outcome, &msg, &ref);
	if (st < 0)
		return intake_page(r, msg, 400);
	if (st > 0)
		return st;
	char due[11] = "", today[11];
	if (strcmp(outcome, "dispatch") == 0) {
		int rc = calendar_workdays_from_today(r->db, r->a, ref.limit_days, today, due);
		if (rc != DB_OK)
			return db_status(rc);
	}
	long long id = 0;
	const char *number = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = intake_write(r, outcome, due, ref.jur_code, &id, &number);
	st = end_tx(r, rc);
	if (st)
		return st;
	return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=%s", id,
					     strcmp(outcome, "dispatch") == 0 ? "dispatched"
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
	if (strcmp(kind, "determined") == 0)   /* h_disputes.c: the 认定意见 redispatches */
		return dispute_action_labels[DA_DETERMINE];
	return kind;
}

/* Loads the order the path names; 0, or 404 when it does not exist or the
 * actor may not see it. */
static int load_order(struct req *r, struct dbres *o, unsigned *parties)
{
	int rc = ords_get(r->db, r->a, r->id, o);
	if (rc != DB_OK)
		return db_status(rc);
	if (o->nrows != 1)
		return 404;
	*parties = order_parties(r->actor, db_int(o, 0, ORD_JUR_ID), db_int(o, 0, ORD_UNIT_ID));
	if (order_visible(*parties))
		return 0;
	/* The unit of a three-way call, and a cooperating unit (D4.2), read
	 * the order; they do not act on it. */
	int coop = 0;
	if (caps_allow(r->actor->caps, 1, CAP_ORDER_HANDLE) &&
	    db_cell(o, 0, ORD_THREE_WAY_UNIT_ID) &&
	    db_int(o, 0, ORD_THREE_WAY_UNIT_ID) == r->actor->unit_id)
		return 0;
	if (caps_allow(r->actor->caps, 1, CAP_ORDER_HANDLE)) {
		rc = ords_is_coop(r->db, r->a, r->id, r->actor->unit_id, &coop);
		if (rc != DB_OK)
			return db_status(rc);
	}
	return coop ? 0 : 404;
}

static void fill_order(struct req *r, struct tdict *d, const struct dbres *o,
		       unsigned parties)
{
	static const struct { const char *key; int col; } cols[] = {
		{ "ID", ORD_ID }, { "NUMBER", ORD_NUMBER }, { "JUR", ORD_JUR_NAME },
		{ "CALLER_NAME", ORD_CALLER_NAME }, { "CATEGORY", ORD_CATEGORY },
		{ "PLACE", ORD_PLACE }, { "CONTENT", ORD_CONTENT }, { "DEMAND", ORD_DEMAND },
		{ "CAUSE", ORD_CAUSE }, { "CONTRADICTION", ORD_CONTRADICTION },
		{ "UNIT", ORD_UNIT }, { "OPERATOR", ORD_OPERATOR }, { "CREATED", ORD_CREATED },
		{ "DISPATCHED", ORD_DISPATCHED }, { "DUE", ORD_DUE }, { "ACCEPTED", ORD_ACCEPTED },
		{ "REPLIED", ORD_REPLIED }, { "REPLY", ORD_REPLY }, { "CLOSED", ORD_CLOSED },
		{ "THREE_WAY_UNIT", ORD_THREE_WAY_UNIT }, { "ENTRY_TITLE", ORD_ENTRY_TITLE },
		{ "ENTRY_ID", ORD_ENTRY_ID }, { "RETURNS", ORD_RETURNS },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		const char *v = db_cell(o, 0, (size_t)cols[i].col);
		tmpl_set(d, cols[i].key, v ? v : "");
	}
	tmpl_set(d, "PHONE", order_phone_for(r->a, parties, db_cell(o, 0, ORD_CALLER_PHONE)));
	const char *ch = order_code_label(order_channels, db_cell(o, 0, ORD_CHANNEL));
	tmpl_set(d, "CHANNEL", ch ? ch : "");
	int st = order_state_from_code(db_cell(o, 0, ORD_STATE));
	tmpl_set(d, "STATE", st >= 0 ? order_state_labels[st] : "");
	tmpl_set(d, "STATE_CODE", db_cell(o, 0, ORD_STATE));
	const char *sat = order_code_label(order_satisfactions, db_cell(o, 0, ORD_SATISFACTION));
	if (sat)
		tmpl_set(tmpl_section(d, "CALLBACK"), "SATISFACTION", sat);
	if (db_int(o, 0, ORD_OVERDUE) && order_is_open(st))
		tmpl_show(d, "OVERDUE");
	if (db_cell(o, 0, ORD_ENTRY_ID))
		tmpl_show(d, "HAS_ENTRY");
	if (db_cell(o, 0, ORD_THREE_WAY_UNIT))
		tmpl_show(d, "HAS_THREE_WAY");
	if (db_cell(o, 0, ORD_UNIT))
		tmpl_show(d, "HAS_UNIT");
	if (db_cell(o, 0, ORD_REPLY))
		tmpl_show(d, "HAS_REPLY");
	if (db_cell(o, 0, ORD_DISPUTE_ID))
		tmpl_set(tmpl_section(d, "DISPUTE"), "DISPUTE_ID", db_cell(o, 0, ORD_DISPUTE_ID));
}

static int fill_timeline(struct req *r, struct tdict *d)
{
	struct dbres ev;
	int rc = ords_events(r->db, r->a, r->id, &ev);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < ev.nrows; i++) {
		struct tdict *e = tmpl_section(d, "EVENT");
		tmpl_set(e, "AT", db_cell(&ev, i, 0));
		tmpl_set(e, "WHO", db_cell(&ev, i, 1) ? db_cell(&ev, i, 1) : "系统");
		tmpl_set(e, "UNIT", db_cell(&ev, i, 2) ? db_cell(&ev, i, 2) : "");
		if (db_cell(&ev, i, 2))   /* the sweep's events have no unit */
			tmpl_show(e, "IN_UNIT");
		tmpl_set(e, "ACTION", event_label(db_cell(&ev, i, 3)));
		if (db_cell(&ev, i, 4))
			tmpl_set(tmpl_section(e, "TARGET"), "UNIT", db_cell(&ev, i, 4));
		tmpl_set(e, "NOTE", db_cell(&ev, i, 5) ? db_cell(&ev, i, 5) : "");
	}
	return 0;
}

/* One section per action the actor may take now, named like the action
 * code in upper case (ACT_ACCEPT, ACT_RETURN, ...). */
static void fill_actions(struct tdict *d, int state, unsigned parties,
			 int was_accepted, const struct dbres *o)
{
	static const char *const sections[OA__MAX] = {
		[OA_ACCEPT] = "ACT_ACCEPT", [OA_NOTE] = "ACT_NOTE", [OA_REPLY] = "ACT_REPLY",
		[OA_REQUEST_RETURN] = "ACT_RETURN", [OA_CLOSE] = "ACT_CLOSE",
		[OA_SEND_BACK] = "ACT_SEND_BACK", [OA_REOPEN] = "ACT_REOPEN",
		[OA_URGE] = "ACT_URGE", [OA_REDISPATCH] = "ACT_REDISPATCH",
		[OA_REFUSE_RETURN] = "ACT_REFUSE_RETURN", [OA_OPEN_DISPUTE] = "ACT_DISPUTE",
	};
	int any = 0;
	for (int a = 0; a < OA__MAX; a++) {
		if (sections[a] == NULL || next_state(state, (enum order_action)a, parties,
						      was_accepted) < 0)
			continue;
		if (a == OA_REOPEN && strcmp(db_cell(o, 0, ORD_SATISFACTION) ?
					     db_cell(o, 0, ORD_SATISFACTION) : "", "dissatisfied") != 0)
			continue;
		tmpl_show(d, sections[a]);
		any = 1;
	}
	if (any)
		tmpl_show(d, "ACTIONS");
	for (const struct order_code *c = order_satisfactions; c->code; c++) {
		struct tdict *s = tmpl_section(d, "SAT");
		tmpl_set(s, "CODE", c->code);
		tmpl_set(s, "LABEL", c->label);
	}
}

/* The pending return request, shown to everyone who sees the order. */
static int fill_return(struct req *r, struct tdict *d, long long *suggested)
{
	struct dbres ret;
	*suggested = 0;
	int rc = ords_return_pending(r->db, r->a, r->id, &ret);
	if (rc != DB_OK)
		return db_status(rc);
	if (ret.nrows == 1) {
		struct tdict *s = tmpl_section(d, "RETURN");
		tmpl_set(s, "UNIT", db_cell(&ret, 0, 1));
		tmpl_set(s, "REASON", db_cell(&ret, 0, 2));
		tmpl_set(s, "BASIS", db_cell(&ret, 0, 3));
		tmpl_set(s, "SUGGESTED", db_cell(&ret, 0, 5));
		tmpl_set(s, "AT", db_cell(&ret, 0, 6));
		tmpl_set(s, "BY", db_cell(&ret, 0, 7));
		*suggested = db_int(&ret, 0, 4);
	}
	return 0;
}

void order_unit_options(struct req *r, struct tdict *d, const struct dbres *units,
			const char *section, long long pick, long long except, int with_jur)
{
	for (size_t i = 0; i < units->nrows; i++) {
		long long id = db_int(units, i, 0);
		if (id == except)
			continue;
		struct tdict *o = tmpl_section(d, section);
		tmpl_set(o, "ID", db_cell(units, i, 0));
		tmpl_set(o, "NAME", with_jur ? arena_printf(r->a, "%s（%s）", db_cell(units, i, 1),
							    db_cell(units, i, 2))
					     : db_cell(units, i, 1));
		if (id == pick)
			tmpl_show(o, "SELECTED");
	}
}

static int order_page(struct req *r, const char *tpl, int with_actions)
{
	struct dbres o;
	unsigned parties = 0;
	int st = load_order(r, &o, &parties);
	if (st)
		return st;
	struct tdict *d = view_page(r, arena_printf(r->a, "工单 %s", db_cell(&o, 0, ORD_NUMBER)), tpl);
	fill_order(r, d, &o, parties);
	long long suggested = 0;
	st = fill_timeline(r, d);
	if (st == 0)
		st = fill_return(r, d, &suggested);
	if (st)
		return st;
	if (with_actions) {
		int state = order_state_from_code(db_cell(&o, 0, ORD_STATE));
		fill_actions(d, state, parties, db_cell(&o, 0, ORD_ACCEPTED) != NULL, &o);
		long long unit = db_int(&o, 0, ORD_UNIT_ID);
		struct dbres units;
		int rc = ords_units(r->db, r->a, db_int(&o, 0, ORD_JUR_ID), &units);
		if (rc != DB_OK)
			return db_status(rc);
		order_unit_options(r, d, &units, "RETURN_UNIT", 0, unit, 1);
		order_unit_options(r, d, &units, "REDISPATCH_UNIT", suggested, unit, 1);
	}
	return view_finish(r, 200);
}

int h_order_view(struct req *r)
{
	return order_page(r, "orders/view.tpl", 1);
}

int h_order_print(struct req *r)
{
	return order_page(r, "orders/sheet.tpl", 0);
}

/* ---- actions ------------------------------------------------------------ */

/* What an action needs from the form; NULL when complete. */
static const char *act_missing(const struct req *r, enum order_action a)
{
	switch (a) {
	case OA_NOTE:
		return r->f[F_NOTE].present ? NULL : "请填写办理进展。";
	case OA_REPLY:
		return r->f[F_RESULT].present ? NULL : "请填写办理结果。";
	case OA_REQUEST_RETURN:
		if (!r->f[F_REASON].present || !r->f[F_BASIS].present ||
		    !r->f[F_SUGGESTED_UNIT_ID].present)
			return "申请退回须同时写明退回理由、依据（法律法规或“三定”规定）和认为应当承办的单位，缺一不可。";
		return NULL;
	case OA_CLOSE:
		return order_code_label(order_satisfactions, req_str(r, F_SATISFACTION))
			       ? NULL : "请选择回访结果（满意、基本满意或不满意）。";
	case OA_SEND_BACK:
	case OA_REFUSE_RETURN:
	case OA_REOPEN:
		return r->f[F_REASON].present ? NULL : "请填写理由。";
	case OA_REDISPATCH:
		return r->f[F_UNIT_ID].present ? NULL : "请选择改派的承办单位。";
	default:
		return NULL;
	}
}

struct act {
	enum order_action action;
	int from, to;              /* states */
	long long unit, jur, category;
	long long order_unit;      /* the handling unit before the change */
	const char *note;          /* for the timeline */
	long long target;          /* unit named on the timeline */
	long long return_id;       /* the pending return, when deciding one */
};

/* The pending return's id for a decision; 0 when there is none. */
static int pending_return(struct req *r, long long *id, long long *suggested)
{
	struct dbres ret;
	int rc = ords_return_pending(r->db, r->a, r->id, &ret);
	*id = rc == DB_OK && ret.nrows == 1 ? db_int(&ret, 0, 0) : 0;
	if (suggested)
		*suggested = *id ? db_int(&ret, 0, 4) : 0;
	return rc;
}

/* Applies the change of one action; in the transaction, after the checks. */
static int act_apply(struct req *r, struct act *x)
{
	const char *from = order_state_codes[x->from], *to = order_state_codes[x->to];
	const struct actor *ac = r->actor;
	char due[11];
	int rc = DB_OK;
	switch (x->action) {
	case OA_ACCEPT: {
		/* Signing for an order a determination sent here accepts that
		 * determination too (D6.5). */
		long long dispute = 0;
		rc = ords_accept(r->db, r->a, r->id);
		if (rc == DB_OK)
			rc = dss_determined_for(r->db, r->a, r->id, x->order_unit, &dispute);
		if (rc == DB_OK && dispute)
			rc = dss_answer(r->db, r->a, dispute, "accepted", NULL);
		if (rc == DB_OK && dispute)
			rc = dss_event(r->db, r->a, dispute, ac->user_id, ac->unit_id, "accept",
				       "签收工单，接收认定");
		return rc;
	}
	case OA_REPLY:
		return ords_reply(r->db, r->a, r->id, r->f[F_RESULT].s);
	case OA_CLOSE:
		return ords_close(r->db, r->a, r->id, r->f[F_SATISFACTION].s);
	case OA_REOPEN:
		return ords_reopen(r->db, r->a, r->id);
	case OA_REQUEST_RETURN: {
		long long id;
		rc = ords_return_insert(r->db, r->a, r->id, x->order_unit, ac->user_id,
					r->f[F_REASON].s, r->f[F_BASIS].s,
					r->f[F_SUGGESTED_UNIT_ID].i, &id);
		x->target = r->f[F_SUGGESTED_UNIT_ID].i;
		return rc == DB_OK ? ords_set_state(r->db, r->a, r->id, from, to) : rc;
	}
	case OA_REDISPATCH: {
		int st = due_for(r, x->category, due);
		if (st)
			return st == 503 ? DB_DOWN : DB_ERR;
		x->target = r->f[F_UNIT_ID].i;
		x->note = arena_printf(r->a, "%s%s办理期限 %s", req_str(r, F_NOTE),
				       r->f[F_NOTE].present ? "；" : "", due);
		rc = ords_return_decide(r->db, r->a, x->return_id, "redispatched",
					ac->user_id, req_str(r, F_NOTE), 0);
		return rc == DB_OK ? ords_redispatch(r->db, r->a, r->id, from, x->target,
						     due, 1) : rc;
	}
	case OA_REFUSE_RETURN:
		rc = ords_return_decide(r->db, r->a, x->return_id, "refused", ac->user_id,
					r->f[F_REASON].s, 0);
		return rc == DB_OK ? ords_set_state(r->db, r->a, r->id, from, to) : rc;
	case OA_OPEN_DISPUTE: {
		long long dispute = 0;
		rc = dispute_open(r, r->id, x->return_id, req_str(r, F_NOTE), &dispute);
		if (rc == DB_FK)
			r->err_msg = "该区域尚未配置争议认定程序，请先由系统管理员配置。";
		if (rc == DB_OK && x->return_id)
			rc = ords_return_decide(r->db, r->a, x->return_id, "disputed",
						ac->user_id, req_str(r, F_NOTE), dispute);
		x->note = arena_printf(r->a, "争议 #%lld%s%s", dispute,
				       r->f[F_NOTE].present ? "：" : "", req_str(r, F_NOTE));
		return rc == DB_OK ? ords_set_state(r->db, r->a, r->id, from, to) : rc;
	}
	default:
		return x->from == x->to ? DB_OK : ords_set_state(r->db, r->a, r->id, from, to);
	}
}

static const char *act_note(const struct req *r, enum order_action a)
{
	switch (a) {
	case OA_NOTE: case OA_URGE: case OA_REDISPATCH: case OA_OPEN_DISPUTE:
		return req_str(r, F_NOTE);
	case OA_REPLY:
		return req_str(r, F_RESULT);
	case OA_REQUEST_RETURN:
		return arena_printf(r->a, "理由：%s；依据：%s", req_str(r, F_REASON), req_str(r, F_BASIS));
	case OA_CLOSE:
		return arena_printf(r->a, "回访结果：%s%s%s",
				    order_code_label(order_satisfactions, req_str(r, F_SATISFACTION)),
				    r->f[F_NOTE].present ? "；" : "", req_str(r, F_NOTE));
	default:
		return req_str(r, F_REASON);
	}
}

/* Checks the lock row against the action; 0 or a status (with message). */
static int act_check(struct req *r, const struct dbres *lk, struct act *x)
{
	x->from = order_state_from_code(db_cell(lk, 0, 0));
	x->order_unit = db_int(lk, 0, 1);
	x->jur = db_int(lk, 0, 3);
	x->category = db_int(lk, 0, 5);
	unsigned parties = order_parties(r->actor, x->jur, x->order_unit);
	if (!order_visible(parties))
		return 404;
	x->to = next_state(x->from, x->action, parties, (int)db_int(lk, 0, 2));
	if (x->to < 0) {
		int role_ok = ever_allowed(x->action, parties);
		r->err_msg = role_ok
			? arena_printf(r->a, "工单当前状态为“%s”，不能%s。", order_state_labels[x->from],
				       order_action_labels[x->action])
			: "您无权对此工单进行此操作：只有承办单位或管理办可以办理。";
		return role_ok ? 409 : 403;
	}
	if (x->action == OA_REOPEN &&
	    strcmp(db_cell(lk, 0, 4) ? db_cell(lk, 0, 4) : "", "dissatisfied") != 0) {
		r->err_msg = "只有回访结果为“不满意”的工单可以重新交办。";
		return 409;
	}
	if (x->action == OA_REQUEST_RETURN && r->f[F_SUGGESTED_UNIT_ID].i == x->order_unit) {
		r->err_msg = "建议承办单位不能是本单位。";
		return 400;
	}
	if (x->action == OA_REDISPATCH && r->f[F_UNIT_ID].i == x->order_unit) {
		r->err_msg = "改派的单位不能是当前承办单位。";
		return 400;
	}
	return 0;
}

/* A unit named in the form must exist, be active and belong to the
 * order's jurisdiction or the city. */
static int act_unit_ok(struct req *r, enum order_action a, long long jur)
{
	enum field f = a == OA_REQUEST_RETURN ? F_SUGGESTED_UNIT_ID
		       : a == OA_REDISPATCH ? F_UNIT_ID : F__MAX;
	if (f == F__MAX)
		return 0;
	struct dbres u;
	int rc = ords_unit(r->db, r->a, r->f[f].i, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u.nrows != 1 || (db_int(&u, 0, 2) != jur && db_int(&u, 0, 3) == 0)) {
		r->err_msg = "所选单位不存在、已停用，或不属于该工单的区域。";
		return 400;
	}
	return 0;
}

static int act(struct req *r, enum order_action action, const char *done)
{
	struct act x = { .action = action };
	struct dbres lk;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = ords_lock(r->db, r->a, r->id, &lk);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	/* Whose order it is comes first: out of scope is 404 whatever the
	 * form says. */
	int st = lk.nrows == 1 ? act_check(r, &lk, &x) : 404;
	const char *msg = st == 0 ? act_missing(r, action) : NULL;
	if (msg) {
		r->err_msg = msg;
		st = 400;
	}
	if (st == 0)
		st = act_unit_ok(r, action, x.jur);
	if (st == 0 && (action == OA_REDISPATCH || action == OA_REFUSE_RETURN ||
			action == OA_OPEN_DISPUTE)) {
		rc = pending_return(r, &x.return_id, NULL);
		if (rc != DB_OK)
			st = db_status(rc);
		else if (x.return_id == 0 && action != OA_OPEN_DISPUTE)
			st = 409;
	}
	if (st) {
		db_rollback(r->db);
		return st;
	}
	x.note = act_note(r, action);
	rc = act_apply(r, &x);
	const struct actor *ac = r->actor;
	if (rc == DB_OK)
		rc = ords_event(r->db, r->a, r->id, ac->user_id, ac->unit_id,
				order_action_codes[action], x.target, x.note);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, arena_printf(r->a, "order.%s", order_action_codes[action]),
			       "order", r->id, x.note);
	if (rc == DB_CONFLICT)
		r->err_msg = "工单已被他人处理，请刷新后重试。";
	if (rc == DB_FK && r->err_msg) {   /* no procedure for the jurisdiction */
		db_rollback(r->db);
		return 409;
	}
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/orders/%lld?done=%s", r->id, done));
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
int h_order_refuse_return(struct req *r) { return act(r, OA_REFUSE_RETURN, "refused"); }
int h_order_dispute(struct req *r) { return act(r, OA_OPEN_DISPUTE, "disputed"); }
