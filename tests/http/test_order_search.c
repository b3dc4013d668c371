/* The office's search and export (工单查询, 导出): every filter and their
 * combinations, a county's office inside its jurisdiction, the CSV file as
 * a spreadsheet reads it (no cell run as a formula: issue 11, item 12), and
 * the plans of the queue and search statements (EXPLAIN: no scan of the
 * whole orders table). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orders.h"

#include "order_store.h"

struct search_set {
	char s1[64], s2[64], s3[64], s4[64], s5[64], s6[64];
	char p1[32], p2[32], p3[32];
};

/* Six orders of category cat: through the intake today S1 (dispatched to
 * 人社局, P1), S2 (answered, P2), S3 (梅江区, P1); as time leaves them
 * S4 (供电局, overdue, 12 days old, P3), S5 (closed, 45 days old, P3),
 * S6 (closed, 100 days old, P3). */
static void search_set(struct web *op, long cat, int base, struct search_set *x)
{
	char due[11], tag[16], title[512];
	phone_no(x->p1, base + 1);
	phone_no(x->p2, base + 2);
	phone_no(x->p3, base + 3);
	struct call c = dispatch_to(x->p1, cat, jur_id("meizhou"), unit_id("city-hrss"));
	c.content = "=1+1 公司拖欠工资，\"老板\"失联";
	create(op, &c, x->s1, sizeof x->s1);
	struct call an = { .outcome = "answer", .phone = x->p2, .content = "养老保险怎么交",
			   .cat = cat, .jur = jur_id("meizhou"),
			   .entry = kb_entry(op, published_title("city-hrss", title, sizeof title)) };
	create(op, &an, x->s2, sizeof x->s2);
	c = dispatch_to(x->p1, cat, jur_id("meijiang"), unit_id("meijiang-hrss"));
	create(op, &c, x->s3, sizeof x->s3);
	add_days(run_day, -10, due);
	snprintf(tag, sizeof tag, "s4-%d", base);
	struct raw r = { .number = raw_number(x->s4, tag), .phone = x->p3, .state = "dispatched",
			 .due = due, .jur = jur_id("meizhou"), .cat = cat,
			 .unit = unit_id("city-power"), .days_ago = 12, .overdue = 1 };
	raw_order(&r);
	snprintf(tag, sizeof tag, "s5-%d", base);
	r.number = raw_number(x->s5, tag);
	r.state = "closed";
	r.unit = unit_id("city-hrss");
	r.days_ago = 45;
	r.overdue = 0;
	add_days(run_day, -40, due);
	raw_order(&r);
	snprintf(tag, sizeof tag, "s6-%d", base);
	r.number = raw_number(x->s6, tag);
	r.days_ago = 100;
	add_days(run_day, -95, due);
	raw_order(&r);
}

START_TEST(office_search_filters)
{
	struct web op, coord, mjc;
	char q[512], d1[11], d2[11], today[11], from[11];
	struct search_set x;
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	sign_in(&mjc, "mj_coordinator");
	search_set(&op, cat_other, 1401, &x);
	long c = cat_other;

	/* Default: the last 30 days. */
	snprintf(q, sizeof q, "category_id=%ld", c);
	search_lists(&coord, q, 4, x.s1, x.s2, x.s3, x.s4);
	ck_assert_str_eq(search_cell(&coord, x.s4, "状态"), "待签收");
	ck_assert_str_eq(search_cell(&coord, x.s4, "承办单位"), unit_name("city-power"));
	ck_assert_str_eq(search_cell(&coord, x.s4, "来电号码"), x.p3);
	ck_assert_str_eq(search_cell(&coord, x.s3, "区域"), jur_name("meijiang"));
	ck_assert_str_eq(search_cell(&coord, x.s2, "状态"), "一次性解答");
	ck_assert_str_eq(search_cell(&coord, x.s1, "问题分类"), other_name);
	ck_assert_msg(strstr(search_cell(&coord, x.s4, "办理期限"), "已超期") != NULL, "S4 is not marked 已超期");
	ck_assert_msg(strstr(search_cell(&coord, x.s1, "办理期限"), "已超期") == NULL, "S1 is marked 已超期");
	/* The form shows the range it used: the 30 days up to the server's
	 * today. */
	snprintf(today, sizeof today, "%s", text(&coord, "//input[@id='to']/@value"));
	ck_assert_msg(is_run_date(today), "the search ends on %s", today);
	add_days(today, -30, from);
	ck_assert_str_eq(text(&coord, "//input[@id='from']/@value"), from);
	/* By number and by phone: any date. */
	snprintf(q, sizeof q, "number=%s", x.s5);
	search_lists(&coord, q, 1, x.s5);
	snprintf(q, sizeof q, "number=%s", x.s1);
	search_lists(&coord, q, 1, x.s1);
	snprintf(q, sizeof q, "caller_phone=%s", x.p1);
	search_lists(&coord, q, 2, x.s1, x.s3);
	snprintf(q, sizeof q, "caller_phone=%s", x.p3);
	search_lists(&coord, q, 3, x.s4, x.s5, x.s6);
	/* By state, unit, overdue. */
	snprintf(q, sizeof q, "category_id=%ld&state=answered", c);
	search_lists(&coord, q, 1, x.s2);
	snprintf(q, sizeof q, "category_id=%ld&state=dispatched", c);
	search_lists(&coord, q, 3, x.s1, x.s3, x.s4);
	snprintf(q, sizeof q, "category_id=%ld&unit_id=%ld", c, unit_id("city-power"));
	search_lists(&coord, q, 1, x.s4);
	snprintf(q, sizeof q, "category_id=%ld&unit_id=%ld", c, unit_id("city-hrss"));
	search_lists(&coord, q, 1, x.s1);
	snprintf(q, sizeof q, "category_id=%ld&overdue=1", c);
	search_lists(&coord, q, 1, x.s4);
	ck_assert_int_eq(count(&coord, "//input[@id='overdue'][@checked]"), 1);
	/* By date range (受理日期, inclusive): wide ranges up to today, and
	 * the day S4 was taken on, as the server stored it. */
	beijing_day(today, 0);
	add_days(run_day, -50, d1);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", c, d1, today);
	search_lists(&coord, q, 5, x.s1, x.s2, x.s3, x.s4, x.s5);
	add_days(run_day, -120, d1);
	add_days(run_day, -40, d2);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", c, d1, d2);
	search_lists(&coord, q, 2, x.s5, x.s6);
	snprintf(q, sizeof q, "caller_phone=%s&from=%s&to=%s", x.p3, d1, d2);
	search_lists(&coord, q, 2, x.s5, x.s6);
	order_day(x.s4, d1);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", c, d1, d1);
	search_lists(&coord, q, 1, x.s4);
	/* Filters combine. */
	snprintf(q, sizeof q, "category_id=%ld&caller_phone=%s&unit_id=%ld", c, x.p1,
		 unit_id("meijiang-hrss"));
	search_lists(&coord, q, 1, x.s3);
	/* The county office: its own jurisdiction only. */
	snprintf(q, sizeof q, "category_id=%ld", c);
	search_lists(&mjc, q, 1, x.s3);
	snprintf(q, sizeof q, "caller_phone=%s", x.p1);
	search_lists(&mjc, q, 1, x.s3);
	/* Bad filters say so. */
	add_days(today, -5, d1);
	GET(&coord, pathf(q, sizeof q, "/orders?from=%s&to=%s", today, d1), 400);
	SAYS(&coord, "起始日期", "截止日期");
	GET(&coord, "/orders?state=lost", 400);
	SAYS(&coord, "状态");
	GET(&coord, "/orders?from=2026-02-30", 400);
	web_free(&op);
	web_free(&coord);
	web_free(&mjc);
}
END_TEST

/* CSV: rows of cells, quoted, quotes doubled, CRLF between rows. */
struct csv {
	int nrows;
	int ncells[64];
	char cell[64][16][512];
};

static void csv_parse(const char *s, struct csv *out)
{
	memset(out, 0, sizeof *out);
	int r = 0, c = 0;
	size_t len = 0;
	int quoted = 0, any = 0;
	for (const char *p = s; *p; p++) {
		ck_assert_msg(r < 64 && c < 16, "CSV too large for the test");
		if (quoted) {
			if (*p == '"' && p[1] == '"') {
				p++;
			} else if (*p == '"') {
				quoted = 0;
				continue;
			}
			if (len + 1 < sizeof out->cell[0][0])
				out->cell[r][c][len++] = *p;
			continue;
		}
		if (*p == '"') {
			quoted = 1;
			any = 1;
		} else if (*p == ',') {
			out->cell[r][c][len] = '\0';
			c++;
			len = 0;
		} else if (*p == '\r' && p[1] == '\n') {
			out->cell[r][c][len] = '\0';
			out->ncells[r] = c + 1;
			r++;
			c = 0;
			len = 0;
			any = 0;
			p++;
		} else {
			ck_assert_msg(0, "unquoted character 0x%02x in the CSV", (unsigned char)*p);
		}
	}
	ck_assert_msg(!any && c == 0 && len == 0, "the CSV does not end with CRLF");
	out->nrows = r;
}

/* The data row of number, or -1. */
static int csv_row(const struct csv *t, const char *number)
{
	for (int r = 1; r < t->nrows; r++)
		if (strcmp(t->cell[r][0], number) == 0)
			return r;
	return -1;
}

static void csv_get(struct web *w, const char *query, struct csv *t)
{
	char path[1024];
	snprintf(path, sizeof path, "/orders/export.csv?%s", query);
	GET(w, path, 200);
	const char *ct = web_header(w, "Content-Type");
	ck_assert_msg(ct && strncmp(ct, "text/csv", 8) == 0, "Content-Type %s", ct ? ct : "(none)");
	ck_assert_msg(w->body_len >= 3 && memcmp(w->body, "\xEF\xBB\xBF", 3) == 0,
		      "the CSV does not start with the UTF-8 BOM");
	csv_parse(w->body + 3, t);
	static const char *const head[] = {
		"工单编号", "受理时间", "来电人", "来电号码", "来源渠道", "问题分类",
		"所属区域", "承办单位", "状态", "办理期限", "是否超期", "诉求内容",
	};
	ck_assert_int_ge(t->nrows, 1);
	ck_assert_int_eq(t->ncells[0], 12);
	for (int k = 0; k < 12; k++)
		ck_assert_str_eq(t->cell[0][k], head[k]);
	for (int r = 1; r < t->nrows; r++)
		ck_assert_msg(t->ncells[r] == 12, "CSV row %d has %d cells", r, t->ncells[r]);
}

static struct csv csv_t;

/* A county's office filters by the county's own units only (issue 13,
 * item 11); the city's office by every unit. */
START_TEST(county_filter_lists_county_units)
{
	struct web mj, city;
	sign_in(&mj, "mj_coordinator");
	sign_in(&city, "coordinator");
	long mj_hrss = unit_id("meijiang-hrss"), city_hrss = unit_id("city-hrss");
	GET(&mj, "/orders", 200);
	ck_assert_int_eq(count(&mj, "//select[@id='unit_id']/option[@value='%ld']", mj_hrss), 1);
	ck_assert_int_eq(count(&mj, "//select[@id='unit_id']/option[@value='%ld']", city_hrss), 0);
	ck_assert_msg(!body_has(&mj, unit_name("city-psb-hz")), "a county office is offered a city unit");
	GET(&city, "/orders", 200);
	ck_assert_int_eq(count(&city, "//select[@id='unit_id']/option[@value='%ld']", mj_hrss), 1);
	ck_assert_int_eq(count(&city, "//select[@id='unit_id']/option[@value='%ld']", city_hrss), 1);
	web_free(&mj);
	web_free(&city);
}
END_TEST

/* More orders than an export holds (10 000): the file says in its last
 * row that it was cut and how to narrow the search, and so does the
 * search page (issue 13, item 12). */
static const char SQL_MANY[] =
	"INSERT INTO orders (number, jurisdiction_id, channel, caller_phone, category_id,"
	" content, state, unit_id, operator_id, created_at, dispatched_at, due_date, closed_at)"
	" SELECT CONCAT('many-', ?, '-', n), ?, 'phone', CONCAT('1392', LPAD(n, 7, '0')), ?,"
	" '导出上限测试工单', 'closed', ?, (SELECT id FROM users WHERE username = 'operator'),"
	" UTC_TIMESTAMP() - INTERVAL (n % 300) DAY, UTC_TIMESTAMP() - INTERVAL (n % 300) DAY,"
	" UTC_DATE() - INTERVAL (n % 300) DAY + INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL (n % 300) DAY"
	" FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
	"   UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
	"   UNION ALL SELECT 9) a,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
	"   UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
	"   UNION ALL SELECT 9) b,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
	"   UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
	"   UNION ALL SELECT 9) c,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
	"   UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
	"   UNION ALL SELECT 9) e,"
	"  (SELECT 0 d UNION ALL SELECT 1) f) t WHERE n < ?";

static long csv_lines(const struct web *w)
{
	long n = 0;
	for (size_t i = 0; i + 1 < w->body_len; i++)
		if (w->body[i] == '\r' && w->body[i + 1] == '\n')
			n++;
	return n;
}

START_TEST(csv_says_when_cut)
{
	struct web w;
	char name[64], path[256];
	snprintf(name, sizeof name, "导出上限%s", stamp);
	long cat = add_category(name, 0, 5, 1);
	sql_exec(SQL_MANY, DB_S(stamp), DB_I(jur_id("meizhou")), DB_I(cat), DB_I(unit_id("city-hrss")),
		 DB_I(10001));
	sign_in(&w, "coordinator");
	/* 10 001 found: the page warns, the file holds 10 000 and says why. */
	GET(&w, pathf(path, sizeof path, "/orders?category_id=%ld&from=2000-01-01", cat), 200);
	ck_assert_msg(strstr(text(&w, "//p[contains(@class,'csv-cut')]"), "超过 10000 条") != NULL,
		      "the search page does not say the export would be cut");
	GET(&w, pathf(path, sizeof path, "/orders/export.csv?category_id=%ld&from=2000-01-01", cat), 200);
	ck_assert_int_eq(csv_lines(&w), 1 + 10000 + 1);
	const char *last = w.body + w.body_len - 2;
	while (last > w.body && !(last[-1] == '\n'))
		last--;
	ck_assert_msg(strstr(last, "超过 10000 条") && strstr(last, "缩小受理日期范围"),
		      "the last row of a cut export reads 「%.300s」", last);
	/* Narrowed below the cap: all of it, and no such row or warning. */
	char from[11];
	add_days(run_day, -100, from);
	GET(&w, pathf(path, sizeof path, "/orders?category_id=%ld&from=%s", cat, from), 200);
	ck_assert_int_eq(count(&w, "//p[contains(@class,'csv-cut')]"), 0);
	GET(&w, pathf(path, sizeof path, "/orders/export.csv?category_id=%ld&from=%s", cat, from), 200);
	ck_assert_msg(strstr(w.body, "超过 10000 条") == NULL, "an export under the cap says it was cut");
	ck_assert_int_gt(csv_lines(&w), 3000);
	web_free(&w);
}
END_TEST

START_TEST(office_csv_export)
{
	struct web op, coord;
	char q[512], d1[11], tab_phone[40], href[256], day[11];
	struct search_set x;
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	search_set(&op, cat_leaf, 1501, &x);
	struct csv *t = &csv_t;

	snprintf(q, sizeof q, "category_id=%ld", cat_leaf);
	csv_get(&coord, q, t);
	const char *disp = web_header(&coord, "Content-Disposition");
	ck_assert_msg(disp && sscanf(disp, "attachment; filename=\"orders-%10[0-9-].csv\"", day) == 1 &&
			      is_run_date(day), "Content-Disposition %s", disp ? disp : "(none)");
	ck_assert_int_eq(t->nrows, 1 + 4);
	const char *want[4] = { x.s1, x.s2, x.s3, x.s4 };
	for (int i = 0; i < 4; i++)
		ck_assert_msg(csv_row(t, want[i]) > 0, "the CSV lacks %s", want[i]);
	int r = csv_row(t, x.s4);
	snprintf(tab_phone, sizeof tab_phone, "\t%s", x.p3);
	ck_assert_str_eq(t->cell[r][3], tab_phone);   /* text, not 1.38E+10 */
	ck_assert_str_eq(t->cell[r][4], "电话");
	ck_assert_str_eq(t->cell[r][5], leaf_name);
	ck_assert_str_eq(t->cell[r][6], jur_name("meizhou"));
	ck_assert_str_eq(t->cell[r][7], unit_name("city-power"));
	ck_assert_str_eq(t->cell[r][8], "待签收");
	ck_assert_str_eq(t->cell[r][10], "是");
	r = csv_row(t, x.s1);
	ck_assert_str_eq(t->cell[r][2], "陈先生");
	ck_assert_str_eq(t->cell[r][7], unit_name("city-hrss"));
	ck_assert_str_eq(t->cell[r][10], "否");
	ASSERT_DUE(t->cell[r][9], LIMIT_DAYS);
	ck_assert_msg(is_run_date(t->cell[r][1]), "S1 taken on %s", t->cell[r][1]);
	/* A formula is defused; quotes survive. */
	ck_assert_str_eq(t->cell[r][11], "'=1+1 公司拖欠工资，\"老板\"失联");
	r = csv_row(t, x.s2);
	ck_assert_str_eq(t->cell[r][8], "一次性解答");
	ck_assert_str_eq(t->cell[r][7], "");
	r = csv_row(t, x.s3);
	ck_assert_str_eq(t->cell[r][6], jur_name("meijiang"));

	/* The rows follow the filter. */
	snprintf(q, sizeof q, "category_id=%ld&state=dispatched", cat_leaf);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 1 + 3);
	for (int k = 1; k < t->nrows; k++)
		ck_assert_str_eq(t->cell[k][8], "待签收");
	snprintf(q, sizeof q, "category_id=%ld&overdue=1", cat_leaf);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 2);
	ck_assert_str_eq(t->cell[1][0], x.s4);
	snprintf(q, sizeof q, "caller_phone=%s", x.p3);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 1 + 3);
	add_days(run_day, -60, d1);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", cat_leaf, d1, d1);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 1);
	/* The search page links the export with its filter. */
	GET(&coord, pathf(q, sizeof q, "/orders?category_id=%ld&state=dispatched", cat_leaf), 200);
	snprintf(href, sizeof href, "/orders/export.csv?category_id=%ld&state=dispatched", cat_leaf);
	ck_assert_str_eq(text(&coord, "//a[@class='csv']/@href"), href);
	GET(&coord, "/orders/export.csv?state=lost", 400);
	web_free(&op);
	web_free(&coord);
}
END_TEST

/* Item 12: a cell that a spreadsheet would run as a formula is prefixed. */
START_TEST(csv_cells_are_not_formulas)
{
	struct web op, office;
	char phone[32], number[64], path[256], cell[40];
	sign_in(&op, "operator");
	sign_in(&office, "coordinator");
	struct call c = dispatch_to(phone_no(phone, 31), category_id("养老保险"), jur_id("meizhou"),
				    unit_id("city-hrss"));
	c.caller = "=HYPERLINK(\"http://evil.example\")";
	c.content = "\t=cmd|' /C calc'!A0 访问测试";
	c.demand = "+1+1";
	create(&op, &c, number, sizeof number);
	GET(&office, pathf(path, sizeof path, "/orders/export.csv?number=%s", number), 200);
	ck_assert_msg(body_has(&office, number), "the order is not exported");
	ck_assert_msg(!body_has(&office, ",=HYPERLINK") && !body_has(&office, ",\"=HYPERLINK"),
		      "a formula cell: %.400s", office.body);
	ck_assert_msg(body_has(&office, "\"'=HYPERLINK"), "name not prefixed: %.400s", office.body);
	/* Led by a tab, which some spreadsheets strip before they look. */
	ck_assert_msg(body_has(&office, "\"'\t=cmd"), "content not prefixed: %.600s", office.body);
	ck_assert_msg(!body_has(&office, "\"\t=cmd"), "a formula cell: %.600s", office.body);
	/* The phone stays a number as text, after a tab of the export's own. */
	snprintf(cell, sizeof cell, "\"\t%s\"", phone);
	ck_assert_msg(body_has(&office, cell), "phone cell: %.600s", office.body);
	web_free(&op);
	web_free(&office);
}
END_TEST

/* ---- plans -------------------------------------------------------------- */

/* 3 000 orders over two years, 12 units, 9 jurisdictions, one in 12.5
 * open (due well ahead, so the sweep leaves them alone). */
static const char SQL_BULK[] =
	"INSERT INTO orders (number, jurisdiction_id, channel, caller_phone, category_id,"
	" content, state, unit_id, operator_id, created_at, dispatched_at, due_date,"
	" closed_at)"
	" SELECT CONCAT('plan-', ?, '-', n), j.id, 'phone', CONCAT('1391', LPAD(n, 7, '0')),"
	" ?, '计划测试工单',"
	" CASE n % 25 WHEN 0 THEN 'dispatched' WHEN 1 THEN 'accepted' ELSE 'closed' END,"
	" u.id, (SELECT id FROM users WHERE username = 'operator'),"
	" UTC_TIMESTAMP() - INTERVAL (n % 730) DAY - INTERVAL (n % 1440) MINUTE,"
	" UTC_TIMESTAMP() - INTERVAL (n % 730) DAY - INTERVAL (n % 1440) MINUTE,"
	" CASE WHEN n % 25 < 2 THEN UTC_DATE() + INTERVAL 40 DAY"
	"  ELSE UTC_DATE() - INTERVAL (n % 730) DAY + INTERVAL 5 DAY END,"
	" CASE WHEN n % 25 < 2 THEN NULL ELSE UTC_TIMESTAMP() - INTERVAL (n % 730) DAY END"
	" FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) a,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) b,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) c,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) e) t"
	/* the demo's jurisdictions and its first 12 departments, in turn */
	" JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM jurisdictions) j"
	"  ON j.k = t.n % 9"
	" JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM units"
	"  WHERE kind = 'department') u ON u.k = t.n % 12"
	" WHERE n < ?";
static const char SQL_ANALYZE[] = "ANALYZE TABLE orders";
/* A pending return on each bulk order, as after a bad month (the returns
 * list's plan must not sort them all); removed again after the EXPLAIN,
 * so that later suites read their own returns on the list's first page. */
static const char SQL_BULK_RETURNS[] =
	"INSERT INTO order_returns (order_id, unit_id, requested_by, requested_at, reason,"
	" basis, suggested_unit_id, state)"
	" SELECT o.id, o.unit_id, o.operator_id, o.created_at, '计划测试', '计划测试', o.unit_id,"
	" 'pending' FROM orders o WHERE o.number LIKE CONCAT('plan-', ?, '-%')";
static const char SQL_ANALYZE_RETURNS[] = "ANALYZE TABLE order_returns";
static const char SQL_DROP_RETURNS[] =
	"DELETE r FROM order_returns r JOIN orders o ON o.id = r.order_id"
	" WHERE o.number LIKE CONCAT('plan-', ?, '-%')";
#define BULK_ORDERS 3000

/* "EXPLAIN " and each planned statement; built once, so the statement
 * cache (keyed by the text's address) sees one text per pointer. */
static char explain_queue[8192], explain_search[8192], explain_returns[8192],
	explain_side[8192], explain_count[4096], explain_count_days[1024],
	explain_count_by[5][1024];

/* Fails when a row of the plan reads the orders table (alias o) whole,
 * or reads it other than reads times. */
static void no_scan_n(const char *what, const struct dbres *res, int reads)
{
	char plan[8192] = "";
	int orders_rows = 0, scans = 0;
	for (size_t i = 0; i < res->nrows; i++) {
		size_t len = strlen(plan);
		snprintf(plan + len, sizeof plan - len, "\n  %s | %s | %s | type=%s | key=%s | rows=%s | %s",
			 db_cell(res, i, 0) ? db_cell(res, i, 0) : "",
			 db_cell(res, i, 1) ? db_cell(res, i, 1) : "",
			 db_cell(res, i, 2) ? db_cell(res, i, 2) : "",
			 db_cell(res, i, 3) ? db_cell(res, i, 3) : "",
			 db_cell(res, i, 5) ? db_cell(res, i, 5) : "NULL",
			 db_cell(res, i, 8) ? db_cell(res, i, 8) : "",
			 db_cell(res, i, 9) ? db_cell(res, i, 9) : "");
		const char *table = db_cell(res, i, 2), *type = db_cell(res, i, 3);
		if (table && strcmp(table, "o") == 0) {
			orders_rows++;
			if (type && strcmp(type, "ALL") == 0)
				scans++;
		}
	}
	if (getenv("ORDERS_SHOW_PLANS"))
		printf("plan of %s:%s\n", what, plan);
	ck_assert_msg(orders_rows == reads, "the plan of %s does not read orders %d times:%s",
		      what, reads, plan);
	ck_assert_msg(scans == 0, "the plan of %s scans the whole orders table:%s", what, plan);
}

static void no_scan(const char *what, const struct dbres *res)
{
	no_scan_n(what, res, 1);
}

/* Fails unless the plan reads orders from an index alone (Extra "Using
 * index", not "Using index condition"). */
static void covering(const char *what, const struct dbres *res)
{
	for (size_t i = 0; i < res->nrows; i++) {
		const char *table = db_cell(res, i, 2), *extra = db_cell(res, i, 9);
		if (table && strcmp(table, "o") == 0)
			ck_assert_msg(extra && (strstr(extra, "Using index;") || strcmp(extra, "Using index") == 0 ||
						strstr(extra, "Using where; Using index")),
				      "the plan of %s reads the orders' rows: %s (key %s)", what,
				      extra ? extra : "", db_cell(res, i, 5) ? db_cell(res, i, 5) : "NULL");
	}
}

START_TEST(plans_use_indexes)
{
	struct sqlc s;
	sql_open(&s);
	struct dbres res;
	int rc = db_exec(s.db, &s.a, SQL_BULK, NULL, DB_S(stamp), DB_I((long long)cat_extra), DB_I((long long)BULK_ORDERS));
	ck_assert_msg(rc == DB_OK, "bulk insert: %s", db_error(s.db));
	rc = db_exec0(s.db, &s.a, SQL_ANALYZE, &res);
	ck_assert_msg(rc == DB_OK, "ANALYZE: %s", db_error(s.db));
	snprintf(explain_queue, sizeof explain_queue, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_QUEUE));
	snprintf(explain_side, sizeof explain_side, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_QUEUE_SIDE));
	snprintf(explain_search, sizeof explain_search, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_SEARCH));
	snprintf(explain_returns, sizeof explain_returns, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_RETURNS));
	char from30[11], what[128];
	long bulk_unit = unit_id("city-housing");   /* one of the bulk orders' units */
	add_days(run_day, -30, from30);

	/* A unit's queue, each bucket: 人社局 (this suite's orders) and a
	 * unit of the bulk orders. */
	static const char *const buckets[] = { "", "new", "active", "due", "overdue", "return" };
	const long long units[] = { unit_id("city-hrss"), bulk_unit };
	for (size_t u = 0; u < 2; u++)
		for (size_t b = 0; b < sizeof buckets / sizeof buckets[0]; b++) {
			const char *k = buckets[b];
			const char *day = run_day;
			rc = db_exec(s.db, &s.a, explain_queue, &res, DB_I(units[u]), DB_S(k), DB_S(k),
				     DB_S(k), DB_S(k), DB_S(day), DB_S(day), DB_S(k), DB_S(day), DB_S(k),
				     DB_I((long long)51), DB_I((long long)0));
			ck_assert_msg(rc == DB_OK, "EXPLAIN queue: %s", db_error(s.db));
			snprintf(what, sizeof what, "the queue of unit %lld, bucket 「%s」", units[u], k);
			no_scan(what, &res);
		}
	/* Beside it, the counts, reminders and cooperations: three reads
	 * of orders, none whole. */
	for (size_t u = 0; u < 2; u++) {
		const char *day = run_day;
		rc = db_exec(s.db, &s.a, explain_side, &res, DB_S(day), DB_S(day), DB_I(units[u]),
			     DB_I(units[u]), DB_I(units[u]));
		ck_assert_msg(rc == DB_OK, "EXPLAIN queue side: %s", db_error(s.db));
		snprintf(what, sizeof what, "the counts and reminders of unit %lld", units[u]);
		no_scan_n(what, &res, 3);
		}

	/* The office's search. */
	struct {
		const char *what, *from, *number, *phone, *state;
		long long jur, unit, cat, overdue;
	} searches[] = {
		{ "the default search (last 30 days)", from30, "", "", "", 0, 0, 0, 0 },
		{ "梅江区's default search", from30, "", "", "", jur_id("meijiang"), 0, 0, 0 },
		{ "search by number", "2000-01-01", NULL, "", "", 0, 0, 0, 0 },
		{ "search by phone", "2000-01-01", "", "13910000042", "", 0, 0, 0, 0 },
		{ "search by unit", from30, "", "", "", 0, bulk_unit, 0, 0 },
		{ "search by unit and state", from30, "", "", "closed", 0, bulk_unit, 0, 0 },
		{ "search by category", from30, "", "", "", 0, 0, cat_extra, 0 },
		{ "search of the overdue", from30, "", "", "", 0, 0, 0, 1 },
	};
	char plan_number[64];
	snprintf(plan_number, sizeof plan_number, "plan-%s-42", stamp);
	searches[2].number = plan_number;
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		rc = db_exec(s.db, &s.a, explain_search, &res, DB_S(searches[i].from), DB_S((const char *)run_day), DB_I(searches[i].jur), DB_I(searches[i].jur), DB_S(searches[i].number), DB_S(searches[i].number), DB_S(searches[i].phone), DB_S(searches[i].phone), DB_S(searches[i].state), DB_S(searches[i].state), DB_I(searches[i].unit), DB_I(searches[i].unit), DB_I(searches[i].cat), DB_I(searches[i].cat), DB_I(searches[i].overdue), DB_I((long long)51), DB_I((long long)0));
		ck_assert_msg(rc == DB_OK, "EXPLAIN search: %s", db_error(s.db));
		no_scan(searches[i].what, &res);
	}

	/* The page's count to the CSV cap: the general statement (every
	 * search above), the dates alone, and the dates with one filter
	 * (each along that filter's index alone: no row read). */
	snprintf(explain_count, sizeof explain_count, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_COUNT));
	snprintf(explain_count_days, sizeof explain_count_days, "EXPLAIN %s",
		 order_plan_sql(ORDER_PLAN_COUNT_DAYS));
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		rc = db_exec(s.db, &s.a, explain_count, &res, DB_S(searches[i].from), DB_S((const char *)run_day), DB_I(searches[i].jur), DB_I(searches[i].jur), DB_S(searches[i].number), DB_S(searches[i].number), DB_S(searches[i].phone), DB_S(searches[i].phone), DB_S(searches[i].state), DB_S(searches[i].state), DB_I(searches[i].unit), DB_I(searches[i].unit), DB_I(searches[i].cat), DB_I(searches[i].cat), DB_I(searches[i].overdue), DB_I((long long)10001));
		ck_assert_msg(rc == DB_OK, "EXPLAIN count: %s", db_error(s.db));
		snprintf(what, sizeof what, "the count of %s", searches[i].what);
		no_scan(what, &res);
	}
	rc = db_exec(s.db, &s.a, explain_count_days, &res, DB_S(from30), DB_S((const char *)run_day),
		     DB_I((long long)10001));
	ck_assert_msg(rc == DB_OK, "EXPLAIN count: %s", db_error(s.db));
	no_scan("the count of the last 30 days", &res);
	covering("the count of the last 30 days", &res);
	const struct { enum order_planned plan; struct db_param v; const char *what; } by[] = {
		{ ORDER_PLAN_COUNT_JUR, DB_I(jur_id("meijiang")), "the count of 梅江区's 30 days" },
		{ ORDER_PLAN_COUNT_STATE, DB_S("dispatched"), "the count of a state's 30 days" },
		{ ORDER_PLAN_COUNT_UNIT, DB_I(bulk_unit), "the count of a unit's 30 days" },
		{ ORDER_PLAN_COUNT_CATEGORY, DB_I((long long)cat_extra), "the count of a category's 30 days" },
		{ ORDER_PLAN_COUNT_OVERDUE, DB_I(1LL), "the count of the overdue of 30 days" },
	};
	for (size_t i = 0; i < sizeof by / sizeof by[0]; i++) {
		snprintf(explain_count_by[i], sizeof explain_count_by[i], "EXPLAIN %s",
			 order_plan_sql(by[i].plan));
		rc = db_exec(s.db, &s.a, explain_count_by[i], &res, by[i].v, DB_S(from30),
			     DB_S((const char *)run_day), DB_I((long long)10001));
		ck_assert_msg(rc == DB_OK, "EXPLAIN count: %s", db_error(s.db));
		no_scan(by[i].what, &res);
		covering(by[i].what, &res);
	}

	/* The returns list: along (state, requested_at) to the page, each
	 * order by its key; no sort of every pending return (issue 15). */
	rc = db_exec(s.db, &s.a, SQL_BULK_RETURNS, NULL, DB_S(stamp));
	ck_assert_msg(rc == DB_OK, "bulk returns: %s", db_error(s.db));
	rc = db_exec0(s.db, &s.a, SQL_ANALYZE_RETURNS, &res);
	ck_assert_msg(rc == DB_OK, "ANALYZE: %s", db_error(s.db));
	const long long jurs[] = { 0, jur_id("meijiang") };
	for (size_t j = 0; j < 2; j++) {
		rc = db_exec(s.db, &s.a, explain_returns, &res, DB_I(jurs[j]), DB_I(jurs[j]), DB_I((long long)51), DB_I((long long)0));
		ck_assert_msg(rc == DB_OK, "EXPLAIN returns: %s", db_error(s.db));
		snprintf(what, sizeof what, "the returns list of jurisdiction %lld", jurs[j]);
		no_scan(what, &res);
		ck_assert_msg(res.nrows > 0 && strcmp(db_cell(&res, 0, 2), "r") == 0 &&
			      db_cell(&res, 0, 5) && strcmp(db_cell(&res, 0, 5), "k_order_returns_state") == 0,
			      "%s does not start along k_order_returns_state", what);
		for (size_t i = 0; i < res.nrows; i++)
			ck_assert_msg(db_cell(&res, i, 9) == NULL || strstr(db_cell(&res, i, 9), "filesort") == NULL,
				      "%s sorts: %s", what, db_cell(&res, i, 9));
	}
	rc = db_exec(s.db, &s.a, SQL_DROP_RETURNS, NULL, DB_S(stamp));
	ck_assert_msg(rc == DB_OK, "removing the bulk returns: %s", db_error(s.db));
	sql_close(&s);
}
END_TEST

static Suite *order_search_suite(void)
{
	Suite *s = suite_create("order_search");
	TCase *tc = tcase(s, "search", 180);
	tcase_add_test(tc, office_search_filters);
	tcase_add_test(tc, office_csv_export);
	tcase_add_test(tc, county_filter_lists_county_units);
	tcase_add_test(tc, csv_says_when_cut);
	tcase_add_test(tc, csv_cells_are_not_formulas);
	tc = tcase(s, "plans", 180);
	tcase_add_test(tc, plans_use_indexes);
	return s;
}

int main(void)
{
	return suite_main(order_search_suite(), setup_order_categories);
}
