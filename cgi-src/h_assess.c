/* 考核 (K10): the office computes a month's scores from the records the
 * system keeps and sets the formula; a unit reads its own scores and the
 * findings behind them, month by month, each linked to what to fix. */
#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "assess_run.h"
#include "assess_store.h"
#include "audit_store.h"
#include "bulletin_store.h"
#include "calendar_store.h"
#include "csv.h"
#include "handlers.h"
#include "roles.h"
#include "score_store.h"
#include "view.h"

static int office(const struct req *r)
{
	return caps_allow(r->actor->caps, 1, CAP_DISPATCH);
}

/* The month asked for ("YYYY-MM"), else the last one ended; -1 when the
 * one asked for is not a month or has not begun. */
int assess_req_month(struct req *r, char out[8])
{
	char today[11];
	calendar_today(today);
	int ty, tm, y, m;
	today[7] = '\0';
	assess_month_parse(today, &ty, &tm);
	if (r->f[F_MONTH].s == NULL || r->f[F_MONTH].s[0] == '\0') {
		y = ty, m = tm;
		assess_month_add(&y, &m, -1);
	} else if (assess_month_parse(r->f[F_MONTH].s, &y, &m) != 0 ||
		   y * 12 + m > ty * 12 + tm) {
		r->err_msg = "月份无效：请按“2026-11”的格式填写已经开始的月份。";
		return -1;
	}
	assess_month_format(y, m, out);
	return 0;
}

static void set_rates(struct tdict *row, const struct score_row *s)
{
	char b[8];
	int rate[AP__MAX];
	score_row_rates(s, rate);
	for (int i = 0; i < AP__MAX; i++) {
		assess_permille(rate[i], b);
		tmpl_set(tmpl_section(row, "RATE"), "V", b);
	}
	assess_tenths((int)s->score, b);
	tmpl_set(row, "SCORE", b);
	if (s->rank > 0)
		tmpl_set_int(row, "RANK", s->rank);
	else
		tmpl_set(row, "RANK", "—");
}

static void set_parts(struct tdict *d, const struct assess_formula *f)
{
	for (int i = 0; i < AP__MAX; i++) {
		struct tdict *p = tmpl_section(d, "PART");
		tmpl_set(p, "LABEL", assess_part_labels[i]);
		if (f)
			tmpl_set_int(p, "W", f->w[i]);
	}
}

int h_assess(struct req *r)
{
	if (!office(r)) {
		if (r->actor->unit_id == 0)
			return 403;
		r->id = r->actor->unit_id;
		return h_assess_unit(r);
	}
	char month[8];
	if (assess_req_month(r, month) != 0)
		return 400;
	struct score_row *s;
	struct score_month_row *mo;
	size_t n, nmo;
	int frozen = 0;
	struct assess_formula f;
	int rc = score_month(r->db, r->a, month, r->actor->scope_jur, &s, &n);
	if (rc == DB_OK)
		rc = score_months(r->db, r->a, month, month, &mo, &nmo);
	if (rc == DB_OK)
		rc = bulletin_month_published(r->db, r->a, month, &frozen);
	if (rc == DB_OK)
		rc = score_formula_current(r->db, r->a, &f);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "考核", "assess/month.tpl");
	tmpl_set(d, "MONTH", month);
	tmpl_set_int(d, "FORMULA", f.version);
	set_parts(d, NULL);
	if (nmo) {
		struct tdict *c = tmpl_section(d, "COMPUTED");
		tmpl_set(c, "AT", mo->computed);
		tmpl_set_int(c, "FORMULA", mo->formula);
		tmpl_setf(c, "SECONDS", "%.1f", mo->millis / 1000.0);
	}
	if (frozen)
		tmpl_show(d, "FROZEN");
	else
		tmpl_set(tmpl_section(d, "COMPUTE"), "MONTH", month);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "UNIT");
		tmpl_set_int(row, "ID", s[i].unit_id);
		tmpl_set(row, "NAME", s[i].unit);
		tmpl_set(row, "MONTH", month);
		set_rates(row, &s[i]);
		if (!s[i].has_people)
			tmpl_show(row, "NO_PEOPLE");
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}

int h_assess_compute(struct req *r)
{
	char month[8];
	if (assess_req_month(r, month) != 0)
		return 400;
	int frozen = 0;
	struct assess_formula f;
	struct wd_calendar cal;
	int rc = bulletin_month_published(r->db, r->a, month, &frozen);
	if (rc == DB_OK && frozen) {
		r->err_msg = "本月通报已发布，考核结果已冻结，不能重新计算。";
		return 409;
	}
	if (rc == DB_OK)
		rc = calendar_load(r->db, r->a, &cal);
	if (rc == DB_OK)
		rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = score_formula_current(r->db, r->a, &f);
	struct assess_run_stats st;
	if (rc == DB_OK)
		rc = assess_run(r->db, r->a, &cal, month, &f, &st);
	/* A bulletin published while this ran freezes the month first. */
	if (rc == DB_OK)
		rc = bulletin_month_published(r->db, r->a, month, &frozen);
	if (rc == DB_OK && frozen)
		rc = DB_CONFLICT;
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "assess.compute", "", 0,
			       arena_printf(r->a, "%s：%ld 个单位，%ld 条知识，%ld 项问题，公式第 %lld 版",
					    month, st.units, st.entries, st.findings, f.version));
	int s = end_tx(r, rc);
	return s ? s : http_redirect(r, arena_printf(r->a, "/assessment?month=%s&done=computed",
						     month));
}

/* A finding's links: the entry, the other entry, the update order, the
 * call (the office only), the people page. */
static void set_finding(struct req *r, struct tdict *row, const struct score_finding_row *f)
{
	tmpl_set(row, "KIND", assess_finding_label(f->kind));
	tmpl_set(row, "DETAIL", f->detail);
	if (f->entry_id) {
		struct tdict *e = tmpl_section(row, "ENTRY");
		tmpl_set_int(e, "ID", f->entry_id);
		tmpl_set(e, "TITLE", f->title[0] ? f->title : "（已无发布版本）");
	}
	if (f->other_entry_id)
		tmpl_set_int(tmpl_section(row, "OTHER"), "ID", f->other_entry_id);
	if (f->update_id)
		tmpl_set_int(tmpl_section(row, "UPDATE"), "ID", f->update_id);
	if (f->order_id && office(r))
		tmpl_set_int(tmpl_section(row, "ORDER"), "ID", f->order_id);
	if (strcmp(f->kind, "no_people") == 0)
		tmpl_show(row, "PEOPLE");
}

/* The unit's own, or the office's in scope. */
static int may_see_unit(const struct req *r, long long unit, long long jur)
{
	if (r->actor->unit_id == unit)
		return 1;
	return office(r) && (r->actor->scope_jur == 0 || r->actor->scope_jur == jur);
}

int h_assess_unit(struct req *r)
{
	struct kb_people_row *u;
	struct score_row *s = NULL;
	size_t n = 0;
	int rc = kb_people_get(r->db, r->a, r->id, &u);
	if (rc == DB_OK && u == NULL && r->id == r->actor->unit_id) {
		/* the call centre keeps no knowledge of its own */
		struct tdict *d = view_page(r, "单位考核", "assess/unit.tpl");
		tmpl_set(d, "UNIT", r->actor->unit_name);
		tmpl_show(d, "NOT_MEMBER");
		return view_finish(r, 200);
	}
	if (rc == DB_OK && u != NULL && may_see_unit(r, r->id, u->jur_id))
		rc = score_unit_months(r->db, r->a, r->id, &s, &n);
	else if (rc == DB_OK)
		return 404;
	if (rc != DB_OK)
		return db_status(rc);
	const char *month = n ? s[0].month : NULL;
	char asked[8];
	if (r->f[F_MONTH].present) {
		if (assess_req_month(r, asked) != 0)
			return 400;
		month = asked;
	}
	struct score_finding_row *f = NULL;
	struct score_kind_row *k = NULL;
	size_t nf = 0, nk = 0;
	if (month)
		rc = score_findings(r->db, r->a, month, r->id, 1000, &f, &nf);
	if (rc == DB_OK && month)
		rc = score_finding_kinds(r->db, r->a, month, r->id, &k, &nk);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "单位考核", "assess/unit.tpl");
	tmpl_set(d, "UNIT", u->unit);
	tmpl_set_int(d, "UNIT_ID", r->id);
	set_parts(d, NULL);
	if (n == 0)
		tmpl_show(d, "NONE");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "MONTH_ROW");
		tmpl_set(row, "MONTH", s[i].month);
		tmpl_set_int(row, "UNIT_ID", r->id);
		tmpl_set_int(row, "FORMULA", s[i].formula);
		set_rates(row, &s[i]);
		if (month && strcmp(month, s[i].month) == 0)
			tmpl_show(row, "CURRENT");
	}
	if (month == NULL)
		return view_finish(r, 200);
	struct tdict *fd = tmpl_section(d, "FINDINGS");
	tmpl_set(fd, "MONTH", month);
	tmpl_set_int(fd, "N", (long long)nf);
	for (size_t i = 0; i < nk; i++) {
		struct tdict *row = tmpl_section(fd, "KIND_COUNT");
		tmpl_set(row, "KIND", assess_finding_label(k[i].kind));
		tmpl_set_int(row, "N", k[i].n);
	}
	for (size_t i = 0; i < nf; i++)
		set_finding(r, tmpl_section(fd, "FINDING"), &f[i]);
	if (nf == 0)
		tmpl_show(fd, "CLEAN");
	return view_finish(r, 200);
}

int h_assess_csv(struct req *r)
{
	char month[8];
	if (assess_req_month(r, month) != 0)
		return 400;
	struct score_row *s;
	size_t n;
	int rc = score_month(r->db, r->a, month, r->actor->scope_jur, &s, &n);
	if (rc != DB_OK)
		return db_status(rc);
	static const char *const head[] = {
		"排名", "单位", "得分", "及时性", "完整性", "一次性解答率", "准确解答率", "规范性",
		"提交变更", "按时录入", "重大新闻", "按时录入重大新闻", "发布条目", "已审核",
		"知识更新工单", "按期答复", "平均办理工作日", "未补知识缺失", "必填项为空",
		"机构缺联系方式", "相关来电", "一次性解答", "质检数", "质检准确", "错别字条目",
		"关键词问题条目", "格式问题条目", "重复条目", "已明确责任人", "公式版本",
	};
	const size_t nh = sizeof head / sizeof head[0];
	struct buf *b = &r->out;
	b->len = 0;
	buf_add(b, "\xEF\xBB\xBF", 3);
	for (size_t i = 0; i < nh; i++)
		csv_cell(b, head[i], i + 1 == nh);
	for (size_t i = 0; i < n; i++) {
		const struct score_row *x = &s[i];
		char t[8];
		csv_cell(b, x->rank ? arena_printf(r->a, "%lld", x->rank) : "", 0);
		csv_cell(b, x->unit, 0);
		assess_tenths((int)x->score, t);
		csv_cell(b, t, 0);
		int rate[AP__MAX];
		score_row_rates(x, rate);
		for (int k = 0; k < AP__MAX; k++) {
			assess_permille(rate[k], t);
			csv_cell(b, t, 0);
		}
		const long long v[] = { x->changes, x->changes_on_time, x->majors, x->majors_on_time,
					x->published, x->reviewed, x->updates, x->updates_on_time };
		for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
			csv_cell(b, arena_printf(r->a, "%lld", v[k]), 0);
		csv_cell(b, arena_printf(r->a, "%lld.%lld", x->update_days_x10 / 10,
					 x->update_days_x10 % 10), 0);
		const long long w[] = { x->gaps_open, x->fields_empty, x->org_no_contacts, x->calls,
					x->calls_one, x->qa_marked, x->qa_accurate, x->typos,
					x->keywords, x->formats, x->duplicates };
		for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
			csv_cell(b, arena_printf(r->a, "%lld", w[k]), 0);
		csv_cell(b, x->has_people ? "是" : "否", 0);
		csv_cell(b, arena_printf(r->a, "%lld", x->formula), 1);
	}
	r->ctype = "text/csv; charset=utf-8";
	http_header(r, "Content-Disposition",
		    arena_printf(r->a, "attachment; filename=\"scores-%s.csv\"", month));
	r->status = 200;
	return 200;
}

static const enum field weight_fields[AP__MAX] = {
	F_W_TIMELY, F_W_COMPLETE, F_W_ONECALL, F_W_ACCURATE, F_W_QUALITY,
};

static int formula_page(struct req *r, const struct assess_formula *shown, const char *alert,
			int status)
{
	struct assess_formula f;
	int rc = score_formula_current(r->db, r->a, &f);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "考核公式", "assess/formula.tpl");
	if (alert)
		view_alert(r, alert);
	tmpl_set_int(d, "VERSION", f.version);
	const struct assess_formula *v = shown ? shown : &f;
	for (int i = 0; i < AP__MAX; i++) {
		struct tdict *p = tmpl_section(d, "PART");
		tmpl_set(p, "LABEL", assess_part_labels[i]);
		tmpl_set(p, "NAME", field_defs[weight_fields[i]].name);
		tmpl_set_int(p, "W", v->w[i]);
	}
	tmpl_set_int(d, "SAMPLE_PCT", v->sample_pct);
	tmpl_set_int(d, "SAMPLE_MIN", v->sample_min);
	tmpl_show(d, r->actor->scope_jur == 0 ? "EDIT" : "READONLY");
	return view_finish(r, status);
}

int h_assess_formula(struct req *r)
{
	return formula_page(r, NULL, NULL, 200);
}

int h_assess_formula_save(struct req *r)
{
	if (r->actor->scope_jur != 0) {
		r->err_msg = "考核公式全市统一，由市管理办设定。";
		return 403;
	}
	struct assess_formula f = { 0 };
	for (int i = 0; i < AP__MAX; i++)
		f.w[i] = (int)r->f[weight_fields[i]].i;
	f.sample_pct = (int)r->f[F_SAMPLE_PCT].i;
	f.sample_min = (int)r->f[F_SAMPLE_MIN].i;
	const char *bad = assess_formula_check(&f);
	if (bad)
		return formula_page(r, &f, bad, 400);
	long long version = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = score_formula_add(r->db, r->a, &f, r->actor->user_id, &version);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "assess.formula", "formula", version,
			       arena_printf(r->a, "及时性 %d，完整性 %d，一次性解答率 %d，准确解答率 %d，"
					    "规范性 %d；抽检 %d%%，至少 %d 件",
					    f.w[0], f.w[1], f.w[2], f.w[3], f.w[4], f.sample_pct,
					    f.sample_min));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/assessment/formula?done=saved");
}
