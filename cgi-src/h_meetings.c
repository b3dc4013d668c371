/* 联席会议 (D6.3) and 问责 (D6.5). The management office proposes a joint
 * meeting with an agenda of disputes waiting for one; the procedure's
 * convener (市府办公室) schedules it, records the meeting's decision on each
 * dispute (dispute.c's DA_MEETING_DECIDE, run by dispute_ops.c inside this
 * file's transaction) and, once every item is decided, the attendance and
 * minutes. The office closes the accountability records raised on
 * disputes whose lead unit refused or stayed silent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_store.h"
#include "dispute.h"
#include "dispute_ops.h"
#include "handlers.h"
#include "order_store.h"
#include "roles.h"
#include "tmpl.h"
#include "view.h"
#include "workdays.h"

/* dispute_meeting_items lists at most this many: an agenda is never longer. */
#define MAX_ITEMS 100

static const struct dispute_code meeting_states[] = {
	{ "proposed", "已提请" },
	{ "scheduled", "已安排" },
	{ "held", "已召开" },
	{ NULL, NULL },
};

static const struct dispute_code account_states[] = {
	{ "open", "待处理" },
	{ "closed", "已办结" },
	{ NULL, NULL },
};

static const char *label_of(const struct dispute_code *t, const char *code)
{
	for (; code && t->code; t++)
		if (strcmp(t->code, code) == 0)
			return t->label;
	return "";
}

/* ---- the meeting and who the actor is for it ------------------------------ */

enum meeting_party {
	MP_OFFICE = 1,    /* the management office in scope */
	MP_CONVENER = 2,  /* the agenda's convener: schedules, decides, records */
	MP_READER = 4,    /* a convener of the meeting's jurisdiction or the city: reads */
};

struct meeting {
	struct meeting_row *m;
	struct meeting_item_row *items;
	size_t nitems;
	struct dispute_row *head;   /* the first item: the procedure's names */
	const char *state;
	long long convener;    /* the convener unit of the agenda's procedure */
	int undecided;
	unsigned parties;
};

/* Loads meeting r->id for the actor: 0, or 404 when it does not exist or
 * is not theirs to see. Every dispute on an agenda has the same convener
 * (h_meeting_propose checks it), so the first one names it. */
static int load_meeting(struct req *r, struct meeting *mt)
{
	const struct actor *ac = r->actor;
	memset(mt, 0, sizeof *mt);
	int rc = dispute_meeting(r->db, r->a, r->id, &mt->m);
	if (rc == DB_OK && mt->m != NULL)
		rc = dispute_meeting_items(r->db, r->a, r->id, &mt->items, &mt->nitems);
	if (rc == DB_OK && mt->m != NULL && mt->nitems > 0)
		rc = dispute_get(r->db, r->a, mt->items[0].dispute_id, &mt->head);
	if (rc != DB_OK)
		return db_status(rc);
	if (mt->m == NULL)
		return 404;
	mt->state = mt->m->state;
	if (mt->head != NULL)
		mt->convener = mt->head->convener_unit;
	for (size_t i = 0; i < mt->nitems; i++)
		if (!mt->items[i].decided)
			mt->undecided++;
	long long jur = mt->m->jur_id;
	if (caps_allow(ac->caps, 1, CAP_DISPATCH) &&
	    (ac->scope_jur == 0 || ac->scope_jur == jur))
		mt->parties |= MP_OFFICE;
	if (caps_allow(ac->caps, 1, CAP_MEETING)) {
		if (mt->convener && ac->unit_id == mt->convener)
			mt->parties |= MP_CONVENER;
		if (ac->scope_jur == 0 || ac->jur_id == jur)
			mt->parties |= MP_READER;
	}
	return mt->parties ? 0 : 404;
}

/* 0 when the actor convenes this meeting; else 403 with a message naming
 * who does. */
static int convener_only(struct req *r, const struct meeting *mt, const char *what)
{
	if (mt->parties & MP_CONVENER)
		return 0;
	const char *name = mt->head != NULL && *mt->head->convener_name
			   ? mt->head->convener_name : NULL;
	r->err_msg = arena_printf(r->a, "只有本次会议的召集单位%s%s%s可以%s。",
				  name ? "（" : "", name ? name : "", name ? "）" : "", what);
	return 403;
}

/* 409 for what, which the meeting's state does not allow. */
static int wrong_state(struct req *r, const struct meeting *mt, const char *what)
{
	if (strcmp(mt->state, "proposed") == 0)
		r->err_msg = arena_printf(r->a, "会议尚未安排时间和地点，不能%s。", what);
	else if (strcmp(mt->state, "held") == 0)
		r->err_msg = arena_printf(r->a, "会议已召开并已记录，不能再%s。", what);
	else
		r->err_msg = arena_printf(r->a, "会议已安排，不能再%s。", what);
	return 409;
}

/* ---- the list and the proposal -------------------------------------------- */

/* The office's disputes waiting for a meeting, as CANDIDATE sections; those
 * already on an undecided agenda show that meeting instead of a box. */
static int fill_candidates(struct req *r, struct tdict *d)
{
	const struct actor *ac = r->actor;
	struct dispute_list_row *c;
	size_t n;
	int rc = dispute_list(r->db, r->a, "office", ac->scope_jur, ac->unit_id, "meeting",
			  200, 0, &c, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *p = tmpl_section(d, "PROPOSE");
	if (n == 0) {
		tmpl_show(p, "NO_CANDIDATE");
		return 0;
	}
	struct tdict *form = tmpl_section(p, "FORM");
	for (size_t i = 0; i < n; i++) {
		long long pend[10];
		size_t npend;
		rc = dispute_meeting_pending(r->db, r->a, c[i].id, pend, &npend);
		if (rc != DB_OK)
			return db_status(rc);
		struct tdict *s = tmpl_section(form, "CANDIDATE");
		tmpl_set_int(s, "ID", c[i].id);
		tmpl_set(s, "NUMBER", c[i].number);
		tmpl_set(s, "CATEGORY", c[i].category);
		tmpl_set(s, "OPENED", c[i].opened);
		tmpl_set(s, "JUR", c[i].jur);
		if (npend > 0)
			tmpl_set_int(tmpl_section(s, "ON_AGENDA"), "MEETING", pend[0]);
		else
			tmpl_show(s, "FREE");
	}
	return 0;
}

int h_meetings(struct req *r)
{
	const struct actor *ac = r->actor;
	int office = caps_allow(ac->caps, 1, CAP_DISPATCH);
	/* An office sees its scope; a convener its unit's jurisdiction, the
	 * city's convener every one: for both that is scope_jur (0 = city). */
	struct meeting_list_row *m;
	size_t n;
	int rc = dispute_meetings(r->db, r->a, ac->scope_jur, &m, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "联席会议", "meetings/list.tpl");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", m[i].id);
		tmpl_set(row, "STATE", label_of(meeting_states, m[i].state));
		tmpl_set(row, "STATE_CODE", m[i].state);
		tmpl_set(row, "TOPIC", m[i].topic);
		tmpl_set(row, "STARTS", m[i].starts);
		tmpl_set(row, "PLACE", m[i].place);
		tmpl_set_int(row, "ITEMS", m[i].items);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	if (office) {
		int st = fill_candidates(r, d);
		if (st)
			return st;
	}
	return view_finish(r, 200);
}

static int cmp_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

/* The agenda's disputes (the repeated dispute_id, checked by the route),
 * ascending: the order their rows are locked in. */
static size_t agenda_ids(struct req *r, long long ids[MAX_ITEMS])
{
	size_t n = r->f[F_DISPUTE_ID].nlist;
	if (n > MAX_ITEMS)   /* the route allows no more (route.c) */
		n = MAX_ITEMS;
	memcpy(ids, r->f[F_DISPUTE_ID].list, n * sizeof ids[0]);
	qsort(ids, n, sizeof ids[0], cmp_id);
	return n;
}

/* Locks each dispute of the agenda and checks it (in the caller's
 * transaction): it exists in the office's scope, waits for a meeting, has
 * the same convener as the others and is on no undecided agenda. Sets
 * *jur to the meeting's jurisdiction: the disputes' own when they share
 * one, else the office's (only the city's office sees several). Returns 0
 * or a status with a message. All rows are locked before the agendas are
 * read, so a proposal racing this one is either seen or waits. */
static int check_agenda(struct req *r, const long long *ids, size_t n, long long *jur)
{
	const struct actor *ac = r->actor;
	long long convener = 0;
	int mixed = 0;
	*jur = 0;
	for (size_t i = 0; i < n; i++) {
		struct dispute_lock_row *lk;
		int rc = dispute_lock(r->db, r->a, ids[i], &lk);
		if (rc != DB_OK)
			return db_status(rc);
		long long djur = lk ? lk->jur_id : 0;
		if (lk == NULL || (ac->scope_jur != 0 && ac->scope_jur != djur)) {
			r->err_msg = arena_printf(r->a, "争议 #%lld 不存在或不在本管理办的范围内。",
						  ids[i]);
			return 404;
		}
		int state = dispute_state_from_code(lk->state);
		if (dispute_transition(state, DA_PROPOSE, 1u << DP_OFFICE, lk->legal_unit != 0,
				       0) < 0) {
			r->err_msg = arena_printf(r->a, "争议 #%lld 当前状态为“%s”，只有“%s”的争议"
						  "可以提请联席会议。", ids[i],
						  state >= 0 ? dispute_state_labels[state] : "",
						  dispute_state_labels[DS_MEETING]);
			return 409;
		}
		long long cv = lk->convener_unit;
		if (i > 0 && cv != convener) {
			r->err_msg = "所选争议的召集单位不同（适用不同地区的认定程序），"
				     "请按召集单位分别提请联席会议。";
			return 400;
		}
		convener = cv;
		mixed |= i > 0 && djur != *jur;
		*jur = djur;
	}
	if (mixed)
		*jur = ac->jur_id;
	for (size_t i = 0; i < n; i++) {
		long long pend[10];
		size_t npend;
		int rc = dispute_meeting_pending(r->db, r->a, ids[i], pend, &npend);
		if (rc != DB_OK)
			return db_status(rc);
		if (npend > 0) {
			r->err_msg = arena_printf(r->a, "争议 #%lld 已列入联席会议 #%lld 的议程，"
						  "会议尚未对其作出决定。", ids[i], pend[0]);
			return 409;
		}
	}
	return 0;
}

int h_meeting_propose(struct req *r)
{
	const struct actor *ac = r->actor;
	if (!r->f[F_TOPIC].present) {
		r->err_msg = "请填写会议内容（审议事项）。";
		return 400;
	}
	long long ids[MAX_ITEMS];
	size_t n = agenda_ids(r, ids);
	if (n == 0) {
		r->err_msg = "请至少选择一项待联席会议审议的争议。";
		return 400;
	}
	long long jur = 0, id = 0;
	int rc = db_begin(r->db);
	if (rc != DB_OK)
		return db_status(rc);
	int st = check_agenda(r, ids, n, &jur);
	if (st) {
		db_rollback(r->db);
		return st;
	}
	const char *topic = r->f[F_TOPIC].s;
	rc = dispute_meeting_insert(r->db, r->a, jur, ac->user_id, topic, &id);
	struct buf agenda;
	buf_init(&agenda, r->a);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		rc = dispute_meeting_item(r->db, r->a, id, ids[i]);
		if (rc == DB_OK)
			rc = dispute_event(r->db, r->a, ids[i], ac->user_id, ac->unit_id,
				       dispute_action_codes[DA_PROPOSE],
				       arena_printf(r->a, "列入联席会议 #%lld：%s", id, topic));
		buf_printf(&agenda, "%s#%lld", i ? "、" : "", ids[i]);
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "meeting.propose", "meeting", id,
			       arena_printf(r->a, "%s；议程：争议 %s", topic, buf_str(&agenda)));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/meetings/%lld?done=proposed", id));
}

/* ---- the meeting page ----------------------------------------------------- */

/* The invitees D6.3 names: the working group (convener, 编办, 法制局, the
 * office) and the heads of the units involved in the agenda's disputes. */
static int invitee_suggestion(struct req *r, const struct meeting *mt, const char **out)
{
	struct buf b;
	buf_init(&b, r->a);
	*out = "";
	const struct dispute_row *h = mt->head;
	if (h == NULL)
		return 0;
	const char *const group[] = { h->convener_name, h->est_name, h->legal_name,
				      h->office_name };
	buf_puts(&b, "争议认定工作小组：");
	int any = 0;
	for (size_t i = 0; i < sizeof group / sizeof group[0]; i++) {
		const char *name = group[i];
		if (name == NULL || *name == '\0')
			continue;
		buf_printf(&b, "%s%s", any ? "、" : "", name);
		any = 1;
	}
	const char *seen[200];
	size_t nseen = 0;
	buf_puts(&b, "\n涉及单位负责人：");
	for (size_t i = 0; i < mt->nitems; i++) {
		struct dispute_unit_row *u;
		size_t nu;
		int rc = dispute_units(r->db, r->a, mt->items[i].dispute_id, &u, &nu);
		if (rc != DB_OK)
			return db_status(rc);
		for (size_t k = 0; k < nu && nseen < sizeof seen / sizeof seen[0]; k++) {
			const char *name = u[k].name;
			size_t j = 0;
			while (j < nseen && strcmp(seen[j], name) != 0)
				j++;
			if (j < nseen)
				continue;
			buf_printf(&b, "%s%s负责人", nseen ? "、" : "", name);
			seen[nseen++] = name;
		}
	}
	*out = buf_str(&b);
	return 0;
}

/* A refused step of the convener, shown again in its form. */
enum mform { MF_NONE, MF_SCHEDULE, MF_HELD, MF_DECIDE };
struct mrefused {
	enum mform form;
	int shown;               /* set when the form is on the page */
};

/* The fields of fs that the request left empty. */
static size_t empty_fields(struct req *r, const enum field *fs, size_t nf, const char **out)
{
	size_t n = 0;
	for (size_t i = 0; i < nf; i++)
		if (!r->f[fs[i]].present)
			out[n++] = field_defs[fs[i]].name;
	return n;
}

/* One decision form (DECIDE) per undecided item: lead and cooperating
 * units of the dispute's jurisdiction and the city, the principle; the
 * refused one again with what was chosen and typed. */
static int fill_decide_forms(struct req *r, struct tdict *d, const struct meeting *mt,
			     struct mrefused *ref)
{
	struct order_unit_row *units = NULL;   /* of the jurisdiction jur, read once per jur */
	size_t nunits = 0;
	long long jur = -1;
	const struct dispute_input in = dispute_input_of(r);   /* the refused one's */
	for (size_t i = 0; i < mt->nitems; i++) {
		const struct meeting_item_row *it = &mt->items[i];
		if (it->decided)
			continue;
		struct dispute_lock_row *lk;
		int rc = dispute_peek(r->db, r->a, it->dispute_id, &lk);
		if (rc == DB_OK && lk != NULL && lk->jur_id != jur) {
			jur = lk->jur_id;
			rc = order_units(r->db, r->a, jur, &units, &nunits);
		}
		if (rc != DB_OK)
			return db_status(rc);
		if (lk == NULL)
			continue;
		int again = ref != NULL && ref->form == MF_DECIDE &&
			    r->f[F_DISPUTE_ID].present && r->f[F_DISPUTE_ID].i == it->dispute_id;
		struct tdict *s = tmpl_section(d, "DECIDE");
		tmpl_set_int(s, "DID", it->dispute_id);
		tmpl_set(s, "NUMBER", it->number);
		tmpl_set(s, "CATEGORY", it->category);
		order_unit_options(r, s, units, nunits, "LEAD_OPT", again ? in.lead_unit : 0, 0, 0);
		for (size_t u = 0; u < nunits; u++) {
			struct tdict *o = tmpl_section(s, "COOP_OPT");
			tmpl_set_int(o, "ID", units[u].id);
			tmpl_set(o, "NAME", units[u].name);
			for (size_t k = 0; again && k < in.ncoops; k++)
				if (in.coops[k] == units[u].id)
					tmpl_show(o, "SELECTED");
		}
		for (const struct dispute_code *p = dispute_principles; p->code; p++) {
			struct tdict *o = tmpl_section(s, "PRINCIPLE_OPT");
			tmpl_set(o, "CODE", p->code);
			tmpl_set(o, "LABEL", p->label);
			if (again && in.principle && strcmp(in.principle, p->code) == 0)
				tmpl_show(o, "SELECTED");
		}
		if (again) {
			const char *missing[8];
			size_t n = dispute_missing(DA_MEETING_DECIDE, &in, missing, 8);
			static const enum field typed[] = { F_BASIS, F_OPINION };
			view_refused_form(r, s, "", r->err_msg, typed, 2, missing, n);
			ref->shown = 1;
		}
	}
	return 0;
}

/* The convener's forms for the meeting's state; a refused one again
 * (ref, NULL when none) with what was typed. */
static int fill_convener(struct req *r, struct tdict *d, const struct meeting *mt,
			 struct mrefused *ref)
{
	int proposed = strcmp(mt->state, "proposed") == 0;
	int scheduled = strcmp(mt->state, "scheduled") == 0;
	if (strcmp(mt->state, "held") == 0 && mt->undecided > 0)
		return fill_decide_forms(r, tmpl_section(d, "ACTIONS"), mt, ref);
	if (!proposed && !scheduled)
		return 0;
	struct tdict *act = tmpl_section(d, "ACTIONS");
	struct tdict *s = tmpl_section(act, "SCHEDULE");
	char *starts = arena_strdup(r->a, mt->m->starts);
	if (strlen(starts) == 16)
		starts[10] = 'T';  /* the datetime-local form of the value */
	const char *inv = mt->m->invitees;
	if (*inv == '\0') {
		int st = invitee_suggestion(r, mt, &inv);
		if (st)
			return st;
	}
	if (ref != NULL && ref->form == MF_SCHEDULE) {
		static const enum field fs[] = { F_STARTS_AT, F_PLACE, F_INVITEES };
		const char *missing[3];
		starts = arena_strdup(r->a, req_str(r, F_STARTS_AT));
		inv = req_str(r, F_INVITEES);
		tmpl_set(s, "PLACE_VALUE", req_str(r, F_PLACE));
		view_refused_form(r, s, "", r->err_msg, NULL, 0, missing,
				  empty_fields(r, fs, 3, missing));
		ref->shown = 1;
	} else {
		tmpl_set(s, "PLACE_VALUE", mt->m->place);
	}
	tmpl_set(s, "STARTS_VALUE", starts);
	tmpl_set(s, "INVITEES_VALUE", inv);
	tmpl_show(act, "DECIDE_LATER");
	if (scheduled && mt->m->begun) {
		struct tdict *h = tmpl_section(act, "HELD");
		if (ref != NULL && ref->form == MF_HELD) {
			static const enum field fs[] = { F_ATTENDANCE, F_MINUTES };
			const char *missing[2];
			view_refused_form(r, h, "", r->err_msg, fs, 2, missing,
					  empty_fields(r, fs, 2, missing));
			ref->shown = 1;
		}
	} else if (scheduled) {
		tmpl_set(tmpl_section(act, "HELD_LATER"), "STARTS", mt->m->starts);
	}
	return 0;
}

/* The meeting's page; after a refused step of the convener (ref) with
 * that step's form again and the given status. */
static int meeting_page(struct req *r, struct mrefused *ref, int status)
{
	struct meeting mt;
	int st = load_meeting(r, &mt);
	if (st)
		return st;
	struct tdict *d = view_page(r, arena_printf(r->a, "联席会议 #%lld", r->id),
				    "meetings/view.tpl");
	const struct meeting_row *m = mt.m;
	const struct { const char *key, *val; } text[] = {
		{ "TOPIC", m->topic }, { "STARTS", m->starts }, { "PLACE", m->place },
		{ "INVITEES", m->invitees }, { "ATTENDANCE", m->attendance },
		{ "MINUTES", m->minutes }, { "PROPOSER", m->proposer },
	};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		tmpl_set(d, text[i].key, text[i].val);
	tmpl_set_int(d, "MID", m->id);
	tmpl_set(d, "STATE", label_of(meeting_states, mt.state));
	tmpl_set(d, "STATE_CODE", mt.state);
	tmpl_set(d, "CONVENER", mt.head ? mt.head->convener_name : "");
	if (*m->starts == '\0')
		tmpl_show(d, "NO_TIME");
	for (size_t i = 0; i < mt.nitems; i++) {
		const struct meeting_item_row *it = &mt.items[i];
		struct tdict *s = tmpl_section(d, "ITEM");
		tmpl_set_int(s, "DID", it->dispute_id);
		tmpl_set(s, "NUMBER", it->number);
		tmpl_set(s, "CATEGORY", it->category);
		int ds = dispute_state_from_code(it->state);
		tmpl_set(s, "STATE", ds >= 0 ? dispute_state_labels[ds] : "");
		tmpl_show(s, it->decided ? "DECIDED" : "UNDECIDED");
	}
	if (mt.parties & MP_CONVENER) {
		st = fill_convener(r, d, &mt, ref);
		if (st)
			return st;
	}
	/* The form is gone (the meeting moved on): the message at the top. */
	if (ref != NULL && !ref->shown)
		view_alert(r, r->err_msg ? r->err_msg : "未能提交，请刷新后查看会议当前状态。");
	return view_finish(r, status);
}

int h_meeting_view(struct req *r)
{
	return meeting_page(r, NULL, 200);
}

/* ---- the convener's steps ------------------------------------------------- */

/* "YYYY-MM-DDTHH:MM" (what <input type="datetime-local"> sends) as the
 * DATETIME "YYYY-MM-DD HH:MM:00"; -1 when it is not a real minute. */
static int parse_starts(const char *s, char out[20])
{
	static const char shape[] = "dddd-dd-ddTdd:dd";
	if (strlen(s) != sizeof shape - 1)
		return -1;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return -1;
	char date[11];
	int day, h = (s[11] - '0') * 10 + (s[12] - '0'), m = (s[14] - '0') * 10 + (s[15] - '0');
	memcpy(date, s, 10);
	date[10] = '\0';
	if (wd_parse(date, &day) < 0 || h > 23 || m > 59)
		return -1;
	snprintf(out, 20, "%s %.5s:00", date, s + 11);
	return 0;
}

static int schedule_step(struct req *r)
{
	struct meeting mt;
	int st = load_meeting(r, &mt);
	if (st == 0)
		st = convener_only(r, &mt, "安排会议");
	if (st)
		return st;
	if (strcmp(mt.state, "held") == 0)
		return wrong_state(r, &mt, "更改会议安排");
	char starts[20];
	if (!r->f[F_STARTS_AT].present || parse_starts(r->f[F_STARTS_AT].s, starts) < 0) {
		r->err_msg = "请填写有效的会议时间（年-月-日 时:分）。";
		return 400;
	}
	if (!r->f[F_PLACE].present || !r->f[F_INVITEES].present) {
		r->err_msg = "请填写会议地点和参会人员。";
		return 400;
	}
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = dispute_meeting_schedule(r->db, r->a, r->id, starts, r->f[F_PLACE].s,
					  r->f[F_INVITEES].s, r->actor->user_id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "meeting.schedule", "meeting", r->id,
			       arena_printf(r->a, "%.16s，%s", starts, r->f[F_PLACE].s));
	if (rc == DB_CONFLICT)
		r->err_msg = "会议已召开并已记录，不能再更改会议安排。";
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/meetings/%lld?done=scheduled",
							 r->id));
}

/* The meeting's decision on one dispute of its agenda: the dispute's
 * DA_MEETING_DECIDE step (sealed opinion, 'ready', event, audit) and the
 * agenda item marked decided, in one transaction. */
static int decide_step(struct req *r)
{
	struct meeting mt;
	int st = load_meeting(r, &mt);
	if (st == 0)
		st = convener_only(r, &mt, "记录会议决定");
	if (st)
		return st;
	if (strcmp(mt.state, "proposed") == 0)
		return wrong_state(r, &mt, "记录会议决定");
	if (strcmp(mt.state, "held") != 0) {
		r->err_msg = "会议召开并记录召开情况后，方可记录会议决定。";
		return 409;
	}
	if (!r->f[F_DISPUTE_ID].present) {
		r->err_msg = "请选择要记录决定的争议。";
		return 400;
	}
	long long meeting = r->id, dispute = r->f[F_DISPUTE_ID].i;
	size_t i = 0;
	while (i < mt.nitems && mt.items[i].dispute_id != dispute)
		i++;
	if (i == mt.nitems) {
		r->err_msg = arena_printf(r->a, "争议 #%lld 不在本次会议的议程上。", dispute);
		return 404;
	}
	if (mt.items[i].decided) {
		r->err_msg = arena_printf(r->a, "本次会议已对争议 #%lld 作出决定。", dispute);
		return 409;
	}
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = dispute_meeting_decided(r->db, r->a, meeting, dispute);
	if (rc != DB_OK) {
		db_rollback(r->db);
		if (rc == DB_CONFLICT)
			r->err_msg = arena_printf(r->a, "本次会议已对争议 #%lld 作出决定。", dispute);
		return db_status(rc);
	}
	const struct dispute_input in = dispute_input_of(r);
	st = dispute_act_in_tx(REQ_CTX(r), dispute, DA_MEETING_DECIDE, &in, &r->err_msg);
	if (st) {
		db_rollback(r->db);
		return st;
	}
	rc = audit_add(REQ_CTX(r), 0, "meeting.decide", "meeting", meeting,
		       arena_printf(r->a, "争议 #%lld：%s", dispute, r->f[F_OPINION].s));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/meetings/%lld?done=decided",
							 meeting));
}

static int held_step(struct req *r)
{
	struct meeting mt;
	int st = load_meeting(r, &mt);
	if (st == 0)
		st = convener_only(r, &mt, "记录会议召开情况");
	if (st)
		return st;
	if (strcmp(mt.state, "scheduled") != 0)
		return wrong_state(r, &mt, "记录会议召开情况");
	if (!mt.m->begun) {
		r->err_msg = arena_printf(r->a, "会议时间（%s）未到，会议召开后方可记录召开情况。",
					  mt.m->starts);
		return 409;
	}
	if (!r->f[F_ATTENDANCE].present || !r->f[F_MINUTES].present) {
		r->err_msg = "请填写出席情况和会议纪要。";
		return 400;
	}
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = dispute_meeting_held(r->db, r->a, r->id, r->f[F_ATTENDANCE].s,
				      r->f[F_MINUTES].s, r->actor->user_id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "meeting.held", "meeting", r->id, r->f[F_ATTENDANCE].s);
	if (rc == DB_CONFLICT)
		r->err_msg = "会议已记录，请刷新后查看。";
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/meetings/%lld?done=held", r->id));
}

/* A step refused for its input or the meeting's state: the page again
 * with that form as it was sent. */
static int again(struct req *r, int st, enum mform form)
{
	if (st != 400 && st != 409)
		return st;
	struct mrefused ref = { .form = form };
	return meeting_page(r, &ref, st);
}

int h_meeting_schedule(struct req *r) { return again(r, schedule_step(r), MF_SCHEDULE); }
int h_meeting_decide(struct req *r) { return again(r, decide_step(r), MF_DECIDE); }
int h_meeting_held(struct req *r) { return again(r, held_step(r), MF_HELD); }

/* ---- 问责 ------------------------------------------------------------------ */

int h_accountability(struct req *r)
{
	const char *state = req_str(r, F_STATE);
	if (*state && *label_of(account_states, state) == '\0') {
		r->err_msg = "状态无效。";
		return 400;
	}
	struct account_row *a;
	size_t n;
	int rc = dispute_accounts(r->db, r->a, r->actor->scope_jur, state, &a, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "问责", "disputes/accountability.tpl");
	for (const struct dispute_code *s = account_states; s->code; s++) {
		struct tdict *o = tmpl_section(d, "STATE_OPT");
		tmpl_set(o, "CODE", s->code);
		tmpl_set(o, "LABEL", s->label);
		if (strcmp(state, s->code) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", a[i].id);
		tmpl_set_int(row, "DISPUTE_ID", a[i].dispute_id);
		tmpl_set(row, "NUMBER", a[i].number);
		tmpl_set(row, "UNIT", a[i].unit);
		tmpl_set(row, "FACTS", a[i].facts);
		tmpl_set(row, "STATE", label_of(account_states, a[i].state));
		tmpl_set(row, "STATE_CODE", a[i].state);
		tmpl_set(row, "OPENED", a[i].opened);
		if (strcmp(a[i].state, "open") == 0)
			tmpl_show(row, "CLOSE");
		else
			tmpl_set(tmpl_section(row, "OUTCOME"), "TEXT", a[i].outcome);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

int h_accountability_close(struct req *r)
{
	if (!r->f[F_OPINION].present) {
		r->err_msg = "请填写问责处理结果。";
		return 400;
	}
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = dispute_account_close(r->db, r->a, r->id, r->actor->scope_jur,
				       r->f[F_OPINION].s, r->actor->user_id);
	if (rc == DB_CONFLICT) {
		db_rollback(r->db);
		r->err_msg = "问责记录不存在、不在本管理办的范围内，或已办结。";
		return 404;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "accountability.close", "accountability", r->id,
			       r->f[F_OPINION].s);
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/accountability?done=saved");
}
