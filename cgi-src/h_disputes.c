/* 争议认定 (D2-D8): the dispute page with its opinions, timeline and
 * countdown, the list, and the steps of the procedure. The rules are
 * dispute_ops.c's; the printed form is h_dispute_form.c, meetings and
 * accountability h_meetings.c. */
#include <string.h>

#include "bigram.h"
#include "calendar_store.h"
#include "dispute.h"
#include "dispute_ops.h"
#include "handlers.h"
#include "order.h"
#include "order_store.h"
#include "tmpl.h"
#include "view.h"

#define LIST_PAGE 50

/* ---- the dispute page --------------------------------------------------- */

static int fill_timeline(struct req *r, struct tdict *d)
{
	struct dispute_event_row *ev;
	struct dispute_contact_row *c;
	size_t nev = 0, nc = 0;
	int rc = dispute_events(r->db, r->a, r->id, &ev, &nev);
	if (rc == DB_OK)
		rc = dispute_contacts(r->db, r->a, r->id, &c, &nc);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < nev; i++) {
		struct tdict *e = tmpl_section(d, "EVENT");
		tmpl_set(e, "AT", ev[i].at);
		tmpl_set(e, "WHO", ev[i].who ? ev[i].who : "系统");
		if (ev[i].unit)
			tmpl_set(tmpl_section(e, "IN_UNIT"), "UNIT", ev[i].unit);
		const char *kind = ev[i].kind;
		const char *label = strcmp(kind, "open") == 0 ? "提请争议认定" : kind;
		for (int a = 0; a < DA__MAX; a++)
			if (strcmp(dispute_action_codes[a], kind) == 0)
				label = dispute_action_labels[a];
		if (strcmp(kind, "rule") == 0)
			label = "生成派单规则";
		tmpl_set(e, "ACTION", label);
		tmpl_set(e, "NOTE", ev[i].note);
	}
	for (size_t i = 0; i < nc; i++) {
		struct tdict *e = tmpl_section(d, "CONTACT");
		tmpl_set(e, "AT", c[i].at);
		tmpl_set(e, "WHO", c[i].who);
		tmpl_set(e, "WHAT", c[i].what);
	}
	if (nc == 0)
		tmpl_show(d, "NO_CONTACT");
	return 0;
}

static int fill_similar(struct req *r, struct tdict *d, const struct dispute_row *g)
{
	/* Similar content: the bigrams of the content's terms (question and
	 * filler words cut), at most 16, as a natural-language query. */
	int n = 0;
	const char *terms = bg_content_terms(r->a, g->content, &n);
	char *q = terms ? bg_index_text(r->a, terms) : NULL;
	for (int k = 0, sp = 0; q && q[k]; k++)
		if (q[k] == ' ' && ++sp == 16) {
			q[k] = '\0';
			break;
		}
	struct dispute_similar_row *s;
	size_t ns;
	int rc = dispute_similar(r->db, r->a, r->id, g->category_id, q, &s, &ns);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < ns; i++) {
		struct tdict *e = tmpl_section(d, "SIMILAR");
		tmpl_set_int(e, "ID", s[i].id);
		tmpl_set(e, "NUMBER", s[i].number);
		tmpl_set(e, "CATEGORY", s[i].category);
		tmpl_set(e, "LEAD", s[i].lead);
		tmpl_set(e, "AT", s[i].at);
		tmpl_set(e, "TEXT", s[i].text);
	}
	if (ns == 0)
		tmpl_show(d, "NO_SIMILAR");
	return 0;
}

/* The form of each action (DA_REFUSE shares the lead unit's ACT_ANSWER
 * with DA_ACCEPT; 编办's and 法制局's steps share ACT_REVIEW). */
static const char *const sections[DA__MAX] = {
	[DA_UNIT_OPINION] = "ACT_UNIT_OPINION", [DA_COORDINATE] = "ACT_COORDINATE",
	[DA_CONTACT] = "ACT_CONTACT", [DA_REFER] = "ACT_REFER",
	[DA_EST_OPINION] = "ACT_REVIEW", [DA_LEGAL_OPINION] = "ACT_REVIEW",
	[DA_EST_LEGAL] = "ACT_EST_LEGAL", [DA_DETERMINE] = "ACT_DETERMINE",
	[DA_ACCEPT] = "ACT_ANSWER", [DA_REFUSE] = "ACT_ANSWER", [DA_ACCOUNT] = "ACT_ACCOUNT",
	[DA_UNBIND] = "ACT_UNBIND",
};

/* The action sections the actor may use now (ACT_<CODE>); principle is
 * the one to preselect. Returns the actions shown (bit n = action n). */
static unsigned fill_actions(struct tdict *d, const struct dispute_view *v, unsigned parties,
			     const char *today, const char *principle)
{
	unsigned shown = 0;
	int any = 0, office = (parties & (1u << DP_OFFICE)) != 0;
	for (int a = 0; a < DA__MAX; a++) {
		if (sections[a] == NULL || (a == DA_UNBIND && v->unbound) ||
		    dispute_transition(v->state, (enum dispute_action)a, parties,
				       v->legal != 0, dispute_overdue(v, today)) < 0)
			continue;
		tmpl_show(d, sections[a]);
		shown |= 1u << a;
		any = 1;
	}
	if (v->state == DS_MEETING && office) {
		tmpl_show(d, "ACT_PROPOSE");
		any = 1;
	}
	if ((v->state == DS_DETERMINED || v->state == DS_ACCEPTED || v->state == DS_REFUSED) &&
	    office) {
		tmpl_show(d, "ACT_RULE");
		any = 1;
	}
	if (any)
		tmpl_show(d, "ACTIONS");
	for (const struct dispute_code *p = dispute_principles; p->code; p++) {
		struct tdict *o = tmpl_section(d, "PRINCIPLE_OPT");
		tmpl_set(o, "CODE", p->code);
		tmpl_set(o, "LABEL", p->label);
		if (strcmp(p->code, principle) == 0)
			tmpl_show(o, "SELECTED");
	}
	return shown;
}

/* The 认定意见 box starts from the deciding opinion it is issued on (the
 * meeting's decision, or 编办's or 法制局's opinion): the latest of kind
 * 'opinion'. */
static void fill_determination_draft(struct tdict *d, const struct dispute_page *p)
{
	for (size_t i = p->nopinions; i-- > 0;)
		if (strcmp(p->opinions[i].kind, "opinion") == 0) {
			tmpl_set(d, "DETERMINATION_DRAFT", p->opinions[i].text);
			return;
		}
}

/* The countdown of a step under way, in working days, into section s. */
static void countdown(struct tdict *s, const char *due, const char *today,
		      const struct wd_calendar *cal)
{
	int t = 0, e = 0;
	wd_parse(today, &t);
	wd_parse(due, &e);
	struct tdict *c = tmpl_section(s, "COUNTDOWN");
	tmpl_set(c, "DUE", due);
	if (e < t)
		tmpl_set_int(tmpl_section(c, "LATE"), "DAYS", wd_between(cal, e, t));
	else
		tmpl_set_int(tmpl_section(c, "LEFT"), "DAYS", wd_between(cal, t, e));
}

static int under_way(int state)
{
	return state == DS_OPEN || state == DS_ESTABLISHMENT || state == DS_LEGAL;
}

/* A refused step, shown in its form: action -1 for the review (编办's or
 * 法制局's 提交并盖章, whichever step it was). */
struct refused {
	int status;
	int action;
	const char *missing[8];
	size_t nmissing;
};

/* The unit options of the review form, the ones picked marked. */
static void review_units(struct req *r, struct tdict *d, const struct order_unit_row *u,
			 size_t n, const struct refused *f)
{
	long long lead = 0, temp = 0;
	const long long *coops = NULL;
	size_t ncoops = 0;
	if (f != NULL) {
		lead = r->f[F_LEAD_UNIT_ID].present ? r->f[F_LEAD_UNIT_ID].i : 0;
		temp = r->f[F_TEMP_UNIT_ID].present ? r->f[F_TEMP_UNIT_ID].i : 0;
		coops = r->f[F_COOP_UNIT_ID].list;
		ncoops = r->f[F_COOP_UNIT_ID].nlist;
	}
	order_unit_options(r, d, u, n, "LEAD_OPT", lead, 0, 0);
	order_unit_options(r, d, u, n, "TEMP_OPT", temp, 0, 0);
	for (size_t i = 0; i < n; i++) {
		struct tdict *o = tmpl_section(d, "COOP_OPT");
		tmpl_set_int(o, "ID", u[i].id);
		tmpl_set(o, "NAME", u[i].name);
		for (size_t k = 0; k < ncoops; k++)
			if (coops[k] == u[i].id)
				tmpl_show(o, "SELECTED");
	}
}

/* The refused form again: its message, what was typed, each field it
 * lacked marked; the message at the top when the form is gone. */
static void fill_refused(struct req *r, struct tdict *d, const struct refused *f,
			 unsigned shown)
{
	static const enum field typed[] = { F_OPINION, F_NOTE, F_REASON, F_FACTS, F_BASIS };
	const char *msg = r->err_msg ? r->err_msg : "未能提交，请检查后重新提交。";
	int review = f->action < 0;
	unsigned bits = review ? (1u << DA_EST_OPINION) | (1u << DA_LEGAL_OPINION)
			       : 1u << f->action;
	if (!(shown & bits) || (!review && sections[f->action] == NULL)) {
		view_alert(r, msg);
		return;
	}
	const char *form = review ? "REVIEW" : sections[f->action] + 4;
	view_refused_form(r, d, form, msg, typed, sizeof typed / sizeof typed[0], f->missing,
			  f->nmissing);
	if (review)
		tmpl_show(d, arena_printf(r->a, "DECISION_%s",
					  strcmp(req_str(r, F_DECISION), "legal") == 0	   ? "LEGAL"
					  : strcmp(req_str(r, F_DECISION), "temporary") == 0 ? "TEMPORARY"
											      : "OPINION"));
}

static int dispute_page(struct req *r, const struct refused *refused)
{
	struct dispute_page p;
	int st = dispute_load(REQ_CTX(r), r->id, &p);
	if (st)
		return st;
	char today[11];
	calendar_today(today);
	int office = (p.parties & (1u << DP_OFFICE)) != 0;
	struct tdict *d = view_page(r, arena_printf(r->a, "争议认定 · 工单 %s", p.d->number),
				    "disputes/view.tpl");
	dispute_fill_head(r, d, &p);
	st = fill_timeline(r, d);
	if (st == 0 && office)
		st = fill_similar(r, d, p.d);
	if (st)
		return st;
	struct order_unit_row *units;
	size_t nunits;
	int rc = order_units(r->db, r->a, p.v.jur, &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	review_units(r, d, units, nunits, refused);
	if (office)
		tmpl_show(d, "OFFICE_VIEW");
	if (*p.d->stage_due && under_way(p.v.state)) {
		struct wd_calendar cal;
		rc = calendar_load(r->db, r->a, &cal);
		if (rc != DB_OK)
			return db_status(rc);
		countdown(d, p.d->stage_due, today, &cal);
	}
	if (dispute_overdue(&p.v, today))
		tmpl_show(d, "ACCEPT_OVERDUE");
	unsigned shown = fill_actions(d, &p.v, p.parties, today,
				      refused ? req_str(r, F_PRINCIPLE) : "");
	if (refused == NULL || refused->action != DA_DETERMINE)
		fill_determination_draft(d, &p);
	if (refused)
		fill_refused(r, d, refused, shown);
	return view_finish(r, refused ? refused->status : 200);
}

int h_dispute_view(struct req *r)
{
	return dispute_page(r, NULL);
}

/* ---- actions ------------------------------------------------------------ */


static int act(struct req *r, enum dispute_action a, const char *done)
{
	const struct dispute_input in = dispute_input_of(r);
	int st = dispute_act(REQ_CTX(r), r->id, a, &in, &r->err_msg);
	if (st == 0)
		return http_redirect(r, arena_printf(r->a, "/disputes/%lld?done=%s", r->id, done));
	/* A form refused for its input or the dispute's state: the page
	 * again, with what was typed and what is missing marked. */
	if (st == 400 || st == 409) {
		struct refused f = { .status = st, .action = (int)a };
		f.nmissing = dispute_missing(a, &in, f.missing, sizeof f.missing / sizeof f.missing[0]);
		return dispute_page(r, &f);
	}
	return st;
}

int h_dispute_unit_opinion(struct req *r) { return act(r, DA_UNIT_OPINION, "saved"); }
int h_dispute_coordinate(struct req *r) { return act(r, DA_COORDINATE, "sealed"); }
int h_dispute_contact(struct req *r) { return act(r, DA_CONTACT, "saved"); }
int h_dispute_refer(struct req *r) { return act(r, DA_REFER, "referred"); }
int h_dispute_accept(struct req *r) { return act(r, DA_ACCEPT, "accepted"); }
int h_dispute_refuse(struct req *r) { return act(r, DA_REFUSE, "saved"); }
int h_dispute_account(struct req *r) { return act(r, DA_ACCOUNT, "saved"); }
int h_dispute_unbind(struct req *r) { return act(r, DA_UNBIND, "unbound"); }
int h_dispute_determine(struct req *r) { return act(r, DA_DETERMINE, "determined"); }

int h_dispute_review(struct req *r)
{
	const struct dispute_input in = dispute_input_of(r);
	const char *done = "sealed";
	const char *decision = req_str(r, F_DECISION);
	int st = dispute_review(REQ_CTX(r), r->id, decision, &in, &r->err_msg, &done);
	if (st == 0)
		return http_redirect(r, arena_printf(r->a, "/disputes/%lld?done=%s", r->id, done));
	if (st == 400 || st == 409) {
		struct refused f = { .status = st, .action = -1 };
		f.nmissing = dispute_review_missing(decision, &in, f.missing,
						    sizeof f.missing / sizeof f.missing[0]);
		return dispute_page(r, &f);
	}
	return st;
}

int h_dispute_rule(struct req *r)
{
	int st = dispute_make_rule(REQ_CTX(r), r->id,
				   order_keywords_normal(r->a, req_str(r, F_KEYWORDS)), &r->err_msg);
	return st ? st : http_redirect(r, arena_printf(r->a, "/disputes/%lld?done=rule", r->id));
}

/* ---- the list ----------------------------------------------------------- */

int h_disputes(struct req *r)
{
	const struct actor *ac = r->actor;
	const char *state = req_str(r, F_STATE);
	if (*state && dispute_state_from_code(state) < 0) {
		r->err_msg = "状态无效。";
		return 400;
	}
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	struct dispute_list_row *row;
	size_t n = 0;
	struct wd_calendar cal;
	int rc = dispute_list(r->db, r->a, dispute_reader(ac), ac->scope_jur, ac->unit_id, state,
			  LIST_PAGE + 1, (long long)(page - 1) * LIST_PAGE, &row, &n);
	if (rc == DB_OK)
		rc = calendar_load(r->db, r->a, &cal);
	if (rc != DB_OK)
		return db_status(rc);
	char today[11];
	calendar_today(today);
	struct tdict *d = view_page(r, "争议认定", "disputes/list.tpl");
	for (int s = 0; s < DS__MAX; s++) {
		struct tdict *o = tmpl_section(d, "STATE_OPT");
		tmpl_set(o, "CODE", dispute_state_codes[s]);
		tmpl_set(o, "LABEL", dispute_state_labels[s]);
		if (strcmp(state, dispute_state_codes[s]) == 0)
			tmpl_show(o, "SELECTED");
	}
	size_t shown = n > LIST_PAGE ? LIST_PAGE : n;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *s = tmpl_section(d, "ROW");
		tmpl_set_int(s, "ID", row[i].id);
		tmpl_set(s, "NUMBER", row[i].number);
		tmpl_set(s, "CATEGORY", row[i].category);
		int st = dispute_state_from_code(row[i].state);
		tmpl_set(s, "STATE", st >= 0 ? dispute_state_labels[st] : "");
		tmpl_set(s, "OPENED", row[i].opened);
		tmpl_set(s, "LEAD", row[i].lead);
		tmpl_set(s, "JUR", row[i].jur);
		if (*row[i].stage_due && under_way(st))
			countdown(s, row[i].stage_due, today, &cal);
		if (st == DS_DETERMINED && *row[i].accept_due &&
		    strcmp(row[i].accept_due, today) < 0)
			tmpl_show(s, "ACCEPT_OVERDUE");
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	if (page > 1)
		tmpl_set_int(tmpl_section(d, "PREV"), "PAGE", page - 1);
	if (n > LIST_PAGE)
		tmpl_set_int(tmpl_section(d, "NEXT"), "PAGE", page + 1);
	tmpl_set(d, "STATE", state);
	return view_finish(r, 200);
}
