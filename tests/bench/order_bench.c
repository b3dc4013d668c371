#include "order_bench.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "batch.h"
#include "calendar_store.h"
#include "order.h"
#include "workdays.h"

#define ROWS 100        /* orders per multi-row INSERT */
#define EV_ROWS 200     /* events per multi-row INSERT */
#define TX_ORDERS 1000  /* orders per transaction */
#define ORDER_COLS 27
#define EVENT_COLS 7
#define MAX_EVENTS 6    /* per generated order */
#define DAY 86400LL
#define BJ_OFFSET (8 * 3600LL)   /* Beijing is UTC+8 */

enum stmt {
	STMT_COUNT,
	STMT_MAX_ID,
	STMT_CATEGORIES,
	STMT_UNITS,
	STMT_JURS,
	STMT_MEMBERS,
	STMT_ENTRIES,
	STMT_RETURN,
	STMT_DISPUTE,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	/* a range of uk_orders_number. */
	[STMT_COUNT] = "SELECT COUNT(*) FROM orders WHERE number LIKE 'bench-%'",
	[STMT_MAX_ID] = "SELECT COALESCE(MAX(id), 0) FROM orders",
	/* the active leaves, as intake offers them. */
	[STMT_CATEGORIES] = "SELECT c.id, c.time_limit_days, c.name FROM order_categories c"
	" WHERE c.active = 1 AND NOT EXISTS (SELECT 1 FROM order_categories k"
	"  WHERE k.parent_id = c.id AND k.active = 1) ORDER BY c.id LIMIT 1000",
	/* the units that handle orders. */
	[STMT_UNITS] = "SELECT id, jurisdiction_id FROM units WHERE active = 1"
	" AND kind IN ('department', 'enterprise') ORDER BY id LIMIT 2000",
	[STMT_JURS] = "SELECT id, name FROM jurisdictions ORDER BY id LIMIT 500",
	/* who acts in the timelines. */
	[STMT_MEMBERS] = "SELECT m.role, m.user_id, m.unit_id, u.jurisdiction_id FROM memberships m"
	" JOIN units u ON u.id = m.unit_id WHERE m.active = 1"
	" AND m.role IN ('operator', 'clerk', 'coordinator') ORDER BY m.id LIMIT 5000",
	/* what answered calls cite. */
	[STMT_ENTRIES] = "SELECT id FROM kb_entries WHERE published_version_id IS NOT NULL"
	" ORDER BY id LIMIT 500",
	[STMT_RETURN] = "INSERT INTO order_returns (order_id, unit_id, requested_by, requested_at,"
	" reason, basis, suggested_unit_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')",
	[STMT_DISPUTE] = "INSERT INTO disputes (order_id, jurisdiction_id, state, opened_by, opened_at,"
	" note) VALUES (?, ?, ?, ?, ?, ?)",
};

/* Timeline kinds, as the order pages write them: the action's code
 * (order_action_codes), or "overdue" for the sweep. */
enum ev_kind { EV_ANSWERED, EV_THREE_WAY, EV_DISPATCHED, EV_ACCEPTED, EV_OVERDUE,
	       EV_REPLIED, EV_CLOSED, EV_RETURN, EV_DISPUTED, EV__MAX };
static const char *ev_kind_code(enum ev_kind k)
{
	static const int actions[EV__MAX] = {
		OA_ANSWER, OA_THREE_WAY, OA_DISPATCH, OA_ACCEPT, -1,
		OA_REPLY, OA_CLOSE, OA_REQUEST_RETURN, OA_OPEN_DISPUTE,
	};
	return actions[k] < 0 ? "overdue" : order_action_codes[actions[k]];
}

/* Text material. */
static const char *const surnames[] = {
	"李", "王", "张", "刘", "陈", "杨", "黄", "吴", "周", "徐", "钟", "古", "温",
	"丘", "曾", "廖", "叶", "罗", "谢", "侯", "彭", "林", "邓", "赖", "朱", "何",
};
static const char *const given[] = {
	"伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
	"杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "志强", "建华", "海燕",
	"晓东", "文彬", "思敏", "国平", "少芳", "振华", "美玲",
};
static const char *const roads[] = {
	"江南路", "梅江大道", "彬芳大道", "嘉应路", "金山路", "东山大道", "华南大道",
	"新中路", "梅州大道", "剑英大道", "学海路", "丽都路", "仲元路", "五洲路",
	"凌风路", "元城路", "油岩路", "黄塘路", "锭子桥路", "百花洲路",
};
static const char *const places[] = {
	"小区", "花园", "市场", "路口", "社区", "村委会旁", "学校门口", "公交站",
	"商铺", "幼儿园对面",
};
static const char *const issues[] = {
	"办理相关业务时被告知材料不全，多次往返仍未办成",
	"咨询办理流程和所需材料，网上查不到明确说明",
	"反映问题已有半个月，至今无人处理",
	"对办理结果有异议，要求重新核实",
	"反映噪音扰民，夜间持续到凌晨",
	"反映路面破损积水，行人车辆通行困难",
	"反映工资被拖欠三个月，多次讨要未果",
	"咨询补贴申领条件及发放时间",
	"反映窗口工作人员态度差，办事效率低",
	"反映停水停电未提前通知，影响生活",
	"咨询异地转移接续手续如何办理",
	"反映垃圾清运不及时，气味严重",
};
static const char *const demands[] = {
	"希望尽快处理并回复", "要求相关部门上门核查", "希望给予明确答复",
	"要求依法处理", "希望简化办理流程", "要求退还已缴费用",
};
static const char *const causes[] = {
	"政策理解不一致", "办理环节衔接不畅", "相关单位未及时处置", "历史遗留问题",
	"信息未公开告知", "",
};
static const char *const contradictions[] = {
	"群众诉求与现行规定存在差距", "部门职责边界不清", "办理时限与群众期望不符",
	"", "",
};
static const char *const replies[] = {
	"经核查，来电反映情况属实，已安排人员现场处理完毕，并电话告知来电人。",
	"已向来电人解释相关政策规定及办理流程，来电人表示理解。",
	"经调查，已责成相关责任单位限期整改，整改情况将持续跟踪。",
	"已联系来电人，协助其补齐材料并完成办理。",
};
static const char *const reasons[] = {
	"该事项不属于本单位职责范围", "诉求涉及其他部门审批事项",
	"属地管理事项，应由所在区县处理",
};
#define N(t) (sizeof(t) / sizeof(t)[0])

struct unit_ref {
	long long id, jur, clerk;   /* clerk: a clerk's user id, or 0 */
};
struct actor {
	long long user, unit, jur;
};

/* What the generator draws from, loaded once. */
struct lookups {
	struct wd_calendar cal;
	struct dbres cats, jurs, entries;
	struct unit_ref *units;
	size_t nunits;
	struct actor *operators, *offices;
	size_t noperators, noffices;
};

struct gen_event {
	long long at;
	enum ev_kind kind;
	long long user, unit, target;
	const char *note;
};

/* One generated order's extra rows, inserted after the orders. */
struct gen_order {
	long long id;
	struct gen_event ev[MAX_EVENTS];
	int nev;
	int has_return, has_dispute;
	long long unit, clerk, suggested, jur, office_user, at_extra;
	const char *reason, *dispute_state;
};

/* splitmix64: a good stream from any seed, here the order's index. */
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

static double now_mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int bj_day(long long t)
{
	return (int)((t + BJ_OFFSET) / DAY);
}

/* "YYYY-MM-DD HH:MM:SS" of a UTC time, in the arena. */
static const char *utc_text(struct arena *a, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
			    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static const char *day_text(struct arena *a, int day)
{
	char d[11];
	wd_format(day, d);
	return arena_strdup(a, d);
}

static int load_lookups(struct db *db, struct arena *a, struct lookups *l)
{
	struct dbres units, members;
	int rc = calendar_load(db, a, &l->cal);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_CATEGORIES], &l->cats);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_UNITS], &units);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_JURS], &l->jurs);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_MEMBERS], &members);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_ENTRIES], &l->entries);
	if (rc != DB_OK)
		return rc;
	l->nunits = units.nrows;
	l->units = arena_zalloc(a, (units.nrows + 1) * sizeof *l->units);
	for (size_t i = 0; i < units.nrows; i++) {
		l->units[i].id = db_int(&units, i, 0);
		l->units[i].jur = db_int(&units, i, 1);
	}
	l->operators = arena_zalloc(a, (members.nrows + 1) * sizeof *l->operators);
	l->offices = arena_zalloc(a, (members.nrows + 1) * sizeof *l->offices);
	l->noperators = l->noffices = 0;
	for (size_t i = 0; i < members.nrows; i++) {
		const char *role = db_cell(&members, i, 0);
		struct actor who = { db_int(&members, i, 1), db_int(&members, i, 2),
				     db_int(&members, i, 3) };
		if (strcmp(role, "operator") == 0)
			l->operators[l->noperators++] = who;
		else if (strcmp(role, "coordinator") == 0)
			l->offices[l->noffices++] = who;
		else
			for (size_t u = 0; u < l->nunits; u++)
				if (l->units[u].id == who.unit && l->units[u].clerk == 0)
					l->units[u].clerk = who.user;
	}
	return DB_OK;
}

/* The office that acts on orders of jurisdiction jur: its own, else the
 * first (the city's in the demo data). */
static struct actor office_for(const struct lookups *l, long long jur)
{
	struct actor none = { 0, 0, 0 };
	for (size_t i = 0; i < l->noffices; i++)
		if (l->offices[i].jur == jur)
			return l->offices[i];
	return l->noffices ? l->offices[0] : none;
}

static const char *jur_name(const struct lookups *l, long long jur)
{
	for (size_t i = 0; i < l->jurs.nrows; i++)
		if (db_int(&l->jurs, i, 0) == jur)
			return db_cell(&l->jurs, i, 1);
	return "";
}

static void add_event(struct gen_order *g, long long at, enum ev_kind kind,
		      long long user, long long unit, long long target, const char *note)
{
	if (g->nev == MAX_EVENTS)
		return;
	/* Kept in time order: the timeline is read by id. */
	int i = g->nev++;
	while (i > 0 && g->ev[i - 1].at > at) {
		g->ev[i] = g->ev[i - 1];
		i--;
	}
	g->ev[i] = (struct gen_event){ at, kind, user, unit, target, note };
}

/* The state of a dispatched order of this age, per mille by bracket: the
 * young ones are mostly open, the old ones mostly closed. */
static int dispatched_state(unsigned long long *s, long long age)
{
	static const struct {
		long long max_age;
		int dispatched, accepted, ret, replied, disputed; /* rest: closed */
	} brackets[] = {
		{ 3 * DAY, 450, 450, 50, 50, 0 },
		{ 11 * DAY, 30, 450, 40, 200, 0 },
		{ 31 * DAY, 0, 100, 20, 80, 20 },
		{ 400 * DAY, 0, 15, 5, 2, 20 },
	};
	size_t b = 0;
	while (b + 1 < N(brackets) && age >= brackets[b].max_age)
		b++;
	int r = (int)pick(s, 1000);
	if ((r -= brackets[b].dispatched) < 0)
		return OS_DISPATCHED;
	if ((r -= brackets[b].accepted) < 0)
		return OS_ACCEPTED;
	if ((r -= brackets[b].ret) < 0)
		return OS_RETURN;
	if ((r -= brackets[b].replied) < 0)
		return OS_REPLIED;
	if ((r -= brackets[b].disputed) < 0)
		return OS_DISPUTED;
	return OS_CLOSED;
}

/* Generates order number i into p (ORDER_COLS parameters) and g, with
 * strings in a. now is the load's UTC time. */
static void gen_order(const struct lookups *l, struct arena *a, long long i,
		      long long id, long long now, struct db_param *p,
		      struct gen_order *g)
{
	unsigned long long s = 0x5EEDULL ^ ((unsigned long long)i * 0x9E3779B97F4A7C15ULL);
	memset(g, 0, sizeof *g);
	g->id = id;
	long long age = 3600 + pick(&s, 365 * DAY - 3600);
	long long created = now - age;
	const struct unit_ref *u = &l->units[pick(&s, (long long)l->nunits)];
	size_t cat = (size_t)pick(&s, (long long)l->cats.nrows);
	long long limit = db_int(&l->cats, cat, 1);
	struct actor op = l->noperators ? l->operators[pick(&s, (long long)l->noperators)]
					: (struct actor){ 1, 0, 0 };
	struct actor office = office_for(l, u->jur);
	int r = (int)pick(&s, 100);
	const char *channel = r < 70 ? "phone" : r < 80 ? "web" : r < 95 ? "wechat"
			      : r < 97 ? "letter" : "other";
	const char *caller = arena_printf(a, "%s%s", surnames[pick(&s, N(surnames))],
					  given[pick(&s, N(given))]);
	const char *phone = arena_printf(a, "13%lld%08lld", 3 + pick(&s, 7),
					 pick(&s, 100000000));
	const char *place = arena_printf(a, "%s%s%lld号%s", jur_name(l, u->jur),
					 roads[pick(&s, N(roads))], 1 + pick(&s, 300),
					 places[pick(&s, N(places))]);
	const char *content = arena_printf(a, "来电人反映（%s）：%s%s。", db_cell(&l->cats, cat, 2),
					   place, issues[pick(&s, N(issues))]);
	int y, m, d;
	wd_to_ymd(bj_day(created), &y, &m, &d);

	long long entry = 0, three_way = 0, unit = 0, overdue = 0;
	const char *dispatched_at = NULL, *due_text = NULL, *accepted_at = NULL,
		   *replied_at = NULL, *reply = NULL, *closed_at = NULL, *sat = NULL;
	int state;
	r = (int)pick(&s, 100);
	if (r < 30) {
		state = OS_ANSWERED;
		if (l->entries.nrows)
			entry = db_int(&l->entries, (size_t)pick(&s, (long long)l->entries.nrows), 0);
		closed_at = utc_text(a, created + 180 + pick(&s, 420));
		add_event(g, created, EV_ANSWERED, op.user, op.unit, 0,
			  entry ? arena_printf(a, "依据知识 #%lld", entry) : "");
	} else if (r < 35) {
		state = OS_THREE_WAY;
		three_way = u->id;
		closed_at = utc_text(a, created + 300 + pick(&s, 900));
		add_event(g, created, EV_THREE_WAY, op.user, op.unit, u->id, "");
	} else {
		unit = u->id;
		long long disp = created + 120 + pick(&s, 780);
		int due = order_due(&l->cal, bj_day(disp), (int)limit);
		if (due == WD_ADD_ERROR)
			due = bj_day(disp) + (int)limit;
		dispatched_at = utc_text(a, disp);
		due_text = day_text(a, due);
		add_event(g, disp, EV_DISPATCHED, op.user, op.unit, u->id,
			  arena_printf(a, "办理期限 %s", due_text));
		state = dispatched_state(&s, age);
		long long base = disp, end = now;   /* end: when it left the unit */
		int signed_for = state == OS_ACCEPTED || state == OS_REPLIED ||
				 state == OS_CLOSED || pick(&s, 2);
		if (state != OS_DISPATCHED && signed_for) {
			base = disp + min_ll(600 + pick(&s, 3 * DAY / 2), (now - disp) * 3 / 10);
			accepted_at = utc_text(a, base);
			add_event(g, base, EV_ACCEPTED, u->clerk, u->id, 0, NULL);
		}
		if (state == OS_REPLIED || state == OS_CLOSED) {
			/* 10 % to 110 % of the limit, in calendar days. */
			long long handling = limit * DAY * (10 + pick(&s, 101)) * 14 / 1000;
			end = base + 60 + min_ll(handling, (now - base) * 9 / 10);
			replied_at = utc_text(a, end);
			reply = replies[pick(&s, N(replies))];
			add_event(g, end, EV_REPLIED, u->clerk, u->id, 0, reply);
		}
		if (state == OS_CLOSED) {
			long long closed = end + min_ll(3600 + pick(&s, 2 * DAY), (now - end) * 9 / 10);
			r = (int)pick(&s, 100);
			sat = r < 85 ? "satisfied" : r < 95 ? "basic" : "dissatisfied";
			closed_at = utc_text(a, closed);
			add_event(g, closed, EV_CLOSED, office.user, office.unit, 0,
				  order_code_label(order_satisfactions, sat));
		}
		if (state == OS_RETURN || state == OS_DISPUTED) {
			long long at = base + min_ll(3600 + pick(&s, DAY), (now - base) * 9 / 10);
			const struct unit_ref *sug = &l->units[pick(&s, (long long)l->nunits)];
			g->unit = u->id;
			g->jur = u->jur;
			g->clerk = u->clerk ? u->clerk : op.user;
			g->suggested = sug->id;
			g->reason = reasons[pick(&s, N(reasons))];
			g->at_extra = at;
			g->office_user = office.user ? office.user : op.user;
			if (state == OS_RETURN) {
				g->has_return = 1;
				add_event(g, at, EV_RETURN, u->clerk, u->id, sug->id, g->reason);
			} else {
				end = at;
				g->has_dispute = 1;
				g->dispute_state = age > 60 * DAY ? "determined" : "open";
				add_event(g, at, EV_DISPUTED, office.user, office.unit, 0, g->reason);
			}
		}
		/* Late while still with the unit: the sweep would have marked it
		 * in the first minutes of the day after the due date. */
		if (bj_day(end) > due) {
			overdue = 1;
			add_event(g, (long long)(due + 1) * DAY - BJ_OFFSET + 60, EV_OVERDUE, 0, 0,
				  u->id, arena_printf(a, "已超过办理时限（截止 %s）", due_text));
		}
	}

	p[0] = DB_I(id);
	p[1] = DB_S(arena_printf(a, "bench-%04d%02d%02d-%06lld", y, m, d, i));
	p[2] = DB_I(u->jur);
	p[3] = DB_S(channel);
	p[4] = DB_S(caller);
	p[5] = DB_S(phone);
	p[6] = DB_I(db_int(&l->cats, cat, 0));
	p[7] = DB_S(place);
	p[8] = DB_S(content);
	p[9] = DB_S(demands[pick(&s, N(demands))]);
	p[10] = DB_S(causes[pick(&s, N(causes))]);
	p[11] = DB_S(contradictions[pick(&s, N(contradictions))]);
	p[12] = DB_S(order_state_codes[state]);
	p[13] = batch_id(entry);
	p[14] = batch_id(three_way);
	p[15] = batch_id(unit);
	p[16] = DB_I(op.user);
	p[17] = DB_S(utc_text(a, created));
	p[18] = DB_S(dispatched_at);
	p[19] = DB_S(due_text);
	p[20] = DB_S(accepted_at);
	p[21] = DB_S(replied_at);
	p[22] = DB_S(reply);
	p[23] = DB_S(closed_at);
	p[24] = DB_S(sat);
	p[25] = DB_I(overdue);
	p[26] = DB_I(0);
}

static void event_params(struct arena *a, const struct gen_order *g,
			 const struct gen_event *e, struct db_param *p)
{
	p[0] = DB_I(g->id);
	p[1] = DB_S(utc_text(a, e->at));
	p[2] = batch_id(e->user);
	p[3] = batch_id(e->unit);
	p[4] = DB_S(ev_kind_code(e->kind));
	p[5] = batch_id(e->target);
	p[6] = DB_S(e->note);
}

/* The return or dispute row of a generated order, if its state has one. */
static int extra_rows(struct db *db, struct arena *a, const struct gen_order *g)
{
	if (g->has_return)
		return db_exec(db, a, sql[STMT_RETURN], NULL, DB_I(g->id), DB_I(g->unit),
			       DB_I(g->clerk), DB_S(utc_text(a, g->at_extra)), DB_S(g->reason),
			       DB_S("依据《梅州市人民政府办公室关于印发各部门职能配置的通知》"), DB_I(g->suggested));
	if (g->has_dispute)
		return db_exec(db, a, sql[STMT_DISPUTE], NULL, DB_I(g->id), DB_I(g->jur),
			       DB_S(g->dispute_state), DB_I(g->office_user),
			       DB_S(utc_text(a, g->at_extra)), DB_S(g->reason));
	return DB_OK;
}

int order_bench_load(struct db *db, struct arena *a, long long n)
{
	struct dbres cnt, maxid;
	int rc = db_exec0(db, a, sql[STMT_COUNT], &cnt);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_MAX_ID], &maxid);
	long long have = rc == DB_OK ? db_int(&cnt, 0, 0) : 0;
	if (rc != DB_OK || have >= n) {
		if (rc == DB_OK)
			printf("bench orders: %lld\n", have);
		return rc;
	}
	struct lookups l;
	rc = load_lookups(db, a, &l);
	if (rc == DB_OK && (l.cats.nrows == 0 || l.nunits == 0)) {
		fprintf(stderr, "benchload: order: needs order categories and handling units\n");
		rc = DB_ERR;
	}
	if (rc != DB_OK)
		return rc;
	struct batch orders, events;
	batch_init(&orders, a, "INSERT INTO orders (id, number, jurisdiction_id, channel,"
		   " caller_name, caller_phone, category_id, place, content, demand, cause,"
		   " contradiction, state, kb_entry_id, three_way_unit_id, unit_id,"
		   " operator_id, created_at, dispatched_at, due_date, accepted_at,"
		   " replied_at, reply, closed_at, satisfaction, overdue, returns)",
		   ORDER_COLS, ROWS);
	batch_init(&events, a, "INSERT INTO order_events (order_id, at, user_id, unit_id, kind,"
		   " target_unit_id, note)", EVENT_COLS, EV_ROWS);
	double t0 = now_mono();
	long long now = (long long)time(NULL);
	long long first_id = db_int(&maxid, 0, 0) + 1;
	struct gen_order *gens = arena_alloc(a, ROWS * sizeof *gens);
	struct arena rows;
	arena_init(&rows, 1 << 20);
	for (long long base = have; rc == DB_OK && base < n; base += ROWS) {
		long long done = base - have;
		int last = base + ROWS >= n || done % TX_ORDERS == TX_ORDERS - ROWS;
		if (done % TX_ORDERS == 0)
			rc = db_begin(db);
		int m = (int)min_ll(ROWS, n - base);
		for (int r = 0; r < m; r++)
			gen_order(&l, &rows, base + r, first_id + done + r, now,
				  batch_row(&orders), &gens[r]);
		if (rc == DB_OK)
			rc = batch_flush(db, &rows, &orders);
		/* Their events and rows, now that the orders exist. */
		for (int r = 0; rc == DB_OK && r < m; r++) {
			for (int e = 0; e < gens[r].nev; e++)
				event_params(&rows, &gens[r], &gens[r].ev[e], batch_row(&events));
			rc = extra_rows(db, &rows, &gens[r]);
		}
		if (rc == DB_OK)
			rc = batch_send(db, &rows, &events);
		if (!last && rc == DB_OK)
			continue;
		if (rc == DB_OK)
			rc = batch_flush(db, &rows, &events);
		if (rc == DB_OK)
			rc = db_commit(db);
		else
			db_rollback(db);
		arena_reset(&rows);
	}
	double t1 = now_mono();
	arena_free(&rows);
	if (rc == DB_OK)
		printf("bench orders: %lld load_s=%.1f\n", n, t1 - t0);
	return rc;
}
