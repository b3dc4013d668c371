/* 争议工单 (D2-D8): the determination procedure from referral to the
 * lead unit's acceptance. Who may take which step is dispute.c's table;
 * here each request works out which parties the actor is for the dispute
 * (the office in scope, an involved or lead unit, the procedure's 编办,
 * 法制局 or convener). Joint meetings and accountability records are in
 * h_meetings.c; the printable 争议认定表 in h_dispute_form.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_store.h"
#include "bigram.h"
#include "calendar_store.h"
#include "db.h"
#include "dispute.h"
#include "dispute_store.h"
#include "handlers.h"
#include "order.h"
#include "order_store.h"
#include "roles.h"
#include "tmpl.h"
#include "view.h"

#define LIST_PAGE 50

/* ---- opening (from an order; called by h_orders.c) ---------------------- */

int dispute_open(struct req *r, long long order_id, long long return_id,
		 const char *note, long long *id)
{
	struct dbres o, p;
	int rc = ords_get(r->db, r->a, order_id, &o);
	if (rc != DB_OK)
		return rc;
	if (o.nrows != 1)
		return DB_FK;
	char today[11], due[11];
	calendar_today(today);
	rc = dss_procedure_for(r->db, r->a, db_int(&o, 0, ORD_JUR_ID), today, &p);
	if (rc != DB_OK)
		return rc;
	if (p.nrows != 1)
		return DB_FK;
	rc = calendar_workdays_from_today(r->db, r->a, (int)db_int(&p, 0, 8), today, due);
	if (rc != DB_OK)
		return rc;
	const char *bg = bg_index_text(r->a, db_cell(&o, 0, ORD_CONTENT));
	rc = dss_open(r->db, r->a, order_id, return_id, r->actor->user_id, note, today,
		      due, bg, id);
	if (rc == DB_OK)
		rc = dss_event(r->db, r->a, *id, r->actor->user_id, r->actor->unit_id,
			       "open", arena_printf(r->a, "工单 %s 提请争议认定%s%s",
						    db_cell(&o, 0, ORD_NUMBER), *note ? "：" : "", note));
	return rc;
}

/* ---- parties ------------------------------------------------------------ */

struct dview {
	int state;
	long long jur, est, legal, convener, lead, order_id, category;
	int review_days, accept_days;
	const char *accept_due;
	int referred_legal;     /* 编办 referred it on to 法制局 */
	int had_meeting;        /* a joint meeting decided it */
	int involved;           /* the actor's unit is an involved unit */
	int owes_opinion;       /* ... that has not given its opinion */
};

static unsigned parties_of(const struct actor *ac, const struct dview *v)
{
	unsigned m = 0;
	if (caps_allow(ac->caps, 1, CAP_DISPATCH) &&
	    (ac->scope_jur == 0 || ac->scope_jur == v->jur))
		m |= 1u << DP_OFFICE;
	if (caps_allow(ac->caps, 1, CAP_ORDER_HANDLE) && v->owes_opinion)
		m |= 1u << DP_INVOLVED;
	if (caps_allow(ac->caps, 1, CAP_ORDER_HANDLE) && v->lead && ac->unit_id == v->lead)
		m |= 1u << DP_LEAD;
	if (caps_allow(ac->caps, 1, CAP_DISPUTE_REVIEW) && ac->unit_id == v->est)
		m |= 1u << DP_ESTABLISHMENT;
	if (caps_allow(ac->caps, 1, CAP_DISPUTE_REVIEW) && v->legal && ac->unit_id == v->legal)
		m |= 1u << DP_LEGAL;
	if (caps_allow(ac->caps, 1, CAP_MEETING) && ac->unit_id == v->convener)
		m |= 1u << DP_CONVENER;
	return m;
}

/* Who sees a dispute: the office in scope, its involved and lead units,
 * the 编办 once it is referred, the 法制局 once referred on, the convener
 * once a meeting is asked for. */
static int visible(const struct actor *ac, const struct dview *v, unsigned parties)
{
	if (parties & (1u << DP_OFFICE))
		return 1;
	if (v->involved && caps_allow(ac->caps, 1, CAP_ORDER_HANDLE))
		return 1;
	if ((parties & (1u << DP_ESTABLISHMENT)) && v->state != DS_OPEN)
		return 1;
	if ((parties & (1u << DP_LEGAL)) && v->referred_legal)
		return 1;
	if (parties & (1u << DP_CONVENER))
		return v->state == DS_MEETING || v->had_meeting;
	return 0;
}

/* What the checks need, from a dispute row (dss_lock's columns), its
 * involved units and its opinions. */
enum { V_STATE, V_JUR, V_EST, V_LEGAL, V_CONVENER, V_REVIEW_DAYS, V_ACCEPT_DAYS,
       V_LEAD, V_ACCEPT_DUE, V_ORDER, V_CATEGORY, V__COLS };
/* Where those columns are in a dss_lock / dss_peek row, and in a dss_get
 * row (the page reads the dispute once). */
static const size_t lock_cols[V__COLS] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
static const size_t get_cols[V__COLS] = {
	DSP_STATE, DSP_JUR_ID, DSP_EST_UNIT, DSP_LEGAL_UNIT, DSP_CONVENER_UNIT,
	DSP_REVIEW_DAYS, DSP_ACCEPT_DAYS, DSP_LEAD_UNIT, DSP_ACCEPT_DUE, DSP_ORDER_ID,
	DSP_CATEGORY_ID,
};

static long long int_or_0(const struct dbres *r, size_t col)
{
	return db_cell(r, 0, col) ? db_int(r, 0, col) : 0;
}

static void load_view(struct req *r, const struct dbres *row, const size_t col[V__COLS],
		      const struct dbres *u, const struct dbres *o, struct dview *v)
{
	memset(v, 0, sizeof *v);
	v->state = dispute_state_from_code(db_cell(row, 0, col[V_STATE]));
	v->jur = db_int(row, 0, col[V_JUR]);
	v->est = int_or_0(row, col[V_EST]);
	v->legal = int_or_0(row, col[V_LEGAL]);
	v->convener = int_or_0(row, col[V_CONVENER]);
	v->review_days = (int)int_or_0(row, col[V_REVIEW_DAYS]);
	v->accept_days = (int)int_or_0(row, col[V_ACCEPT_DAYS]);
	v->lead = int_or_0(row, col[V_LEAD]);
	v->accept_due = db_cell(row, 0, col[V_ACCEPT_DUE]);
	v->order_id = db_int(row, 0, col[V_ORDER]);
	v->category = int_or_0(row, col[V_CATEGORY]);
	for (size_t i = 0; i < u->nrows; i++)
		if (db_int(u, i, 0) == r->actor->unit_id) {
			v->involved = 1;
			v->owes_opinion = db_cell(u, i, 3) == NULL;
		}
	for (size_t i = 0; i < o->nrows; i++)
		if (strcmp(db_cell(o, i, 1), "refer") == 0)
			v->referred_legal = 1;
		else if (strcmp(db_cell(o, i, 0), "meeting") == 0)
			v->had_meeting = 1;
}

/* The involved units and the opinions of the dispute r->id. */
static int load_units_opinions(struct req *r, struct dbres *u, struct dbres *o)
{
	int rc = dss_units(r->db, r->a, r->id, u);
	return rc == DB_OK ? dss_opinions(r->db, r->a, r->id, o) : rc;
}

static int overdue(const struct dview *v, const char *today)
{
	return v->state == DS_DETERMINED && v->accept_due && strcmp(v->accept_due, today) < 0;
}

/* ---- the dispute page --------------------------------------------------- */

static const char *stage_label(const char *stage)
{
	if (strcmp(stage, "office") == 0)
		return "管理办协调情况";
	if (strcmp(stage, "establishment") == 0)
		return "编办意见";
	if (strcmp(stage, "legal") == 0)
		return "法制局意见";
	return "联席会议决定";
}

static const char *kind_label(const char *kind)
{
	if (strcmp(kind, "refer") == 0)
		return "转市法制局";
	if (strcmp(kind, "temporary") == 0)
		return "临时处理意见（提请联席会议）";
	if (strcmp(kind, "coordination") == 0)
		return "协调情况";
	return "认定意见";
}

const char *dispute_unit_names(struct req *r, const struct dispute_rows *rows,
			       const char *ids)
{
	struct buf b;
	buf_init(&b, r->a);
	char *copy = arena_strdup(r->a, ids ? ids : ""), *save = NULL;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
		for (size_t i = 0; i < rows->coop_names.nrows; i++)
			if (strcmp(db_cell(&rows->coop_names, i, 0), t) == 0) {
				if (b.len)
					buf_puts(&b, "、");
				buf_puts(&b, db_cell(&rows->coop_names, i, 1));
			}
	return buf_str(&b);
}

/* The opinions, in the order given, as OPINION sections. */
static void fill_opinions(struct req *r, struct tdict *d, const struct dispute_rows *rows)
{
	const struct dbres *o = &rows->opinions;
	for (size_t i = 0; i < o->nrows; i++) {
		const char *stage = db_cell(o, i, 0);
		struct tdict *s = tmpl_section(d, "OPINION");
		tmpl_set(s, "STAGE", stage);
		tmpl_set(s, "STAGE_LABEL", stage_label(stage));
		tmpl_set(s, "KIND", kind_label(db_cell(o, i, 1)));
		tmpl_set(s, "TEXT", db_cell(o, i, 2));
		if (db_cell(o, i, 3)) {
			struct tdict *l = tmpl_section(s, "LEAD");
			tmpl_set(l, "NAME", db_cell(o, i, 3));
			const char *coops = dispute_unit_names(r, rows, db_cell(o, i, 4));
			if (*coops)
				tmpl_set(tmpl_section(l, "COOPS"), "NAMES", coops);
		}
		const char *pr = dispute_principle_label(db_cell(o, i, 5));
		if (pr)
			tmpl_set(tmpl_section(s, "PRINCIPLE"), "LABEL", pr);
		if (db_cell(o, i, 6) && *db_cell(o, i, 6))
			tmpl_set(tmpl_section(s, "BASIS"), "TEXT", db_cell(o, i, 6));
		if (db_cell(o, i, 7))
			tmpl_set(tmpl_section(s, "TEMP"), "NAME", db_cell(o, i, 7));
		struct tdict *seal = tmpl_section(s, "SEAL");
		tmpl_set(seal, "UNIT", db_cell(o, i, 8));
		tmpl_set(seal, "DATE", db_cell(o, i, 13));
		tmpl_set(s, "BY", db_cell(o, i, 9));
		tmpl_set(s, "AT", db_cell(o, i, 10));
	}
}

static void fill_units_section(struct tdict *d, const struct dbres *u)
{
	for (size_t i = 0; i < u->nrows; i++) {
		struct tdict *s = tmpl_section(d, "UNIT");
		tmpl_set(s, "NAME", db_cell(u, i, 1));
		tmpl_set(s, "DUE", db_cell(u, i, 2));
		const char *role = db_cell(u, i, 6);
		tmpl_set(s, "ROLE", strcmp(role, "lead") == 0 ? "牵头单位"
				    : strcmp(role, "coop") == 0 ? "配合单位" : "涉及单位");
		if (db_cell(u, i, 3)) {
			struct tdict *o = tmpl_section(s, "ANSWERED");
			tmpl_set(o, "OPINION", db_cell(u, i, 3));
			tmpl_set(o, "BY", db_cell(u, i, 4) ? db_cell(u, i, 4) : "");
			tmpl_set(o, "AT", db_cell(u, i, 5) ? db_cell(u, i, 5) : "");
		} else {
			tmpl_show(s, "WAITING");
		}
	}
}

void dispute_fill_head(struct req *r, struct tdict *d, const struct dispute_rows *rows)
{
	const struct dbres *g = &rows->get, *u = &rows->units;
	static const struct { const char *key; int col; } cols[] = {
		{ "ID", DSP_ID }, { "ORDER_ID", DSP_ORDER_ID }, { "NUMBER", DSP_NUMBER },
		{ "CATEGORY", DSP_CATEGORY }, { "JUR", DSP_JUR }, { "CONTENT", DSP_CONTENT },
		{ "STAGE_DUE", DSP_STAGE_DUE }, { "OPENED", DSP_OPENED },
		{ "OPENED_BY", DSP_OPENED_BY }, { "EST", DSP_EST_NAME },
		{ "LEGAL", DSP_LEGAL_NAME }, { "CONVENER", DSP_CONVENER_NAME },
		{ "LEAD", DSP_LEAD_NAME }, { "DETERMINATION", DSP_DETERMINATION },
		{ "DETERMINED", DSP_DETERMINED }, { "ACCEPT_DUE", DSP_ACCEPT_DUE },
		{ "ANSWERED", DSP_ANSWERED }, { "REFUSAL", DSP_REFUSAL },
		{ "CONTACT_NAME", DSP_CONTACT_NAME }, { "CONTACT_PHONE", DSP_CONTACT_PHONE },
		{ "TEMP_UNIT", DSP_TEMP_UNIT_NAME }, { "NOTE", DSP_NOTE },
		{ "OFFICE", DSP_OFFICE_NAME },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		const char *v = db_cell(g, 0, (size_t)cols[i].col);
		tmpl_set(d, cols[i].key, v ? v : "");
	}
	int st = dispute_state_from_code(db_cell(g, 0, DSP_STATE));
	tmpl_set(d, "STATE", st >= 0 ? dispute_state_labels[st] : "");
	tmpl_set(d, "STATE_CODE", db_cell(g, 0, DSP_STATE));
	const char *pr = dispute_principle_label(db_cell(g, 0, DSP_PRINCIPLE));
	tmpl_set(d, "PRINCIPLE", pr ? pr : "");
	if (db_cell(g, 0, DSP_LEGAL_NAME) == NULL)
		tmpl_show(d, "NO_LEGAL_STEP");
	fill_units_section(d, u);
	struct buf names;
	buf_init(&names, r->a);
	for (size_t i = 0; i < u->nrows; i++) {
		if (names.len)
			buf_puts(&names, "、");
		buf_puts(&names, db_cell(u, i, 1));
	}
	tmpl_set(d, "UNIT_NAMES", buf_str(&names));
	fill_opinions(r, d, rows);
}

static int fill_timeline(struct req *r, struct tdict *d)
{
	struct dbres ev, c;
	int rc = dss_events(r->db, r->a, r->id, &ev);
	if (rc == DB_OK)
		rc = dss_contacts(r->db, r->a, r->id, &c);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < ev.nrows; i++) {
		struct tdict *e = tmpl_section(d, "EVENT");
		tmpl_set(e, "AT", db_cell(&ev, i, 0));
		tmpl_set(e, "WHO", db_cell(&ev, i, 1) ? db_cell(&ev, i, 1) : "系统");
		if (db_cell(&ev, i, 2))
			tmpl_set(tmpl_section(e, "IN_UNIT"), "UNIT", db_cell(&ev, i, 2));
		const char *kind = db_cell(&ev, i, 3);
		const char *label = strcmp(kind, "open") == 0 ? "提请争议认定" : kind;
		for (int a = 0; a < DA__MAX; a++)
			if (strcmp(dispute_action_codes[a], kind) == 0)
				label = dispute_action_labels[a];
		if (strcmp(kind, "rule") == 0)
			label = "生成派单规则";
		tmpl_set(e, "ACTION", label);
		tmpl_set(e, "NOTE", db_cell(&ev, i, 4) ? db_cell(&ev, i, 4) : "");
	}
	for (size_t i = 0; i < c.nrows; i++) {
		struct tdict *e = tmpl_section(d, "CONTACT");
		tmpl_set(e, "AT", db_cell(&c, i, 0));
		tmpl_set(e, "WHO", db_cell(&c, i, 1));
		tmpl_set(e, "WHAT", db_cell(&c, i, 2));
	}
	if (c.nrows == 0)
		tmpl_show(d, "NO_CONTACT");
	return 0;
}

static int fill_similar(struct req *r, struct tdict *d, const struct dbres *g)
{
	/* Similar content: the bigrams of the content's terms (question and
	 * filler words cut), at most 16, as a natural-language query. */
	int n = 0;
	const char *terms = bg_content_terms(r->a, db_cell(g, 0, DSP_CONTENT), &n);
	char *q = terms ? bg_index_text(r->a, terms) : NULL;
	for (int k = 0, sp = 0; q && q[k]; k++)
		if (q[k] == ' ' && ++sp == 16) {
			q[k] = '\0';
			break;
		}
	struct dbres s;
	int rc = dss_similar(r->db, r->a, r->id,
			     db_cell(g, 0, DSP_CATEGORY_ID) ? db_int(g, 0, DSP_CATEGORY_ID) : 0,
			     q, &s);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < s.nrows; i++) {
		struct tdict *e = tmpl_section(d, "SIMILAR");
		tmpl_set(e, "ID", db_cell(&s, i, 0));
		tmpl_set(e, "NUMBER", db_cell(&s, i, 1));
		tmpl_set(e, "CATEGORY", db_cell(&s, i, 2) ? db_cell(&s, i, 2) : "");
		tmpl_set(e, "LEAD", db_cell(&s, i, 3));
		tmpl_set(e, "AT", db_cell(&s, i, 4));
		tmpl_set(e, "TEXT", db_cell(&s, i, 5) ? db_cell(&s, i, 5) : "");
	}
	if (s.nrows == 0)
		tmpl_show(d, "NO_SIMILAR");
	return 0;
}

/* The action sections the actor may use now (ACT_<CODE>). */
static void fill_actions(struct tdict *d, const struct dview *v, unsigned parties,
			 const char *today)
{
	static const char *const sections[DA__MAX] = {
		[DA_UNIT_OPINION] = "ACT_UNIT_OPINION", [DA_COORDINATE] = "ACT_COORDINATE",
		[DA_CONTACT] = "ACT_CONTACT", [DA_REFER] = "ACT_REFER",
		[DA_EST_OPINION] = "ACT_REVIEW", [DA_LEGAL_OPINION] = "ACT_REVIEW",
		[DA_EST_LEGAL] = "ACT_EST_LEGAL", [DA_DETERMINE] = "ACT_DETERMINE",
		[DA_ACCEPT] = "ACT_ANSWER", [DA_ACCOUNT] = "ACT_ACCOUNT",
	};
	int any = 0;
	for (int a = 0; a < DA__MAX; a++) {
		if (sections[a] == NULL ||
		    dispute_transition(v->state, (enum dispute_action)a, parties,
				       v->legal != 0, overdue(v, today)) < 0)
			continue;
		tmpl_show(d, sections[a]);
		any = 1;
	}
	if (v->state == DS_MEETING && (parties & (1u << DP_OFFICE)))
		tmpl_show(d, "ACT_PROPOSE"), any = 1;
	if ((v->state == DS_DETERMINED || v->state == DS_ACCEPTED || v->state == DS_REFUSED) &&
	    (parties & (1u << DP_OFFICE)))
		tmpl_show(d, "ACT_RULE"), any = 1;
	if (any)
		tmpl_show(d, "ACTIONS");
	for (const struct dispute_code *p = dispute_principles; p->code; p++) {
		struct tdict *o = tmpl_section(d, "PRINCIPLE_OPT");
		tmpl_set(o, "CODE", p->code);
		tmpl_set(o, "LABEL", p->label);
	}
}

/* The ids every opinion names as cooperating, as "1,2,3", and their
 * names in one query. */
static int load_coop_names(struct req *r, struct dispute_rows *rows)
{
	struct buf ids;
	buf_init(&ids, r->a);
	for (size_t i = 0; i < rows->opinions.nrows; i++) {
		const char *c = db_cell(&rows->opinions, i, 4);
		for (; c && *c; c++)
			buf_add(&ids, *c == ' ' ? "," : c, 1);
		buf_add(&ids, ",", 1);
	}
	return dss_unit_names(r->db, r->a, buf_str(&ids), &rows->coop_names);
}

/* Loads the dispute of the path for the actor: 0, or 404 when it does not
 * exist or is not theirs to see. */
static int load(struct req *r, struct dispute_rows *rows, struct dview *v, unsigned *parties)
{
	int rc = dss_get(r->db, r->a, r->id, &rows->get);
	if (rc == DB_OK)
		rc = load_units_opinions(r, &rows->units, &rows->opinions);
	if (rc == DB_OK)
		rc = load_coop_names(r, rows);
	if (rc != DB_OK)
		return db_status(rc);
	if (rows->get.nrows != 1)
		return 404;
	load_view(r, &rows->get, get_cols, &rows->units, &rows->opinions, v);
	*parties = parties_of(r->actor, v);
	return visible(r->actor, v, *parties) ? 0 : 404;
}

int dispute_load_visible(struct req *r, struct dispute_rows *rows, unsigned *parties)
{
	struct dview v;
	return load(r, rows, &v, parties);
}

int h_dispute_view(struct req *r)
{
	struct dispute_rows rows;
	struct dview v;
	unsigned parties;
	int st = load(r, &rows, &v, &parties);
	if (st)
		return st;
	char today[11];
	calendar_today(today);
	int rc;
	struct tdict *d = view_page(r, arena_printf(r->a, "争议认定 · 工单 %s",
						   db_cell(&rows.get, 0, DSP_NUMBER)), "disputes/view.tpl");
	dispute_fill_head(r, d, &rows);
	st = fill_timeline(r, d);
	if (st == 0 && (parties & (1u << DP_OFFICE)))
		st = fill_similar(r, d, &rows.get);
	struct dbres units;
	if (st == 0 && (rc = ords_units(r->db, r->a, v.jur, &units)) != DB_OK)
		st = db_status(rc);
	if (st)
		return st;
	order_unit_options(r, d, &units, "UNIT_OPT", 0, 0, 0);
	if (parties & (1u << DP_OFFICE))
		tmpl_show(d, "OFFICE_VIEW");
	/* The countdown of the step under way, in working days. */
	const char *due = db_cell(&rows.get, 0, DSP_STAGE_DUE);
	if (due && (v.state == DS_OPEN || v.state == DS_ESTABLISHMENT || v.state == DS_LEGAL)) {
		struct wd_calendar cal;
		int t = 0, e = 0;
		rc = calendar_load(r->db, r->a, &cal);
		if (rc != DB_OK)
			return db_status(rc);
		wd_parse(today, &t);
		wd_parse(due, &e);
		struct tdict *c = tmpl_section(d, "COUNTDOWN");
		tmpl_set(c, "DUE", due);
		if (e < t)
			tmpl_set_int(tmpl_section(c, "LATE"), "DAYS", wd_between(&cal, e, t));
		else
			tmpl_set_int(tmpl_section(c, "LEFT"), "DAYS", wd_between(&cal, t, e));
	}
	if (overdue(&v, today))
		tmpl_show(d, "ACCEPT_OVERDUE");
	fill_actions(d, &v, parties, today);
	return view_finish(r, 200);
}

/* ---- actions ------------------------------------------------------------ */

/* The cooperating unit ids of the form (repeated coop_unit_id) but the
 * lead, as a space-separated list; NULL when one is not valid or there
 * are more than 64. */
static const char *coop_ids(struct req *r, long long lead)
{
	long long ids[64];
	size_t n = 0;
	if (form_ints(&r->form, F_COOP_UNIT_ID, ids, 64, &n) < 0)
		return NULL;
	struct buf b;
	buf_init(&b, r->a);
	for (size_t i = 0; i < n; i++)
		if (ids[i] != lead)
			buf_printf(&b, "%s%lld", b.len ? " " : "", ids[i]);
	return buf_str(&b);
}

static const char *missing(const struct req *r, enum dispute_action a)
{
	switch (a) {
	case DA_UNIT_OPINION:
	case DA_COORDINATE:
	case DA_EST_LEGAL:
	case DA_DETERMINE:
		return r->f[F_OPINION].present ? NULL : "请填写意见。";
	case DA_CONTACT:
		return r->f[F_NOTE].present ? NULL : "请填写告知来电人的内容。";
	case DA_EST_OPINION:
	case DA_LEGAL_OPINION:
	case DA_MEETING_DECIDE:
		if (!r->f[F_LEAD_UNIT_ID].present || !r->f[F_OPINION].present ||
		    dispute_principle_label(r->f[F_PRINCIPLE].s) == NULL ||
		    !r->f[F_BASIS].present)
			return "认定意见须写明牵头单位、认定原则、依据和意见。";
		return NULL;
	case DA_EST_TEMPORARY:
	case DA_LEGAL_TEMPORARY:
		if (!r->f[F_TEMP_UNIT_ID].present || !r->f[F_OPINION].present)
			return "临时处理意见须写明临时承办单位和意见。";
		return NULL;
	case DA_REFUSE:
		return r->f[F_REASON].present ? NULL : "拒绝接收须写明理由。";
	case DA_ACCOUNT:
		return r->f[F_FACTS].present ? NULL : "请填写问责事实。";
	default:
		return NULL;
	}
}

/* Checks a named unit: active, handles orders, of the dispute's
 * jurisdiction or the city. */
static int unit_ok(struct req *r, long long unit, long long jur)
{
	struct dbres u;
	int rc = ords_unit(r->db, r->a, unit, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u.nrows != 1 || (db_int(&u, 0, 2) != jur && db_int(&u, 0, 3) == 0)) {
		r->err_msg = "所选单位不存在、已停用，或不属于该区域。";
		return 400;
	}
	return 0;
}

/* Each cooperating unit of the form is a number and a unit unit_ok
 * allows: one of another county, or none at all, would otherwise only
 * fail at the determination. */
static int coops_ok(struct req *r, long long jur)
{
	const char *ids = coop_ids(r, r->f[F_LEAD_UNIT_ID].i);
	if (ids == NULL) {
		r->err_msg = "配合单位无效。";
		return 400;
	}
	char *copy = arena_strdup(r->a, ids), *save = NULL;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		int st = unit_ok(r, strtoll(t, NULL, 10), jur);
		if (st)
			return st;
	}
	return 0;
}

static int has_coordination(struct req *r, int *yes)
{
	struct dbres o;
	int rc = dss_opinions(r->db, r->a, r->id, &o);
	*yes = 0;
	for (size_t i = 0; rc == DB_OK && i < o.nrows; i++)
		if (strcmp(db_cell(&o, i, 1), "coordination") == 0)
			*yes = 1;
	return rc;
}

/* The determination: the order goes to the lead unit with its
 * cooperating units; each is recorded on the dispute. */
static int determine(struct req *r, const struct dview *v, const char **note)
{
	struct dbres dec, cat;
	int rc = dss_deciding(r->db, r->a, r->id, &dec);
	if (rc != DB_OK)
		return rc;
	if (dec.nrows != 1)
		return DB_CONFLICT;
	long long lead = db_int(&dec, 0, 0);
	char today[11], accept_due[11] = "", order_day[11] = "";
	struct wd_calendar cal;
	rc = calendar_load(r->db, r->a, &cal);
	if (rc == DB_OK)
		rc = ords_category(r->db, r->a, v->category, &cat);
	if (rc == DB_OK) {
		/* The lead accepts within accept_days; the order is due after
		 * its category's limit, as at any dispatch. */
		int d = 0;
		calendar_today(today);
		wd_parse(today, &d);
		wd_format(dispute_due(&cal, d, v->accept_days), accept_due);
		wd_format(order_due(&cal, d, cat.nrows == 1 ? (int)db_int(&cat, 0, 2) : 5),
			  order_day);
	}
	if (rc == DB_OK)
		rc = dss_determine(r->db, r->a, r->id, lead, db_cell(&dec, 0, 2),
				   r->f[F_OPINION].s, r->actor->user_id, accept_due);
	if (rc == DB_OK)
		rc = dss_unit_role(r->db, r->a, r->id, lead, "lead", accept_due);
	char *coops = arena_strdup(r->a, db_cell(&dec, 0, 1) ? db_cell(&dec, 0, 1) : "");
	char *save = NULL;
	for (char *t = strtok_r(coops, " ", &save); rc == DB_OK && t;
	     t = strtok_r(NULL, " ", &save)) {
		long long u = strtoll(t, NULL, 10);
		rc = dss_unit_role(r->db, r->a, r->id, u, "coop", accept_due);
		if (rc == DB_OK)
			rc = dss_coop(r->db, r->a, v->order_id, u, r->id);
	}
	if (rc == DB_OK)
		rc = ords_redispatch(r->db, r->a, v->order_id, "disputed", lead, order_day, 0);
	if (rc == DB_OK)
		rc = ords_event(r->db, r->a, v->order_id, r->actor->user_id, r->actor->unit_id,
				"determined", lead, arena_printf(r->a, "争议 #%lld 认定：%s",
								 r->id, r->f[F_OPINION].s));
	*note = arena_printf(r->a, "%s（接收期限 %s）", r->f[F_OPINION].s, accept_due);
	return rc;
}

/* Applies one action after the checks; note gets the timeline text. */
static int apply(struct req *r, enum dispute_action a, const struct dview *v, int next,
		 const char **note)
{
	const struct actor *ac = r->actor;
	const char *from = dispute_state_codes[v->state], *to = dispute_state_codes[next];
	char today[11], due[11] = "";   /* the notes print due even on a failure */
	int rc = DB_OK;
	*note = arena_printf(r->a, "%s", req_str(r, F_OPINION));
	struct dispute_opinion op = { .text = req_str(r, F_OPINION), .seal_unit = ac->unit_id,
				      .user = ac->user_id, .basis = req_str(r, F_BASIS) };
	switch (a) {
	case DA_UNIT_OPINION:
		return dss_unit_opinion(r->db, r->a, r->id, ac->unit_id, ac->user_id,
					r->f[F_OPINION].s);
	case DA_COORDINATE:
		op.stage = "office";
		op.kind = "coordination";
		return dss_opinion(r->db, r->a, r->id, &op);
	case DA_CONTACT:
		*note = arena_printf(r->a, "%s", r->f[F_NOTE].s);
		return dss_contact(r->db, r->a, r->id, ac->user_id, r->f[F_NOTE].s);
	case DA_REFER: {
		int yes = 0;
		rc = has_coordination(r, &yes);
		if (rc == DB_OK && !yes) {
			r->err_msg = "转办前须先填写并盖章“管理办协调情况”。";
			return DB_CONFLICT;
		}
		if (rc == DB_OK)
			rc = calendar_workdays_from_today(r->db, r->a, v->review_days, today, due);
		*note = arena_printf(r->a, "审核期限 %s（%d 个工作日）", due, v->review_days);
		return rc == DB_OK ? dss_set_state(r->db, r->a, r->id, from, to, due) : rc;
	}
	case DA_EST_OPINION:
	case DA_LEGAL_OPINION:
	case DA_MEETING_DECIDE: {
		const char *coops = coop_ids(r, r->f[F_LEAD_UNIT_ID].i);
		if (coops == NULL) {
			r->err_msg = "配合单位无效。";
			return DB_CONFLICT;
		}
		op.stage = a == DA_EST_OPINION ? "establishment"
			   : a == DA_LEGAL_OPINION ? "legal" : "meeting";
		op.kind = "opinion";
		op.lead_unit = r->f[F_LEAD_UNIT_ID].i;
		op.coop_units = coops;
		op.principle = r->f[F_PRINCIPLE].s;
		rc = dss_opinion(r->db, r->a, r->id, &op);
		return rc == DB_OK ? dss_set_state(r->db, r->a, r->id, from, to, NULL) : rc;
	}
	case DA_EST_LEGAL:
		op.stage = "establishment";
		op.kind = "refer";
		rc = dss_opinion(r->db, r->a, r->id, &op);
		if (rc == DB_OK)
			rc = calendar_workdays_from_today(r->db, r->a, v->review_days, today, due);
		*note = arena_printf(r->a, "%s（审核期限 %s）", req_str(r, F_OPINION), due);
		return rc == DB_OK ? dss_set_state(r->db, r->a, r->id, from, to, due) : rc;
	case DA_EST_TEMPORARY:
	case DA_LEGAL_TEMPORARY:
		op.stage = a == DA_EST_TEMPORARY ? "establishment" : "legal";
		op.kind = "temporary";
		op.temp_unit = r->f[F_TEMP_UNIT_ID].i;
		rc = dss_opinion(r->db, r->a, r->id, &op);
		if (rc == DB_OK)
			rc = dss_temp_unit(r->db, r->a, r->id, op.temp_unit);
		return rc == DB_OK ? dss_set_state(r->db, r->a, r->id, from, to, NULL) : rc;
	case DA_DETERMINE:
		return determine(r, v, note);
	case DA_ACCEPT:
		rc = dss_answer(r->db, r->a, r->id, to, NULL);
		/* Accepting the determination signs for the order too. */
		if (rc == DB_OK && ords_accept(r->db, r->a, v->order_id) == DB_OK)
			rc = ords_event(r->db, r->a, v->order_id, ac->user_id, ac->unit_id,
					"accept", 0, arena_printf(r->a, "接收争议 #%lld 认定", r->id));
		*note = arena_printf(r->a, "已接收认定");
		return rc;
	case DA_REFUSE:
		*note = arena_printf(r->a, "%s", r->f[F_REASON].s);
		return dss_answer(r->db, r->a, r->id, to, r->f[F_REASON].s);
	case DA_ACCOUNT: {
		long long id;
		*note = arena_printf(r->a, "%s", r->f[F_FACTS].s);
		return dss_account(r->db, r->a, r->id, v->lead, r->f[F_FACTS].s, ac->user_id, &id);
	}
	default:
		return DB_CONFLICT;
	}
}

/* One action of the table on the dispute r->id, inside the caller's
 * transaction: checks, change, event, audit. Returns 0, or the status
 * (with r->err_msg) after which the caller rolls back. */
int dispute_step(struct req *r, enum dispute_action a)
{
	struct dbres lk, u, o;
	struct dview v;
	int rc = dss_lock(r->db, r->a, r->id, &lk);
	if (rc == DB_OK && lk.nrows == 1)
		rc = load_units_opinions(r, &u, &o);
	if (rc != DB_OK || lk.nrows != 1)
		return rc != DB_OK ? db_status(rc) : 404;
	load_view(r, &lk, lock_cols, &u, &o, &v);
	char today[11];
	calendar_today(today);
	unsigned parties = parties_of(r->actor, &v);
	if (!visible(r->actor, &v, parties))
		return 404;
	/* Out of sight is 404 whatever the form says; then the form. */
	const char *msg = missing(r, a);
	if (msg) {
		r->err_msg = msg;
		return 400;
	}
	int next = dispute_transition(v.state, a, parties, v.legal != 0, overdue(&v, today));
	if (next < 0 && a == DA_UNIT_OPINION && v.involved && !v.owes_opinion &&
	    caps_allow(r->actor->caps, 1, CAP_ORDER_HANDLE)) {
		r->err_msg = "本单位已提交处理意见。";
		return 409;
	}
	if (next < 0) {
		int role = 0;
		for (int s = 0; s < DS__MAX && !role; s++)
			role = dispute_transition(s, a, parties, 1, 1) >= 0;
		r->err_msg = role ? arena_printf(r->a, "争议当前状态为“%s”，不能进行“%s”。",
						 dispute_state_labels[v.state],
						 dispute_action_labels[a])
				  : "您无权进行此步骤。";
		return role ? 409 : 403;
	}
	int st = 0;
	if (a == DA_EST_OPINION || a == DA_LEGAL_OPINION || a == DA_MEETING_DECIDE) {
		st = unit_ok(r, r->f[F_LEAD_UNIT_ID].i, v.jur);
		if (st == 0)
			st = coops_ok(r, v.jur);
	} else if (a == DA_EST_TEMPORARY || a == DA_LEGAL_TEMPORARY)
		st = unit_ok(r, r->f[F_TEMP_UNIT_ID].i, v.jur);
	if (st)
		return st;
	const char *note = "";
	rc = apply(r, a, &v, next, &note);
	if (rc == DB_OK)
		rc = dss_event(r->db, r->a, r->id, r->actor->user_id, r->actor->unit_id,
			       dispute_action_codes[a], note);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, arena_printf(r->a, "dispute.%s", dispute_action_codes[a]),
			       "dispute", r->id, note);
	if (rc == DB_CONFLICT && r->err_msg == NULL)
		r->err_msg = "争议已被他人处理，请刷新后重试。";
	return rc == DB_OK ? 0 : db_status(rc);
}

/* Runs one action of the table for the dispute of the path. */
int dispute_act(struct req *r, enum dispute_action a, const char *done)
{
	int rc = db_begin(r->db);
	if (rc != DB_OK)
		return db_status(rc);
	int st = dispute_step(r, a);
	if (st) {
		db_rollback(r->db);
		return st;
	}
	st = end_tx(r, DB_OK);
	return st ? st : http_redirect(r, arena_printf(r->a, "/disputes/%lld?done=%s", r->id, done));
}

int h_dispute_unit_opinion(struct req *r) { return dispute_act(r, DA_UNIT_OPINION, "saved"); }
int h_dispute_coordinate(struct req *r) { return dispute_act(r, DA_COORDINATE, "sealed"); }
int h_dispute_contact(struct req *r) { return dispute_act(r, DA_CONTACT, "saved"); }
int h_dispute_refer(struct req *r) { return dispute_act(r, DA_REFER, "referred"); }
int h_dispute_accept(struct req *r) { return dispute_act(r, DA_ACCEPT, "accepted"); }
int h_dispute_refuse(struct req *r) { return dispute_act(r, DA_REFUSE, "saved"); }
int h_dispute_account(struct req *r) { return dispute_act(r, DA_ACCOUNT, "saved"); }
int h_dispute_determine(struct req *r) { return dispute_act(r, DA_DETERMINE, "determined"); }

/* 编办 or 法制局, whichever step the dispute is at: decision = opinion,
 * legal (编办 only: refer on) or temporary. */
int h_dispute_review(struct req *r)
{
	const char *dec = req_str(r, F_DECISION);
	struct dbres s;
	int rc = dss_peek(r->db, r->a, r->id, &s);
	if (rc != DB_OK)
		return db_status(rc);
	if (s.nrows != 1)
		return 404;
	/* Past both reviews, 法制局's reviewer is still 法制局: its late
	 * opinion is a wrong state (409), not 编办's step (403). */
	int legal = strcmp(db_cell(&s, 0, 0), "legal") == 0 ||
		    (strcmp(db_cell(&s, 0, 0), "establishment") != 0 && db_cell(&s, 0, 3) &&
		     db_int(&s, 0, 3) == r->actor->unit_id);
	if (strcmp(dec, "opinion") == 0)
		return dispute_act(r, legal ? DA_LEGAL_OPINION : DA_EST_OPINION, "sealed");
	if (strcmp(dec, "temporary") == 0)
		return dispute_act(r, legal ? DA_LEGAL_TEMPORARY : DA_EST_TEMPORARY, "sealed");
	if (strcmp(dec, "legal") == 0)
		return dispute_act(r, DA_EST_LEGAL, "referred");
	struct dispute_rows rows;
	unsigned parties;
	int st = dispute_load_visible(r, &rows, &parties);
	if (st)
		return st;
	r->err_msg = "请选择意见类型：认定意见、转市法制局或临时处理意见。";
	return 400;
}

/* A routing rule from the determination: later orders of this category
 * in this jurisdiction (with the keywords, if any) go to the lead unit. */
int h_dispute_rule(struct req *r)
{
	struct dispute_rows rows;
	struct dview v;
	unsigned parties;
	int st = load(r, &rows, &v, &parties);
	if (st)
		return st;
	if (!(parties & (1u << DP_OFFICE))) {
		r->err_msg = "只有管理办可以生成派单规则。";
		return 403;
	}
	if (v.lead == 0 || v.category == 0) {
		r->err_msg = "尚未出具认定意见，不能生成派单规则。";
		return 409;
	}
	const char *kw = req_str(r, F_KEYWORDS);
	int rc = db_begin(r->db);
	if (rc == DB_OK)
	{
		int dup = 0;
		rc = dss_rule_exists(r->db, r->a, v.category, v.jur, kw, v.lead, &dup);
		if (rc == DB_OK && dup) {
			db_rollback(r->db);
			r->err_msg = "已有相同的派单规则。";
			return 409;
		}
	}
	if (rc == DB_OK)
		rc = dss_rule(r->db, r->a, v.category, v.jur, kw, v.lead, r->actor->user_id, r->id);
	const char *note = arena_printf(r->a, "%s × %s%s%s → %s", db_cell(&rows.get, 0, DSP_CATEGORY),
					db_cell(&rows.get, 0, DSP_JUR), *kw ? "（关键词：" : "",
					*kw ? arena_printf(r->a, "%s）", kw) : "",
					db_cell(&rows.get, 0, DSP_LEAD_NAME));
	if (rc == DB_OK)
		rc = dss_event(r->db, r->a, r->id, r->actor->user_id, r->actor->unit_id, "rule", note);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "dispute.rule", "dispute", r->id, note);
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/disputes/%lld?done=rule", r->id));
}

/* ---- the list ----------------------------------------------------------- */

int h_disputes(struct req *r)
{
	const struct actor *ac = r->actor;
	/* The list a reader gets shows what visible() lets them open: a unit's
	 * disputes only to those who handle its orders (not to its knowledge
	 * editors), nothing to anyone else. */
	const char *who = caps_allow(ac->caps, 1, CAP_DISPATCH) ? "office"
			  : caps_allow(ac->caps, 1, CAP_DISPUTE_REVIEW) ? "reviewer"
			  : caps_allow(ac->caps, 1, CAP_MEETING) ? "convener"
			  : caps_allow(ac->caps, 1, CAP_ORDER_HANDLE) ? "unit" : "none";
	const char *state = req_str(r, F_STATE);
	if (*state && dispute_state_from_code(state) < 0) {
		r->err_msg = "状态无效。";
		return 400;
	}
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	struct dbres res;
	struct wd_calendar cal;
	int rc = dss_list(r->db, r->a, who, ac->scope_jur, ac->unit_id, state, LIST_PAGE + 1,
			  (long long)(page - 1) * LIST_PAGE, &res);
	if (rc == DB_OK)
		rc = calendar_load(r->db, r->a, &cal);
	if (rc != DB_OK)
		return db_status(rc);
	char today[11];
	int t = 0;
	calendar_today(today);
	wd_parse(today, &t);
	struct tdict *d = view_page(r, "争议认定", "disputes/list.tpl");
	for (int s = 0; s < DS__MAX; s++) {
		struct tdict *o = tmpl_section(d, "STATE_OPT");
		tmpl_set(o, "CODE", dispute_state_codes[s]);
		tmpl_set(o, "LABEL", dispute_state_labels[s]);
		if (strcmp(state, dispute_state_codes[s]) == 0)
			tmpl_show(o, "SELECTED");
	}
	size_t shown = res.nrows > LIST_PAGE ? LIST_PAGE : res.nrows;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "NUMBER", db_cell(&res, i, 1));
		tmpl_set(row, "CATEGORY", db_cell(&res, i, 2) ? db_cell(&res, i, 2) : "");
		int st = dispute_state_from_code(db_cell(&res, i, 3));
		tmpl_set(row, "STATE", st >= 0 ? dispute_state_labels[st] : "");
		tmpl_set(row, "OPENED", db_cell(&res, i, 5));
		tmpl_set(row, "LEAD", db_cell(&res, i, 6) ? db_cell(&res, i, 6) : "");
		tmpl_set(row, "JUR", db_cell(&res, i, 8));
		const char *due = db_cell(&res, i, 4);
		if (due && (st == DS_OPEN || st == DS_ESTABLISHMENT || st == DS_LEGAL)) {
			int e = 0;
			wd_parse(due, &e);
			struct tdict *c = tmpl_section(row, "COUNTDOWN");
			tmpl_set(c, "DUE", due);
			if (e < t)
				tmpl_set_int(tmpl_section(c, "LATE"), "DAYS", wd_between(&cal, e, t));
			else
				tmpl_set_int(tmpl_section(c, "LEFT"), "DAYS", wd_between(&cal, t, e));
		}
		const char *adue = db_cell(&res, i, 7);
		if (st == DS_DETERMINED && adue && strcmp(adue, today) < 0)
			tmpl_show(row, "ACCEPT_OVERDUE");
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	if (page > 1)
		tmpl_set_int(tmpl_section(d, "PREV"), "PAGE", page - 1);
	if (res.nrows > LIST_PAGE)
		tmpl_set_int(tmpl_section(d, "NEXT"), "PAGE", page + 1);
	tmpl_set(d, "STATE", state);
	return view_finish(r, 200);
}
