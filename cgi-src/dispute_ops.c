#include "dispute_ops.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit_store.h"
#include "bigram.h"
#include "calendar_store.h"
#include "db.h"
#include "order_ops.h"
#include "roles.h"
#include "step.h"
#include "workdays.h"

/* ---- opening ----------------------------------------------------------------- */

int dispute_file(const struct ctx *c, long long order_id, const char *note, long long *id,
		 const char **msg)
{
	*msg = NULL;
	int rc = db_begin(c->db);
	if (rc != DB_OK)
		return db_status(rc);
	struct order_row *o = NULL;
	long long return_id = 0;
	int st = order_refer(c, order_id, &o, &return_id, msg);
	char today[11], due[11];
	calendar_today(today);
	struct procedure_in_force_row *p = NULL;
	if (st == 0 && (rc = dispute_procedure_for(c->db, c->a, o->jur_id, today, &p)) != DB_OK)
		st = db_status(rc);
	if (st == 0 && p == NULL) {
		*msg = "该区域尚未配置争议认定程序，请先由系统管理员配置。";
		st = 409;
	}
	if (st == 0)
		rc = calendar_workdays_from_today(c->db, c->a, (int)p->opinion_days, today, due);
	if (st == 0 && rc == DB_OK)
		rc = dispute_open(c->db, c->a, order_id, return_id, c->actor->user_id, note, today, due,
			      bg_index_text(c->a, o->content), id);
	if (st == 0 && rc == DB_OK)
		rc = dispute_event(c->db, c->a, *id, c->actor->user_id, c->actor->unit_id, "open",
			       arena_printf(c->a, "工单 %s 提请争议认定%s%s", o->number,
					    *note ? "：" : "", note));
	if (st == 0 && rc == DB_OK)
		rc = order_referred(c, order_id, return_id, *id, note);
	if (st == 0 && rc == DB_OK)
		rc = db_commit(c->db);
	if (st == 0 && rc != DB_OK)
		st = db_status(rc);
	if (st)
		db_rollback(c->db);
	return st;
}

/* ---- what the rules know of a dispute ------------------------------------------ */

/* The view from the dispute's row (lock or page columns), its units and
 * its opinions, for the actor's unit. */
static void view_of(const struct actor *ac, const struct dispute_lock_row *l,
		    const struct dispute_unit_row *u, size_t nu,
		    const struct dispute_opinion_row *o, size_t no, struct dispute_view *v)
{
	memset(v, 0, sizeof *v);
	v->state = dispute_state_from_code(l->state);
	v->jur = l->jur_id;
	v->est = l->est_unit;
	v->legal = l->legal_unit;
	v->convener = l->convener_unit;
	v->review_days = (int)l->review_days;
	v->accept_days = (int)l->accept_days;
	v->lead = l->lead_unit;
	v->accept_due = l->accept_due;
	v->order_id = l->order_id;
	v->category = l->category_id;
	v->unbound = (int)l->unbound;
	for (size_t i = 0; i < nu; i++)
		if (u[i].unit_id == ac->unit_id) {
			v->involved = 1;
			v->owes_opinion = u[i].opinion == NULL;
		}
	for (size_t i = 0; i < no; i++)
		if (strcmp(o[i].kind, "refer") == 0)
			v->referred_legal = 1;
		else if (strcmp(o[i].stage, "meeting") == 0)
			v->had_meeting = 1;
}

/* The ids every opinion names as cooperating, as "1,2,3", and their
 * names in one query. */
static int load_names(const struct ctx *c, struct dispute_page *p)
{
	struct buf ids;
	buf_init(&ids, c->a);
	for (size_t i = 0; i < p->nopinions; i++) {
		for (const char *s = p->opinions[i].coop_ids; *s; s++)
			buf_add(&ids, *s == ' ' ? "," : s, 1);
		buf_add(&ids, ",", 1);
	}
	return dispute_unit_names(c->db, c->a, buf_str(&ids), &p->names, &p->nnames);
}

int dispute_load(const struct ctx *c, long long id, struct dispute_page *p)
{
	memset(p, 0, sizeof *p);
	int rc = dispute_get(c->db, c->a, id, &p->d);
	if (rc == DB_OK)
		rc = dispute_units(c->db, c->a, id, &p->units, &p->nunits);
	if (rc == DB_OK)
		rc = dispute_opinions(c->db, c->a, id, &p->opinions, &p->nopinions);
	if (rc == DB_OK)
		rc = load_names(c, p);
	if (rc != DB_OK)
		return db_status(rc);
	if (p->d == NULL)
		return 404;
	const struct dispute_row *d = p->d;
	const struct dispute_lock_row l = {
		.state = d->state, .jur_id = d->jur_id, .est_unit = d->est_unit,
		.legal_unit = d->legal_unit, .convener_unit = d->convener_unit,
		.review_days = d->review_days, .accept_days = d->accept_days,
		.lead_unit = d->lead_unit, .accept_due = d->accept_due,
		.order_id = d->order_id, .category_id = d->category_id,
		.unbound = d->unbound,
	};
	view_of(c->actor, &l, p->units, p->nunits, p->opinions, p->nopinions, &p->v);
	p->parties = dispute_parties(c->actor, &p->v);
	return dispute_visible(c->actor, &p->v, p->parties) ? 0 : 404;
}

const char *dispute_names_of(struct arena *a, const struct dispute_page *p, const char *ids)
{
	struct buf b;
	buf_init(&b, a);
	char *copy = arena_strdup(a, ids ? ids : ""), *save = NULL;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		long long id = strtoll(t, NULL, 10);
		for (size_t i = 0; i < p->nnames; i++)
			if (p->names[i].id == id) {
				if (b.len)
					buf_puts(&b, "、");
				buf_puts(&b, p->names[i].name);
			}
	}
	return buf_str(&b);
}

/* ---- the steps ----------------------------------------------------------------- */

/* What the hooks share about the dispute being changed. */
struct dispute_step {
	struct dispute_lock_row *lk;
	struct dispute_view v;
	unsigned parties;
	char today[11];
};

static const struct step_need needs[] = {
	{ DA_UNIT_OPINION, offsetof(struct dispute_input, opinion), NEED_TEXT, "请填写意见。", "opinion" },
	{ DA_COORDINATE, offsetof(struct dispute_input, opinion), NEED_TEXT, "请填写意见。", "opinion" },
	{ DA_EST_LEGAL, offsetof(struct dispute_input, opinion), NEED_TEXT, "请填写意见。", "opinion" },
	{ DA_DETERMINE, offsetof(struct dispute_input, opinion), NEED_TEXT, "请填写意见。", "opinion" },
	{ DA_CONTACT, offsetof(struct dispute_input, note), NEED_TEXT, "请填写告知来电人的内容。", "note" },
#define OPINION_NEEDS "认定意见须写明牵头单位、认定原则、依据和意见。"
#define OPINION_NEED(a)                                                           \
	{ a, offsetof(struct dispute_input, lead_unit), NEED_ID, OPINION_NEEDS, "lead_unit_id" },  \
	{ a, offsetof(struct dispute_input, opinion), NEED_TEXT, OPINION_NEEDS, "opinion" },  \
	{ a, offsetof(struct dispute_input, principle), NEED_TEXT, OPINION_NEEDS, "principle" }, \
	{ a, offsetof(struct dispute_input, basis), NEED_TEXT, OPINION_NEEDS, "basis" }
	OPINION_NEED(DA_EST_OPINION),
	OPINION_NEED(DA_LEGAL_OPINION),
	OPINION_NEED(DA_MEETING_DECIDE),
#define TEMPORARY_NEEDS "临时处理意见须写明临时承办单位和意见。"
	{ DA_EST_TEMPORARY, offsetof(struct dispute_input, temp_unit), NEED_ID, TEMPORARY_NEEDS, "temp_unit_id" },
	{ DA_EST_TEMPORARY, offsetof(struct dispute_input, opinion), NEED_TEXT, TEMPORARY_NEEDS, "opinion" },
	{ DA_LEGAL_TEMPORARY, offsetof(struct dispute_input, temp_unit), NEED_ID, TEMPORARY_NEEDS, "temp_unit_id" },
	{ DA_LEGAL_TEMPORARY, offsetof(struct dispute_input, opinion), NEED_TEXT, TEMPORARY_NEEDS, "opinion" },
	{ DA_REFUSE, offsetof(struct dispute_input, reason), NEED_TEXT, "拒绝接收须写明理由。", "reason" },
	{ DA_ACCOUNT, offsetof(struct dispute_input, facts), NEED_TEXT, "请填写问责事实。", "facts" },
	{ DA_UNBIND, offsetof(struct dispute_input, reason), NEED_TEXT,
	  "解除认定约束须写明理由。", "reason" },
	{ -1, 0, NEED_TEXT, NULL, NULL },
};

static const struct dispute_input *input(const struct step *s)
{
	return s->in;
}

static int lock(struct step *s)
{
	struct dispute_step *x = s->own;
	struct dispute_unit_row *u;
	struct dispute_opinion_row *o;
	size_t nu = 0, no = 0;
	int rc = dispute_lock(s->c->db, s->c->a, s->id, &x->lk);
	if (rc == DB_OK && x->lk != NULL)
		rc = dispute_units(s->c->db, s->c->a, s->id, &u, &nu);
	if (rc == DB_OK && x->lk != NULL)
		rc = dispute_opinions(s->c->db, s->c->a, s->id, &o, &no);
	if (rc != DB_OK || x->lk == NULL)
		return rc;
	s->row = x->lk;
	view_of(s->c->actor, x->lk, u, nu, o, no, &x->v);
	x->parties = dispute_parties(s->c->actor, &x->v);
	s->from = x->v.state;
	calendar_today(x->today);
	return DB_OK;
}

static int visible(const struct step *s)
{
	const struct dispute_step *x = s->own;
	return dispute_visible(s->c->actor, &x->v, x->parties);
}

static int next(const struct step *s)
{
	const struct dispute_step *x = s->own;
	return dispute_transition(x->v.state, (enum dispute_action)s->action, x->parties,
				  x->v.legal != 0, dispute_overdue(&x->v, x->today));
}

/* An involved unit that has answered already: a wrong state, not a
 * wrong role. */
static int answered_already(const struct step *s)
{
	const struct dispute_step *x = s->own;
	return s->action == DA_UNIT_OPINION && x->v.involved && !x->v.owes_opinion &&
	       caps_allow(s->c->actor->caps, 1, CAP_ORDER_HANDLE);
}

static int ever(const struct step *s)
{
	const struct dispute_step *x = s->own;
	if (answered_already(s))
		return 1;
	for (int st = 0; st < DS__MAX; st++)
		if (dispute_transition(st, (enum dispute_action)s->action, x->parties, 1, 1) >= 0)
			return 1;
	return 0;
}

static const char *wrong_state(const struct step *s)
{
	const struct dispute_step *x = s->own;
	if (answered_already(s))
		return "本单位已提交处理意见。";
	return arena_printf(s->c->a, "争议当前状态为“%s”，不能进行“%s”。",
			    dispute_state_labels[x->v.state], dispute_action_labels[s->action]);
}

/* A unit named in the form: active, handles orders, of the dispute's
 * jurisdiction or the city. */
static int unit_ok(struct step *s, long long unit)
{
	const struct dispute_step *x = s->own;
	struct order_unit_row *u;
	int rc = order_unit(s->c->db, s->c->a, unit, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL || (u->jur_id != x->v.jur && !u->city)) {
		s->msg = "所选单位不存在、已停用，或不属于该区域。";
		return 400;
	}
	return 0;
}

/* Each cooperating unit is a unit unit_ok allows: one of another county,
 * or none at all, would otherwise only fail at the determination. */
static int coops_ok(struct step *s)
{
	const struct dispute_input *in = input(s);
	for (size_t i = 0; i < in->ncoops; i++) {
		int st = in->coops[i] == in->lead_unit ? 0 : unit_ok(s, in->coops[i]);
		if (st)
			return st;
	}
	return 0;
}

static int has_coordination(struct step *s, int *yes)
{
	struct dispute_opinion_row *o;
	size_t n;
	int rc = dispute_opinions(s->c->db, s->c->a, s->id, &o, &n);
	*yes = 0;
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		if (strcmp(o[i].kind, "coordination") == 0)
			*yes = 1;
	return rc;
}

static int check(struct step *s)
{
	const struct dispute_input *in = input(s);
	switch ((enum dispute_action)s->action) {
	case DA_REFER: {
		int yes = 0;
		int rc = has_coordination(s, &yes);
		if (rc != DB_OK)
			return db_status(rc);
		if (!yes) {
			s->msg = "转办前须先填写并盖章“管理办协调情况”。";
			return 409;
		}
		return 0;
	}
	case DA_EST_OPINION:
	case DA_LEGAL_OPINION:
	case DA_MEETING_DECIDE: {
		if (dispute_principle_label(in->principle) == NULL) {
			s->msg = OPINION_NEEDS;
			return 400;
		}
		int st = unit_ok(s, in->lead_unit);
		return st ? st : coops_ok(s);
	}
	case DA_EST_TEMPORARY:
	case DA_LEGAL_TEMPORARY:
		return unit_ok(s, in->temp_unit);
	case DA_UNBIND: {
		const struct dispute_step *x = s->own;
		if (x->v.unbound) {
			s->msg = "认定约束已经解除。";
			return 409;
		}
		return 0;
	}
	default:
		return 0;
	}
}

/* The cooperating units but the lead, space-separated. */
static const char *coop_text(struct arena *a, const struct dispute_input *in)
{
	struct buf b;
	buf_init(&b, a);
	for (size_t i = 0; i < in->ncoops; i++)
		if (in->coops[i] != in->lead_unit)
			buf_printf(&b, "%s%lld", b.len ? " " : "", in->coops[i]);
	return buf_str(&b);
}

/* The determination: the order goes to the lead unit with its
 * cooperating units; each is recorded on the dispute. */
static int determine(struct step *s)
{
	struct dispute_step *x = s->own;
	const struct ctx *c = s->c;
	const char *opinion = input(s)->opinion;
	struct dispute_deciding_row *dec;
	int rc = dispute_deciding(c->db, c->a, s->id, &dec);
	if (rc != DB_OK)
		return rc;
	if (dec == NULL)
		return DB_CONFLICT;
	/* The lead accepts within accept_days working days. */
	struct wd_calendar cal;
	char accept_due[11] = "";
	rc = calendar_load(c->db, c->a, &cal);
	if (rc == DB_OK) {
		int d = 0;
		wd_parse(x->today, &d);
		wd_format(dispute_due(&cal, d, x->v.accept_days), accept_due);
		rc = dispute_determine(c->db, c->a, s->id, dec->lead_id, dec->principle, opinion,
				   c->actor->user_id, accept_due);
	}
	if (rc == DB_OK)
		rc = dispute_unit_role(c->db, c->a, s->id, dec->lead_id, "lead", accept_due);
	/* The order first: its due date is the cooperating units' too. */
	if (rc == DB_OK)
		rc = order_determined(c, x->v.order_id, dec->lead_id, s->id, opinion);
	char *coops = arena_strdup(c->a, dec->coop_ids), *save = NULL;
	for (char *t = strtok_r(coops, " ", &save); rc == DB_OK && t;
	     t = strtok_r(NULL, " ", &save)) {
		long long u = strtoll(t, NULL, 10);
		rc = dispute_unit_role(c->db, c->a, s->id, u, "coop", accept_due);
		if (rc == DB_OK)
			rc = dispute_coop(c->db, c->a, x->v.order_id, u, s->id);
	}
	s->note = arena_printf(c->a, "%s（接收期限 %s）", opinion, accept_due);
	return rc;
}

/* The sealed opinion of a stage. */
static int seal(struct step *s, const char *stage, const char *kind)
{
	const struct dispute_input *in = input(s);
	const struct actor *ac = s->c->actor;
	struct dispute_opinion op = {
		.stage = stage, .kind = kind, .text = in->opinion ? in->opinion : "",
		.basis = in->basis ? in->basis : "", .seal_unit = ac->unit_id, .user = ac->user_id,
	};
	if (strcmp(kind, "opinion") == 0) {
		op.lead_unit = in->lead_unit;
		op.coop_units = coop_text(s->c->a, in);
		op.principle = in->principle;
	} else if (strcmp(kind, "temporary") == 0) {
		op.temp_unit = in->temp_unit;
	}
	return dispute_opinion(s->c->db, s->c->a, s->id, &op);
}

/* The state change with the next stage's deadline (review_days working
 * days from today), the note saying when. */
static int to_review(struct step *s, const char *prefix)
{
	const struct dispute_step *x = s->own;
	char today[11], due[11] = "";
	int rc = calendar_workdays_from_today(s->c->db, s->c->a, x->v.review_days, today, due);
	s->note = *prefix ? arena_printf(s->c->a, "%s（审核期限 %s）", prefix, due)
			  : arena_printf(s->c->a, "审核期限 %s（%d 个工作日）", due, x->v.review_days);
	return rc == DB_OK ? dispute_set_state(s->c->db, s->c->a, s->id,
					   dispute_state_codes[s->from], dispute_state_codes[s->to],
					   due)
			   : rc;
}

static int apply(struct step *s)
{
	struct dispute_step *x = s->own;
	const struct dispute_input *in = input(s);
	const struct ctx *c = s->c;
	const struct actor *ac = c->actor;
	const char *from = dispute_state_codes[s->from], *to = dispute_state_codes[s->to];
	int rc;
	s->note = in->opinion ? in->opinion : "";
	switch ((enum dispute_action)s->action) {
	case DA_UNIT_OPINION:
		return dispute_unit_opinion(c->db, c->a, s->id, ac->unit_id, ac->user_id, in->opinion);
	case DA_COORDINATE:
		return seal(s, "office", "coordination");
	case DA_CONTACT:
		s->note = in->note;
		return dispute_contact(c->db, c->a, s->id, ac->user_id, in->note);
	case DA_REFER:
		return to_review(s, "");
	case DA_EST_OPINION:
	case DA_LEGAL_OPINION:
	case DA_MEETING_DECIDE:
		rc = seal(s, s->action == DA_EST_OPINION ? "establishment"
			     : s->action == DA_LEGAL_OPINION ? "legal" : "meeting", "opinion");
		return rc == DB_OK ? dispute_set_state(c->db, c->a, s->id, from, to, NULL) : rc;
	case DA_EST_LEGAL:
		rc = seal(s, "establishment", "refer");
		return rc == DB_OK ? to_review(s, in->opinion) : rc;
	case DA_EST_TEMPORARY:
	case DA_LEGAL_TEMPORARY:
		rc = seal(s, s->action == DA_EST_TEMPORARY ? "establishment" : "legal", "temporary");
		if (rc == DB_OK)
			rc = dispute_temp_unit(c->db, c->a, s->id, in->temp_unit);
		if (rc == DB_OK)
			rc = order_temporary(c, x->v.order_id, in->temp_unit, s->id, in->opinion);
		return rc == DB_OK ? dispute_set_state(c->db, c->a, s->id, from, to, NULL) : rc;
	case DA_DETERMINE:
		return determine(s);
	case DA_ACCEPT:
		s->note = "已接收认定";
		rc = dispute_answer(c->db, c->a, s->id, to, NULL);
		/* Accepting the determination signs for the order too. */
		return rc == DB_OK ? order_lead_accepts(c, x->v.order_id, s->id) : rc;
	case DA_REFUSE:
		s->note = in->reason;
		return dispute_answer(c->db, c->a, s->id, to, in->reason);
	case DA_UNBIND:
		s->note = in->reason;
		return dispute_unbind(c->db, c->a, s->id, in->reason);
	case DA_ACCOUNT: {
		long long id;
		s->note = in->facts;
		return dispute_account(c->db, c->a, s->id, x->v.lead, in->facts, ac->user_id, &id);
	}
	default:
		return DB_CONFLICT;
	}
}

static int event(struct step *s)
{
	const struct actor *ac = s->c->actor;
	return dispute_event(s->c->db, s->c->a, s->id, ac->user_id, ac->unit_id,
			 dispute_action_codes[s->action], s->note);
}

static const struct step_rules rules = {
	.object = "dispute",
	.audit_prefix = "dispute.",
	.action_codes = dispute_action_codes,
	.conflict = "争议已被他人处理，请刷新后重试。",
	.forbidden = "您无权进行此步骤。",
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

int dispute_act(const struct ctx *c, long long id, enum dispute_action a,
		const struct dispute_input *in, const char **msg)
{
	struct dispute_step x;
	memset(&x, 0, sizeof x);
	struct step s = { .c = c, .id = id, .action = (int)a, .in = in, .own = &x };
	int st = step_run(&rules, &s);
	*msg = s.msg;
	return st;
}

int dispute_act_in_tx(const struct ctx *c, long long id, enum dispute_action a,
		      const struct dispute_input *in, const char **msg)
{
	struct dispute_step x;
	memset(&x, 0, sizeof x);
	struct step s = { .c = c, .id = id, .action = (int)a, .in = in, .own = &x };
	int st = step_in_tx(&rules, &s);
	*msg = s.msg;
	return st;
}

int dispute_review(const struct ctx *c, long long id, const char *decision,
		   const struct dispute_input *in, const char **msg, const char **done)
{
	*msg = NULL;
	struct dispute_lock_row *d;
	int rc = dispute_peek(c->db, c->a, id, &d);
	if (rc != DB_OK)
		return db_status(rc);
	if (d == NULL)
		return 404;
	/* Past both reviews, 法制局's reviewer is still 法制局: its late
	 * opinion is a wrong state (409), not 编办's step (403). */
	int legal = strcmp(d->state, "legal") == 0 ||
		    (strcmp(d->state, "establishment") != 0 && d->legal_unit &&
		     d->legal_unit == c->actor->unit_id);
	*done = "sealed";
	if (strcmp(decision, "opinion") == 0)
		return dispute_act(c, id, legal ? DA_LEGAL_OPINION : DA_EST_OPINION, in, msg);
	if (strcmp(decision, "temporary") == 0)
		return dispute_act(c, id, legal ? DA_LEGAL_TEMPORARY : DA_EST_TEMPORARY, in, msg);
	*done = "referred";
	if (strcmp(decision, "legal") == 0)
		return dispute_act(c, id, DA_EST_LEGAL, in, msg);
	/* No such decision: say so only to who may see the dispute. */
	struct dispute_page p;
	int st = dispute_load(c, id, &p);
	if (st)
		return st;
	*msg = "请选择意见类型：认定意见、转市法制局或临时处理意见。";
	return 400;
}

size_t dispute_missing(enum dispute_action a, const struct dispute_input *in,
		       const char **out, size_t max)
{
	return step_missing_fields(needs, (int)a, in, out, max);
}

size_t dispute_review_missing(const char *decision, const struct dispute_input *in,
			      const char **out, size_t max)
{
	/* 编办's and 法制局's steps need the same fields. */
	int a = strcmp(decision, "opinion") == 0	 ? DA_EST_OPINION
		: strcmp(decision, "temporary") == 0 ? DA_EST_TEMPORARY
		: strcmp(decision, "legal") == 0     ? DA_EST_LEGAL
						     : -1;
	return a < 0 ? 0 : step_missing_fields(needs, a, in, out, max);
}

int dispute_make_rule(const struct ctx *c, long long id, const char *keywords, const char **msg)
{
	*msg = NULL;
	struct dispute_page p;
	int st = dispute_load(c, id, &p);
	if (st)
		return st;
	if (!(p.parties & (1u << DP_OFFICE))) {
		*msg = "只有管理办可以生成派单规则。";
		return 403;
	}
	if (p.v.lead == 0 || p.v.category == 0) {
		*msg = "尚未出具认定意见，不能生成派单规则。";
		return 409;
	}
	int rc = db_begin(c->db), dup = 0;
	if (rc == DB_OK)
		rc = dispute_rule_exists(c->db, c->a, p.v.category, p.v.jur, keywords, p.v.lead, &dup);
	if (rc == DB_OK && dup) {
		db_rollback(c->db);
		*msg = "已有相同的派单规则。";
		return 409;
	}
	if (rc == DB_OK)
		rc = dispute_rule(c->db, c->a, p.v.category, p.v.jur, keywords, p.v.lead,
			      c->actor->user_id, id);
	const char *note = arena_printf(c->a, "%s × %s%s%s → %s", p.d->category, p.d->jur,
					*keywords ? "（关键词：" : "",
					*keywords ? arena_printf(c->a, "%s）", keywords) : "",
					p.d->lead_name);
	if (rc == DB_OK)
		rc = dispute_event(c->db, c->a, id, c->actor->user_id, c->actor->unit_id, "rule", note);
	if (rc == DB_OK)
		rc = audit_add(c, 0, "dispute.rule", "dispute", id, note);
	if (rc == DB_OK)
		rc = db_commit(c->db);
	if (rc != DB_OK) {
		db_rollback(c->db);
		return db_status(rc);
	}
	return 0;
}
