#include "dispute_bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch.h"
#include "bigram.h"
#include "calendar_store.h"
#include "dispute.h"
#include "order.h"
#include "workdays.h"

#define ROWS 100        /* disputes per multi-row INSERT */
#define TX_ROWS 1000    /* disputes per transaction */
#define PROCEDURE_ID 1  /* the city's procedure */
#define DISPUTE_COLS 23
#define UNIT_COLS 7
#define OPINION_COLS 12
#define EVENT_COLS 6
#define CONTACT_COLS 4
#define OEVENT_COLS 7
#define MAX_EVENTS 12   /* per generated dispute */
#define DAY 86400LL
#define HOUR 3600LL
#define BJ_OFFSET (8 * 3600LL)   /* Beijing is UTC+8 */

enum stmt {
	STMT_COUNT,
	STMT_MAX_ID,
	STMT_PROCEDURE,
	STMT_OFFICE,
	STMT_MEMBER,
	STMT_UNITS,
	STMT_CANDIDATES,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* a range of the primary key. */
	[STMT_COUNT] = "SELECT COUNT(*) FROM disputes WHERE id >= 1000000",
	[STMT_MAX_ID] = "SELECT COALESCE(MAX(id), 0) FROM disputes",
	[STMT_PROCEDURE] = "SELECT jurisdiction_id, establishment_unit_id, legal_unit_id, convener_unit_id,"
	" review_days, accept_days, opinion_days FROM dispute_procedures WHERE id = ?",
	/* the management office of the procedure's jurisdiction. */
	[STMT_OFFICE] = "SELECT id FROM units WHERE jurisdiction_id = ? AND kind = 'office' AND active = 1"
	" ORDER BY id LIMIT 1",
	/* who signs for a unit, the given role first. */
	[STMT_MEMBER] = "SELECT user_id FROM memberships WHERE unit_id = ? AND active = 1"
	" ORDER BY role = ? DESC, id LIMIT 1",
	/* the units that handle orders, with a clerk each. */
	[STMT_UNITS] = "SELECT u.id, u.jurisdiction_id, u.name, (SELECT m.user_id FROM memberships m"
	"  WHERE m.unit_id = u.id AND m.active = 1 AND m.role = 'clerk' ORDER BY m.id LIMIT 1)"
	" FROM units u WHERE u.active = 1 AND u.kind IN ('department', 'enterprise')"
	" ORDER BY u.id LIMIT 2000",
	/* closed generated orders, old enough, of the
	 * procedure's jurisdiction or one without its own procedure. */
	[STMT_CANDIDATES] = "SELECT o.id, o.jurisdiction_id, o.unit_id, o.category_id, o.content, o.caller_name,"
	" o.caller_phone, o.number, UNIX_TIMESTAMP(COALESCE(o.accepted_at, o.dispatched_at))"
	" FROM orders o WHERE o.number LIKE 'bench-%' AND o.state = 'closed'"
	" AND o.unit_id IS NOT NULL AND o.created_at < UTC_TIMESTAMP() - INTERVAL 60 DAY"
	" AND (o.jurisdiction_id = ? OR NOT EXISTS (SELECT 1 FROM dispute_procedures p"
	"  WHERE p.jurisdiction_id = o.jurisdiction_id))"
	" ORDER BY o.id LIMIT ?",
};

/* Text material. */
static const char *const notes[] = {
	"承办单位申请退回，认为该事项不属于本单位职责",
	"涉及部门对职责归属存在分歧，经协调未能达成一致",
	"多个部门互相推诿，来电人反复来电",
	"退回理由成立，但建议承办单位亦不愿承办",
};
static const char *const coordinations[] = {
	"管理办已组织涉及部门召开协调会，各方对牵头职责仍有分歧，提请编办认定。",
	"经电话协调，涉及部门均认为不属本单位职责，协调未果。",
	"管理办书面征求涉及部门意见，意见不一致，拟提请认定。",
};
static const char *const principle_codes[] = { "mandate", "law", "timely" };
static const char *const laws[] = {
	"《中华人民共和国行政许可法》第二十二条",
	"《中华人民共和国城乡规划法》第六十四条",
	"《广东省城乡生活垃圾管理条例》第八条",
	"《物业管理条例》第四十九条",
	"《中华人民共和国食品安全法》第六条",
};
static const char *const refusals[] = {
	"本单位认为该事项不属于本单位“三定”规定的职责，不同意接收。",
	"认定依据与本单位职责不符，已另行报告市政府。",
};
static const char *const contacts[] = {
	"已电话告知来电人争议认定进展，来电人表示理解。",
	"已告知来电人事项正在认定，认定后将由牵头单位办理。",
};
#define N(t) (sizeof(t) / sizeof(t)[0])

struct unit_ref {
	long long id, jur, clerk;
	const char *name;
};

/* What the generator draws from, loaded once. */
struct lookups {
	struct wd_calendar cal;
	long long jur, est, legal, convener, office;
	long long office_user, est_user, legal_user, convener_user;
	int review_days, accept_days, opinion_days;
	struct unit_ref *units;
	size_t nunits;
	struct dbres cands;
};

/* One candidate order, its state and when its dispute was opened. */
struct plan {
	size_t cand;
	int state, route;
	long long t0;
	unsigned long long seed;
};

enum route { R_EST, R_LEGAL, R_MEETING };

struct gen_event {
	long long at, user, unit;
	const char *kind, *note;
};

/* splitmix64: a good stream from any seed, here the dispute's index. */
static unsigned long long next_rand(unsigned long long *s)
{
	unsigned long long z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static long long pick(unsigned long long *s, long long n)
{
	return n > 0 ? (long long)(next_rand(s) % (unsigned long long)n) : 0;
}

static long long min_ll(long long a, long long b)
{
	return a < b ? a : b;
}

static int bj_day(long long t)
{
	return (int)((t + BJ_OFFSET) / DAY);
}

static const char *utc_text(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
			    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* The day n working days after the Beijing day of t, as text. */
static const char *due_text(struct arena *a, const struct wd_calendar *cal, long long t,
			    int n)
{
	int due = dispute_due(cal, bj_day(t), n);
	if (due == WD_ADD_ERROR)
		due = bj_day(t) + n + n / 5 * 2;
	char d[11];
	wd_format(due, d);
	return arena_strdup(a, d);
}

static int load_lookups(struct db *db, struct arena *a, struct lookups *l, long long n)
{
	struct dbres p, units, r;
	memset(l, 0, sizeof *l);
	int rc = calendar_load(db, a, &l->cal);
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_PROCEDURE], &p, DB_I(PROCEDURE_ID));
	if (rc != DB_OK)
		return rc;
	if (p.nrows != 1) {
		fprintf(stderr, "benchload: dispute: needs dispute procedure %d\n", PROCEDURE_ID);
		return DB_ERR;
	}
	l->jur = db_int(&p, 0, 0);
	l->est = db_int(&p, 0, 1);
	l->legal = db_cell(&p, 0, 2) ? db_int(&p, 0, 2) : 0;
	l->convener = db_int(&p, 0, 3);
	l->review_days = (int)db_int(&p, 0, 4);
	l->accept_days = (int)db_int(&p, 0, 5);
	l->opinion_days = (int)db_int(&p, 0, 6);
	rc = db_exec(db, a, sql[STMT_OFFICE], &r, DB_I(l->jur));
	if (rc == DB_OK && r.nrows == 1)
		l->office = db_int(&r, 0, 0);
	struct { long long unit, *user; const char *role; } who[] = {
		{ l->office, &l->office_user, "coordinator" },
		{ l->est, &l->est_user, "reviewer" },
		{ l->legal, &l->legal_user, "reviewer" },
		{ l->convener, &l->convener_user, "convener" },
	};
	for (size_t i = 0; rc == DB_OK && i < N(who); i++) {
		if (who[i].unit == 0)
			continue;
		rc = db_exec(db, a, sql[STMT_MEMBER], &r, DB_I(who[i].unit),
			     DB_S(who[i].role));
		if (rc == DB_OK && r.nrows == 1)
			*who[i].user = db_int(&r, 0, 0);
	}
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_UNITS], &units);
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_CANDIDATES], &l->cands, DB_I(l->jur), DB_I(n));
	if (rc != DB_OK)
		return rc;
	if (l->office_user == 0 || units.nrows < 2) {
		fprintf(stderr, "benchload: dispute: needs the office of jurisdiction %lld with"
			" a member, and two handling units\n", l->jur);
		return DB_ERR;
	}
	/* A reviewer or convener missing: the office seals in their place. */
	if (l->est_user == 0)
		l->est_user = l->office_user;
	if (l->legal_user == 0)
		l->legal_user = l->office_user;
	if (l->convener_user == 0)
		l->convener_user = l->office_user;
	l->nunits = units.nrows;
	l->units = arena_zalloc(a, units.nrows * sizeof *l->units);
	for (size_t i = 0; i < units.nrows; i++) {
		l->units[i].id = db_int(&units, i, 0);
		l->units[i].jur = db_int(&units, i, 1);
		l->units[i].name = db_cell(&units, i, 2);
		l->units[i].clerk = db_cell(&units, i, 3) ? db_int(&units, i, 3) : 0;
	}
	return DB_OK;
}

static const struct unit_ref *unit_by_id(const struct lookups *l, long long id)
{
	for (size_t i = 0; i < l->nunits; i++)
		if (l->units[i].id == id)
			return &l->units[i];
	return NULL;
}

/* The latest a dispute in this state (and route) can have been opened
 * before now, with room for every step it went through. */
static long long span_of(int state, int route)
{
	switch (state) {
	case DS_OPEN:
		return 3 * DAY;
	case DS_ESTABLISHMENT:
		return 4 * DAY;
	case DS_LEGAL:
	case DS_MEETING:
		return 12 * DAY;
	case DS_READY:
		return route == R_EST ? 8 * DAY : 17 * DAY;
	default:
		return 18 * DAY;
	}
}

/* The state and route of candidate i and when its dispute was opened:
 * under way ones in the last weeks, finished ones a few days after the
 * order was signed for. */
static void plan_one(const struct lookups *l, long long i, size_t cand, long long now,
		     struct plan *p)
{
	static const int per_mille[DS__MAX] = { 120, 100, 60, 60, 60, 80, 420, 100 };
	unsigned long long s = 0xD15EULL ^ ((unsigned long long)i * 0x9E3779B97F4A7C15ULL);
	int r = (int)pick(&s, 1000), st = 0;
	while (st < DS__MAX - 1 && (r -= per_mille[st]) >= 0)
		st++;
	if (l->legal == 0 && st == DS_LEGAL)
		st = DS_ESTABLISHMENT;
	r = (int)pick(&s, 100);
	int route = st == DS_LEGAL ? R_LEGAL
		    : st == DS_MEETING ? (r < 70 ? R_EST : R_LEGAL)
		    : r < 60 ? R_EST : r < 85 ? R_LEGAL : R_MEETING;
	if (l->legal == 0 && route == R_LEGAL)
		route = R_EST;
	long long t0;
	if (st <= DS_DETERMINED) {
		t0 = now - span_of(st, route) - HOUR - pick(&s, 4 * DAY);
	} else {
		long long base = db_int(&l->cands, cand, 8);
		t0 = min_ll(base + DAY + pick(&s, 4 * DAY), now - 20 * DAY);
	}
	*p = (struct plan){ cand, st, route, t0, s };
}

static int plan_cmp(const void *x, const void *y)
{
	const struct plan *a = x, *b = y;
	if (a->t0 != b->t0)
		return a->t0 < b->t0 ? -1 : 1;
	return a->cand < b->cand ? -1 : a->cand > b->cand;
}

/* Where a dispute's rows go. */
struct sink {
	struct batch units, opinions, events, contacts, oevents, orders, oevdel;
};

static void add_event(struct gen_event *ev, int *nev, long long at, long long user,
		      long long unit, const char *kind, const char *note)
{
	if (*nev == MAX_EVENTS)
		return;
	/* Kept in time order: the timeline is read by id. */
	int i = (*nev)++;
	while (i > 0 && ev[i - 1].at > at) {
		ev[i] = ev[i - 1];
		i--;
	}
	ev[i] = (struct gen_event){ at, user, unit, kind, note };
}

/* A sealed opinion row. */
static void opinion(struct arena *a, struct sink *k, long long id,
		   const char *stage, const char *kind, const char *text, long long lead,
		   const char *coops, const char *principle, const char *basis,
		   long long temp, long long seal_unit, long long user, long long at)
{
	struct db_param *p = batch_row(&k->opinions);
	p[0] = DB_I(id);
	p[1] = DB_S(stage);
	p[2] = DB_S(kind);
	p[3] = DB_S(text);
	p[4] = batch_id(lead);
	p[5] = DB_S(coops);
	p[6] = DB_S(principle);
	p[7] = DB_S(basis);
	p[8] = batch_id(temp);
	p[9] = DB_I(seal_unit);
	p[10] = DB_I(user);
	p[11] = DB_S(utc_text(a, at));
}

static const char *basis_for(struct arena *a, unsigned long long *s, const char *principle,
			     const struct unit_ref *lead)
{
	if (strcmp(principle, "law") == 0)
		return laws[pick(s, N(laws))];
	if (strcmp(principle, "mandate") == 0)
		return arena_printf(a, "《%s职能配置、内设机构和人员编制规定》第三条", lead->name);
	return "便于及时解决问题、维护群众合法权益";
}

/* Generates dispute id from plan p: its row into d (DISPUTE_COLS
 * parameters), the rest into the sink. Strings in a. */
static void gen_dispute(const struct lookups *l, struct arena *a,
		       const struct plan *p, long long id, struct db_param *d,
		       struct sink *k)
{
	unsigned long long s = p->seed;
	const struct dbres *c = &l->cands;
	size_t ci = p->cand;
	long long order = db_int(c, ci, 0), jur = db_int(c, ci, 1), t0 = p->t0;
	const char *content = db_cell(c, ci, 4), *number = db_cell(c, ci, 7);
	const struct unit_ref *ua = unit_by_id(l, db_int(c, ci, 2));
	if (ua == NULL)   /* no longer a handling unit */
		ua = &l->units[0];
	/* The other involved unit: of the dispute's jurisdiction or the city. */
	const struct unit_ref *ub = NULL;
	for (int tries = 0; tries < 50 && ub == NULL; tries++) {
		const struct unit_ref *u = &l->units[pick(&s, (long long)l->nunits)];
		if (u->id != ua->id && (u->jur == jur || u->jur == l->jur))
			ub = u;
	}
	if (ub == NULL)
		ub = l->units[0].id != ua->id ? &l->units[0] : &l->units[1];
	const struct unit_ref *both[2] = { ua, ub };
	const char *note = notes[pick(&s, N(notes))];
	const char *unit_due = due_text(a, &l->cal, t0, l->opinion_days);
	struct gen_event ev[MAX_EVENTS];
	int nev = 0;
	long long ou = l->office_user, oun = l->office;

	add_event(ev, &nev, t0, ou, oun, "open",
		  arena_printf(a, "工单 %s 提请争议认定：%s", number, note));
	/* The order's own timeline. */
	struct db_param *e = batch_row(&k->oevents);
	e[0] = DB_I(order);
	e[1] = DB_S(utc_text(a, t0));
	e[2] = DB_I(ou);
	e[3] = batch_id(oun);
	e[4] = DB_S(order_action_codes[OA_OPEN_DISPUTE]);
	e[5] = DB_S(NULL);
	e[6] = DB_S(note);
	*batch_row(&k->orders) = DB_I(order);
	*batch_row(&k->oevdel) = DB_I(order);

	/* Lead and cooperating unit of the deciding opinion, if it comes to one. */
	int lead_i = (int)pick(&s, 2), with_coop = pick(&s, 100) < 60;
	const struct unit_ref *lead = both[lead_i], *coop = both[1 - lead_i];
	const char *coops = with_coop ? arena_printf(a, "%lld", coop->id) : "";
	const char *principle = principle_codes[pick(&s, N(principle_codes))];

	/* The involved units' opinions. */
	for (int u = 0; u < 2; u++) {
		const struct unit_ref *me = both[u], *other = both[1 - u];
		int given = p->state != DS_OPEN || pick(&s, 2);
		long long at = t0 + 6 * HOUR + pick(&s, 36 * HOUR);
		const char *text = NULL;
		if (given)
			text = pick(&s, 2)
				? arena_printf(a, "经研究，该事项不属于本单位法定职责，建议由%s承办。",
					       other->name)
				: arena_printf(a, "本单位可配合处理，但牵头职责应属%s。", other->name);
		const char *role = "involved";
		if (p->state >= DS_DETERMINED && me == lead)
			role = "lead";
		else if (p->state >= DS_DETERMINED && with_coop)
			role = "coop";
		struct db_param *q = batch_row(&k->units);
		q[0] = DB_I(id);
		q[1] = DB_I(me->id);
		q[2] = DB_S(unit_due);
		q[3] = DB_S(text);
		q[4] = batch_id(given ? me->clerk : 0);
		q[5] = DB_S(given ? utc_text(a, at) : NULL);
		q[6] = DB_S(role);
		if (given)
			add_event(ev, &nev, at, me->clerk, me->id, "unit_opinion", text);
	}
	if (id % 3 == 0) {
		long long at = t0 + DAY + pick(&s, 12 * HOUR);
		const char *what = contacts[pick(&s, N(contacts))];
		struct db_param *q = batch_row(&k->contacts);
		q[0] = DB_I(id);
		q[1] = DB_S(utc_text(a, at));
		q[2] = DB_I(ou);
		q[3] = DB_S(what);
		add_event(ev, &nev, at, ou, oun, "contact", what);
	}
	/* The office's coordination, sealed: every dispute has it. */
	long long at = t0 + 2 * DAY + pick(&s, 12 * HOUR);
	const char *text = coordinations[pick(&s, N(coordinations))];
	opinion(a, k, id, "office", "coordination", text, 0, "", NULL, NULL, 0, oun, ou, at);
	add_event(ev, &nev, at, ou, oun, "coordinate", text);
	const char *stage_due = unit_due;
	long long temp = 0, decided_at = 0;
	const char *decided_by = NULL;
	if (p->state >= DS_ESTABLISHMENT) {
		at = t0 + 3 * DAY;
		stage_due = due_text(a, &l->cal, at, l->review_days);
		add_event(ev, &nev, at, ou, oun, "refer",
			  arena_printf(a, "审核期限 %s（%d 个工作日）", stage_due, l->review_days));
	}
	/* 编办's step, then 法制局's or the meeting's. */
	if (p->state >= DS_LEGAL) {
		at = t0 + 5 * DAY + pick(&s, 2 * DAY);
		int temporary = p->state == DS_MEETING || p->route == R_MEETING;
		if (p->route == R_LEGAL) {
			text = "该事项涉及法律法规适用，职责划分需由法制局审核。";
			opinion(a, k, id, "establishment", "refer", text, 0, "", NULL, "", 0, l->est,
				l->est_user, at);
			stage_due = due_text(a, &l->cal, at, l->review_days);
			add_event(ev, &nev, at, l->est_user, l->est, "est_legal",
				  arena_printf(a, "%s（审核期限 %s）", text, stage_due));
			if (p->state > DS_LEGAL)
				at = t0 + 9 * DAY + pick(&s, 2 * DAY);
		}
		const char *stage = p->route == R_LEGAL ? "legal" : "establishment";
		long long seal = p->route == R_LEGAL ? l->legal : l->est;
		long long user = p->route == R_LEGAL ? l->legal_user : l->est_user;
		if (p->state > DS_LEGAL && temporary) {
			temp = lead->id;
			text = arena_printf(a, "职责暂难认定，由%s临时承办，提请联席会议审议。",
					    lead->name);
			opinion(a, k, id, stage, "temporary", text, 0, "", NULL, "", temp, seal, user,
				at);
			add_event(ev, &nev, at, user, seal,
				  p->route == R_LEGAL ? "legal_temporary" : "est_temporary", text);
			if (p->state > DS_MEETING) {
				at = t0 + 14 * DAY + pick(&s, 2 * DAY);
				stage = "meeting";
				seal = l->convener;
				user = l->convener_user;
			}
		}
		if (p->state > DS_MEETING) {
			text = arena_printf(a, "%s，该事项属%s职责范围，由其牵头办理%s%s。",
					    strcmp(stage, "meeting") == 0 ? "经联席会议审议" : "经审核",
					    lead->name, with_coop ? "，" : "",
					    with_coop ? arena_printf(a, "%s配合", coop->name) : "");
			opinion(a, k, id, stage, "opinion", text, lead->id, coops, principle,
				basis_for(a, &s, principle, lead), 0, seal, user, at);
			add_event(ev, &nev, at, user, seal,
				  strcmp(stage, "meeting") == 0 ? "meeting_decide"
				  : strcmp(stage, "legal") == 0 ? "legal_opinion" : "est_opinion",
				  text);
			decided_at = at;
			decided_by = stage;
		}
	}
	/* The office's determination and the lead unit's answer. */
	const char *determination = NULL, *accept_due = NULL, *answered = NULL,
		   *refusal = NULL, *determined = NULL;
	if (p->state >= DS_DETERMINED && decided_at) {
		at = decided_at + 12 * HOUR + pick(&s, 12 * HOUR);
		accept_due = due_text(a, &l->cal, at, l->accept_days);
		determination = arena_printf(a, "依%s意见，认定%s为牵头单位%s%s，请于接收期限内签收办理。",
					     strcmp(decided_by, "meeting") == 0 ? "联席会议"
					     : strcmp(decided_by, "legal") == 0 ? "市法制局" : "市编办",
					     lead->name, with_coop ? "，" : "",
					     with_coop ? arena_printf(a, "%s为配合单位", coop->name) : "");
		determined = utc_text(a, at);
		add_event(ev, &nev, at, ou, oun, "determine",
			  arena_printf(a, "%s（接收期限 %s）", determination, accept_due));
		if (p->state == DS_ACCEPTED || p->state == DS_REFUSED) {
			at += HOUR + pick(&s, 20 * HOUR);
			answered = utc_text(a, at);
			if (p->state == DS_REFUSED)
				refusal = refusals[pick(&s, N(refusals))];
			add_event(ev, &nev, at, lead->clerk, lead->id,
				  p->state == DS_ACCEPTED ? "accept" : "refuse",
				  refusal ? refusal : "已接收认定");
		}
	}
	for (int i = 0; i < nev; i++) {
		struct db_param *q = batch_row(&k->events);
		q[0] = DB_I(id);
		q[1] = DB_S(utc_text(a, ev[i].at));
		q[2] = batch_id(ev[i].user);
		q[3] = batch_id(ev[i].unit);
		q[4] = DB_S(ev[i].kind);
		q[5] = DB_S(ev[i].note);
	}

	d[0] = DB_I(id);
	d[1] = DB_I(order);
	d[2] = DB_I(jur);
	d[3] = DB_I(PROCEDURE_ID);
	d[4] = DB_I(db_int(c, ci, 3));
	d[5] = DB_S(dispute_state_codes[p->state]);
	d[6] = DB_I(ou);
	d[7] = DB_S(utc_text(a, t0));
	d[8] = DB_S(note);
	d[9] = DB_S(content);
	d[10] = DB_S(bg_index_text(a, content));
	d[11] = DB_S(stage_due);   /* kept once the reviews are over, as the pages do */
	d[12] = batch_id(temp);
	d[13] = batch_id(determination ? lead->id : 0);
	d[14] = DB_S(determination ? principle : NULL);
	d[15] = DB_S(determination);
	d[16] = batch_id(determination ? ou : 0);
	d[17] = DB_S(determined);
	d[18] = DB_S(accept_due);
	d[19] = DB_S(answered);
	d[20] = DB_S(refusal);
	d[21] = DB_S(db_cell(c, ci, 5));
	d[22] = DB_S(db_cell(c, ci, 6));
}

/* The statements of a dispute's other rows. */
static void sink_init(struct arena *a, struct sink *k)
{
	batch_init(&k->units, a, "INSERT INTO dispute_units (dispute_id, unit_id, due_date,"
		   " opinion, opinion_by, opinion_at, role)", UNIT_COLS, 2 * ROWS);
	batch_init(&k->opinions, a, "INSERT INTO dispute_opinions (dispute_id, stage, kind,"
		   " text, lead_unit_id, coop_units, principle, basis, temp_unit_id,"
		   " sealed_unit_id, sealed_by, sealed_at)", OPINION_COLS, ROWS);
	batch_init(&k->events, a, "INSERT INTO dispute_events (dispute_id, at, user_id,"
		   " unit_id, kind, note)", EVENT_COLS, 2 * ROWS);
	batch_init(&k->contacts, a, "INSERT INTO dispute_contacts (dispute_id, at, user_id,"
		   " what)", CONTACT_COLS, ROWS / 2);
	batch_init(&k->oevents, a, "INSERT INTO order_events (order_id, at, user_id, unit_id,"
		   " kind, target_unit_id, note)", OEVENT_COLS, ROWS);
	/* The order goes to the procedure: its reply and closure undone. */
	batch_init_in(&k->orders, a, "UPDATE orders SET state = 'disputed', replied_at = NULL,"
		      " reply = NULL, closed_at = NULL, satisfaction = NULL WHERE id IN", ROWS);
	batch_init_in(&k->oevdel, a, "DELETE FROM order_events WHERE kind IN ('reply', 'close')"
		      " AND order_id IN", ROWS);
}

int dispute_bench_load(struct db *db, struct arena *a, long long n)
{
	struct dbres cnt, maxid;
	int rc = db_exec0(db, a, sql[STMT_COUNT], &cnt);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_MAX_ID], &maxid);
	long long have = rc == DB_OK ? db_int(&cnt, 0, 0) : 0;
	if (rc != DB_OK || have >= n) {
		if (rc == DB_OK)
			printf("bench disputes: %lld\n", have);
		return rc;
	}
	struct lookups l;
	rc = load_lookups(db, a, &l, n - have);
	if (rc != DB_OK)
		return rc;
	long long m = (long long)l.cands.nrows;
	if (m < n - have)
		fprintf(stderr, "benchload: dispute: only %lld closed generated orders to"
			" dispute (run benchload order first)\n", m);
	long long now = (long long)time(NULL);
	struct plan *plans = arena_alloc(a, (size_t)(m + 1) * sizeof *plans);
	for (long long i = 0; i < m; i++)
		plan_one(&l, have + i, (size_t)i, now, &plans[i]);
	qsort(plans, (size_t)m, sizeof *plans, plan_cmp);

	struct batch disputes;
	batch_init(&disputes, a, "INSERT INTO disputes (id, order_id, jurisdiction_id,"
		   " procedure_id, category_id, state, opened_by, opened_at, note, content,"
		   " content_bg, stage_due, temp_unit_id, lead_unit_id, principle, determination,"
		   " determined_by, determined_at, accept_due, answered_at, refusal, contact_name,"
		   " contact_phone)", DISPUTE_COLS, ROWS);
	struct sink k;
	sink_init(a, &k);
	struct batch *const bs[] = { &k.units, &k.opinions, &k.events, &k.contacts, &k.oevents,
				     &k.orders, &k.oevdel };
	long long first_id = db_int(&maxid, 0, 0) + 1;
	if (first_id < DISPUTE_BENCH_FIRST_ID)
		first_id = DISPUTE_BENCH_FIRST_ID;
	struct arena rows;
	arena_init(&rows, 1 << 20);
	for (long long base = 0; rc == DB_OK && base < m; base += ROWS) {
		int last = base + ROWS >= m || base % TX_ROWS == TX_ROWS - ROWS;
		if (base % TX_ROWS == 0)
			rc = db_begin(db);
		/* The disputes first, then the rows that refer to them. */
		for (long long i = base; i < base + ROWS && i < m; i++)
			gen_dispute(&l, &rows, &plans[i], first_id + i, batch_row(&disputes), &k);
		if (rc == DB_OK)
			rc = batch_flush(db, &rows, &disputes);
		for (size_t i = 0; rc == DB_OK && i < N(bs); i++)
			rc = batch_send(db, &rows, bs[i]);
		if (!last && rc == DB_OK)
			continue;
		for (size_t i = 0; rc == DB_OK && i < N(bs); i++)
			rc = batch_flush(db, &rows, bs[i]);
		if (rc == DB_OK)
			rc = db_commit(db);
		else
			db_rollback(db);
		arena_reset(&rows);
	}
	arena_free(&rows);
	if (rc == DB_OK)
		printf("bench disputes: %lld\n", have + m);
	return rc;
}
