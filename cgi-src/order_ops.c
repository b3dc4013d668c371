#include "order_ops.h"

#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "audit_store.h"
#include "calendar_store.h"
#include "db.h"
#include "dispute_store.h"
#include "kb_search.h"
#include "roles.h"
#include "status.h"
#include "step.h"
#include "workdays.h"

/* ---- dates ----------------------------------------------------------------- */

int order_due_for(const struct ctx *c, long long category, char due[11])
{
	struct order_category_row *cat;
	int rc = order_category(c->db, c->a, category, &cat);
	if (rc != DB_OK)
		return rc;
	if (cat == NULL)
		return DB_FK;
	char today[11];
	return calendar_workdays_from_today(c->db, c->a, (int)cat->limit_days, today, due);
}

/* ---- intake ---------------------------------------------------------------- */

/* What each outcome of the intake needs (OA_ANSWER, OA_THREE_WAY,
 * OA_DISPATCH), in the order the form asks. */
/* The form field of each intake input. */
#define intake_field_category "category_id"
#define intake_field_jur "jurisdiction_id"
#define intake_field_content "content"
#define intake_field_entry "entry_id"
#define intake_field_three_way_unit "three_way_unit_id"
#define intake_field_unit "unit_id"
#define intake_field_demand "demand"
#define INTAKE_NEED(a, f, type, msg) { a, offsetof(struct order_intake, f), type, msg, intake_field_##f }
#define INTAKE_COMMON(a)                                                        \
	INTAKE_NEED(a, category, NEED_ID, "请选择问题分类。"),                  \
	INTAKE_NEED(a, jur, NEED_ID, "请选择所属区域。"),                       \
	INTAKE_NEED(a, content, NEED_TEXT, "请填写诉求内容。")
static const struct step_need intake_needs[] = {
	INTAKE_COMMON(OA_ANSWER),
	INTAKE_NEED(OA_ANSWER, entry, NEED_ID,
		    "一次性解答须在右侧检索结果中选定所依据的知识条目。"),
	INTAKE_COMMON(OA_THREE_WAY),
	INTAKE_NEED(OA_THREE_WAY, three_way_unit, NEED_ID, "三方通话解答须选择参与通话的单位。"),
	INTAKE_COMMON(OA_DISPATCH),
	INTAKE_NEED(OA_DISPATCH, unit, NEED_ID, "派单须选择承办单位。"),
	INTAKE_NEED(OA_DISPATCH, demand, NEED_TEXT, "派单须写明主要诉求。"),
	INTAKE_COMMON(OA_REFER),
	{ -1, 0, NEED_TEXT, NULL, NULL },
};

/* The outcome's action, or -1. */
static int outcome_action(const char *outcome)
{
	for (int a = OA_ANSWER; a <= OA_DISPATCH; a++)
		if (strcmp(order_action_codes[a], outcome) == 0)
			return a;
	return strcmp(outcome, order_action_codes[OA_REFER]) == 0 ? OA_REFER : -1;
}

/* What the checks of the referenced rows learn for the write. */
struct intake_refs {
	long long filed_id;     /* an earlier send of this form filed it */
	const char *jur_code;   /* for the order number */
	const char *refer_channel; /* the category's other channel, or NULL */
	char due[11];           /* a dispatch's deadline, else "" */
};

/* The jurisdiction, category, unit and entry the form names must exist
 * and be usable, and a dispatch's deadline: one statement. 0, a db_err,
 * or 1 with *msg for the form. */
static int intake_refs(const struct ctx *c, const struct order_intake *in,
		       struct intake_refs *ref, const char **msg)
{
	char today[11];
	calendar_today(today);
	int dispatch = strcmp(in->outcome, "dispatch") == 0;
	long long unit = dispatch ? in->unit
			 : strcmp(in->outcome, "three_way") == 0 ? in->three_way_unit : 0;
	long long entry = strcmp(in->outcome, "answer") == 0 ? in->entry : 0;
	struct order_refs_row *r;
	int rc = order_intake_refs(c->db, c->a, in->intake_key, in->jur, in->category, unit,
				   entry, in->pending, in->dup, today, &r);
	if (rc != DB_OK)
		return rc;
	ref->filed_id = r->filed_id;
	ref->jur_code = r->jur_code;
	ref->refer_channel = r->refer_channel;
	ref->due[0] = '\0';
	if (ref->filed_id != 0)
		return 0;
	int refer = strcmp(in->outcome, "refer") == 0;
	*msg = in->pending != 0 && !r->pending_ok ? "该诉求已由其他话务员受理。"
	       : in->dup != 0 && r->dup_jur != in->jur ? "所标记的疑似重复工单不存在或不属于该区域。"
	       : refer && r->refer_channel == NULL && r->category_leaf
		 ? "所选问题分类不属于“不予受理/转其他渠道”事项，请按其他方式处理。"
	       : !refer && r->refer_channel != NULL
		 ? "所选问题分类属于“不予受理/转其他渠道”事项：请按口径答复，选择“转其他渠道”。"
	       : NULL;
	if (*msg != NULL)
		return 1;
	/* The form offers the active jurisdictions; anything else would only
	 * fail later on its foreign key (a 500). */
	*msg = r->jur_code == NULL ? "所属区域不存在或已停用。"
	       : !r->category_leaf ? "问题分类不存在、已停用或不是末级分类。"
	       : unit != 0 && (r->unit_id == 0 || (r->unit_jur_id != in->jur && !r->unit_city))
		 ? "所选单位不存在、已停用，或不属于该区域。"
	       : entry != 0 && !r->entry_answers ? "所选知识条目不存在、未发布或已失效。"
	       : NULL;
	if (*msg != NULL)
		return 1;
	if (dispatch) {
		struct wd_calendar cal;
		int d = 0;
		if (calendar_window_parse(c->a, today, r->calendar, &cal) < 0 ||
		    wd_parse(today, &d) < 0)
			return DB_ERR;
		wd_format(wd_add(&cal, d, (int)r->limit_days), ref->due);
	}
	return 0;
}

/* The event note of each outcome. */
static const char *intake_note(const struct ctx *c, const struct order_new *o, const char *due,
			       const char *refer_channel)
{
	if (strcmp(o->state, "dispatched") == 0)
		return arena_printf(c->a, "办理期限 %s", due);
	if (strcmp(o->state, "referred") == 0)
		return arena_printf(c->a, "告知转 %s", refer_channel ? refer_channel : "其他渠道");
	return o->entry ? arena_printf(c->a, "依据知识 #%lld", o->entry) : "";
}

/* Writes the order (or takes the pending one), its first event, what the
 * search learns and the audit row; in the transaction. code: the new
 * query code, "" when the order keeps its own. */
static int intake_write(const struct ctx *c, const struct order_intake *in,
			const struct intake_refs *ref, long long *id, char code[7])
{
	char day[11], num[48] = "", hash[65] = "";
	int d = 0;
	calendar_today(day);
	wd_parse(day, &d);
	unsigned seq = 0;
	int rc = DB_OK;
	code[0] = '\0';
	if (in->pending == 0) {
		rc = order_next_seq(c->db, c->a, in->jur, day, &seq);
		if (rc == DB_OK && (order_number(num, sizeof num, ref->jur_code, d, seq) < 0 ||
				    qcode_new(code) < 0))
			rc = DB_ERR;
		if (rc == DB_OK)
			qcode_hash(num, code, hash);
	}
	int dispatch = strcmp(in->outcome, "dispatch") == 0;
	int answer = strcmp(in->outcome, "answer") == 0;
	int refer = strcmp(in->outcome, "refer") == 0;
	struct order_new o = {
		.number = num, .channel = in->channel, .caller_name = in->caller_name,
		.caller_phone = in->caller_phone, .place = in->place, .content = in->content,
		.demand = in->demand, .cause = in->cause, .contradiction = in->contradiction,
		.state = dispatch ? "dispatched" : answer ? "answered" : refer ? "referred"
			: "three_way",
		.due = dispatch ? ref->due : NULL, .jur = in->jur, .category = in->category,
		.entry = answer ? in->entry : 0,
		.three_way_unit = strcmp(in->outcome, "three_way") == 0 ? in->three_way_unit : 0,
		.unit = dispatch ? in->unit : 0, .operator_id = c->actor->user_id,
		.intake_key = in->intake_key, .query_hash = hash, .likely_dup_of = in->dup,
	};
	if (rc == DB_OK && in->pending != 0) {
		rc = order_take(c->db, c->a, in->pending, &o);
		*id = in->pending;
	} else if (rc == DB_OK) {
		rc = order_insert(c->db, c->a, &o, id);
	}
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, *id, c->actor->user_id, c->actor->unit_id,
				in->outcome, o.unit ? o.unit : o.three_way_unit,
				intake_note(c, &o, ref->due, ref->refer_channel));
	/* The search that found the answer learns from it (kb_search.h). */
	if (rc == DB_OK && o.entry != 0 && in->query != NULL)
		rc = kb_learn(c->db, c->a, in->query, o.entry);
	if (rc == DB_OK)
		rc = audit_add(c, 0, arena_printf(c->a, "order.%s", in->outcome), "order", *id,
			       in->pending ? arena_printf(c->a, "#%lld", *id) : num);
	return rc;
}

/* The order this intake form filed already (sent again after an answer
 * that got lost): 0 when none. */
static int filed_already(const struct ctx *c, const struct order_intake *in, long long *id)
{
	*id = 0;
	if (in->intake_key == NULL || *in->intake_key == '\0')
		return DB_OK;
	return order_by_intake_key(c->db, c->a, in->intake_key, id);
}

int order_intake(const struct ctx *c, const struct order_intake *in, long long *id,
		 char code[7], const char **msg)
{
	*msg = NULL;
	code[0] = '\0';
	int outcome = outcome_action(in->outcome);
	/* A request another system filed may come without a phone. */
	int phone_ok = order_phone_valid(in->caller_phone) ||
		       (in->pending != 0 && *in->caller_phone == '\0');
	*msg = outcome < 0 ? "请选择处理方式：一次性解答、三方通话解答、派单或转其他渠道。"
	       : !phone_ok
		 ? "来电号码无效：请填写 3 至 20 位数字，可含区号分隔符“-”。"
	       : order_code_label(order_channels, in->channel) == NULL ? "请选择来源渠道。"
	       : step_missing(intake_needs, outcome, in);
	if (*msg != NULL)
		return 400;
	struct intake_refs ref;
	int rc = intake_refs(c, in, &ref, msg);
	if (rc > 0)
		return 400;
	if (rc != DB_OK)
		return db_status(rc);
	if (ref.filed_id != 0) {
		*id = ref.filed_id;
		return 0;
	}
	rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = intake_write(c, in, &ref, id, code);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK) {
		db_rollback(c->db);
		/* The same form sent twice at once: the other one filed it. */
		if (rc == DB_DUP && filed_already(c, in, id) == DB_OK && *id != 0)
			return 0;
		return db_status(rc);
	}
	return 0;
}

/* ---- requests of other systems ------------------------------------------- */

int order_file_request(const struct ctx *c, struct order_request *in, long long *id,
		       char number[48], char code[7])
{
	char day[11], hash[65];
	int d = 0;
	calendar_today(day);
	wd_parse(day, &d);
	unsigned seq = 0;
	int rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = order_next_seq(c->db, c->a, in->jur, day, &seq);
	if (rc == DB_OK && (order_number(number, 48, in->jur_code, d, seq) < 0 ||
			    qcode_new(code) < 0))
		rc = DB_ERR;
	if (rc == DB_OK) {
		qcode_hash(number, code, hash);
		struct order_new o = {
			.number = number, .channel = "open311", .caller_name = in->caller_name,
			.caller_phone = in->caller_phone, .place = in->place,
			.content = in->content, .demand = "", .cause = "", .contradiction = "",
			.state = "pending", .due = NULL, .jur = in->jur, .category = in->category,
			.query_hash = hash,
		};
		rc = order_insert(c->db, c->a, &o, id);
	}
	if (rc == DB_OK) {
		in->extra.order_id = *id;
		rc = o311_request_add(c->db, c->a, &in->extra);
	}
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, *id, 0, 0, "open311", 0,
				 arena_printf(c->a, "来源系统：%s", in->source));
	if (rc == DB_OK)
		rc = audit_add(c, 0, "order.open311", "order", *id,
			       arena_printf(c->a, "%s（%s）", number, in->source));
	return db_end(c->db, rc);
}

/* ---- duplicates ------------------------------------------------------------- */

/* Locks both orders, the lower id first (two merges of a pair at once
 * cannot deadlock). */
static int lock_pair(const struct ctx *c, long long id, long long master,
		     struct order_lock_row **dup, struct order_lock_row **mo)
{
	int rc;
	if (id < master) {
		rc = order_lock(c->db, c->a, id, dup);
		if (rc == DB_OK)
			rc = order_lock(c->db, c->a, master, mo);
	} else {
		rc = order_lock(c->db, c->a, master, mo);
		if (rc == DB_OK)
			rc = order_lock(c->db, c->a, id, dup);
	}
	return rc;
}

/* The refusal of merging dup into mo, or NULL. */
static const char *merge_refusal(const struct ctx *c, long long id, long long master,
				 const struct order_lock_row *dup, const struct order_lock_row *mo,
				 int *status)
{
	*status = 404;
	unsigned parties = order_parties(c->actor, dup->jur_id, dup->unit_id);
	if (!(parties & (1u << OP_OFFICE)))
		return "只有本区域的热线管理办可以合并工单。";
	*status = 409;
	if (id == master)
		return "不能把工单合并到它自己。";
	if (dup->merged_into)
		return "该工单已合并到其他工单。";
	if (mo->merged_into)
		return "主工单本身已合并到其他工单，请合并到最终的主工单。";
	if (mo->jur_id != dup->jur_id)
		return "只能合并同一区域的工单。";
	int st = order_state_from_code(dup->state), mst = order_state_from_code(mo->state);
	if (order_next(st, OA_MERGE, parties, dup->was_accepted) < 0)
		return "该工单当前状态不能合并：退回、争议中或已办结的工单不合并。";
	if (mst != OS_DISPATCHED && mst != OS_ACCEPTED && mst != OS_RETURN &&
	    mst != OS_REPLIED && mst != OS_CLOSED && mst != OS_DISPUTED)
		return "主工单须是已派单的工单。";
	*status = 0;
	return NULL;
}

int order_merge_into(const struct ctx *c, long long id, long long master, const char **msg)
{
	*msg = NULL;
	struct order_lock_row *dup = NULL, *mo = NULL;
	int rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = lock_pair(c, id, master, &dup, &mo);
	if (rc != DB_OK || dup == NULL || mo == NULL) {
		db_rollback(c->db);
		if (rc != DB_OK)
			return db_status(rc);
		*msg = dup == NULL ? NULL : "主工单不存在。";
		return dup == NULL ? 404 : 400;
	}
	int status = 0;
	*msg = merge_refusal(c, id, master, dup, mo, &status);
	if (*msg != NULL) {
		db_rollback(c->db);
		return status;
	}
	rc = order_merge(c->db, c->a, id, dup->state, master);
	if (rc == DB_OK)
		rc = order_repoint_merged(c->db, c->a, id, master);
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id, "merge", 0,
				 arena_printf(c->a, "合并至工单 %s，随主工单办理和答复", mo->number));
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, master, c->actor->user_id, c->actor->unit_id,
				 "merge", 0, arena_printf(c->a, "合并工单 %s，其来电人计入本工单",
							  dup->number));
	if (rc == DB_OK)
		rc = audit_add(c, 0, "order.merge", "order", id,
			       arena_printf(c->a, "%s 合并至 %s", dup->number, mo->number));
	rc = db_end(c->db, rc);
	return rc == DB_OK ? 0 : db_status(rc);
}

int order_clear_likely(const struct ctx *c, long long id)
{
	struct order_row *o;
	unsigned parties = 0;
	int st = order_load(c, id, &o, &parties);
	if (st)
		return st;
	if (!(parties & (1u << OP_OFFICE)))
		return 403;
	int rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = order_not_duplicate(c->db, c->a, id);
	if (rc == DB_OK)
		rc = audit_add(c, 0, "order.not_duplicate", "order", id,
			       arena_printf(c->a, "%s 不是 %s 的重复诉求", o->number, o->likely_number));
	rc = db_end(c->db, rc);
	return rc == DB_OK ? 0 : db_status(rc);
}

int order_new_qcode(const struct ctx *c, long long id, char code[7])
{
	struct order_row *o;
	unsigned parties = 0;
	int st = order_load(c, id, &o, &parties);
	if (st)
		return st;
	if (!(parties & ((1u << OP_OPERATOR) | (1u << OP_OFFICE))))
		return 403;
	char hash[65];
	if (qcode_new(code) < 0)
		return 500;
	qcode_hash(o->number, code, hash);
	int rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = order_set_qcode(c->db, c->a, id, hash);
	if (rc == DB_OK)
		rc = audit_add(c, 0, "order.qcode", "order", id,
			       arena_printf(c->a, "%s 重新生成查询码", o->number));
	rc = db_end(c->db, rc);
	return rc == DB_OK ? 0 : db_status(rc);
}

/* ---- seeing an order --------------------------------------------------------- */

int order_load(const struct ctx *c, long long id, struct order_row **o, unsigned *parties)
{
	int rc = order_get(c->db, c->a, id, o);
	if (rc != DB_OK)
		return db_status(rc);
	if (*o == NULL)
		return 404;
	const struct actor *ac = c->actor;
	*parties = order_parties(ac, (*o)->jur_id, (*o)->unit_id);
	if (order_visible(*parties))
		return 0;
	if (!caps_allow(ac->caps, 1, CAP_ORDER_HANDLE))
		return 404;
	if ((*o)->three_way_unit_id != 0 && (*o)->three_way_unit_id == ac->unit_id)
		return 0;
	int coop = 0;
	rc = order_is_coop(c->db, c->a, id, ac->unit_id, &coop);
	if (rc != DB_OK)
		return db_status(rc);
	return coop ? 0 : 404;
}

int order_suggest(const struct ctx *c, long long category, long long jur,
		  const char *content, long long *unit, const char **name)
{
	*unit = 0;
	*name = NULL;
	if (category == 0 || jur == 0)
		return DB_OK;
	struct order_rule_row *rule;
	size_t n;
	int rc = order_rules(c->db, c->a, category, jur, &rule, &n);
	if (rc != DB_OK)
		return rc;
	/* Rules with keywords that all occur first, then the plain ones. */
	for (int pass = 0; pass < 2 && *unit == 0; pass++)
		for (size_t i = 0; i < n && *unit == 0; i++) {
			int keyed = *rule[i].keywords != '\0';
			if ((pass == 0) != keyed)
				continue;
			if (keyed && !order_keywords_match(c->a, rule[i].keywords, content, 1))
				continue;
			*unit = rule[i].unit_id;
			*name = rule[i].unit_name;
		}
	return DB_OK;
}

/* ---- the actions ------------------------------------------------------------- */

/* What the hooks share about the order being changed. */
struct order_step {
	struct order_lock_row *lk;
	unsigned parties;
	struct order_return_row *ret;   /* its pending return, if any */
};

static const struct step_need needs[] = {
	{ OA_NOTE, offsetof(struct order_input, note), NEED_TEXT, "请填写办理进展。", "note" },
	{ OA_REPLY, offsetof(struct order_input, result), NEED_TEXT, "请填写办理结果。", "result" },
#define RETURN_NEEDS "申请退回须同时写明退回理由、依据（法律法规或“三定”规定）和认为应当承办的单位，缺一不可。"
	{ OA_REQUEST_RETURN, offsetof(struct order_input, reason), NEED_TEXT, RETURN_NEEDS, "reason" },
	{ OA_REQUEST_RETURN, offsetof(struct order_input, basis), NEED_TEXT, RETURN_NEEDS, "basis" },
	{ OA_REQUEST_RETURN, offsetof(struct order_input, suggested), NEED_ID, RETURN_NEEDS, "suggested_unit_id" },
	{ OA_CLOSE, offsetof(struct order_input, satisfaction), NEED_TEXT,
	  "请选择回访结果（满意、基本满意或不满意）。", "satisfaction" },
	{ OA_SEND_BACK, offsetof(struct order_input, reason), NEED_TEXT, "请填写理由。", "reason" },
	{ OA_REFUSE_RETURN, offsetof(struct order_input, reason), NEED_TEXT, "请填写理由。", "reason" },
	{ OA_REOPEN, offsetof(struct order_input, reason), NEED_TEXT, "请填写理由。", "reason" },
	{ OA_REDISPATCH, offsetof(struct order_input, unit), NEED_ID, "请选择改派的承办单位。", "unit_id" },
	{ -1, 0, NEED_TEXT, NULL, NULL },
};

size_t order_missing(enum order_action a, const struct order_input *in, const char **out,
		     size_t max)
{
	return step_missing_fields(needs, (int)a, in, out, max);
}

static const struct order_input *input(const struct step *s)
{
	return s->in;
}

static int lock(struct step *s)
{
	struct order_step *x = s->own;
	int rc = order_lock(s->c->db, s->c->a, s->id, &x->lk);
	s->row = x->lk;
	if (x->lk != NULL) {
		x->parties = order_parties(s->c->actor, x->lk->jur_id, x->lk->unit_id);
		s->from = order_state_from_code(x->lk->state);
	}
	return rc;
}

static int visible(const struct step *s)
{
	const struct order_step *x = s->own;
	return order_visible(x->parties) && s->from >= 0;
}

static int next(const struct step *s)
{
	const struct order_step *x = s->own;
	return order_next(s->from, (enum order_action)s->action, x->parties,
			  (int)x->lk->was_accepted);
}

static int ever(const struct step *s)
{
	const struct order_step *x = s->own;
	return order_ever((enum order_action)s->action, x->parties);
}

static const char *wrong_state(const struct step *s)
{
	return arena_printf(s->c->a, "工单当前状态为“%s”，不能%s。", order_state_labels[s->from],
			    order_action_labels[s->action]);
}

/* A unit named in the form exists, is active and serves the order's
 * jurisdiction (or the whole city). */
static int unit_serves(struct step *s, long long unit)
{
	const struct order_step *x = s->own;
	struct order_unit_row *u;
	int rc = order_unit(s->c->db, s->c->a, unit, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL || (u->jur_id != x->lk->jur_id && !u->city)) {
		s->msg = "所选单位不存在、已停用，或不属于该工单的区域。";
		return 400;
	}
	return 0;
}

/* D6.5: a determination binds the lead unit; refusing to act on it is
 * a matter for accountability, not a second return. */
#define BOUND_MSG "本工单已经争议认定（争议 #%lld）由本单位牵头办理，认定具有约束力，" \
	"不能再申请退回；对认定有异议的，请向热线管理办反映。拒不执行认定的，将依规问责。"

static int check(struct step *s)
{
	struct order_step *x = s->own;
	const struct order_input *in = input(s);
	switch ((enum order_action)s->action) {
	case OA_CLOSE:
		if (order_code_label(order_satisfactions, in->satisfaction) == NULL) {
			s->msg = "请选择回访结果（满意、基本满意或不满意）。";
			return 400;
		}
		return 0;
	case OA_REOPEN:
		if (strcmp(x->lk->satisfaction, "dissatisfied") != 0) {
			s->msg = "只有回访结果为“不满意”的工单可以重新交办。";
			return 409;
		}
		return 0;
	case OA_REQUEST_RETURN: {
		long long bound = 0;
		int rc = order_binding(s->c, s->id, x->lk->unit_id, &bound);
		if (rc != DB_OK)
			return db_status(rc);
		if (bound) {
			s->msg = arena_printf(s->c->a, BOUND_MSG, bound);
			return 409;
		}
		if (in->suggested == x->lk->unit_id) {
			s->msg = "建议承办单位不能是本单位。";
			return 400;
		}
		return unit_serves(s, in->suggested);
	}
	case OA_REDISPATCH:
	case OA_REFUSE_RETURN: {
		if (s->action == OA_REDISPATCH && in->unit == x->lk->unit_id) {
			s->msg = "改派的单位不能是当前承办单位。";
			return 400;
		}
		int st = s->action == OA_REDISPATCH ? unit_serves(s, in->unit) : 0;
		if (st)
			return st;
		int rc = order_return_pending(s->c->db, s->c->a, s->id, &x->ret);
		if (rc != DB_OK)
			return db_status(rc);
		return x->ret == NULL ? 409 : 0;
	}
	default:
		return 0;
	}
}

/* The timeline's and the audit row's text of an action. */
static const char *note_of(const struct step *s)
{
	const struct order_input *in = input(s);
	struct arena *a = s->c->a;
	switch ((enum order_action)s->action) {
	case OA_NOTE:
	case OA_URGE:
		return in->note ? in->note : "";
	case OA_REPLY:
		return in->result;
	case OA_REQUEST_RETURN:
		return arena_printf(a, "理由：%s；依据：%s", in->reason, in->basis);
	case OA_CLOSE:
		return arena_printf(a, "回访结果：%s%s%s",
				    order_code_label(order_satisfactions, in->satisfaction),
				    in->note ? "；" : "", in->note ? in->note : "");
	case OA_ACCEPT:
		return "";
	default:
		return in->reason ? in->reason : "";
	}
}

/* Signing for an order a determination sent here accepts that
 * determination too (D6.5). */
static int accept_determination(const struct ctx *c, long long order, long long unit)
{
	long long dispute = 0;
	int rc = dispute_determined_for(c->db, c->a, order, unit, &dispute);
	if (rc == DB_OK && dispute)
		rc = dispute_answer(c->db, c->a, dispute, "accepted", NULL);
	if (rc == DB_OK && dispute)
		rc = dispute_event(c->db, c->a, dispute, c->actor->user_id, c->actor->unit_id, "accept",
			       "签收工单，接收认定");
	return rc;
}

static int apply(struct step *s)
{
	struct order_step *x = s->own;
	const struct order_input *in = input(s);
	const struct ctx *c = s->c;
	const char *from = order_state_codes[s->from], *to = order_state_codes[s->to];
	long long user = c->actor->user_id;
	char due[11];
	int rc;
	s->note = note_of(s);
	switch ((enum order_action)s->action) {
	case OA_ACCEPT:
		rc = order_accept(c->db, c->a, s->id);
		return rc == DB_OK ? accept_determination(c, s->id, x->lk->unit_id) : rc;
	case OA_REPLY:
		return order_reply(c->db, c->a, s->id, in->result);
	case OA_CLOSE:
		return order_close(c->db, c->a, s->id, in->satisfaction);
	case OA_REOPEN:
		return order_reopen(c->db, c->a, s->id);
	case OA_REQUEST_RETURN: {
		long long id;
		s->target = in->suggested;
		rc = order_return_insert(c->db, c->a, s->id, x->lk->unit_id, user, in->reason,
					in->basis, in->suggested, &id);
		return rc == DB_OK ? order_set_state(c->db, c->a, s->id, from, to) : rc;
	}
	case OA_REDISPATCH:
		rc = order_due_for(c, x->lk->category_id, due);
		if (rc != DB_OK)
			return rc;
		s->target = in->unit;
		s->note = arena_printf(c->a, "%s%s办理期限 %s", in->note ? in->note : "",
				       in->note ? "；" : "", due);
		rc = order_return_decide(c->db, c->a, x->ret->id, "redispatched", user,
					in->note ? in->note : "", 0);
		return rc == DB_OK ? order_redispatch(c->db, c->a, s->id, from, in->unit, due, 1)
				   : rc;
	case OA_REFUSE_RETURN:
		rc = order_return_decide(c->db, c->a, x->ret->id, "refused", user, in->reason, 0);
		return rc == DB_OK ? order_set_state(c->db, c->a, s->id, from, to) : rc;
	default:
		return s->from == s->to ? DB_OK : order_set_state(c->db, c->a, s->id, from, to);
	}
}

static int event(struct step *s)
{
	const struct actor *ac = s->c->actor;
	return order_event(s->c->db, s->c->a, s->id, ac->user_id, ac->unit_id,
			  order_action_codes[s->action], s->target, s->note);
}

static const struct step_rules rules = {
	.object = "order",
	.audit_prefix = "order.",
	.action_codes = order_action_codes,
	.conflict = "工单已被他人处理，请刷新后重试。",
	.forbidden = "您无权对此工单进行此操作：只有承办单位或管理办可以办理。",
	.needs = needs,
	.lock = lock,
	.visible = visible,
	.next = next,
	.ever = ever,
	.wrong_state = wrong_state,
	.check = check,
	.apply = apply,
	.event = event,
};

int order_act(const struct ctx *c, long long id, enum order_action a,
	      const struct order_input *in, const char **msg)
{
	struct order_step x = { NULL, 0, NULL };
	struct step s = { .c = c, .id = id, .action = (int)a, .in = in, .own = &x };
	int st = step_run(&rules, &s);
	*msg = s.msg;
	return st;
}

/* ---- what a dispute does to its order ---------------------------------------- */

int order_refer(const struct ctx *c, long long id, struct order_row **o,
		long long *return_id, const char **msg)
{
	static const struct order_input none;
	struct order_step x = { NULL, 0, NULL };
	struct step s = { .c = c, .id = id, .action = OA_OPEN_DISPUTE, .in = &none, .own = &x };
	*return_id = 0;
	int st = step_check(&rules, &s);
	*msg = s.msg;
	if (st)
		return st;
	struct order_return_row *ret;
	int rc = order_return_pending(c->db, c->a, id, &ret);
	if (rc == DB_OK)
		rc = order_get(c->db, c->a, id, o);
	if (rc == DB_OK)
		rc = order_set_state(c->db, c->a, id, order_state_codes[s.from],
				    order_state_codes[s.to]);
	if (rc != DB_OK)
		return db_status(rc);
	*return_id = ret ? ret->id : 0;
	return 0;
}

int order_referred(const struct ctx *c, long long id, long long return_id,
		   long long dispute, const char *note)
{
	int rc = DB_OK;
	if (return_id)
		rc = order_return_decide(c->db, c->a, return_id, "disputed", c->actor->user_id,
					note, dispute);
	const char *text = arena_printf(c->a, "争议 #%lld%s%s", dispute, *note ? "：" : "", note);
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id,
				order_action_codes[OA_OPEN_DISPUTE], 0, text);
	if (rc == DB_OK)
		rc = audit_add(c, 0, "order.dispute", "order", id, text);
	return rc;
}

int order_binding(const struct ctx *c, long long id, long long unit, long long *dispute)
{
	return dispute_binding_for(c->db, c->a, id, unit, dispute);
}

/* Order id locked, and the state action leads to from its state for the
 * actor (as_office: for the office, on whose behalf the procedure acts):
 * DB_OK, or DB_CONFLICT when the table does not allow it. */
static int transit_as(const struct ctx *c, long long id, enum order_action action, int as_office,
		      struct order_lock_row **lk, int *from, int *to)
{
	int rc = order_lock(c->db, c->a, id, lk);
	if (rc != DB_OK)
		return rc;
	if (*lk == NULL)
		return DB_CONFLICT;
	unsigned parties = as_office ? 1u << OP_OFFICE
				     : order_parties(c->actor, (*lk)->jur_id, (*lk)->unit_id);
	*from = order_state_from_code((*lk)->state);
	*to = *from < 0 ? -1 : order_next(*from, action, parties, (int)(*lk)->was_accepted);
	return *to < 0 ? DB_CONFLICT : DB_OK;
}

static int transit(const struct ctx *c, long long id, enum order_action action,
		   struct order_lock_row **lk, int *from, int *to)
{
	return transit_as(c, id, action, 0, lk, from, to);
}

int order_temporary(const struct ctx *c, long long id, long long unit, long long dispute,
		    const char *opinion)
{
	struct order_lock_row *lk;
	int from, to;
	char due[11];
	int rc = transit_as(c, id, OA_TEMPORARY, 1, &lk, &from, &to);
	if (rc == DB_OK)
		rc = order_due_for(c, lk->category_id, due);
	if (rc == DB_OK)
		rc = order_hand_temporary(c->db, c->a, id, unit, due);
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id,
				order_action_codes[OA_TEMPORARY], unit,
				arena_printf(c->a, "争议 #%lld 临时处理意见：%s；临时办理期限 %s",
					     dispute, opinion, due));
	return rc;
}

int order_determined(const struct ctx *c, long long id, long long lead,
		     long long dispute, const char *opinion)
{
	struct order_lock_row *lk;
	int from, to;
	char due[11];
	int rc = transit(c, id, OA_DETERMINED, &lk, &from, &to);
	if (rc == DB_OK)
		rc = order_due_for(c, lk->category_id, due);
	if (rc == DB_OK)
		rc = order_redispatch(c->db, c->a, id, order_state_codes[from], lead, due, 0);
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id,
				order_action_codes[OA_DETERMINED], lead,
				arena_printf(c->a, "争议 #%lld 认定：%s", dispute, opinion));
	return rc;
}

/* The checks of a cooperating unit's part on locked order lk: 0 or a
 * status with *msg. */
static int coop_check(const struct ctx *c, long long id, const struct order_lock_row *lk,
		      const char *part, const char **msg)
{
	int coop = 0;
	int rc = order_is_coop(c->db, c->a, id, c->actor->unit_id, &coop);
	if (rc != DB_OK)
		return db_status(rc);
	if (!coop) {
		unsigned parties = order_parties(c->actor, lk->jur_id, lk->unit_id);
		*msg = "只有配合单位可以填写配合办理情况。";
		return order_visible(parties) ? 403 : 404;
	}
	int state = order_state_from_code(lk->state);
	if (!order_is_open(state)) {
		*msg = arena_printf(c->a, "工单当前状态为“%s”，不能再填写配合办理情况。",
				    state >= 0 ? order_state_labels[state] : lk->state);
		return 409;
	}
	if (part == NULL || *part == '\0') {
		*msg = "请填写配合办理情况。";
		return 400;
	}
	return 0;
}

int order_coop_part(const struct ctx *c, long long id, const char *part, const char **msg)
{
	*msg = NULL;
	struct order_lock_row *lk = NULL;
	int rc = db_begin(c->db);
	if (rc == DB_OK)
		rc = order_lock(c->db, c->a, id, &lk);
	int st = rc != DB_OK ? db_status(rc) : lk == NULL ? 404 : coop_check(c, id, lk, part, msg);
	if (st) {
		db_rollback(c->db);
		return st;
	}
	rc = order_coop_record(c->db, c->a, id, c->actor->unit_id, c->actor->user_id, part);
	if (rc == DB_CONFLICT)
		*msg = "本单位已填写配合办理情况。";
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id,
				order_action_codes[OA_COOP], 0, part);
	if (rc == DB_OK)
		rc = audit_add(c, 0, "order.coop", "order", id, part);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK) {
		db_rollback(c->db);
		return db_status(rc);
	}
	return 0;
}

int order_lead_accepts(const struct ctx *c, long long id, long long dispute)
{
	struct order_lock_row *lk;
	int from, to;
	int rc = transit(c, id, OA_ACCEPT, &lk, &from, &to);
	/* Signed for already (or never sent): nothing to sign. */
	if (rc == DB_CONFLICT)
		return DB_OK;
	if (rc == DB_OK)
		rc = order_accept(c->db, c->a, id);
	if (rc == DB_OK)
		rc = order_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id,
				order_action_codes[OA_ACCEPT], 0,
				arena_printf(c->a, "接收争议 #%lld 认定", dispute));
	return rc;
}
