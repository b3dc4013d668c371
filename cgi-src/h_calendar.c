/* 工作日历: a month view of working days; the admin marks public holidays
 * and make-up working days (调休). */
#include <stdio.h>
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
#include "handlers.h"
#include "roles.h"
#include "view.h"
#include "workdays.h"

static const char *const weekday_names[7] = {
	"周日", "周一", "周二", "周三", "周四", "周五", "周六",
};

/* First day of the month named "YYYY-MM", or of the current month. */
static int month_start(const char *month, int *first)
{
	char s[11];
	if (month == NULL) {
		char now[96];
		audit_now(now);
		snprintf(s, sizeof s, "%.7s-01", now);
	} else {
		if (strlen(month) != 7)
			return -1;
		snprintf(s, sizeof s, "%s-01", month);
	}
	return wd_parse(s, first);
}

static void month_name(int day, char out[8])
{
	char iso[11];
	wd_format(day, iso);
	memcpy(out, iso, 7);
	out[7] = '\0';
}

/* 工作日计算: the date N working days after a date, or the working days
 * between two dates, the arithmetic every deadline uses. */
static void calculator(struct req *r, struct tdict *dict,
		       const struct wd_calendar *cal)
{
	const struct fval *from = &r->f[F_FROM], *to = &r->f[F_TO], *n = &r->f[F_N];
	tmpl_set(dict, "CALC_FROM", from->present ? from->s : "");
	tmpl_set(dict, "CALC_TO", to->present ? to->s : "");
	if (n->present)
		tmpl_set_int(dict, "CALC_N", n->i);
	if (!from->present)
		return;
	char out[11];
	struct tdict *res = tmpl_section(dict, "CALC_RESULT");
	if (n->present) {
		int due = wd_add(cal, (int)from->i, (int)n->i);
		if (due == WD_ADD_ERROR)
			return;
		wd_format(due, out);
		tmpl_setf(res, "TEXT", "%s 之后第 %lld 个工作日是 %s（%s）。", from->s,
			  n->i, out, weekday_names[wd_weekday(due)]);
	} else if (to->present) {
		tmpl_setf(res, "TEXT", "%s 之后至 %s（含）共有 %d 个工作日。", from->s,
			  to->s, wd_between(cal, (int)from->i, (int)to->i));
	}
}

/* The one calendar every deadline of the city and the counties counts on
 * (national holidays and make-up days are the same everywhere): only an
 * admin of the whole city changes it, not a county's (D7). */
static int calendar_editor(const struct req *r)
{
	return caps_allow(r->actor->caps, 1, CAP_CALENDAR_EDIT) && r->actor->scope_jur == 0;
}

int h_calendar(struct req *r)
{
	int first;
	if (month_start(r->f[F_MONTH].s, &first) < 0) {
		r->err_msg = "月份格式应为 YYYY-MM。";
		return 400;
	}
	int y, m, d;
	wd_to_ymd(first, &y, &m, &d);
	int next = m == 12 ? wd_from_ymd(y + 1, 1, 1) : wd_from_ymd(y, m + 1, 1);
	int prev = m == 1 ? wd_from_ymd(y - 1, 12, 1) : wd_from_ymd(y, m - 1, 1);
	char from[11], to[11];
	wd_format(first, from);
	wd_format(next - 1, to);

	struct wd_calendar cal;
	struct calendar_day_row *names;
	size_t nnames = 0;
	int rc = calendar_load(r->db, r->a, &cal);
	if (rc == DB_OK)
		rc = calendar_range(r->db, r->a, from, to, &names, &nnames);
	if (rc != DB_OK)
		return rc == DB_DOWN ? 503 : 500;

	struct tdict *dict = view_page(r, "工作日历", "calendar/month.tpl");
	char buf[8];
	tmpl_setf(dict, "MONTH_TITLE", "%d年%d月", y, m);
	month_name(prev, buf);
	tmpl_set(dict, "PREV", buf);
	month_name(next, buf);
	tmpl_set(dict, "NEXT", buf);
	month_name(first, buf);
	tmpl_set(dict, "MONTH", buf);
	tmpl_set_int(dict, "WORKDAYS", wd_between(&cal, first - 1, next - 1));
	for (int i = 1; i <= 7; i++)
		tmpl_set(tmpl_section(dict, "WEEKDAY"), "NAME", weekday_names[i % 7]);

	/* Weeks start on Monday; blank cells pad the first and last week. */
	int lead = (wd_weekday(first) + 6) % 7;
	struct tdict *week = NULL;
	size_t ni = 0;
	for (int cell = 0; cell < lead + (next - first) || cell % 7 != 0; cell++) {
		if (cell % 7 == 0)
			week = tmpl_section(dict, "WEEK");
		struct tdict *c = tmpl_section(week, "DAY");
		int day = first + cell - lead;
		if (day < first || day >= next) {
			tmpl_set(c, "CLASS", "blank");
			continue;
		}
		char iso[11];
		wd_format(day, iso);
		int wd = wd_weekday(day);
		const char *name = "";
		const char *kind = NULL;
		while (ni < nnames && strcmp(names[ni].day, iso) < 0)
			ni++;
		if (ni < nnames && strcmp(names[ni].day, iso) == 0) {
			kind = names[ni].kind;
			name = names[ni].name;
		}
		int work = wd_is_workday(&cal, day);
		tmpl_set(c, "CLASS", kind ? kind : (wd == 0 || wd == 6) ? "weekend" : "normal");
		tmpl_set(c, "DATE", iso);
		wd_to_ymd(day, &y, &m, &d);
		tmpl_set_int(c, "DN", d);
		tmpl_set(c, "STATE", work ? "工作日" : "休息日");
		tmpl_set(c, "LABEL", kind == NULL ? "" :
			 strcmp(kind, "holiday") == 0 ? "休" : "班");
		tmpl_set(c, "NAME", name);
	}
	calculator(r, dict, &cal);
	if (calendar_editor(r)) {
		struct tdict *e = tmpl_section(dict, "EDIT");
		tmpl_set(e, "FROM", from);
	}
	return view_finish(r, 200);
}

int h_calendar_set(struct req *r)
{
	if (!calendar_editor(r)) {
		r->err_msg = "工作日历全市共用，每个期限都据此计算，由市系统管理员维护。";
		return 403;
	}
	const char *kind = r->f[F_DAY_KIND].s;
	static const char *const label[] = { "holiday", "法定节假日", "workday",
					     "调休上班日", "normal", "恢复为普通日" };
	const char *what = NULL;
	for (int i = 0; i < 6; i += 2)
		if (strcmp(kind, label[i]) == 0)
			what = label[i + 1];
	if (what == NULL) {
		r->err_msg = "日期类型无效。";
		return 400;
	}
	const char *date = r->f[F_DATE].s;
	const char *name = req_str(r, F_NAME);
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = calendar_set(r->db, r->a, date, kind, name);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "calendar.set", "calendar", r->f[F_DATE].i,
			       arena_printf(r->a, "%s 设为%s%s%s", date, what,
					    *name ? " " : "", name));
	if (rc == DB_OK)
		rc = db_commit(r->db);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return rc == DB_DOWN ? 503 : 500;
	}
	return http_redirect(r, arena_printf(r->a, "/calendar?month=%.7s&done=saved", date));
}
