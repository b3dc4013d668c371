/* 通报 (K10): the office drafts a month's bulletin from the frozen scores
 * (ranking, the units commended and named with the people who answer for
 * their knowledge, its own text), another office user approves it, and it
 * is published to every unit, whose home page links it. The page prints
 * on A4; its charts are SVG drawn here, each with its table, and every
 * table is also a CSV file. The tables are built once (struct btable) for
 * the page and the CSV alike. */
#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "audit_store.h"
#include "bulletin_store.h"
#include "chart.h"
#include "csv.h"
#include "handlers.h"
#include "roles.h"
#include "score_store.h"
#include "view.h"

#define TREND_MONTHS 12
#define BAR_UNITS 30

struct btable {
	const char *code, *caption;
	size_t ncols, nrows;
	const char *const *head;
	const char **cell;        /* nrows * ncols */
};

struct bview {
	struct bulletin_row *b;
	struct score_row *s;
	size_t ns;
	char month[TREND_MONTHS][8];
	int one[TREND_MONTHS], acc[TREND_MONTHS];   /* per mille, -1: none */
	struct score_month_row *mo;                 /* this month's, or NULL */
	struct score_category_row *cat;
	size_t ncat;
	struct score_pair_row *acct;
	size_t nacct;
	struct score_row **bars;                    /* units with update orders */
	size_t nbars;
	long bins[10];
};

static int office(const struct req *r)
{
	return caps_allow(r->actor->caps, 1, CAP_DISPATCH);
}

static int in_scope(const struct req *r, long long jur)
{
	return r->actor->scope_jur == 0 || r->actor->scope_jur == jur;
}

static int rate_of(long long num, long long den)
{
	return den > 0 ? (int)((num * 1000 + den / 2) / den) : -1;
}

static const char *pm(struct arena *a, int permille)
{
	char b[8];
	assess_permille(permille, b);
	return arena_strdup(a, b);
}

static const char *num(struct arena *a, long long v)
{
	return arena_printf(a, "%lld", v);
}

static void t_init(struct arena *a, struct btable *t, const char *code, const char *caption,
		   const char *const *head, size_t ncols, size_t nrows)
{
	*t = (struct btable){ code, caption, ncols, nrows, head,
			      arena_zalloc(a, (nrows * ncols + 1) * sizeof(char *)) };
}

/* The twelve months to the bulletin's: overall rates from each month's figures. */
static int load_trend(struct req *r, struct db *db, struct bview *v)
{
	int y, m;
	assess_month_parse(v->b->month, &y, &m);
	assess_month_add(&y, &m, -(TREND_MONTHS - 1));
	for (int i = 0; i < TREND_MONTHS; i++) {
		assess_month_format(y, m, v->month[i]);
		assess_month_add(&y, &m, 1);
		v->one[i] = v->acc[i] = -1;
	}
	struct score_month_row *mo;
	size_t n;
	int rc = score_months(db, r->a, v->month[0], v->month[TREND_MONTHS - 1], &mo, &n);
	for (size_t j = 0; rc == DB_OK && j < n; j++)
		for (int i = 0; i < TREND_MONTHS; i++)
			if (strcmp(mo[j].month, v->month[i]) == 0) {
				v->one[i] = rate_of(mo[j].calls_one, mo[j].calls);
				v->acc[i] = rate_of(mo[j].qa_accurate, mo[j].qa_marked);
				if (i == TREND_MONTHS - 1)
					v->mo = &mo[j];
			}
	return rc;
}

/* The bulletin, if the actor may read it, and everything it shows. */
static int bulletin_load(struct req *r, struct bview *v)
{
	memset(v, 0, sizeof *v);
	int rc = bulletin_get(r->db, r->a, r->id, &v->b);
	if (rc != DB_OK)
		return db_status(rc);
	if (v->b == NULL)
		return 404;
	if (strcmp(v->b->state, "published") != 0 && !(office(r) && in_scope(r, v->b->jur_id)))
		return 404;
	char from[20], to[20];
	int y, m;
	assess_month_parse(v->b->month, &y, &m);
	assess_month_utc(y, m, from, to);
	/* A published bulletin's figures are frozen: a replica may serve them. */
	struct db *db = strcmp(v->b->state, "published") == 0 ? r->db_read : r->db;
	rc = score_month(db, r->a, v->b->month, v->b->jur_id, &v->s, &v->ns);
	if (rc == DB_OK)
		rc = load_trend(r, db, v);
	if (rc == DB_OK)
		rc = score_categories(db, r->a, v->b->month, &v->cat, &v->ncat);
	if (rc == DB_OK)
		rc = score_accountability(db, r->a, from, to, &v->acct, &v->nacct);
	if (rc != DB_OK)
		return db_status(rc);
	v->bars = arena_alloc(r->a, (v->ns + 1) * sizeof *v->bars);
	for (size_t i = 0; i < v->ns; i++) {
		if (v->s[i].updates > 0 && v->nbars < BAR_UNITS)
			v->bars[v->nbars++] = &v->s[i];
		if (v->s[i].score >= 0)
			v->bins[chart_bin((int)v->s[i].score)]++;
	}
	return 0;
}

static void table_ranking(struct arena *a, const struct bview *v, struct btable *t)
{
	static const char *const head[] = { "排名", "单位", "得分", "及时性", "完整性",
					    "一次性解答率", "准确解答率", "规范性", "分管领导",
					    "责任人" };
	/* the ranked units: score_month puts the unscored last */
	size_t n = 0;
	while (n < v->ns && v->s[n].score >= 0)
		n++;
	t_init(a, t, "ranking", "各单位考核排名", head, 10, n);
	for (size_t i = 0; i < n; i++) {
		const struct score_row *s = &v->s[i];
		const char **c = &t->cell[i * t->ncols];
		char sc[8];
		assess_tenths((int)s->score, sc);
		c[0] = s->rank ? num(a, s->rank) : "—";
		c[1] = s->unit;
		c[2] = arena_strdup(a, sc);
		int rate[AP__MAX];
		score_row_rates(s, rate);
		for (int k = 0; k < AP__MAX; k++)
			c[3 + k] = pm(a, rate[k]);
		c[8] = s->leader ? arena_printf(a, "%s %s", s->leader, s->leader_phone) : "未明确";
		c[9] = s->owner ? arena_printf(a, "%s %s", s->owner, s->owner_phone) : "未明确";
	}
}

static void table_trend(struct arena *a, const struct bview *v, struct btable *t)
{
	static const char *const head[] = { "月份", "一次性解答率", "准确解答率" };
	t_init(a, t, "trend", "近 12 个月一次性解答率和准确解答率", head, 3, TREND_MONTHS);
	for (int i = 0; i < TREND_MONTHS; i++) {
		const char **c = &t->cell[i * 3];
		c[0] = v->month[i];
		c[1] = pm(a, v->one[i]);
		c[2] = pm(a, v->acc[i]);
	}
}

static void table_updates(struct arena *a, const struct bview *v, struct btable *t)
{
	static const char *const head[] = { "单位", "到期知识更新工单", "按期答复", "按期答复率",
					    "平均办理工作日" };
	t_init(a, t, "updates", "各单位知识更新工单按期答复率", head, 5, v->nbars);
	for (size_t i = 0; i < v->nbars; i++) {
		const struct score_row *s = v->bars[i];
		const char **c = &t->cell[i * 5];
		c[0] = s->unit;
		c[1] = num(a, s->updates);
		c[2] = num(a, s->updates_on_time);
		c[3] = pm(a, rate_of(s->updates_on_time, s->updates));
		c[4] = arena_printf(a, "%lld.%lld", s->update_days_x10 / 10, s->update_days_x10 % 10);
	}
}

static void table_distribution(struct arena *a, const struct bview *v, struct btable *t)
{
	static const char *const head[] = { "分数段", "单位数" };
	t_init(a, t, "distribution", "得分分布", head, 2, 10);
	for (int i = 0; i < 10; i++) {
		t->cell[i * 2] = i == 9 ? "90–100" : arena_printf(a, "%d–%d", i * 10, i * 10 + 9);
		t->cell[i * 2 + 1] = num(a, v->bins[i]);
	}
}

static void table_categories(struct arena *a, const struct bview *v, struct btable *t)
{
	static const char *const head[] = { "问题分类", "来电", "当场解答", "一次性解答率" };
	t_init(a, t, "categories", "各问题分类一次性解答率", head, 4, v->ncat);
	for (size_t i = 0; i < v->ncat; i++) {
		const char **c = &t->cell[i * 4];
		c[0] = v->cat[i].name;
		c[1] = num(a, v->cat[i].calls);
		c[2] = num(a, v->cat[i].calls_one);
		c[3] = pm(a, rate_of(v->cat[i].calls_one, v->cat[i].calls));
	}
}

static void (*const tables[])(struct arena *, const struct bview *, struct btable *) = {
	table_ranking, table_trend, table_updates, table_distribution, table_categories,
};
#define NTABLES (sizeof tables / sizeof tables[0])

static void fill_table(struct tdict *d, const char *key, long long id, const struct btable *t)
{
	struct tdict *x = tmpl_include(d, key, "bulletins/table.tpl");
	tmpl_set(x, "CAPTION", t->caption);
	tmpl_set(x, "CODE", t->code);
	tmpl_set_int(x, "ID", id);
	for (size_t j = 0; j < t->ncols; j++)
		tmpl_set(tmpl_section(x, "HEAD"), "V", t->head[j]);
	for (size_t i = 0; i < t->nrows; i++) {
		struct tdict *row = tmpl_section(x, "ROW");
		for (size_t j = 0; j < t->ncols; j++)
			tmpl_set(tmpl_section(row, "CELL"), "V", t->cell[i * t->ncols + j]);
	}
	if (t->nrows == 0)
		tmpl_show(x, "EMPTY");
}

/* Line chart: the two rates over twelve months. */
static void chart_trend(struct req *r, struct tdict *d, const struct bview *v)
{
	struct tdict *c = tmpl_section(d, "TREND");
	tmpl_set(c, "ONE", chart_points(r->a, v->one, TREND_MONTHS));
	tmpl_set(c, "ACC", chart_points(r->a, v->acc, TREND_MONTHS));
	for (int p = 0; p <= 100; p += 25) {
		struct tdict *g = tmpl_section(c, "GRID");
		tmpl_set_int(g, "Y", chart_y(p * 10));
		tmpl_setf(g, "LABEL", "%d%%", p);
	}
	for (int i = 0; i < TREND_MONTHS; i++) {
		struct tdict *x = tmpl_section(c, "MONTH");
		tmpl_set_int(x, "X", chart_slot_x(i, TREND_MONTHS));
		tmpl_setf(x, "LABEL", "%d月", (v->month[i][5] - '0') * 10 + (v->month[i][6] - '0'));
		const int *series[2] = { v->one, v->acc };
		for (int s = 0; s < 2; s++) {
			if (series[s][i] < 0)
				continue;
			struct tdict *dot = tmpl_section(x, s ? "ACC_DOT" : "ONE_DOT");
			tmpl_set_int(dot, "CX", chart_slot_x(i, TREND_MONTHS));
			tmpl_set_int(dot, "CY", chart_y(series[s][i]));
			tmpl_set(dot, "V", pm(r->a, series[s][i]));
		}
	}
}

/* Bar chart: each unit's on-time rate of update orders. */
static void chart_updates(struct req *r, struct tdict *d, const struct bview *v)
{
	if (v->nbars == 0)
		return;
	struct tdict *c = tmpl_section(d, "UPDATES");
	tmpl_set_int(c, "H", 30 + (long long)v->nbars * 22);
	for (size_t i = 0; i < v->nbars; i++) {
		const struct score_row *s = v->bars[i];
		int rate = rate_of(s->updates_on_time, s->updates);
		struct tdict *b = tmpl_section(c, "BAR");
		tmpl_set_int(b, "Y", 10 + (long long)i * 22);
		tmpl_set_int(b, "TY", 25 + (long long)i * 22);
		tmpl_set_int(b, "W", chart_len(rate, 1000, 300));
		tmpl_set_int(b, "VX", 250 + chart_len(rate, 1000, 300) + 6);
		tmpl_set(b, "UNIT", s->unit);
		tmpl_set(b, "V", pm(r->a, rate));
	}
}

/* Column chart: how many units scored in each band of ten points. */
static void chart_distribution(struct tdict *d, const struct bview *v)
{
	struct tdict *c = tmpl_section(d, "DIST");
	long max = 1;
	for (int i = 0; i < 10; i++)
		if (v->bins[i] > max)
			max = v->bins[i];
	for (int i = 0; i < 10; i++) {
		struct tdict *b = tmpl_section(c, "COL");
		int h = chart_len(v->bins[i], max, CHART_BOTTOM - CHART_TOP);
		int x = chart_slot_x(i, 10);
		tmpl_set_int(b, "X", x - 20);
		tmpl_set_int(b, "TX", x);
		tmpl_set_int(b, "Y", CHART_BOTTOM - h);
		tmpl_set_int(b, "VY", CHART_BOTTOM - h - 4);
		tmpl_set_int(b, "H", h);
		tmpl_set_int(b, "N", v->bins[i]);
		tmpl_setf(b, "LABEL", "%d", i * 10);
	}
}

/* A named unit's reasons: its counts from the month's frozen scores, the
 * largest three (the findings themselves are on its own page). */
static void fill_reasons(struct tdict *u, const struct score_row *s)
{
	const struct { const char *kind; long long n; } why[] = {
		{ "unreviewed", s->published - s->reviewed },
		{ "late_change", s->changes - s->changes_on_time },
		{ "update_late", s->updates - s->updates_on_time },
		{ "gap_open", s->gaps_open },
		{ "field_empty", s->fields_empty },
		{ "inaccurate", s->qa_marked - s->qa_accurate },
		{ "typo", s->typos },
		{ "keyword", s->keywords },
		{ "format", s->formats },
		{ "duplicate", s->duplicates },
		{ "no_people", !s->has_people },
	};
	const size_t n = sizeof why / sizeof why[0];
	int used[sizeof why / sizeof why[0]] = { 0 };
	for (int k = 0; k < 3; k++) {
		size_t best = n;
		for (size_t i = 0; i < n; i++)
			if (!used[i] && why[i].n > 0 && (best == n || why[i].n > why[best].n))
				best = i;
		if (best == n)
			return;
		used[best] = 1;
		struct tdict *w = tmpl_section(u, "REASON");
		tmpl_set(w, "KIND", assess_finding_label(why[best].kind));
		tmpl_set_int(w, "N", why[best].n);
	}
}

/* Units commended (the best commend_n) and named (below the line, or
 * without people), with their people and reasons. */
static void fill_units(struct req *r, struct tdict *d, const struct bview *v)
{
	int below = (int)v->b->name_below * 10;
	for (size_t i = 0; i < v->ns; i++) {
		const struct score_row *s = &v->s[i];
		int commend = s->rank > 0 && s->rank <= v->b->commend_n;
		/* a unit with nothing to assess this month is not named; its
		 * own page still lists the people it has not named */
		int named = s->score >= 0 && (s->score < below || !s->has_people);
		if (!commend && !named)
			continue;
		struct tdict *u = tmpl_section(d, commend ? "COMMEND" : "NAMED");
		char sc[8];
		assess_tenths((int)s->score, sc);
		tmpl_set(u, "UNIT", s->unit);
		tmpl_set(u, "SCORE", sc);
		tmpl_set_int(u, "UNIT_ID", s->unit_id);
		tmpl_set(u, "MONTH", v->b->month);
		tmpl_set(u, "LEADER", s->leader ? s->leader : "未明确");
		tmpl_set(u, "OWNER", s->owner ? s->owner : "未明确");
		if (commend)
			continue;
		fill_reasons(u, s);
		for (size_t j = 0; j < v->nacct; j++)
			if (v->acct[j].unit_id == s->unit_id) {
				struct tdict *w = tmpl_section(u, "ACCOUNT");
				tmpl_set_int(w, "N", v->acct[j].n);
				if (office(r))
					tmpl_show(w, "LINK");
			}
	}
}

static void fill_actions(struct req *r, struct tdict *d, const struct bulletin_row *b)
{
	if (!office(r) || !in_scope(r, b->jur_id))
		return;
	if (strcmp(b->state, "draft") == 0) {
		struct tdict *e = tmpl_section(d, "EDIT");
		tmpl_set(e, "TITLE", b->title);
		tmpl_set(e, "BODY", b->body);
		tmpl_set_int(e, "COMMEND_N", b->commend_n);
		tmpl_set_int(e, "NAME_BELOW", b->name_below);
		tmpl_set_int(e, "ID", b->id);
		if (b->created_by != r->actor->user_id)
			tmpl_set_int(tmpl_section(d, "APPROVE"), "ID", b->id);
		else
			tmpl_show(d, "NEEDS_OTHER");
	} else if (strcmp(b->state, "approved") == 0) {
		tmpl_set_int(tmpl_section(d, "PUBLISH"), "ID", b->id);
	}
}

static const char *state_label(const char *state)
{
	return strcmp(state, "draft") == 0 ? "草稿" : strcmp(state, "approved") == 0 ? "已审核"
										 : "已发布";
}

static int bulletin_page(struct req *r, const char *alert, int status)
{
	struct bview v;
	int st = bulletin_load(r, &v);
	if (st)
		return st;
	const struct bulletin_row *b = v.b;
	struct tdict *d = view_page(r, b->title, "bulletins/view.tpl");
	if (alert)
		view_alert(r, alert);
	tmpl_set(d, "TITLE", b->title);
	tmpl_set(d, "MONTH", b->month);
	tmpl_set(d, "JUR", b->jur);
	tmpl_set(d, "STATE", state_label(b->state));
	tmpl_set(d, "STATE_CODE", b->state);
	tmpl_set_int(d, "FORMULA", b->formula);
	tmpl_set(d, "CREATOR", b->creator);
	tmpl_set(d, "APPROVER", b->approver);
	tmpl_set(d, "DATE", b->published[0] ? b->published : b->created);
	tmpl_set_int(d, "ID", b->id);
	tmpl_set_int(d, "COMMEND_N", b->commend_n);
	tmpl_set_int(d, "NAME_BELOW", b->name_below);
	for (const char *p = b->body; *p;) {
		size_t n = strcspn(p, "\n");
		if (n > 0 && !(n == 1 && p[0] == '\r'))
			tmpl_set(tmpl_section(d, "PARA"), "V", arena_strndup(r->a, p, n));
		p += n + (p[n] == '\n');
	}
	long units = 0;
	for (size_t i = 0; i < v.ns; i++)
		units += v.s[i].score >= 0;
	tmpl_set_int(d, "UNITS", units);
	if ((size_t)units < v.ns)
		tmpl_set_int(tmpl_section(d, "UNRANKED"), "N", (long long)v.ns - units);
	tmpl_set(d, "ONE", pm(r->a, v.one[TREND_MONTHS - 1]));
	tmpl_set(d, "ACC", pm(r->a, v.acc[TREND_MONTHS - 1]));
	tmpl_set_int(d, "CALLS", v.mo ? v.mo->calls : 0);
	tmpl_set_int(d, "REFERRED", v.mo ? v.mo->referred : 0);
	tmpl_set_int(d, "MERGED", v.mo ? v.mo->merged : 0);
	tmpl_set_int(d, "MARKED", v.mo ? v.mo->qa_marked : 0);
	static const char *const keys[NTABLES] = { "T_RANKING", "T_TREND", "T_UPDATES",
						   "T_DISTRIBUTION", "T_CATEGORIES" };
	for (size_t i = 0; i < NTABLES; i++) {
		struct btable t;
		tables[i](r->a, &v, &t);
		fill_table(d, keys[i], b->id, &t);
	}
	chart_trend(r, d, &v);
	chart_updates(r, d, &v);
	chart_distribution(d, &v);
	fill_units(r, d, &v);
	fill_actions(r, d, b);
	return view_finish(r, status);
}

int h_bulletin(struct req *r)
{
	return bulletin_page(r, NULL, 200);
}

int h_bulletin_csv(struct req *r)
{
	struct bview v;
	int st = bulletin_load(r, &v);
	if (st)
		return st;
	const char *code = r->f[F_TABLE].s ? r->f[F_TABLE].s : "ranking";
	struct btable t = { 0 };
	for (size_t i = 0; i < NTABLES && t.code == NULL; i++) {
		tables[i](r->a, &v, &t);
		if (strcmp(t.code, code) != 0)
			t.code = NULL;
	}
	if (t.code == NULL) {
		r->err_msg = "没有这张表。";
		return 404;
	}
	struct buf *b = &r->out;
	b->len = 0;
	buf_add(b, "\xEF\xBB\xBF", 3);
	for (size_t j = 0; j < t.ncols; j++)
		csv_cell(b, t.head[j], j + 1 == t.ncols);
	for (size_t i = 0; i < t.nrows; i++)
		for (size_t j = 0; j < t.ncols; j++)
			csv_cell(b, t.cell[i * t.ncols + j], j + 1 == t.ncols);
	r->ctype = "text/csv; charset=utf-8";
	http_header(r, "Content-Disposition",
		    arena_printf(r->a, "attachment; filename=\"bulletin-%s-%s.csv\"", v.b->month,
				 t.code));
	r->status = 200;
	return 200;
}

int h_bulletins(struct req *r)
{
	struct bulletin_row *b;
	size_t n;
	int off = office(r);
	int rc = off ? bulletin_list(r->db, r->a, r->actor->scope_jur, 0, &b, &n)
		     : bulletin_for_unit(r->db, r->a, r->actor->jur_id, 200, &b, &n);
	if (rc != DB_OK)
		return db_status(rc);
	char month[8];
	if (assess_req_month(r, month) != 0)
		return 400;
	struct tdict *d = view_page(r, "通报", "bulletins/list.tpl");
	if (off)
		tmpl_set(tmpl_section(d, "CREATE"), "MONTH", month);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "BULLETIN");
		tmpl_set_int(row, "ID", b[i].id);
		tmpl_set(row, "TITLE", b[i].title);
		tmpl_set(row, "MONTH", b[i].month);
		tmpl_set(row, "JUR", b[i].jur);
		tmpl_set(row, "STATE", state_label(b[i].state));
		tmpl_set(row, "DATE", b[i].published[0] ? b[i].published : b[i].created);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

/* The draft's default text, from the month's figures. */
static const char *default_body(struct req *r, const char *month, const struct score_row *s,
				size_t n)
{
	long scored = 0, none = 0;
	for (size_t i = 0; i < n; i++) {
		scored += s[i].score >= 0;
		none += !s[i].has_people;
	}
	return arena_printf(r->a,
			    "根据《梅州市12345热线知识库管理办法》，市政务服务中心管理办公室对各成员单位 %s "
			    "知识库维护情况进行了考核，共考核 %ld 个单位。\n"
			    "考核依据系统记录自动计算，包括信息更新及时性、内容完整性、一次性解答率、"
			    "准确解答率和知识规范性。%s\n"
			    "请被点名单位对照本单位考核页面列出的问题逐项整改，并于下月 10 日前完成。",
			    month, scored,
			    none ? arena_printf(r->a, "目前仍有 %ld 个单位未明确知识维护的分管领导和责任人。",
						none)
				 : "");
}

int h_bulletin_create(struct req *r)
{
	char month[8];
	if (assess_req_month(r, month) != 0)
		return 400;
	struct score_row *s;
	size_t n;
	long long jur = r->actor->scope_jur, id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = score_month(r->db, r->a, month, jur, &s, &n);
	if (rc == DB_OK && n == 0) {
		db_rollback(r->db);
		r->err_msg = "该月考核尚未计算：请先在“考核”页面计算该月考核。";
		return 409;
	}
	int y, m;
	assess_month_parse(month, &y, &m);
	const char *title = arena_printf(r->a, "%s%d年%d月知识库维护考核通报",
					 jur == 0 ? "" : r->actor->jur_name, y, m);
	if (rc == DB_OK)
		rc = bulletin_create(r->db, r->a, month, jur, title, default_body(r, month, s, n),
				     s[0].formula, r->actor->user_id, &id);
	if (rc == DB_DUP) {
		db_rollback(r->db);
		r->err_msg = "该月通报已经起草，请在通报列表中打开。";
		return 409;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "bulletin.create", "bulletin", id, title);
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/bulletins/%lld?done=created", id));
}

/* The bulletin locked, if the actor's office may change it; else a status. */
static int lock_own(struct req *r, struct bulletin_row **b)
{
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = bulletin_lock(r->db, r->a, r->id, b);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	if (*b == NULL || !in_scope(r, (*b)->jur_id)) {
		db_rollback(r->db);
		return 404;
	}
	return 0;
}

int h_bulletin_save(struct req *r)
{
	struct bulletin_row *b;
	int st = lock_own(r, &b);
	if (st)
		return st;
	if (strcmp(b->state, "draft") != 0) {
		db_rollback(r->db);
		return bulletin_page(r, "通报已审核，不能再修改。", 409);
	}
	const char *title = r->f[F_TITLE].s, *body = r->f[F_BODY].present ? r->f[F_BODY].s : "";
	int rc = bulletin_save(r->db, r->a, r->id, title, body, (int)r->f[F_COMMEND_N].i,
			       (int)r->f[F_NAME_BELOW].i);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "bulletin.save", "bulletin", r->id, title);
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/bulletins/%lld?done=saved", r->id));
}

/* approve (draft, by another office user) and publish (approved). */
static int advance(struct req *r, const char *from, const char *action, const char *done)
{
	struct bulletin_row *b;
	int st = lock_own(r, &b);
	if (st)
		return st;
	if (strcmp(b->state, from) != 0) {
		db_rollback(r->db);
		return bulletin_page(r, strcmp(from, "draft") == 0 ? "通报已审核过。"
								   : "通报须先审核，才能发布。",
				     409);
	}
	if (strcmp(from, "draft") == 0 && b->created_by == r->actor->user_id) {
		db_rollback(r->db);
		return bulletin_page(r, "起草人不能审核自己起草的通报，请由管理办另一位同事审核。", 403);
	}
	int rc = bulletin_advance(r->db, r->a, r->id, from, r->actor->user_id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, action, "bulletin", r->id, b->title);
	st = end_tx(r, rc);
	return st ? st
		  : http_redirect(r, arena_printf(r->a, "/bulletins/%lld?done=%s", r->id, done));
}

int h_bulletin_approve(struct req *r)
{
	return advance(r, "draft", "bulletin.approve", "approved");
}

int h_bulletin_publish(struct req *r)
{
	return advance(r, "approved", "bulletin.publish", "published");
}
