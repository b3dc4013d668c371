/* Lists of work orders: a unit's queue (U2), the office's search and its
 * CSV export, and the return requests with their counts per unit (D3). */
#include <string.h>

#include "calendar_store.h"
#include "csv.h"
#include "db.h"
#include "handlers.h"
#include "order.h"
#include "order_store.h"
#include "tmpl.h"
#include "view.h"

#define QUEUE_PAGE 50
#define SEARCH_PAGE 50
#define CSV_MAX 10000
#define SEARCH_DAYS 30   /* the search's default range: the last 30 days */

static const char *state_label(const char *code);

static const struct { const char *code, *label; } buckets[] = {
	{ "", "全部待办" }, { "new", "新派单" }, { "active", "办理中" },
	{ "due", "一个工作日内到期" }, { "overdue", "已超期" }, { "return", "退回待定" },
};

int h_order_queue(struct req *r)
{
	const char *bucket = req_str(r, F_STATE);
	int b = -1;
	for (size_t i = 0; i < sizeof buckets / sizeof buckets[0]; i++)
		if (strcmp(buckets[i].code, bucket) == 0)
			b = (int)i;
	if (b < 0) {
		r->err_msg = "筛选条件无效。";
		return 400;
	}
	const struct actor *ac = r->actor;
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	char today[11], soon[11];
	struct dbres rows, counts, rem;
	/* "Due soon": due today or on the next working day. */
	int rc = calendar_workdays_from_today(r->db, r->a, 1, today, soon);
	if (rc == DB_OK)
		rc = ords_queue(r->db, r->a, ac->unit_id, bucket, today, soon, QUEUE_PAGE + 1,
				(long long)(page - 1) * QUEUE_PAGE, &rows);
	if (rc == DB_OK)
		rc = ords_queue_counts(r->db, r->a, ac->unit_id, today, soon, &counts);
	if (rc == DB_OK)
		rc = ords_reminders(r->db, r->a, ac->unit_id, &rem);
	struct dbres coop;
	if (rc == DB_OK)
		rc = ords_coop_queue(r->db, r->a, ac->unit_id, &coop);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "本单位工单", "orders/queue.tpl");
	for (size_t i = 0; i < coop.nrows; i++) {
		struct tdict *row = tmpl_section(d, "COOP");
		tmpl_set(row, "ID", db_cell(&coop, i, 0));
		tmpl_set(row, "NUMBER", db_cell(&coop, i, 1));
		tmpl_set(row, "STATE", state_label(db_cell(&coop, i, 2)));
		tmpl_set(row, "CATEGORY", db_cell(&coop, i, 3));
		tmpl_set(row, "CONTENT", db_cell(&coop, i, 5));
		tmpl_set(row, "DUE", db_cell(&coop, i, 6) ? db_cell(&coop, i, 6) : "");
		tmpl_set(row, "LEAD", db_cell(&coop, i, 7) ? db_cell(&coop, i, 7) : "");
	}
	if (coop.nrows > 0)
		tmpl_show(d, "COOPS");
	tmpl_set(d, "UNIT", ac->unit_name ? ac->unit_name : "");
	for (size_t i = 0; i < sizeof buckets / sizeof buckets[0]; i++) {
		struct tdict *t = tmpl_section(d, "TAB");
		tmpl_set(t, "CODE", buckets[i].code);
		tmpl_set(t, "LABEL", buckets[i].label);
		/* The counts' columns follow the buckets; "all" is their open sum. */
		long long n = i > 0 ? db_int(&counts, 0, i - 1)
				    : db_int(&counts, 0, 0) + db_int(&counts, 0, 1) +
					      db_int(&counts, 0, 4);
		tmpl_set_int(t, "COUNT", n);
		if ((int)i == b)
			tmpl_show(t, "CURRENT");
	}
	unsigned parties = 1u << OP_OWN_CLERK;
	size_t shown = rows.nrows > QUEUE_PAGE ? QUEUE_PAGE : rows.nrows;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set(row, "ID", db_cell(&rows, i, 0));
		tmpl_set(row, "NUMBER", db_cell(&rows, i, 1));
		int st = order_state_from_code(db_cell(&rows, i, 2));
		tmpl_set(row, "STATE", st >= 0 ? order_state_labels[st] : "");
		tmpl_set(row, "CATEGORY", db_cell(&rows, i, 3));
		tmpl_set(row, "PHONE", order_phone_for(r->a, parties, db_cell(&rows, i, 4)));
		tmpl_set(row, "CONTENT", db_cell(&rows, i, 5));
		const char *due = db_cell(&rows, i, 6);
		tmpl_set(row, "DUE", due ? due : "");
		tmpl_set(row, "DISPATCHED", db_cell(&rows, i, 8) ? db_cell(&rows, i, 8) : "");
		if (due && strcmp(due, today) < 0)
			tmpl_show(row, "OVERDUE");
		else if (due && strcmp(due, soon) <= 0)
			tmpl_show(row, "DUE_SOON");
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	if (page > 1)
		tmpl_set_int(tmpl_section(d, "PREV"), "PAGE", page - 1);
	if (rows.nrows > QUEUE_PAGE)
		tmpl_set_int(tmpl_section(d, "NEXT"), "PAGE", page + 1);
	tmpl_set(d, "BUCKET", bucket);
	for (size_t i = 0; i < rem.nrows; i++) {
		struct tdict *m = tmpl_section(d, "REMINDER");
		tmpl_set(m, "ID", db_cell(&rem, i, 0));
		tmpl_set(m, "NUMBER", db_cell(&rem, i, 1));
		tmpl_set(m, "KIND", strcmp(db_cell(&rem, i, 2), "overdue") == 0
					    ? "已超期" : "即将到期");
		tmpl_set(m, "DUE", db_cell(&rem, i, 3));
		tmpl_set(m, "AT", db_cell(&rem, i, 4));
	}
	if (rem.nrows > 0)
		tmpl_show(d, "REMINDERS");
	return view_finish(r, 200);
}

/* The search's filter from the query; 0 or 400 with a message. A number
 * or a phone number searches all dates unless a range is given. */
static int read_filter(struct req *r, struct order_filter *f)
{
	char today[11];
	calendar_today(today);
	int t = 0;
	wd_parse(today, &t);
	memset(f, 0, sizeof *f);
	f->jur = r->actor->scope_jur;
	f->number = req_str(r, F_NUMBER);
	f->phone = req_str(r, F_CALLER_PHONE);
	f->state = req_str(r, F_STATE);
	f->unit = r->f[F_UNIT_ID].present ? r->f[F_UNIT_ID].i : 0;
	f->category = r->f[F_CATEGORY_ID].present ? r->f[F_CATEGORY_ID].i : 0;
	f->overdue = r->f[F_OVERDUE].present;
	if (*f->state && order_state_from_code(f->state) < 0) {
		r->err_msg = "状态无效。";
		return 400;
	}
	if (r->f[F_FROM].present) {
		f->from = r->f[F_FROM].s;
	} else if (*f->number || *f->phone) {
		f->from = "2000-01-01";   /* a number or phone: all dates */
	} else {
		char *from = arena_alloc(r->a, 11);
		wd_format(t - SEARCH_DAYS, from);
		f->from = from;
	}
	f->to = r->f[F_TO].present ? r->f[F_TO].s : arena_strdup(r->a, today);
	if (strcmp(f->from, f->to) > 0) {
		r->err_msg = "起始日期不能晚于截止日期。";
		return 400;
	}
	return 0;
}

static const char *state_label(const char *code)
{
	int st = order_state_from_code(code);
	return st >= 0 ? order_state_labels[st] : "";
}

static int filter_choices(struct req *r, struct tdict *d, const struct order_filter *f)
{
	struct dbres cats, units;
	int rc = ords_categories(r->db, r->a, &cats);
	if (rc == DB_OK)
		rc = ords_units(r->db, r->a, r->actor->scope_jur, &units);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < cats.nrows; i++) {
		struct tdict *o = tmpl_section(d, "CATEGORY");
		tmpl_set(o, "ID", db_cell(&cats, i, 0));
		tmpl_set(o, "NAME", db_cell(&cats, i, 1));
		if (db_int(&cats, i, 0) == f->category)
			tmpl_show(o, "SELECTED");
	}
	order_unit_options(r, d, &units, "UNIT", f->unit, 0, 0);
	for (int s = 0; s < OS__MAX; s++) {
		struct tdict *o = tmpl_section(d, "STATE_OPT");
		tmpl_set(o, "CODE", order_state_codes[s]);
		tmpl_set(o, "LABEL", order_state_labels[s]);
		if (strcmp(order_state_codes[s], f->state) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_set(d, "NUMBER", f->number);
	tmpl_set(d, "PHONE", f->phone);
	tmpl_set(d, "FROM", f->from);
	tmpl_set(d, "TO", f->to);
	if (f->overdue)
		tmpl_show(d, "OVERDUE_CHECKED");
	return 0;
}

/* The query string of the filter, for the pager and the CSV link. */
static const char *filter_qs(struct req *r, const struct order_filter *f)
{
	const char *qs = r->query_string ? r->query_string : "";
	(void)f;
	/* Drop a page= parameter; the pager adds its own. */
	struct buf b;
	buf_init(&b, r->a);
	const char *p = qs;
	while (*p) {
		const char *amp = strchr(p, '&');
		size_t n = amp ? (size_t)(amp - p) : strlen(p);
		if (!(n >= 5 && strncmp(p, "page=", 5) == 0)) {
			if (b.len)
				buf_add(&b, "&", 1);
			buf_add(&b, p, n);
		}
		p += n + (amp ? 1 : 0);
	}
	return buf_str(&b);
}

int h_order_search(struct req *r)
{
	struct order_filter f;
	int st = read_filter(r, &f);
	if (st)
		return st;
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	struct dbres rows;
	int rc = ords_search(r->db, r->a, &f, SEARCH_PAGE + 1,
			     (long long)(page - 1) * SEARCH_PAGE, &rows);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "工单查询", "orders/search.tpl");
	st = filter_choices(r, d, &f);
	if (st)
		return st;
	unsigned parties = 1u << OP_OFFICE;
	size_t shown = rows.nrows > SEARCH_PAGE ? SEARCH_PAGE : rows.nrows;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set(row, "ID", db_cell(&rows, i, 0));
		tmpl_set(row, "NUMBER", db_cell(&rows, i, 1));
		tmpl_set(row, "CREATED", db_cell(&rows, i, 2));
		tmpl_set(row, "PHONE", order_phone_for(r->a, parties, db_cell(&rows, i, 4)));
		tmpl_set(row, "CATEGORY", db_cell(&rows, i, 6));
		tmpl_set(row, "JUR", db_cell(&rows, i, 7));
		tmpl_set(row, "UNIT", db_cell(&rows, i, 8) ? db_cell(&rows, i, 8) : "");
		tmpl_set(row, "STATE", state_label(db_cell(&rows, i, 9)));
		tmpl_set(row, "DUE", db_cell(&rows, i, 10) ? db_cell(&rows, i, 10) : "");
		if (db_int(&rows, i, 11))
			tmpl_show(row, "OVERDUE");
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	const char *qs = filter_qs(r, &f);
	tmpl_set(d, "QS", qs);
	if (page > 1) {
		struct tdict *p = tmpl_section(d, "PREV");
		tmpl_set_int(p, "PAGE", page - 1);
		tmpl_set(p, "QS", qs);
	}
	if (rows.nrows > SEARCH_PAGE) {
		struct tdict *p = tmpl_section(d, "NEXT");
		tmpl_set_int(p, "PAGE", page + 1);
		tmpl_set(p, "QS", qs);
	}
	return view_finish(r, 200);
}

int h_order_csv(struct req *r)
{
	struct order_filter f;
	int st = read_filter(r, &f);
	if (st)
		return st;
	struct dbres rows;
	int rc = ords_search(r->db, r->a, &f, CSV_MAX, 0, &rows);
	if (rc != DB_OK)
		return db_status(rc);
	static const char *const head[] = {
		"工单编号", "受理时间", "来电人", "来电号码", "来源渠道", "问题分类",
		"所属区域", "承办单位", "状态", "办理期限", "是否超期", "诉求内容",
	};
	struct buf *b = &r->out;
	b->len = 0;
	buf_add(b, "\xEF\xBB\xBF", 3); /* the BOM: Excel then reads UTF-8 */
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_cell(b, head[i], i + 1 == sizeof head / sizeof head[0]);
	for (size_t i = 0; i < rows.nrows; i++) {
		const char *ch = order_code_label(order_channels, db_cell(&rows, i, 5));
		const char *cells[] = {
			db_cell(&rows, i, 1), db_cell(&rows, i, 2), db_cell(&rows, i, 3),
			db_cell(&rows, i, 4), ch, db_cell(&rows, i, 6), db_cell(&rows, i, 7), db_cell(&rows, i, 8),
			state_label(db_cell(&rows, i, 9)), db_cell(&rows, i, 10),
			db_int(&rows, i, 11) ? "是" : "否", db_cell(&rows, i, 12),
		};
		for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
			if (k == 3)  /* 来电号码 */
				csv_phone(b, cells[k], 0);
			else
				csv_cell(b, cells[k], k + 1 == sizeof cells / sizeof cells[0]);
	}
	char today[11];
	calendar_today(today);
	r->ctype = "text/csv; charset=utf-8";
	http_header(r, "Content-Disposition",
		    arena_printf(r->a, "attachment; filename=\"orders-%s.csv\"", today));
	r->status = 200;
	return 200;
}

int h_order_returns(struct req *r)
{
	const struct actor *ac = r->actor;
	struct dbres pend, counts;
	int rc = ords_returns(r->db, r->a, ac->scope_jur, &pend);
	if (rc == DB_OK)
		rc = ords_return_counts(r->db, r->a, ac->scope_jur, &counts);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "退回申请", "orders/returns.tpl");
	for (size_t i = 0; i < pend.nrows; i++) {
		struct tdict *row = tmpl_section(d, "PENDING");
		tmpl_set(row, "ORDER_ID", db_cell(&pend, i, 1));
		tmpl_set(row, "NUMBER", db_cell(&pend, i, 2));
		tmpl_set(row, "UNIT", db_cell(&pend, i, 3));
		tmpl_set(row, "REASON", db_cell(&pend, i, 4));
		tmpl_set(row, "SUGGESTED", db_cell(&pend, i, 5));
		tmpl_set(row, "AT", db_cell(&pend, i, 6));
	}
	if (pend.nrows == 0)
		tmpl_show(d, "NONE_PENDING");
	for (size_t i = 0; i < counts.nrows; i++) {
		struct tdict *row = tmpl_section(d, "COUNT");
		static const char *const keys[] = {
			"UNIT", "TOTAL", "PENDING", "REDISPATCHED", "REFUSED", "DISPUTED",
		};
		for (size_t k = 0; k < 6; k++)
			tmpl_set(row, keys[k], db_cell(&counts, i, k));
	}
	if (counts.nrows == 0)
		tmpl_show(d, "NONE_COUNTED");
	return view_finish(r, 200);
}
